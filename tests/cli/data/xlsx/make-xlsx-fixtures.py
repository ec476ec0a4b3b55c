#!/usr/bin/env python3
"""Writes the xlsx fixtures of the reader's tests: each pitfall of real workbooks made exactly,
with the standard library's zipfile (no spreadsheet program decides for us). Run it from
anywhere; commit what it writes.

  pitfalls.xlsx   shared strings with rich-text runs and phonetic runs, _xHHHH_ escapes, inline
                  strings, every cell type, date formats (built-in 14, CJK 31 and 58, a custom
                  yyyy"年"m"月"d"日", and a money format that is not a date), missing r
                  attributes, sparse rows, a <dimension> that lies, a second sheet found by an
                  absolute path, x: prefixed element names
  date1904.xlsx   the 1904 date system
  doctype.xlsx    a sheet with a DOCTYPE and an entity (billion laughs must not be expanded)
  far-ref.xlsx    a cell reference beyond XFD1048576
  strings-bomb.xlsx  a shared-string table declaring a billion strings
  deep.xlsx       elements nested 10000 deep
  inflate-bomb.xlsx  a sheet of 3 MiB of blanks that deflates to a few KiB (tests set a 1 MiB limit)
  types.xlsx      more cell types and number formats: a weekday date, a time, a date with a time,
                  [DBNum1] dates, money and text formats that are not dates, a conditional
                  format (<dxfs>) reusing a date format's id, a negative number
                  with a date format, FALSE, #DIV/0!, t="d" with a time, 1E+20, inline rich
                  text with a phonetic run, a formula string with an escape, and a shared-string
                  table that declares no count
  layout.xlsx     a merged title row, cells out of order in a row, rows out of order, cells with
                  and without r mixed, a row without r, a row of styled blank cells, a lying
                  <dimension>
  elsewhere.xlsx  the workbook at a path of its own choosing (found through _rels/.rels), sheets
                  and parts by relative, ../ and absolute targets, an empty sheet
  far-row.xlsx    the cell reference XFD1048577, one row beyond the last
  bad-xml.xlsx    a sheet whose XML has a mismatched tag on line 3
  cut-xml.xlsx    a sheet whose XML stops half-way (a writer that crashed)
  bad-crc.xlsx    a stored sheet with one byte changed after its checksum was written
"""
import os
import zipfile

here = os.path.dirname(os.path.abspath(__file__))


def put(z, name, data):
    """A member with a fixed time, so that running the script again writes the same bytes."""
    info = zipfile.ZipInfo(name, date_time=(2021, 3, 5, 0, 0, 0))
    info.compress_type = z.compression
    z.writestr(info, data)


NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

CONTENT_TYPES = '''<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>'''
ROOT_RELS = '''<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>'''


def book(name, sheets, strings=None, styles=None, date1904=False, workbook_prefix=''):
    """sheets: list of (sheet name, target as written in the rels, member path, xml)."""
    p = workbook_prefix
    wb = f'<?xml version="1.0" encoding="UTF-8"?>\n<{p}workbook {NS if not p else NS.replace("xmlns=", "xmlns:x=")}>'
    if date1904:
        wb += f'<{p}workbookPr date1904="1"/>'
    wb += f'<{p}sheets>'
    for i, (sheet, _, _, _) in enumerate(sheets):
        wb += f'<{p}sheet name="{sheet}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
    wb += f'</{p}sheets></{p}workbook>'
    rels = '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    for i, (_, target, _, _) in enumerate(sheets):
        rels += f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="{target}"/>'
    rels += '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    rels += '</Relationships>'
    with zipfile.ZipFile(os.path.join(here, name), 'w', zipfile.ZIP_DEFLATED) as z:
        put(z, '[Content_Types].xml', CONTENT_TYPES)
        put(z, '_rels/.rels', ROOT_RELS)
        put(z, 'xl/workbook.xml', wb)
        put(z, 'xl/_rels/workbook.xml.rels', rels)
        if strings is not None:
            put(z, 'xl/sharedStrings.xml', strings)
        if styles is not None:
            put(z, 'xl/styles.xml', styles)
        for _, _, member, xml in sheets:
            put(z, member, xml)


STYLES = f'''<?xml version="1.0" encoding="UTF-8"?>
<styleSheet {NS}>
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="#,##0.00&quot;元&quot;;[Red]\\-#,##0.00&quot;元&quot;"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="58"/></cellXfs>
</styleSheet>'''

STRINGS = f'''<?xml version="1.0" encoding="UTF-8"?>
<sst {NS} count="4" uniqueCount="4">
<si><t>受理日期</t></si>
<si><r><rPr><b/></rPr><t>公益</t></r><r><t xml:space="preserve">诉讼 </t></r><rPh sb="0" eb="2"><t>コウエキ</t></rPh></si>
<si><t>第一行_x000D_第二行_x005F_x0041_</t></si>
<si><t>江州市人民检察院</t></si>
</sst>'''

