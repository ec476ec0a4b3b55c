#!/usr/bin/env python3
"""Makes the input files of the import-* and check-* golden cases (tests/cli/cases/).

CSV files are written here too (rather than by an editor) so that their bytes are exact: a
title row, a blank row, a 合计 row, GBK where it matters. The xlsx files are made with the
standard library's zipfile, and two broken ones are made from the good one: corrupt.xlsx (its
central directory overwritten) and truncated.xlsx (cut off half-way, as by an interrupted
download). Run it from anywhere; commit what it writes.
"""
import os
import sys
import zipfile
from xml.sax.saxutils import escape

here = os.path.dirname(os.path.abspath(__file__))


def put(name, data):
    with open(os.path.join(here, name), 'wb') as f:
        f.write(data)


def csv(name, text, encoding='utf-8'):
    put(name, text.replace('\n', '\r\n').encode(encoding))


CASES_HEADER = '序号,部门受案号,案件名称,案件类别,承办单位,受理日期,立案日期,涉案金额（元）,备注\n'

# A case list as a clerk keeps it: a title row, dates typed three ways, money with a thousands
# separator and in 万, an extra column (备注), a blank row and a 合计 row.
csv('cases-v1.csv',
    '江州市人民检察院案件台账（2021年）,,,,,,,,\n' + CASES_HEADER +
    '1,江检刑受[2021]1号,张三盗窃案,审查起诉,江州市院,2021-03-05,2021/3/8,"12,000.00",补录\n'
    '2,江检刑受[2021]2号,李四诈骗案,审查起诉,东湖区院,2021年4月1日,2021.4.2,3.8万,\n'
    ',,,,,,,,\n'
    '3,江检刑受[2021]3号,王五危险驾驶案,审查起诉,西山区院,20210510,,,\n'
    '合计,,,,,,,"50,000.00",\n')

# The same ledger a week later: one row corrected, one added.
csv('cases-v2.csv',
    '江州市人民检察院案件台账（2021年）,,,,,,,,\n' + CASES_HEADER +
    '1,江检刑受[2021]1号,张三盗窃案,审查起诉,江州市院,2021-03-05,2021/3/8,"12,000.00",补录\n'
    '2,江检刑受[2021]2号,李四诈骗案,审查起诉,东湖区院,2021年4月1日,2021.4.2,3.8万,\n'
    '3,江检刑受[2021]3号,王五危险驾驶案,审查起诉,西山区院,20210510,2021-05-12,,\n'
    '4,江检刑受[2021]4号,赵六故意伤害案,审查起诉,江州市院,2021-06-01,,,\n')

BAD_HEADER = '序号,部门受案号,案件名称,立案日期,涉案金额（元）\n'
csv('bad-date.csv', BAD_HEADER +
    '1,A-1,甲案,2021-03-05,100\n'
    '2,A-2,乙案,2021年13月5日,200\n')
csv('bad-money.csv', BAD_HEADER +
    '1,A-1,甲案,2021-03-05,100\n'
    '2,A-2,乙案,2021-03-06,十二元\n')
# Three errors in two rows, between good rows: all three must be listed.
csv('bad-rows.csv', BAD_HEADER +
    '1,A-1,甲案,2021-03-05,100\n'
    '2,A-2,乙案,2021年13月5日,200\n'
    '3,A-3,丙案,2021-02-30,十二元\n'
    '4,A-4,丁案,2021-06-01,300\n')
csv('duplicate-header.csv', '部门受案号,案件名称,立案日期,立案日期\nA-1,甲案,2021-03-05,2021-03-06\n')
csv('no-header.csv', '填表说明\n请按模板填写，日期写作2021-03-05\n')
# A petitions ledger, GBK as Chinese Excel saves it; the ledger comes from the file's name.
csv('信访登记.csv',
    '信访编号,来信来访日期,程序性回复日期,是否积案,是否化解,涉及人数\n'
    'XF-001,2021/3/5,2021/3/9,否,是,1\n'
    'XF-002,2021年4月1日,2021年4月12日,是,否,12\n', 'gbk')


# --- xlsx -----------------------------------------------------------------------------------
def col(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def sheet_xml(rows):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, 1):
        out.append(f'<row r="{r}">')
        for c, value in enumerate(row):
            ref = f'{col(c)}{r}'
            if value is None or value == '':
                continue
            if isinstance(value, tuple):  # ('date', serial): a date cell, format 14
                out.append(f'<c r="{ref}" s="1"><v>{value[1]}</v></c>')
            elif isinstance(value, (int, float)):
                out.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                out.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
        out.append('</row>')
    out.append('</sheetData></worksheet>')
    return ''.join(out)


def xlsx(sheets):
    from io import BytesIO
    buf = BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        def add(name, text):
            info = zipfile.ZipInfo(name, (2021, 1, 1, 0, 0, 0))  # fixed time: the same bytes every run
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)
        overrides = ''.join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(sheets) + 1))
        add('[Content_Types].xml',
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            + overrides + '</Types>')
        add('_rels/.rels',
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>')
        add('xl/workbook.xml',
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            + ''.join(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, (name, _) in enumerate(sheets, 1))
            + '</sheets></workbook>')
        add('xl/_rels/workbook.xml.rels',
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + ''.join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                      f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
                      for i in range(1, len(sheets) + 1))
            + f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/'
              '2006/relationships/styles" Target="styles.xml"/></Relationships>')
        add('xl/styles.xml',
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
            '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>'
            '</styleSheet>')
        for i, (_, rows) in enumerate(sheets, 1):
            add(f'xl/worksheets/sheet{i}.xml', sheet_xml(rows))
    return buf.getvalue()


# A workbook of three sheets: a 说明 sheet without a header (skipped with a warning when all
# sheets are imported), a case list under a title row, and a recommendations ledger (its
# ledger named by the sheet). 44261 is 2021-03-05 as an Excel date cell.
book = xlsx([
    ('说明', [['本台账每月5日前报送'], ['日期写作2021-03-05']]),
    ('案件', [['江州市人民检察院案件台账'],
              ['部门受案号', '案件名称', '受理日期', '涉案金额（万元）'],
              ['江检刑受[2021]1号', '张三盗窃案', ('date', 44261), 1.5],
              ['江检刑受[2021]2号', '李四诈骗案', '2021年4月1日', '0.8']]),
    ('检察建议', [['文号', '被建议单位', '制发日期', '回复日期', '是否采纳'],
                  ['江检建〔2021〕1号', '江州市生态环境局', '2021-03-01', '2021-04-20', '是'],
                  ['江检建〔2021〕2号', '东湖区市场监督管理局', '2021-05-06', '', '否']]),
])
put('book.xlsx', book)

# Damaged copies of the good workbook.
eocd = book.rfind(b'PK\x05\x06')
central = int.from_bytes(book[eocd + 16:eocd + 20], 'little')
put('corrupt.xlsx', book[:central] + b'\x00' * (eocd - central) + book[eocd:])
put('truncated.xlsx', book[:len(book) // 2])
put('not-a-spreadsheet.pdf', b'%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')
print('made the import fixtures in', here, file=sys.stderr)
