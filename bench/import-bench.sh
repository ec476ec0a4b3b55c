#!/usr/bin/env bash
# bench-import: importing 1,000,000 rows x 12 columns as xlsx (shared strings, date cells) and
# as the same rows in GBK CSV, each into a fresh store, beside the inflate floor (`unzip -p` of
# the sheet). Goals: the xlsx import within 3x of the floor and under 15 s, peak
# memory under 300 MiB; the CSV import under 5 s.
#   bench/import-bench.sh BIN_DIR WORK_DIR [ROWS]
# The files are made once by `casestat-sample --bench` (constant memory, about 30 s) and kept
# in WORK_DIR; they are made again when casestat-sample is newer or ROWS changes.
set -euo pipefail
bin=$1 work=$2 rows=${3:-1000000}
here=$(cd "$(dirname "$0")" && pwd)

# Peak memory needs GNU time (the shell's `time` keyword gives only times); this script does
# not install packages, it says which.
missing=()
[ -x /usr/bin/time ] || missing+=(time)
command -v unzip > /dev/null || missing+=(unzip)
command -v python3 > /dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench-import: needs the Debian package(s) ${missing[*]}: sudo apt-get install ${missing[*]}" >&2
  exit 3
fi
for tool in casestat-sample casestat-import casestat-convert; do
  [ -x "$bin/$tool" ] || { echo "bench-import: $bin/$tool is missing: build it first" >&2; exit 3; }
done

mkdir -p "$work"
xlsx=$work/bench-cases.xlsx csv=$work/bench-cases.csv
if [ ! -s "$xlsx" ] || [ ! -s "$csv" ] || [ "$(cat "$work/rows" 2>/dev/null)" != "$rows" ] ||
   [ "$bin/casestat-sample" -nt "$xlsx" ]; then
  echo "writing $rows rows (kept in $work for the next run)..."
  rm -f "$work/rows"
  "$bin/casestat-sample" --quiet --bench --rows "$rows" --out "$work" > /dev/null
  echo "$rows" > "$work/rows"
fi
stat -c '%s %n' "$xlsx" "$csv" | awk '{ printf "%-60s %8.1f MiB\n", $2, $1 / 1048576 }'
unzip -l "$xlsx" xl/worksheets/sheet1.xml | awk 'NR == 4 { printf "%-60s %8.1f MiB\n", "the sheet inflated", $1 / 1048576 }'
echo

log=$(mktemp)
trap 'rm -f "$log" "$work"/bench.db*' EXIT
export MEASURE_LOG=$log
status=0
measure() { python3 "$here/measure.py" "$@" || status=1; }
measure "unzip -p of the sheet (the inflate floor)" "$rows" \
  sh -c "unzip -p '$xlsx' xl/worksheets/sheet1.xml > /dev/null"
rm -f "$work"/bench.db*
measure "casestat-import bench-cases.xlsx" "$rows" "$bin/casestat-import" --quiet --db "$work/bench.db" "$xlsx"
rm -f "$work"/bench.db*
measure "casestat-import bench-cases.csv (GBK)" "$rows" "$bin/casestat-import" --quiet --db "$work/bench.db" "$csv"
rm -f "$work"/bench.db*
measure "casestat-convert bench-cases.xlsx (reading only)" "$rows" "$bin/casestat-convert" "$xlsx"

# The goals, from the figures above.
echo
awk -F'\t' '
  { seconds[$1] = $2; peak[$1] = $3 / 1024 }
  END {
    floor = seconds["unzip -p of the sheet (the inflate floor)"]
    x = "casestat-import bench-cases.xlsx"; c = "casestat-import bench-cases.csv (GBK)"
    if (x in seconds && floor > 0)
      printf "xlsx import: %.1fx the inflate floor (goal 3x), %.1f s (goal 15 s), peak %.0f MiB (goal 300 MiB)\n",
             seconds[x] / floor, seconds[x], peak[x]
    if (c in seconds)
      printf "CSV import: %.1f s (goal 5 s), peak %.0f MiB\n", seconds[c], peak[c]
  }' "$log"
exit $status