SHEET1 = f'''<?xml version="1.0" encoding="UTF-8"?>
<worksheet {NS}><dimension ref="A1:B2"/><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>内联</t></is></c></row>
<row><c><v>1084.7</v></c><c s="1"><v>44260</v></c><c s="2"><v>44260</v></c><c s="3"><v>44260.5</v></c><c s="4"><v>12.5</v></c><c s="5"><v>44260</v></c><c t="e"><v>#N/A</v></c><c t="b"><v>1</v></c><c t="str"><f>A1</f><v>公式</v></c><c t="d"><v>2021-03-05T00:00:00</v></c><c><v>1.5E-3</v></c><c s="1"><v>60</v></c><c s="1"><v>59</v></c></row>
<row r="5"><c r="D5" t="s"><v>3</v></c></row>
<row r="6"></row>
<row r="100"><c r="B100"><v>7</v></c></row>
</sheetData></worksheet>'''

SHEET2 = f'''<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet {NS.replace("xmlns=", "xmlns:x=")}><x:sheetData><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>第二页</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>'''

book('pitfalls.xlsx', [('台账', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml', SHEET1),
                       ('说明', '/xl/worksheets/other.xml', 'xl/worksheets/other.xml', SHEET2)],
     strings=STRINGS, styles=STYLES)

book('date1904.xlsx', [('Sheet1', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml',
                        f'<worksheet {NS}><sheetData><row r="1"><c r="A1" s="1"><v>42798</v></c></row></sheetData></worksheet>')],
     styles=STYLES, date1904=True)

book('doctype.xlsx', [('Sheet1', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml',
                       '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n'
                       f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>')])

book('far-ref.xlsx', [('Sheet1', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml',
                       f'<worksheet {NS}><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>')])

book('strings-bomb.xlsx', [('Sheet1', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml',
                            f'<worksheet {NS}><sheetData/></worksheet>')],
     strings=f'<sst {NS} count="1000000000" uniqueCount="1000000000"><si><t>a</t></si></sst>')

book('deep.xlsx', [('Sheet1', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml',
                    f'<worksheet {NS}><sheetData>' + '<x>' * 10000 + '</x>' * 10000 + '</sheetData></worksheet>')])

book('inflate-bomb.xlsx', [('Sheet1', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml',
                            f'<worksheet {NS}><sheetData>' + ' ' * (3 << 20) + '</sheetData></worksheet>')])

TYPES_STYLES = f'''<?xml version="1.0" encoding="UTF-8"?>
<styleSheet {NS}><numFmts count="5">
<numFmt numFmtId="164" formatCode="[$-F800]dddd, mmmm dd, yyyy"/>
<numFmt numFmtId="165" formatCode="0.00&quot; m&quot;"/>
<numFmt numFmtId="166" formatCode="hh:mm"/>
<numFmt numFmtId="167" formatCode="[DBNum1][$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>
<numFmt numFmtId="168" formatCode="#,##0_);[Red]\\(#,##0\\)"/></numFmts>
<cellXfs count="9"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="22"/><xf numFmtId="167"/><xf numFmtId="168"/><xf numFmtId="49"/></cellXfs>
<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0.00"/></dxf></dxfs>
</styleSheet>'''
TYPES_STRINGS = f'<sst {NS}>' + ''.join(f'<si><t>s{i}</t></si>' for i in range(5)) + '</sst>'
TYPES_SHEET = f'''<worksheet {NS}><sheetData><row r="1">
<c r="A1" s="2"><v>44260</v></c><c r="B1" s="3"><v>12.5</v></c><c r="C1" s="4"><v>0.60416666666666663</v></c>
<c r="D1" s="5"><v>44260.75</v></c><c r="E1" s="6"><v>44260</v></c><c r="F1" s="7"><v>1234</v></c>
<c r="G1" s="8"><v>44260</v></c><c r="H1" s="1"><v>-5</v></c><c r="I1" t="b"><v>0</v></c>
<c r="J1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="K1" t="d"><v>2021-03-05T14:30:00</v></c><c r="L1"><v>1E+20</v></c>
<c r="M1" t="inlineStr"><is><r><t>公益</t></r><r><rPr><b/></rPr><t>诉讼</t></r><rPh sb="0" eb="2"><t>ゴウエキ</t></rPh></is></c>
<c r="N1" t="str"><f>A1&amp;B1</f><v>a_x000A_b</v></c><c r="O1" t="s"><v>4</v></c>
</row></sheetData></worksheet>'''
book('types.xlsx', [('类型', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml', TYPES_SHEET)],
     strings=TYPES_STRINGS, styles=TYPES_STYLES)


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>' if ref else f'<c t="inlineStr"><is><t>{text}</t></is></c>'


LAYOUT_SHEET = (f'<worksheet {NS}><dimension ref="A1"/><sheetData>'
                '<row r="1">' + inline('A1', '2021年公益诉讼案件台账') + '<c r="B1" s="0"/><c r="C1" s="0"/><c r="D1" s="0"/></row>'
                '<row r="2">' + inline('C2', '承办人') + inline('A2', '案号') + inline('B2', '立案日期') + '</row>'
                '<row r="4">' + inline('A4', '案4') + inline(None, '甲') + inline(None, '乙') + '</row>'
                '<row r="3">' + inline('A3', '案3') + '</row>'
                '<row r="5"><c r="A5" s="0"/><c r="B5" t="inlineStr"><is><t></t></is></c></row>'
                '<row>' + inline(None, '案6') + '</row>'
                '<row r="7">' + inline('C7', '丙') + inline(None, '丁') + '</row>'
                '</sheetData><mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells></worksheet>')
book('layout.xlsx', [('公益诉讼', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml', LAYOUT_SHEET)])

# The workbook where _rels/.rels says, its parts by relative, ../ and absolute targets.
with zipfile.ZipFile(os.path.join(here, 'elsewhere.xlsx'), 'w', zipfile.ZIP_DEFLATED) as z:
    put(z, '[Content_Types].xml', CONTENT_TYPES.replace('/xl/workbook.xml', '/book/main.xml'))
    put(z, '_rels/.rels', ROOT_RELS.replace('Target="xl/workbook.xml"', 'Target="/book/main.xml"'))
    put(z, 'book/main.xml', f'<workbook {NS}><sheets><sheet name="一" sheetId="1" r:id="a"/>'
                                f'<sheet name="二" sheetId="2" r:id="b"/><sheet name="空" sheetId="3" r:id="c"/></sheets></workbook>')
    R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    put(z, 'book/_rels/main.xml.rels',
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="a" Type="{R}worksheet" Target="../sheets/one.xml"/>'
               f'<Relationship Id="b" Type="{R}worksheet" Target="./two.xml"/>'
               f'<Relationship Id="c" Type="{R}worksheet" Target="/sheets/empty.xml"/>'
               f'<Relationship Id="s" Type="{R}sharedStrings" Target="text/strings.xml"/>'
               f'<Relationship Id="t" Type="{R}styles" Target="/look/styles.xml"/></Relationships>')
    put(z, 'book/text/strings.xml', f'<sst {NS}><si><t>第一页</t></si></sst>')
    put(z, 'look/styles.xml', f'<styleSheet {NS}><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>')
    put(z, 'sheets/one.xml', f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>44260</v></c></row></sheetData></worksheet>')
    put(z, 'book/two.xml', f'<worksheet {NS}><sheetData><row r="3">{inline("B3", "第二页")}</row></sheetData></worksheet>')
    put(z, 'sheets/empty.xml', f'<worksheet {NS}><sheetData/></worksheet>')

book('far-row.xlsx', [('Sheet1', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml',
                       f'<worksheet {NS}><sheetData><row><c r="XFD1048577"><v>1</v></c></row></sheetData></worksheet>')])

book('bad-xml.xlsx', [('台账', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml',
                       f'<worksheet {NS}>\n<sheetData>\n<row r="1"><c r="A1"><v>1</c></row>\n</sheetData></worksheet>')])

book('cut-xml.xlsx', [('台账', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml',
                       f'<worksheet {NS}><sheetData>\n<row r="1"><c r="A1"><v>1</v></c></row>\n<row r="2"><c r="A2"><v>2')])

# A stored (not deflated) sheet, then one byte of it changed: the checksum no longer matches.
bad_crc = os.path.join(here, 'bad-crc.xlsx')
with zipfile.ZipFile(bad_crc, 'w', zipfile.ZIP_STORED) as z:
    put(z, '[Content_Types].xml', CONTENT_TYPES)
    put(z, '_rels/.rels', ROOT_RELS)
    put(z, 'xl/workbook.xml', f'<workbook {NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
    put(z, 'xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    put(z, 'xl/worksheets/sheet1.xml', f'<worksheet {NS}><sheetData><row r="1"><c r="A1"><v>12345</v></c></row></sheetData></worksheet>')
data = open(bad_crc, 'rb').read()
assert data.count(b'<v>12345</v>') == 1
open(bad_crc, 'wb').write(data.replace(b'<v>12345</v>', b'<v>12346</v>'))

print('wrote the xlsx fixtures in', here)
