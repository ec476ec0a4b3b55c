#!/usr/bin/env bash
# The bulletin's figures (issue 4): the workbook read back with casestat's own reader and the
# Markdown state exactly the figures of the indicators JSON; writing the bulletin twice gives
# identical files.
set -u
source "$(dirname "$0")/suite-lib.sh"
cd "$WORK"
casestat-import -q --db s.db "$CASESTAT_SOURCE"/sample-data/*.xlsx "$CASESTAT_SOURCE"/sample-data/*.xls "$CASESTAT_SOURCE"/sample-data/*.csv

step "the workbook and the Markdown state the figures of the JSON"
casestat-bulletin -q --db s.db --period 2025H1 --out one > paths 2> err
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

step "writing it twice gives identical files"
casestat-bulletin -q --db s.db --period 2025H1 --out two > /dev/null 2> err
expect_status 0 $? err
expect_equal "$(cd one && sha256sum * | sha256sum)" "$(cd two && sha256sum * | sha256sum)" "the two bulletins"
expect_count 5 "$(ls two | wc -l)" "files written (Word, Markdown, workbook, two charts)"
finish
