#!/usr/bin/env bash
# Makefile.inc end to end: an office Makefile over a copy of sample-data/ in a
# temporary folder, run the way cron runs it.
#   1. the first make imports every ledger and writes the bulletin;
#   2. a second make does nothing;
#   3. touching one ledger re-imports that ledger only;
#   4. a broken ledger makes make fail, with the reason in the log, and the bulletin stays;
#   5. two makes started together both end well.
set -u
source "$(dirname "$0")/suite-lib.sh"

job="$WORK/job with space"
mkdir -p "$job/台账"
cp "$CASESTAT_SOURCE"/sample-data/*.xlsx "$CASESTAT_SOURCE"/sample-data/*.xls "$CASESTAT_SOURCE"/sample-data/*.csv "$job/台账/"
cat > "$job/Makefile" <<EOF
CASESTAT_INBOX = 台账
CASESTAT_PERIOD = 2025H1
CASESTAT_BIN = $CASESTAT_BIN/
include $CASESTAT_SOURCE/Makefile.inc
EOF
bulletin="$job/out/2025年上半年检察业务数据通报.md"
workbook="$job/out/2025年上半年检察业务数据通报.xlsx"
log="$job/out/casestat.log"
ledgers=$(ls "$job/台账" | wc -l)

step "first make imports every ledger and writes the bulletin"
make -s -C "$job" > "$WORK/out1" 2> "$WORK/err1"
expect_status 0 $? "$WORK/err1"
expect_file "$bulletin"
expect_file "$workbook"
expect_count "$ledgers" "$(grep -c ' import: ok$' "$log")" "ledgers imported in the log"
expect_count 1 "$(grep -c ' bulletin: ok$' "$log")" "bulletins written in the log"
expect_count "$ledgers" "$(sqlite3 "$job/out/casestat.db" 'select count(*) from imports')" "imports in the store"

step "a second make does nothing"
lines=$(wc -l < "$log")
db_time=$(stat -c %Y.%s "$job/out/casestat.db")
md_time=$(stat -c %Y "$bulletin")
sleep 1
make -s -C "$job" > "$WORK/out2" 2> "$WORK/err2"
expect_status 0 $? "$WORK/err2"
expect_count "$lines" "$(wc -l < "$log")" "log lines after a make with nothing to do"
expect_equal "$db_time" "$(stat -c %Y.%s "$job/out/casestat.db")" "store unchanged"
expect_equal "$md_time" "$(stat -c %Y "$bulletin")" "bulletin not rewritten"
expect_empty "$WORK/out2" "$WORK/err2"

step "touching one ledger re-imports that ledger only"
touch "$job/台账/信访台账.csv"
make -s -C "$job" > "$WORK/out3" 2> "$WORK/err3"
expect_status 0 $? "$WORK/err3"
new=$(tail -n +"$((lines + 1))" "$log")
expect_count 1 "$(grep -c ' import: ok$' <<< "$new")" "imports after touching one ledger"
expect_count 1 "$(grep -c '信访台账.csv' <<< "$new")" "log lines naming the touched ledger"
expect_count 0 "$(grep -c '案件信息.xlsx' <<< "$new")" "log lines naming an untouched ledger"

step "a broken ledger fails the job, says why in the log and leaves the bulletin"
before=$(sha256sum "$bulletin" | cut -d' ' -f1)
lines=$(wc -l < "$log")
printf '受理日期,承办单位,案件类别\n2025年13月5日,东湖区院,审查起诉\n' > "$job/台账/坏台账.csv"
# and the store changes through another ledger, so the bulletin would be rebuilt if it could
printf '信访编号,来信来访日期,承办单位,是否积案\nXF-X-1,2025-03-01,江州市东湖区人民检察院,否\n' > "$job/台账/信访补录.csv"
make -s -C "$job" > "$WORK/out4" 2> "$WORK/err4"
status=$?
expect_nonzero "$status" "make with a broken ledger"
new=$(tail -n +"$((lines + 1))" "$log")
expect_match '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8} import: .*坏台账.csv: row 2, column 受理日期: cannot read "2025年13月5日" as a date' "$new" "the reason in the log"
expect_match 'FAILED \(exit 1\)' "$new" "the failure in the log"
expect_match '坏台账.csv' "$(cat "$WORK/err4")" "the reason on stderr (cron mails it)"
expect_equal "$before" "$(sha256sum "$bulletin" | cut -d' ' -f1)" "the previous bulletin intact"
rm "$job/台账/坏台账.csv"

step "a period in which no ledger has a record is refused, in the log, and the bulletin stays"
before=$(sha256sum "$bulletin" | cut -d' ' -f1)
lines=$(wc -l < "$log")
make -s -C "$job" CASESTAT_PERIOD=2019H1 > "$WORK/out4b" 2> "$WORK/err4b"
expect_nonzero $? "make for a period without records"
new=$(tail -n +"$((lines + 1))" "$log")
expect_match 'bulletin: casestat-bulletin: error: 2019年上半年 \(2019-01-01..2019-06-30\): no ledger has a record in this period \(the latest date in the store is 20[0-9]{2}-[0-9]{2}-[0-9]{2}\)' "$new" "the refusal in the log, with the latest date"
expect_match 'bulletin: FAILED \(exit 1\)' "$new" "the failure in the log"
expect_equal "$before" "$(sha256sum "$bulletin" | cut -d' ' -f1)" "the previous bulletin intact"
[ ! -e "$job/out/2019年上半年检察业务数据通报.md" ] || bad "a bulletin of zeros was written"

step "two makes started together both end well"
touch "$job/台账"/*
make -s -C "$job" > "$WORK/out5a" 2> "$WORK/err5a" & a=$!
make -s -C "$job" > "$WORK/out5b" 2> "$WORK/err5b" & b=$!
wait $a; sa=$?
wait $b; sb=$?
expect_status 0 "$sa" "$WORK/err5a"
expect_status 0 "$sb" "$WORK/err5b"
expect_equal ok "$(sqlite3 "$job/out/casestat.db" 'pragma integrity_check')" "store integrity"
expect_file "$bulletin"

step "make -j2 clean all"
make -s -j2 -C "$job" clean > /dev/null 2>&1
make -s -j2 -C "$job" > "$WORK/out6" 2> "$WORK/err6"
expect_status 0 $? "$WORK/err6"
expect_file "$bulletin"

finish
