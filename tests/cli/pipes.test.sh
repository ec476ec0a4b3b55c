#!/usr/bin/env bash
# The README's pipe examples, run as written, and a closed pipe being a quiet end.
set -u
source "$(dirname "$0")/suite-lib.sh"
cd "$WORK"
cp "$CASESTAT_SOURCE"/sample-data/* .
templates="$CASESTAT_SOURCE/templates"

step "casestat-convert 司法救助台账.xls | casestat-import --db x.db --ledger cases -"
casestat-convert 司法救助台账.xls 2> err1 | casestat-import --quiet --db x.db --ledger cases - 2> err
statuses=("${PIPESTATUS[@]}")
expect_status 0 "${statuses[0]}" err1
expect_status 0 "${statuses[1]}" err
rows=$(casestat-convert 司法救助台账.xls | tail -n +2 | grep -c .)
expect_count "$rows" "$(sqlite3 x.db "select count(*) from records where ledger = 'cases'")" "rows imported through the pipe"
for f in 案件信息.xlsx 公益诉讼台账.xlsx 检察建议台账.xlsx 信访台账.csv; do
  casestat-import --quiet --db x.db "$f" 2> err
  expect_status 0 $? err
done

step "casestat-indicators --db x.db --period 2025H1 | casestat-render --template .../bulletin.md.mustache > 通报.md"
casestat-indicators --db x.db --period 2025H1 2> err1 | casestat-render --template "$templates/half-year/bulletin.md.mustache" > 通报.md 2> err2
statuses=("${PIPESTATUS[@]}")
expect_status 0 "${statuses[0]}" err1
expect_status 0 "${statuses[1]}" err2
expect_empty err1
expect_match '2025年上半年' "$(cat 通报.md)" "the period in the bulletin"
filed=$(sqlite3 x.db "select count(*) from records where ledger = 'cases' and category like '%公益诉讼%' and filed_on between '2025-01-01' and '2025-06-30'")
expect_match "公益诉讼.*立案${filed}件" "$(cat 通报.md)" "the PIL cases filed, as counted in the store"

step "casestat-indicators --by unit --format tsv | sort -t\$'\\t' -k3 -nr | head"
casestat-indicators --db x.db --period 2025H1 --by unit --format tsv 2> err | sort -t$'\t' -k3 -nr | head > top
expect_status 0 "${PIPESTATUS[0]}" err  # sort reads all it is given: the tool is never cut short
expect_empty err
expect_count 10 "$(wc -l < top)" "lines from head"
first=$(head -n 1 top | cut -f3); last=$(tail -n 1 top | cut -f3)
[ "${first%.*}" -ge "${last%.*}" ] 2>/dev/null || bad "sort -k3 -nr did not order column 3: $first before $last"

step "casestat-indicators --by unit | casestat-xlsx -o 2025年上半年.xlsx"
casestat-indicators --db x.db --period 2025H1 --by unit 2> err1 | casestat-xlsx -o 2025年上半年.xlsx 2> err2
statuses=("${PIPESTATUS[@]}")
expect_status 0 "${statuses[0]}" err1
expect_status 0 "${statuses[1]}" err2
expect_empty err1 err2
expect_match '^单位,"受理案件$' "$(casestat-convert --sheet 各院情况 --header-row 3 2025年上半年.xlsx)" "the per-office sheet read back (name, then unit on a line of its own)"

step "a closed pipe is a quiet end"
casestat-convert 案件信息.xlsx 2> err | head -n 1 > /dev/null
expect_status 0 "${PIPESTATUS[0]}" err
expect_empty err
casestat-indicators --db x.db --period 2025H1 --by unit --format tsv 2> err | head -c 10 > /dev/null
expect_status 0 "${PIPESTATUS[0]}" err
expect_empty err

step "--format is json in a pipe"
expect_match '^\{' "$(casestat-indicators --db x.db --period 2025H1 | head -c 1)" "the first character in a pipe"

finish
