#!/usr/bin/env python3
"""Runs a command with SIGHUP and SIGINT ignored (as nohup does) and sends it
both signals again and again until it exits; exits with the command's status.

usage: ignored_signals.py COMMAND...
"""
import signal
import subprocess
import sys

signal.signal(signal.SIGHUP, signal.SIG_IGN)
signal.signal(signal.SIGINT, signal.SIG_IGN)
proc = subprocess.Popen(sys.argv[1:])
sent = 0
while proc.poll() is None:
    for sig in (signal.SIGHUP, signal.SIGINT):
        try:
            proc.send_signal(sig)
            sent += 1
        except ProcessLookupError:
            pass
sys.exit(proc.returncode)
