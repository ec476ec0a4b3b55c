#!/usr/bin/env bash
# Runs one golden CLI case: tests/cli/cases/NAME/cmd is run by bash in a fresh temporary
# folder with the built tools first on PATH, and its stdout, stderr and exit code are compared
# with expout, experr and exitcode. With CASESTAT_UPDATE_GOLDEN=1 the expected files are
# rewritten from what the command did (review them with git diff before committing).
#
# In cmd: $DATA is tests/cli/data, $SAMPLE is sample-data, $TEMPLATES is templates; the
# temporary folder's path is printed as $TMPDIR in the compared output.
#
# Messages are in English (C.UTF-8) unless the case has a file `lang` naming a locale, e.g.
# zh_CN.UTF-8: cmd then runs with LANG set to it (and LC_ALL unset, so that a command of cmd
# may still say LC_ALL=C.UTF-8 for English). Without that locale on this machine, or without
# the build's catalogs, the case exits 77 (skipped).
#
# cmd runs with pipefail, and every command or pipe of it that ends in failure prints
# `cmd line N: exit S...` on stderr (the status of each tool of the pipe), so a tool that fails
# in the middle of a pipe, or on a line whose status the case does not echo, changes experr.
# A pipe must therefore not end early on purpose (`| head` can kill the writer with SIGPIPE,
# depending on timing): write to a file first, then cut it.
set -u
case_dir=$(cd "$1" && pwd)
: "${CASESTAT_BIN:?CASESTAT_BIN must name the folder of the built tools}"
: "${CASESTAT_SOURCE:?CASESTAT_SOURCE must name the source tree}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PATH="$CASESTAT_BIN:$PATH"
export DATA="$CASESTAT_SOURCE/tests/cli/data"
export SAMPLE="$CASESTAT_SOURCE/sample-data"
export TEMPLATES="$CASESTAT_SOURCE/templates"
export TMPDIR="$work"
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=Asia/Shanghai
unset CASESTAT_DB CASESTAT_SITE CASESTAT_LOCALEDIR LANGUAGE LC_MESSAGES
if [ -f "$case_dir/lang" ]; then
  lang=$(tr -d '[:space:]' <"$case_dir/lang")
  # locale -a writes zh_CN.utf8 for zh_CN.UTF-8.
  wanted=$(echo "$lang" | tr 'A-Z' 'a-z' | tr -d '-')
  if ! locale -a 2>/dev/null | tr 'A-Z' 'a-z' | tr -d '-' | grep -qxF "$wanted"; then
    echo "skipped: the locale $lang is not installed (locale-gen $lang)"
    exit 77
  fi
  if ! ls "$CASESTAT_BIN"/../share/locale/*/LC_MESSAGES/casestat.mo >/dev/null 2>&1; then
    echo "skipped: the build has no message catalogs (msgfmt, Debian package gettext, was missing)"
    exit 77
  fi
  unset LC_ALL
  export LANG="$lang"
fi

# (The trap also fires for `source` itself when cmd's last command fails: that one is not cmd's.)
report_failures='s=("${PIPESTATUS[@]}"); [ "${BASH_SOURCE[0]:-}" != "$1" ] || echo "cmd line $LINENO: exit ${s[*]}" >&2'
(cd "$work" && bash -c "set -o pipefail; trap '$report_failures' ERR; source \"\$1\"" cmd "$case_dir/cmd" \
  >"$work/.stdout" 2>"$work/.stderr" </dev/null)
code=$?

normalize() { sed -e "s#$work#\$TMPDIR#g" -e "s#$CASESTAT_SOURCE#\$SOURCE#g" "$1"; }
normalize "$work/.stdout" >"$work/.stdout.n"
normalize "$work/.stderr" >"$work/.stderr.n"

if [ "${CASESTAT_UPDATE_GOLDEN:-0}" = 1 ]; then
  cp "$work/.stdout.n" "$case_dir/expout"
  cp "$work/.stderr.n" "$case_dir/experr"
  echo "$code" >"$case_dir/exitcode"
  echo "updated $(basename "$case_dir")"
  exit 0
fi

failed=0
expected_code=$(cat "$case_dir/exitcode" 2>/dev/null || echo 0)
if [ "$code" != "$expected_code" ]; then
  echo "exit code: expected $expected_code, got $code"
  failed=1
fi
for stream in stdout stderr; do
  expected="$case_dir/exp${stream#std}"
  [ -f "$expected" ] || expected=/dev/null
  if ! diff -u --label "expected $stream" --label "actual $stream" "$expected" "$work/.$stream.n"; then
    failed=1
  fi
done
exit $failed
