#!/usr/bin/env python3
"""Regenerates the CHECK lines of diagnostics tests from certc's actual output.

usage: update_diag_checks.py --certc BUILD/bin/certc FILE.cert...

For each .cert test whose first RUN line is `[not] %certc ARGS %s 2>&1 |
%diagcheck %s`, runs certc with ARGS (in the test's folder), deletes the
file's `// CHECK:` and `// CHECK-NEXT:` lines, and inserts one block per
diagnostic after the statement holding its primary location: the message with
a [[@LINE-N]] location, the echoed source line and the caret line (both
anchored, so --strict-whitespace pins the column), then its notes. Locations in
other files are written literally (stdlib/ and Inputs/ keep that prefix).

Use it after a deliberate change of wording or location, and review the diff
like any other change: the script writes down whatever certc prints, right or
wrong. It skips XFAIL files, files whose RUN line has another shape, and files
that say "update_diag_checks.py skips this file" (their CHECK lines hold
hand-written patterns); look at `git diff` before keeping the result.
"""
import re
import shlex
import subprocess
import sys

DIAG_RE = re.compile(r"^(.*?):(\d+):(\d+): (error|warning|note): (.*)$")
CARET_RE = re.compile(r"^ *\^~*$")
RUN_RE = re.compile(r"^// RUN: (?:not )?%certc (.*) %s 2>&1 \| %diagcheck %s$")
CHECK_LINE_RE = re.compile(r"^// CHECK(-NEXT)?: ")


def escape(text):
    """FileCheck reads `{{` and `[[` as the start of a regex or a variable."""
    return text.replace("{{", "{{[{][{]}}").replace("[[", "{{\\[\\[}}")


def repeat(char, count):
    """A regex for `count` copies of `char` (POSIX bounds stop at 255)."""
    parts = []
    while count > 0:
        n = min(count, 255)
        parts.append(char + ("{%d}" % n if n > 1 else ""))
        count -= n
    return "".join(parts)


def parse_output(out, base):
    """Groups certc's text output into diagnostics, each with its notes.
    Returns [(line of the primary location in the test file or None, items)]
    where items are ("diag", groups) / ("source", text) / ("caret", text) /
    ("raw", text)."""
    blocks = []
    i = 0
    while i < len(out):
        line = out[i]
        m = DIAG_RE.match(line)
        items = []
        if m:
            items.append(("diag", m.groups()))
            i += 1
            if i < len(out) and not DIAG_RE.match(out[i]):
                items.append(("source", out[i]))
                i += 1
                if i < len(out) and CARET_RE.match(out[i]):
                    items.append(("caret", out[i]))
                    i += 1
        else:
            items.append(("raw", line))
            i += 1
        is_note = (m and m.group(4) == "note") or (not m and line.startswith("note:"))
        if is_note and blocks:
            blocks[-1][1].extend(items)
            continue
        anchor = None
        if m and (m.group(1) == base or m.group(1).endswith("/" + base)):
            anchor = int(m.group(2))
        blocks.append((anchor, items))
    return blocks


def statement_end(src, line):
    """The last line of the statement that starts at or spans `line`, so that
    checks go after a statement rather than inside it."""
    k = line
    while k < len(src) and k - line < 12:
        code = src[k - 1].split("//")[0].rstrip()
        if code.endswith((".", "}", "{")) or code == "":
            break
        k += 1
    return k


def generate(src, out, base):
    blocks = parse_output(out, base)
    after = {}
    for anchor, items in blocks:
        key = statement_end(src, anchor) if anchor is not None else len(src)
        after.setdefault(key, []).append(items)

    placed = []  # ("text", line) or ("check", item)
    final_line = {}
    for number, text in enumerate(src, start=1):
        placed.append(("text", text))
        final_line[number] = len(placed)
        for items in after.get(number, []):
            placed.extend(("check", item) for item in items)

    lines = []
    first = True
    for number, (kind, item) in enumerate(placed, start=1):
        if kind == "text":
            lines.append(item)
            continue
        directive = "CHECK" if first else "CHECK-NEXT"
        first = False
        what, payload = item
        if what == "diag":
            path, line, col, severity, message = payload
            name = path.rsplit("/", 1)[-1]
            if name == base and int(line) in final_line:
                delta = final_line[int(line)] - number
                where = "[[@LINE%+d]]" % delta if delta else "[[@LINE]]"
            else:
                where = line
                folder = "/" + path.rsplit("/", 1)[0] + "/" if "/" in path else ""
                name = ("stdlib/" if "/stdlib/" in folder else
                        "Inputs/" if "/Inputs/" in folder else "") + name
            body = f"{name}:{where}:{col}: {severity}: {escape(message)}"
        elif what == "source":
            text = escape(payload)
            if text.endswith("{"):
                text = text[:-1] + "{{[{]}}"
            body = "{{^}}" + text + "{{$}}" if payload else "{{^$}}"
        elif what == "caret":
            indent = len(payload) - len(payload.lstrip(" "))
            if indent > 60:
                tildes = len(payload) - indent - 1
                body = "{{^" + repeat(" ", indent) + "\\^" + repeat("~", tildes) + "$}}"
            else:
                body = "{{^}}" + payload + "{{$}}"
        else:
            # A line without a place, such as the note naming the stdlib folder.
            body = re.sub(r"`/[^`]*/stdlib`", "`{{.*}}stdlib`", escape(payload))
        lines.append(f"// {directive}: {body}")
    return "\n".join(lines) + "\n"


def update(path, certc):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if any("XFAIL:" in line for line in lines):
        return "skipped (XFAIL)"
    if any("update_diag_checks.py skips this file" in line for line in lines):
        return "skipped (hand-written CHECK lines)"
    run = next((RUN_RE.match(line) for line in lines if line.startswith("// RUN:")), None)
    if not run:
        return "skipped (the first RUN line is not `[not] %certc ARGS %s 2>&1 | %diagcheck %s`)"
    # certc's line numbers must be those of the file without its old checks.
    src = [line for line in lines if not CHECK_LINE_RE.match(line)]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(src) + "\n")
    folder, base = path.rsplit("/", 1) if "/" in path else (".", path)
    proc = subprocess.run([certc] + shlex.split(run.group(1)) + [base], cwd=folder,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = proc.stdout.decode("utf-8", errors="replace").split("\n")
    if out and out[-1] == "":
        out.pop()
    new = generate(src, out, base)
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)
    return "unchanged" if new == text else "updated"


def main(argv):
    if len(argv) < 4 or argv[1] != "--certc":
        sys.stderr.write(__doc__)
        return 2
    for path in argv[3:]:
        print(f"{path}: {update(path, argv[2])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
