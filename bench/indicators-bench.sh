#!/usr/bin/env bash
# bench-indicators: the whole default catalog with year-on-year, in total and --by unit, on a
# store of 1,000,000 records (two years, twelve offices, three ledgers). Goal: under 1 s.
#   bench/indicators-bench.sh BIN_DIR WORK_DIR [RECORDS]
set -euo pipefail
bin=$1 work=$2 records=${3:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
db="$work/indicators.db"
if [ ! -s "$db" ] || [ "$(cat "$work/records" 2>/dev/null)" != "$records" ]; then
  echo "making a store of $records records (once; kept in $work)..."
  rm -f "$db"*
  printf '受理日期,承办单位\n2025-01-01,甲院\n' > "$work/seed.csv"
  "$bin/casestat-import" --quiet --db "$db" "$work/seed.csv"
  sqlite3 "$db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $records)
INSERT INTO records(import_id, ledger, sheet, row, unit, category, received_on, filed_on, closed_on, issued_on,
                    replied_on, resolved_on, adopted, resolved, backlog, persons, recovered, aid_amount, outcome, heard_on)
SELECT 1,
       CASE i % 10 WHEN 0 THEN 'petitions' WHEN 1 THEN 'recommendations' ELSE 'cases' END,
       '', i, '第' || (i % 12) || '院',
       CASE i % 7 WHEN 0 THEN '行政公益诉讼' WHEN 1 THEN '民事支持起诉' WHEN 2 THEN '司法救助' WHEN 3 THEN '行政争议化解' ELSE '审查起诉' END,
       date('2024-01-01', '+' || (i % 730) || ' days'),
       date('2024-01-05', '+' || (i % 730) || ' days'),
       date('2024-02-01', '+' || (i % 730) || ' days'),
       date('2024-01-20', '+' || (i % 730) || ' days'),
       date('2024-01-0' || (1 + i % 9), '+' || (i % 730) || ' days'),
       CASE WHEN i % 3 = 0 THEN date('2024-03-01', '+' || (i % 730) || ' days') END,
       i % 5 > 0, i % 3 = 0, i % 17 = 0, i % 30, (i % 1000) * 100, (i % 500) * 1000,
       CASE WHEN i % 11 = 0 THEN '促成和解' END,
       CASE WHEN i % 50 = 0 THEN date('2024-01-10', '+' || (i % 730) || ' days') END
FROM n;
ANALYZE;
SQL
  echo "$records" > "$work/records"
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export MEASURE_LOG=$log
# The store's offices (第0院..第11院) are not the site's: the warnings saying so go to a file.
warnings=$work/indicators-warnings.txt
: > "$warnings"
measure() {
  python3 "$here/measure.py" "$@" 2>> "$warnings" || { cat "$warnings" >&2; exit 1; }
}
# Twice each (the machine is shared); the summary takes the faster.
for run in 1 2; do
  measure "casestat-indicators 2025H1 (total) #$run" 0 "$bin/casestat-indicators" --db "$db" --period 2025H1 --format json
  measure "casestat-indicators 2025H1 --by unit #$run" 0 "$bin/casestat-indicators" --db "$db" --period 2025H1 --by unit --format json
  measure "casestat-bulletin 2025H1 (total + by unit + files) #$run" 0 "$bin/casestat-bulletin" --quiet --db "$db" \
    --period 2025H1 --out "$work/bulletin"
done
echo "(warnings in $warnings)"
echo
awk -F'\t' '
  { sub(/ #[0-9]+$/, "", $1)
    if (!($1 in best) || $2 < best[$1]) best[$1] = $2
    if (!($1 in cpu) || $4 < cpu[$1]) cpu[$1] = $4 }
  function show(what, goal) { printf "%-58s %5.2f s wall, %5.2f s cpu (goal %s)\n", what, best[what], cpu[what], goal }
  END {
    show("casestat-indicators 2025H1 (total)", "under 1 s")
    show("casestat-indicators 2025H1 --by unit", "under 1 s")
    show("casestat-bulletin 2025H1 (total + by unit + files)", "none")
  }' "$log"
