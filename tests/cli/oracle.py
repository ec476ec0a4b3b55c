#!/usr/bin/env python3
"""oracle.py SAMPLE-DIR: every indicator of the default catalog for 2025H1 and its base 2024H1,
in total and per office (承办单位), counted straight from the sample ledgers with Python's
standard library only (zipfile, xml, csv, struct): no code of casestat's. The suite
oracle.test.sh compares them with casestat-indicators. Prints JSON:
{"records": {file: records in it},
 "indicators": {id: {"kind", "unit", "total": [now, base], "groups": {office: [now, base]}}}}
where a count is an integer, a sum of money an integer number of 分 (fen), a sum of persons an
integer, and a ratio the pair [numerator, denominator] of its parts.

The ledgers are read as a clerk would read them: the header row is found by its words (a title
may sit above it); blank rows and rows whose first filled cell says 合计, 小计 or 总计 are not
records; "/", "-", "—" and "无" mean no value (in a 是/否 column 无 means 否); 是/否 is also written
已采纳, 未采纳, 部分采纳, 不予采纳, 整改到位, 未整改, 整改不到位, 已整改, 已化解, 未化解, Y, N;
dates are date cells (Excel serials) or text: 2025年3月5日, 2025年3月5号, 2025.3.5, 2025/3/5,
2025-03-05, 20250305, each with a time after it or not; money is in 元 unless the header says
万元. The legacy .xls (BIFF8 in an OLE2 compound file) is read by the small reader below.

The definitions are the default catalog's (templates/indicators.toml), restated from their
words, not from casestat's code."""
import csv
import datetime
import json
import os
import re
import struct
import sys
import zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP

SAMPLE = sys.argv[1]
PERIODS = {'now': ('2025-01-01', '2025-06-30'), 'base': ('2024-01-01', '2024-06-30')}

# ---- reading the files ---------------------------------------------------------------------
NS = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'


