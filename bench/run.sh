#!/usr/bin/env bash
# Benchmark of the gateway, end to end on loopback:
#   HTTP /bin/send (C clients, 100 DESTADDR per request) -> WildFly + emg-ear.ear -> smpp-out -> SMSC simulator (emg-testkit)
#
# Builds the gateway and the bench (mvn -q -Pbench -DskipTests package at the top), prepares an EMGDIR and a
# WildFly base dir of its own under bench/target/run, starts the SMSC simulator + load generator (one
# JVM), starts WildFly on 127.0.0.1 (HTTP 8080, management 9990), runs a warm-up and a measured batch,
# prints the figures, appends them to bench/RESULTS.md, and stops WildFly (its whole process group) and
# the bench JVM on every exit path.
#
# Knobs (environment): CLIENTS=8 WARMUP=5000 MESSAGES=50000 PER_REQUEST=100 INSTANCES=2 WINDOWSIZE=100
#                      JSTACK=true SKIP_BUILD=false NOTE="free text for RESULTS.md"
#                      RATE=0: messages per second offered during the measured batch (requests paced; 0: each client sends
#                      its next request once the last was answered), e.g. CLIENTS=32 PER_REQUEST=1 RATE=1500 for the
#                      single-recipient latency at half the maximum rate
#                      JFR=15: a JFR recording (profile settings) of WildFly for that many seconds from halfway through
#                      the measured requests (KANNEL=true: during the gateway's case JFR_CASE), summarised by JfrTop
#                      into bench/target/run/*.top.txt; in the SMPP case starting the recording set the JIT compilers
#                      recompiling for its whole length (26 s of their CPU, a third of the throughput; bench/RESULTS.md):
#                      read such a run's figures as the profile's, not the gateway's
#                      PROFILE=15: an async-profiler CPU profile (1 ms, native and kernel frames included) of WildFly for that many
#                      seconds from the same point as JFR's (not with KANNEL=true), summarised by ProfileLayers into
#                      bench/target/run/wildfly.layers.txt: the share of samples, and µs per message, of the gateway, H2 and
#                      each container layer, thread hand-offs and socket calls apart; the profiler costs throughput itself
#                      (8,239 msg/s at 179 µs without, 6,265 at 245 with it, bench/RESULTS.md), so read shares, not rates
#                      WF_JVM_OPTS="-XX:+UseParallelGC": more JVM options for WildFly, after -Xms512m -Xmx2g
#                      -XX:MaxTenuringThreshold=1 -XX:ThreadPriorityPolicy=1 (the README's run command has the same;
#                      GC trials; -XX:ThreadPriorityPolicy=0 turns the priorities off again)
#                      BENCH_HOST=127.0.0.1 HTTP_PORT=8080 MGMT_PORT=9990: where WildFly listens (another address
#                      keeps clear of a server someone else runs on 127.0.0.1)
#                      PROTOCOL=SMPP: the load comes as submit_sm from ESME_BINDS=4 binds to an incoming SMPP
#                      connector instead of HTTP, CLIENTS threads spread over them, each with one submit in
#                      flight (CLIENTS=200 is 4 binds x window 50), PER_REQUEST submits in a row per thread turn
#                      SMPP_DLR=true: with PROTOCOL=SMPP the binds are transceivers and every submit_sm asks for a
#                      receipt (registered_delivery 1); the SMSC simulator answers with receipts, the gateway sends
#                      each client its DLR as a receipt deliver_sm, and the bench counts them (exactly once, naming
#                      the id of submit_sm_resp), their rate to the last DLR, and WildFly's CPU until then.
#                      SMPP_DLR=false: transmitters, no receipts asked for
#                      TEXT_LENGTH=160: with PROTOCOL=SMPP each submit_sm's text ("bench message N") padded with 'x' to that
#                      many characters (160: a full SMS); unset, the short text
#                      PROTOCOL=SMTP: the load comes as mails to an incoming SMTP connector (smtp-in, LOCALDOMAINS
#                      sms.bench.example), one session per client thread kept open (CLIENTS=4 by default), one
#                      recipient per mail (MAIL FROM, RCPT TO, DATA; no pipelining), PER_REQUEST=1 mail per turn
#                      H2_OPTS=";PAGE_SIZE=2048": more settings appended to H2's URL, after WRITE_DELAY=0;CACHE_SIZE=2048
#                      as the README's run command has them (trials; H2 refuses a setting twice); PG_OPTS="?..." the same
#                      for PostgreSQL's; H2_CACHE=16384: H2's CACHE_SIZE in KB instead of the README's 2048
#                      DB=postgresql: the gateway keeps its messages in PostgreSQL instead of H2: a throw-away cluster
#                      (.ci/postgresql.sh, Debian's postgresql package, installed when missing and run as root) on a free
#                      port of 127.0.0.1, the driver (version.postgresql of the top pom) deployed beside the gateway
#                      KANNEL=true: Kannel (Debian's kannel package, /usr/sbin/bearerbox and smsbox; installed by
#                      nobody but you) first, then the gateway, against one SMSC simulator with the same load, in
#                      the cases of issue 7 (CASE=all, or batch100, single, batch1000, comma separated), each
#                      after a warm-up of WARMUP_SHARE=3 times its size, then more rounds of half its size while the
#                      JVM's JIT compiler threads used more than 0.1 cores in the last (at most 300 s; on 2 cores WildFly's
#                      C2 compiler kept half a core busy for 80 s of single-recipient load: a fixed warm-up measured it beside
#                      the gateway); prints both figures and the ratios, and the compilers' CPU during each measured batch.
#                      Kannel runs from a copy of ../shared/bench/kannel/kannel.conf (ports and hosts adjusted)
#                      in bench/target/run/kannel (its logs and store file land there). CLIENTS, MESSAGES,
#                      PER_REQUEST and WARMUP do not apply (the cases fix them).
#                      SOAK=1000000: the steady-state soak of issue 7 instead of the measured batch: after WARMUP
#                      (100000 by default) that many messages as one stream of HTTP POSTs (CLIENTS=4 by default,
#                      PER_REQUEST=100) to the SMSC simulator; prints the delivered msg/s of every SOAK_SLICE=100000
#                      messages and the last slice against the first (flat: within 10%), WildFly's heap after a full
#                      GC (jcmd GC.run, GC.heap_info), its RSS and the H2 files at the start and at the end (bytes per
#                      message), its CPU per delivered message, and the RETENTION purges the server logged meanwhile
#                      with the rate delivered while each ran. MESSAGES, JSTACK and JFR do not apply.
#                      SOAK_RATE=0: msg/s offered during the soak (requests paced; 0: each client sends as soon as its
#                      last request was answered, so the queue grows whenever the gateway accepts faster than it delivers)
#                      SOAK_NMT=true: WildFly runs with -XX:NativeMemoryTracking=summary so that the soak can say where
#                      RSS beyond the heap went (jcmd VM.native_memory summary at the start and the end)
#                      SOAK_RETENTION=2m: RETENTION in the bench's server.cfg (days, or a number with d/h/m/s); the
#                      gateway purges on the clock's five-minute marks, so a soak shorter than a few times five
#                      minutes may see one purge or none
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TOP="$(dirname "$BENCH")"
RUN="$BENCH/target/run"
WF="$TOP/emg-ear/target/wildfly-38.0.1.Final"
EAR="$TOP/emg-ear/target/emg-ear.ear"
HOST=${BENCH_HOST:-127.0.0.1}
HTTP_PORT=${HTTP_PORT:-8080}
MGMT_PORT=${MGMT_PORT:-9990}

