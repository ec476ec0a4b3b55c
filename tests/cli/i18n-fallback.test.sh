#!/usr/bin/env bash
# A translation is never trusted blindly: one whose format takes other arguments than the
# English text (a catalog mistake that po/check-placeholders.py would catch) gives the English
# message, not a crash or a message without its file name; a catalog folder given by
# $CASESTAT_LOCALEDIR is used; a language without a catalog, or a locale that is not
# installed, gives English.
set -u
source "$(dirname "$0")/suite-lib.sh"
cd "$WORK"

step "a catalog with a bad translation"
if ! command -v msgfmt >/dev/null; then
  skip "msgfmt is missing (Debian package gettext)"
elif ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf-\?8'; then
  skip "the zh_CN.UTF-8 locale is not installed (locale-gen zh_CN.UTF-8)"
else
  mkdir -p locale/zh_CN/LC_MESSAGES
  cat >bad.po <<'PO'
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

msgid "error"
msgstr "出错"

msgid "{}: no such file"
msgstr "{}{}：译文有误"

msgid "{}: is empty"
msgstr "{}：空文件（测试）"
PO
  msgfmt -o locale/zh_CN/LC_MESSAGES/casestat.mo bad.po
  : >empty.csv
  env -u LC_ALL LANG=zh_CN.UTF-8 CASESTAT_LOCALEDIR=$PWD/locale casestat-convert missing.csv >/dev/null 2>err
  expect_status 3 $? err
  expect_equal "casestat-convert: 出错: missing.csv: no such file" "$(cat err)" "a bad translation gives the English message"
  env -u LC_ALL LANG=zh_CN.UTF-8 CASESTAT_LOCALEDIR=$PWD/locale casestat-convert empty.csv >/dev/null 2>err
  expect_status 1 $? err
  expect_equal "casestat-convert: 出错: empty.csv：空文件（测试）" "$(cat err)" "a good translation of the same catalog is used"
fi

step "a language without a catalog, and a locale that is not installed"
env -u LC_ALL LANG=fr_FR.UTF-8 LANGUAGE=fr casestat-convert missing.csv >/dev/null 2>err
expect_status 3 $? err
expect_equal "casestat-convert: error: missing.csv: no such file" "$(cat err)" "French (no catalog) is English"
LC_ALL=xx_YY.UTF-8 casestat-convert missing.csv >/dev/null 2>err
expect_status 3 $? err
expect_equal "casestat-convert: error: missing.csv: no such file" "$(cat err)" "a locale that is not installed is English"

finish
