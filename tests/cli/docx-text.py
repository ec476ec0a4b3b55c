#!/usr/bin/env python3
"""docx-text.py FILE.docx: the text of a Word document's body, one paragraph a line (the w:t
runs of each w:p joined), with Python's standard library only."""
import sys
import xml.etree.ElementTree as ET
import zipfile

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
with zipfile.ZipFile(sys.argv[1]) as z:
    body = ET.fromstring(z.read('word/document.xml'))
for paragraph in body.iter(W + 'p'):
    print(''.join(t.text or '' for t in paragraph.iter(W + 't')))