PROTOCOL=${PROTOCOL:-HTTP}
DB=${DB:-h2}
case "$DB" in h2|postgresql) ;; *) echo "DB=h2 or DB=postgresql" >&2; exit 1 ;; esac
SOAK=${SOAK:-}
SOAK_SLICE=${SOAK_SLICE:-100000}
SOAK_RETENTION=${SOAK_RETENTION:-}
SOAK_NMT=${SOAK_NMT:-true}
SOAK_RATE=${SOAK_RATE:-0}
WF_SIZING="-Xms512m -Xmx2g -XX:MaxTenuringThreshold=1 -XX:ThreadPriorityPolicy=1${WF_JVM_OPTS:+ $WF_JVM_OPTS}"
if [ -n "$SOAK" ]; then
    [ "$PROTOCOL" = HTTP ] && [ "${KANNEL:-false}" != true ] || { echo "SOAK runs HTTP requests to the gateway alone (no PROTOCOL, no KANNEL)" >&2; exit 1; }
    CLIENTS=${CLIENTS:-4}; WARMUP=${WARMUP:-100000}
    [ "$SOAK_NMT" = true ] && WF_SIZING="$WF_SIZING -XX:NativeMemoryTracking=summary"
fi
ESME_BINDS=${ESME_BINDS:-4}
SMPP_DLR=${SMPP_DLR:-true}
if [ "$PROTOCOL" = SMTP ]; then CLIENTS=${CLIENTS:-4}; PER_REQUEST=${PER_REQUEST:-1}; fi
CLIENTS=${CLIENTS:-8}
WARMUP=${WARMUP:-5000}
MESSAGES=${MESSAGES:-50000}
PER_REQUEST=${PER_REQUEST:-100}
RATE=${RATE:-0}
KANNEL=${KANNEL:-false}
CASE=${CASE:-all}
WARMUP_SHARE=${WARMUP_SHARE:-3}
KANNEL_CONF=${KANNEL_CONF:-/work/shared/bench/kannel/kannel.conf}
INSTANCES=${INSTANCES:-2}
WINDOWSIZE=${WINDOWSIZE:-100}
JSTACK=${JSTACK:-true}
JFR=${JFR:-0}
PROFILE=${PROFILE:-0}
JFR_CASE=${JFR_CASE:-}
SKIP_BUILD=${SKIP_BUILD:-false}
NOTE=${NOTE:-}
DLR_KNOB=""
[ "$PROTOCOL" = SMPP ] && DLR_KNOB=" SMPP_DLR=$SMPP_DLR"
COMMAND="PROTOCOL=$PROTOCOL ESME_BINDS=$ESME_BINDS$DLR_KNOB CLIENTS=$CLIENTS WARMUP=$WARMUP MESSAGES=$MESSAGES PER_REQUEST=$PER_REQUEST RATE=$RATE INSTANCES=$INSTANCES WINDOWSIZE=$WINDOWSIZE JSTACK=$JSTACK BENCH_HOST=$HOST bench/run.sh"
if [ -n "$SOAK" ]; then
    COMMAND="SOAK=$SOAK SOAK_SLICE=$SOAK_SLICE SOAK_RETENTION=$SOAK_RETENTION SOAK_NMT=$SOAK_NMT SOAK_RATE=$SOAK_RATE CLIENTS=$CLIENTS WARMUP=$WARMUP PER_REQUEST=$PER_REQUEST INSTANCES=$INSTANCES WINDOWSIZE=$WINDOWSIZE BENCH_HOST=$HOST bench/run.sh"
