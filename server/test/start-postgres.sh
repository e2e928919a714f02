#!/bin/sh
# Starts a throwaway PostgreSQL cluster for the server tests and prints its
# DATABASE_URL on stdout. Listens on 127.0.0.1 only, with a random password.
# PostgreSQL refuses to run as root, so as root the cluster belongs to the
# 'postgres' user (created by Debian's postgresql package).
# Usage: PG_TEST_PORT=5439 server/test/start-postgres.sh   (stop: stop-postgres.sh)
set -eu
PORT="${PG_TEST_PORT:-5439}"

BINDIR="${PG_BINDIR:-}"
if [ -z "$BINDIR" ]; then
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then BINDIR="$dir"; fi   # the last one is the newest
  done
fi
if [ -z "$BINDIR" ] || [ ! -x "$BINDIR/initdb" ]; then
  echo "start-postgres: no PostgreSQL server binaries found under /usr/lib/postgresql/*/bin" >&2
  echo "start-postgres: install them with: apt-get install -y postgresql" >&2
  exit 2
fi

CLUSTER_DIR="$(mktemp -d "${TMPDIR:-/tmp}/privacy-elements-pg.XXXXXX")"
PASSWORD="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$PASSWORD" > "$CLUSTER_DIR/password"

if [ "$(id -u)" = 0 ]; then
  chown postgres "$CLUSTER_DIR"
  AS_OWNER="runuser -u postgres --"
else
  AS_OWNER=""
fi

# On failure: show why, and leave nothing behind (the cluster is not running then).
fail() { cat "$1" >&2; rm -rf "$CLUSTER_DIR"; exit 1; }
$AS_OWNER "$BINDIR/initdb" --pgdata="$CLUSTER_DIR/data" --username=postgres \
  --auth=scram-sha-256 --pwfile="$CLUSTER_DIR/password" --no-sync >"$CLUSTER_DIR/initdb.log" 2>&1 \
  || fail "$CLUSTER_DIR/initdb.log"
$AS_OWNER "$BINDIR/pg_ctl" --pgdata="$CLUSTER_DIR/data" --log="$CLUSTER_DIR/server.log" --wait \
  -o "-k $CLUSTER_DIR -h 127.0.0.1 -p $PORT -c max_connections=200" start >/dev/null \
  || fail "$CLUSTER_DIR/server.log"

# Remembered so that stop-postgres.sh can find the cluster for this port.
printf '%s\n%s\n' "$BINDIR" "$CLUSTER_DIR" > "${TMPDIR:-/tmp}/privacy-elements-pg-$PORT.state"

PGPASSWORD="$PASSWORD" "$BINDIR/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -q \
  -c "CREATE DATABASE privacy_elements_test" >/dev/null
echo "postgres://postgres:$PASSWORD@127.0.0.1:$PORT/privacy_elements_test"
