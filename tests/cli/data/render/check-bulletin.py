#!/usr/bin/env python3
"""Checks a Markdown bulletin against the indicators JSON it was made from.

usage: check-bulletin.py BULLETIN.md INDICATORS.json
- every indicator's total display string appears in the text, and so does its change_text;
- every table row of an office (or 合计) holds, under a column named like an indicator, that
  office's display (or its change_text in a table whose title says 变化), and under 排名 the
  rank of the indicator to its left; a column named INDICATOR本期, INDICATOR去年同期 (or 上期)
  or INDICATOR增减 holds its display, base_display or change_text without 同比/环比.
Prints one line per check group and exits 1 on the first mismatch.
"""
import json
import re
import sys

md_path, json_path = sys.argv[1], sys.argv[2]
text = open(md_path, encoding="utf-8").read()
doc = json.load(open(json_path, encoding="utf-8"))

def fail(message):
    print("MISMATCH: " + message)
    sys.exit(1)

for ind in doc["indicators"]:
    if ind["display"] not in text:
        fail(f"{ind['id']}: {ind['display']} is not in the bulletin")
    if ind["change_text"] and ind["change_text"] not in text:
        fail(f"{ind['id']}: {ind['change_text']} is not in the bulletin")
print(f"totals: {len(doc['indicators'])} indicators, display and change_text found")

by_name = {i["name"]: i for i in doc["indicators"]}
groups = {g["name"]: {i["id"]: i for i in g["indicators"]} for g in doc.get("groups", [])}
totals = {i["id"]: i for i in doc["indicators"]}

def cells(line):
    # split on | not preceded by a backslash, then unescape
    parts = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    return [p.strip().replace("\\|", "|") for p in parts]

checked = 0
title = ""
header = None
for line in text.splitlines():
    if not line.startswith("|"):
        if line.strip():
            title = line
        header = None
        continue
    row = cells(line)
    if header is None:
        header = row
        continue
    if set("".join(row)) <= set(":- "):
        continue
    office = row[0]
    values = totals if office == "合计" else groups.get(office.replace("\\", ""))
    if values is None:
        # a name with a newline was flattened to a space
        values = next((v for n, v in groups.items() if n.replace("\n", " ") == office), None)
    if values is None:
        fail(f"table row for unknown office {office!r}")
    field = "change_text" if "变化" in title else "display"
    last = None
    for column, cell in zip(header[1:], row[1:]):
        if column == "排名":
            if office != "合计":
                rank = values[last["id"]]["rank"]
                if cell != ("—" if rank is None else str(rank)):
                    fail(f"{office} {last['name']} rank: {cell} != {rank}")
            continue
        suffix = next((x for x in ("本期", "去年同期", "上期", "增减") if column.endswith(x)), None)
        ind = by_name.get(column[: -len(suffix)] if suffix else column)
        if ind is None:
            fail(f"column {column!r} is not an indicator name")
        got = values[ind["id"]]
        if suffix == "本期":
            expected = got["display"]
        elif suffix in ("去年同期", "上期"):
            expected = got["base_display"]
        elif suffix == "增减":
            expected = re.sub(r"^(同比|环比)", "", got["change_text"] or "")
        else:
            expected = got[field]
        if cell != expected:
            fail(f"{office} {column}: {cell} != {expected}")
        last = ind
        checked += 1
print(f"tables: {checked} cells match")
