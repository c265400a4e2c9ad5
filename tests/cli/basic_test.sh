#!/usr/bin/env bash
# The CLI end to end: redaction, exit codes, config errors, policies, findings.
source "$(dirname "$0")/lib.sh"

out=$(printf 'SSN 123-45-6789, call (415) 555-0132\n' | "$BIN")
expect_eq "issue example" "SSN [US_SSN], call [PHONE_NUMBER]" "$out"

# Files and stdin, '-' in the middle, byte identity outside spans, no final newline kept.
printf 'a dana@example.com\n' > "$TMP/a"
printf 'plain line\r\nlast 219-09-9999' > "$TMP/b"
printf 'from stdin\n' | "$BIN" "$TMP/a" - "$TMP/b" > "$TMP/out"
printf 'a [EMAIL_ADDRESS]\nfrom stdin\nplain line\r\nlast [US_SSN]' > "$TMP/want"
check "files, stdin and byte identity" cmp -s "$TMP/out" "$TMP/want"

# Empty input.
out=$(printf '' | "$BIN"; echo "rc=$?")
expect_eq "empty input" "rc=0" "$out"

# --check
printf 'clean line\n' | "$BIN" --check > /dev/null; expect_eq "--check clean" 0 $?
printf 'SSN 123-45-6789\n' | "$BIN" --check > /dev/null; expect_eq "--check found" 1 $?

# Usage and I/O errors: exit 2, message names the file, never input.
"$BIN" --no-such-option < /dev/null > /dev/null 2>&1; expect_eq "unknown option" 2 $?
"$BIN" --threads 0 < /dev/null > /dev/null 2>&1; expect_eq "--threads 0" 2 $?
"$BIN" "$TMP/missing.log" > /dev/null 2> "$TMP/err"; expect_eq "missing file" 2 $?
check "missing file named" grep -q "missing.log" "$TMP/err"
"$BIN" --version | grep -q '^phiscrub '; expect_eq "--version" 0 $?
"$BIN" --help | grep -q 'Exit codes'; expect_eq "--help" 0 $?

# validate: ok with the built-in packs, 78 with every problem named.
"$BIN" validate > "$TMP/v"; expect_eq "validate ok" 0 $?
check "validate prints ok" grep -q '^ok: ' "$TMP/v"
mkdir -p "$TMP/bad"
cat > "$TMP/bad/pack.yaml" <<'YAML'
rules:
  - {id: bad.paren, entity: X, pattern: '('}
  - {id: bad.validator, entity: X, pattern: 'abc', validator: nosuch}
YAML
"$BIN" validate --rules "$TMP/bad" > /dev/null 2> "$TMP/err"; expect_eq "validate bad pack" 78 $?
check "diag names file" grep -q "$TMP/bad/pack.yaml" "$TMP/err"
check "diag names rule" grep -q "bad.paren" "$TMP/err"
check "diag names pattern" grep -qF "[pattern: (]" "$TMP/err"
check "diag lists every problem" grep -q "bad.validator" "$TMP/err"
printf 'x\n' | "$BIN" --rules "$TMP/bad" > /dev/null 2>&1; expect_eq "redact with bad pack" 78 $?
echo 'default: {action: explode}' > "$TMP/p.yaml"
printf 'x\n' | "$BIN" --policy "$TMP/p.yaml" > /dev/null 2>&1; expect_eq "bad policy" 78 $?

# Hash: refuses without key; stable tokens that join across spellings.
echo 'entities: {US_SSN: hash}' > "$TMP/hash.yaml"
printf 'x\n' | env -u PHISCRUB_HASH_KEY_FILE "$BIN" --policy "$TMP/hash.yaml" > /dev/null 2> "$TMP/err"
expect_eq "hash without key" 78 $?
check "hash error mentions flag" grep -q -- "--hash-key-file" "$TMP/err"
printf '0123456789abcdef0123456789abcdef' > "$TMP/key"
out=$(printf 'SSN 123-45-6789\nSSN 123 45 6789\n' | "$BIN" --policy "$TMP/hash.yaml" --hash-key-file "$TMP/key")
t1=$(echo "$out" | sed -n 1p); t2=$(echo "$out" | sed -n 2p)
check "hash token shape" grep -qE '^SSN <US_SSN:k1:[0-9a-f]{12}>$' <<< "$t1"
expect_eq "hash joins spellings" "$t1" "$t2"
out2=$(printf 'SSN 123-45-6789\n' | PHISCRUB_HASH_KEY_FILE="$TMP/key" "$BIN" --policy "$TMP/hash.yaml")
expect_eq "hash stable across runs and env key" "$t1" "$out2"

