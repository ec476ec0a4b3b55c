#!/usr/bin/env bash
# po/casestat.pot is the one the sources make now (so a new message is seen, and translated).
#   bash po/check-pot.sh SOURCE_DIR
set -u
source_dir=$1
command -v xgettext >/dev/null || { echo "skipped: xgettext is missing (Debian package gettext)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sh "$source_dir/po/make-pot.sh" "$source_dir" "$work/casestat.pot" 2>/dev/null || { echo "FAIL: xgettext failed"; exit 1; }
if ! diff -u "$source_dir/po/casestat.pot" "$work/casestat.pot"; then
  echo "FAIL: po/casestat.pot is not the one the sources make: cmake --build build --target pot"
  exit 1
fi
echo "po/casestat.pot is current"