def col_index(ref):
    n = 0
    for ch in re.match(r'[A-Z]+', ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1


def xlsx_rows(path):
    """The first sheet's rows as lists of str (text) and float (numbers); missing rows are []."""
    z = zipfile.ZipFile(path)
    names = z.namelist()
    strings = []
    if 'xl/sharedStrings.xml' in names:
        strings = [''.join(t.text or '' for t in si.iter(NS + 't'))
                   for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(NS + 'si')]
    sheet = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
    rows, expected = [], 1
    for row in sheet.iter(NS + 'row'):
        number = int(row.get('r'))
        rows.extend([] for _ in range(number - expected))  # rows not written: blank
        expected = number + 1
        cells = {}
        for c in row.iter(NS + 'c'):
            v = c.find(NS + 'v')
            if v is None:
                is_ = c.find(NS + 'is')
                cells[col_index(c.get('r'))] = ''.join(t.text or '' for t in is_.iter(NS + 't')) if is_ is not None else ''
            elif c.get('t') == 's':
                cells[col_index(c.get('r'))] = strings[int(v.text)]
            elif c.get('t') in ('str', 'inlineStr'):
                cells[col_index(c.get('r'))] = v.text or ''
            else:
                cells[col_index(c.get('r'))] = float(v.text)
        rows.append([cells.get(i, '') for i in range(max(cells) + 1 if cells else 0)])
    return rows


def ole_stream(data, wanted):
    """A stream of an OLE2 compound file, by name (big sectors only: the Workbook is > 4 KiB)."""
    sector_size = 1 << struct.unpack_from('<H', data, 0x1E)[0]
    first_dir, = struct.unpack_from('<I', data, 0x30)
    difat = [s for s in struct.unpack_from('<109I', data, 0x4C) if s < 0xFFFFFFFA]
    next_difat, difat_count = struct.unpack_from('<II', data, 0x44)
    for _ in range(difat_count):
        entries = struct.unpack_from(f'<{sector_size // 4}I', data, 512 + next_difat * sector_size)
        difat += [s for s in entries[:-1] if s < 0xFFFFFFFA]
        next_difat = entries[-1]
    fat = []
    for s in difat:
        fat += struct.unpack_from(f'<{sector_size // 4}I', data, 512 + s * sector_size)

    def chain(start):
        out, s = bytearray(), start
        while s < 0xFFFFFFFA:
            out += data[512 + s * sector_size: 512 + (s + 1) * sector_size]
            s = fat[s]
        return bytes(out)

    directory = chain(first_dir)
    for at in range(0, len(directory), 128):
        length, = struct.unpack_from('<H', directory, at + 64)
        name = directory[at:at + max(0, length - 2)].decode('utf-16-le')
        start, size = struct.unpack_from('<II', directory, at + 116)
        if name == wanted:
            if size < 4096:
                raise SystemExit(f'oracle: the {wanted} stream is in the mini stream, which this reader does not read')
            return chain(start)[:size]
    raise SystemExit(f'oracle: no {wanted} stream')


def rk_value(rk):
    if rk & 2:
        v = float(rk >> 2 if rk < 0x80000000 else (rk >> 2) - (1 << 30))
    else:
        v, = struct.unpack('<d', struct.pack('<Q', (rk & 0xFFFFFFFC) << 32))
    return v / 100 if rk & 1 else v


class Segments:
    """The SST record and its CONTINUE records: a string's characters may go on in the next
    record, which then starts with a new options byte (8-bit or 16-bit characters)."""

    def __init__(self, parts):
        self.parts, self.i, self.at = parts, 0, 0

    def take(self, n):
        out = b''
        while n > 0:
            if self.at == len(self.parts[self.i]):
                self.i, self.at = self.i + 1, 0
            chunk = self.parts[self.i][self.at:self.at + n]
            self.at += len(chunk)
            n -= len(chunk)
            out += chunk
        return out

    def chars(self, count, wide):
        text = ''
        while count > 0:
            if self.at == len(self.parts[self.i]):
                self.i, self.at = self.i + 1, 0
                wide = self.take(1)[0] & 1
            room = (len(self.parts[self.i]) - self.at) // (2 if wide else 1)
            n = min(count, room)
            raw = self.take(n * (2 if wide else 1))
            text += raw.decode('utf-16-le') if wide else raw.decode('latin-1')
            count -= n
        return text


def unicode_string(seg):
    count, = struct.unpack('<H', seg.take(2))
    options = seg.take(1)[0]
    runs = struct.unpack('<H', seg.take(2))[0] if options & 8 else 0
    extra = struct.unpack('<I', seg.take(4))[0] if options & 4 else 0
    text = seg.chars(count, options & 1)
    seg.take(4 * runs + extra)
    return text


def xls_rows(path):
    """The first sheet's rows of a BIFF8 .xls as lists of str and float."""
    stream = ole_stream(open(path, 'rb').read(), 'Workbook')
    records, at = [], 0
    while at + 4 <= len(stream):
        kind, length = struct.unpack_from('<HH', stream, at)
        records.append((kind, stream[at + 4: at + 4 + length]))
        at += 4 + length
    strings, cells, eofs = [], {}, 0
    for n, (kind, body) in enumerate(records):
        if kind == 0x000A:  # EOF: the globals end, then the first sheet
            eofs += 1
            if eofs == 2:
                break
        elif kind == 0x00FC:  # SST
            parts = [body]
            for k, b in records[n + 1:]:
                if k != 0x003C:
                    break
                parts.append(b)
            seg = Segments(parts)
            _, unique = struct.unpack('<II', seg.take(8))
            strings = [unicode_string(seg) for _ in range(unique)]
        elif eofs == 1:
            if kind == 0x00FD:  # LABELSST
                r, c, _, i = struct.unpack('<HHHI', body[:10])
                cells[(r, c)] = strings[i]
            elif kind == 0x0203:  # NUMBER
                r, c, _, v = struct.unpack('<HHHd', body[:14])
                cells[(r, c)] = v
            elif kind == 0x027E:  # RK
                r, c, _, rk = struct.unpack('<HHHI', body[:10])
                cells[(r, c)] = rk_value(rk)
            elif kind == 0x00BD:  # MULRK
                r, first = struct.unpack('<HH', body[:4])
                for j in range((len(body) - 6) // 6):
                    _, rk = struct.unpack_from('<HI', body, 4 + 6 * j)
                    cells[(r, first + j)] = rk_value(rk)
            elif kind == 0x0204:  # LABEL
                r, c, _ = struct.unpack('<HHH', body[:6])
                cells[(r, c)] = unicode_string(Segments([body[6:]]))
    last = max(r for r, _ in cells) if cells else -1
    rows = []
    for r in range(last + 1):
        cols = [c for (rr, c) in cells if rr == r]
        rows.append([cells.get((r, c), '') for c in range(max(cols) + 1)] if cols else [])
    return rows


def csv_rows(path):
    with open(path, encoding='gbk', newline='') as f:
        return [row for row in csv.reader(f)]


# ---- from cells to records -----------------------------------------------------------------
# The headers of the sample ledgers and the field each means (the default field dictionary's
# meanings); a unit in brackets after a header is left out and kept apart.
FIELDS = {
    '部门受案号': 'case_no', '文号': 'case_no', '信访编号': 'case_no',
    '案件类别名称': 'category', '案件类别': 'category',
    '承办单位名称': 'unit', '承办单位': 'unit',
    '处理结果': 'outcome',
    '受理日期': 'received_on', '线索受理日期': 'received_on', '来信来访日期': 'received_on',
    '立案日期': 'filed_on', '办结日期': 'closed_on',
    '制发日期': 'issued_on', '诉前检察建议日期': 'issued_on',
    '回复日期': 'replied_on', '程序性回复日期': 'replied_on',
    '提起诉讼日期': 'sued_on', '听证日期': 'heard_on', '化解日期': 'resolved_on',
    '是否采纳': 'adopted', '是否整改到位': 'adopted', '是否化解': 'resolved', '是否积案': 'backlog',
    '涉及人数': 'persons', '救助人数': 'persons',
    '挽回损失': 'recovered', '救助金额': 'aid_amount',
}
DATES = {'received_on', 'filed_on', 'closed_on', 'issued_on', 'replied_on', 'sued_on', 'heard_on', 'resolved_on'}
FLAGS = {'adopted', 'resolved', 'backlog'}
MONEY = {'recovered', 'aid_amount'}
NUMBERS = {'persons'}
YES = {'是', '有', '已采纳', '采纳', '部分采纳', '整改到位', '已整改', '已化解', 'Y', '1'}
NO = {'否', '无', '未采纳', '不采纳', '不予采纳', '未整改', '整改不到位', '未化解', 'N', '0'}
NO_VALUE = {'/', '-', '—', '——', '／', '－'}
TEXT_DATE = re.compile(r'(\d{4})(?:年(\d{1,2})月(\d{1,2})[日号]?|([./-])(\d{1,2})\4(\d{1,2})|(\d{2})(\d{2}))'
                       r'(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?')


def header_parts(text):
    m = re.fullmatch(r'(.*?)[（(](.*)[）)]', text.strip())
    return (m.group(1), m.group(2)) if m else (text.strip(), '')


def is_blank(cell):
    return isinstance(cell, str) and cell.strip() == ''


def is_total(row):
    first = next((c for c in row if not is_blank(c)), None)
    return isinstance(first, str) and re.match(r'\s*(合\s*计|小\s*计|总\s*计)', first) is not None


def as_date(cell, where):
    if isinstance(cell, float):
        return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(cell))).isoformat()
    m = TEXT_DATE.fullmatch(cell.strip())
    if not m:
        raise SystemExit(f'oracle: {where}: {cell!r} is not a date')
    y = int(m.group(1))
    mo, d = (m.group(2), m.group(3)) if m.group(2) else (m.group(5), m.group(6)) if m.group(5) else (m.group(7), m.group(8))
    return datetime.date(y, int(mo), int(d)).isoformat()


