#!/usr/bin/env bash
# casestat on a PostgreSQL store, against a server of its own: initdb in the suite's temporary
# folder, listening on a Unix socket there only (no TCP port), run as an unprivileged user
# (PostgreSQL refuses root: runuser -u postgres when the suite runs as root), stopped at the end.
# Import and indicators agree with a store file; 4 offices importing at once, 10 rounds, exact
# counts; row-level security with real roles; SIGKILL during an import; the README's commands.
set -u
source "$(dirname "$0")/suite-lib.sh"
cd "$WORK"

step "a PostgreSQL server of the suite's own"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1)
[ -x "$PGBIN/initdb" ] || PGBIN=$(dirname "$(command -v initdb 2> /dev/null || echo /none/initdb)")
if [ ! -x "$PGBIN/initdb" ] || [ ! -x "$PGBIN/pg_ctl" ] || ! command -v psql > /dev/null; then
  skip "initdb, pg_ctl or psql missing (apt-get install postgresql)"
  finish
fi
as_server=()
if [ "$(id -u)" = 0 ]; then
  if ! id postgres > /dev/null 2>&1 || ! command -v runuser > /dev/null; then
    skip "running as root without a postgres user to run the server as"
    finish
  fi
  as_server=(runuser -u postgres --)
  chmod 755 "$WORK"
