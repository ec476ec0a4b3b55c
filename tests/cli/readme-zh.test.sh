#!/usr/bin/env bash
# The clerks' guide, README.zh-CN.md, run as written. Its fenced blocks are taken in order:
#   ```sh            run in the working folder; must exit 0
#   ```sh exit=N     run; must exit N (a ledger with problems: 1)
#   ```sh quickstart the Quick start, which must be README.md's block to the byte; its job part
#                    (make -f Makefile.inc ...) is run in a folder laid out like the source tree
#   ```make          the office Makefile: written to the file its first comment names
# and any other block (output shown, toml, crontab) is not run. The installed paths of the guide
# are this tree's (/usr/share/casestat/... is the source tree, /srv/bulletins a folder of the
# working folder). Then what the guide says came of them is checked: the files exist and hold
# the figures the guide quotes, and what it quotes is in the guide as well as in the output.
set -u
source "$(dirname "$0")/suite-lib.sh"
guide="$CASESTAT_SOURCE/README.zh-CN.md"
cd "$WORK"
mkdir blocks

step "the guide's blocks are extracted"
awk -v dir=blocks '
  /^```/ && !inblock { inblock = 1; n++; file = sprintf("%s/%02d", dir, n)
                       print substr($0, 4) > (file ".info"); close(file ".info")
                       printf "" > (file ".body"); next }
  /^```/ && inblock  { inblock = 0; close(file ".body"); next }
  inblock            { print > (file ".body") }' "$guide"
# rewrite PATH-FILE: the installed paths of the guide made this tree's and this folder's.
rewrite() {
  sed -e "s#/usr/share/casestat/templates#$CASESTAT_SOURCE/templates#g" \
      -e "s#/usr/share/casestat/sample-data#$CASESTAT_SOURCE/sample-data#g" \
      -e "s#^include /usr/share/casestat/Makefile.inc\$#CASESTAT_BIN = $CASESTAT_BIN/\\ninclude $CASESTAT_SOURCE/Makefile.inc#" \
      -e "s#/srv/bulletins#$WORK/srv/bulletins#g" "$1"
}
runnable=0
for info in blocks/*.info; do
  case "$(cat "$info")" in sh|"sh exit="*) runnable=$((runnable + 1)) ;; esac
done
[ "$runnable" -ge 15 ] || bad "only $runnable runnable sh blocks found in $guide"
[ "$(grep -l '^make$' blocks/*.info | wc -l)" = 1 ] || bad "the guide has not exactly one make block"
[ "$(grep -l '^sh quickstart$' blocks/*.info | wc -l)" = 1 ] || bad "the guide has not exactly one quickstart block"

step "the Quick start is README.md's, and its job runs"
quick=$(grep -l '^sh quickstart$' blocks/*.info | head -n 1)
awk '/^## Quick start/ { on = 1; next } on && /^```sh$/ { block = 1; next } block && /^```$/ { exit } block' \
  "$CASESTAT_SOURCE/README.md" > readme-quickstart
expect_file readme-quickstart
cmp -s readme-quickstart "${quick%.info}.body" || bad "the guide's Quick start differs from README.md's: $(diff readme-quickstart "${quick%.info}.body" | head -n 6)"
job=$(grep -o 'make -f Makefile.inc [^&]*$' "${quick%.info}.body")
expect_match '^make -f Makefile.inc CASESTAT_INBOX=sample-data CASESTAT_PERIOD=2025H1' "$job" "the Quick start's job"
mkdir quickstart
ln -s "$CASESTAT_SOURCE/Makefile.inc" "$CASESTAT_SOURCE/sample-data" "$CASESTAT_SOURCE/templates" quickstart/
ln -s "$(dirname "$CASESTAT_BIN")" quickstart/build
(cd quickstart && bash -e -c "$job") > quickstart.out 2> quickstart.err
expect_status 0 $? quickstart.err
for f in 2025年上半年检察业务数据通报.docx 2025年上半年检察业务数据通报.md 2025年上半年检察业务数据通报.xlsx \
         casestat.db casestat.log; do
  expect_file "quickstart/out/$f"
done
[ "$(ls quickstart/out/*.svg 2> /dev/null | wc -l)" -ge 1 ] || bad "the Quick start wrote no SVG chart"

step "every sh block runs as written"
for info in blocks/*.info; do
  block=${info%.info}
  kind=$(cat "$info")
  case "$kind" in
    sh) want=0 ;;
    "sh exit="*) want=${kind#sh exit=} ;;
    make)
      target=$(rewrite "$block.body" | sed -n '1s/^# //p')
      case "$target" in "$WORK"/*/Makefile) ;; *) bad "the make block's first line names no Makefile: $target"; continue ;; esac
      mkdir -p "$(dirname "$target")"
      rewrite "$block.body" > "$target"
      continue ;;
    *) continue ;;
  esac
  CURRENT_STEP="block $(basename "$block"): $(head -n 1 "$block.body")"
  rewrite "$block.body" > "$block.sh"
  # Nothing outside the working folder and the source tree: no installed path left unreplaced.
  if grep -Eq -e '/usr/share' -e '(^|[[:space:]"=])/srv/' "$block.sh"; then
    bad "the block names an installed path this suite does not replace: $(grep -E -e /usr/share -e '(^|[[:space:]"=])/srv/' "$block.sh" | head -n 1)"
    continue
  fi
  bash -e -o pipefail "$block.sh" > "$block.out" 2> "$block.err"
  status=$?
  expect_status "$want" "$status" "$block.err"
