#!/usr/bin/env python3
"""Prints what an xlsx holds, cell by cell, for the golden cases of casestat-xlsx: sheet names,
merged ranges, frozen panes, charts, and each cell's reference, type, value and number format
(strings as strings: a text that looks like a formula must not be a formula). Standard library
only, so it checks the file independently of the code that wrote it."""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(sys.argv[1])
strings = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
        strings.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
styles = ET.fromstring(z.read('xl/styles.xml'))
codes = {int(f.get('numFmtId')): f.get('formatCode') for f in styles.findall('m:numFmts/m:numFmt', NS)}
builtin = {0: 'General', 3: '#,##0', 4: '#,##0.00', 10: '0.00%'}
xf_format = []
for xf in styles.findall('m:cellXfs/m:xf', NS):
    i = int(xf.get('numFmtId', 0))
    xf_format.append(codes.get(i, builtin.get(i, str(i))))
workbook = ET.fromstring(z.read('xl/workbook.xml'))
core = z.read('docProps/core.xml').decode()
print('created:', re.search(r'<dcterms:created[^>]*>([^<]*)<', core).group(1))
print('title:', re.search(r'<dc:title>([^<]*)<', core).group(1))
print('author:', re.search(r'<dc:creator>([^<]*)<', core).group(1))
app = z.read('docProps/app.xml').decode()
print('company:', re.search(r'<Company>([^<]*)<', app).group(1))
for name in workbook.findall('m:definedNames/m:definedName', NS):
    print('defined name:', name.get('name'), name.text)
for n, sheet in enumerate(workbook.findall('m:sheets/m:sheet', NS), 1):
    xml = ET.fromstring(z.read(f'xl/worksheets/sheet{n}.xml'))
    print(f'== sheet {sheet.get("name")}')
    pane = xml.find('m:sheetViews/m:sheetView/m:pane', NS)
    setup = xml.find('m:pageSetup', NS)
    if setup is None:
        setup = ET.Element('pageSetup')
    print('frozen at', pane.get('topLeftCell') if pane is not None else None,
          '| merged', [m.get('ref') for m in xml.findall('m:mergeCells/m:mergeCell', NS)],
          '| autofilter', (xml.find('m:autoFilter', NS).get('ref') if xml.find('m:autoFilter', NS) is not None else None),
          '| landscape', setup.get('orientation'),
          '| conditional formats', len(xml.findall('m:conditionalFormatting', NS)),
          '| drawing', xml.find('m:drawing', NS) is not None)
    fit = xml.find('m:sheetPr/m:pageSetUpPr', NS)
    print('paper', setup.get('paperSize'), '| fit to width', setup.get('fitToWidth'), 'height', setup.get('fitToHeight'),
          '| fit on', fit.get('fitToPage') if fit is not None else None,
          '| footer', ''.join(f.text or '' for f in xml.findall('m:headerFooter/m:oddFooter', NS)),
          '| page breaks', [b.get('id') for b in xml.findall('m:rowBreaks/m:brk', NS)],
          '| column breaks', [b.get('id') for b in xml.findall('m:colBreaks/m:brk', NS)],
          '| scale', setup.get('scale'))
    for cf in xml.findall('m:conditionalFormatting', NS):
        for rule in cf.findall('m:cfRule', NS):
            what = ' '.join([rule.get('operator') or ''] + [f.text for f in rule.findall('m:formula', NS)]).strip()
            print('  if', cf.get('sqref'), rule.get('type'), what)
    rows = xml.findall('m:sheetData/m:row', NS)
    shown = rows[:6] + rows[-2:] if len(rows) > 8 else rows
    for row in shown:
        cells = []
        for c in row.findall('m:c', NS):
            v = c.find('m:v', NS)
            f = c.find('m:f', NS)
            fmt = xf_format[int(c.get('s', 0))]
            if f is not None:
                cells.append(f'{c.get("r")}=FORMULA')
            elif c.get('t') == 's':
                cells.append(f'{c.get("r")}:"{strings[int(v.text)]}"')
            elif v is not None:
                cells.append(f'{c.get("r")}:{v.text}[{fmt}]')
        print(' ', ' '.join(cells))
print('charts:', sorted(n for n in z.namelist() if n.startswith('xl/charts/')))
