#!/usr/bin/env python3
"""bulletin-figures.py INDICATORS.json SUMMARY.csv OFFICES.csv BULLETIN.md

Checks that every figure of the bulletin equals the indicators JSON it was made from: the
workbook's two sheets as casestat's own reader gives them back (casestat-convert), and the
Markdown. Prints one line per problem and exits 1 if there is any."""
import csv
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

header = [h.replace('\n', '') for h in offices[0]]  # the workbook puts a unit under its name
groups = {g['name']: {i['id']: i for i in g['indicators']} for g in data['groups']}
ids_by_header = {}
for i in data['indicators']:
    unit = i['unit']
    label = i['name'] + ('（%）' if unit == '%' else f'（{unit}）' if unit else '')
    ids_by_header[label] = i['id']
for row in offices[1:]:
    name = row[0]
    for column, text in zip(header[1:], row[1:]):
        if column not in ids_by_header:
            continue
        ident = ids_by_header[column]
        ind = next(i for i in data['indicators'] if i['id'] == ident)
        want = ind['value'] if name == '合计' else groups[name][ident]['value']
        if not same(cell_value(ind, text), want):
            problems.append(f'offices sheet, {name} {ident}: {text}, the JSON has {want}')
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
