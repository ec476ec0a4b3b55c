#!/usr/bin/env bash
# The unit tests, and the tools on the sample data, under valgrind's memcheck: any error or
# leak fails (issue 6). Slow, so a separate step of .ci/run rather than part of ctest.
#   tests/valgrind.sh BUILD_DIR
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
source_dir=$(cd "$(dirname "$0")/.." && pwd)
export CASESTAT_TEMPLATES="$source_dir/templates"
vg=(valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible
    --errors-for-leak-kinds=definite,indirect,possible)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
run() {
  if "${vg[@]}" "$@" > "$work/out" 2> "$work/err"; then
    echo "ok      $*"
  else
    status=$?
    if [ "$status" = 99 ]; then
      echo "FAILED  $* (memcheck)"; sed 's/^/    /' "$work/err" | head -40; failed=1
    else
      echo "ok      $* (exit $status, as expected of the case)"
    fi
  fi
}
for unit in "$build"/tests/unit-*; do run "$unit"; done
sample="$source_dir/sample-data"
run "$build/bin/casestat-import" -q --db "$work/s.db" "$sample"/案件信息.xlsx "$sample"/公益诉讼台账.xlsx "$sample"/检察建议台账.xlsx "$sample"/信访台账.csv "$sample"/司法救助台账.xls
run "$build/bin/casestat-indicators" --db "$work/s.db" --period 2025H1 --by unit --format json
run "$build/bin/casestat-bulletin" -q --db "$work/s.db" --period 2025H1 --out "$work/out"
run "$build/bin/casestat-convert" --sheet all "$source_dir/tests/cli/data/xlsx/pitfalls.xlsx"
run "$build/bin/casestat-import" --db "$work/t.db" "$source_dir/tests/cli/data/import/bad-rows.csv"
run "$build/bin/casestat-check" "$source_dir/tests/cli/data/xlsx/doctype.xlsx"
run "$build/bin/casestat-indicators" --db "$work/s.db" --period 2025H9
exit $failed
