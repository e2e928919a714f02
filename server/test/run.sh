#!/bin/sh
# The whole server suite (npm run test:server): once on SQLite, then once on
# PostgreSQL. PostgreSQL comes from DATABASE_URL when given (the role must be
# allowed to CREATE DATABASE: each test gets its own), otherwise a throwaway
# cluster is started from the server binaries (start-postgres.sh) and removed
# afterwards. No PostgreSQL at all is a failure, unless SKIP_POSTGRES=1.
set -eu
cd "$(dirname "$0")/../.."
TESTS="server/test/*.test.js"

echo "== server tests on SQLite"
env -u DATABASE_URL -u TEST_DATABASE_URL node --test --test-concurrency=2 $TESTS

if [ "${SKIP_POSTGRES:-}" = 1 ]; then
  echo ""
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  echo "!!! SKIPPED: the server tests on PostgreSQL (SKIP_POSTGRES=1 is set). !!!"
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  exit 0
fi

if [ -n "${DATABASE_URL:-}" ]; then
  PG_URL="$DATABASE_URL"
  echo "== server tests on PostgreSQL from DATABASE_URL"
else
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ -z "${PG_BINDIR:-}" ]; then
    echo "FAIL: the server tests must also run on PostgreSQL, and none was found:" >&2
    echo "  no DATABASE_URL, and no server binaries under /usr/lib/postgresql/*/bin." >&2
    echo "  Install them (apt-get install -y postgresql), or give DATABASE_URL," >&2
    echo "  or set SKIP_POSTGRES=1 to skip the PostgreSQL half deliberately." >&2
    exit 1
  fi
  # 5439 unless taken (say, by another run); then any free port.
  PG_TEST_PORT="${PG_TEST_PORT:-$(node -e "
    const net = require('node:net');
    const probe = (port) => new Promise((ok) => { const s = net.createServer().once('error', () => ok(null))
      .listen(port, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });
    probe(5439).then((p) => p ?? probe(0)).then((p) => console.log(p));")}"
  export PG_TEST_PORT
  PG_URL="$(server/test/start-postgres.sh)"
  trap 'server/test/stop-postgres.sh' EXIT INT TERM
  echo "== server tests on PostgreSQL (throwaway cluster on 127.0.0.1:$PG_TEST_PORT)"
fi

env -u DATABASE_URL TEST_DATABASE_URL="$PG_URL" node --test --test-concurrency=2 $TESTS
