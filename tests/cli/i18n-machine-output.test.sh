#!/usr/bin/env bash
# Messages follow the language (LANG=zh_CN.UTF-8 prints Chinese), but nothing meant for
# machines does: the store, the indicators as JSON, CSV, TSV and Markdown, casestat-convert's
# CSV and JSON lines, the rendered bulletin, the workbook and every exit code are the same
# byte for byte under LANG=C.UTF-8 and LANG=zh_CN.UTF-8 (with LC_ALL, LC_NUMERIC and
# LC_COLLATE all zh_CN too, the harshest case for numbers and sorting).
set -u
source "$(dirname "$0")/suite-lib.sh"
cd "$WORK"
cp "$CASESTAT_SOURCE"/sample-data/* .
templates="$CASESTAT_SOURCE/templates"

if ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf-\?8'; then
  step "the zh_CN.UTF-8 locale"
  skip "not installed here (locale-gen zh_CN.UTF-8)"
  finish
fi

# run LANG-NAME OUT-PREFIX: every machine output of one language into OUT-PREFIX.*; the exit
# codes into OUT-PREFIX.codes; the messages into OUT-PREFIX.err.
run() {
  local name=$1 out=$2
  if [ "$name" = zh ]; then
    local env=(env LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN)
  else
    local env=(env LANG=C.UTF-8 LC_ALL=C.UTF-8)
  fi
  : >"$out.codes"
  code() { echo "$1 $2" >>"$out.codes"; }
  "${env[@]}" casestat-import --db "$out.db" 案件信息.xlsx 公益诉讼台账.xlsx 检察建议台账.xlsx 信访台账.csv 司法救助台账.xls 2>>"$out.err"
  code import $?
  for format in json csv tsv md; do
    "${env[@]}" casestat-indicators --db "$out.db" --period 2025H1 --today 2025-07-15 --format $format >"$out.ind.$format" 2>>"$out.err"
    code "indicators-$format" $?
    "${env[@]}" casestat-indicators --db "$out.db" --period 2025Q1 --compare prev --by unit --today 2025-07-15 --format $format >"$out.unit.$format" 2>>"$out.err"
    code "indicators-unit-$format" $?
  done
  "${env[@]}" casestat-render --template "$templates/half-year/bulletin.md.mustache" --data "$out.ind.json" >"$out.bulletin.md" 2>>"$out.err"
  code render $?
  "${env[@]}" casestat-convert 公益诉讼台账.xlsx >"$out.convert.csv" 2>>"$out.err"
  code convert-csv $?
  "${env[@]}" casestat-convert --to jsonl 信访台账.csv >"$out.convert.jsonl" 2>>"$out.err"
  code convert-jsonl $?
  "${env[@]}" casestat-check --problems "$out.problems.csv" --today 2025-07-15 案件信息.xlsx >"$out.check" 2>>"$out.err"
  code check $?
  # Failures: the same exit codes.
  "${env[@]}" casestat-indicators --db "$out.db" --period 2025H3 >/dev/null 2>>"$out.err"
  code bad-period $?
  "${env[@]}" casestat-import --db "$out.db" --bogus 2>>"$out.err"
  code bad-option $?
  "${env[@]}" casestat-indicators --db none.db --period 2025H1 2>>"$out.err"
  code no-store $?
  printf '受理日期,承办单位\n2021年13月5日,江州市人民检察院\n' >bad.csv
  "${env[@]}" casestat-import --db "$out.db" bad.csv 2>>"$out.err"
  code bad-date $?
}

step "the same commands under LANG=C.UTF-8 and LANG=zh_CN.UTF-8"
run en en
run zh zh
expect_match '错误' "$(cat zh.err)" "the Chinese run prints Chinese messages"
expect_match 'error' "$(cat en.err)" "the English run prints English messages"

step "exit codes"
diff en.codes zh.codes >/dev/null || bad "exit codes differ: $(diff en.codes zh.codes | head -n 10)"

# The times of the imports (in the JSON's sources and the bulletin) are the only difference
# allowed: the two runs import at different seconds.
no_times() { sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}/TIME/g' "$1"; }

step "indicators (JSON, CSV, TSV, Markdown), the bulletin and casestat-convert"
for suffix in ind.json ind.csv ind.tsv ind.md unit.json unit.csv unit.tsv unit.md bulletin.md convert.csv convert.jsonl; do
  expect_file "en.$suffix"
  no_times "en.$suffix" >"en.$suffix.n"
  no_times "zh.$suffix" >"zh.$suffix.n"
  cmp -s "en.$suffix.n" "zh.$suffix.n" || bad "$suffix differs: $(diff "en.$suffix.n" "zh.$suffix.n" | head -n 6)"
done

step "the store (every table, the import times left out)"
if command -v sqlite3 >/dev/null; then
  sqlite3 en.db .dump >en.sql
  sqlite3 zh.db .dump >zh.sql
  no_times en.sql >en.dump
  no_times zh.sql >zh.dump
  expect_file en.dump
  cmp -s en.dump zh.dump || bad "the stores differ: $(diff en.dump zh.dump | head -n 6)"
else
  skip "sqlite3 is missing"
fi

finish
