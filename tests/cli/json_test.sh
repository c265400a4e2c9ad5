#!/usr/bin/env bash
# --format ndjson|json|auto end to end: a malformed line in the middle keeps
# line count and order, never leaks, and is counted; auto mixes text and JSON
# lines; output is identical at every thread count; findings carry JSON paths
# and no text; key files and their errors.
source "$(dirname "$0")/lib.sh"

valid_json_lines() {  # every non-blank line of $1 parses (jq when available)
  if ! command -v jq > /dev/null; then return 0; fi
  grep -v '^[[:space:]]*$' "$1" | jq -c . > /dev/null 2>&1
}

{
  echo '{"ts":"2026-11-22T10:31:02Z","msg":"Dana Reyes SSN 123-45-6789","latency_ms":12}'
  echo '{"user":{"phone":4155550132,"dob":"1990-03-03","email":"dana@example.com"}}'
  echo '{"broken": "SECRETMARKER 219-09-9999"'
  echo ''
  echo '{"tool":{"arguments":"{\"ssn\":\"219-09-9999\"}"},"n":[1,2,3]}'
  echo '{"note":"nothing here","ok":true}'
} > "$TMP/in.ndjson"

"$BIN" --format ndjson --stats --findings "$TMP/f.jsonl" "$TMP/in.ndjson" > "$TMP/out" 2> "$TMP/err"
expect_eq "exit" 0 $?
cat > "$TMP/want" <<'W'
{"ts":"2026-11-22T10:31:02Z","msg":"[PERSON] SSN [US_SSN]","latency_ms":12}
{"user":{"phone":"[PHONE_NUMBER]","dob":"[DATE_OF_BIRTH]","email":"[EMAIL_ADDRESS]"}}
{"phiscrub_error":"malformed_json"}

{"tool":{"arguments":"{\"ssn\":\"[US_SSN]\"}"},"n":[1,2,3]}
{"note":"nothing here","ok":true}
W
check "ndjson output" cmp -s "$TMP/out" "$TMP/want"
expect_eq "line count" "$(wc -l < "$TMP/in.ndjson")" "$(wc -l < "$TMP/out")"
check "every line valid JSON" valid_json_lines "$TMP/out"
check "malformed counted" grep -q 'malformed_json=1' "$TMP/err"
check "failed_closed total" grep -q 'failed_closed=1 ' "$TMP/err"
for s in SECRETMARKER 219-09-9999 123-45-6789 4155550132 1990-03-03 dana@example.com; do
  check "no $s in stdout" bash -c "! grep -q '$s' '$TMP/out'"
  check "no $s in stderr" bash -c "! grep -q '$s' '$TMP/err'"
  check "no $s in findings" bash -c "! grep -q '$s' '$TMP/f.jsonl'"
done
check "findings have paths" grep -q '"record":1,"path":"$.user.phone",' "$TMP/f.jsonl"
check "nested path" grep -q '"path":"$.tool.arguments|$.ssn"' "$TMP/f.jsonl"
check "key rule id" grep -q '"rule":"json.hipaa.dob"' "$TMP/f.jsonl"
check "findings are JSON" valid_json_lines "$TMP/f.jsonl"

# Threads and chunking do not change a byte.
python3 - "$TMP/big.ndjson" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(20000):
        if i % 500 == 7:
            f.write('{"broken": %d\n' % i)
        elif i % 3 == 0:
            f.write('{"i":%d,"msg":"call 415-555-01%02d","ssn":%d}\n' % (i, i % 100, 219099999))
        else:
            f.write('{"i":%d,"msg":"nothing %d","tags":["a","b"]}\n' % (i, i))
PY
"$BIN" --format ndjson --threads 1 "$TMP/big.ndjson" > "$TMP/t1"
"$BIN" --format ndjson --threads 2 "$TMP/big.ndjson" > "$TMP/t2"
cat "$TMP/big.ndjson" | "$BIN" --format ndjson --threads 2 > "$TMP/t3"
check "threads 1 == 2" cmp -s "$TMP/t1" "$TMP/t2"
check "stdin == file" cmp -s "$TMP/t1" "$TMP/t3"
expect_eq "big line count" 20000 "$(wc -l < "$TMP/t1")"
expect_eq "big placeholders" 40 "$(grep -c '^{"phiscrub_error":"malformed_json"}$' "$TMP/t1")"
check "big no phone" bash -c "! grep -q '555-01' '$TMP/t1'"

