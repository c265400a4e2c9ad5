#!/usr/bin/env bash
# Output equivalence of two phiscrub binaries: a performance change must not
# change a byte of what phiscrub writes. Runs REF and CAND over the bench
# corpora (10 MB application log as text and NDJSON, transcripts, vendor
# payloads), the independent accuracy corpora fed the way score.py feeds them
# (text lines, NDJSON, JSON via --format auto, transcripts separated by blank
# lines; written test with its roster as --dict too), tests/accuracy/corpus.jsonl
# the way evaluate.py feeds it, and examples/; compares redacted output,
# --findings and the exit code of every run.
#
#   bench/equivalence.sh REF_BINARY CAND_BINARY [WORKDIR]
#
# Build the reference from the commit the change is based on (a copy of its
# build/bin/phiscrub is enough: the packs and gazetteers are compiled in).
# WORKDIR (default /tmp/phiscrub-equivalence) keeps the generated inputs
# between runs. Exit 0 when every output is identical, 1 otherwise.
set -euo pipefail

if [[ $# -lt 2 ]]; then
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
REF=$(readlink -f "$1")
CAND=$(readlink -f "$2")
WORK=${3:-/tmp/phiscrub-equivalence}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
IN=$WORK/in
mkdir -p "$IN" "$WORK/out"

# Inputs: each case is a file IN/NAME.input and IN/NAME.args (one argument a
# line). Generated once per WORKDIR.
if [[ ! -f $IN/.complete ]]; then
  gen=$ROOT/bench/gen_corpus.py
  python3 "$gen" --size-mb 10 --seed 42 --phi-rate 0.05 > "$IN/applog.input"
  printf -- '--format\ntext\n' > "$IN/applog.args"
  cp "$IN/applog.input" "$IN/applog_3ent.input"
  printf -- '--entities\nUS_SSN,PHONE_NUMBER,EMAIL_ADDRESS\n' > "$IN/applog_3ent.args"
  cp "$IN/applog.input" "$IN/applog_dates_all.input"
  printf -- '--dates\nall\n' > "$IN/applog_dates_all.args"
  python3 "$gen" --size-mb 10 --seed 42 --phi-rate 0.05 --format ndjson > "$IN/ndjson.input"
  printf -- '--format\nndjson\n' > "$IN/ndjson.args"
  python3 "$gen" --size-mb 3 --seed 7 --phi-rate 0.2 --kind transcript > "$IN/transcript.input"
  printf -- '--format\ntranscript\n' > "$IN/transcript.args"
  cp "$IN/transcript.input" "$IN/transcript_as_text.input"
  printf -- '--format\ntext\n' > "$IN/transcript_as_text.args"
  python3 "$gen" --size-mb 3 --seed 7 --phi-rate 0.2 --kind payload > "$IN/payload.input"
  printf -- '--format\nauto\n' > "$IN/payload.args"
  python3 "$gen" --size-mb 2 --seed 9 --phi-rate 0.5 --record-bytes 4000 > "$IN/bigrecords.input"
  printf -- '--format\ntext\n' > "$IN/bigrecords.args"
  cp "$ROOT/examples/sample.log" "$IN/example_sample.input"
  : > "$IN/example_sample.args"
  cp "$ROOT/examples/sample.log" "$IN/example_sample_auto.input"
  printf -- '--format\nauto\n' > "$IN/example_sample_auto.args"
  python3 - "$ROOT" "$IN" <<'EOF'
import collections, json, os, sys
root, out = sys.argv[1], sys.argv[2]
fmt_args = {"text": ["--format", "text"], "ndjson": ["--format", "ndjson"],
            "json": ["--format", "auto"], "transcript": ["--format", "transcript"]}

def write(name, payload, args):
    with open(os.path.join(out, name + ".input"), "w", encoding="utf-8") as f:
        f.write(payload)
    with open(os.path.join(out, name + ".args"), "w") as f:
        f.write("".join(a + "\n" for a in args))

ind = os.path.join(root, "tests/accuracy/independent")
for corpus in ["spoken/dev", "spoken/test", "written/dev", "written/test", "presidio/presidio"]:
    with open(os.path.join(ind, corpus + ".jsonl"), encoding="utf-8") as f:
        recs = [json.loads(l) for l in f if l.strip()]
    groups = collections.OrderedDict()
    for r in recs:
        groups.setdefault((r["format"], r.get("profile") or ""), []).append(r)
    names = set()
    for r in recs:
        b = r["text"].encode("utf-8")
        for s in r["spans"]:
            if s["entity"] in ("NAME", "PERSON"):
                v = " ".join(b[s["start"]:s["end"]].decode("utf-8").split())
                if v and not any(ch.isdigit() for ch in v):
                    names.add(v)
    roster = os.path.join(out, corpus.replace("/", "_") + ".roster")
    with open(roster, "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(names)) + "\n")
    for (fmt, profile), rs in groups.items():
        sep = "\n\n" if fmt == "transcript" else "\n"
        payload = sep.join(r["text"] for r in rs) + "\n"
        base = "ind_%s_%s%s" % (corpus.replace("/", "_"), fmt, "_" + profile if profile else "")
        write(base, payload, fmt_args[fmt])
        if fmt == "transcript":  # the form a user without --format transcript has
            write(base + "_as_text", payload, ["--format", "text"])
        if corpus == "written/test":
            write(base + "_dict", payload, fmt_args[fmt] + ["--dict", roster])

with open(os.path.join(root, "tests/accuracy/corpus.jsonl"), encoding="utf-8") as f:
    recs = [json.loads(l) for l in f if l.strip()]
dict_names = os.path.join(root, "tests/accuracy/dict_names.txt")
for kind, args in [("text", []), ("ndjson", ["--format", "ndjson"])]:
    rs = [r["text"] for r in recs if (r["kind"] == "ndjson") == (kind == "ndjson")]
    write("corpus_" + kind, "\n".join(rs) + "\n", args + ["--dict", dict_names])
    write("corpus_" + kind + "_nodict", "\n".join(rs) + "\n", args)
EOF
  touch "$IN/.complete"
fi

fail=0
n=0
for args_file in "$IN"/*.args; do
  name=$(basename "$args_file" .args)
  mapfile -t args < "$args_file"
  for who in ref cand; do
    bin=$REF
    [[ $who == cand ]] && bin=$CAND
    rm -f "$WORK/out/$name.$who".*
    set +e
    "$bin" "${args[@]}" --findings "$WORK/out/$name.$who.findings" \
      < "$IN/$name.input" > "$WORK/out/$name.$who.out" 2> "$WORK/out/$name.$who.err"
    echo $? > "$WORK/out/$name.$who.rc"
    set -e
  done
  n=$((n + 1))
  for part in out findings rc; do
    a=$WORK/out/$name.ref.$part
    b=$WORK/out/$name.cand.$part
    if [[ -e $a || -e $b ]] && ! cmp -s "$a" "$b"; then
      echo "DIFF $name ($part): diff $a $b"
      fail=1
    fi
  done
done
if [[ $fail -eq 0 ]]; then
  echo "equivalence: $n cases identical (output, findings, exit code)"
fi
exit $fail
