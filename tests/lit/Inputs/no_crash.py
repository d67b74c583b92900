#!/usr/bin/env python3
"""Runs a command and fails if it crashes or hangs; its verdict is irrelevant.

usage: no_crash.py [--timeout SECONDS] COMMAND...

Exits 0 when COMMAND exits 0 or 1 (a normal certc verdict) within the time
limit; otherwise prints what happened and exits 1. COMMAND's output is passed
through, so FileCheck can still look at it.
"""
import subprocess
import sys


def main(argv):
    timeout = None
    if len(argv) > 2 and argv[1] == "--timeout":
        timeout = float(argv[2])
        argv = argv[2:]
    command = argv[1:]
    if not command:
        sys.stderr.write(__doc__)
        return 2
    try:
        proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        print(f"no_crash: `{' '.join(command)}` took longer than {timeout:g} seconds")
        return 1
    sys.stdout.buffer.write(proc.stdout)
    if proc.returncode < 0:
        print(f"no_crash: the command was killed by signal {-proc.returncode}")
        return 1
    if proc.returncode not in (0, 1):
        print(f"no_crash: the command exited with status {proc.returncode}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
