#!/bin/sh
# Makes the legacy .xls fixtures of tests/cli/data/xls/. No library here can write .xls, so the
# sources are small xlsx workbooks written by python3's stdlib (xls/src/*.xlsx, committed too),
# converted once with ssconvert (Debian package gnumeric). Run it from anywhere; commit the
# outputs: the tests read the committed files and do not need gnumeric.
#   chinese.xls      two sheets with Chinese names, Chinese text, numbers, a blank row (BIFF8)
#   chinese-cp936.xls  an Excel 95 (BIFF7) workbook whose strings are GBK, code page 936. ssconvert
#                    writes BIFF7 in code page 1252 (Chinese becomes "?"), so the source holds
#                    ASCII place-holders as long as the GBK bytes, which are then swapped for
#                    the GBK text, and the CODEPAGE record is set to 936.
#   dates.xls        date, date-time and time cells under built-in, CJK and custom formats
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/xls"
mkdir -p "$out/src"
python3 - "$out/src" <<'PY'
import sys, zipfile
from xml.sax.saxutils import escape

def cell(ref, value, style=0):
    s = f' s="{style}"' if style else ''
    if value is None:
        return ''
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"{s}><is><t>{escape(value)}</t></is></c>'
    return f'<c r="{ref}"{s}><v>{value!r}</v></c>'

def sheet_xml(rows):
    out = []
    for r, cells in rows:
        cs = ''.join(cell(f'{chr(65 + i)}{r}', *(v if isinstance(v, tuple) else (v,))) for i, v in enumerate(cells))
        out.append(f'<row r="{r}">{cs}</row>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<sheetData>{"".join(out)}</sheetData></worksheet>')

def workbook(path, sheets, numfmts=(), xfs=(0,)):
    # numfmts: [(id, code)]; xfs: numFmtId of each cell style (style 0 = General)
    ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
    rns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        def put(name, text):
            info = zipfile.ZipInfo(name, (2021, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)
        ct = ''.join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(sheets)))
        put('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            f'{ct}</Types>')
        put('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        sh = ''.join(f'<sheet name="{escape(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (name, _) in enumerate(sheets))
        put('xl/workbook.xml', f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="{rns}"><sheets>{sh}</sheets></workbook>')
        rel = ''.join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
        rel += f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        put('xl/_rels/workbook.xml.rels', f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rel}</Relationships>')
        nf = ''.join(f'<numFmt numFmtId="{i}" formatCode="{escape(c, {chr(34): "&quot;"})}"/>' for i, c in numfmts)
        nf = f'<numFmts count="{len(numfmts)}">{nf}</numFmts>' if numfmts else ''
        xf = ''.join(f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0" xfId="0"' + (' applyNumberFormat="1"/>' if n else '/>') for n in xfs)
        put('xl/styles.xml', f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{ns}">{nf}'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{xf}</cellXfs></styleSheet>')
        for i, (_, rows) in enumerate(sheets):
            put(f'xl/worksheets/sheet{i + 1}.xml', sheet_xml(rows))

out = sys.argv[1]
workbook(f'{out}/chinese.xlsx', [
    ('公益诉讼', [(1, ['案号', '承办单位', '挽回损失（万元）', '人数']),
                  (2, ['检公诉〔2021〕1号', '东城区人民检察院', 1084.7, 12]),
                  (4, ['检公诉〔2021〕2号', '西城区人民检察院', 3.8, 1030])]),
    ('检察建议', [(1, ['被建议单位', '是否采纳']),
                  (2, ['市生态环境局', '是'])]),
])
# 2021-03-05 = serial 44260; 14:30 = 0.6041666666666666
workbook(f'{out}/dates.xlsx', [
    ('日期', [(1, ['格式', '值']),
              (2, ['14 m/d/yyyy', (44260, 1)]),
              (3, ['22 m/d/yyyy h:mm', (44260.604166666664, 2)]),
              (4, ['20 h:mm', (0.6041666666666666, 3)]),
              (5, ['31 yyyy"年"m"月"d"日"', (44260, 4)]),
              (6, ['custom yyyy"年"m"月"d"日"', (44260, 5)]),
              (7, ['custom yyyy/mm/dd', (44260, 6)]),
              (8, ['57 yyyy"年"m"月"', (44260, 7)]),
              (9, ['general number', 44260])]),
], numfmts=[(164, 'yyyy"年"m"月"d"日"'), (165, 'yyyy/mm/dd')], xfs=(0, 14, 22, 20, 31, 164, 165, 57))
# Place-holders for chinese-cp936: each one "<" + a letter repeated + ">" (or "#" + letter for
# one character), as many bytes as the text in GBK, and never inside another.
cp936 = ['公益诉讼', '案号', '承办单位', '人数', '东城区人民检察院', '是否采纳', '是']
def token(i, text):
    n = len(text.encode('gbk'))
    return '#' + chr(65 + i) if n == 2 and len(text) == 1 else '<' + chr(65 + i) * (n - 2) + '>'
t = {text: token(i, text) for i, text in enumerate(cp936)}
workbook(f'{out}/chinese-cp936-tokens.xlsx', [
    (t['公益诉讼'], [(1, [t['案号'], t['承办单位'], t['人数'], t['是否采纳']]),
                   (2, ['A-1', t['东城区人民检察院'], 12, t['是']])]),
])
with open(f'{out}/chinese-cp936-tokens.txt', 'w', encoding='utf-8') as f:
    for text, tok in t.items():
        f.write(f'{tok}\t{text}\n')
PY
ssconvert -T Gnumeric_Excel:excel_biff8 "$out/src/chinese.xlsx" "$out/chinese.xls"
ssconvert -T Gnumeric_Excel:excel_biff7 "$out/src/chinese-cp936-tokens.xlsx" "$out/chinese-cp936.xls"
python3 - "$out/chinese-cp936.xls" "$out/src/chinese-cp936-tokens.txt" <<'PY'
import sys
path, tokens = sys.argv[1], sys.argv[2]
data = open(path, 'rb').read()
for line in open(tokens, encoding='utf-8'):
    tok, text = line.rstrip('\n').split('\t')
    tok, gbk = tok.encode('ascii'), text.encode('gbk')
    assert len(tok) == len(gbk) and data.count(tok) >= 1, (tok, data.count(tok))
    data = data.replace(tok, gbk)
    # Gnumeric also writes the sheet name into a Sheet_Title NAME record (ptgStr 0x17); FreeXL
    # 1.0.6 cannot open a BIFF5 file with non-ASCII there (Excel itself writes no such name),
    # so that copy keeps its ASCII place-holder.
    data = data.replace(b'\x17' + bytes([len(gbk)]) + gbk, b'\x17' + bytes([len(tok)]) + tok)
codepage_1252 = bytes.fromhex('42000200e404')  # CODEPAGE record (0x0042), 2 bytes, 1252
assert data.count(codepage_1252) == 1
data = data.replace(codepage_1252, bytes.fromhex('42000200a803'))  # 936
open(path, 'wb').write(data)
PY
ssconvert -T Gnumeric_Excel:excel_biff8 "$out/src/dates.xlsx" "$out/dates.xls"
