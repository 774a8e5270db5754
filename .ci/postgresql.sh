# A throw-away PostgreSQL cluster for CI and the bench, set up as the README's "PostgreSQL instead of H2" says
# (role emg with password secret, database emg). Source it, then: start_postgresql (sets pg_port, pg_dir;
# installs Debian's postgresql package when missing and run as root) and stop_postgresql. The cluster lives in
# a temporary directory on a free port of 127.0.0.1.

pg_dir=""
pg_bin=""
pg_port=""

# initdb refuses to run as root: there the cluster belongs to the package's postgres user
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

find_pg_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start_postgresql() {
    pg_bin="$(find_pg_bin)"
    if [ -z "$pg_bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "installing Debian's postgresql package"
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        pg_bin="$(find_pg_bin)"
    fi
    if [ -z "$pg_bin" ]; then
        echo "PostgreSQL needs Debian's postgresql package: apt-get install postgresql" >&2
        return 1
    fi
    pg_dir="$(mktemp -d /tmp/emg-pg.XXXXXX)"
    chmod 755 "$pg_dir"
    [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
    pg_port="$(free_port)"
    as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 >"$pg_dir/initdb.log" 2>&1 \
        || { cat "$pg_dir/initdb.log" >&2; return 1; }
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
        -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" start >/dev/null \
        || { cat "$pg_dir/server.log" >&2; return 1; }
    # the README's two statements
    as_pg "$pg_bin/psql" -q -h "$pg_dir" -p "$pg_port" -U postgres -d postgres \
        -c "CREATE ROLE emg LOGIN PASSWORD 'secret'" -c "CREATE DATABASE emg OWNER emg" || return 1
    echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (cluster in $pg_dir)"
}

stop_postgresql() {
    if [ -n "$pg_dir" ]; then
        as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$pg_dir"
        pg_dir=""
    fi
}
