#!/usr/bin/env bash
# The bulletin's figures: the workbook read back with casestat's own reader and the
# Markdown state exactly the figures of the indicators JSON; writing the bulletin twice gives
# identical files; the Word bulletin states every figure too. No helper program is involved.
set -u
source "$(dirname "$0")/suite-lib.sh"
cd "$WORK"
casestat-import -q --db s.db "$CASESTAT_SOURCE"/sample-data/*.xlsx "$CASESTAT_SOURCE"/sample-data/*.xls "$CASESTAT_SOURCE"/sample-data/*.csv

step "the workbook and the Markdown state the figures of the JSON"
casestat-bulletin --db s.db --period 2025H1 --out one > paths 2> err
expect_status 0 $? err
casestat-indicators --db s.db --period 2025H1 --by unit --format json > by-unit.json
casestat-indicators --db s.db --period 2025H1 --format json > total.json
python3 -c "
import json; t = json.load(open('total.json')); b = json.load(open('by-unit.json'))
t['groups'] = b['groups']; json.dump(t, open('merged.json', 'w'), ensure_ascii=False)"
book="one/2025年上半年检察业务数据通报.xlsx"
casestat-convert --sheet 主要指标 --header-row 3 "$book" > summary.csv 2> err
expect_status 0 $? err
casestat-convert --sheet 各院情况 --header-row 3 "$book" > offices.csv 2> err
expect_status 0 $? err
python3 "$CASESTAT_SOURCE/tests/cli/bulletin-figures.py" merged.json summary.csv offices.csv "one/2025年上半年检察业务数据通报.md" > problems 2> count
expect_status 0 $? problems
cat count

step "the bulletin is the Markdown, the Word document, the workbook and the charts"
stem="2025年上半年检察业务数据通报"
expect_equal "one/$stem.md" "$(grep -x "one/$stem.md" paths)" "the Markdown among the files written"
expect_equal "one/$stem.xlsx" "$(grep -x "one/$stem.xlsx" paths)" "the workbook among the files written"
expect_count 2 "$(grep -c '^one/2025年上半年-.*\.svg$' paths)" "charts written"
expect_equal "$(sort paths)" "$(ls one | sed 's#^#one/#' | sort)" "the files written against the files listed"
expect_count 0 "$(ls one | grep -Evc '\.(md|xlsx|svg|docx)$')" "files of other kinds"
expect_file "one/$stem.docx"
if [ -e "one/$stem.docx" ]; then
  # A .docx states every figure the Markdown states (its text, paragraph by paragraph).
  python3 "$CASESTAT_SOURCE/tests/cli/docx-text.py" "one/$stem.docx" > docx.txt 2> err
  expect_status 0 $? err
  python3 -c "
import json, sys
data = json.load(open('total.json')); text = open('docx.txt', encoding='utf-8').read()
missing = [i['id'] + ' = ' + i['display'] for i in data['indicators'] if i['display'] not in text]
print('\n'.join(missing)); sys.exit(1 if missing else 0)" > missing 2>&1
  expect_status 0 $? missing
  expect_count 0 "$(grep -c . missing)" "figures of the JSON missing from the .docx"
fi

step "writing it twice gives identical files"
casestat-bulletin -q --db s.db --period 2025H1 --out two > /dev/null 2> err
expect_status 0 $? err
python3 "$CASESTAT_SOURCE/tests/cli/same-bulletin.py" one two > differences 2> err
expect_status 0 $? differences
expect_count 0 "$(grep -c . differences)" "differences between the two bulletins"
expect_count 5 "$(ls two | wc -l)" "files written (Word, Markdown, workbook, two charts)"
finish
