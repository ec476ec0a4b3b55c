#!/usr/bin/env python3
"""Writes the merged-cell fixtures: ledgers laid out as offices keep them, made exactly with the
standard library's zipfile (no spreadsheet program decides for us). Run it from anywhere;
commit what it writes.

  白银公益诉讼台账.xlsx  a title merged A1:K1; a two-row header: 序号, 承办单位, 挽回损失（万元）
                  and 备注 merged down through rows 2-3, 案件信息 merged across C2:E2 over
                  案号/案件类别/领域, 办理情况 across F2:I2 over four dates and a flag; each office's
                  name merged down over its block (B4:B6, B8:B11, B13:B14), blank rows between
                  the blocks, 案件类别 merged down D8:D9, 领域 merged down E10:E11, one 挽回损失
                  figure merged down J10:J11 (one figure for two rows), a merge across G14:H14
                  in a data row, a 合计 row merged A15:B15; real date cells with a CJK format
                  and one date typed as text
  白银公益诉讼台账.csv   the same sheet as Excel exports it: each merged value in its first cell only
  受理办结台账.xlsx      two columns both named 日期, under 受理情况 and under 办结情况; a caption
                  其他情况 over columns no dictionary knows; no title row
  boundary.xlsx   x: prefixed elements, "mergeCells" cut in two by the reader's 256 KiB pieces,
                  and a text cell that says <mergeCells> (escaped, as XML must)
"""
import csv
import datetime
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
WORKBOOK_RELS = '''<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>'''
# style 1: a date in the CJK built-in format 31 (yyyy"年"m"月"d"日")
STYLES = f'''<?xml version="1.0" encoding="UTF-8"?>
<styleSheet {NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="31"/></cellXfs></styleSheet>'''


def letter(col):
    s = ''
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        s = chr(65 + rem) + s
    return s


def escape(text):
    return text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


class Date:
    def __init__(self, iso):
        self.iso = iso

    def serial(self):
        return (datetime.date.fromisoformat(self.iso) - datetime.date(1899, 12, 30)).days


