#!/usr/bin/env bash
# Start (or stop) a throw-away PostgreSQL server for the tests on a loopback port.
# Usage: scripts/pg.sh start|stop ; prints the URL to use as DYAD_TEST_PG_URL on start.
set -euo pipefail
PORT=${DYAD_PG_PORT:-55432}
DIR=${DYAD_PG_DIR:-/tmp/dyad-pg-$PORT}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
RUNAS=()
if [ "$(id -u)" = 0 ]; then RUNAS=(runuser -u postgres --); fi
case "${1:-start}" in
  start)
    if [ ! -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR"; [ "$(id -u)" = 0 ] && chown postgres "$DIR"
      "${RUNAS[@]}" "$BIN/initdb" -D "$DIR" -U dyad --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! "${RUNAS[@]}" "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
      "${RUNAS[@]}" "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
    fi
    "${RUNAS[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U dyad -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname='dyad_test'" | grep -q 1 || \
      "${RUNAS[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U dyad dyad_test
    echo "postgresql+psycopg2://dyad@127.0.0.1:$PORT/dyad_test"
    ;;
  stop)
    "${RUNAS[@]}" "$BIN/pg_ctl" -D "$DIR" stop -m fast >/dev/null 2>&1 || true
    ;;
esac
