#!/usr/bin/env bash
# The unit tests, and the tools on the sample data, under valgrind's memcheck: any error or
# leak in casestat fails. Slow, so a step of .ci/run rather than part of ctest.
# The child process that runs FreeXL for .xls files (src/read/xls_workbook.cpp) is left
# silent: FreeXL 1.0.6 reads memory it did not set, which is why it runs apart.
#   tests/valgrind.sh BUILD_DIR
set -uo pipefail
build=$(cd "${1:-build}" && pwd)
source_dir=$(cd "$(dirname "$0")/.." && pwd)
export CASESTAT_TEMPLATES="$source_dir/templates"
vg=(valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible
    --errors-for-leak-kinds=definite,indirect,possible --child-silent-after-fork=yes)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
# expect STATUS COMMAND...: the command under memcheck must end with STATUS and no memcheck error
expect() {
  local want=$1
  shift
  "${vg[@]}" "$@" > "$work/out" 2> "$work/err"
  local status=$?
  if [ "$status" = "$want" ]; then
    echo "ok      (exit $status) $*"
  else
    echo "FAILED  (exit $status, expected $want) $*"
    sed 's/^/    /' "$work/err" | head -40
    failed=1
  fi
}
for unit in "$build"/tests/unit-*; do expect 0 "$unit"; done
sample="$source_dir/sample-data"
data="$source_dir/tests/cli/data"
expect 0 "$build/bin/casestat-import" -q --db "$work/s.db" "$sample"/案件信息.xlsx "$sample"/公益诉讼台账.xlsx \
  "$sample"/检察建议台账.xlsx "$sample"/信访台账.csv "$sample"/司法救助台账.xls
expect 0 "$build/bin/casestat-indicators" --db "$work/s.db" --period 2025H1 --by unit --format json
expect 0 "$build/bin/casestat-bulletin" -q --db "$work/s.db" --period 2025H1 --out "$work/bulletin"
expect 0 "$build/bin/casestat-convert" --sheet all "$data/xlsx/pitfalls.xlsx"
expect 1 "$build/bin/casestat-import" --db "$work/t.db" "$data/import/bad-rows.csv"
expect 1 "$build/bin/casestat-check" "$data/xlsx/doctype.xlsx" "$data/xls/damaged/segv.xls"
expect 2 "$build/bin/casestat-indicators" --db "$work/s.db" --period 2025H9
exit $failed
