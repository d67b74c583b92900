#!/usr/bin/env python3
"""The member's report as a page, in a real browser.

For each bundled policy, audits examples/ with `certc run --format html` and
`--format json`, loads the page in headless Chromium (`--dump-dom`: the DOM as
the browser built it, so markup the parser would move or drop shows up), and
checks it against the JSON lines: one section per member in ledger order, the
verdict, every point requirement's title, numbers and bar values, every
prerequisite, every credited and not credited item, and the order of the
sections. Then saves a screenshot of each page beside it. Exits 1 on the first
policy whose page is wrong, naming what differs.

Usage: check_report_page.py CERTC CHROMIUM SOURCE_DIR OUTPUT_DIR
"""
import json
import math
import os
import subprocess
import sys
from fractions import Fraction
from html.parser import HTMLParser

AS_OF = "2026-11-23"
POLICIES = ["iimc/cmc", "iimc/mmc", "mississippi/cmcc", "mississippi/cdmcc"]
SECTION_ORDER = ["Still needed", "Point requirements", "Prerequisites", "Points by category",
                 "Credited items", "Not credited"]
# Root has no user namespaces in CI containers: Chromium's sandbox cannot start.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--hide-scrollbars", "--no-first-run", "--disable-extensions", "--disable-crash-reporter"]


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find_all(self, pred):
        for c in self.children:
            if isinstance(c, Node):
                if pred(c):
                    yield c
                yield from c.find_all(pred)

    def classes(self):
        return self.attrs.get("class", "").split()


class Tree(HTMLParser):
    VOID = {"meta", "br", "img", "input", "link", "hr", "col", "source", "wbr", "area", "base"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.at = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.at)
        self.at.children.append(node)
        if tag not in self.VOID:
            self.at = node

    def handle_endtag(self, tag):
        node = self.at
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.at = node.parent

    def handle_data(self, data):
        self.at.children.append(data)


def points(value):
    """A JSON points value (number or "N/D") as an exact fraction."""
    return Fraction(str(value))


def attribute_number(value):
    """As the page writes bar attributes: exact when the value has a finite
    decimal expansion (a denominator of 2s and 5s), else down to hundredths."""
    d = value.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return value if d == 1 else Fraction(math.floor(value * 100), 100)


class PageError(Exception):
    pass


def expect(cond, what):
    if not cond:
        raise PageError(what)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=120, **kw)


def chromium_command(chromium, out_dir):
    """Chromium with a profile of its own in the build folder: CI may have no
    usable HOME, and two runs must not share one."""
    profile = os.path.abspath(os.path.join(out_dir, "chromium-profile"))
    return [chromium, *CHROMIUM_FLAGS, "--user-data-dir=" + profile]


def dump_dom(chromium, page):
    out = run(chromium_command(chromium, os.path.dirname(page)) + ["--dump-dom", "file://" + os.path.abspath(page)])
    expect(out.stdout.strip(), f"{page}: Chromium printed no DOM; stderr: {out.stderr[-500:]}")
    return out.stdout


def check_requirement(block, req, who):
    title = next(block.find_all(lambda n: n.tag == "h4"), None)
    expect(title is not None and title.text() == req["title"], f"{who}: heading {title and title.text()!r}")
    bar = next(block.find_all(lambda n: n.attrs.get("role") == "progressbar"), None)
    expect(bar is not None, f"{who}: no progress bar")
    expect(bar.attrs.get("aria-labelledby") == title.attrs.get("id"), f"{who}: bar not labelled by its heading")
    have, need = points(req["points"]), points(req["required"])
    shown = min(have, need)
    expect(Fraction(bar.attrs["aria-valuemax"]) == attribute_number(need), f"{who}: aria-valuemax")
    expect(Fraction(bar.attrs["aria-valuenow"]) == attribute_number(shown), f"{who}: aria-valuenow")
    expect(bar.attrs.get("aria-valuetext") == req["detail"], f"{who}: aria-valuetext")
    fill = next(bar.find_all(lambda n: "fill" in n.classes()), None)
    width = f"width:{math.floor(shown / need * 100)}%"
    expect(fill is not None and fill.attrs.get("style") == width,
           f"{who}: bar fill {fill and fill.attrs.get('style')!r}, expected {width!r}")
    state = "Met" if req["met"] else "Not met"
    expect(f"{state}: {req['detail']}" in block.text(), f"{who}: numbers in text")
    for cite in req["citations"]:
        expect(cite["quote"] in block.text(), f"{who}: citation {cite['quote'][:40]!r} missing")


