#!/usr/bin/env bash
# `cmake --install` into a temporary prefix, then the installed tools and Makefile.inc on the
# sample data, with nothing of the source tree in sight; and the .deb builds.
set -u
source "$(dirname "$0")/suite-lib.sh"
build=$(dirname "$CASESTAT_BIN")
unset CASESTAT_TEMPLATES
prefix="$WORK/prefix"

step "cmake --install into a temporary prefix"
cmake --install "$build" --prefix "$prefix" > "$WORK/install.log" 2>&1
expect_status 0 $? "$WORK/install.log"
for f in bin/casestat-import bin/casestat-bulletin share/casestat/Makefile.inc \
         share/casestat/templates/fields.toml share/casestat/templates/indicators.toml \
         share/casestat/templates/half-year/bulletin.md.mustache; do
  expect_file "$prefix/$f"
done
step "the man pages are installed"
if command -v help2man > /dev/null; then
  expect_file "$prefix/share/man/man1/casestat-import.1"
  step "the man pages: Chinese kept, one example a line, no build path"
  page="$prefix/share/man/man1/casestat-indicators.1"
  expect_file "$page"
  grep -q '信访工作' "$page" || bad "$page: the Chinese of the examples is lost"
  grep -q '???' "$page" && bad "$page: Chinese written as ?"
  # help2man fills an indented block into one paragraph (.IP); no-fill (.nf) keeps the lines.
  examples=$(sed -n '/^\.SH EXAMPLES/,/^\.SH /p' "$page")
  grep -q '^\.nf' <<< "$examples" || bad "$page: the examples are filled into one paragraph (no .nf)"
  [ "$(grep -c '^casestat\\-indicators ' <<< "$examples")" -ge 4 ] || bad "$page: fewer than 4 examples"
  grep -l -e "$CASESTAT_SOURCE" -e "$build" "$prefix"/share/man/man1/*.1 && bad "a man page names the build or source folder"
  step "the Chinese man pages are installed beside the English ones"
  if locale -a 2> /dev/null | grep -iqx 'zh_CN\.utf-\?8'; then
    for english in "$prefix"/share/man/man1/casestat-*.1; do
      expect_file "$prefix/share/man/zh_CN/man1/$(basename "$english")"
    done
    zh="$prefix/share/man/zh_CN/man1/casestat-import.1"
    expect_file "$zh"
    # Written in Chinese: help2man's zh_CN section names, and the sections of doc/man/zh_CN/.
    for heading in 名称 描述 选项 示例 退出码 参见; do
      grep -qx "\.SH $heading" "$zh" || bad "$zh: no section $heading"
    done
    expect_match '^casestat-import \\- 把台账' "$(cat "$zh")" "the Chinese NAME line (whatis)"
    grep -q '???' "$zh" && bad "$zh: Chinese written as ?"
    grep -l -e "$CASESTAT_SOURCE" -e "$build" "$prefix"/share/man/zh_CN/man1/*.1 && bad "a Chinese man page names the build or source folder"
    # The Chinese examples are the commands of the tool's --help, explained: none is made up.
    for zh_page in "$prefix"/share/man/zh_CN/man1/casestat-*.1; do
      english="$prefix/share/man/man1/$(basename "$zh_page")"
      commands=$(sed -n '/^\.SH 示例/,/^\.SH /p' "$zh_page" | grep '^casestat')
      [ -n "$commands" ] || bad "$zh_page: no example"
      while IFS= read -r command; do
        grep -Fqx -- "$command" "$english" || bad "$zh_page: the example is not one of the --help's: $command"
      done <<< "$commands"
    done
    if command -v man > /dev/null; then
      rendered=$(LANG=zh_CN.UTF-8 MANWIDTH=80 man -l "$zh" 2> /dev/null)
      expect_match '^名称' "$rendered" "the Chinese page rendered by man"
      expect_match '把示例台账全部导入数据库' "$rendered" "the Chinese examples rendered by man"
    fi
  else
    skip "the zh_CN.UTF-8 locale is not generated (Debian package locales), so the build made no Chinese man pages"
  fi
else
  skip "help2man is not installed (Debian package help2man), so the build made no man pages"
fi

step "the installed tools run the office job on the sample data"
mkdir -p "$WORK/office/台账"
cp "$prefix"/share/casestat/sample-data/* "$WORK/office/台账/"
cat > "$WORK/office/Makefile" <<MK
CASESTAT_PERIOD = 2025H1
include $prefix/share/casestat/Makefile.inc
MK
PATH="$prefix/bin:/usr/bin:/bin" env -u CASESTAT_BIN make -s -C "$WORK/office" > "$WORK/make.out" 2> "$WORK/make.err"
expect_status 0 $? "$WORK/make.err"
expect_file "$WORK/office/out/2025年上半年检察业务数据通报.md"
expect_file "$WORK/office/out/2025年上半年检察业务数据通报.xlsx"
PATH="$prefix/bin:/usr/bin:/bin" casestat-indicators --help > /dev/null 2>&1
expect_status 0 $? 

step "the Chinese messages are installed and used"
if ! command -v msgfmt > /dev/null; then
  skip "msgfmt is not installed (Debian package gettext), so the build made no catalogs"
elif ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf-\?8'; then
  expect_file "$prefix/share/locale/zh_CN/LC_MESSAGES/casestat.mo"
  skip "the zh_CN.UTF-8 locale is not installed (locale-gen zh_CN.UTF-8)"
else
  expect_file "$prefix/share/locale/zh_CN/LC_MESSAGES/casestat.mo"
  PATH="$prefix/bin:/usr/bin:/bin" env -u LC_ALL LANG=zh_CN.UTF-8 casestat-convert 没有这个文件.csv > /dev/null 2> "$WORK/zh.err"
  expect_status 3 $? "$WORK/zh.err"
  expect_equal "casestat-convert: 错误: 没有这个文件.csv: 没有这个文件" "$(cat "$WORK/zh.err")" "the installed tool in Chinese"
fi

step "the .deb builds"
if ! command -v dpkg-deb > /dev/null; then
  skip "dpkg-deb is not installed (Debian package dpkg)"
elif [ "${CASESTAT_SKIP_DEB:-0}" = 1 ]; then
  skip "CASESTAT_SKIP_DEB=1"
else
  cmake --build "$build" --target deb > "$WORK/deb.log" 2>&1
  expect_status 0 $? "$WORK/deb.log"
  deb=$(ls "$build"/casestat_*.deb 2>/dev/null | head -n 1)
  expect_file "$deb"
  if [ -n "$deb" ]; then
    expect_match 'libxlsxwriter' "$(dpkg-deb -f "$deb" Depends)" "the package's dependencies"
    expect_match 'usr/bin/casestat-bulletin' "$(dpkg-deb -c "$deb")" "the package's files"
    if [ -f "$prefix/share/man/zh_CN/man1/casestat-import.1" ]; then
      expect_match 'usr/share/man/zh_CN/man1/casestat-import\.1' "$(dpkg-deb -c "$deb")" "the package's Chinese man pages"
      expect_match 'usr/share/man/man1/casestat-import\.1' "$(dpkg-deb -c "$deb")" "the package's English man pages"
    fi
    expect_match 'usr/share/doc/casestat/README\.zh-CN\.md' "$(dpkg-deb -c "$deb")" "the clerks' guide in the package"
    if command -v msgfmt > /dev/null; then
      expect_match 'usr/share/locale/zh_CN/LC_MESSAGES/casestat.mo' "$(dpkg-deb -c "$deb")" "the package's Chinese messages"
    fi
  fi
fi

finish
