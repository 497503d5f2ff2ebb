#!/usr/bin/env bash
# The test command (README line 2, and what .ci/run calls): installs what is
# missing, starts a throwaway PostgreSQL, runs the whole test suite, then the
# accuracy gate on ../shared/examples (the hand-made gold pages).
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh || { echo "test: setup failed" >&2; exit 1; }

pg_started=0
if dsn=$(bash scripts/pg-test-server.sh start 2>/tmp/zhnews-pg-start.log); then
  export ZHNEWS_TEST_PG="$dsn"
  pg_started=1
else
  echo "test: PostgreSQL could not start (see /tmp/zhnews-pg-start.log); its tests will be skipped" >&2
fi
cleanup() { [ "$pg_started" = 1 ] && bash scripts/pg-test-server.sh stop >/dev/null 2>&1; }
trap cleanup EXIT

.venv/bin/python -m pytest "$@"
rc=$?
if [ "$rc" = 5 ]; then
  echo "test: pytest collected no tests" >&2
  rc=1
fi
[ "$rc" = 0 ] || exit "$rc"

# Accuracy gate: floors a change may not fall below on the development pages and on
# the held-out set (see README "Accuracy"; held-out floors sit a little under what is
# measured: they catch regressions, they are not targets to tune to).
if compgen -G "../shared/examples/*.gold.json" >/dev/null; then
  .venv/bin/zhnews eval ../shared/examples/*.gold.json --heldout benchmarks/heldout/*.gold.json \
    --min-heldout articles=0.92 --min-heldout body.bounds=0.92 --min-heldout body.joins=0.89 \
    --min-heldout byline.dateline=0.95 --min-heldout byline.reporters=0.89 --min-heldout date=0.92 --min-heldout people=0.82 \
    --min-heldout people.titles=0.95 --min-heldout organizations=0.77 --min-heldout statements=0.86 \
    --min-heldout statements.answers=0.88 --min-heldout figures=0.93 --min-heldout figures.indicator=0.88 \
    --min articles=1.0 --min body.bounds=0.95 --min body.joins=1.0 \
    --min byline.reporters=0.95 --min byline.correspondents=0.95 --min date=0.9 \
    --min people=0.97 --min people.titles=0.9 --min organizations=0.92 \
    --min statements=0.9 --min statements.answers=0.95 --min figures=0.95 --min figures.indicator=0.85 || exit 1
else
  echo "test: ../shared/examples not found; accuracy gate skipped" >&2
fi