fi
mkdir -p "$WORK/pg"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
stop_server() { "${as_server[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m immediate stop > /dev/null 2>&1; }
trap 'stop_server; rm -rf "$WORK"' EXIT
if ! "${as_server[@]}" "$PGBIN/initdb" -D "$WORK/pg/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 > pg-init.log 2>&1 ||
   ! "${as_server[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w \
       -o "-k $WORK/pg -c listen_addresses='' -c max_connections=50" start > pg-start.log 2>&1; then
  skip "the server did not start: $(tail -n 3 pg-init.log pg-start.log "$WORK/pg/log" 2> /dev/null)"
  finish
fi
export PGHOST="$WORK/pg" PGUSER=postgres
psql -q -c "create database t" postgres
STORE="dbname=t"
S="$CASESTAT_SOURCE/sample-data"
LEDGERS=("$S/信访台账.csv" "$S/公益诉讼台账.xlsx" "$S/司法救助台账.xls" "$S/案件信息.xlsx" "$S/检察建议台账.xlsx")
# indicators JSON without the import times and offices of its sources (which a store file has not)
same_json() { diff <(grep -Ev '"(imported_at|office)"' "$1") <(grep -Ev '"(imported_at|office)"' "$2") > /dev/null; }

step "import the sample ledgers into both stores"
casestat-import -q --db file.db "${LEDGERS[@]}" 2> err
expect_status 0 $? err
casestat-import -q --db "$STORE" "${LEDGERS[@]}" 2> err
expect_status 0 $? err
expect_count "$(sqlite3 file.db 'select count(*) from records')" "$(psql -At -c 'select count(*) from records' "$STORE")" "records"
expect_count 4 "$(psql -At -c "select value from meta where key = 'schema_version'" "$STORE")" "schema version"

step "indicators JSON: the same on both stores"
for args in "--period 2025H1" "--period 2025H1 --by unit" "--period 2025Q1 --compare prev" "--period 2024 --by unit" \
            "--period 2025M1-9 --by department --compare none" "--period 2025H1 --by month" \
            "--period 2025H1 --by unit --where category=刑事" "--period 2025H1 --where adopted=是 --by unit"; do
  casestat-indicators --db file.db $args --format json --today 2025-07-10 > a.json 2> a.err
  sa=$?
  casestat-indicators --db "$STORE" $args --format json --today 2025-07-10 > b.json 2> b.err
  sb=$?
  expect_status "$sa" "$sb" b.err
  same_json a.json b.json || bad "indicators $args differ: $(diff a.json b.json | head -n 6)"
  cmp -s a.err b.err || bad "warnings of indicators $args differ: $(diff a.err b.err | head -n 6)"
done

for format in table csv tsv md; do
  casestat-indicators --db file.db --period 2025H1 --by unit --format $format --today 2025-07-10 > a.out 2> /dev/null
  casestat-indicators --db "$STORE" --period 2025H1 --by unit --format $format --today 2025-07-10 > b.out 2> /dev/null
  cmp -s a.out b.out || bad "indicators --format $format differ: $(diff a.out b.out | head -n 6)"
done

step "the same content is not imported twice; a changed file replaces its earlier version"
casestat-import --db "$STORE" "$S/信访台账.csv" 2> err
expect_status 0 $? err
expect_match "already imported on" "$(cat err)" "second import"
head -n 101 "$S/信访台账.csv" > 信访台账.csv
casestat-import --db "$STORE" 信访台账.csv 2> err
expect_status 0 $? err
expect_match "replaced the earlier version" "$(cat err)" "changed file"
expect_count 100 "$(psql -At -c "select count(*) from records r join imports i on i.id = r.import_id where i.file = '信访台账.csv'" "$STORE")" "rows of the changed file"
casestat-import -q --db "$STORE" --forget 信访台账.csv 2> err
expect_status 0 $? err
expect_count 0 "$(psql -At -c "select count(*) from imports where file = '信访台账.csv'" "$STORE")" "after --forget"

step "the office comes from --office, else the site settings"
mkdir -p site
{ echo 'office = "枫桥市人民检察院"'; cat "$CASESTAT_SOURCE/templates/site.toml"; } > site/site.toml
casestat-import -q --db "$STORE" --site site "$S/检察建议台账.xlsx" 2> err
expect_status 0 $? err
expect_count 1 "$(psql -At -c "select count(*) from imports where office = '枫桥市人民检察院' and file = '检察建议台账.xlsx'" "$STORE")" "import filed under the site's office"
casestat-import -q --db "$STORE" --site site --office 云溪县人民检察院 "$S/检察建议台账.xlsx" 2> err
expect_status 0 $? err
expect_count 1 "$(psql -At -c "select count(*) from imports where office = '云溪县人民检察院'" "$STORE")" "import filed under --office"
casestat-import -q --db "$STORE" --site site --forget 检察建议台账.xlsx 2> err
expect_status 0 $? err
casestat-import -q --db "$STORE" --office 云溪县人民检察院 --forget 检察建议台账.xlsx 2> err
expect_status 0 $? err
expect_count 1 "$(psql -At -c "select count(*) from imports where file = '检察建议台账.xlsx'" "$STORE")" "the default office's import, kept"

step "a connection string's password is refused and never shown"
casestat-import --db "postgresql://postgres:s3cret@localhost/t" "$S/信访台账.csv" > out 2> err
expect_status 2 $? err
grep -q s3cret err out && bad "the password is shown: $(cat err)"
expect_match 'postgres:\*\*\*@' "$(cat err)" "redacted name"
casestat-indicators --db "host=$PGHOST dbname=t password=s3cret" --period 2025H1 > out 2> err
expect_status 2 $? err
grep -q s3cret err out && bad "the password is shown: $(cat err)"

step "a dry run creates nothing; a server that cannot be reached is a system error"
psql -q -c "create database d" postgres
casestat-import --dry-run --db "dbname=d" "$S/信访台账.csv" 2> err
expect_status 0 $? err
expect_match "dry run: nothing was written" "$(cat err)" "dry run"
expect_count 0 "$(psql -At -c "select count(*) from pg_tables where schemaname = 'public'" "dbname=d")" "tables after a dry run"
casestat-indicators --db "dbname=d" --period 2025H1 > out 2> err
expect_status 3 $? err
expect_match "no store at dbname=d: import ledgers first" "$(cat err)" "indicators without a store"
casestat-indicators --db "host=$WORK/nowhere dbname=d" --period 2025H1 > out 2> err
expect_status 3 $? err
expect_match "cannot connect to the store host=$WORK/nowhere dbname=d" "$(cat err)" "no server"
psql -q -c "create table other(x int)" "dbname=d"
casestat-import -q --db "dbname=d" "$S/信访台账.csv" 2> err
expect_status 3 $? err
expect_match "is not a casestat store" "$(cat err)" "a database of another program"

step "4 offices import 4 files at once, 10 rounds"
casestat-sample -q --bench --rows 3000 --out gen > /dev/null
psql -q -c "create database c" postgres
casestat-import -q --db "dbname=c" --init
for round in $(seq 1 10); do
  pids=()
  for office in 1 2 3 4; do
    mkdir -p "o$office"
    # each round a changed version of the office's file: it replaces the earlier one
    head -n $((3001 - round - office)) gen/bench-cases.csv > "o$office/案件信息.csv"
    casestat-import -q --db "dbname=c" --office "office$office" "o$office/案件信息.csv" 2> "err$office" &
    pids+=($!)
  done
  for i in 0 1 2 3; do
    wait "${pids[$i]}"
    expect_status 0 $? "err$((i + 1))"
    grep -q "error" "err$((i + 1))" && bad "round $round, office $((i + 1)): $(head -n 3 "err$((i + 1))")"
  done
  for office in 1 2 3 4; do
    expect_count $((3000 - round - office)) \
      "$(psql -At -c "select count(*) from records r join imports i on i.id = r.import_id where i.office = 'office$office'" "dbname=c")" \
      "round $round: rows of office$office"
  done
  expect_count 4 "$(psql -At -c 'select count(*) from imports' "dbname=c")" "round $round: imports"
done
expect_match "already in the store from 案件信息.csv of office" "$(cat err1 err2 err3 err4)" "overlap warning across offices"

step "row-level security: an office reads, changes and forgets only its own rows"
for role in office_a office_b upper; do psql -q -c "create role $role login" postgres; done
psql -q -v role=office_a -v office=甲院 -f "$CASESTAT_SOURCE/postgres/office-role.sql" "$STORE"
psql -q -v role=office_b -v office=乙院 -f "$CASESTAT_SOURCE/postgres/office-role.sql" "$STORE"
psql -q -v role=upper -f "$CASESTAT_SOURCE/postgres/reader-role.sql" "$STORE"
A="dbname=t user=office_a"
B="dbname=t user=office_b"
casestat-import -q --db "$A" "$S/案件信息.xlsx" 2> err
expect_status 0 $? err
casestat-import -q --db "$B" "$S/信访台账.csv" 2> err
expect_status 0 $? err
a_rows=$(psql -At -c "select count(*) from records r join imports i on i.id = r.import_id where i.office = '甲院'" "$STORE")
b_rows=$(psql -At -c "select count(*) from records r join imports i on i.id = r.import_id where i.office = '乙院'" "$STORE")
expect_count 1200 "$a_rows" "甲院's rows"
expect_count 800 "$b_rows" "乙院's rows"
expect_count 1200 "$(psql -At -c 'select count(*) from records' "$A")" "rows office_a reads"
expect_count "甲院" "$(psql -At -c 'select distinct office from imports' "$A")" "imports office_a reads"
expect_count 0 "$(psql -At -c "update records set unit = 'x' where ledger = 'petitions'" "$A" | sed 's/UPDATE //')" "乙院 rows office_a changed"
psql -At -c "delete from records where ledger = 'petitions'" "$A" > /dev/null
expect_count 800 "$(psql -At -c "select count(*) from records where ledger = 'petitions' and unit <> 'x'" "$STORE")" "乙院's rows, unchanged"
casestat-import -q --db "$A" --forget 信访台账.csv 2> err
expect_status 1 $? err
casestat-import -q --db "$A" --office 乙院 "$S/检察建议台账.xlsx" 2> err
expect_status 3 $? err
psql -q -c "insert into imports(office, file, sha256, imported_at, rows_read, rows_imported, rows_skipped, rows_rejected) values ('乙院', 'x', 'x', 'x', 0, 0, 0, 0)" "$A" 2> err &&
  bad "office_a filed an import under 乙院"
expect_count 1 "$(psql -At -c "select count(*) from imports where office = '乙院'" "$STORE")" "乙院's imports"
casestat-indicators --db "$A" --period 2025H1 --by unit --format json --today 2025-07-10 > a.json 2> /dev/null
casestat-import -q --db only-a.db "$S/案件信息.xlsx"
casestat-indicators --db only-a.db --period 2025H1 --by unit --format json --today 2025-07-10 > b.json 2> /dev/null
same_json a.json b.json || bad "office_a's indicators are not those of its own ledger: $(diff a.json b.json | head -n 6)"
expect_count "$(psql -At -c 'select count(*) from records' "$STORE")" "$(psql -At -c 'select count(*) from records' "dbname=t user=upper")" "rows the upper office reads"
psql -q -c "delete from records" "dbname=t user=upper" 2> err && bad "the upper office's role deleted rows"

step "--from-store copies an office's store file with its provenance"
psql -q -c "create database f" postgres
casestat-import -q --db "dbname=f" --office 临江 --from-store file.db 2> err
expect_status 0 $? err
expect_count "$(sqlite3 file.db 'select count(*) from records')" "$(psql -At -c 'select count(*) from records' "dbname=f")" "rows copied"
expect_equal "$(sqlite3 file.db 'select file, sha256, imported_at from imports order by id')" \
  "$(psql -At -c 'select file, sha256, imported_at from imports order by id' "dbname=f")" "provenance"
casestat-indicators --db "dbname=f" --period 2025H1 --by unit --format json --today 2025-07-10 > b.json 2> /dev/null
casestat-indicators --db file.db --period 2025H1 --by unit --format json --today 2025-07-10 > a.json 2> /dev/null
diff <(grep -v '"office"' b.json) a.json > /dev/null || bad "indicators of the copied store differ"

step "Makefile.inc with CASESTAT_DB a connection string: the bulletin is written on every run"
psql -q -c "create database m" postgres
mkdir -p mk/台账
cp "$S/信访台账.csv" "$S/案件信息.xlsx" mk/台账/
cat > mk/Makefile <<MAKE
CASESTAT_INBOX = 台账
CASESTAT_PERIOD = 2025H1
CASESTAT_DB = dbname=m
CASESTAT_BIN = $CASESTAT_BIN/
include $CASESTAT_SOURCE/Makefile.inc
MAKE
make -s -C mk > mk-out 2> mk-err
expect_status 0 $? mk-err
expect_count 2000 "$(psql -At -c 'select count(*) from records' "dbname=m")" "rows make imported"
expect_file "mk/out/2025年上半年检察业务数据通报.md"
[ -e "mk/dbname=m" ] && bad "make took the connection string for a file"
casestat-import -q --db "dbname=m" --office 另一院 "$S/检察建议台账.xlsx"  # another office, not by this make
make -s -C mk > mk-out 2> mk-err
expect_status 0 $? mk-err
expect_count 2 "$(grep -c ' bulletin: ok$' mk/out/casestat.log)" "bulletins written by two makes"

step "SIGKILL during an import leaves nothing partial"
casestat-sample -q --bench --rows 40000 --out big > /dev/null
psql -q -c "create database k" postgres
casestat-import -q --db "dbname=k" --init
rows=$(($(wc -l < big/bench-cases.csv) - 1))
start=$(date +%s.%N)
casestat-import -q --db "dbname=k" big/bench-cases.csv
seconds=$(python3 -c "import time; print(max(0.2, $(date +%s.%N) - $start))")
psql -q -c "truncate records, imports" "dbname=k"
for i in 1 2 3 4 5 6; do
  casestat-import -q --db "dbname=k" big/bench-cases.csv 2> /dev/null &
  pid=$!
  sleep "$(python3 -c "import random; print(round(random.uniform(0, $seconds), 3))")"
  kill -9 "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  sleep 0.3  # the server notices the closed connection and rolls back
  imported=$(psql -At -c 'select count(*) from imports' "dbname=k")
  count=$(psql -At -c 'select count(*) from records' "dbname=k")
  if [ "$imported" = 1 ]; then
    expect_count "$rows" "$count" "rows after kill $i, with the import recorded"
  else
    expect_count 0 "$count" "rows after kill $i, without the import"
  fi
  psql -q -c "truncate records, imports" "dbname=k"
done

step "the README's section \"One store for a province\""
mkdir -p readme/linjiang readme/qingshi
casestat-sample -q --rows 600 --seed 7 --out gen7 > /dev/null
casestat-sample -q --rows 500 --seed 8 --out gen8 > /dev/null
cp gen7/*.csv readme/linjiang/
cp gen8/*.csv readme/qingshi/
ln -s "$CASESTAT_SOURCE/postgres" readme/postgres
awk '/^### One store for a province/ { section = 1 } section && /^```sh/ { code = 1; next } code && /^```/ { exit } code' \
  "$CASESTAT_SOURCE/README.md" > readme/commands.sh
expect_file readme/commands.sh
(cd readme && bash -e commands.sh > out 2> err)
expect_status 0 $? readme/err
expect_equal "临江县人民检察院" "$(tail -n 1 readme/out)" "what linjiang's role reads"
ls readme/bulletin/* > /dev/null 2>&1 || bad "no bulletin written"
lj=$(psql -At -c 'select count(*) from records' "dbname=province user=linjiang")
qs=$(psql -At -c 'select count(*) from records' "dbname=province user=qingshi")
all=$(psql -At -c 'select count(*) from records' "dbname=province user=province")
[ "$lj" -gt 0 ] && [ "$qs" -gt 0 ] || bad "an office imported nothing ($lj, $qs)"
expect_count $((lj + qs)) "$all" "the upper office reads every office's rows"
expect_count "$(cat gen7/*.csv | wc -l)" "$((lj + $(ls gen7/*.csv | wc -l)))" "linjiang's rows (one header line per file)"

finish