# Other policies.
pol() { echo "$1" > "$TMP/pol.yaml"; printf '%s\n' "$2" | "$BIN" --policy "$TMP/pol.yaml"; }
expect_eq "mask" "SSN ***-**-****" "$(pol 'default: mask' 'SSN 123-45-6789')"
expect_eq "partial" "SSN ***-**-6789" "$(pol 'entities: {US_SSN: {action: partial, keep: 4}}' 'SSN 123-45-6789')"
expect_eq "drop" "SSN ." "$(pol 'default: drop' 'SSN 123-45-6789.')"
expect_eq "label template" "SSN <US_SSN>" "$(pol "default: {action: label, template: '<{type}>'}" 'SSN 123-45-6789')"

# User packs: disable a built-in rule by id, add a new rule.
mkdir -p "$TMP/user"
cat > "$TMP/user/p.yaml" <<'YAML'
rules:
  - id: us_ssn.formatted
    disabled: true
  - id: test.badge
    entity: BADGE_ID
    pattern: '\bBADGE-\d{6}\b'
    score: 0.9
    examples: {match: ["BADGE-123456"], no_match: ["BADGE-12"]}
YAML
expect_eq "disabled rule" "id 123-45-6789 [BADGE_ID]" \
  "$(printf 'id 123-45-6789 BADGE-123456\n' | "$BIN" --rules "$TMP/user")"

# Findings: JSON lines with offsets, never the text; stats without input.
printf 'nothing here\nSSN 123-45-6789 and dana@example.com\n' > "$TMP/in"
"$BIN" --findings "$TMP/f.jsonl" --stats "$TMP/in" > /dev/null 2> "$TMP/stats"
check "findings never hold text" bash -c "! grep -q -e 6789 -e dana '$TMP/f.jsonl'"
python3 - "$TMP/f.jsonl" "$TMP/in" <<'PY' || fail "findings JSON"
import json, sys
lines = open(sys.argv[2], 'rb').read().split(b'\n')
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 2, rows
for r in rows:
    assert set(r) == {"record", "start", "end", "entity", "rule", "score", "action"}, r
got = {r["entity"]: lines[r["record"]][r["start"]:r["end"]] for r in rows}
assert got == {"US_SSN": b"123-45-6789", "EMAIL_ADDRESS": b"dana@example.com"}, got
assert all(r["record"] == 1 and r["action"] == "label" for r in rows)
PY
ok
check "stats records" grep -q 'records=2 ' "$TMP/stats"
check "stats findings" grep -q 'findings=2 ' "$TMP/stats"
check "stats per entity" grep -q 'findings_by_entity.*US_SSN=1' "$TMP/stats"
check "stats MB/s" grep -q 'MB/s=' "$TMP/stats"
check "stats carry no input" bash -c "! grep -q -e 6789 -e dana -e nothing '$TMP/stats'"

# --entities: only the named types; an unknown type is a config error.
out=$(printf 'SSN 123-45-6789, call (415) 555-0132, dana@example.com\n' | "$BIN" --entities US_SSN,EMAIL_ADDRESS)
expect_eq "--entities filters" "SSN [US_SSN], call (415) 555-0132, [EMAIL_ADDRESS]" "$out"
printf 'x\n' | "$BIN" --entities US_SSN,NO_SUCH > /dev/null 2> "$TMP/err"; expect_eq "--entities unknown" 78 $?
check "--entities unknown named" grep -q "NO_SUCH" "$TMP/err"

