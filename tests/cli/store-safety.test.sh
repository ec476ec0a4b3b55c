#!/usr/bin/env bash
# The store's safety around an import: modes of the store and its files, the rejects file
# opened before anything is committed, a full disk naming the ledger, and Makefile.inc's log
# and per-ledger rejects files.
set -u
source "$(dirname "$0")/suite-lib.sh"
cd "$WORK"
umask 022
ledger="$CASESTAT_SOURCE/sample-data/信访台账.csv"
mode() { stat -c %a "$1"; }

step "an empty file given as the store is made private (its WAL files: unit test db_test)"
: > empty.db
casestat-import -q --db empty.db "$ledger" 2> err
expect_status 0 $? err
expect_equal 600 "$(mode empty.db)" "the store's mode"

step "a store others can read is named once in a warning, with the fix"
cp empty.db shared.db
chmod 644 shared.db
casestat-import --db shared.db "$CASESTAT_SOURCE/sample-data/检察建议台账.xlsx" 2> err
expect_status 0 $? err
expect_count 1 "$(grep -c 'warning: the store shared.db can be read by other users' err)" "warnings"
expect_match 'chmod 600 shared.db' "$(cat err)" "the fix"
casestat-indicators --db shared.db --period 2025H1 > /dev/null 2> err
expect_status 0 $? err
expect_count 1 "$(grep -c 'can be read by other users' err)" "warnings of casestat-indicators"
chmod 600 shared.db
casestat-indicators --db shared.db --period 2025H1 > /dev/null 2> err
expect_empty err

step "a rejects file that cannot be written stops the import before anything is stored"
printf '受理日期,承办单位\n2025-01-02,甲院\n2025-13-45,乙院\n' > bad.csv
casestat-import --db r.db --on-error skip --rejects /nonexistent/r.csv bad.csv 2> err
expect_status 3 $? err
expect_match 'cannot create /nonexistent/r.csv' "$(cat err)" "the error"
expect_count 0 "$(sqlite3 r.db 'select count(*) from imports' 2>/dev/null || echo 0)" "imports in the store"
casestat-import --db r.db --on-error skip --rejects r.csv bad.csv 2> err
expect_status 0 $? err
expect_count 1 "$(grep -c '2025-13-45' r.csv)" "the rejected row listed on the rerun"
expect_equal 600 "$(mode r.csv)" "the rejects file's mode"

step "a full disk during an import names the ledger being imported"
casestat-import -q --db full.db "$ledger" 2> err
expect_status 0 $? err
# Files of 64 KiB at most (bash counts in KiB): the case list does not fit in the WAL. SIGXFSZ is
# ignored, so writes fail with EFBIG.
( ulimit -f 64; trap '' XFSZ; exec casestat-import -q --db full.db "$CASESTAT_SOURCE/sample-data/案件信息.xlsx" ) 2> err
status=$?
expect_equal 3 "$status" "exit status"
expect_match '^casestat-import: error: .*案件信息.xlsx: not imported: .*store full.db' "$(cat err)" "the error"
expect_count 1 "$(sqlite3 full.db 'select count(*) from imports')" "imports kept"

step "Makefile.inc: a private log, one rejects file per ledger"
mkdir -p job/台账
printf '受理日期,承办单位\n2025-01-02,甲院\n2025-13-45,乙院\n' > job/台账/一.csv
printf '受理日期,承办单位\n2025-02-02,丙院\n2025-02-30,丁院\n' > job/台账/二.csv
cat > job/Makefile <<MAKE
CASESTAT_INBOX = 台账
CASESTAT_PERIOD = 2025H1
CASESTAT_BIN = $CASESTAT_BIN/
CASESTAT_IMPORT_OPTIONS = --on-error skip
CASESTAT_REJECTS = out/rejects
include $CASESTAT_SOURCE/Makefile.inc
MAKE
make -s -C job import > out 2> err
expect_status 0 $? err
expect_equal 600 "$(mode job/out/casestat.log)" "the log's mode"
expect_count 1 "$(grep -c '2025-13-45' job/out/rejects/一.csv.rejects.csv)" "一.csv's rejected row"
expect_count 1 "$(grep -c '2025-02-30' job/out/rejects/二.csv.rejects.csv)" "二.csv's rejected row"
finish