def check_member(section, report, who):
    heading = next(section.find_all(lambda n: n.tag == "h2"), None)
    expect(heading is not None and heading.text() == "Member " + report["member"], f"{who}: heading")
    verdict = next(section.find_all(lambda n: "verdict" in n.classes()), None)
    word = "Eligible" if report["eligible"] else "Not yet eligible"
    expect(verdict is not None and verdict.text().startswith(f"Verdict: {word} "), f"{who}: verdict")

    h3s = [h.text() for h in section.find_all(lambda n: n.tag == "h3")]
    wanted = [h for h in SECTION_ORDER
              if (h != "Still needed" or report["missing"])
              and (h != "Not credited" or any(not i["credited"] for i in report["items"]))]
    expect(h3s == wanted, f"{who}: sections {h3s}, expected {wanted}")

    blocks = list(section.find_all(lambda n: "requirement" in n.classes()))
    reqs = [r for r in report["requirements"] if r["kind"] == "points"]
    expect(len(blocks) == len(reqs), f"{who}: {len(blocks)} bars for {len(reqs)} point requirements")
    for block, req in zip(blocks, reqs):
        expect(("met" if req["met"] else "unmet") in block.classes(), f"{who}, {req['name']}: state class")
        check_requirement(block, req, f"{who}, requirement {req['name']}")

    items = list(section.find_all(lambda n: n.tag == "li" and n.parent.tag == "ul"
                                  and "prerequisites" in n.parent.classes()))
    pres = [r for r in report["requirements"] if r["kind"] == "prerequisite"]
    expect(len(items) == len(pres), f"{who}: {len(items)} prerequisites shown for {len(pres)}")
    for li, pre in zip(items, pres):
        state = "Met" if pre["met"] else "Not met"
        expect(f"{state}: {pre['title']}" in li.text(), f"{who}, prerequisite {pre['name']}: {li.text()[:80]!r}")

    def rows(table_class):
        table = next(section.find_all(lambda n: n.tag == "table" and table_class in n.classes()), None)
        if table is None:
            return []
        body = next(table.find_all(lambda n: n.tag == "tbody"))
        return [[c for c in r.children if isinstance(c, Node)]
                for r in body.children if isinstance(r, Node) and r.tag == "tr"]

    got = [(r[0].text(), Fraction(r[1].text())) for r in rows("categories")]
    want = [(c["name"], points(c["points"])) for c in report["categories"]]
    expect(got == want, f"{who}: categories {got}, expected {want}")
    credited = [i for i in report["items"] if i["credited"]]
    got = [(r[0].text(), Fraction(r[2].text()), r[3].text()) for r in rows("credited")]
    want = [(i["id"], points(i["points"]), i["category"]) for i in credited]
    expect(got == want, f"{who}: credited items {got}, expected {want}")
    refused = [i for i in report["items"] if not i["credited"]]
    got = [(r[0].text(), r[2].text()) for r in rows("not-credited")]
    # The page sets the names a reason quotes in backticks as code.
    expect(got == [(i["id"], i["reason"].replace("`", "")) for i in refused], f"{who}: items not credited {got}")


def check_policy(certc, chromium, src, out_dir, policy):
    name = os.path.basename(policy)
    page = os.path.join(out_dir, name + ".html")
    cert = os.path.join(src, "policies", policy + ".cert")
    examples = os.path.join(src, "examples")
    common = [certc, "run", cert, examples, "--as-of", AS_OF]
    run(common + ["--format", "html", "-o", page])
    reports = [json.loads(line) for line in run(common + ["--format", "json"]).stdout.splitlines()]
    expect(reports, f"{policy}: no member audited")

    tree = Tree()
    tree.feed(dump_dom(chromium, page))
    html = next(tree.root.find_all(lambda n: n.tag == "html"))
    expect(html.attrs.get("lang") == "en", f"{policy}: <html lang>")
    sections = list(tree.root.find_all(lambda n: n.tag == "section" and "member" in n.classes()))
    expect(len(sections) == len(reports), f"{policy}: {len(sections)} sections for {len(reports)} members")
    for section, report in zip(sections, reports):
        check_member(section, report, f"{policy}, member {report['member']}")

    shot = os.path.abspath(os.path.join(out_dir, name + ".png"))
    if os.path.exists(shot):
        os.remove(shot)
    run(chromium_command(chromium, out_dir) + ["--window-size=1100,2200", "--screenshot=" + shot,
                                                "file://" + os.path.abspath(page)])
    expect(os.path.exists(shot) and os.path.getsize(shot) > 10000, f"{policy}: screenshot {shot} is nearly empty")
    return len(reports)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    certc, chromium, src, out_dir = sys.argv[1:]
    if not chromium or chromium.endswith("NOTFOUND") or not os.path.exists(chromium):
        sys.exit("chromium is not installed: run scripts/install-deps.sh (Debian package `chromium`)")
    os.makedirs(out_dir, exist_ok=True)
    failed = 0
    for policy in POLICIES:
        try:
            members = check_policy(certc, chromium, src, out_dir, policy)
            print(f"ok: {policy}: {members} member sections match the JSON report")
        except (PageError, subprocess.SubprocessError) as e:
            failed += 1
            detail = getattr(e, "stderr", "") or ""
            print(f"FAIL: {policy}: {e} {detail}".rstrip())
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
