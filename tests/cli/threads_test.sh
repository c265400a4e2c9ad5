#!/usr/bin/env bash
# Threads: --threads 4 gives the same bytes as --threads 1 in every line
# format (text, ndjson, transcript, auto), findings included, from a file and
# from a pipe. Labelled `threads`: make test-tsan runs it under ThreadSanitizer.
# All values are fictitious (555-01xx phones, made-up SSNs).
source "$(dirname "$0")/lib.sh"

# PHISCRUB_THREADS_TEST_MB sizes the inputs (default about 1 MB per format).
python3 - "$TMP" "${PHISCRUB_THREADS_TEST_MB:-1}" <<'PY'
import json, random, sys
tmp, mb = sys.argv[1], float(sys.argv[2])
limit = int(mb * 1000000)
r = random.Random(14)
phi = ["SSN 123-45-6789", "call (415) 555-0132", "dana.x@example.com",
       "SSN: 219099999", "+1 212 555 0175 ext. 12", "MRN: 00123456",
       "DOB 03/14/1961", "member id W263233008"]
def text_line(i):
    k = r.random()
    if k < 0.03: return ""
    if k < 0.06: return "crlf %s\r" % r.choice(phi)
    if k < 0.35: return "x %s y %d" % (r.choice(phi), r.randint(0, 10**9))
    return "2026-11-22T10:31:%02d.%03dZ INFO req=%d took %dms" % (
        r.randint(0, 59), r.randint(0, 999), i, r.randint(1, 999))
def json_line(i):
    k = r.random()
    if k < 0.01: return '{"broken": %d' % i
    if k < 0.4:
        return json.dumps({"i": i, "msg": "caller says " + r.choice(phi),
                           "phone": "415-555-01%02d" % r.randint(0, 99),
                           "patient_ssn": 123456789, "tags": ["a", "b"]})
    return json.dumps({"i": i, "msg": "nothing %d" % i, "ok": True})
turns = [("Agent", "Can I have your date of birth?"), ("Caller", "march fourteenth nineteen sixty one"),
         ("Agent", "And your phone number?"), ("Caller", "four one five five five five zero one three two"),
         ("Agent", "What's the last four of your social?"), ("Caller", "six seven eight nine"),
         ("Agent", "Thanks, anything else?"), ("Caller", "my SSN is 123-45-6789 if you need it"),
         ("Agent", "Got it, have a good day."), ("Caller", "bye")]
def transcript_lines():
    out = []
    for a, b in turns[:r.randint(2, len(turns))]:
        out.append("%s: %s" % (a, b))
    out.append("")
    return out
def write(name, gen):
    n, i, lines = 0, 0, []
    while n < limit:
        got = gen(i)
        for line in (got if isinstance(got, list) else [got]):
            lines.append(line)
            n += len(line) + 1
        i += 1
    with open("%s/%s" % (tmp, name), "w") as f:
        f.write("\n".join(lines))
        f.write("\ntail 123-45-6789")  # no final newline
write("text", text_line)
write("ndjson", json_line)
write("transcript", lambda i: transcript_lines())
def mixed(i):
    k = r.random()
    if k < 0.3: return json_line(i)
    if k < 0.5: return transcript_lines()
    return text_line(i)
write("auto", mixed)
PY

for fmt in text ndjson transcript auto; do
  in="$TMP/$fmt"
  "$BIN" --format $fmt --threads 1 --findings "$TMP/f1" "$in" > "$TMP/o1"
  expect_eq "$fmt threads 1 exit" 0 $?
  "$BIN" --format $fmt --threads 4 --findings "$TMP/f4" "$in" > "$TMP/o4"
  expect_eq "$fmt threads 4 exit" 0 $?
  check "$fmt: threads 4 output identical to 1" cmp -s "$TMP/o1" "$TMP/o4"
  check "$fmt: threads 4 findings identical to 1" cmp -s "$TMP/f1" "$TMP/f4"
  cat "$in" | "$BIN" --format $fmt --threads 4 > "$TMP/p4"
  check "$fmt: pipe identical to file" cmp -s "$TMP/o1" "$TMP/p4"
  expect_eq "$fmt: line count kept" "$(wc -l < "$in")" "$(wc -l < "$TMP/o1")"
  check "$fmt: no SSN left" bash -c "! grep -q '123-45-6789' '$TMP/o1'"
  check "$fmt: no phone left" bash -c "! grep -q '555-01[0-9][0-9]' '$TMP/o1'"
  check "$fmt: something redacted" test -s "$TMP/f1"
done

finish
