#!/usr/bin/env bash
# Two imports into one store at the same time both succeed (the second waits for the first's
# transaction: WAL and a busy timeout), and a third importing the same file as one of them
# does not duplicate it. The store passes SQLite's integrity check afterwards.
set -euo pipefail
: "${CASESTAT_BIN:?CASESTAT_BIN must name the folder of the built tools}"
import="$CASESTAT_BIN/casestat-import"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# Two ledgers big enough for the imports to overlap (a few thousand rows each).
python3 - <<'PY'
for name, prefix in (('一号台账.csv', 'A'), ('二号台账.csv', 'B')):
    with open(name, 'w', encoding='utf-8') as f:
        f.write('部门受案号,案件名称,承办单位,受理日期,立案日期,涉案金额（元）,备注\n')
        for i in range(20000):
            f.write(f'{prefix}-{i},案件{i},第{i % 12}院,2021-{i % 12 + 1:02d}-{i % 28 + 1:02d},,{i}.50,备注{i}\n')
PY

fail() { echo "FAIL: $*" >&2; exit 1; }

"$import" --quiet --db s.db 一号台账.csv & one=$!
"$import" --quiet --db s.db 二号台账.csv & two=$!
"$import" --quiet --db s.db 一号台账.csv & three=$!
wait $one || fail "the first import failed"
wait $two || fail "the second import failed"
wait $three || fail "the third import (same file as the first) failed"

records=$(sqlite3 s.db 'select count(*) from records')
[ "$records" = 40000 ] || fail "expected 40000 records, found $records"
imports=$(sqlite3 s.db 'select count(*) from imports')
[ "$imports" = 2 ] || fail "expected 2 imports, found $imports"
per_file=$(sqlite3 s.db "select group_concat(n, ' ') from (select count(*) n from records group by import_id)")
[ "$per_file" = "20000 20000" ] || fail "rows per file: $per_file"
check=$(sqlite3 s.db 'pragma integrity_check')
[ "$check" = ok ] || fail "integrity check: $check"
amount=$(sqlite3 s.db "select sum(amount) from records")
# sum over i of (100*i + 50) for i < 20000, twice
[ "$amount" = $((2 * (100 * 19999 * 20000 / 2 + 50 * 20000))) ] || fail "amounts: $amount"
echo "ok: concurrent imports"
