#!/bin/sh
# Makes the CSV fixtures of tests/cli/data/csv/ (text in several encodings, so written by a
# script rather than an editor) and the tiny files of tests/cli/data/detect/ that
# open_workbook() must tell apart by content. Commit the outputs.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
python3 - "$here" <<'PY'
import os, sys, zipfile
here = sys.argv[1]
csv = os.path.join(here, 'csv'); os.makedirs(csv, exist_ok=True)
det = os.path.join(here, 'detect'); os.makedirs(det, exist_ok=True)
def put(path, data):
    with open(path, 'wb') as f:
        f.write(data)

rows = '信访编号,来信来访日期,信访人,涉及人数\r\nXF-001,2021/3/5,张三,1\r\nXF-002,2021年4月1日,李四,12\r\n'
put(f'{csv}/gbk.csv', rows.encode('gbk'))
# 𠮷 (U+20BB7) is not in GBK: GB18030 writes it in four bytes.
put(f'{csv}/gb18030.csv', (rows + 'XF-003,2021-05-06,𠮷五,3\r\n').encode('gb18030'))
put(f'{csv}/utf8-bom.csv', b'\xef\xbb\xbf' + rows.encode('utf-8'))
# LF line ends and no newline after the last line.
put(f'{csv}/utf8.csv', rows.replace('\r\n', '\n').rstrip('\n').encode('utf-8'))
# WPS "Unicode text": UTF-16LE with a BOM, tab-separated.
put(f'{csv}/utf16le.tsv', b'\xff\xfe' + rows.replace(',', '\t').encode('utf-16-le'))
put(f'{csv}/quoted.csv', ('案号,案件名称,备注\r\n'
                          '"检〔2021〕1号","张三, 李四盗窃案","第一行\r\n第二行"\r\n'
                          '检〔2021〕2号,"他说""已整改""",\r\n').encode('utf-8'))
put(f'{csv}/semicolon.csv', '案号;挽回损失（元）;承办人\n1;12,000.00;王五\n2;3,8;赵六\n'.encode('utf-8'))
put(f'{csv}/unterminated.csv', '案号,备注\n1,正常\n2,"没有结束\n3,后面\n'.encode('utf-8'))

# detect/: one small file per kind of content open_workbook() must recognise.
def zip_with(path, members):
    with zipfile.ZipFile(path, 'w') as z:
        for name, text in members.items():
            z.writestr(zipfile.ZipInfo(name, (2021, 1, 1, 0, 0, 0)), text)
zip_with(f'{det}/book.xlsb', {'[Content_Types].xml': '<Types/>', 'xl/workbook.bin': b'\x83\x01\x00'})
zip_with(f'{det}/letter.docx', {'[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>'})
zip_with(f'{det}/photos.zip', {'a.txt': 'hello'})
# An OLE compound file header, then a directory entry named EncryptedPackage in UTF-16LE, as
# Excel writes a workbook saved with a password to open.
ole = bytearray(b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + bytes(504))
entry = 'EncryptedPackage'.encode('utf-16-le') + b'\0\0'
ole += entry + bytes(128 - len(entry))
put(f'{det}/encrypted.xlsx', bytes(ole))
# An OLE header and nothing readable after it.
put(f'{det}/damaged.xls', b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + bytes(1000))
put(f'{det}/report.pdf', b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n')
put(f'{det}/empty.csv', b'')
put(f'{det}/binary.dat', b'abc\0def')
PY
