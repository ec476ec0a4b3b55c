#!/usr/bin/env bash
# The bulletin workbook as printed: LibreOffice renders it to PDF, and the pages are read back
# with poppler. Every page is A4 landscape; the per-office sheet is split between indicators
# with the office column and its heading on every page, in type no smaller than 8 pt (no
# shrink-to-fit); the chart data sheet comes last. Without LibreOffice or poppler the suite
# reports itself skipped (exit 77), never passed.
set -u
source "$(dirname "$0")/suite-lib.sh"
for program in soffice pdfinfo pdftotext python3; do
  command -v "$program" > /dev/null || { echo "SKIPPED: $program is not installed"; exit 77; }
done

step "a workbook of twelve offices"
python3 - "$CASESTAT_SOURCE/tests/cli/data/render/full.json" > "$WORK/twelve.json" <<'PY'
import copy, json, sys
d = json.load(open(sys.argv[1]))
offices = ['江州市人民检察院', '江州市东湖区人民检察院', '江州市西湖区人民检察院', '江州市南山区人民检察院',
           '江州市北塘区人民检察院', '江州市开发区人民检察院', '枫桥市人民检察院', '临江县人民检察院',
           '青石县人民检察院', '云溪县人民检察院', '白沙县人民检察院', '梅岭县人民检察院']
groups = []
for n, name in enumerate(offices):
    g = copy.deepcopy(d['groups'][n % 3])
    g['name'] = name
    groups.append(g)
d['groups'] = groups
json.dump(d, sys.stdout, ensure_ascii=False)
PY
casestat-xlsx --data "$WORK/twelve.json" -o "$WORK/w.xlsx" 2> "$WORK/xlsx.err"
expect_status 0 $? "$WORK/xlsx.err"

step "LibreOffice prints it to PDF"
HOME="$WORK" timeout 300 soffice --headless "-env:UserInstallation=file://$WORK/lo" --convert-to pdf \
  --outdir "$WORK" "$WORK/w.xlsx" > "$WORK/soffice.out" 2>&1
expect_status 0 $? "$WORK/soffice.out"
expect_file "$WORK/w.pdf"

step "every page is A4 landscape"
pages=$(pdfinfo "$WORK/w.pdf" | sed -n 's/^Pages: *//p')
for ((p = 1; p <= pages; p++)); do
  size=$(pdfinfo -f "$p" -l "$p" "$WORK/w.pdf" | sed -n 's/^Page *[0-9]* size: *\([0-9.]*\) x \([0-9.]*\).*/\1 \2/p')
  expect_match '^84[12](\.[0-9]+)? 59[45](\.[0-9]+)?$' "$size" "page $p size (A4 landscape is 842 x 595 pt)"
done

step "the per-office pages: offices and headings repeated, type of 8 pt or more"
pdftotext -bbox "$WORK/w.pdf" "$WORK/w.html"
python3 - "$WORK/w.html" <<'PY' > "$WORK/pages.txt"
import re, sys
offices = ['江州市人民检察院', '江州市东湖区人民检察院', '梅岭县人民检察院']
html = open(sys.argv[1], encoding='utf-8').read()
office_pages = 0
for n, page in enumerate(re.findall(r'<page.*?</page>', html, re.S), 1):
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)
    text = {w[4] for w in words}
    if not any(o in text for o in offices) or '去年同期' not in text:
        continue  # the summary names the issuing office too
    office_pages += 1
    missing = [o for o in offices if o not in text]
    heights = [float(w[3]) - float(w[1]) for w in words if w[4] in offices]
    print(f'page {n}: missing={missing} heading={"单位" in text} smallest={min(heights):.1f}')
print(f'office pages: {office_pages}')
PY
cat "$WORK/pages.txt"
office_pages=$(sed -n 's/^office pages: //p' "$WORK/pages.txt")
[ "${office_pages:-0}" -ge 2 ] || bad "the per-office sheet should take more than one page across, not be shrunk onto one"
while read -r page n missing heading smallest; do
  expect_equal "missing=[]" "$missing" "page $n: offices"
  expect_equal "heading=True" "$heading" "page $n: the office column's heading 单位"
  awk -v h="${smallest#smallest=}" 'BEGIN { exit !(h >= 8) }' || bad "page $n: office names ${smallest#smallest=} pt high, less than 8"
done < <(grep '^page ' "$WORK/pages.txt")

step "the chart's figures are not on the printed summary"
pdftotext -layout "$WORK/w.pdf" - | grep -q '图表：' && echo "(the chart data sheet prints last)"
python3 - "$WORK/w.xlsx" <<'PY' > "$WORK/sheets.txt"
import re, sys, zipfile
wb = zipfile.ZipFile(sys.argv[1]).read('xl/workbook.xml').decode()
print(' '.join(re.findall(r'<sheet name="([^"]*)"', wb)))
PY
expect_equal "主要指标 各院情况 图表数据" "$(cat "$WORK/sheets.txt")" "the sheets"

finish