def xlsx(name, sheet_name, rows, merges):
    """rows: {row number: [values from column A]}; None or '' is an empty cell (written as a
    styled blank, as Excel writes the cells under a merge)."""
    strings, index = [], {}

    def sst(text):
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]

    xml = [f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet {NS}><sheetData>']
    for r in sorted(rows):
        cells = []
        for c, value in enumerate(rows[r]):
            ref = f'{letter(c)}{r}'
            if value is None or value == '':
                cells.append(f'<c r="{ref}" s="0"/>')
            elif isinstance(value, Date):
                cells.append(f'<c r="{ref}" s="1"><v>{value.serial()}</v></c>')
            elif isinstance(value, (int, float)):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="s"><v>{sst(value)}</v></c>')
        xml.append(f'<row r="{r}">{"".join(cells)}</row>')
    xml.append('</sheetData>')
    if merges:
        xml.append(f'<mergeCells count="{len(merges)}">' + ''.join(f'<mergeCell ref="{m}"/>' for m in merges) +
                   '</mergeCells>')
    xml.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')
    shared = f'<?xml version="1.0" encoding="UTF-8"?>\n<sst {NS} count="{len(strings)}" uniqueCount="{len(strings)}">' + \
        ''.join(f'<si><t>{escape(s)}</t></si>' for s in strings) + '</sst>'
    workbook = f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook {NS}><sheets>' \
               f'<sheet name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    with zipfile.ZipFile(os.path.join(here, name), 'w', zipfile.ZIP_DEFLATED) as z:
        for member, data in [('[Content_Types].xml', CONTENT_TYPES), ('_rels/.rels', ROOT_RELS),
                             ('xl/workbook.xml', workbook), ('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
                             ('xl/styles.xml', STYLES), ('xl/sharedStrings.xml', shared),
                             ('xl/worksheets/sheet1.xml', ''.join(xml))]:
            info = zipfile.ZipInfo(member, date_time=(2023, 7, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def export_csv(name, rows):
    """The sheet as Excel saves it as CSV: merged values in their first cell only."""
    width = max(len(v) for v in rows.values())
    last = max(rows)
    with open(os.path.join(here, name), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\r\n')
        for r in range(1, last + 1):
            values = rows.get(r, [])
            out = []
            for v in values + [''] * (width - len(values)):
                if isinstance(v, Date):
                    d = datetime.date.fromisoformat(v.iso)
                    out.append(f'{d.year}/{d.month}/{d.day}')
                else:
                    out.append('' if v is None else str(v))
            w.writerow(out)


D = Date
PINGCHUAN, HUINING, JINGTAI = '白银市平川区人民检察院', '会宁县人民检察院', '景泰县人民检察院'
BAIYIN = {
    1: ['白银市检察机关公益诉讼案件台账（2023年1-6月）'] + [''] * 10,
    2: ['序号', '承办单位', '案件信息', '', '', '办理情况', '', '', '', '挽回损失（万元）', '备注'],
    3: ['', '', '案号', '案件类别', '领域', '立案日期', '发出检察建议日期', '是否整改到位', '办结日期', '', ''],
    4: [1, PINGCHUAN, '白检公〔2023〕0001号', '行政公益诉讼', '生态环境', D('2023-01-10'), D('2023-02-01'), '是', D('2023-03-15'), 12.5, ''],
    5: [2, '', '白检公〔2023〕0002号', '行政公益诉讼', '食品药品', '2023年2月3日', D('2023-03-01'), '否', '', '', ''],
    6: [3, '', '白检公〔2023〕0003号', '民事公益诉讼', '生态环境', D('2023-04-05'), '', '', D('2023-05-20'), 3.25, '已起诉'],
    8: [4, HUINING, '会检公〔2023〕0001号', '行政公益诉讼', '国有财产', D('2023-01-20'), D('2023-02-10'), '是', D('2023-04-01'), 100, ''],
    9: [5, '', '会检公〔2023〕0002号', '', '安全生产', D('2023-02-15'), D('2023-03-05'), '是', '', '', ''],
    10: [6, '', '会检公〔2023〕0003号', '刑事附带民事公益诉讼', '生态环境', D('2023-03-01'), '', '', D('2023-06-30'), 0.8, '两案合计'],
    11: [7, '', '会检公〔2023〕0004号', '行政公益诉讼', '', D('2023-05-05'), D('2023-06-01'), '否', '', '', ''],
    13: [8, JINGTAI, '景检公〔2023〕0001号', '行政公益诉讼', '生态环境', D('2023-06-10'), D('2023-06-20'), '是', D('2023-06-28'), 5, ''],
    14: [9, '', '景检公〔2023〕0002号', '民事公益诉讼', '文物保护', D('2022-12-20'), '/', '', D('2023-01-15'), 2, ''],
    15: ['合计', '', '9件', '', '', '', '', '', '', 123.55, ''],
}
BAIYIN_MERGES = ['A1:K1', 'A2:A3', 'B2:B3', 'C2:E2', 'F2:I2', 'J2:J3', 'K2:K3',
                 'B4:B6', 'B8:B11', 'D8:D9', 'E10:E11', 'J10:J11', 'B13:B14', 'G14:H14', 'A15:B15']
xlsx('白银公益诉讼台账.xlsx', '公益诉讼', BAIYIN, BAIYIN_MERGES)
export_csv('白银公益诉讼台账.csv', BAIYIN)

TWO_DATES = {
    1: ['序号', '承办单位', '案号', '受理情况', '', '办结情况', '', '其他情况', ''],
    2: ['', '', '', '日期', '线索来源', '日期', '处理结果', '督办人', '督办日期'],
    3: [1, '临江县人民检察院', '临检〔2023〕1号', D('2023-01-05'), '自行发现', D('2023-03-01'), '起诉', '王某', D('2023-02-01')],
    4: [2, '', '临检〔2023〕2号', D('2023-02-10'), '群众举报', '', '', '', ''],
    5: [3, '云溪县人民检察院', '云检〔2023〕1号', D('2022-11-30'), '上级交办', D('2023-01-20'), '不起诉', '李某', D('2023-01-10')],
}
xlsx('受理办结台账.xlsx', '案件', TWO_DATES, ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'F1:G1', 'H1:I1', 'B3:B4'])


def boundary():
    """The element <x:mergeCells> starts 6 bytes before the end of the first 256 KiB the reader
    inflates, so the word is split between two pieces."""
    ns = NS.replace('xmlns=', 'xmlns:x=')
    head = f'<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet {ns}><x:sheetData>'
    rows = '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>&lt;mergeCells&gt;</x:t></x:is></x:c></x:row>'
    rows += ''.join(f'<x:row r="{r}"><x:c r="A{r}"><x:v>{r}</x:v></x:c></x:row>' for r in range(2, 3000))
    tail = '</x:sheetData>'
    pad = 256 * 1024 - 6 - len((head + rows + tail).encode())
    assert pad > 0
    xml = head + rows + ' ' * pad + tail + '<x:mergeCells count="2"><x:mergeCell ref="A2:A5"/><x:mergeCell ref="B1:C1"/>' \
        '</x:mergeCells></x:worksheet>'
    assert xml.encode().index(b'<x:mergeCells') == 256 * 1024 - 6
    workbook = f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook {NS}><sheets>' \
               '<sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>'
    rels = WORKBOOK_RELS.replace('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\n', '')
    with zipfile.ZipFile(os.path.join(here, 'boundary.xlsx'), 'w', zipfile.ZIP_DEFLATED) as z:
        for member, data in [('[Content_Types].xml', CONTENT_TYPES), ('_rels/.rels', ROOT_RELS),
                             ('xl/workbook.xml', workbook), ('xl/_rels/workbook.xml.rels', rels),
                             ('xl/styles.xml', STYLES), ('xl/worksheets/sheet1.xml', xml)]:
            info = zipfile.ZipInfo(member, date_time=(2023, 7, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


boundary()
