#!/usr/bin/env bash
# casestat-import killed (SIGKILL) at random points of a large import, many times: afterwards
# the store passes PRAGMA integrity_check, the file is wholly imported or not at all, and the
# import run again gives the same store as an uninterrupted run.
#   CASESTAT_KILLS (default 12) sets how many kills.
set -u
source "$(dirname "$0")/suite-lib.sh"
cd "$WORK"
kills=${CASESTAT_KILLS:-12}
casestat-sample --bench --rows 60000 --out . > /dev/null
# the records as they are, without ids and import times: equal stores give equal dumps
dump() { sqlite3 "$1" "select ledger, sheet, row, case_no, case_name, category, unit, received_on, filed_on, closed_on, persons, recovered from records order by row" | sha256sum; }

step "an uninterrupted import"
casestat-import -q --db ref.db bench-cases.csv 2> err
expect_status 0 $? err
reference=$(dump ref.db)
rows=$(sqlite3 ref.db 'select count(*) from records')
expect_count 60000 "$rows" "rows imported"
seconds=$( { /usr/bin/time -f %e casestat-import -q --db timing.db bench-cases.csv; } 2>&1 | tail -n 1)

step "killed $kills times at random points"
survived=0
for i in $(seq 1 "$kills"); do
  casestat-import -q --db k.db bench-cases.csv 2> /dev/null &
  pid=$!
  sleep "$(python3 -c "import random; print(round(random.uniform(0, $seconds * 1.1), 3))")"
  kill -9 "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  integrity=$(sqlite3 k.db 'pragma integrity_check' 2>&1)
  expect_equal ok "$integrity" "integrity after kill $i"
  imported=$(sqlite3 k.db 'select count(*) from imports' 2>/dev/null || echo 0)
  count=$(sqlite3 k.db 'select count(*) from records' 2>/dev/null || echo 0)
  if [ "$imported" = 1 ]; then
    expect_count "$rows" "$count" "rows after kill $i, with the file's import recorded"
  else
    expect_count 0 "$count" "rows after kill $i, without the file's import"
  fi
  rm -f k.db k.db-wal k.db-shm  # each kill starts from no store; the first kills hit the creation of the store
  survived=$((survived + 1))
done
echo "kills survived: $survived"

step "killed during an import into a store that holds another file, then imported again"
casestat-import -q --db k2.db "$CASESTAT_SOURCE/sample-data/信访台账.csv"
for i in 1 2 3; do
  casestat-import -q --db k2.db bench-cases.csv 2> /dev/null &
  pid=$!
  sleep "$(python3 -c "import random; print(round(random.uniform(0.05, $seconds * 0.9), 3))")"
  kill -9 "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  expect_equal ok "$(sqlite3 k2.db 'pragma integrity_check')" "integrity"
  expect_count 800 "$(sqlite3 k2.db "select count(*) from records where ledger = 'petitions'")" "the other file's rows"
done
casestat-import -q --db k2.db bench-cases.csv 2> err
expect_status 0 $? err
casestat-import -q --db k2.db --forget 信访台账.csv 2> err
expect_equal "$reference" "$(dump k2.db)" "the store after kills and a re-run, against an uninterrupted import"
finish