fi
if [ "$KANNEL" = true ]; then
    COMMAND="KANNEL=true CASE=$CASE WARMUP_SHARE=$WARMUP_SHARE INSTANCES=$INSTANCES WINDOWSIZE=$WINDOWSIZE BENCH_HOST=$HOST bench/run.sh"
    if [ "$PROTOCOL" != HTTP ]; then echo "KANNEL=true compares HTTP requests only" >&2; exit 1; fi
    for b in bearerbox smsbox; do
        command -v "$b" >/dev/null 2>&1 || [ -x "/usr/sbin/$b" ] || { echo "KANNEL=true needs Kannel's $b (Debian: apt-get install kannel); the bench installs nothing" >&2; exit 1; }
    done
    BEARERBOX="$(command -v bearerbox || echo /usr/sbin/bearerbox)"
    SMSBOX="$(command -v smsbox || echo /usr/sbin/smsbox)"
    [ -r "$KANNEL_CONF" ] || { echo "no Kannel configuration $KANNEL_CONF" >&2; exit 1; }
fi

[ "$DB" = postgresql ] && COMMAND="DB=postgresql $COMMAND"
[ -n "${WF_JVM_OPTS:-}" ] && COMMAND="WF_JVM_OPTS=\"$WF_JVM_OPTS\" $COMMAND"
[ -n "${H2_OPTS:-}" ] && COMMAND="H2_OPTS=\"$H2_OPTS\" $COMMAND"
[ -n "${H2_CACHE:-}" ] && COMMAND="H2_CACHE=$H2_CACHE $COMMAND"
[ -n "${PG_OPTS:-}" ] && COMMAND="PG_OPTS=\"$PG_OPTS\" $COMMAND"

say() { printf '[run.sh %(%H:%M:%S)T] %s\n' -1 "$*"; }

