#!/usr/bin/env python3
"""Writes hostile xlsx files into a folder, at test time (the big ones are never committed).

  make-hostile.py FOLDER small   the small files of the golden case import-hostile-parts
  make-hostile.py FOLDER big     the files of the suite hostile-resources (time and memory)

small:
  ref-a0.xlsx          a cell with the reference A0
  ref-empty.xlsx       a cell with the reference ""
  bzip2.xlsx           the workbook part compressed with bzip2 (zip method 12)
  types-doctype.xlsx   a DOCTYPE in [Content_Types].xml
  rels-doctype.xlsx    a DOCTYPE in _rels/.rels
  shared-part.xlsx     three sheets whose relationships point at one part
  three-sheets.xlsx    three sheets of 600 KiB each (inflated): over a 1 MiB budget together
  overlap.xlsx         central-directory entries sharing one compressed stream
  long-attribute.xlsx  an attribute of 2 MiB (over --max-field-mib 1)
  long-comment.xlsx    a comment of 2 MiB
  long-name.xlsx       an element name of 2 MiB
  empty-strings.xlsx   300,000 empty <si/> (over --max-shared-strings-mib 1)
  no-ref-cells.xlsx    20,000 cells without a reference in one row
big (each made from a file of at most a few MB):
  shared-part.xlsx     99 sheets sharing one part of 1,000 MB
  overlap.xlsx         99 entries sharing one compressed stream of 1,000 MB
  long-attribute.xlsx  an attribute of 200 MB
  long-comment.xlsx    a comment of 200 MB
  empty-strings.xlsx   twenty million empty <si/>
  no-ref-cells.xlsx    ten million <c><v>1</v></c> in one row
"""
import os
import struct
import sys
import zipfile
import zlib

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
TYPES = ('<?xml version="1.0" encoding="UTF-8"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/'
         'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
DOCTYPE = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>\n'
HEADER_ROW = ('<row r="1"><c r="A1" t="inlineStr"><is><t>案号</t></is></c>'
              '<c r="B1" t="inlineStr"><is><t>承办单位</t></is></c></row>')


def workbook(n_sheets):
    sheets = ''.join(f'<sheet name="S{i}" sheetId="{i}" r:id="rId{i}"/>' for i in range(1, n_sheets + 1))
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook {NS}><sheets>{sheets}</sheets></workbook>'


def workbook_rels(targets):
    rels = ''.join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   f'relationships/worksheet" Target="{t}"/>' for i, t in enumerate(targets, 1))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships">{rels}</Relationships>')


def sheet(rows_xml):
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet {NS}><sheetData>{rows_xml}</sheetData></worksheet>'


def put(z, name, data, method=zipfile.ZIP_DEFLATED):
    info = zipfile.ZipInfo(name, date_time=(2021, 3, 5, 0, 0, 0))
    info.compress_type = method
    z.writestr(info, data)


def book(path, sheets, types=TYPES, root_rels=ROOT_RELS, strings=None, method=None):
    """sheets: a list of (target, xml or None when the part is written by someone else)."""
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        put(z, '[Content_Types].xml', types)
        put(z, '_rels/.rels', root_rels)
        put(z, 'xl/workbook.xml', workbook(len(sheets)), method or zipfile.ZIP_DEFLATED)
        put(z, 'xl/_rels/workbook.xml.rels', workbook_rels([t for t, _ in sheets]))
        if strings is not None:
            put(z, 'xl/sharedStrings.xml', strings)
        written = set()
        for target, xml in sheets:
            if xml is not None and target not in written:
                put(z, 'xl/' + target, xml)
                written.add(target)


