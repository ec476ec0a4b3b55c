#!/usr/bin/env bash
# A catalog is complete: msgfmt --check passes, no message is untranslated or fuzzy, and every
# message of the sources (the .pot made from them now) is in it.
#   bash po/check-complete.sh SOURCE_DIR po/LANG.po
set -u
source_dir=$1
po=$2
for program in msgfmt msgcmp xgettext; do
  command -v $program >/dev/null || { echo "skipped: $program is missing (Debian package gettext)"; exit 77; }
done
failed=0
statistics=$(LC_ALL=C msgfmt --check --statistics --output-file=/dev/null "$po" 2>&1) || failed=1
echo "$statistics"
if grep -Eq 'untranslated|fuzzy' <<<"$statistics"; then
  echo "FAIL: $po has untranslated or fuzzy messages (msgattrib --untranslated / --only-fuzzy lists them)"
  failed=1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sh "$source_dir/po/make-pot.sh" "$source_dir" "$work/casestat.pot" 2>/dev/null || { echo "FAIL: xgettext failed"; exit 1; }
if ! LC_ALL=C msgcmp "$po" "$work/casestat.pot"; then
  echo "FAIL: $po lacks messages of the sources: cmake --build build --target pot, then translate them"
  failed=1
fi
exit $failed
