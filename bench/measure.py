#!/usr/bin/env python3
"""measure.py LABEL ROWS COMMAND...: runs COMMAND under /usr/bin/time and prints its wall time,
rows per second and peak memory (maximum resident set); fails when the command fails."""
import os
import subprocess
import sys
import tempfile

label, rows, command = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
with tempfile.NamedTemporaryFile('r') as report:
    result = subprocess.run(['/usr/bin/time', '-f', '%e %M', '-o', report.name] + command, stdout=subprocess.DEVNULL)
    seconds, peak_kib = report.read().split()[-2:]
seconds = float(seconds)
rate = f'{rows / max(seconds, 0.01):,.0f} rows/s' if rows else ''
print(f'{label:<50} {seconds:7.2f} s  {rate:>18}  peak {int(peak_kib) / 1024:7.1f} MiB')
sys.exit(result.returncode)
