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
"""
import os
import zipfile

here = os.path.dirname(os.path.abspath(__file__))
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
        z.writestr('[Content_Types].xml', CONTENT_TYPES)
        z.writestr('_rels/.rels', ROOT_RELS)
        z.writestr('xl/workbook.xml', wb)
        z.writestr('xl/_rels/workbook.xml.rels', rels)
        if strings is not None:
            z.writestr('xl/sharedStrings.xml', strings)
        if styles is not None:
            z.writestr('xl/styles.xml', styles)
        for _, _, member, xml in sheets:
            z.writestr(member, xml)


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
print('wrote the xlsx fixtures in', here)