BENCH_PID=""
TAIL_PID=""
WF_PGID=""
BB_PGID=""
SB_PGID=""
# stops a process group of ours started with setsid: SIGTERM, up to $2 s, then SIGKILL
stop_group() {
    local pgid=$1 wait_s=$2 what=$3
    [ -n "$pgid" ] && pgrep -g "$pgid" >/dev/null 2>&1 || return 0
    say "stopping $what (process group $pgid)"
    kill -TERM -- "-$pgid" 2>/dev/null
    for _ in $(seq 1 $((wait_s * 4))); do pgrep -g "$pgid" >/dev/null 2>&1 || return 0; sleep 0.25; done
    say "$what still running after $wait_s s: SIGKILL to process group $pgid"
    kill -KILL -- "-$pgid" 2>/dev/null
    sleep 0.5
    pgrep -g "$pgid" >/dev/null 2>&1 && say "WARNING: process group $pgid ($what) is still alive"
    return 0
}
stop_kannel() {
    # smsbox first (it would reconnect to a bearerbox that goes away), then bearerbox (it writes its store)
    stop_group "$SB_PGID" 10 smsbox; SB_PGID=""
    stop_group "$BB_PGID" 20 bearerbox; BB_PGID=""
}
cleanup() {
    local rc=$?
    set +e
    if [ -n "$BENCH_PID" ] && kill -0 "$BENCH_PID" 2>/dev/null; then
        say "stopping the bench JVM ($BENCH_PID)"
        kill "$BENCH_PID" 2>/dev/null
        wait "$BENCH_PID" 2>/dev/null
    fi
    stop_kannel
    if [ -n "$TAIL_PID" ]; then kill "$TAIL_PID" 2>/dev/null; wait "$TAIL_PID" 2>/dev/null; fi
    if [ -n "$WF_PGID" ] && pgrep -g "$WF_PGID" >/dev/null 2>&1; then
        say "shutting WildFly down (process group $WF_PGID)"
        timeout 40 "$WF/bin/jboss-cli.sh" --connect --controller="$HOST:$MGMT_PORT" --command=:shutdown >/dev/null 2>&1
        for _ in $(seq 1 40); do pgrep -g "$WF_PGID" >/dev/null 2>&1 || break; sleep 0.5; done
        if pgrep -g "$WF_PGID" >/dev/null 2>&1; then
            say "still running: SIGTERM to the process group"
            kill -TERM -- "-$WF_PGID" 2>/dev/null
            for _ in $(seq 1 20); do pgrep -g "$WF_PGID" >/dev/null 2>&1 || break; sleep 0.5; done
        fi
        if pgrep -g "$WF_PGID" >/dev/null 2>&1; then
            say "still running: SIGKILL to the process group"
            kill -KILL -- "-$WF_PGID" 2>/dev/null
            sleep 1
        fi
        pgrep -g "$WF_PGID" >/dev/null 2>&1 && say "WARNING: process group $WF_PGID is still alive" || say "WildFly stopped"
    fi
    [ "$DB" = postgresql ] && stop_postgresql
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

busy() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
for p in $HTTP_PORT $MGMT_PORT; do
    if busy "$p"; then echo "port $HOST:$p is in use: another server is running; not starting the bench" >&2; exit 1; fi
done

# machine facts before anything of ours runs
LOADAVG_START="$(cut -d' ' -f1-3 /proc/loadavg)"
OTHER_SERVERS_START="$(pgrep -fc jboss-modules || true)"

if [ "$SKIP_BUILD" != true ]; then
    say "building the gateway and the bench (mvn -q -Pbench -DskipTests package)"
    (cd "$TOP" && mvn -q -Pbench -DskipTests package)
else
    say "building the bench and the test kit it uses"
    (cd "$TOP" && mvn -q -Pbench -pl bench -am -DskipTests package)
fi
[ -f "$EAR" ] && [ -x "$WF/bin/standalone.sh" ] || { echo "no $EAR or $WF: the gateway build did not produce them" >&2; exit 1; }

rm -rf "$RUN"
mkdir -p "$RUN/emgdir" "$RUN/server/deployments"
if [ "$DB" = postgresql ]; then
    . "$TOP/.ci/postgresql.sh"
    start_postgresql > "$RUN/postgresql.txt" || exit 1
    say "$(cat "$RUN/postgresql.txt")"
    PG_VERSION="$("$(find_pg_bin)/postgres" --version | awk '{print $3}')"
    DRIVER_VERSION="$(sed -n 's#.*<version.postgresql>\(.*\)</version.postgresql>.*#\1#p' "$TOP/pom.xml")"
    (cd "$TOP" && mvn -q dependency:copy -Dartifact="org.postgresql:postgresql:$DRIVER_VERSION" -DoutputDirectory="$RUN/server/deployments")
    DB_ARGS="-Demg.db.url=jdbc:postgresql://127.0.0.1:$pg_port/emg${PG_OPTS:-} -Demg.db.driver=postgresql-$DRIVER_VERSION.jar -Demg.db.user=emg -Demg.db.password=secret"
    DB_TEXT="PostgreSQL $PG_VERSION (Debian's package, default settings: synchronous_commit on, fsync on), driver $DRIVER_VERSION"
else
    mkdir -p "$RUN/db"
    DB_ARGS="-Demg.db.url=jdbc:h2:file:$RUN/db/emg;WRITE_DELAY=0;CACHE_SIZE=${H2_CACHE:-2048}${H2_OPTS:-} -Demg.db.driver=h2 -Demg.db.user=sa -Demg.db.password=sa"
    DB_TEXT="H2 file database, WRITE_DELAY=0;CACHE_SIZE=${H2_CACHE:-2048}${H2_OPTS:-}"
fi
cp -r "$WF/standalone/configuration" "$RUN/server/"
# IIOP (interface "unsecure", 127.0.0.1 even for the integration tests' server) and the transaction
# manager's ports are fixed in standalone-full.xml: move ours to free ports so that neither server
# trips over the other.
read -r IIOP IIOPS TXR TXS SMPP_PORT SMTP_PORT K_ADMIN K_BOX K_SEND < <(java -cp "$BENCH/target/classes" org.openemg.bench.FreePorts 9)
LOAD_ARGS=""
[ "$PROTOCOL" = SMPP ] && LOAD_ARGS="smppPort=$SMPP_PORT esmeBinds=$ESME_BINDS esmeReceipts=$SMPP_DLR"
[ "$PROTOCOL" = SMTP ] && LOAD_ARGS="smtpPort=$SMTP_PORT smtpDomain=sms.bench.example"
sed -i -e "s#name=\"iiop\" interface=\"unsecure\" port=\"3528\"#name=\"iiop\" interface=\"unsecure\" port=\"$IIOP\"#" \
       -e "s#name=\"iiop-ssl\" interface=\"unsecure\" port=\"3529\"#name=\"iiop-ssl\" interface=\"unsecure\" port=\"$IIOPS\"#" \
       -e "s#name=\"txn-recovery-environment\" port=\"4712\"#name=\"txn-recovery-environment\" port=\"$TXR\"#" \
       -e "s#name=\"txn-status-manager\" port=\"4713\"#name=\"txn-status-manager\" port=\"$TXS\"#" \
       "$RUN/server/configuration/standalone-full.xml"
cp "$EAR" "$RUN/server/deployments/"

say "starting the SMSC simulator and load generator"
: > "$RUN/bench.log"
if [ "$KANNEL" = true ]; then
    timeout --signal=TERM 1500 java -Xms256m -Xmx1g -cp "$BENCH/target/classes:$BENCH/target/lib/*" org.openemg.bench.Versus \
        dir="$RUN" url="http://$HOST:$HTTP_PORT" kannelUrl="http://$HOST:$K_SEND" case="$CASE" \
        warmupShare="$WARMUP_SHARE" binds="$INSTANCES" clkTck="$(getconf CLK_TCK)" \
        jfrCase="$JFR_CASE" jfrSeconds="$JFR" > "$RUN/bench.log" 2>&1 &
elif [ -n "$SOAK" ]; then
    # no slower than 50 msg/s on average, or the requests stop and the bench JVM gives up
    timeout --signal=TERM $((900 + SOAK / 50)) java -Xms256m -Xmx1g -cp "$BENCH/target/classes:$BENCH/target/lib/*" org.openemg.bench.Soak \
        dir="$RUN" url="http://$HOST:$HTTP_PORT" user=bench password=bench \
        clients="$CLIENTS" perRequest="$PER_REQUEST" warmup="$WARMUP" messages="$SOAK" slice="$SOAK_SLICE" \
        binds="$INSTANCES" loadSeconds=$((300 + SOAK / 50)) clkTck="$(getconf CLK_TCK)" retention="$SOAK_RETENTION" rate="$SOAK_RATE" \
        > "$RUN/bench.log" 2>&1 &
else
    timeout --signal=TERM $((420 + WARMUP / 1000)) java -Xms256m -Xmx1g -cp "$BENCH/target/classes:$BENCH/target/lib/*" org.openemg.bench.Bench \
        dir="$RUN" url="http://$HOST:$HTTP_PORT" user=bench password=bench \
        clients="$CLIENTS" perRequest="$PER_REQUEST" warmup="$WARMUP" messages="$MESSAGES" \
        binds="$INSTANCES" loadSeconds=120 drainSeconds=45 stallSeconds=15 \
        clkTck="$(getconf CLK_TCK)" jstack="$JSTACK" jfrSeconds="$JFR" profileSeconds="$PROFILE" rate="$RATE" prometheus="http://$HOST:$MGMT_PORT/prometheus" \
        $LOAD_ARGS > "$RUN/bench.log" 2>&1 &
fi
BENCH_PID=$!
tail -n +1 -f --pid="$BENCH_PID" "$RUN/bench.log" &
TAIL_PID=$!
for _ in $(seq 1 300); do [ -s "$RUN/smsc.port" ] && break; kill -0 "$BENCH_PID" 2>/dev/null || break; sleep 0.1; done
[ -s "$RUN/smsc.port" ] || { cat "$RUN/bench.log"; echo "the SMSC simulator did not start" >&2; exit 1; }
SMSC_PORT="$(cat "$RUN/smsc.port")"

cat > "$RUN/emgdir/server.cfg" <<EOF
# EMGDIR of the benchmark (written by bench/run.sh)
NODEID=1
ROUTING=routing
${SOAK_RETENTION:+RETENTION=$SOAK_RETENTION}

CONNECTOR http-in <
TYPE=INCOMING
PROTOCOL=HTTP
ADDRESS=$HOST:$HTTP_PORT
USERS=users
>

CONNECTOR smpp-out <
TYPE=OUTGOING
PROTOCOL=SMPP
ADDRESS=127.0.0.1:$SMSC_PORT
USERNAME=bench
PASSWORD=bench
MODE=TRANSCEIVER
INSTANCES=$INSTANCES
WINDOWSIZE=$WINDOWSIZE
KEEPALIVE=30
MAXATTEMPTS=5
RETRYDELAY=5
>
EOF
if [ "$PROTOCOL" = SMPP ]; then
    cat >> "$RUN/emgdir/server.cfg" <<EOF

CONNECTOR smpp-in <
TYPE=INCOMING
PROTOCOL=SMPP
ADDRESS=$HOST:$SMPP_PORT
USERS=users
INSTANCES=$((ESME_BINDS + 2))
WINDOWSIZE=$WINDOWSIZE
>
EOF
fi
if [ "$PROTOCOL" = SMTP ]; then
    cat >> "$RUN/emgdir/server.cfg" <<EOF

CONNECTOR smtp-in <
TYPE=INCOMING
PROTOCOL=SMTP
ADDRESS=$HOST:$SMTP_PORT
LOCALDOMAINS=sms.bench.example
INSTANCES=$((CLIENTS + 4))
>
EOF
fi
printf 'bench\tbench\n' > "$RUN/emgdir/users"
printf '*\tsmpp-out\n' > "$RUN/emgdir/routing"

# starts "$@" in $RUN/kannel in a process group of its own; prints that group's id
start_group() {
    local log=$1; shift
    ( cd "$RUN/kannel" && exec setsid "$@" ) > "$RUN/kannel/$log" 2>&1 &
    local pid=$! pgid=""
    sleep 0.2
    pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')"
    if [ -z "$pgid" ] || [ "$pgid" = "$(ps -o pgid= -p $$ | tr -d ' ')" ]; then
        kill "$pid" 2>/dev/null
        echo "$* did not start in a process group of its own" >&2
        return 1
    fi
    echo "$pgid"
}
if [ "$KANNEL" = true ]; then
    mkdir -p "$RUN/kannel"
    # the anchor's configuration, with the SMSC simulator's port and our host and free ports put in
    sed -e "s/^admin-port = .*/admin-port = $K_ADMIN/" \
        -e "s/^admin-interface = .*/admin-interface = $HOST/" \
        -e "s/^admin-allow-ip = .*/admin-allow-ip = \"127.0.0.1;$HOST\"/" \
        -e "s/^smsbox-port = .*/smsbox-port = $K_BOX/" \
        -e "s/^smsbox-interface = .*/smsbox-interface = $HOST/" \
        -e "s/^box-allow-ip = .*/box-allow-ip = \"127.0.0.1;$HOST\"/" \
        -e "s/^host = .*/host = 127.0.0.1/" \
        -e "s/^port = .*/port = $SMSC_PORT/" \
        -e "s/^bearerbox-host = .*/bearerbox-host = $HOST/" \
        -e "s/^bearerbox-port = .*/bearerbox-port = $K_BOX/" \
        -e "s/^sendsms-port = .*/sendsms-port = $K_SEND/" \
        -e "s/^sendsms-interface = .*/sendsms-interface = $HOST/" \
        "$KANNEL_CONF" > "$RUN/kannel/kannel.conf"
    for want in "admin-port = $K_ADMIN" "smsbox-port = $K_BOX" "port = $SMSC_PORT" "bearerbox-port = $K_BOX" \
                "sendsms-port = $K_SEND" "sendsms-interface = $HOST" 'store-location = "store-file.store"'; do
        grep -qx "$want" "$RUN/kannel/kannel.conf" || { echo "the Kannel configuration copy has no line '$want': $KANNEL_CONF changed shape" >&2; exit 1; }
    done
    say "starting Kannel in $RUN/kannel (sendsms on $HOST:$K_SEND, SMSC simulator on 127.0.0.1:$SMSC_PORT)"
    BB_PGID="$(start_group bearerbox.out "$BEARERBOX" -v 1 kannel.conf)"
    sleep 1.5
    SB_PGID="$(start_group smsbox.out "$SMSBOX" -v 1 kannel.conf)"
    BB_PID="$(pgrep -g "$BB_PGID" -x bearerbox | head -1)"
    SB_PID="$(pgrep -g "$SB_PGID" -x smsbox | head -1)"
    [ -n "$BB_PID" ] && [ -n "$SB_PID" ] || { echo "Kannel did not start:" >&2; tail -5 "$RUN/kannel/"*.out >&2; exit 1; }
    START=$SECONDS
    until curl -s -o /dev/null --max-time 2 "http://$HOST:$K_SEND/"; do
        if [ $((SECONDS - START)) -gt 30 ]; then echo "Kannel's sendsms did not answer within 30 s" >&2; tail -5 "$RUN/kannel/"*.out >&2; exit 1; fi
        kill -0 "$BENCH_PID" 2>/dev/null || exit 1
        sleep 0.5
    done
    say "Kannel answers: bearerbox pid $BB_PID, smsbox pid $SB_PID"
    echo "$BB_PID $SB_PID" > "$RUN/kannel.tmp" && mv "$RUN/kannel.tmp" "$RUN/kannel.ready"
    while [ ! -e "$RUN/kannel.done" ]; do
        kill -0 "$BENCH_PID" 2>/dev/null || { echo "the bench JVM ended during the Kannel cases; see $RUN/bench.log" >&2; exit 1; }
        kill -0 "$BB_PID" 2>/dev/null && kill -0 "$SB_PID" 2>/dev/null || { echo "Kannel exited during its cases" >&2; tail -5 "$RUN/kannel/"*.out >&2; exit 1; }
        sleep 0.5
    done
    KANNEL_STORE="$(ls -l "$RUN/kannel/" | awk '/store/ {printf "%s %s B; ", $9, $5}')"
    stop_kannel
fi

say "starting WildFly on $HOST:$HTTP_PORT (base dir $RUN/server, SMSC simulator on 127.0.0.1:$SMSC_PORT)"
(
    cd "$RUN"
    export LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$RUN/wildfly.pid" JBOSS_JAVA_SIZING="$WF_SIZING"
    exec setsid "$WF/bin/standalone.sh" -c standalone-full.xml -b "$HOST" -bmanagement "$HOST" \
        -Djboss.server.base.dir="$RUN/server" \
        -Djboss.http.port=$HTTP_PORT -Djboss.management.http.port=$MGMT_PORT \
        -Demg.dir="$RUN/emgdir" \
        $DB_ARGS
) > "$RUN/server-console.log" 2>&1 &
WF_SH=$!
sleep 0.2
WF_PGID="$(ps -o pgid= -p "$WF_SH" | tr -d ' ')"
if [ -z "$WF_PGID" ] || [ "$WF_PGID" = "$(ps -o pgid= -p $$ | tr -d ' ')" ]; then
    WF_PGID=""
    echo "WildFly did not get a process group of its own; stopping" >&2
    kill "$WF_SH" 2>/dev/null
    exit 1
fi

SERVER_LOG="$RUN/server/log/server.log"
START=$SECONDS
while true; do
    if [ $((SECONDS - START)) -gt 150 ]; then echo "the gateway was not deployed within 150 s" >&2; tail -30 "$SERVER_LOG" >&2; exit 1; fi
    if ! pgrep -g "$WF_PGID" >/dev/null; then echo "WildFly exited" >&2; tail -30 "$RUN/server-console.log" >&2; exit 1; fi
    if grep -q 'WFLYSRV0026\|WFLYCTL0013' "$SERVER_LOG" 2>/dev/null; then
        echo "the deployment failed:" >&2; grep -A5 'WFLYCTL0013\|WFLYSRV0026\|ERROR' "$SERVER_LOG" | head -40 >&2; exit 1
    fi
    if grep -q 'WFLYSRV0010: Deployed "emg-ear.ear"' "$SERVER_LOG" 2>/dev/null \
        && curl -s --max-time 5 "http://$HOST:$HTTP_PORT/bin/status?ID=1" | grep -q '^ERR\|^ID='; then
        break
    fi
    sleep 0.5
done
WF_PID="$(cat "$RUN/wildfly.pid")"
say "gateway deployed after $((SECONDS - START)) s; WildFly JVM pid $WF_PID"
echo "$WF_PID" > "$RUN/ready.tmp" && mv "$RUN/ready.tmp" "$RUN/ready"

set +e
wait "$BENCH_PID"
BENCH_RC=$?
BENCH_PID=""
wait "$TAIL_PID" 2>/dev/null
TAIL_PID=""
set -e
LOADAVG_END="$(cut -d' ' -f1-3 /proc/loadavg)"
for rec in "$RUN"/*.jfr; do
    [ -s "$rec" ] || continue
    java -cp "$BENCH/target/classes" org.openemg.bench.JfrTop "$rec" 12 > "${rec%.jfr}.top.txt" 2>&1 && \
        say "JFR summary of $rec:" && cat "${rec%.jfr}.top.txt"
done
for profile in "$RUN"/*.collapsed; do
    [ -s "$profile" ] || continue
    PER_MSG="$(grep -o 'WildFly CPU per message\*\* | \*\*[0-9]*' "$RUN/results.md" 2>/dev/null | grep -o '[0-9]*$' || true)"
    java -cp "$BENCH/target/classes" org.openemg.bench.ProfileLayers "$profile" $PER_MSG > "${profile%.collapsed}.layers.txt" 2>&1 && \
        say "CPU profile of $profile by layer (µs scaled to this run's CPU per message, the profiler's own cost included):" && \
        cat "${profile%.collapsed}.layers.txt"
done
if [ ! -s "$RUN/results.md" ]; then
    echo "the bench produced no figures (exit $BENCH_RC); see $RUN/bench.log and $SERVER_LOG" >&2
    exit 1
fi
WARNINGS="$(grep -c ' WARN \| ERROR ' "$SERVER_LOG" || true)"

{
    [ -s "$BENCH/RESULTS.md" ] || printf '# Benchmark results\n\nAppended by `bench/run.sh` (one section per run); observations are written by hand above the runs.\n'
    printf '\n## Run %s UTC\n\n' "$(date -u '+%Y-%m-%d %H:%M')"
    [ -n "$NOTE" ] && printf '%s\n\n' "$NOTE"
    printf -- '- command: `%s` (gateway commit %s)\n' "$COMMAND" "$(git -C "$TOP" rev-parse --short HEAD)"
    [ "$KANNEL" = true ] && printf -- '- Kannel: %s (Debian package), run from a copy of %s in %s (ports/hosts adjusted); its store files as its last case ended (rewritten every 5 s): %s\n' \
        "$("$BEARERBOX" --version 2>&1 | head -1)" "$KANNEL_CONF" "$RUN/kannel" "${KANNEL_STORE:-none}"
    printf -- '- smpp-out: INSTANCES=%s WINDOWSIZE=%s, MODE=TRANSCEIVER; %s; WildFly %s, standalone-full.xml\n' "$INSTANCES" "$WINDOWSIZE" "$DB_TEXT" "$WF_SIZING"
    printf -- '- machine: %s cores (%s), %s MB RAM free of %s MB, %s\n' "$(nproc)" \
        "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" \
        "$(free -m | awk '/^Mem:/ {print $7}')" "$(free -m | awk '/^Mem:/ {print $2}')" \
        "$(java -version 2>&1 | head -2 | tr '\n' ' ' | sed 's/ *$//')"
    printf -- '- load average before the run %s, after it %s; %s other WildFly (jboss-modules) processes running before it\n' "$LOADAVG_START" "$LOADAVG_END" "$OTHER_SERVERS_START"
    printf -- '- server.log WARN/ERROR lines during the run: %s\n' "$WARNINGS"
    [ -n "$SOAK" ] && printf -- '- soak: RETENTION=%s in server.cfg; disk free after it %s\n' "${SOAK_RETENTION:-none}" "$(df -h "$RUN" | awk 'NR==2 {print $4}')"
    printf '\n'
    cat "$RUN/results.md"
    [ "$DB" = postgresql ] && printf '\nPostgreSQL database emg after the run: %s\n' \
        "$(as_pg "$pg_bin/psql" -tA -h "$pg_dir" -p "$pg_port" -U postgres -d emg -c "SELECT pg_size_pretty(pg_database_size('emg')) || ', ' || (SELECT count(*) FROM emg_message) || ' rows in emg_message'")"
} >> "$BENCH/RESULTS.md.new"
if [ -s "$BENCH/RESULTS.md" ]; then cat "$BENCH/RESULTS.md.new" >> "$BENCH/RESULTS.md"; rm "$BENCH/RESULTS.md.new"; else mv "$BENCH/RESULTS.md.new" "$BENCH/RESULTS.md"; fi
say "figures appended to $BENCH/RESULTS.md"
tail -n 30 "$BENCH/RESULTS.md"
