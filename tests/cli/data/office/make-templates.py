#!/usr/bin/env python3
"""Writes the office templates the golden cases fill, made here as Word and WPS would save
them: tags split over runs (with proofErr and bookmark elements between), a repeated table
row, a section over paragraphs, a page header; an Excel report form with a repeated row with
merges and a height, a SUM below it, a conditional format, a validation, a print area, a
second sheet pointing at the total, a shared formula and a calculation chain.

usage: make-templates.py OUT_DIR   (writes 通报模板.docx and 报表模板.xlsx)
"""
import os
import sys
import zipfile

out = sys.argv[1]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            z.writestr(name, text)


def run(text, bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else "<w:rPr><w:color w:val=\"FF0000\"/></w:rPr>"
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*runs):
    return "<w:p>" + "".join(runs) + "</w:p>"


def cell(*runs):
    return "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>" + para(*runs) + "</w:tc>"


body = [
    # A tag split over three runs, a proofErr and a bookmark between them: the value takes the
    # first run's formatting (bold).
    para(run("立案"), run("{{pil.", bold=True), '<w:proofErr w:type="spellStart"/>', run("filed.dis"),
         '<w:bookmarkStart w:id="0" w:name="b"/>', run("play}}"), '<w:bookmarkEnd w:id="0"/>', run("，采纳率{{rec.adoption_rate.display}}。")),
    # Repeats inside one paragraph.
    para(run("单位：{{#groups}}{{name}}、{{/groups}}完。")),
    para(run("{{^has_groups}}无分单位数据。{{/has_groups}}{{#has_groups}}有分单位数据。{{/has_groups}}")),
    '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>'
    '<w:tr>' + cell(run("单位")) + cell(run("立案")) + cell(run("同比")) + '</w:tr>'
    '<w:tr><w:trPr><w:trHeight w:val="400"/></w:trPr>' + cell(run("{{#gro"), run("ups}}{{name}}", bold=True)) + cell(run("{{pil.filed.display}}")) + cell(run("{{pil.filed.change_text}}{{/groups}}")) + '</w:tr>'
    '<w:tr>' + cell(run("合计")) + cell(run("{{pil.filed.display}}")) + cell(run("{{pil.filed.change_text}}")) + '</w:tr>'
    '</w:tbl>',
    # A section over paragraphs: the paragraphs holding only its tags go.
    para(run("{{#sources}}")),
    para(run("来源：{{file}}，{{rows}}条。")),
    para(run("{{/sources}}")),
    para(run("没有标签的段落 {不是标签} 原样保留。")),
    '<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:pPr></w:p>',
]
document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>' + "".join(body) + "</w:body></w:document>"
header = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W}>' + para(run("{{org"), run("}}　{{period.label}}")) + "</w:hdr>"
styles = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>'
write_zip(os.path.join(out, "通报模板.docx"), [
    ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>'),
    ("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    ("word/document.xml", document),
    ("word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>'),
    ("word/styles.xml", styles),
    ("word/header1.xml", header),
])

# The report form. Shared strings: the tagged texts as Excel stores them.
strings = ["{{area}}{{period.label}}公益诉讼情况表", "单位", "立案", "采纳率", "备注", "{{#groups}}{{name}}",
           "{{pil.filed.value}}", "{{rec.adoption_rate.value}}", "{{pil.filed.change_text}}{{/groups}}", "合计",
           "制表：{{author}}", "立案合计", "说明"]
S = {s: i for i, s in enumerate(strings)}
sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(strings), len(strings))
       + "".join(f'<si><t>{s}</t></si>' for s in strings) + "</sst>")


def s(ref, text, style=0):
    return f'<c r="{ref}" s="{style}" t="s"><v>{S[text]}</v></c>'


NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
sheet1 = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS}><dimension ref="A1:E6"/>'
          '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
          '<cols><col min="1" max="1" width="30" customWidth="1"/></cols><sheetData>'
          '<row r="1" ht="30" customHeight="1">' + s("A1", strings[0], 3) + '</row>'
          '<row r="2">' + s("A2", "单位") + s("B2", "立案") + s("C2", "采纳率") + s("D2", "备注") + '</row>'
          '<row r="3" ht="22" customHeight="1">' + s("A3", strings[5]) + s("B3", strings[6], 1) + s("C3", strings[7], 2)
          + s("D3", strings[8]) + '<c r="E3" s="0"/><c r="F3"><f>B3*2</f><v>0</v></c></row>'
          '<row r="4">' + s("A4", "合计") + '<c r="B4" s="1"><f>SUM(B3:B3)</f><v>0</v></c><c r="C4" s="2"><f>AVERAGE(C3:C3)</f><v>0</v></c>'
          '<c r="F4"><f t="shared" ref="F4:F6" si="0">B4+1</f><v>1</v></c></row>'
          '<row r="5">' + s("A5", strings[10]) + '<c r="F5"><f t="shared" si="0"/><v>1</v></c></row>'
          '<row r="6"><c r="A6" t="inlineStr"><is><t>{{generated_on}}</t></is></c><c r="F6"><f t="shared" si="0"/><v>1</v></c></row>'
          '</sheetData><mergeCells count="3"><mergeCell ref="A1:E1"/><mergeCell ref="D3:E3"/><mergeCell ref="A5:E5"/></mergeCells>'
          '<conditionalFormatting sqref="B3:B3"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>$B$4/10</formula></cfRule></conditionalFormatting>'
          '<dataValidations count="1"><dataValidation type="list" sqref="D5"><formula1>"是,否"</formula1></dataValidation></dataValidations>'
          '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
          '<pageSetup paperSize="9" orientation="portrait"/></worksheet>')
sheet2 = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS}><sheetData>'
          '<row r="1">' + s("A1", "立案合计") + '<c r="B1"><f>报表!B4</f><v>0</v></c><c r="C1"><f>SUM(报表!B3:B3)</f><v>0</v></c></row>'
          '</sheetData></worksheet>')
styles_x = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>'
            '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="16"/><name val="黑体"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
            '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="3" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" applyFont="1"/></cellXfs>'
            '<dxfs count="1"><dxf><font><color rgb="FFFF0000"/></font></dxf></dxfs></styleSheet>')
workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {NS}><sheets>'
            '<sheet name="报表" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/></sheets>'
            '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">报表!$A$1:$E$5</definedName></definedNames>'
            '<calcPr calcId="191029"/></workbook>')
write_zip(os.path.join(out, "报表模板.xlsx"), [
    ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'),
    ("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    ("xl/workbook.xml", workbook),
    ("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'),
    ("xl/worksheets/sheet1.xml", sheet1),
    ("xl/worksheets/sheet2.xml", sheet2),
    ("xl/sharedStrings.xml", sst),
    ("xl/styles.xml", styles_x),
    ("xl/calcChain.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B4" i="1"/></calcChain>'),
])
