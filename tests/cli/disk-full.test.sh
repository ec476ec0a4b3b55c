#!/usr/bin/env bash
# Rewriting a bulletin onto a full disk (a file-size limit, ulimit -f) or into a read-only
# folder: a clear error, exit 3, and the previous bulletin of the same period intact, byte for
# byte (an overwrite would show).
set -u
source "$(dirname "$0")/suite-lib.sh"
cd "$WORK"
casestat-import -q --db s.db "$CASESTAT_SOURCE"/sample-data/*.xlsx "$CASESTAT_SOURCE"/sample-data/*.xls "$CASESTAT_SOURCE"/sample-data/*.csv
# The store in rollback-journal mode, so that reading it writes nothing (no -shm file) and the
# file-size limit below hits the bulletin only.
sqlite3 s.db 'pragma journal_mode=delete' > /dev/null
# The previous bulletin is of other data (the recommendations ledger left out), so that the
# files a successful rewrite would put in its place differ from it.
casestat-import -q --db old.db $(ls "$CASESTAT_SOURCE"/sample-data/*.xlsx | grep -v 检察建议) "$CASESTAT_SOURCE"/sample-data/*.xls "$CASESTAT_SOURCE"/sample-data/*.csv
casestat-bulletin -q --db old.db --period 2025H1 --out out > /dev/null 2> err
expect_status 0 $? err
casestat-bulletin -q --db s.db --period 2025H1 --out new > /dev/null 2> err
expect_status 0 $? err
files() { (cd "$1" && ls -a | LC_ALL=C sort | tr '\n' ' '); }
fingerprint() { (cd "$1" && sha256sum * | sha256sum); }
before=$(fingerprint out)
before_files=$(files out)
[ "$before" != "$(fingerprint new)" ] || bad "the two data sets give the same bulletin: an overwrite could not be seen"

step "the disk fills up while the same period is rewritten"
# Files of 6 KiB at most (bash counts in KiB): the workbook does not fit. SIGXFSZ is ignored, so writes fail with EFBIG.
( ulimit -f 6; trap '' XFSZ; exec casestat-bulletin -q --db s.db --period 2025H1 --out out ) > out.txt 2> err
status=$?
expect_equal 3 "$status" "exit status"
expect_match 'casestat-bulletin: error: .*(File too large|cannot write)' "$(cat err)" "the error"
expect_equal "$before" "$(fingerprint out)" "the previous bulletin intact"
expect_equal "$before_files" "$(files out)" "the files of the folder (no temporary file left)"

step "the output folder is read-only"
# Root writes into a read-only folder, and CI runs as root: there the step runs as an
# unprivileged user (nobody) on a copy it owns of the store, the bulletin, the tool and the
# templates (the checkout may be in a folder nobody cannot enter).
as_user=()
place="$WORK"
tool=casestat-bulletin
if [ "$(id -u)" = 0 ]; then
  place=$(mktemp -d)
  chmod 755 "$place"
  trap 'rm -rf "$WORK" "$place"' EXIT
  cp -a s.db out "$place/"
  cp "$CASESTAT_BIN/casestat-bulletin" "$place/"
  cp -r "$CASESTAT_TEMPLATES" "$place/templates"
  chown -R nobody "$place"
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups -- env CASESTAT_TEMPLATES="$place/templates")
  tool="$place/casestat-bulletin"
fi
if ! "${as_user[@]}" "$tool" --help > /dev/null 2> err; then
  skip "the user nobody cannot run casestat-bulletin here: $(head -c 200 err)"
else
  chmod a-w "$place/out"
  "${as_user[@]}" "$tool" -q --db "$place/s.db" --period 2025H1 --out "$place/out" > /dev/null 2> err
  expect_equal 3 "$?" "exit status"
  expect_match 'casestat-bulletin: error: .*cannot' "$(cat err)" "the error"
  chmod u+w "$place/out"
  expect_equal "$before" "$(fingerprint "$place/out")" "the previous bulletin intact"
  expect_equal "$before_files" "$(files "$place/out")" "the files of the folder (no temporary file left)"
fi
finish
