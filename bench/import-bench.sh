#!/usr/bin/env bash
# bench-import: importing 1,000,000 rows x 12 columns as xlsx (shared strings, date cells) and
# as GBK CSV, beside the inflate floor (unzip -p of the sheet). Goals (issue 2): xlsx within 3x
# of the floor and under 15 s, peak memory under 300 MiB; CSV under 5 s.
#   bench/import-bench.sh BIN_DIR WORK_DIR [ROWS]
set -euo pipefail
bin=$1 work=$2 rows=${3:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
if [ ! -s "$work/bench-cases.xlsx" ] || [ "$(cat "$work/rows" 2>/dev/null)" != "$rows" ]; then
  echo "writing $rows rows (once; kept in $work)..."
  "$bin/casestat-sample" --bench --rows "$rows" --out "$work" > /dev/null
  echo "$rows" > "$work/rows"
fi
ls -l "$work"/bench-cases.* | awk '{printf "%-60s %8.1f MiB\n", $NF, $5 / 1048576}'
python3 "$here/measure.py" "unzip -p (the inflate floor)" "$rows" sh -c "unzip -p '$work/bench-cases.xlsx' xl/worksheets/sheet1.xml > /dev/null"
rm -f "$work"/bench.db*
python3 "$here/measure.py" "casestat-import bench-cases.xlsx" "$rows" "$bin/casestat-import" --quiet --db "$work/bench.db" "$work/bench-cases.xlsx"
rm -f "$work"/bench.db*
python3 "$here/measure.py" "casestat-import bench-cases.csv (GBK)" "$rows" "$bin/casestat-import" --quiet --db "$work/bench.db" "$work/bench-cases.csv"
rm -f "$work"/bench.db*
python3 "$here/measure.py" "casestat-convert bench-cases.xlsx (reading only)" "$rows" "$bin/casestat-convert" "$work/bench-cases.xlsx"
