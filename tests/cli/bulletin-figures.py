#!/usr/bin/env python3
"""bulletin-figures.py INDICATORS.json SUMMARY.csv OFFICES.csv BULLETIN.md

Checks that every figure of the bulletin equals the indicators JSON it was made from: the
workbook's two sheets as casestat's own reader gives them back (casestat-convert), and the
Markdown. Prints one line per problem and exits 1 if there is any."""
import csv
import re
import json
import sys

data = json.load(open(sys.argv[1], encoding='utf-8'))
summary = list(csv.DictReader(open(sys.argv[2], encoding='utf-8')))
offices = list(csv.reader(open(sys.argv[3], encoding='utf-8')))
markdown = open(sys.argv[4], encoding='utf-8').read()
problems = []
by_name = {i['name']: i for i in data['indicators']}
period, base = data['period']['label'], data['base']['label']


def cell_value(indicator, text):
    if text in ('—', ''):
        return None
    v = float(text)
    return v * 10000 if indicator['unit'] == '万元' else v  # the workbook shows money in 万元


def same(a, b):
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= 1e-6 * max(1, abs(b)))


checked = 0
for row in summary:
    ind = by_name.get(row['指标'])
    if ind is None:
        continue  # the chart's data table below the summary repeats names with units
    for column, key in ((period, 'value'), (base, 'base')):
        if not same(cell_value(ind, row[column]), ind[key]):
            problems.append(f'summary sheet, {ind["id"]} {column}: {row[column]}, the JSON has {ind[key]}')
        checked += 1
    if row[data['base']['word'] + '情况'] != ind['change_text']:
        problems.append(f'summary sheet, {ind["id"]}: {row[data["base"]["word"] + "情况"]!r} against {ind["change_text"]!r}')
    checked += 1
if checked < 3 * len(data['indicators']):
    problems.append(f'only {checked} figures found in the summary sheet for {len(data["indicators"])} indicators')

# Two header rows: the indicator (name, then its unit on a line of its own) merged over its
# columns, and under it what each column holds (本期, 去年同期, 同比增减).
names = [h.replace('\n', '') for h in offices[0]]
subs = offices[1]
groups = {g['name']: {i['id']: i for i in g['indicators']} for g in data['groups']}
ids_by_header = {}
for i in data['indicators']:
    unit = i['unit']
    label = i['name'] + ('（%）' if unit == '%' else f'（{unit}）' if unit else '')
    ids_by_header[label] = i['id']
columns = []  # (column, indicator id, key) for every figure column
ident = None
for c, name in enumerate(names):
    if c == 0:
        continue
    if name in ids_by_header:
        ident = ids_by_header[name]
    elif name and not re.fullmatch('[A-Z]+', name):  # the reader names an empty heading by its letter
        ident = None
    key = {'本期': 'value', '去年同期': 'base', data['base']['word'] + '增减': 'change'}.get(subs[c])
    if ident and key:
        columns.append((c, ident, key))
if len(columns) < 3 * 5:
    problems.append(f'only {len(columns)} figure columns found in the offices sheet')
for row in offices[2:]:
    name = row[0]
    for c, ident, key in columns:
        text = row[c]
        ind = next(i for i in data['indicators'] if i['id'] == ident)
        want = ind[key] if name == '合计' else groups[name][ident][key]
        got = None if text in ('—', '') else float(text) if key == 'change' else cell_value(ind, text)
        if not same(got, want):
            problems.append(f'offices sheet, {name} {ident} {key}: {text}, the JSON has {want}')
        checked += 1
# Every figure the Markdown states for the period is the JSON's display with its change.
for ind in data['indicators']:
    if ind['display'] not in markdown:
        problems.append(f'the Markdown does not state {ind["id"]} = {ind["display"]}')
    elif ind['change_text'] and ind['change_text'] not in markdown:
        problems.append(f'the Markdown does not state the change of {ind["id"]}: {ind["change_text"]}')
for g in data['groups']:
    if g['name'] not in markdown:
        problems.append(f'the Markdown has no row for {g["name"]}')
for p in problems:
    print(p)
print(f'{checked} workbook figures checked, {len(problems)} problems', file=sys.stderr)
sys.exit(1 if problems else 0)
