#!/usr/bin/env python3
"""Checks a workbook casestat wrote, with the standard library only (independent of the code
that wrote it):

  xlsx-check.py parts FILE      every XML part of the zip parses as XML 1.0 (expat); prints
                                how many, and the first part that does not, with its error
  xlsx-check.py lowest FILE     for each "lowest offices" rule on each sheet, reads the rule
                                back, evaluates it on the column's cells as Excel would, and
                                prints the offices it marks
Exit status 1 when a part does not parse or a rule is not one this script can read."""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}


def parts(z):
    count = 0
    for name in z.namelist():
        if not (name.endswith('.xml') or name.endswith('.rels')):
            continue
        try:
            ET.fromstring(z.read(name))
        except ET.ParseError as e:
            print(f'{name}: not well-formed XML: {e}')
            return 1
        count += 1
    print(f'{count} XML parts parse')
    return 0


def col_number(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def lowest(z):
    strings = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
            strings.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
    workbook = ET.fromstring(z.read('xl/workbook.xml'))
    status = 0
    for n, sheet in enumerate(workbook.findall('m:sheets/m:sheet', NS), 1):
        xml = ET.fromstring(z.read(f'xl/worksheets/sheet{n}.xml'))
        cells = {}
        for c in xml.iter('{%s}c' % NS['m']):
            v = c.find('m:v', NS)
            if v is None:
                continue
            cells[c.get('r')] = strings[int(v.text)] if c.get('t') == 's' else float(v.text)
        for cf in xml.findall('m:conditionalFormatting', NS):
            for rule in cf.findall('m:cfRule', NS):
                if rule.get('type') == 'top10':
                    print(f'{sheet.get("name")} {cf.get("sqref")}: a top/bottom rule (rank {rule.get("rank")}): '
                          'Excel marks ties and LibreOffice reads it differently')
                    status = 1
                    continue
                formula = ''.join(f.text or '' for f in rule.findall('m:formula', NS))
                if 'SUMPRODUCT' not in formula and 'SMALL' not in formula:
                    continue
                m = re.fullmatch(r'AND\(ISNUMBER\(([A-Z]+)(\d+)\),SUMPRODUCT\(--\(\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)'
                                 r'<=([A-Z]+)(\d+)\)\)<=(\d+)\)', formula)
                if not m:
                    print(f'{sheet.get("name")} {cf.get("sqref")}: cannot read the rule {formula}')
                    status = 1
                    continue
                col, r1, r2, limit = m.group(3), int(m.group(4)), int(m.group(6)), int(m.group(9))
                values = [(r, cells.get(f'{col}{r}')) for r in range(r1, r2 + 1)]
                numbers = [v for r, v in values if isinstance(v, float)]
                marked = [r for r, v in values
                          if isinstance(v, float) and sum(1 for x in numbers if x <= v) <= limit]
                names = [str(cells.get(f'A{r}')) for r in marked]
                print(f'{sheet.get("name")} {col}{r1}:{col}{r2} lowest {limit}: {len(marked)} marked: '
                      + '、'.join(f'{name} {cells[col + str(r)]:g}' for name, r in zip(names, marked)))
    return status


z = zipfile.ZipFile(sys.argv[2])
sys.exit(parts(z) if sys.argv[1] == 'parts' else lowest(z))
