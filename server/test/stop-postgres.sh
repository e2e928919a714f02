#!/bin/sh
# Stops the cluster that start-postgres.sh started on PG_TEST_PORT and deletes it.
set -eu
PORT="${PG_TEST_PORT:-5439}"
STATE="${TMPDIR:-/tmp}/privacy-elements-pg-$PORT.state"
if [ ! -f "$STATE" ]; then
  echo "stop-postgres: no test cluster recorded for port $PORT" >&2
  exit 0
fi
BINDIR="$(sed -n 1p "$STATE")"
CLUSTER_DIR="$(sed -n 2p "$STATE")"
if [ "$(id -u)" = 0 ]; then AS_OWNER="runuser -u postgres --"; else AS_OWNER=""; fi
$AS_OWNER "$BINDIR/pg_ctl" --pgdata="$CLUSTER_DIR/data" --mode=fast --wait stop >/dev/null || true
case "$CLUSTER_DIR" in
  */privacy-elements-pg.*) rm -rf "$CLUSTER_DIR" ;;   # only ever delete what start-postgres.sh made
esac
rm -f "$STATE"
