#!/usr/bin/env python3
"""Record-level regression diff between two phiscrub binaries on the studied corpora.

  python3 tests/accuracy/independent/regress.py BASE_BIN NEW_BIN [--skip 16,17] [--lines 20]

For each corpus it runs score.py with --show-misses/--show-negatives/--show-destroyed for both
binaries and prints the lines only the new binary shows ("only-new": values newly missed,
negatives newly lost, words newly destroyed) and how many the new binary no longer shows
("gone"). Holdouts listed in --skip (the unread ones) are never scored here: reading their misses
would make them dev sets.
"""
import argparse
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))


def corpora(skip):
    out = ["spoken/dev.jsonl", "spoken/test.jsonl", "written/dev.jsonl", "written/test.jsonl",
           "presidio/presidio.jsonl", "spoken_holdout/holdout.jsonl"]
    for d in sorted(os.listdir(HERE)):
        m = re.fullmatch(r"spoken_holdout(\d+)", d)
        if m and m.group(1) not in skip:
            out.append("%s/holdout%s.jsonl" % (d, m.group(1)))
    return out


def shown(binary, path):
    cmd = [sys.executable, os.path.join(HERE, "score.py"), os.path.join(HERE, path), "--bin", binary,
           "--neutral", "name_provider", "--show-misses", "3000", "--show-negatives", "500",
           "--show-destroyed", "3000"]
    text = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    keep, section = [], None
    for line in text.splitlines():
        if line.startswith("### "):
            section = line[4:]
        elif section and line.startswith("- "):
            keep.append("[%s] %s" % (section.split()[0], line[2:]))
    return keep


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("new")
    ap.add_argument("--skip", default="46,47,48")
    ap.add_argument("--lines", type=int, default=20)
    a = ap.parse_args()
    paths = corpora(set(a.skip.split(",")))
    with ThreadPoolExecutor(2) as ex:
        results = list(ex.map(lambda p: (shown(a.base, p), shown(a.new, p)), paths))
    total = 0
    for path, (old, new) in zip(paths, results):
        only_new = [l for l in new if l not in set(old)]
        gone = [l for l in old if l not in set(new)]
        total += len(only_new)
        print("%-40s only-new %d, gone %d" % (path, len(only_new), len(gone)))
        for l in only_new[:a.lines]:
            print("    + " + l[:400])
    print("total only-new %d" % total)


if __name__ == "__main__":
    main()
