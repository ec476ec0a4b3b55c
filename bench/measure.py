#!/usr/bin/env python3
"""measure.py LABEL ROWS COMMAND...: runs COMMAND under GNU time (/usr/bin/time, Debian package
`time`; the shell's `time` keyword cannot give peak memory) and prints its wall time, rows per
second, CPU time (user + system) and peak memory (maximum resident set size). Fails when the command
fails. With $MEASURE_LOG set, also appends "LABEL<TAB>SECONDS<TAB>PEAK_KIB<TAB>CPU_SECONDS" to
that file."""
import os
import subprocess
import sys
import tempfile

label, rows, command = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
# What the commands before wrote (a store of hundreds of MiB, a copy of one) is flushed first:
# its writeback to disk would otherwise run during this command and be charged to it.
os.sync()
with tempfile.NamedTemporaryFile('r') as report:
    result = subprocess.run(['/usr/bin/time', '-f', '%e %M %U %S', '-o', report.name] + command,
                            stdout=subprocess.DEVNULL)
    seconds, peak_kib, user, system = report.read().split()[-4:]
seconds = float(seconds)
cpu = float(user) + float(system)
rate = f'{rows / max(seconds, 0.01):,.0f} rows/s' if rows else ''
# CPU time beside wall time: on a machine shared with other work the wall time grows with the
# load, the CPU time much less.
print(f'{label:<50} {seconds:7.2f} s (cpu {cpu:6.2f} s)  {rate:>18}  peak {int(peak_kib) / 1024:7.1f} MiB', flush=True)
if os.environ.get('MEASURE_LOG'):
    with open(os.environ['MEASURE_LOG'], 'a') as log:
        log.write(f'{label}\t{seconds}\t{peak_kib}\t{cpu}\n')
if result.returncode != 0:
    print(f'{label}: the command failed with exit code {result.returncode}', file=sys.stderr)
sys.exit(result.returncode)
