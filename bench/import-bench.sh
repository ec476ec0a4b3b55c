#!/usr/bin/env bash
# bench-import: importing 1,000,000 rows x 12 columns as xlsx (shared strings, date cells) and
# as the same rows in GBK CSV, each into a fresh store, beside floors measured in the same run:
# for xlsx the inflate floor (`unzip -p` of the sheet and the shared strings), for CSV
# `iconv -f gbk -t utf-8 | sqlite3 .import` (text only, untyped). Goals: xlsx -> store within
# 3x its floor with peak memory under 300 MiB, xlsx -> CSV within 2x, GBK CSV -> store within
# 1.5x its floor.
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
command -v sqlite3 > /dev/null || missing+=(sqlite3)
command -v iconv > /dev/null || missing+=(libc-bin)
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
trap 'rm -f "$log" "$work"/bench.db* "$work"/floor.db*' EXIT
export MEASURE_LOG=$log
status=0
measure() { python3 "$here/measure.py" "$@" || status=1; }
# Each figure three times in the same run, one after the other with its floor (the machine is
# shared, and its other work comes in bursts); the ratios use the fastest of each.
for run in 1 2 3; do
  echo "== run $run"
  measure "unzip -p of the sheet and shared strings (xlsx floor) #$run" "$rows" \
    sh -c "unzip -p '$xlsx' xl/worksheets/sheet1.xml xl/sharedStrings.xml > /dev/null"
  rm -f "$work"/bench.db*
  measure "casestat-import bench-cases.xlsx #$run" "$rows" "$bin/casestat-import" --quiet --db "$work/bench.db" "$xlsx"
  rm -f "$work"/bench.db*
  measure "casestat-convert bench-cases.xlsx (reading only) #$run" "$rows" "$bin/casestat-convert" "$xlsx"
  # The CSV floor stores every value as text in a table without indexes; casestat reads each as
  # its type (dates, numbers, money), checks it and keeps where it came from.
  rm -f "$work"/floor.db*
  measure "iconv | sqlite3 .import of the CSV (CSV floor) #$run" "$rows" \
    bash -c "set -o pipefail; iconv -f gbk -t utf-8 '$csv' | sqlite3 '$work/floor.db' '.import --csv /dev/stdin t'"
  measure "casestat-import bench-cases.csv (GBK) #$run" "$rows" "$bin/casestat-import" --quiet --db "$work/bench.db" "$csv"
  rm -f "$work"/bench.db* "$work"/floor.db*
done

# The goals, from the figures above.
echo
awk -F'\t' '
  { sub(/ #[0-9]+$/, "", $1)
    if (!($1 in seconds) || $2 < seconds[$1]) seconds[$1] = $2
    if (!($1 in cpu) || $4 < cpu[$1]) cpu[$1] = $4
    if ($3 / 1024 > peak[$1]) peak[$1] = $3 / 1024 }
  # (the ratios in parentheses: a bare ">" in printf arguments is a redirection to mawk)
  function show(what, a, b, goal) {
    printf "%-18s %6.2f s, %5.2fx its floor wall, %5.2fx cpu (goal %s), peak %4.0f MiB\n", what, seconds[a],
           (seconds[b] > 0 ? seconds[a] / seconds[b] : 0), (cpu[b] > 0 ? cpu[a] / cpu[b] : 0), goal, peak[a] }
  END {
    xf = "unzip -p of the sheet and shared strings (xlsx floor)"; cf = "iconv | sqlite3 .import of the CSV (CSV floor)"
    show("xlsx -> store", "casestat-import bench-cases.xlsx", xf, "3x, 300 MiB")
    show("xlsx -> CSV", "casestat-convert bench-cases.xlsx (reading only)", xf, "2x")
    show("GBK CSV -> store", "casestat-import bench-cases.csv (GBK)", cf, "1.5x")
  }' "$log"
exit $status
