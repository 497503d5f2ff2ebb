#!/bin/sh
# A throwaway PostgreSQL cluster for tests: trust auth, 127.0.0.1 only, its own port.
#   scripts/pg-test-server.sh start   # prints the DSN on stdout (logs go to stderr)
#   scripts/pg-test-server.sh stop    # stops it and removes its folder
#   scripts/pg-test-server.sh status
# Needs Debian's `postgresql` package (apt-get install -y postgresql); nothing is
# started by apt here, no systemd needed. initdb refuses to run as root, so as
# root the cluster runs as the `postgres` user.
# Env: ZHNEWS_PG_PORT (55432), ZHNEWS_PG_DIR (/tmp/zhnews-pg-test), ZHNEWS_PG_DB (testdb).
set -eu
PORT="${ZHNEWS_PG_PORT:-55432}"
DIR="${ZHNEWS_PG_DIR:-/tmp/zhnews-pg-test}"
DB="${ZHNEWS_PG_DB:-testdb}"
DSN="postgresql://postgres@127.0.0.1:$PORT/$DB"

PGBIN="${PGBIN:-}"
if [ -z "$PGBIN" ]; then
    for v in 15 16 17 14 13; do
        if [ -x "/usr/lib/postgresql/$v/bin/initdb" ]; then PGBIN="/usr/lib/postgresql/$v/bin"; break; fi
    done
fi
if [ -z "$PGBIN" ]; then
    echo "pg-test-server: PostgreSQL server binaries not found; apt-get install -y postgresql" >&2
    exit 2
fi

as_pg() {  # run a command line as the cluster's owner
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

running() { [ -f "$DIR/data/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl -D $DIR/data status" >/dev/null 2>&1; }

case "${1:-start}" in
start)
    if ! running; then
        if [ ! -f "$DIR/data/PG_VERSION" ]; then
            rm -rf "$DIR"; mkdir -p "$DIR"
            [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
            as_pg "$PGBIN/initdb -D $DIR/data -U postgres -A trust -E UTF8 --locale=C.UTF-8" >&2
        fi
        as_pg "$PGBIN/pg_ctl -D $DIR/data -l $DIR/pg.log -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off' -w start" >&2
    fi
    if ! as_pg "$PGBIN/psql -h 127.0.0.1 -p $PORT -U postgres -d postgres -tAc \"SELECT 1 FROM pg_database WHERE datname = '$DB'\"" | grep -q 1; then
        as_pg "$PGBIN/createdb -h 127.0.0.1 -p $PORT -U postgres $DB" >&2
    fi
    echo "$DSN"
    ;;
stop)
    if running; then as_pg "$PGBIN/pg_ctl -D $DIR/data -m fast -w stop" >&2; fi
    rm -rf "$DIR"
    ;;
status)
    if running; then echo "$DSN"; else echo "not running" >&2; exit 1; fi
    ;;
*)
    echo "usage: $0 start|stop|status" >&2; exit 2
    ;;
esac
