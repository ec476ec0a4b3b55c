#!/usr/bin/env python3
"""Writes full.json: indicators JSON (see INDICATORS_JSON.md) for the whole default catalog,
2025H1 against 2024H1, with three offices, for the golden cases of the default templates.

The figures below are chosen by hand (per office: this period, base period); totals are the
offices' sums and rates are recomputed from their parts. The display strings are produced
here by an implementation of the contract's wording rules independent of casestat's own, and
the golden output was checked by hand against them (see ../../cases/render-half-year).
Run: python3 make-full-fixture.py > full.json
"""
import json
from decimal import Decimal, ROUND_HALF_UP

OFFICES = ["江州市东湖区人民检察院", "江州市人民检察院", "江州市西湖区人民检察院"]  # code-point order

# id, name, section, unit, kind, definition, per-office (value, base) or ratio (num, den)
CATALOG = [
    ("cases.received", "受理案件", "综合", "件", "count", "案件台账中受理日期在期内的案件数", [(420, 400), (150, 160), (230, 200)]),
    ("cases.filed", "立案", "综合", "件", "count", "案件台账中立案日期在期内的案件数", [(300, 280), (120, 120), (180, 150)]),
    ("cases.closed", "办结案件", "综合", "件", "count", "案件台账中办结日期在期内的案件数", [(380, 390), (140, 130), (210, 190)]),
    ("hearings", "检察听证", "检察听证", "件次", "count", "任一台账中听证日期在期内的记录数", [(30, 10), (12, 8), (18, 12)]),
    ("pil.clues", "公益诉讼受理线索", "公益诉讼检察", "件", "count", "案件类别含“公益诉讼”、受理日期在期内的案件数", [(70, 60), (30, 35), (50, 40)]),
    ("pil.filed", "公益诉讼立案", "公益诉讼检察", "件", "count", "案件类别含“公益诉讼”、立案日期在期内的案件数", [(40, 50), (25, 20), (56, 50)]),
    ("pil.pre_suit", "诉前检察建议", "公益诉讼检察", "件", "count", "案件类别含“公益诉讼”、制发日期在期内的案件数", [(35, 30), (20, 20), (45, 40)]),
    ("pil.rectified", "整改到位", "公益诉讼检察", "件", "count", "诉前检察建议中已采纳（整改到位）的件数", [(28, 21), (15, 16), (36, 30)]),
    ("pil.rectified_rate", "整改到位率", "公益诉讼检察", "%", "ratio", "整改到位 / 诉前检察建议", ("pil.rectified", "pil.pre_suit")),
    ("pil.suits", "提起公益诉讼", "公益诉讼检察", "件", "count", "案件类别含“公益诉讼”、起诉日期在期内的案件数", [(3, 1), (2, 0), (1, 1)]),
    ("rec.issued", "制发检察建议", "检察建议", "件", "count", "检察建议台账中制发日期在期内的件数", [(30, 10), (20, 10), (25, 20)]),
    ("rec.adopted", "检察建议采纳", "检察建议", "件", "count", "制发日期在期内且已采纳的检察建议件数", [(21, 6), (10, 5), (20, 17)]),
    ("rec.adoption_rate", "检察建议采纳率", "检察建议", "%", "ratio", "检察建议采纳 / 制发检察建议", ("rec.adopted", "rec.issued")),
    ("support.cases", "支持起诉", "民生司法保障", "件", "count", "案件类别含“支持起诉”、立案日期（无则受理日期）在期内的案件数", [(12, 10), (5, 6), (8, 4)]),
    ("support.persons", "支持起诉惠及人数", "民生司法保障", "人", "sum", "支持起诉案件的当事人数之和", [(60, 50), (22, 30), (41, 20)]),
    ("support.recovered", "追回欠薪", "民生司法保障", "万元", "sum", "支持起诉案件的追回金额之和", [(1084700.00, 900000.00), (250000.50, 300000.00), (18340.00, 0)]),
    ("support.settled", "检察和解", "民生司法保障", "件", "count", "支持起诉案件中处理结果含“和解”的件数", [(4, 2), (1, 1), (2, 0)]),
    ("aid.cases", "司法救助", "民生司法保障", "件", "count", "案件类别含“司法救助”、办结日期（无则受理日期）在期内的案件数", [(10, 8), (6, 6), (9, 5)]),
    ("aid.persons", "司法救助人数", "民生司法保障", "人", "sum", "司法救助案件的救助人数之和", [(12, 9), (7, 6), (10, 5)]),
    ("aid.amount", "发放救助金", "民生司法保障", "万元", "sum", "司法救助案件的救助金额之和", [(1500000.00, 1200000.00), (538340.50, 600000.00), (1000000.00, 0)]),
    ("funds.recovered", "挽回损失", "综合", "万元", "sum", "办结日期在期内的案件挽回损失金额之和", [(2500000.00, 2000000.00), (1250000.25, 1000000.00), (800000.00, 900000.00)]),
    ("pet.received", "受理信访", "信访工作", "件", "count", "信访台账中来信来访日期在期内的件数", [(300, 280), (210, 230), (250, 240)]),
    ("pet.replied_7d", "7日内程序性回复", "信访工作", "件", "count", "受理信访中7日内作出程序性回复的件数", [(297, 270), (207, 220), (250, 236)]),
    ("pet.reply_rate_7d", "7日内程序性回复率", "信访工作", "%", "ratio", "7日内程序性回复 / 受理信访", ("pet.replied_7d", "pet.received")),
    ("pet.resolved", "化解信访", "信访工作", "件", "count", "化解日期在期内的已化解信访件数", [(80, 70), (60, 60), (70, 50)]),
    ("pet.backlog", "信访积案", "信访工作", "件", "count", "期末前受理、期初前未化解的信访积案件数", [(5, 6), (3, 2), (2, 4)]),
    ("pet.backlog_resolved", "积案化解", "信访工作", "件", "count", "信访积案中化解日期在期内的件数", [(5, 4), (2, 1), (2, 3)]),
    ("pet.backlog_rate", "积案化解率", "信访工作", "%", "ratio", "积案化解 / 信访积案", ("pet.backlog_resolved", "pet.backlog")),
    ("disputes.resolved", "化解行政争议", "行政争议化解", "件", "count", "案件类别含“行政争议”、化解日期（无则办结日期）在期内的件数", [(15, 12), (9, 10), (12, 6)]),
]


