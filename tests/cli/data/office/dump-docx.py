#!/usr/bin/env python3
"""Prints what a filled Word file says, part by part: each paragraph's text (runs joined,
"[b]" before the text of a bold run), each table row as cells joined by " | ".

usage: dump-docx.py FILE.docx [PART...]   (default: word/document.xml and every header/footer)
"""
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
path = sys.argv[1]
z = zipfile.ZipFile(path)
parts = sys.argv[2:] or ["word/document.xml"] + sorted(
    n for n in z.namelist() if n.startswith(("word/header", "word/footer")))


def para_text(p):
    out = []
    for r in p.iter(W + "r"):
        text = "".join(t.text or "" for t in r.iter(W + "t"))
        if not text:
            continue
        rpr = r.find(W + "rPr")
        bold = rpr is not None and rpr.find(W + "b") is not None
        out.append(("[b]" if bold else "") + text)
    return "".join(out)


def walk(element, depth):
    for child in element:
        if child.tag == W + "p":
            print("  " * depth + "p: " + para_text(child))
        elif child.tag == W + "tbl":
            print("  " * depth + "table:")
            for tr in child.iter(W + "tr"):
                cells = [" / ".join(para_text(p) for p in tc.iter(W + "p")) for tc in tr.iter(W + "tc")]
                print("  " * depth + "  row: " + " | ".join(cells))
        elif child.tag in (W + "body", W + "hdr", W + "ftr", W + "document"):
            walk(child, depth)


for part in parts:
    print(f"== {part}")
    walk(ET.fromstring(z.read(part)), 0)
