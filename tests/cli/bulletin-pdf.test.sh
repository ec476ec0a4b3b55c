#!/usr/bin/env bash
# The default Word bulletin as an office prints it: the .docx the build zipped (the one that is
# installed) fills like the folder it was made from, and LibreOffice renders it to a PDF of A4
# pages (portrait, the per-office tables landscape) that says the figures and numbers its
# pages "— 1 —". Skipped (exit 77) where LibreOffice or poppler-utils is not installed.
source "$(dirname "$0")/suite-lib.sh"
for program in soffice pdfinfo pdftotext unzip python3; do
  if ! command -v "$program" >/dev/null; then
    echo "SKIPPED: $program is not installed"
    exit 77
  fi
done
cd "$WORK"
DATA="$CASESTAT_SOURCE/tests/cli/data"

step "the built bulletin.docx fills like its folder of parts"
built="$CASESTAT_BIN/../templates/half-year/bulletin.docx"
expect_file "$built"
mkdir mine
cp "$built" "$CASESTAT_SOURCE/templates/half-year/bulletin.md.mustache" "$CASESTAT_SOURCE/templates/half-year/workbook.toml" mine/
casestat-bulletin --data "$DATA/render/full.json" --template-dir mine --out out >/dev/null 2>err
expect_status 0 $? err
casestat-bulletin --data "$DATA/render/full.json" --out from-folder >/dev/null 2>err
expect_status 0 $? err
docx=out/2025年上半年检察业务数据通报.docx
cmp <(unzip -p "$docx" word/document.xml) <(unzip -p from-folder/2025年上半年检察业务数据通报.docx word/document.xml) ||
  bad "the built .docx and its folder fill differently"
python3 "$DATA/office/check-bulletin-docx.py" "$docx" out/2025年上半年检察业务数据通报.md "$DATA/render/full.json" >check 2>&1 ||
  bad "$(cat check)"

step "LibreOffice renders it on A4"
timeout 300 soffice -env:UserInstallation="file://$WORK/lo" --headless --convert-to pdf --outdir pdf "$docx" >soffice.log 2>&1
pdf=pdf/2025年上半年检察业务数据通报.pdf
expect_file "$pdf"
pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
[ "${pages:-0}" -ge 3 ] || bad "only ${pages:-0} pages"
sizes=$(pdfinfo -f 1 -l "${pages:-1}" "$pdf" | sed -n 's/^Page *[0-9]* size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p' | sort -u)
while read -r w h; do
  case "$w $h" in
    "595.3"*" 841.8"* | "841.8"*" 595.3"*) ;;
    *) bad "a page of $w x $h pt is not A4" ;;
  esac
done <<<"$sizes"
echo "$sizes" | grep -q '^841' || bad "no landscape page for the per-office tables"
pdftotext -layout "$pdf" text.txt
for want in 江州市检察机关2025年上半年 "— 1 —" 800件 同比上升5.3% 二〇二六年十一月二十二日; do
  tr -d ' ' <text.txt | grep -q -- "$(tr -d ' ' <<<"$want")" || bad "the PDF does not say $want"
done
finish
