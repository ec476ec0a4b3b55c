#!/usr/bin/env bash
# The figures of the sample ledgers, counted independently by tests/cli/oracle.py (Python's
# standard library, none of casestat's code), must be the ones casestat-indicators computes
# after casestat-import: every indicator of the default catalog, for 2025H1 and its base
# 2024H1, in total and per office. The whole chain is checked against a second implementation.
set -u
source "$(dirname "$0")/suite-lib.sh"
cd "$WORK"
step "import the sample ledgers"
casestat-import -q --db s.db "$CASESTAT_SOURCE"/sample-data/*.xlsx "$CASESTAT_SOURCE"/sample-data/*.xls "$CASESTAT_SOURCE"/sample-data/*.csv 2> err
expect_status 0 $? err

step "the oracle counts the sample ledgers"
python3 "$CASESTAT_SOURCE/tests/cli/oracle.py" "$CASESTAT_SOURCE/sample-data" > oracle.json 2> err
expect_status 0 $? err

step "every file holds as many records for casestat as for the oracle (blank, 小计 and 合计 rows left out)"
sqlite3 -separator ' ' s.db 'select file, rows_imported from imports order by file' > ours.txt
python3 -c "
import json, sys
for name, n in sorted(json.load(open('oracle.json', encoding='utf-8'))['records'].items()): print(name, n)" > theirs.txt
expect_equal "$(cat theirs.txt)" "$(cat ours.txt)" "records per file"
expect_count 5 "$(grep -c . ours.txt)" "files imported"

step "every figure, in total and per office, equals casestat's"
casestat-indicators --db s.db --period 2025H1 --format json > total.json 2> err
expect_status 0 $? err
casestat-indicators --db s.db --period 2025H1 --by unit --format json > by-unit.json 2> err
expect_status 0 $? err
python3 - oracle.json total.json by-unit.json "$CASESTAT_SOURCE/templates/indicators.toml" > problems 2> count <<'PY'
import json, re, sys
from decimal import Decimal, ROUND_HALF_UP
oracle = json.load(open(sys.argv[1], encoding='utf-8'))['indicators']
total = json.load(open(sys.argv[2], encoding='utf-8'))
by_unit = json.load(open(sys.argv[3], encoding='utf-8'))
catalog = re.findall(r'^id = "([^"]+)"', open(sys.argv[4], encoding='utf-8').read(), re.M)
problems, checked = [], 0

def expected(figure, value):
    """The oracle's figure as casestat states it in JSON."""
    if figure['kind'] == 'ratio':
        num, den = value
        return None if den == 0 else float((Decimal(num) / Decimal(den)).quantize(Decimal('0.0001'), ROUND_HALF_UP))
    if figure['unit'] in ('万元', '元'):
        return float(Decimal(value) / 100)  # casestat states money in 元, to the 分
    return value

def compare(where, figure, pair, ind):
    global checked
    for i, key in enumerate(('value', 'base')):
        want, got = expected(figure, pair[i]), ind.get(key)
        checked += 1
        if want != got:
            problems.append(f'{where} {ind["id"]} {key}: casestat {got}, the oracle {want}')

ids = [i['id'] for i in total['indicators']]
if sorted(ids) != sorted(catalog):
    problems.append(f'casestat computed {ids}, the catalog has {catalog}')
if sorted(oracle) != sorted(catalog):
    problems.append(f'the oracle counts {sorted(oracle)}, the catalog has {sorted(catalog)}')
for ind in total['indicators']:
    if ind['id'] in oracle:
        compare('total', oracle[ind['id']], oracle[ind['id']]['total'], ind)
offices = set()
for group in by_unit['groups']:
    offices.add(group['name'])
    for ind in group['indicators']:
        figure = oracle.get(ind['id'])
        if figure is None:
            continue
        if group['name'] not in figure['groups']:
            problems.append(f'casestat has an office the oracle does not know: {group["name"]}')
            break
        compare(group['name'], figure, figure['groups'][group['name']], ind)
some = next(iter(oracle.values()))['groups']
if offices != set(some):
    problems.append(f'offices: casestat {sorted(offices)}, the oracle {sorted(some)}')
print('\n'.join(problems))
print(f'{checked} figures compared, {len(problems)} differences', file=sys.stderr)
sys.exit(1 if problems else 0)
PY
expect_status 0 $? problems
cat count
expect_count 0 "$(grep -c . problems)" "figures that differ"
# 29 indicators x 2 periods x (the total + 12 offices): a comparison that ran on nothing fails.
expect_count $((29 * 2 * 13)) "$(grep -oE '^[0-9]+' count)" "figures compared"
finish
