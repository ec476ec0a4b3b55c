#!/usr/bin/env bash
# Writing a bulletin onto a full disk (a file-size limit, ulimit -f) or into a read-only
# folder: a clear error, exit 3, and the previous bulletin intact.
set -u
source "$(dirname "$0")/suite-lib.sh"
cd "$WORK"
casestat-import -q --db s.db "$CASESTAT_SOURCE"/sample-data/*.xlsx "$CASESTAT_SOURCE"/sample-data/*.xls "$CASESTAT_SOURCE"/sample-data/*.csv
casestat-bulletin -q --db s.db --period 2025H1 --out out > /dev/null 2> err
expect_status 0 $? err
before=$(cd out && sha256sum * | sha256sum)
# The store in rollback-journal mode, so that reading it writes nothing (no -shm file) and the
# file-size limit below hits the bulletin only.
sqlite3 s.db 'pragma journal_mode=delete' > /dev/null

step "the disk fills up while the workbook is written"
# Files of 6 KiB at most (bash counts in KiB): the workbook does not fit. SIGXFSZ is ignored, so writes fail with EFBIG.
( ulimit -f 6; trap '' XFSZ; exec casestat-bulletin -q --db s.db --period 2025H2 --out out ) > out.txt 2> err
status=$?
expect_equal 3 "$status" "exit status"
expect_match 'casestat-bulletin: error: .*(File too large|cannot write)' "$(cat err)" "the error"
expect_equal "$before" "$(cd out && sha256sum 2025年上半年* | sha256sum)" "the previous bulletin intact"
expect_count 0 "$(ls out | grep -c '2025年下半年')" "files of the failed bulletin"
expect_count 0 "$(ls -a out | grep -c '\.tmp')" "temporary files left behind"

step "the output folder is read-only"
if [ "$(id -u)" = 0 ]; then
  echo "(skipped: root may write into a read-only folder)"
else
  chmod a-w out
  casestat-bulletin -q --db s.db --period 2025H2 --out out > /dev/null 2> err
  expect_equal 3 "$?" "exit status"
  expect_match 'cannot' "$(cat err)" "the error"
  chmod u+w out
  expect_equal "$before" "$(cd out && sha256sum 2025年上半年* | sha256sum)" "the previous bulletin intact"
fi
finish
