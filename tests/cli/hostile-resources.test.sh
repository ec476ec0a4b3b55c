#!/usr/bin/env bash
# Small hostile xlsx files must not cost a large machine: each is refused or read within 60 s and
# 512 MiB (peak resident memory, measured by /usr/bin/time), with the default limits. The files
# are written here by make-hostile.py (a few MB each; what they inflate to is never written).
set -u
source "$(dirname "$0")/suite-lib.sh"
if [ ! -x /usr/bin/time ]; then
  echo "SKIPPED: /usr/bin/time is not installed (Debian package time)"
  exit 77
fi
python3 "$CASESTAT_SOURCE/tests/cli/data/xlsx/make-hostile.py" "$WORK" big || { bad "make-hostile.py failed"; finish; }

# measure TOOL FILE: runs the tool on the file and checks its time and peak memory.
measure() {
  local tool=$1 file=$2
  /usr/bin/time -f '%e %M' -o "$WORK/time" "$tool" "${@:3}" "$WORK/$file" >/dev/null 2>"$WORK/err"
  local status=$?
  read -r seconds kib < <(tail -n 1 "$WORK/time")  # (after "Command exited with ..." when it failed)
  echo "   $tool $file: exit $status, $seconds s, $((kib / 1024)) MiB: $(head -n 1 "$WORK/err" | cut -c 1-200)"
  awk -v s="$seconds" 'BEGIN { exit !(s <= 60) }' || bad "$tool $file took $seconds s (limit 60 s)"
  [ "$kib" -le $((512 * 1024)) ] || bad "$tool $file peaked at $((kib / 1024)) MiB (limit 512 MiB)"
  LAST_STATUS=$status
}

for file in shared-part.xlsx overlap.xlsx long-attribute.xlsx long-comment.xlsx no-ref-cells.xlsx; do
  step "$file is refused"
  measure casestat-convert "$file"
  expect_status 1 "$LAST_STATUS" "$WORK/err"
  measure casestat-import "$file" --db "$WORK/s.db"
  expect_status 1 "$LAST_STATUS" "$WORK/err"
done

step "twenty million empty shared strings are read within the bounds"
measure casestat-convert empty-strings.xlsx
expect_status 0 "$LAST_STATUS" "$WORK/err"

step "nothing was stored"
expect_equal 0 "$(sqlite3 "$WORK/s.db" 'select count(*) from records' 2>/dev/null || echo 0)" "records"
finish
