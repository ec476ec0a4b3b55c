#!/usr/bin/env bash
# Several imports and indicator queries at once on one store: each either succeeds or
# fails with the documented busy error (exit 3); no rows are lost or doubled; the figures read
# while imports run are those of a consistent store (never a half-imported file).
set -u
source "$(dirname "$0")/suite-lib.sh"
cd "$WORK"
cp "$CASESTAT_SOURCE"/sample-data/*.xlsx "$CASESTAT_SOURCE"/sample-data/*.xls "$CASESTAT_SOURCE"/sample-data/*.csv .
casestat-import -q --db s.db 信访台账.csv 2> err   # a store to query from the start
expect_status 0 $? err
# What the figures and the store are once every file is in, imported one by one.
casestat-import -q --db ref.db 信访台账.csv 案件信息.xlsx 公益诉讼台账.xlsx 检察建议台账.xlsx 司法救助台账.xls 2> err
expect_status 0 $? err
figure() { awk -F'\t' -v id="$2" '$1 == id {print $3}' "$1"; }
casestat-indicators --db ref.db --period 2025H1 --format tsv --only pet.received,rec.issued > ref.tsv 2> err
expect_status 0 $? err
petitions=$(figure ref.tsv pet.received)
recommendations=$(figure ref.tsv rec.issued)
records=$(sqlite3 ref.db 'select count(*) from records')
[ "${petitions:-0}" -gt 0 ] && [ "${recommendations:-0}" -gt 0 ] || bad "the reference store has no petitions or recommendations in 2025H1"

step "four imports and eight queries at once"
pids=()
for f in 案件信息.xlsx 公益诉讼台账.xlsx 检察建议台账.xlsx 司法救助台账.xls; do
  casestat-import -q --db s.db "$f" 2> "e.$f.log" & pids+=($!)
done
for i in 1 2 3 4 5 6 7 8; do
  casestat-indicators --db s.db --period 2025H1 --format tsv --only pet.received,rec.issued > "q$i.tsv" 2> "qerr$i" & pids+=($!)
done
for pid in "${pids[@]}"; do
  wait "$pid"
  status=$?
  [ "$status" = 0 ] || [ "$status" = 3 ] || bad "a process ended with exit status $status"
done
for f in e.*.log qerr*; do
  [ ! -s "$f" ] || grep -q 'is busy' "$f" || bad "unexpected message in $f: $(cat "$f")"
done
answered=0
for i in 1 2 3 4 5 6 7 8; do
  [ -s "q$i.tsv" ] || continue  # a query that was refused as busy
  answered=$((answered + 1))
  expect_equal "$petitions" "$(figure "q$i.tsv" pet.received)" "query $i: the petitions, imported before"
  issued=$(figure "q$i.tsv" rec.issued)
  [ "$issued" = 0 ] || [ "$issued" = "$recommendations" ] || bad "query $i saw $issued recommendations: a half-imported file"
done
[ "$answered" -gt 0 ] || bad "every query was refused as busy: nothing was checked"

step "whatever was refused as busy, imported again, gives every row once"
casestat-import -q --db s.db 案件信息.xlsx 公益诉讼台账.xlsx 检察建议台账.xlsx 司法救助台账.xls 2> err
expect_status 0 $? err
expect_equal ok "$(sqlite3 s.db 'pragma integrity_check')" "integrity"
expect_count 5 "$(sqlite3 s.db 'select count(*) from imports')" "imports"
expect_count "$records" "$(sqlite3 s.db 'select count(*) from records')" "records (as imported one by one)"
expect_count 0 "$(sqlite3 s.db 'select count(*) from (select import_id, row, sheet from records group by 1, 2, 3 having count(*) > 1)')" "rows doubled"
finish
