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
#                      BENCH_HOST=127.0.0.1 HTTP_PORT=8080 MGMT_PORT=9990: where WildFly listens (another address
#                      keeps clear of a server someone else runs on 127.0.0.1)
#                      PROTOCOL=SMPP: the load comes as submit_sm from ESME_BINDS=4 binds to an incoming SMPP
#                      connector instead of HTTP, CLIENTS threads spread over them, each with one submit in
#                      flight (CLIENTS=200 is 4 binds x window 50), PER_REQUEST submits in a row per thread turn
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
ESME_BINDS=${ESME_BINDS:-4}
CLIENTS=${CLIENTS:-8}
WARMUP=${WARMUP:-5000}
MESSAGES=${MESSAGES:-50000}
PER_REQUEST=${PER_REQUEST:-100}
INSTANCES=${INSTANCES:-2}
WINDOWSIZE=${WINDOWSIZE:-100}
JSTACK=${JSTACK:-true}
SKIP_BUILD=${SKIP_BUILD:-false}
NOTE=${NOTE:-}
COMMAND="PROTOCOL=$PROTOCOL ESME_BINDS=$ESME_BINDS CLIENTS=$CLIENTS WARMUP=$WARMUP MESSAGES=$MESSAGES PER_REQUEST=$PER_REQUEST INSTANCES=$INSTANCES WINDOWSIZE=$WINDOWSIZE JSTACK=$JSTACK bench/run.sh"

say() { printf '[run.sh %(%H:%M:%S)T] %s\n' -1 "$*"; }

BENCH_PID=""
WF_PGID=""
cleanup() {
    local rc=$?
    set +e
    if [ -n "$BENCH_PID" ] && kill -0 "$BENCH_PID" 2>/dev/null; then
        say "stopping the bench JVM ($BENCH_PID)"
        kill "$BENCH_PID" 2>/dev/null
        wait "$BENCH_PID" 2>/dev/null
    fi
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
mkdir -p "$RUN/emgdir" "$RUN/server/deployments" "$RUN/db"
cp -r "$WF/standalone/configuration" "$RUN/server/"
# IIOP (interface "unsecure", 127.0.0.1 even for the integration tests' server) and the transaction
# manager's ports are fixed in standalone-full.xml: move ours to free ports so that neither server
# trips over the other.
read -r IIOP IIOPS TXR TXS SMPP_PORT < <(java -cp "$BENCH/target/classes" org.openemg.bench.FreePorts 5)
SMPP_ARGS=""
[ "$PROTOCOL" = SMPP ] && SMPP_ARGS="smppPort=$SMPP_PORT esmeBinds=$ESME_BINDS"
sed -i -e "s#name=\"iiop\" interface=\"unsecure\" port=\"3528\"#name=\"iiop\" interface=\"unsecure\" port=\"$IIOP\"#" \
       -e "s#name=\"iiop-ssl\" interface=\"unsecure\" port=\"3529\"#name=\"iiop-ssl\" interface=\"unsecure\" port=\"$IIOPS\"#" \
       -e "s#name=\"txn-recovery-environment\" port=\"4712\"#name=\"txn-recovery-environment\" port=\"$TXR\"#" \
       -e "s#name=\"txn-status-manager\" port=\"4713\"#name=\"txn-status-manager\" port=\"$TXS\"#" \
       "$RUN/server/configuration/standalone-full.xml"
cp "$EAR" "$RUN/server/deployments/"

say "starting the SMSC simulator and load generator"
timeout --signal=TERM 300 java -Xms256m -Xmx1g -cp "$BENCH/target/classes:$BENCH/target/lib/*" org.openemg.bench.Bench \
    dir="$RUN" url="http://$HOST:$HTTP_PORT" user=bench password=bench \
    clients="$CLIENTS" perRequest="$PER_REQUEST" warmup="$WARMUP" messages="$MESSAGES" \
    binds="$INSTANCES" loadSeconds=120 drainSeconds=45 stallSeconds=15 \
    clkTck="$(getconf CLK_TCK)" jstack="$JSTACK" $SMPP_ARGS > "$RUN/bench.log" 2>&1 &
BENCH_PID=$!
for _ in $(seq 1 300); do [ -s "$RUN/smsc.port" ] && break; kill -0 "$BENCH_PID" 2>/dev/null || break; sleep 0.1; done
[ -s "$RUN/smsc.port" ] || { cat "$RUN/bench.log"; echo "the SMSC simulator did not start" >&2; exit 1; }
SMSC_PORT="$(cat "$RUN/smsc.port")"

cat > "$RUN/emgdir/server.cfg" <<EOF
# EMGDIR of the benchmark (written by bench/run.sh)
NODEID=1
ROUTING=routing

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
printf 'bench\tbench\n' > "$RUN/emgdir/users"
printf '*\tsmpp-out\n' > "$RUN/emgdir/routing"

say "starting WildFly on $HOST:$HTTP_PORT (base dir $RUN/server, SMSC on $HOST:$SMSC_PORT)"
(
    cd "$RUN"
    export LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$RUN/wildfly.pid" JBOSS_JAVA_SIZING="-Xms512m -Xmx2g"
    exec setsid "$WF/bin/standalone.sh" -c standalone-full.xml -b "$HOST" -bmanagement "$HOST" \
        -Djboss.server.base.dir="$RUN/server" \
        -Djboss.http.port=$HTTP_PORT -Djboss.management.http.port=$MGMT_PORT \
        -Demg.dir="$RUN/emgdir" \
        "-Demg.db.url=jdbc:h2:file:$RUN/db/emg;WRITE_DELAY=0" \
        -Demg.db.driver=h2 -Demg.db.user=sa -Demg.db.password=sa
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
tail -n +1 -f --pid="$BENCH_PID" "$RUN/bench.log"
wait "$BENCH_PID"
BENCH_RC=$?
BENCH_PID=""
set -e
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
    printf -- '- smpp-out: INSTANCES=%s WINDOWSIZE=%s, MODE=TRANSCEIVER; H2 file database, WRITE_DELAY=0; WildFly -Xms512m -Xmx2g, standalone-full.xml\n' "$INSTANCES" "$WINDOWSIZE"
    printf -- '- machine: %s cores (%s), %s MB RAM free of %s MB, %s\n' "$(nproc)" \
        "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" \
        "$(free -m | awk '/^Mem:/ {print $7}')" "$(free -m | awk '/^Mem:/ {print $2}')" \
        "$(java -version 2>&1 | head -2 | tr '\n' ' ' | sed 's/ *$//')"
    printf -- '- before the run: load average %s, %s other WildFly (jboss-modules) processes running\n' "$LOADAVG_START" "$OTHER_SERVERS_START"
    printf -- '- server.log WARN/ERROR lines during the run: %s\n\n' "$WARNINGS"
    cat "$RUN/results.md"
} >> "$BENCH/RESULTS.md.new"
if [ -s "$BENCH/RESULTS.md" ]; then cat "$BENCH/RESULTS.md.new" >> "$BENCH/RESULTS.md"; rm "$BENCH/RESULTS.md.new"; else mv "$BENCH/RESULTS.md.new" "$BENCH/RESULTS.md"; fi
say "figures appended to $BENCH/RESULTS.md"
tail -n 30 "$BENCH/RESULTS.md"