# auto: JSON-looking lines that parse are JSON, everything else is text.
printf '%s\n' 'plain SSN 123-45-6789 "quoted"' '{"ssn":123456789,"msg":"ok"}' \
  '[INFO] call 415-555-0132' '  ["dana@example.com"]' > "$TMP/mixed"
"$BIN" --format auto "$TMP/mixed" > "$TMP/o_auto"
printf '%s\n' 'plain SSN [US_SSN] "quoted"' '{"ssn":"[US_SSN]","msg":"ok"}' \
  '[INFO] call [PHONE_NUMBER]' '  ["[EMAIL_ADDRESS]"]' > "$TMP/w_auto"
check "auto mixes text and JSON" cmp -s "$TMP/o_auto" "$TMP/w_auto"

# json: one document over several lines.
printf '{\n  "patient": {"ssn": "123-45-6789",\n    "note": "call 415-555-0132"}\n}\n' > "$TMP/doc.json"
"$BIN" --format json "$TMP/doc.json" > "$TMP/o_json"
printf '{\n  "patient": {"ssn": "[US_SSN]",\n    "note": "call [PHONE_NUMBER]"}\n}\n' > "$TMP/w_json"
check "json document" cmp -s "$TMP/o_json" "$TMP/w_json"
out=$("$BIN" --format json --max-record 10 "$TMP/doc.json")
expect_eq "json oversize" '{"phiscrub_error":"oversize"}' "$out"

# Text mode is untouched by JSON-looking lines.
out=$(echo '{"ssn":"plain","msg":"SSN 123-45-6789"}' | "$BIN")
expect_eq "text mode" '{"ssn":"plain","msg":"SSN [US_SSN]"}' "$out"

# Key files.
cat > "$TMP/keys.yaml" <<'Y'
placeholder: '{"error":"{reason}","by":"phiscrub"}'
rules:
  - {path: "$.call_log[*].content", action: redact, entity: TRANSCRIPT}
  - {key: trace_id, action: skip}
Y
printf '%s\n' '{"call_log":[{"role":"user","content":"hi it is Dana"}],"trace_id":"219-09-9999"}' \
  '{"bad":' | "$BIN" --format ndjson --json-keys "$TMP/keys.yaml" > "$TMP/o_keys"
printf '%s\n' '{"call_log":[{"role":"user","content":"[TRANSCRIPT]"}],"trace_id":"219-09-9999"}' \
  '{"error":"malformed_json","by":"phiscrub"}' > "$TMP/w_keys"
check "key file rules and placeholder" cmp -s "$TMP/o_keys" "$TMP/w_keys"
out=$(echo '{"bad":' | "$BIN" --format ndjson --json-placeholder '{"e":"{reason}"}')
expect_eq "--json-placeholder" '{"e":"malformed_json"}' "$out"

printf 'rules:\n  - {key: a, action: hide}\n' > "$TMP/bad.yaml"
"$BIN" --format ndjson --json-keys "$TMP/bad.yaml" < /dev/null > /dev/null 2> "$TMP/kerr"
expect_eq "bad key file exit" 78 $?
check "bad key file named" grep -q "bad.yaml" "$TMP/kerr"
"$BIN" --format ndjson --json-keys "$TMP/nope.yaml" < /dev/null > /dev/null 2> /dev/null
expect_eq "missing key file exit" 78 $?
"$BIN" --format ndjson --json-placeholder 'not json' < /dev/null > /dev/null 2> /dev/null
expect_eq "bad placeholder exit" 78 $?
"$BIN" --format yaml < /dev/null > /dev/null 2> /dev/null
expect_eq "bad format exit" 2 $?
"$BIN" validate --json-keys "$TMP/keys.yaml" > /dev/null 2>&1
expect_eq "validate key file" 0 $?
"$BIN" validate --json-keys "$TMP/bad.yaml" > /dev/null 2>&1
expect_eq "validate bad key file" 78 $?