def streamed_sheet(z, name, head, filler, count, tail):
    """A part of head + filler * count + tail, written without holding it in memory."""
    info = zipfile.ZipInfo(name, date_time=(2021, 3, 5, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    with z.open(info, 'w', force_zip64=True) as out:
        out.write(head.encode())
        block = (filler * max(1, (1 << 20) // len(filler))).encode()
        per_block = max(1, (1 << 20) // len(filler))
        left = count
        while left >= per_block:
            out.write(block)
            left -= per_block
        out.write((filler * left).encode())
        out.write(tail.encode())


def big_part_book(path, n_sheets, head, filler, count, tail, shared=True):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        put(z, '[Content_Types].xml', TYPES)
        put(z, '_rels/.rels', ROOT_RELS)
        put(z, 'xl/workbook.xml', workbook(n_sheets))
        put(z, 'xl/_rels/workbook.xml.rels',
            workbook_rels(['worksheets/sheet1.xml'] * n_sheets if shared else
                          [f'worksheets/sheet{i}.xml' for i in range(1, n_sheets + 1)]))
        streamed_sheet(z, 'xl/worksheets/sheet1.xml', head, filler, count, tail)


def overlapping_book(path, n_sheets, inflated_mb):
    """Sheets sheet01.xml .. sheetNN.xml whose central-directory entries all point at one local
    header and its compressed stream (the overlapping zip bomb)."""
    head = sheet('')[:-len('</sheetData></worksheet>')]
    body = head.encode() + b' ' * (inflated_mb << 20) + b'</sheetData></worksheet>'
    if inflated_mb > 8:  # compress in pieces, never holding the inflated text
        co = zlib.compressobj(9, zlib.DEFLATED, -15)
        parts = [co.compress(head.encode())]
        crc = zlib.crc32(head.encode())
        blank = b' ' * (1 << 20)
        for _ in range(inflated_mb):
            parts.append(co.compress(blank))
            crc = zlib.crc32(blank, crc)
        tail = b'</sheetData></worksheet>'
        parts.append(co.compress(tail) + co.flush())
        crc = zlib.crc32(tail, crc)
        data = b''.join(parts)
        size = len(head) + (inflated_mb << 20) + len(tail)
    else:
        co = zlib.compressobj(9, zlib.DEFLATED, -15)
        data = co.compress(body) + co.flush()
        crc = zlib.crc32(body)
        size = len(body)
    small = [('[Content_Types].xml', TYPES), ('_rels/.rels', ROOT_RELS), ('xl/workbook.xml', workbook(n_sheets)),
             ('xl/_rels/workbook.xml.rels',
              workbook_rels([f'worksheets/sheet{i:02d}.xml' for i in range(1, n_sheets + 1)]))]
    out = bytearray()
    central = bytearray()
    entries = []

    def local(name, comp, crc_, csize, usize):
        return struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 0, 8, 0, 0x5265, crc_, csize, usize, len(name), 0) + name

    for name, text in small:
        raw = text.encode()
        co = zlib.compressobj(9, zlib.DEFLATED, -15)
        comp = co.compress(raw) + co.flush()
        entries.append((name.encode(), len(out), zlib.crc32(raw), len(comp), len(raw)))
        out += local(name.encode(), comp, zlib.crc32(raw), len(comp), len(raw)) + comp
    shared_offset = len(out)
    first = b'xl/worksheets/sheet01.xml'
    out += local(first, data, crc, len(data), size) + data
    for i in range(1, n_sheets + 1):
        entries.append((f'xl/worksheets/sheet{i:02d}.xml'.encode(), shared_offset, crc, len(data), size))
    for name, offset, crc_, csize, usize in entries:
        central += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 20, 20, 0, 8, 0, 0x5265, crc_, csize, usize,
                               len(name), 0, 0, 0, 0, 0, offset) + name
    end = struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    with open(path, 'wb') as f:
        f.write(out + central + end)


def one_cell_sheet(cell):
    return sheet(HEADER_ROW + f'<row r="2">{cell}</row>')


def small(folder):
    p = lambda name: os.path.join(folder, name)
    book(p('ref-a0.xlsx'), [('worksheets/sheet1.xml', one_cell_sheet('<c r="A0"><v>1</v></c>'))])
    book(p('ref-empty.xlsx'), [('worksheets/sheet1.xml', one_cell_sheet('<c r=""><v>1</v></c>'))])
    book(p('bzip2.xlsx'), [('worksheets/sheet1.xml', one_cell_sheet('<c r="A2"><v>1</v></c>'))],
         method=zipfile.ZIP_BZIP2)
    types_doctype = TYPES.replace('\n', '\n' + DOCTYPE, 1)
    book(p('types-doctype.xlsx'), [('worksheets/sheet1.xml', one_cell_sheet('<c r="A2"><v>1</v></c>'))],
         types=types_doctype)
    rels_doctype = ROOT_RELS.replace('\n', '\n' + DOCTYPE, 1)
    book(p('rels-doctype.xlsx'), [('worksheets/sheet1.xml', one_cell_sheet('<c r="A2"><v>1</v></c>'))],
         root_rels=rels_doctype)
    book(p('shared-part.xlsx'), [('worksheets/sheet1.xml', one_cell_sheet('<c r="A2"><v>1</v></c>'))] +
         [('worksheets/sheet1.xml', None)] * 2)
    blank_rows = HEADER_ROW + ' ' * (600 << 10)
    book(p('three-sheets.xlsx'), [(f'worksheets/sheet{i}.xml', sheet(blank_rows)) for i in (1, 2, 3)])
    overlapping_book(p('overlap.xlsx'), 3, 1)
    book(p('long-attribute.xlsx'), [('worksheets/sheet1.xml', one_cell_sheet(
        '<c r="A2" x="' + 'a' * (2 << 20) + '"><v>1</v></c>'))])
    book(p('long-comment.xlsx'), [('worksheets/sheet1.xml', one_cell_sheet(
        '<!--' + ' > ' * (1 << 20) + '--><c r="A2"><v>1</v></c>'))])
    book(p('long-name.xlsx'), [('worksheets/sheet1.xml', one_cell_sheet(
        '<c r="A2"><' + 'v' * (2 << 20) + '/></c>'))])
    strings = (f'<?xml version="1.0" encoding="UTF-8"?>\n<sst {NS}>' + '<si/>' * 300_000 +
               '<si><t>x</t></si></sst>')
    book(p('empty-strings.xlsx'), [('worksheets/sheet1.xml', one_cell_sheet('<c r="A2" t="s"><v>300000</v></c>'))],
         strings=strings)
    book(p('no-ref-cells.xlsx'), [('worksheets/sheet1.xml', one_cell_sheet('<c><v>1</v></c>' * 20_000))])


def big(folder):
    p = lambda name: os.path.join(folder, name)
    head = sheet(HEADER_ROW)[:-len('</sheetData></worksheet>')]
    tail = '</sheetData></worksheet>'
    big_part_book(p('shared-part.xlsx'), 99, head, ' ', 1000 << 20, tail)
    overlapping_book(p('overlap.xlsx'), 99, 1000)
    big_part_book(p('long-attribute.xlsx'), 1, head + '<row r="2"><c r="A2" x="', 'a', 200 << 20,
                  '"><v>1</v></c></row>' + tail)
    big_part_book(p('long-comment.xlsx'), 1, head + '<!--', ' ', 200 << 20, '-->' + tail)
    with zipfile.ZipFile(p('empty-strings.xlsx'), 'w', zipfile.ZIP_DEFLATED) as z:
        put(z, '[Content_Types].xml', TYPES)
        put(z, '_rels/.rels', ROOT_RELS)
        put(z, 'xl/workbook.xml', workbook(1))
        put(z, 'xl/_rels/workbook.xml.rels', workbook_rels(['worksheets/sheet1.xml']))
        put(z, 'xl/worksheets/sheet1.xml', one_cell_sheet('<c r="A2" t="s"><v>19999999</v></c>'))
        streamed_sheet(z, 'xl/sharedStrings.xml', f'<?xml version="1.0" encoding="UTF-8"?>\n<sst {NS}>', '<si/>',
                       20_000_000, '</sst>')
    big_part_book(p('no-ref-cells.xlsx'), 1, head + '<row r="2">', '<c><v>1</v></c>', 10_000_000, '</row>' + tail)


if __name__ == '__main__':
    if len(sys.argv) != 3 or sys.argv[2] not in ('small', 'big'):
        sys.exit(__doc__)
    {'small': small, 'big': big}[sys.argv[2]](sys.argv[1])