# --dict: names (PERSON by default, TYPE=FILE for others).
printf 'Dana Reyes\n' > "$TMP/names.txt"; printf 'Kim Oduya\n' > "$TMP/prov.txt"
out=$(printf 'call from dana reyes for Dr. Kim Oduya\n' | "$BIN" --dict "$TMP/names.txt" --dict PROVIDER="$TMP/prov.txt")
expect_eq "--dict" "call from [PERSON] for Dr. [PROVIDER]" "$out"
out=$(printf 'dana reyes SSN 123-45-6789\n' | "$BIN" --dict "$TMP/names.txt" --entities US_SSN)
expect_eq "--entities filters dictionaries" "dana reyes SSN [US_SSN]" "$out"
out=$(printf 'dana reyes SSN 123-45-6789\n' | "$BIN" --dict "$TMP/names.txt" --entities PERSON)
expect_eq "--entities keeps a named dictionary" "[PERSON] SSN 123-45-6789" "$out"
printf 'x\n' | "$BIN" --dict "$TMP/nope.txt" > /dev/null 2> "$TMP/err"; expect_eq "--dict missing file" 78 $?

# --dates: birth (default) keeps other dates; all redacts every date.
out=$(printf 'DOB 03/15/1985, seen 2026-03-15\n' | "$BIN")
expect_eq "--dates birth" "DOB [DATE_OF_BIRTH], seen 2026-03-15" "$out"
out=$(printf 'DOB 03/15/1985, seen 2026-03-15\n' | "$BIN" --dates all)
expect_eq "--dates all" "DOB [DATE_OF_BIRTH], seen [DATE]" "$out"
"$BIN" --dates some < /dev/null > /dev/null 2>&1; expect_eq "--dates bad" 2 $?

# bench: measures a file, prints numbers and never its text; JSON form parses.
printf 'SSN 123-45-6789 for Dana\nplain line\n' > "$TMP/b.log"
"$BIN" bench --threads 1 "$TMP/b.log" > "$TMP/bench" 2>&1; expect_eq "bench exit" 0 $?
check "bench MB/s" grep -q 'MB/s' "$TMP/bench"
check "bench latency" grep -q 'p99' "$TMP/bench"
check "bench findings" grep -q 'US_SSN=1' "$TMP/bench"
check "bench carries no input" bash -c "! grep -q -e 6789 -e Dana -e plain '$TMP/bench'"
"$BIN" bench --json "$TMP/b.log" > "$TMP/bench.json"
check "bench --json parses" python3 -c "import json,sys; d=json.load(open('$TMP/bench.json')); assert d['records']==2 and d['findings_by_entity']['US_SSN']==1"
"$BIN" bench - < "$TMP/b.log" > /dev/null 2>&1; expect_eq "bench refuses stdin" 2 $?
# Records that carry context (transcript turns, a value under a label line)
# are timed with their context (a crash before the fix).
for i in $(seq 1 400); do printf 'Agent: Can I have your date of birth?\nCaller: march fifth nineteen eighty two\nPhone:\n467 3395\n'; done > "$TMP/b_ctx.txt"
"$BIN" bench --threads 1 --format transcript "$TMP/b_ctx.txt" > "$TMP/bench_ctx" 2>&1; expect_eq "bench transcript context" 0 $?
"$BIN" bench --threads 1 "$TMP/b_ctx.txt" > "$TMP/bench_lbl" 2>&1; expect_eq "bench label context" 0 $?
check "bench context findings" grep -q 'DATE_OF_BIRTH=400' "$TMP/bench_ctx"
# --no-spoken (what make bench compares against): written forms only.
"$BIN" bench --threads 1 --format transcript --no-spoken "$TMP/b_ctx.txt" > "$TMP/bench_ws" 2>&1
check "bench --no-spoken drops spoken dates" bash -c "! grep -q 'DATE_OF_BIRTH=' '$TMP/bench_ws'"
out="$(printf 'Caller: my social is one two three four five six seven eight nine, or 123-45-6789\n' | "$BIN" --format transcript --no-spoken)"
expect_eq "--no-spoken keeps written" "Caller: my social is one two three four five six seven eight nine, or [US_SSN]" "$out"
# bench --format ndjson runs the JSON redactor (nothing fails closed) and times it.
printf '{"user":{"ssn":"123-45-6789"},"msg":"call 415-555-0132"}\n{"ok":true}\n' > "$TMP/b.ndjson"
"$BIN" bench --json --format ndjson "$TMP/b.ndjson" > "$TMP/bench-nd.json"
check "bench --format ndjson redacts JSON" python3 -c "import json; d=json.load(open('$TMP/bench-nd.json')); assert d['failed_closed']==0 and d['findings_by_entity']['US_SSN']==1 and d['findings_by_entity']['PHONE_NUMBER']==1 and d['latency_ns']['sampled']==2, d"

finish
