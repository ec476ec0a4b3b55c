#!/usr/bin/env bash
# PostgreSQL against a store file: the import of one CSV ledger of ROWS records and the default
# catalog's indicators (total and --by unit), on a server of the benchmark's own (initdb in a
# temporary folder, Unix socket only; as the postgres user when run as root). Prints the times
# and the PostgreSQL/SQLite ratios, and checks that both stores give the same JSON.
#   bash bench/postgres-bench.sh BIN_DIR DATA_DIR [ROWS]     (cmake --build build --target bench-postgres)
set -euo pipefail
bin=$1 data=$2 rows=${3:-1000000}
export PATH="$bin:$PATH" LC_ALL=C.UTF-8 TZ=Asia/Shanghai
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1)
if [ ! -x "$pgbin/initdb" ]; then echo "bench-postgres: initdb not found (apt-get install postgresql)" >&2; exit 77; fi
mkdir -p "$data"
ledger="$data/pg-$rows/bench-cases.csv"
[ -s "$ledger" ] || casestat-sample -q --bench --rows "$rows" --out "$data/pg-$rows" > /dev/null
work=$(mktemp -d)
as_server=()
if [ "$(id -u)" = 0 ]; then as_server=(runuser -u postgres --); chmod 755 "$work"; fi
mkdir "$work/pg"
[ "$(id -u)" = 0 ] && chown postgres "$work/pg"
trap '"${as_server[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -m fast stop > /dev/null 2>&1; rm -rf "$work"' EXIT
"${as_server[@]}" "$pgbin/initdb" -D "$work/pg/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 > /dev/null
"${as_server[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
  -o "-k $work/pg -c listen_addresses='' -c shared_buffers=256MB" start > /dev/null
export PGHOST="$work/pg" PGUSER=postgres
psql -q -c "create database bench" postgres
pg="dbname=bench"

seconds() { local start=$(date +%s.%N); "$@" > /dev/null; python3 -c "print(round($(date +%s.%N) - $start, 2))"; }
echo "records: $rows (bench-cases.csv)"
printf '%-38s %10s %10s %8s\n' "" "SQLite s" "PgSQL s" "ratio"
line() { printf '%-38s %10s %10s %8s\n' "$1" "$2" "$3" "$(python3 -c "print(round($3 / max($2, 0.01), 2))")"; }
a=$(seconds casestat-import -q --db "$work/s.db" "$ledger")
b=$(seconds casestat-import -q --db "$pg" "$ledger")
line "import" "$a" "$b"
for args in "--period 2025H1" "--period 2025H1 --by unit"; do
  a=$(seconds casestat-indicators --db "$work/s.db" $args --format json --today 2025-07-10 -o "$work/a.json")
  b=$(seconds casestat-indicators --db "$pg" $args --format json --today 2025-07-10 -o "$work/b.json")
  line "indicators $args" "$a" "$b"
  diff <(grep -Ev '"(imported_at|office)"' "$work/a.json") <(grep -Ev '"(imported_at|office)"' "$work/b.json") > /dev/null ||
    { echo "bench-postgres: the stores' JSON differ for $args" >&2; exit 1; }
done
echo "the JSON of both stores is the same"
