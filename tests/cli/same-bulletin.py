#!/usr/bin/env python3
"""same-bulletin.py DIR1 DIR2

Checks that two bulletins written from the same data are the same: the same file names, and
each file byte for byte the same, except a Word document (.docx): that is a zip whose entries
carry the time they were written, and whose docProps/core.xml states when it was made (pandoc
writes both), so for a .docx the entries' names and contents are compared, with the
dcterms:created and dcterms:modified values left out. Prints one line per difference and
exits 1 if there is any."""
import hashlib
import os
import re
import sys
import zipfile

TIMES = re.compile(rb'(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)')


def contents(path):
    if not path.endswith('.docx'):
        return hashlib.sha256(open(path, 'rb').read()).hexdigest()
    with zipfile.ZipFile(path) as z:
        entries = {}
        for name in sorted(z.namelist()):
            data = z.read(name)
            if name == 'docProps/core.xml':
                data = TIMES.sub(rb'\1TIME\2', data)
            entries[name] = hashlib.sha256(data).hexdigest()
        return entries


one, two = sys.argv[1], sys.argv[2]
names_one, names_two = sorted(os.listdir(one)), sorted(os.listdir(two))
problems = []
if names_one != names_two:
    problems.append(f'different files: {names_one} against {names_two}')
for name in sorted(set(names_one) & set(names_two)):
    a, b = contents(os.path.join(one, name)), contents(os.path.join(two, name))
    if a != b:
        if isinstance(a, dict) and isinstance(b, dict):
            changed = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
            problems.append(f'{name}: the entries {changed} differ')
        else:
            problems.append(f'{name} differs')
for p in problems:
    print(p)
print(f'{len(names_one)} files compared, {len(problems)} differences', file=sys.stderr)
sys.exit(1 if problems else 0)
