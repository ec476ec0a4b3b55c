#!/usr/bin/env python3
"""Checks the default Word bulletin against the Markdown bulletin and the indicators JSON
both were made from, and reads its 公文 layout back from the .docx.

usage: check-bulletin-docx.py BULLETIN.docx BULLETIN.md INDICATORS.json
- every figure of the Markdown (each number with its unit, percentage or 倍) is in the Word text;
- every indicator's total display and change_text is there, and each office's row holds its
  本期, base and 增减 in the order of the table's heading;
- page A4 (11906 x 16838 twips), margins 2098/1474/1984/1588 in the portrait sections, the
  landscape section for the tables; styles: Title 2号 (44) 方正小标宋简体 centred, Normal 3号 (32)
  仿宋_GB2312, firstLineChars 200, exact line 579, Times New Roman for digits; Heading1 黑体,
  Heading2 楷体_GB2312; odd/even footers with a PAGE field; the date in Chinese figures.
Prints one line per check and exits 1 on the first mismatch.
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
docx, md_path, json_path = sys.argv[1:4]
z = zipfile.ZipFile(docx)
doc = ET.fromstring(z.read("word/document.xml"))
styles = ET.fromstring(z.read("word/styles.xml"))
md = open(md_path, encoding="utf-8").read()
data = json.load(open(json_path, encoding="utf-8"))


def fail(message):
    print("MISMATCH: " + message)
    sys.exit(1)


def text_of(e):
    return "".join(t.text or "" for t in e.iter(W + "t"))


paragraphs = [text_of(p) for p in doc.iter(W + "p")]
text = "\n".join(paragraphs)

figures = set(re.findall(r"\d+(?:\.\d+)?(?:万元|件次|人次|件|人|%|倍|个百分点)", md))
missing = sorted(f for f in figures if f not in text)
if missing:
    fail(f"figures of the Markdown not in the Word bulletin: {missing[:10]}")
print(f"figures: all {len(figures)} distinct figures of the Markdown are in the Word bulletin")

for ind in data["indicators"]:
    for key in ("display", "change_text"):
        if ind.get(key) and ind[key] not in text:
            fail(f"{ind['id']}: {key} {ind[key]} not in the Word bulletin")
print(f"totals: {len(data['indicators'])} indicators, display and change_text found")

groups = {g["name"]: {i["id"]: i for i in g["indicators"]} for g in data.get("groups", [])}
by_name = {i["name"]: i for i in data["indicators"]}
checked = 0
for tbl in doc.iter(W + "tbl"):
    rows = list(tbl.iter(W + "tr"))
    heading = [text_of(tc) for tc in rows[0].iter(W + "tc")][1:]
    ids = []
    for h in heading:
        name = re.sub(r"（[^）]*）$", "", h)
        if name not in by_name:
            fail(f"table heading {h!r} is not an indicator")
        ids.append(by_name[name]["id"])
    for row in rows[2:]:
        cells = [text_of(tc) for tc in row.iter(W + "tc")]
        office = cells[0]
        values = None
        if office == "合计":
            values = {i["id"]: i for i in data["indicators"]}
        else:
            values = groups.get(office)
        if values is None:
            fail(f"row of unknown office {office!r}")
        for k, id in enumerate(ids):
            ind = values[id]
            brief = re.sub(r"^(同比|环比)", "", ind.get("change_text") or "")
            expected = [ind["display"], ind.get("base_display") or "", brief]
            got = cells[1 + 3 * k: 4 + 3 * k]
            if got != expected:
                fail(f"{office} {id}: {got} != {expected}")
            checked += 3
    if len(rows) - 3 != len(groups):
        fail(f"a table has {len(rows) - 3} office rows for {len(groups)} offices")
print(f"tables: {checked} cells match, {len(groups)} offices per table, no rank column")

sections = [s for s in doc.iter(W + "sectPr")]
for s in sections:
    size, margin = s.find(W + "pgSz"), s.find(W + "pgMar")
    w, h = int(size.get(W + "w")), int(size.get(W + "h"))
    if size.get(W + "orient") == "landscape":
        if (w, h) != (16838, 11906):
            fail(f"landscape page {w}x{h}")
        continue
    if (w, h) != (11906, 16838):
        fail(f"page {w}x{h} is not A4")
    got = tuple(int(margin.get(W + k)) for k in ("top", "right", "bottom", "left"))
    if got != (2098, 1474, 1984, 1588):
        fail(f"margins {got}")
    if 11906 - 1474 - 1588 != 8844 or 16838 - 2098 - 1984 != 12756:
        fail("text block")
print(f"page: A4, margins 37/26/35/28 mm (text block 156 x 225 mm), {len(sections)} sections, "
      f"{sum(1 for s in sections if s.find(W + 'pgSz').get(W + 'orient') == 'landscape')} landscape")


def style(sid):
    for s in styles.iter(W + "style"):
        if s.get(W + "styleId") == sid:
            return s
    fail(f"no style {sid}")


def font_size(s):
    rpr = s.find(W + "rPr")
    fonts, sz = rpr.find(W + "rFonts"), rpr.find(W + "sz")
    return (fonts.get(W + "eastAsia") if fonts is not None else None), (sz.get(W + "val") if sz is not None else None)


expect = {"Title": ("方正小标宋简体", "44"), "Normal": ("仿宋_GB2312", "32"), "Heading1": ("黑体", "32"),
          "Heading2": ("楷体_GB2312", "32")}
for sid, want in expect.items():
    if font_size(style(sid)) != want:
        fail(f"style {sid}: {font_size(style(sid))} != {want}")
normal = style("Normal")
fonts = normal.find(W + "rPr").find(W + "rFonts")
if fonts.get(W + "ascii") != "Times New Roman" or fonts.get(W + "hAnsi") != "Times New Roman":
    fail("digits are not in Times New Roman")
ind, spacing = normal.find(W + "pPr").find(W + "ind"), normal.find(W + "pPr").find(W + "spacing")
if ind.get(W + "firstLineChars") != "200" or (spacing.get(W + "line"), spacing.get(W + "lineRule")) != ("579", "exact"):
    fail("body indent or line spacing")
if style("Title").find(W + "pPr").find(W + "jc").get(W + "val") != "center":
    fail("title not centred")
print("styles: title 2号 方正小标宋简体 centred; body 3号 仿宋_GB2312, indent 2 characters, exact 28.95 pt; "
      "一、 黑体; （一） 楷体_GB2312; digits Times New Roman")

settings = z.read("word/settings.xml").decode()
footers = {n: z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")}
if "evenAndOddHeaders" not in settings or len(footers) != 2 or not all(" PAGE " in f and "— " in f for f in footers.values()):
    fail("page numbers")
jc = sorted(re.search(r'<w:jc w:val="(\w+)"', f).group(1) for f in footers.values())
if jc != ["left", "right"]:
    fail(f"page numbers at {jc}")
print("page numbers: — PAGE — on odd pages right, even pages left")

date = re.search(r"[〇一二三四五六七八九]{4}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日", text)
if not date:
    fail("no date in Chinese figures")
print(f"date: {date.group(0)}")
if "{{" in text or "}}" in text:
    fail("a tag is left")
print("no tag left")