# Profiles: --format <profile> takes one payload per input; --profile adds
# a profile to ndjson; aligned transcripts give audio times in findings.
G="$(dirname "$0")/../golden"
"$BIN" --format deepgram --findings "$TMP/fdg.jsonl" "$G/deepgram/prerecorded.in" > /dev/null
check "deepgram audio times" grep -q '"audio_start":1.600,"audio_end":3.900' "$TMP/fdg.jsonl"
check "deepgram findings are JSON" valid_json_lines "$TMP/fdg.jsonl"
check "no number in deepgram findings" bash -c "! grep -q '555' '$TMP/fdg.jsonl'"
tr -d '\n' < "$G/retell/call_analyzed.in" > "$TMP/retell.ndjson"; echo >> "$TMP/retell.ndjson"
tr -d '\n' < "$G/retell/call_analyzed.in" >> "$TMP/retell.ndjson"; echo >> "$TMP/retell.ndjson"
"$BIN" --format ndjson --profile retell "$TMP/retell.ndjson" > "$TMP/o_retell"
expect_eq "retell ndjson lines" 2 "$(wc -l < "$TMP/o_retell")"
check "retell ndjson valid" valid_json_lines "$TMP/o_retell"
check "retell ndjson redacted" bash -c "! grep -q '219-09-9999\|555-0132\|+1415' '$TMP/o_retell'"
check "retell words aligned" grep -q '"word": "\[US_SSN\]", "start": 3.7' "$TMP/o_retell"
# auto: vendor payloads get their profile, other JSON lines do not.
{ tr -d '\n' < "$G/vapi/end_of_call_report.in"; echo; echo '{"caller_id_name":"front desk"}'; } \
  | "$BIN" --format auto > "$TMP/o_auto_vendor"
check "auto detects vapi" bash -c "head -1 '$TMP/o_auto_vendor' | grep -q '\"name\": \"\[PERSON\]\"'"
expect_eq "auto leaves plain JSON" '{"caller_id_name":"front desk"}' "$(sed -n 2p "$TMP/o_auto_vendor")"
# json and ndjson detect vendor payloads too: a Transcribe or Deepgram word
# list loses what its transcript loses, whatever format was named.
"$BIN" --format json "$G/deepgram/prerecorded.in" > "$TMP/o_dg_json"
check "json detects deepgram" cmp -s "$TMP/o_dg_json" "$G/deepgram/prerecorded.out"
tr -d '\n' < "$G/transcribe/batch.in" > "$TMP/tb.ndjson"; echo >> "$TMP/tb.ndjson"
"$BIN" --format ndjson "$TMP/tb.ndjson" > "$TMP/o_tb"
"$BIN" --format ndjson --profile transcribe "$TMP/tb.ndjson" > "$TMP/o_tb_profile"
check "ndjson detects transcribe" cmp -s "$TMP/o_tb" "$TMP/o_tb_profile"
# A whole Deepgram transcript is a conversation: the question earlier in the
# string asks for the answer after it, aligned words included.
printf '%s\n' '{"metadata":{"request_id":"r1"},"results":{"channels":[{"alternatives":[{"transcript":"Hi, thanks for calling the clinic. What MRN do you have for the patient? That would be 00778259. Thanks.","confidence":0.9,"words":[{"word":"what","start":0.1,"end":0.2},{"word":"mrn","start":0.2,"end":0.3},{"word":"that","start":1.0,"end":1.1},{"word":"would","start":1.1,"end":1.2},{"word":"be","start":1.2,"end":1.3},{"word":"00778259","start":1.3,"end":1.9},{"word":"thanks","start":2.0,"end":2.2}]}]}]}}' \
  | "$BIN" --format auto > "$TMP/o_dg_conv"
check "deepgram transcript answers" bash -c "! grep -q '00778259' '$TMP/o_dg_conv'"
check "deepgram transcript valid" valid_json_lines "$TMP/o_dg_conv"
"$BIN" --format ndjson --profile twilio < /dev/null > /dev/null 2>&1
expect_eq "unknown profile exit" 2 $?
"$BIN" validate --profile vapi > /dev/null 2>&1
expect_eq "validate profile" 0 $?

finish
