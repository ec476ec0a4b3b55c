#!/usr/bin/env bash
# The figures of the sample ledgers, counted independently by tests/cli/oracle.py (Python's
# standard library, none of casestat's code), must be the ones casestat-indicators computes
# after casestat-import: the whole chain is checked against a second implementation.
set -u
source "$(dirname "$0")/suite-lib.sh"
cd "$WORK"
step "import the sample ledgers"
casestat-import -q --db s.db "$CASESTAT_SOURCE"/sample-data/*.xlsx "$CASESTAT_SOURCE"/sample-data/*.xls "$CASESTAT_SOURCE"/sample-data/*.csv 2> err
expect_status 0 $? err
step "every figure the oracle counts equals casestat's"
python3 "$CASESTAT_SOURCE/tests/cli/oracle.py" "$CASESTAT_SOURCE/sample-data" > oracle.txt
expect_status 0 $? 
expect_count 9 "$(wc -l < oracle.txt)" "figures counted by the oracle"
casestat-indicators --db s.db --period 2025H1 --format tsv > ours.tsv
while read -r id now base; do
  line=$(awk -F'\t' -v id="$id" '$1 == id' ours.tsv)
  value=$(cut -f3 <<< "$line"); base_value=$(cut -f4 <<< "$line")
  if [ "$id" = funds.recovered ]; then value=$(printf '%.2f' "$value"); base_value=$(printf '%.2f' "$base_value"); fi
  expect_equal "$now $base" "$value $base_value" "$id (2025H1 2024H1)"
done < oracle.txt
finish
