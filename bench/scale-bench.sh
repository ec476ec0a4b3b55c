#!/usr/bin/env bash
# bench-scale: a national-scale store. Three GBK CSV files of ROWS rows each (casestat-sample
# --national, seeds 2017-2019, no case number shared) make a store of 3 x ROWS records; then:
#   - the three imported in one command against three commands (goal: one command no slower);
#   - a fourth file (seed 2020) imported into that store against into an empty store
#     (goal: at most 1.3x);
#   - bench/scale/catalog.toml computed by casestat-indicators, in total and by office, against
#     the same counts written by hand as one SQL query (bench/scale/counts.sql) run by sqlite3
#     on the same store (goal: at most 0.5x). The two must give the same numbers.
# Every figure is measured three times in the same run (the machine is shared, and its other
# work comes in bursts); ratios use the fastest of each.
#   bench/scale-bench.sh BIN_DIR WORK_DIR [ROWS]
set -euo pipefail
bin=$1 work=$2 rows=${3:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
missing=()
[ -x /usr/bin/time ] || missing+=(time)
command -v sqlite3 > /dev/null || missing+=(sqlite3)
command -v python3 > /dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench-scale: needs the Debian package(s) ${missing[*]}: sudo apt-get install ${missing[*]}" >&2
  exit 3
fi
for tool in casestat-sample casestat-import casestat-indicators; do
  [ -x "$bin/$tool" ] || { echo "bench-scale: $bin/$tool is missing: build it first" >&2; exit 3; }
done

mkdir -p "$work"
files=()
for seed in 2017 2018 2019 2020; do
  f=$work/national-cases-$seed.csv
  if [ ! -s "$f" ] || [ "$(cat "$f.rows" 2>/dev/null)" != "$rows" ] || [ "$bin/casestat-sample" -nt "$f" ]; then
    echo "writing $f ($rows rows, kept for the next run)..."
    "$bin/casestat-sample" --quiet --national --seed "$seed" --rows "$rows" --out "$work" > /dev/null
    echo "$rows" > "$f.rows"
  fi
  files+=("$f")
done
store=("${files[@]:0:3}") new=${files[3]}

log=$(mktemp)
dbs="$work/scale-one.db $work/scale-three.db $work/scale-full.db $work/scale-empty.db"
clean() { for db in $dbs; do rm -f "$db" "$db-wal" "$db-shm"; done; }
trap 'rm -f "$log"; clean' EXIT
export MEASURE_LOG=$log
measure() { python3 "$here/measure.py" "$@"; }
# The query without its comment lines (sqlite3 would take a leading "--" for an option).
counts=$(grep -v '^--' "$here/scale/counts.sql")

for run in 1 2 3; do
  echo "== run $run"
  clean
  measure "three files, one command #$run" $((3 * rows)) "$bin/casestat-import" --quiet --db "$work/scale-one.db" "${store[@]}"
  measure "three files, three commands #$run" $((3 * rows)) sh -c \
    'db=$1; shift; for f; do "$0" --quiet --db "$db" "$f" || exit; done' "$bin/casestat-import" "$work/scale-three.db" "${store[@]}"
  cp "$work/scale-one.db" "$work/scale-full.db"
  measure "one file into the $((3 * rows))-record store #$run" "$rows" "$bin/casestat-import" --quiet --db "$work/scale-full.db" "$new"
  measure "one file into an empty store #$run" "$rows" "$bin/casestat-import" --quiet --db "$work/scale-empty.db" "$new"
  for by in total unit; do
    opt=() group=""
    [ "$by" = unit ] && opt=(--by unit) group=" GROUP BY unit"
    measure "casestat-indicators ($by) #$run" 0 "$bin/casestat-indicators" --db "$work/scale-full.db" \
      --catalog "$here/scale/catalog.toml" --period 2025H1 --format json "${opt[@]}"
    measure "hand-written SQL in sqlite3 ($by) #$run" 0 sqlite3 "$work/scale-full.db" "$counts$group"
  done
done

# The two computations must agree before their times mean anything.
"$bin/casestat-indicators" --db "$work/scale-full.db" --catalog "$here/scale/catalog.toml" --period 2025H1 \
  --format json > "$work/scale-indicators.json"
sqlite3 -separator ' ' "$work/scale-full.db" "$counts" > "$work/scale-sql.txt"
python3 - "$work/scale-indicators.json" "$work/scale-sql.txt" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
sql = [int(v) for v in open(sys.argv[2]).read().split()]
ids = ["received", "arrest", "prosecution", "civil", "first_department", "persons", "closed", "not_prosecuted",
       "recovered", "filed"]
by_id = {i["id"]: i for i in data["indicators"]}
def ours(i, key):  # money: the JSON value is in 元, the store holds 分
    v = by_id[i][key]
    return round(v * 100) if i == "recovered" else v
mine = [ours(i, "value") for i in ids] + [ours(i, "base") for i in ids]
if mine != sql:
    sys.exit(f"bench-scale: casestat-indicators and the hand-written SQL disagree:\n  {mine}\n  {sql}")
print(f"casestat-indicators and the hand-written SQL agree ({len(ids)} figures, both periods)")
PY

echo
awk -F'\t' -v rows="$rows" '
  { sub(/ #[0-9]+$/, "", $1)
    if (!($1 in best) || $2 < best[$1]) best[$1] = $2
    if (!($1 in cpu) || $4 < cpu[$1]) cpu[$1] = $4 }
  function ratio(a, b) { return (best[b] > 0) ? best[a] / best[b] : 0 }
  function cpu_ratio(a, b) { return (cpu[b] > 0) ? cpu[a] / cpu[b] : 0 }
  function show(what, a, b, goal) {
    printf "%-58s %5.2fx wall, %5.2fx cpu (goal %s)\n", what, ratio(a, b), cpu_ratio(a, b), goal }
  END {
    for (k in best) if (k ~ /^one file into the/) full = k
    show("three files: one command / three commands", "three files, one command", "three files, three commands",
         "at most 1.0x")
    show(sprintf("one file: into %d records / into an empty store", 3 * rows), full, "one file into an empty store",
         "at most 1.3x")
    show("indicators / hand-written SQL, total", "casestat-indicators (total)", "hand-written SQL in sqlite3 (total)",
         "at most 0.5x")
    show("indicators / hand-written SQL, by office", "casestat-indicators (unit)", "hand-written SQL in sqlite3 (unit)",
         "at most 0.5x")
  }' "$log"
