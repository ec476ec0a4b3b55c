#!/usr/bin/env bash
# The README's "Adapting casestat to your office", run as written: every ```sh block of that
# section in order (the defaults' folder is this tree's templates/), then what the section says
# came of it checked against the store, the bulletin and the list of problems. Then the site
# folder's rules on their own: $CASESTAT_SITE, a missing folder, and the office Makefile of the
# README's "Scheduled jobs", copied as written.
set -u
source "$(dirname "$0")/suite-lib.sh"
unset CASESTAT_SITE
cd "$WORK"

step "the README's walkthrough runs as written"
awk '/^## Adapting casestat to your office/ { on = 1; next } /^## / { on = 0 }
     on && /^```sh$/ { block = 1; next } on && /^```$/ { block = 0; next } on && block' "$CASESTAT_SOURCE/README.md" \
  | sed "s#^TEMPLATES=/usr/share/casestat/templates .*#TEMPLATES='$CASESTAT_SOURCE/templates'#" > walkthrough.sh
expect_match '^casestat-bulletin --site 东湖院设置' "$(cat walkthrough.sh)" "the walkthrough's commands extracted"
expect_match "^TEMPLATES='" "$(cat walkthrough.sh)" "the defaults' folder replaced"
bash -e walkthrough.sh > out.txt 2> err.txt
expect_status 0 $? err.txt

step "the office's words, columns and name were used"
expect_count 4 "$(sqlite3 东湖.db "select count(*) from records where ledger = 'recommendations' and issued_on is not null")" "recommendations with their 制发日期 (建议发出时间)"
expect_count 2 "$(sqlite3 东湖.db "select count(*) from records where adopted = 1")" "adopted (已回复，已采纳)"
expect_count 2 "$(sqlite3 东湖.db "select count(*) from records where adopted = 0")" "not adopted (未回复, 暂未回复)"
expect_equal "江州市东湖区人民检察院" "$(sqlite3 东湖.db "select group_concat(distinct unit) from records")" "every row under the office's own name"
expect_equal "东湖院,东湖区院,东湖院" "$(sqlite3 东湖.db "select group_concat(w) from (select json_extract(extras, '$.承办单位（台账原文）') as w from records order by row)")" "the ledger's words kept in the extras"
md=out/2025年上半年检察业务数据通报.md
expect_file "$md"
expect_match '共制发检察建议4件，去年同期为0，已回复2件，被采纳2件，去年同期为0，采纳率50%' "$(cat "$md")" "the bulletin's sentence the README quotes"
for used in fields.toml indicators.toml site.toml partials/section_rec.mustache; do
  expect_match "casestat-bulletin: using .*/东湖院设置/$used\$" "$(cat err.txt)" "--verbose names the site's $used"
done
expect_match 'casestat-bulletin: using .*/templates/half-year/bulletin.md.mustache$' "$(cat err.txt)" "--verbose names the default bulletin template"

step "without the office's words its ledger is refused, naming the cell and the fix"
sed 's/建议回复情况/是否采纳/' 台账/东湖院建议台账.csv > 默认表头.csv
casestat-check 默认表头.csv > out2.txt 2> err2.txt
expect_status 1 $? err2.txt
expect_match 'row 2, column 是否采纳: cannot read "已回复，已采纳" as 是 or 否: if the office means 是 by it, add it to the field.s yes words' "$(cat err2.txt)" "the flag word refused with the fix"

step "\$CASESTAT_SITE is the same folder as --site; a missing folder is an error"
CASESTAT_SITE=东湖院设置 casestat-check 台账/东湖院建议台账.csv > out3.txt 2> err3.txt
expect_status 0 $? err3.txt
casestat-check --site 没有这个文件夹 台账/东湖院建议台账.csv > out4.txt 2> err4.txt
expect_status 2 $? err4.txt
expect_match '^casestat-check: error: --site 没有这个文件夹: no such folder' "$(cat err4.txt)" "the missing folder named"
CASESTAT_SITE=没有这个文件夹 casestat-indicators --db 东湖.db --period 2025H1 > out5.txt 2> err5.txt
expect_status 2 $? err5.txt
expect_match 'CASESTAT_SITE 没有这个文件夹: no such folder' "$(cat err5.txt)" "the missing folder of the environment named"

step "an unknown office is warned about at check time, with the line to add"
printf '建议文号,发出日期,承办单位,是否采纳\nX1,2025-02-10,临江检察院,是\nX2,2025-02-11,临江检察院,否\n' > 台账/临江.csv
casestat-check 台账/临江.csv > out6.txt 2> err6.txt
expect_status 0 $? err6.txt
expect_match 'warning: 台账/临江.csv: 承办单位 "临江检察院" \(2 rows\) is not an office of site.toml: .*if it means 临江县人民检察院, add under \[office_aliases\] in .*site.toml the line "临江县人民检察院" = \["临江检察院"\]' "$(cat err6.txt)" "the unknown office, its rows and the line to add"

step "the office Makefile of the README works as written"
mkdir -p job/台账
cp "$CASESTAT_SOURCE"/sample-data/*.xlsx job/台账/
awk '/^# \/srv\/bulletins\/Makefile$/ { on = 1 } on && /^```$/ { exit } on' "$CASESTAT_SOURCE/README.md" \
  | sed "s#^include /usr/share/casestat/Makefile.inc#CASESTAT_BIN = $CASESTAT_BIN/\ninclude $CASESTAT_SOURCE/Makefile.inc#" > job/Makefile
expect_match '^CASESTAT_INBOX' "$(cat job/Makefile)" "the README's Makefile extracted"
make -s -C job import > out7.txt 2> err7.txt
expect_status 0 $? err7.txt
expect_count "$(ls job/台账 | wc -l)" "$(sqlite3 job/out/casestat.db 'select count(*) from imports')" "ledgers imported by the README's Makefile"
expect_match '^  CASESTAT_INBOX     = 台账      the folder of ledgers' "$(make -s -C job help)" "the inbox without the comment's spaces"

finish