def trim(d: Decimal) -> str:
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def one_decimal(x: Decimal) -> str:
    return trim(x.quantize(Decimal("0.1"), ROUND_HALF_UP))


def display(kind, unit, v):
    if kind == "ratio":
        return "—" if v is None else one_decimal(Decimal(str(v)) * 100) + "%"
    if unit == "万元":
        return trim((Decimal(str(v)) / 10000).quantize(Decimal("0.01"), ROUND_HALF_UP)) + "万元"
    return f"{v}{unit}"


def change(kind, v, b):
    """(change, direction, change_text) by the contract's rules, 同比."""
    if kind == "ratio":
        if v is None or b is None:
            return None, "none", ""
        pp = (Decimal(str(v)) - Decimal(str(b))) * 100
        pp = pp.quantize(Decimal("0.1"), ROUND_HALF_UP)
        if pp > 0:
            return float(pp), "up", f"同比增加{trim(pp)}个百分点"
        if pp < 0:
            return float(pp), "down", f"同比减少{trim(-pp)}个百分点"
        return 0.0, "flat", "同比持平"
    if b == 0:
        return None, ("none" if v > 0 else "flat"), ("去年同期为0" if v > 0 else "同比持平")
    c = (Decimal(str(v)) - Decimal(str(b))) / Decimal(str(b))
    rounded = float(c.quantize(Decimal("0.0001"), ROUND_HALF_UP))
    if c > 1:
        return rounded, "up", f"同比上升{one_decimal(c)}倍"
    if c > 0:
        return rounded, "up", f"同比上升{one_decimal(c * 100)}%"
    if c < 0:
        return rounded, "down", f"同比下降{one_decimal(-c * 100)}%"
    return 0.0, "flat", "同比持平"


def rate(n, d):
    return None if d == 0 else float((Decimal(n) / Decimal(d)).quantize(Decimal("0.0001"), ROUND_HALF_UP))


def entry(spec, v, b, full=True):
    ident, name, section, unit, kind, definition, parts = spec
    c, direction, text = change(kind, v, b)
    e = {"id": ident}
    if full:
        e.update({"name": name, "section": section, "unit": unit, "kind": kind, "definition": definition})
        if kind == "ratio":
            e.update({"numerator": parts[0], "denominator": parts[1]})
    e.update({"value": v, "base": b, "change": c, "direction": direction,
              "display": display(kind, unit, v), "base_display": display(kind, unit, b), "change_text": text})
    return e


def values(spec, office=None):
    """(value, base) for one office (index) or the total (None)."""
    ident, _, _, unit, kind, _, parts = spec
    if kind == "ratio":
        n = values(by_id[parts[0]], office)
        d = values(by_id[parts[1]], office)
        return rate(n[0], d[0]), rate(n[1], d[1])
    pairs = parts if office is None else [parts[office]]
    if unit == "万元":
        return float(sum(Decimal(str(p[0])) for p in pairs)), float(sum(Decimal(str(p[1])) for p in pairs))
    return sum(p[0] for p in pairs), sum(p[1] for p in pairs)


by_id = {spec[0]: spec for spec in CATALOG}
sections = []
for spec in CATALOG:
    if not any(s["name"] == spec[2] for s in sections):
        sections.append({"name": spec[2], "ids": []})
    next(s for s in sections if s["name"] == spec[2])["ids"].append(spec[0])

doc = {
    "casestat": "0.1.0",
    "generated_on": "2026-11-22",
    "catalog": "templates/indicators.toml",
    "period": {"id": "2025H1", "label": "2025年上半年", "from": "2025-01-01", "to": "2025-06-30"},
    "base": {"id": "2024H1", "label": "2024年上半年", "from": "2024-01-01", "to": "2024-06-30",
             "compare": "yoy", "word": "同比"},
    "filters": [],
    "sources": [{"file": "案件信息.xlsx", "imported_at": "2026-11-22 10:00:00", "rows": 1860},
                {"file": "检察建议台账.xls", "imported_at": "2026-11-22 10:01:30", "rows": 132},
                {"file": "信访台账.csv", "imported_at": "2026-11-22 10:02:05", "rows": 1510}],
    "sections": sections,
    "indicators": [entry(spec, *values(spec)) for spec in CATALOG],
    "by": "unit",
    "groups": [],
}
for i, office in enumerate(OFFICES):
    doc["groups"].append({"name": office, "indicators": [entry(spec, *values(spec, i), full=False) for spec in CATALOG]})
# rank: 1 = highest value; ties share a rank; none for a rate with no denominator
for k, spec in enumerate(CATALOG):
    vals = [g["indicators"][k]["value"] for g in doc["groups"]]
    for g in doc["groups"]:
        v = g["indicators"][k]["value"]
        g["indicators"][k]["rank"] = None if v is None else 1 + sum(1 for w in vals if w is not None and w > v)

print(json.dumps(doc, ensure_ascii=False, indent=1))
