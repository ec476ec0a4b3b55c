#!/usr/bin/env python3
"""Prints what a filled Excel file holds, sheet by sheet: every row (number, height) and cell
(reference, style, and n=number, s=text, f=formula), then merges, conditional formats,
validations, the defined names, calcPr and whether a calculation chain is left.

usage: dump-xlsx.py FILE.xlsx
"""
import sys
import zipfile
import xml.etree.ElementTree as ET

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
z = zipfile.ZipFile(sys.argv[1])
shared = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(M + "si"):
        shared.append("".join(t.text or "" for t in si.iter(M + "t")))
book = ET.fromstring(z.read("xl/workbook.xml"))
rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
for sheet in book.iter(M + "sheet"):
    part = "xl/" + rels[sheet.get(R + "id")]
    root = ET.fromstring(z.read(part))
    print(f"== sheet {sheet.get('name')}")
    for row in root.iter(M + "row"):
        cells = []
        for c in row.iter(M + "c"):
            f, v, t = c.find(M + "f"), c.find(M + "v"), c.get("t")
            style = f"[s{c.get('s')}]" if c.get("s") else ""
            if f is not None:
                assert v is None, f"{c.get('r')}: a cached value is left"
                cells.append(f"{c.get('r')}{style} f={f.text}")
            elif t == "s":
                cells.append(f"{c.get('r')}{style} s={shared[int(v.text)]}")
            elif t == "inlineStr":
                cells.append(f"{c.get('r')}{style} s=" + "".join(x.text or "" for x in c.iter(M + "t")))
            elif v is not None:
                cells.append(f"{c.get('r')}{style} n={v.text}")
            else:
                cells.append(f"{c.get('r')}{style} empty")
        height = f" ht={row.get('ht')}" if row.get("ht") else ""
        print(f"row {row.get('r')}{height}: " + "; ".join(cells))
    for tag, attr in (("dimension", "ref"), ("mergeCell", "ref"), ("conditionalFormatting", "sqref"),
                      ("dataValidation", "sqref")):
        for e in root.iter(M + tag):
            print(f"{tag} {e.get(attr)}")
    for e in root.iter(M + "formula"):
        print(f"cf formula {e.text}")
    for e in root.iter(M + "mergeCells"):
        print(f"mergeCells count={e.get('count')}")
for d in book.iter(M + "definedName"):
    print(f"definedName {d.get('name')} = {d.text}")
for c in book.iter(M + "calcPr"):
    print(f"calcPr fullCalcOnLoad={c.get('fullCalcOnLoad')}")
print("calcChain left" if "xl/calcChain.xml" in z.namelist() else "no calcChain")
types = z.read("[Content_Types].xml").decode()
print("calcChain in content types" if "calcChain" in types else "content types without calcChain")
