#!/usr/bin/env python3
"""Writes large generated inputs for the lit tests of certc's limits.

usage:
  generate.py rules N FILE        a policy with N rules that all overlap (E0010)
  generate.py imports N FOLDER    FOLDER/chain-0.cert imports chain-1.cert ... chain-N.cert
  generate.py ledger N FILE       a JSON ledger of N eligible members (an array)
  generate.py distinct N FILE     a policy with N rules that compile (distinct priorities)
  generate.py objects N FILE      a JSON array of N small objects
"""
import json
import os
import sys


def rules(n, path):
    with open(path, "w") as f:
        f.write('policy "Generated" for CMC edition "g" effective 2020-01-01 source guidelines.\n')
        f.write('import "ledger.cert".\nimport "sources.cert".\ncategory Education.\n')
        for i in range(n):
            f.write(f'rule r{i}: each seminar earns 1 point into Education cite guidelines, "s", "q".\n')


def distinct(n, path):
    with open(path, "w") as f:
        f.write('policy "Generated" for CMC edition "g" effective 2020-01-01 source guidelines.\n')
        f.write('import "ledger.cert".\nimport "sources.cert".\ncategory E.\n')
        for i in range(n):
            f.write(f'rule r{i}: each seminar where hours at most {i + 1} contact_hours earns 1 point into E priority {i} '
                    'cite guidelines, "s", "q".\n')


def objects(n, path):
    with open(path, "w") as f:
        f.write("[" + ",".join(['{"a":0}'] * n) + "]")


def imports(n, folder):
    os.makedirs(folder, exist_ok=True)
    for i in range(n + 1):
        with open(os.path.join(folder, f"chain-{i}.cert"), "w") as f:
            if i < n:
                f.write(f'import "chain-{i + 1}.cert".\n')
            f.write(f"category C{i}.\n")


def ledger(n, path):
    member = {"name": "Pat Clerk", "region": 4, "membership": "full", "member_since": "2015-03-01",
              "position": "clerk", "ethics_affirmed": True}
    activities = [
        {"id": "inst-1", "kind": "institute_course", "date": "2021-05-10", "hours": 13.5, "assessed": True,
         "level": "cmc"},
        {"id": "conf-1", "kind": "conference", "date": "2023-09-01", "hours": 16},
        {"id": "job-1", "kind": "employment", "start": "2018-01-15", "end": "2020-06-30",
         "schedule": "full_time", "role": "clerk", "administrative": True},
    ]
    entries = [{"member": dict(member, id=f"m-{i}"), "activities": activities} for i in range(n)]
    with open(path, "w") as f:
        json.dump(entries, f, indent=1)


if __name__ == "__main__":
    {"rules": rules, "imports": imports, "ledger": ledger, "distinct": distinct,
     "objects": objects}[sys.argv[1]](int(sys.argv[2]), sys.argv[3])