def as_flag(cell, where):
    text = str(cell).strip().upper()
    if isinstance(cell, float):
        text = str(int(cell))
    if text in YES:
        return True
    if text in NO:
        return False
    raise SystemExit(f'oracle: {where}: {cell!r} is neither 是 nor 否')


def as_fen(cell, unit):
    per_unit = Decimal(1000000) if unit == '万元' else Decimal(100)
    value = Decimal(repr(cell)) if isinstance(cell, float) else Decimal(cell.strip().replace(',', ''))
    return int((value * per_unit).to_integral_value(rounding=ROUND_HALF_UP))


def records(path, ledger, rows):
    for h, row in enumerate(rows):
        named = [header_parts(c) for c in row if isinstance(c, str)]
        if sum(1 for name, _ in named if name in FIELDS) >= 3:
            break
    else:
        raise SystemExit(f'oracle: {path}: no header row')
    columns = [header_parts(c) if isinstance(c, str) else ('', '') for c in rows[h]]
    for number, row in enumerate(rows[h + 1:], start=h + 2):
        if all(is_blank(c) for c in row) or is_total(row):
            continue
        record = {'ledger': ledger}
        for (name, unit), cell in zip(columns, row):
            field = FIELDS.get(name)
            if field is None or is_blank(cell):
                continue
            where = f'{os.path.basename(path)} row {number} {name}'
            if isinstance(cell, str) and cell.strip() in NO_VALUE:
                continue
            if isinstance(cell, str) and cell.strip() == '无' and field not in FLAGS and field not in ('unit', 'category', 'outcome', 'case_no'):
                continue
            if field in DATES:
                record[field] = as_date(cell, where)
            elif field in FLAGS:
                record[field] = as_flag(cell, where)
            elif field in MONEY:
                record[field] = as_fen(cell, unit)
            elif field in NUMBERS:
                record[field] = int(cell) if isinstance(cell, float) else int(re.sub(r'[人名]$', '', cell.strip()))
            else:
                record[field] = cell.strip() if isinstance(cell, str) else repr(cell)
        yield record


