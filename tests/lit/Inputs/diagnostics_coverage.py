#!/usr/bin/env python3
"""Fails unless every registry entry is tested and every code documented.

usage: diagnostics_coverage.py DiagnosticKinds.def TESTS_DIR diagnostics.md

The registry has one entry per message, DIAG(Name, Code, Severity, "Format");
several entries may share a code. An entry is tested when some lit test under
TESTS_DIR has a positive FileCheck line (CHECK, CHECK-NEXT, CHECK-SAME,
CHECK-DAG or CHECK-LABEL, with any --check-prefix the test's RUN lines name)
holding a message its format can produce followed by `[CODE]` (each `{...}` of
the format stands for any text). CHECK-NOT lines do not count (they assert that
a message is absent), nor do XFAIL tests (they document a known bug, not
working behaviour), nor files under Inputs/.

A code is documented when diagnostics.md has a `## CODE` heading: the code, not
the entry, is what users look up. Headings and tested codes that are not in the
registry are reported too: they are stale.
"""
import os
import re
import sys

DIAG_RE = re.compile(r'^\s*DIAG\(\s*(\w+)\s*,\s*([A-Z]\d{4})\s*,\s*\w+\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)')
PLACEHOLDER_RE = re.compile(r"\{[^{}]*\}")
CODE_IN_CHECK_RE = re.compile(r"\[([A-Z]\d{4})\]")
DOC_HEADING_RE = re.compile(r"^##\s+([A-Z]\d{4})\b")
PREFIX_OPTION_RE = re.compile(r"--check-prefix(?:es)?[= ]([A-Za-z0-9_,-]+)")
POSITIVE_SUFFIXES = ("", "-NEXT", "-SAME", "-DAG", "-LABEL")


def registry_entries(def_path):
    """(name, code, regex of the messages it can produce), in registry order."""
    entries = []
    with open(def_path, encoding="utf-8") as f:
        for line in f:
            m = DIAG_RE.match(line)
            if not m:
                continue
            name, code, fmt = m.groups()
            fmt = fmt.replace('\\"', '"')
            parts = PLACEHOLDER_RE.split(fmt)
            pattern = ".*".join(re.escape(p) for p in parts)
            entries.append((name, code, re.compile(pattern + r" \[" + code + r"\]")))
    return entries


def test_files(tests_dir):
    for root, dirs, files in os.walk(tests_dir):
        dirs[:] = sorted(d for d in dirs if d != "Inputs")
        for name in sorted(files):
            if name.endswith((".cert", ".test")):
                yield os.path.join(root, name)


def checked_lines(tests_dir):
    """Yields (test file, text after the directive) for each positive CHECK line."""
    for path in test_files(tests_dir):
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
        if any("XFAIL:" in line for line in lines):
            continue
        prefixes = {"CHECK"}
        for line in lines:
            if "RUN:" in line:
                for m in PREFIX_OPTION_RE.finditer(line):
                    prefixes.update(p for p in m.group(1).split(",") if p)
        directives = tuple(p + s + ":" for p in prefixes for s in POSITIVE_SUFFIXES)
        for line in lines:
            # The directive is the first word that ends in ':' after the comment marker.
            m = re.search(r"([A-Za-z0-9_-]+:)", line)
            if not m or m.group(1) not in directives:
                continue
            yield os.path.relpath(path, tests_dir), line[m.end():]


def documented_codes(doc_path):
    codes = []
    if not os.path.exists(doc_path):
        return codes
    with open(doc_path, encoding="utf-8") as f:
        for line in f:
            m = DOC_HEADING_RE.match(line)
            if m:
                codes.append(m.group(1))
    return codes


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    def_path, tests_dir, doc_path = argv[1:]
    entries = registry_entries(def_path)
    if not entries:
        print(f"error: no DIAG(...) entries found in {def_path}")
        return 1
    lines = list(checked_lines(tests_dir))
    documented = documented_codes(doc_path)
    problems = []
    for name, code, pattern in entries:
        if not any(pattern.search(text) for _, text in lines):
            problems.append(f"{name} ({code}): no lit test has a CHECK line with its message and [{code}]")
    codes = list(dict.fromkeys(code for _, code, _ in entries))
    for code in codes:
        if code not in documented:
            problems.append(f"{code}: no `## {code}` entry in {os.path.basename(doc_path)}")
    known = set(codes)
    tested = {}
    for path, text in lines:
        for code in CODE_IN_CHECK_RE.findall(text):
            tested.setdefault(code, set()).add(path)
    for code in sorted(set(tested) - known):
        where = ", ".join(sorted(tested[code]))
        problems.append(f"{code}: checked by {where} but not in the registry")
    for code in sorted(set(documented) - known):
        problems.append(f"{code}: documented but not in the registry")
    seen = set()
    for code in documented:
        if code in seen:
            problems.append(f"{code}: documented twice")
        seen.add(code)
    for p in problems:
        print("error: " + p)
    if problems:
        return 1
    print(f"all {len(entries)} diagnostics are tested and their {len(codes)} codes documented")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
