#!/usr/bin/env python3
"""Scores phiscrub on an independent labelled corpus by what lands.

Each corpus line is one record (see README.md in this folder):
  {"id", "format": "text"|"ndjson"|"json"|"transcript", "profile"?, "kind",
   "text", "spans": [{start, end, entity, form, cue?, spoken?}],
   "negatives": [{start, end, what}]}
Offsets are bytes of the UTF-8 text.

phiscrub runs once per (format, profile) group, as a user would run it:
  text        phiscrub --format text         (records one per line)
  ndjson      phiscrub --format ndjson
  json        phiscrub --format auto         (vendor payloads get their profile)
  transcript  phiscrub --format transcript   (conversations separated by a blank line)
and the output is aligned with the input: every byte outside a replacement
is a byte that landed. Nothing here reads phiscrub's findings.

Metrics (percent):
  recall       gold values none of whose letters or digits landed
  negatives    look-alikes (doses, timestamps, ids...) that landed whole
  destroyed    whitespace tokens touching no gold value (nor a neutral one)
               that did not land whole, over all such tokens
  json valid   JSON records whose output parses
  fields kept  JSON scalars holding no gold value that landed unchanged
Neutral spans (e.g. a clinician's name, presidio's ORGANIZATION) count for
nothing either way.

  score.py CORPUS.jsonl [CORPUS...] [--bin build/bin/phiscrub] [--dict auto]
           [--json out.json] [--show-misses N] [-- extra phiscrub args]
`--dict auto` passes the corpus's own NAME values as the user's roster
(`--dict` of phiscrub), as a user who lists their patients would.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

LABEL = re.compile(r"\[[A-Z][A-Z0-9_]*\]|<[A-Z][A-Z0-9_]*:[A-Za-z0-9_]+:[0-9a-f]+>")
FORMAT_ARGS = {
    "text": ["--format", "text"],
    "ndjson": ["--format", "ndjson"],
    "json": ["--format", "auto"],
    "transcript": ["--format", "transcript"],
}


def byte_to_char(text):
    """Map from byte offset to char offset (len bytes + 1 entries)."""
    m = []
    for i, ch in enumerate(text):
        m.extend([i] * len(ch.encode("utf-8")))
    m.append(len(text))
    return m


def landed_mask(src, out):
    """Per character of src: True when it landed in out.

    out is src with some pieces replaced by labels; the literal pieces of out
    between labels are found in src in order (each after at least one
    replaced character), the last one anchored at the end.
    """
    pieces = LABEL.split(out)
    mask = [False] * len(src)
    if len(pieces) == 1:
        if out == src:
            return [True] * len(src)
        # Not a pure replacement (e.g. drop policy): fall back to difflib.
        return difflib_mask(src, out)
    pos = 0
    n = len(pieces)
    for k, piece in enumerate(pieces):
        if k == 0:
            if not src.startswith(piece):
                return difflib_mask(src, out)
            at = 0
        elif k == n - 1:
            at = len(src) - len(piece)
            if at < pos or src[at:] != piece:
                return difflib_mask(src, out)
        else:
            at = src.find(piece, pos)
            if at < 0:
                return difflib_mask(src, out)
        for i in range(at, at + len(piece)):
            mask[i] = True
        pos = at + len(piece) + 1  # a replacement covers at least one char
    return mask


def difflib_mask(src, out):
    import difflib
    masked = LABEL.sub("\x00", out)
    sm = difflib.SequenceMatcher(None, src, masked, autojunk=False)
    mask = [False] * len(src)
    for a, _, size in sm.get_matching_blocks():
        for i in range(a, a + size):
            mask[i] = True
    return mask


def json_scalars(raw):
    """(path, start, end) char ranges of every scalar token in compact-ish JSON."""
    out = []
    i = 0
    n = len(raw)

    def ws():
        nonlocal i
        while i < n and raw[i] in " \t\r\n":
            i += 1

    def string_end(j):
        j += 1
        while j < n:
            if raw[j] == "\\":
                j += 2
                continue
            if raw[j] == '"':
                return j + 1
            j += 1
        raise ValueError("unterminated string")

    def value(path):
        nonlocal i
        ws()
        c = raw[i]
        if c == "{":
            i += 1
            ws()
            if raw[i] == "}":
                i += 1
                return
            while True:
                ws()
                e = string_end(i)
                key = json.loads(raw[i:e])
                i = e
                ws()
                i += 1  # ':'
                value(path + "." + key)
                ws()
                if raw[i] == ",":
                    i += 1
                    continue
                i += 1  # '}'
                return
        if c == "[":
            i += 1
            ws()
            if raw[i] == "]":
                i += 1
                return
            k = 0
            while True:
                value("%s[%d]" % (path, k))
                k += 1
                ws()
                if raw[i] == ",":
                    i += 1
                    continue
                i += 1
                return
        if c == '"':
            e = string_end(i)
            out.append((path, i, e))
            i = e
            return
        j = i
        while j < n and raw[j] not in ",]} \t\r\n":
            j += 1
        out.append((path, i, j))
        i = j

    value("$")
    return out


def run_group(binary, fmt, profile, records, extra, dict_path):
    sep = "\n\n" if fmt == "transcript" else "\n"
    payload = sep.join(r["text"] for r in records) + "\n"
    args = [binary] + FORMAT_ARGS[fmt]
    if profile and fmt == "json" and "--no-profile" not in extra:
        pass  # auto detection decides, as for a mixed stream
    if dict_path:
        args += ["--dict", dict_path]
    args += [a for a in extra if a != "--no-profile"]
    p = subprocess.run(args, input=payload.encode("utf-8"), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if p.returncode != 0:
        sys.exit("phiscrub %s failed (%d): %s" % (" ".join(args[1:]), p.returncode,
                                                  p.stderr.decode("utf-8", "replace")[:500]))
    lines = p.stdout.decode("utf-8", "replace").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    outs = []
    pos = 0
    for r in records:
        k = r["text"].count("\n") + 1
        outs.append("\n".join(lines[pos:pos + k]))
        pos += k
        if fmt == "transcript":
            pos += 1  # the blank separator
    expected = pos - (1 if fmt == "transcript" and records else 0)
    if len(lines) != expected:
        sys.exit("records in != records out for %s: %d lines expected, %d written"
                 % (fmt, expected, len(lines)))
    return outs


def is_word_char(ch):
    return ch.isalnum()


class Tally:
    def __init__(self):
        self.hit = collections.Counter()
        self.total = collections.Counter()

    def add(self, key, ok):
        self.total[key] += 1
        if ok:
            self.hit[key] += 1

    def pct(self, key):
        t = self.total[key]
        return 100.0 * self.hit[key] / t if t else float("nan")


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        k = argv.index("--")
        argv, extra = argv[:k], argv[k + 1:]
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--bin", default="build/bin/phiscrub")
    ap.add_argument("--dict", default="", help="'auto': the corpus's NAME values")
    ap.add_argument("--neutral", default="",
                    help="comma-separated form prefixes that count as neutral")
    ap.add_argument("--json", default="")
    ap.add_argument("--show-misses", type=int, default=0)
    ap.add_argument("--show-destroyed", type=int, default=0)
    ap.add_argument("--show-fields", type=int, default=0,
                    help="show this many non-PHI JSON fields that changed")
    ap.add_argument("--entity", default="", help="only show misses of this entity")
    ap.add_argument("--show-negatives", type=int, default=0,
                    help="show this many lost hard negatives, with the output around them")
    ap.add_argument("--what", default="", help="only show lost negatives of these kinds (a,b)")
    ap.add_argument("--transcript-format", default="transcript",
                    help="--format given to transcript records (text: before transcript existed)")
    args = ap.parse_args(argv)
    neutral_forms = [f for f in args.neutral.split(",") if f]
    FORMAT_ARGS["transcript"] = ["--format", args.transcript_format]

    records = []
    for path in args.corpus:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    records.append(json.loads(line))

    dict_path = ""
    tmpdir = tempfile.mkdtemp()
    if args.dict == "auto":
        names = set()
        for r in records:
            b = r["text"].encode("utf-8")
            for s in r["spans"]:
                if s["entity"] in ("NAME", "PERSON"):
                    v = b[s["start"]:s["end"]].decode("utf-8")
                    v = " ".join(v.split())
                    if v and not any(ch.isdigit() for ch in v):
                        names.add(v)
        dict_path = os.path.join(tmpdir, "roster.txt")
        with open(dict_path, "w", encoding="utf-8") as f:
            f.write("\n".join(sorted(names)) + "\n")
    elif args.dict:
        dict_path = args.dict

    groups = collections.OrderedDict()
    for r in records:
        groups.setdefault((r["format"], r.get("profile") or ""), []).append(r)
    outputs = {}
    for (fmt, profile), recs in groups.items():
        for r, out in zip(recs, run_group(args.bin, fmt, profile, recs, extra, dict_path)):
            outputs[r["id"]] = out

    recall = Tally()
    negs = Tally()
    words = Tally()
    json_valid = Tally()
    fields = Tally()
    changed_fields = []
    misses = []
    lost_negs = []
    destroyed = []
    for r in records:
        text = r["text"]
        out = outputs[r["id"]]
        b2c = byte_to_char(text)
        mask = landed_mask(text, out)
        gold = []
        neutral = []
        for s in r["spans"]:
            cs, ce = b2c[s["start"]], b2c[s["end"]]
            if s.get("neutral") or any(s.get("form", "").startswith(p) for p in neutral_forms):
                neutral.append((cs, ce))
                continue
            gold.append((cs, ce, s))
        for cs, ce, s in gold:
            chars = [i for i in range(cs, ce) if is_word_char(text[i])]
            caught = not any(mask[i] for i in chars)
            e = s["entity"]
            keys = [("all",), ("entity", e), ("kind", r.get("kind", "")),
                    ("format", r["format"])]
            if "spoken" in s:
                sp = "spoken" if s["spoken"] else "written"
                keys += [(sp,), ("entity_spoken", e, sp)]
            if "cue" in s:
                keys += [("cue", s["cue"]), ("entity_cue", e, s["cue"])]
            for k in keys:
                recall.add(k, caught)
            if not caught:
                misses.append((r, s, cs, ce, mask))
        for n in r.get("negatives", []):
            cs, ce = b2c[n["start"]], b2c[n["end"]]
            kept = all(mask[i] for i in range(cs, ce))
            negs.add(("all",), kept)
            negs.add(("what", n["what"]), kept)
            if not kept and (not args.what or n["what"] in args.what.split(",")):
                lost_negs.append((r, n, cs, ce, out))
        # Over-redaction: whitespace tokens that touch no gold or neutral span.
        covered = [False] * len(text)
        for cs, ce, _ in gold:
            for i in range(cs, ce):
                covered[i] = True
        for cs, ce in neutral:
            for i in range(cs, ce):
                covered[i] = True
        for m in re.finditer(r"\S+", text):
            a, z = m.span()
            if any(covered[a:z]):
                continue
            if not any(is_word_char(ch) for ch in text[a:z]):
                continue
            ok = all(mask[a:z])
            words.add(("all",), ok)
            words.add(("format", r["format"]), ok)
            if not ok:
                destroyed.append((r, a, z))
        if r["format"] in ("json", "ndjson"):
            try:
                json.loads(out)
                valid = True
            except ValueError:
                valid = False
            json_valid.add(("all",), valid)
            if valid:
                try:
                    src_leaves = json_scalars(text)
                    out_leaves = {p: out[a:z] for p, a, z in json_scalars(out)}
                except (ValueError, IndexError):
                    src_leaves, out_leaves = [], {}
                for path, a, z in src_leaves:
                    if any(covered[a:z]):
                        continue
                    same = out_leaves.get(path) == text[a:z]
                    fields.add(("all",), same)
                    if not same:
                        changed_fields.append((r["id"], path, text[a:z], out_leaves.get(path)))

    def fmt(t, k):
        v = t.pct(k)
        return "  n/a" if v != v else "%5.1f" % v

    name = ", ".join(os.path.basename(p) for p in args.corpus)
    lines = ["## %s (%d records, %d gold values)" % (name, len(records), recall.total[("all",)]), ""]
    lines.append("| entity | recall | n | spoken | n | written | n |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|")
    ents = sorted({k[1] for k in recall.total if k[0] == "entity"})
    for e in ents:
        row = "| %s | %s | %d" % (e, fmt(recall, ("entity", e)), recall.total[("entity", e)])
        for sp in ("spoken", "written"):
            k = ("entity_spoken", e, sp)
            row += " | %s | %d" % (fmt(recall, k), recall.total[k]) if recall.total[k] else " | | "
        lines.append(row + " |")
    lines.append("| **all** | **%s** | %d | %s | %d | %s | %d |" % (
        fmt(recall, ("all",)), recall.total[("all",)], fmt(recall, ("spoken",)),
        recall.total[("spoken",)], fmt(recall, ("written",)), recall.total[("written",)]))
    lines.append("")
    cues = [c for c in ("same", "prev", "none") if recall.total[("cue", c)]]
    if cues:
        lines.append("cue: " + ", ".join("%s %s%% (n=%d)" % (c, fmt(recall, ("cue", c)).strip(),
                                                             recall.total[("cue", c)]) for c in cues))
    fmts = sorted({k[1] for k in recall.total if k[0] == "format"})
    lines.append("by format: " + ", ".join("%s %s%%" % (f, fmt(recall, ("format", f)).strip())
                                            for f in fmts))
    lines.append("hard negatives kept: %s%% (n=%d); non-PHI words destroyed: %.2f%% (%d of %d)" % (
        fmt(negs, ("all",)).strip(), negs.total[("all",)],
        100.0 - words.pct(("all",)) if words.total[("all",)] else 0.0,
        words.total[("all",)] - words.hit[("all",)], words.total[("all",)]))
    if json_valid.total[("all",)]:
        lines.append("JSON outputs valid: %s%% (n=%d); non-PHI JSON fields unchanged: %s%% (n=%d)" % (
            fmt(json_valid, ("all",)).strip(), json_valid.total[("all",)],
            fmt(fields, ("all",)).strip(), fields.total[("all",)]))
    bad_negs = sorted(((negs.total[k] - negs.hit[k], k[1]) for k in negs.total if k[0] == "what"),
                      reverse=True)
    bad_negs = [(n, w) for n, w in bad_negs if n > 0][:8]
    if bad_negs:
        lines.append("negatives lost: " + ", ".join("%s %d" % (w, n) for n, w in bad_negs))
    print("\n".join(lines))

    if args.show_misses:
        shown = 0
        print("\n### misses")
        for r, s, cs, ce, mask in misses:
            if args.entity and s["entity"] != args.entity:
                continue
            text = r["text"]
            lo, hi = max(0, cs - 70), min(len(text), ce + 30)
            ctx = text[lo:cs] + "<<" + text[cs:ce] + ">>" + text[ce:hi]
            print("- %s %s %s cue=%s: %s" % (r["id"], s["entity"], s.get("form", ""),
                                            s.get("cue", ""), ctx.replace("\n", " / ")))
            shown += 1
            if shown >= args.show_misses:
                break
    if args.show_negatives:
        print("\n### lost negatives (input, then output)")
        for r, n, cs, ce, out in lost_negs[:args.show_negatives]:
            text = r["text"]
            lo, hi = max(0, cs - 90), min(len(text), ce + 30)
            print("- %s %s: %s" % (r["id"], n["what"], (text[lo:cs] + "<<" + text[cs:ce] + ">>" +
                                                        text[ce:hi]).replace("\n", " / ")))
            k = out.find(text[lo:lo + 20]) if lo < cs else 0
            print("  => %s" % out[max(0, k):max(0, k) + (hi - lo) + 20].replace("\n", " / "))
    if args.show_fields:
        print("\n### changed non-PHI JSON fields (id, path, input, output)")
        for rid, path, before, after in changed_fields[:args.show_fields]:
            print("- %s %s: %s\n  => %s" % (rid, path, before[:160], (after or "<missing>")[:160]))
    if args.show_destroyed:
        print("\n### destroyed words")
        for r, a, z in destroyed[:args.show_destroyed]:
            text = r["text"]
            lo, hi = max(0, a - 50), min(len(text), z + 30)
            print("- %s: %s" % (r["id"], (text[lo:a] + "<<" + text[a:z] + ">>" + text[z:hi]).replace("\n", " / ")))

    if args.json:
        res = {"corpus": name, "records": len(records),
               "recall": {"/".join(k): round(recall.pct(k), 2) for k in recall.total},
               "n": {"/".join(k): recall.total[k] for k in recall.total},
               "negatives_kept": round(negs.pct(("all",)), 2),
               "words_destroyed": round(100.0 - words.pct(("all",)), 3) if words.total[("all",)] else 0,
               "json_valid": round(json_valid.pct(("all",)), 2) if json_valid.total[("all",)] else None,
               "fields_unchanged": round(fields.pct(("all",)), 2) if fields.total[("all",)] else None}
        with open(args.json, "w") as f:
            json.dump(res, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