def ledger_of(name):
    return 'recommendations' if '建议' in name else 'petitions' if '信访' in name else 'cases'


every, per_file = [], {}
for name in sorted(os.listdir(SAMPLE)):
    path = os.path.join(SAMPLE, name)
    reader = {'.xlsx': xlsx_rows, '.xls': xls_rows, '.csv': csv_rows}.get(os.path.splitext(name)[1])
    if reader:
        found = list(records(path, ledger_of(name), reader(path)))
        per_file[name] = len(found)
        every += found

# ---- the indicators ------------------------------------------------------------------------


def within(r, field, p):
    d = r.get(field)
    return d is not None and PERIODS[p][0] <= d <= PERIODS[p][1]


def first_of(r, *fields):
    return next((r[f] for f in fields if r.get(f) is not None), None)


def first_within(r, p, *fields):
    d = first_of(r, *fields)
    return d is not None and PERIODS[p][0] <= d <= PERIODS[p][1]


def has(r, field, word):
    return word in r.get(field, '')


def days_between(r, later, earlier):
    if r.get(later) is None or r.get(earlier) is None:
        return None
    return (datetime.date.fromisoformat(r[later]) - datetime.date.fromisoformat(r[earlier])).days


def backlog_open(r, p):  # received by the period's end, not resolved before its start
    return (r.get('backlog') is True and r['ledger'] == 'petitions' and r.get('received_on') is not None and
            r['received_on'] <= PERIODS[p][1] and (r.get('resolved_on') is None or r['resolved_on'] >= PERIODS[p][0]))


