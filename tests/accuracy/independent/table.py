#!/usr/bin/env python3
"""Runs score.py over the independent corpora and prints one Markdown table:
recall per entity and corpus, then the over-redaction rows. This is the table
in README.md ("Accuracy").

  python3 tests/accuracy/independent/table.py [--bin build/bin/phiscrub] [--dict]

--dict adds the written test corpus scored with the user's roster of names
(`--dict auto`: the corpus's own NAME values passed as `--dict`).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPORA = [
    ("spoken dev", "spoken/dev.jsonl", []),
    ("spoken test", "spoken/test.jsonl", []),
    ("spoken holdout", "spoken_holdout/holdout.jsonl", []),
    ("spoken holdout 2", "spoken_holdout2/holdout2.jsonl", []),
    ("spoken holdout 3", "spoken_holdout3/holdout3.jsonl", []),
    ("spoken holdout 4", "spoken_holdout4/holdout4.jsonl", []),
    ("spoken holdout 5", "spoken_holdout5/holdout5.jsonl", []),
    ("spoken holdout 6", "spoken_holdout6/holdout6.jsonl", []),
    ("spoken holdout 7", "spoken_holdout7/holdout7.jsonl", []),
    ("spoken holdout 8", "spoken_holdout8/holdout8.jsonl", []),
    ("spoken holdout 9", "spoken_holdout9/holdout9.jsonl", []),
    ("spoken holdout 10", "spoken_holdout10/holdout10.jsonl", []),
    ("spoken holdout 11", "spoken_holdout11/holdout11.jsonl", []),
    ("spoken holdout 12", "spoken_holdout12/holdout12.jsonl", []),
    ("spoken holdout 13", "spoken_holdout13/holdout13.jsonl", []),
    ("spoken holdout 14", "spoken_holdout14/holdout14.jsonl", []),
    ("spoken holdout 15", "spoken_holdout15/holdout15.jsonl", []),
    ("spoken holdout 16", "spoken_holdout16/holdout16.jsonl", []),
    ("spoken holdout 17", "spoken_holdout17/holdout17.jsonl", []),
    ("spoken holdout 18", "spoken_holdout18/holdout18.jsonl", []),
    ("spoken holdout 19", "spoken_holdout19/holdout19.jsonl", []),
    ("spoken holdout 20", "spoken_holdout20/holdout20.jsonl", []),
    ("spoken holdout 21", "spoken_holdout21/holdout21.jsonl", []),
    ("spoken holdout 22", "spoken_holdout22/holdout22.jsonl", []),
    ("spoken holdout 23", "spoken_holdout23/holdout23.jsonl", []),
    ("spoken holdout 24", "spoken_holdout24/holdout24.jsonl", []),
    ("spoken holdout 25", "spoken_holdout25/holdout25.jsonl", []),
    ("spoken holdout 26", "spoken_holdout26/holdout26.jsonl", []),
    ("spoken holdout 27", "spoken_holdout27/holdout27.jsonl", []),
    ("spoken holdout 28", "spoken_holdout28/holdout28.jsonl", []),
    ("spoken holdout 29", "spoken_holdout29/holdout29.jsonl", []),
    ("spoken holdout 30", "spoken_holdout30/holdout30.jsonl", []),
    ("spoken holdout 31", "spoken_holdout31/holdout31.jsonl", []),
    ("spoken holdout 32", "spoken_holdout32/holdout32.jsonl", []),
    ("spoken holdout 33", "spoken_holdout33/holdout33.jsonl", []),
    ("spoken holdout 34", "spoken_holdout34/holdout34.jsonl", []),
    ("spoken holdout 35", "spoken_holdout35/holdout35.jsonl", []),
    ("spoken holdout 36", "spoken_holdout36/holdout36.jsonl", []),
    ("spoken holdout 37", "spoken_holdout37/holdout37.jsonl", []),
    ("spoken holdout 38", "spoken_holdout38/holdout38.jsonl", []),
    ("spoken holdout 39", "spoken_holdout39/holdout39.jsonl", []),
    ("spoken holdout 40", "spoken_holdout40/holdout40.jsonl", []),
    ("spoken holdout 41", "spoken_holdout41/holdout41.jsonl", []),
    ("spoken holdout 42", "spoken_holdout42/holdout42.jsonl", []),
    ("spoken holdout 43", "spoken_holdout43/holdout43.jsonl", []),
    ("spoken holdout 44", "spoken_holdout44/holdout44.jsonl", []),
    ("spoken holdout 45", "spoken_holdout45/holdout45.jsonl", []),
    ("spoken holdout 46", "spoken_holdout46/holdout46.jsonl", []),
    ("spoken holdout 47", "spoken_holdout47/holdout47.jsonl", []),
    ("spoken holdout 48", "spoken_holdout48/holdout48.jsonl", []),
    ("written dev", "written/dev.jsonl", []),
    ("written test", "written/test.jsonl", []),
    ("presidio", "presidio/presidio.jsonl", []),
]


def score(binary, path, extra):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        out = tmp.name
    try:
        cmd = [sys.executable, os.path.join(HERE, "score.py"), os.path.join(HERE, path),
               "--bin", binary, "--neutral", "name_provider", "--json", out] + extra
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        with open(out) as f:
            return json.load(f)
    finally:
        os.unlink(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/bin/phiscrub")
    ap.add_argument("--dict", action="store_true",
                    help="also score written test with --dict auto")
    args = ap.parse_args()
    corpora = list(CORPORA)
    if args.dict:
        corpora.append(("written test, --dict", "written/test.jsonl", ["--dict", "auto"]))
    results = [(name, score(args.bin, path, extra)) for name, path, extra in corpora]
    entities = sorted({k.split("/", 1)[1] for _, r in results for k in r["recall"]
                       if k.startswith("entity/")})

    def cell(r, key):
        if key not in r["recall"]:
            return ""
        return ("%.1f" % r["recall"][key]).strip()

    print("| recall % | " + " | ".join(name for name, _ in results) + " |")
    print("|---|" + "---:|" * len(results))
    for e in entities:
        print("| %s | %s |" % (e, " | ".join(cell(r, "entity/" + e) for _, r in results)))
    print("| **all** | %s |" % " | ".join("**%s**" % cell(r, "all") for _, r in results))
    rows = [("answered in the next turn", lambda r: cell(r, "cue/prev")),
            ("hard negatives kept", lambda r: "" if r.get("negatives_kept") is None or
             r["negatives_kept"] != r["negatives_kept"] else "%.1f" % r["negatives_kept"]),
            ("non-PHI words destroyed", lambda r: "%.2f" % r["words_destroyed"]),
            ("JSON outputs valid", lambda r: "" if r["json_valid"] is None else "%.1f" % r["json_valid"]),
            ("non-PHI JSON fields unchanged",
             lambda r: "" if r["fields_unchanged"] is None else "%.1f" % r["fields_unchanged"])]
    for label, fn in rows:
        print("| %s | %s |" % (label, " | ".join(fn(r) for _, r in results)))
    print("\nrecords / values: " + "; ".join("%s %d / %d" % (name, r["records"], r["n"].get("all", 0))
                                          for name, r in results))


if __name__ == "__main__":
    main()
