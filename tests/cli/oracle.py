#!/usr/bin/env python3
"""An independent count of some 2025H1 and 2024H1 figures straight from the sample ledgers,
with Python's standard library only (zipfile, xml, csv): no code of casestat's. The suite
oracle.test.sh compares them with casestat-indicators. Prints `id value base` lines.

The definitions are the default catalog's, restated: pet.* from the GBK petitions CSV,
rec.* from the recommendations ledger, pil.* from the hand-kept PIL ledger (title row, text
dates typed three ways, a 合计 row), funds.recovered from the case list (date cells in the CJK
format, money in 元; the PIL ledger has no 办结日期 and the aid ledger no recoveries)."""
import csv
import datetime
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
SAMPLE = sys.argv[1]
PERIODS = {'now': ('2025-01-01', '2025-06-30'), 'base': ('2024-01-01', '2024-06-30')}


def col_index(ref):
    letters = re.match(r'[A-Z]+', ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def xlsx_rows(path):
    z = zipfile.ZipFile(path)
    strings = [''.join(t.text or '' for t in si.iter(NS + 't'))
               for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(NS + 'si')]
    sheet = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
    for row in sheet.iter(NS + 'row'):
        cells = {}
        for c in row.iter(NS + 'c'):
            v = c.find(NS + 'v')
            if v is None:
                is_ = c.find(NS + 'is')
                cells[col_index(c.get('r'))] = ''.join(t.text or '' for t in is_.iter(NS + 't')) if is_ is not None else ''
            elif c.get('t') == 's':
                cells[col_index(c.get('r'))] = strings[int(v.text)]
            else:
                cells[col_index(c.get('r'))] = float(v.text)
        yield [cells.get(i, '') for i in range(max(cells) + 1 if cells else 0)]


def as_date(v):
    if v == '' or v is None:
        return None
    if isinstance(v, float):
        return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(v))).isoformat()
    m = re.fullmatch(r'(\d{4})(?:年|\.|/|-)(\d{1,2})(?:月|\.|/|-)(\d{1,2})日?', v.strip())
    return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat() if m else None


def within(d, period):
    return d is not None and PERIODS[period][0] <= d <= PERIODS[period][1]


def table(rows):
    rows = list(rows)
    for i, r in enumerate(rows):
        if '受理日期' in r or '线索受理日期' in r or '制发日期' in r:
            header = r
            return [dict(zip(header, x)) for x in rows[i + 1:] if x and str(x[0]).strip() not in ('合计',)]
    raise SystemExit('no header in ' + repr(rows[:3]))


out = {}
pet = list(csv.DictReader(open(f'{SAMPLE}/信访台账.csv', encoding='gbk', newline='')))
rec = table(xlsx_rows(f'{SAMPLE}/检察建议台账.xlsx'))
pil = table(xlsx_rows(f'{SAMPLE}/公益诉讼台账.xlsx'))
cases = table(xlsx_rows(f'{SAMPLE}/案件信息.xlsx'))
for p in ('now', 'base'):
    received = [r for r in pet if within(r.get('来信来访日期', ''), p)]
    out.setdefault('pet.received', {})[p] = len(received)
    out.setdefault('pet.replied_7d', {})[p] = sum(
        1 for r in received if r.get('程序性回复日期', '') and
        0 <= (datetime.date.fromisoformat(r.get('程序性回复日期', '')) - datetime.date.fromisoformat(r.get('来信来访日期', ''))).days <= 7)
    issued = [r for r in rec if within(as_date(r.get('制发日期', '')), p)]
    out.setdefault('rec.issued', {})[p] = len(issued)
    out.setdefault('rec.adopted', {})[p] = sum(1 for r in issued if r.get('是否采纳') == '是')
    out.setdefault('pil.clues', {})[p] = sum(1 for r in pil if within(as_date(r.get('线索受理日期', '')), p))
    out.setdefault('pil.filed', {})[p] = sum(1 for r in pil if within(as_date(r.get('立案日期', '')), p))
    pre = [r for r in pil if within(as_date(r.get('诉前检察建议日期', '')), p)]
    out.setdefault('pil.pre_suit', {})[p] = len(pre)
    out.setdefault('pil.rectified', {})[p] = sum(1 for r in pre if r.get('是否整改到位') == '是')
    # 挽回损失 of the PIL ledger is in 万元; of the case list in 元: funds.recovered in 分
    fen = 0
    for r in cases:
        if within(as_date(r.get('办结日期', '')), p) and isinstance(r.get('挽回损失（元）'), float):
            fen += round(float(r.get('挽回损失（元）', '')) * 100)
    out.setdefault('funds.recovered', {})[p] = f'{fen / 100:.2f}'
for k, v in out.items():
    print(k, v['now'], v['base'])