done
CURRENT_STEP="the blocks' results"

# output_of ERE: the stdout and stderr of the first run block whose text matches.
output_of() {
  local b
  for b in blocks/*.sh; do
    if grep -Eq -- "$1" "$b"; then cat "${b%.sh}.out" "${b%.sh}.err"; return; fi
  done
  bad "no block runs /$1/"
}
# quoted TEXT OUTPUT WHAT: the guide quotes TEXT, and the output has it.
quoted() {
  grep -Fq -- "$1" "$guide" || bad "$3: the guide does not quote: $1"
  grep -Fq -- "$1" <<< "$2" || bad "$3: the output lacks what the guide quotes: $1 (got: $(head -c 400 <<< "$2"))"
}

step "检查、导入、指标: what the guide quotes is what the tools print"
check=$(output_of '^casestat-check 台账/\*$')
quoted '台账/公益诉讼台账.xlsx: sheet 公益诉讼案件: cases' "$check" "casestat-check"
quoted '  header on row 2 (title row 1 skipped)' "$check" "casestat-check"
quoted '  rows: 401 read, 390 good, 6 blank, 5 total (合计), 0 with problems' "$check" "casestat-check"
quoted '台账/公益诉讼台账.xlsx: sheet 公益诉讼案件: cases, header on row 2, 390 imported, 11 skipped (6 blank rows, 5 total rows)' \
  "$(output_of '^casestat-import --db casestat.db 台账/\*$')" "casestat-import"
expect_count 5 "$(sqlite3 casestat.db 'select count(*) from imports')" "ledgers imported from 台账/"
table=$(output_of '^casestat-indicators --db casestat.db --period 2025H1 --format table$')
quoted '2025年上半年（同比：2024年上半年）' "$table" "the indicators table"
quoted '受理案件           464件         429件         同比上升8.2%' "$table" "the indicators table"
quoted '立案               174件         157件         同比上升10.8%' "$table" "the indicators table"
expect_match '^2025年6月（环比：2025年5月）' "$(output_of '--period 2025-06 --compare prev')" "the monthly table against the month before"
csv=2025年上半年各院数据.csv
expect_file "$csv"
expect_equal $'\xef\xbb\xbf单位,受理案件（件）' "$(head -n 1 "$csv" | cut -d, -f1-2)" "the per-office CSV's heading (with the BOM Excel needs)"
expect_count 13 "$(wc -l < "$csv")" "lines of the per-office CSV (a heading and 12 offices)"

step "通报: the files the guide lists, with its figures"
for f in 2025年上半年检察业务数据通报.docx 2025年上半年检察业务数据通报.md 2025年上半年检察业务数据通报.xlsx; do
  expect_file "out/$f"
done
expect_count 2 "$(ls out/*.svg 2> /dev/null | wc -l)" "SVG charts in out/"
quoted '2025年上半年，江州市检察机关共受理各类案件464件，同比上升8.2%；' "$(cat out/2025年上半年检察业务数据通报.md 2> /dev/null)" "the bulletin"
expect_file 季度简报/2025年第二季度检察业务数据通报.docx
expect_match '第二季度' "$(cat 季度简报/2025年第二季度检察业务数据通报.md 2> /dev/null)" "the quarterly bulletin"

step "问题清单: the list holds the rows of the guide's table"
expect_file 问题清单.xlsx
casestat-convert 问题清单.xlsx > problems.csv 2> problems.err
expect_status 0 $? problems.err
quoted '3 problems found, listed in 问题清单.xlsx' "$(output_of '^casestat-check --problems 问题清单.xlsx 补录台账.csv$')" "casestat-check --problems"
grep '^| *| 临江县院 | 补录台账.csv' "$guide" \
  | awk -F'|' '{ line = ""; for (i = 2; i < NF; i++) { v = $i; gsub(/^ +| +$/, "", v); line = line (i > 2 ? "," : "") v } print line }' > guide-problems.csv
expect_count 3 "$(wc -l < guide-problems.csv)" "rows of the guide's 问题清单 table"
expect_equal "$(cat guide-problems.csv)" "$(tail -n +2 problems.csv)" "问题清单.xlsx read back against the guide's table"

step "本院配置目录: the office's columns, words, name, indicator and wording were used"
before=$(output_of '^casestat-check 台账/临江院信访登记.csv$')
expect_match 'B 登记时间 -> kept as an extra column' "$before" "登记时间 unknown to the default dictionary"
expect_match 'G 是否息诉 -> kept as an extra column' "$before" "是否息诉 unknown to the default dictionary"
expect_match '"临江县人民检察院" = \["临江县检察院"\]' "$before" "the unknown office's warning with the line to add"
# The lines the guide shows as the result of its edits are in the files the edits made.
for pair in "fields.toml:resolved    = " "fields.toml:received_on = { name = \"受理日期\", type = \"date\", aliases = [\"登记时间\"" \
            "site.toml:area = " "site.toml:org = " "site.toml:\"临江县人民检察院\" = "; do
  file=本院配置/${pair%%:*}
  shown=$(grep -F -- "${pair#*:}" "$guide" | grep -v -e '^sed' -e '^ *-e' | head -n 1)
  [ -n "$shown" ] || { bad "the guide shows no line of $file starting ${pair#*:}"; continue; }
  grep -Fxq -- "$shown" "$file" || bad "$file lacks the line the guide shows: $shown"
done
after=$(output_of '^casestat-check --site 本院配置 ')
expect_match 'B 登记时间 -> received_on \(date\)' "$after" "登记时间 read as 受理日期 with the site's dictionary"
expect_match 'G 是否息诉 -> resolved \(flag\)' "$after" "是否息诉 read as 是否化解 with the site's words"
grep -q 'warning' <<< "$after" && bad "the site's check still warns: $(grep warning <<< "$after" | head -n 2)"
expect_count 5 "$(sqlite3 临江.db "select count(*) from records where ledger = 'petitions' and received_on is not null")" "petitions with their 受理日期 (登记时间)"
expect_equal "临江县人民检察院" "$(sqlite3 临江.db 'select group_concat(distinct unit) from records')" "every row under the office's own name"
expect_count 3 "$(sqlite3 临江.db 'select count(*) from records where resolved = 1')" "已息诉 read as 是"
md=临江通报/2025年上半年检察业务数据通报.md
expect_file "$md"
quoted '临江县检察机关2025年上半年主要业务数据通报' "$(head -n 1 "$md" 2> /dev/null)" "the office's bulletin title"
quoted '共受理群众来信来访4件，同比上升3倍，已作程序性回复3件，其中7日内回复2件，7日内程序性回复率50%；化解信访2件，同比上升100%。' \
  "$(cat "$md" 2> /dev/null)" "the office's petition paragraph"
verbose=$(output_of '^casestat-bulletin --site 本院配置 ')
for used in fields.toml indicators.toml site.toml partials/section_petition.mustache; do
  expect_match "using .*本院配置/$used\$" "$verbose" "--verbose names the site's $used"
done

step "定时任务: the office Makefile's job, a second run doing nothing, make check"
job=srv/bulletins
for f in casestat.db casestat.log 2025年上半年检察业务数据通报.docx 2025年上半年检察业务数据通报.md 2025年上半年检察业务数据通报.xlsx; do
  expect_file "$job/out/$f"
done
expect_match '^[0-9-]+ [0-9:]+ bulletin: ok$' "$(cat "$job/out/casestat.log" 2> /dev/null)" "the log of the job"
expect_count 5 "$(sqlite3 "$job/out/casestat.db" 'select count(*) from imports' 2> /dev/null)" "ledgers the job imported (README.md of sample-data left alone)"
expect_file "$job/out/问题清单.xlsx"
expect_match 'CASESTAT_INBOX     = 台账 ' "$(output_of 'make -s -C .*/srv/bulletins help$')" "make help shows the inbox"
lines=$(wc -l < "$job/out/casestat.log")
make -s -C "$job" CASESTAT_PERIOD=2025H1 > again.out 2> again.err
expect_status 0 $? again.err
expect_count "$lines" "$(wc -l < "$job/out/casestat.log")" "log lines after a second run with the ledgers unchanged"
expect_match '^30 2 \* \* \*  make -s -C /srv/bulletins$' "$(cat "$guide")" "the crontab line names the job's folder"

finish