# id: (kind, unit, which records, the summed field or None); ratios: (numerator, denominator)
counts = {
    'cases.received': ('件', lambda r, p: r['ledger'] == 'cases' and within(r, 'received_on', p)),
    'cases.filed': ('件', lambda r, p: r['ledger'] == 'cases' and within(r, 'filed_on', p)),
    'cases.closed': ('件', lambda r, p: r['ledger'] == 'cases' and within(r, 'closed_on', p)),
    'funds.recovered': ('万元', lambda r, p: r['ledger'] == 'cases' and within(r, 'closed_on', p), 'recovered'),
    'hearings': ('件次', lambda r, p: within(r, 'heard_on', p)),
    'pil.clues': ('件', lambda r, p: has(r, 'category', '公益诉讼') and within(r, 'received_on', p)),
    'pil.filed': ('件', lambda r, p: has(r, 'category', '公益诉讼') and within(r, 'filed_on', p)),
    'pil.pre_suit': ('件', lambda r, p: has(r, 'category', '公益诉讼') and within(r, 'issued_on', p)),
    'pil.rectified': ('件', lambda r, p: has(r, 'category', '公益诉讼') and within(r, 'issued_on', p) and r.get('adopted') is True),
    'pil.suits': ('件', lambda r, p: has(r, 'category', '公益诉讼') and within(r, 'sued_on', p)),
    'rec.issued': ('件', lambda r, p: r['ledger'] == 'recommendations' and within(r, 'issued_on', p)),
    'rec.adopted': ('件', lambda r, p: r['ledger'] == 'recommendations' and within(r, 'issued_on', p) and r.get('adopted') is True),
    'support.cases': ('件', lambda r, p: has(r, 'category', '支持起诉') and first_within(r, p, 'filed_on', 'received_on')),
    'support.persons': ('人', lambda r, p: has(r, 'category', '支持起诉') and first_within(r, p, 'filed_on', 'received_on'), 'persons'),
    'support.recovered': ('万元', lambda r, p: has(r, 'category', '支持起诉') and first_within(r, p, 'filed_on', 'received_on'), 'recovered'),
    'support.settled': ('件', lambda r, p: has(r, 'category', '支持起诉') and first_within(r, p, 'filed_on', 'received_on') and has(r, 'outcome', '和解')),
    'aid.cases': ('件', lambda r, p: has(r, 'category', '司法救助') and first_within(r, p, 'closed_on', 'received_on')),
    'aid.persons': ('人', lambda r, p: has(r, 'category', '司法救助') and first_within(r, p, 'closed_on', 'received_on'), 'persons'),
    'aid.amount': ('万元', lambda r, p: has(r, 'category', '司法救助') and first_within(r, p, 'closed_on', 'received_on'), 'aid_amount'),
    'pet.received': ('件', lambda r, p: r['ledger'] == 'petitions' and within(r, 'received_on', p)),
    'pet.replied_7d': ('件', lambda r, p: r['ledger'] == 'petitions' and within(r, 'received_on', p) and
                       days_between(r, 'replied_on', 'received_on') is not None and 0 <= days_between(r, 'replied_on', 'received_on') <= 7),
    'pet.resolved': ('件', lambda r, p: r['ledger'] == 'petitions' and within(r, 'resolved_on', p) and r.get('resolved') is True),
    'pet.backlog': ('件', backlog_open),
    'pet.backlog_resolved': ('件', lambda r, p: backlog_open(r, p) and within(r, 'resolved_on', p)),
    'disputes.resolved': ('件', lambda r, p: has(r, 'category', '行政争议') and first_within(r, p, 'resolved_on', 'closed_on')),
}
ratios = {
    'pil.rectified_rate': ('pil.rectified', 'pil.pre_suit'),
    'rec.adoption_rate': ('rec.adopted', 'rec.issued'),
    'pet.reply_rate_7d': ('pet.replied_7d', 'pet.received'),
    'pet.backlog_rate': ('pet.backlog_resolved', 'pet.backlog'),
}

offices = sorted({r['unit'] for r in every if r.get('unit')})
out = {}
for ident, (unit, test, *summed) in counts.items():
    figure = {'kind': 'sum' if summed else 'count', 'unit': unit, 'total': [0, 0], 'groups': {o: [0, 0] for o in offices}}
    for r in every:
        for i, p in enumerate(('now', 'base')):
            if test(r, p):
                add = (r.get(summed[0]) or 0) if summed else 1
                figure['total'][i] += add
                if r.get('unit'):
                    figure['groups'][r['unit']][i] += add
    out[ident] = figure
for ident, (num, den) in ratios.items():
    out[ident] = {'kind': 'ratio', 'unit': '%',
                  'total': [[out[num]['total'][i], out[den]['total'][i]] for i in (0, 1)],
                  'groups': {o: [[out[num]['groups'][o][i], out[den]['groups'][o][i]] for i in (0, 1)] for o in offices}}
json.dump({'records': per_file, 'indicators': out}, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
print()
