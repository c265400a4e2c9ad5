#!/usr/bin/env python3
"""Scrapes a Prometheus endpoint once with a real HTTP client (urllib) and
checks the exposition with the strict parser of the phiscrubd tests
(check_exposition in tests/service/phiscrubd_test.py), and with `promtool
check metrics` when promtool is on PATH. Used by the Kafka worker tests
(`phiscrub kafka --metrics-listen`).

  scrape_metrics.py URL OUT_FILE

Exit 0: OUT_FILE holds the exposition as served, each family had HELP and
TYPE and parsed. Exit 1: the problem on stderr. Standard library only.
"""
import os
import shutil
import subprocess
import sys
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "service"))
import phiscrubd_test  # noqa: E402  (check_exposition)


def main():
    url, out = sys.argv[1], sys.argv[2]
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            status = r.status
            ctype = r.headers.get("Content-Type", "")
            text = r.read().decode("utf-8")
    except Exception as e:  # noqa: BLE001  (reported, the test fails)
        print("scrape %s failed: %s" % (url, e), file=sys.stderr)
        return 1
    if status != 200 or not ctype.startswith("text/plain; version=0.0.4"):
        print("scrape %s: status %d, Content-Type %r" % (url, status, ctype), file=sys.stderr)
        return 1
    try:
        types = phiscrubd_test.check_exposition(text)
    except AssertionError as e:
        print("exposition: %s" % e, file=sys.stderr)
        return 1
    promtool = shutil.which("promtool")
    if promtool:
        p = subprocess.run([promtool, "check", "metrics"], input=text.encode(),
                           capture_output=True, timeout=30)
        if p.returncode != 0:
            print("promtool: %s %s" % (p.stdout, p.stderr), file=sys.stderr)
            return 1
    with open(out + ".tmp", "w") as f:
        f.write(text)
    os.replace(out + ".tmp", out)
    print("%d families" % len(types))
    return 0


if __name__ == "__main__":
    sys.exit(main())
