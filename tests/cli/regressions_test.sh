#!/usr/bin/env bash
# Regression tests for the fail-open and policy defects of the reliability
# audit (issue 14, part 1). Each block is named after what broke; every value
# is fictitious.
source "$(dirname "$0")/lib.sh"

# --- 1. auto_malformed_json_fails_open --------------------------------------
# A line that starts with '{' but does not parse was scanned as raw text:
# escapes not decoded, key rules skipped.
out=$(printf '{"m":"SSN 123\\u002d45\\u002d6789","n":1e999}\n{"diagnosis":"HIV positive",}\n' \
      | "$BIN" --format auto)
check "auto: escaped SSN in malformed JSON redacted" bash -c "! grep -q '6789' <<< '$out'"
check "auto: key rule applied to malformed JSON" bash -c "! grep -q 'HIV' <<< '$out'"
expect_eq "auto: records in = records out" 2 "$(printf '%s\n' "$out" | wc -l)"
out=$(printf '{"ssn": 123456789, "note": "call 415\\u002d555\\u002d0132",\n' | "$BIN" --format auto)
check "auto: truncated JSON, number under a key rule" bash -c "! grep -q '123456789' <<< '$out'"
check "auto: truncated JSON, escaped phone" bash -c "! grep -q '0132' <<< '$out'"
out=$(printf '[INFO] plain log line 123-45-6789\n' | "$BIN" --format auto)
expect_eq "auto: log line that only looks like JSON" "[INFO] plain log line [US_SSN]" "$out"
# Text mode decodes JSON escapes too (a JSON string logged inside a line).
out=$(printf 'payload={\\"ssn\\":\\"123\\\\u002d45\\\\u002d6789\\"}\n' | "$BIN")
check "text: escaped SSN in a logged JSON string" bash -c "! grep -q '6789' <<< '$out'"

# --- 2. negative_word_suppresses_cueless_ssn --------------------------------
expect_eq "negative word after a valid SSN" "my number is [US_SSN] in case you need it" \
  "$(echo 'my number is 123-45-6789 in case you need it' | "$BIN")"
expect_eq "negative word labels its own number" \
  "Agent: Okay [US_SSN] , the invoice number is 567825561?" \
  "$(echo 'Agent: Okay 123-45-6789 , the invoice number is 567825561?' | "$BIN")"
# ...and still labels the number it is attached to.
expect_eq "attached negative word keeps an order number" "order 123-45-6789 shipped" \
  "$(echo 'order 123-45-6789 shipped' | "$BIN")"
expect_eq "attached negative phrase" "invoice number 078-05-1120 paid" \
  "$(echo 'invoice number 078-05-1120 paid' | "$BIN")"

# --- 3. json_numbers_under_context_keys_kept --------------------------------
out=$(echo '{"patient_ssn":123456789,"callbackNumber":4155550132,"mobile":4155550132,"ms":1234,"ts":1700000000}' \
      | "$BIN" --format ndjson)
expect_eq "numbers under context keys" \
  '{"patient_ssn":"[US_SSN]","callbackNumber":"[PHONE_NUMBER]","mobile":"[PHONE_NUMBER]","ms":1234,"ts":1700000000}' \
  "$out"
check "numbers: output is valid JSON" python3 -c "import json,sys; json.loads(sys.argv[1])" "$out"

# --- 4. write_errors_ignored -------------------------------------------------
echo 'SSN 123-45-6789' > "$TMP/a.txt"
if [ -w /dev/full ]; then
  "$BIN" "$TMP/a.txt" > /dev/full 2> "$TMP/err"; expect_eq "stdout /dev/full exit" 2 $?
  check "stdout write error named" grep -q "write error on stdout" "$TMP/err"
  check "write error message carries no content" bash -c "! grep -q 6789 '$TMP/err'"
  "$BIN" --findings /dev/full "$TMP/a.txt" > /dev/null 2> "$TMP/err"
  expect_eq "findings /dev/full exit" 2 $?
  check "findings write error named" grep -q "findings file" "$TMP/err"
fi
# A closed reader is still a quiet end.
out=$(yes 'SSN 123-45-6789' | head -c 2000000 | "$BIN" | head -1; echo "rc=${PIPESTATUS[2]}")
expect_eq "closed stdout is quiet" "$(printf 'SSN [US_SSN]\nrc=0')" "$out"

# --- 7. json_nested_deeper_than_limit_scanned_raw ----------------------------
python3 - > "$TMP/deep.ndjson" <<'PY'
import json
v = '{"m":"SSN 123\\u002d45\\u002d6789 mail dana%40example.com"}'
for depth in range(6):
    v = json.dumps({"inner": v})
    print(v)
PY
"$BIN" --format ndjson "$TMP/deep.ndjson" > "$TMP/deep.out"
check "deep nesting: no SSN digits" bash -c "! grep -q '6789' '$TMP/deep.out'"
check "deep nesting: outputs stay valid JSON" python3 -c "
import json,sys
for l in open(sys.argv[1]): json.loads(l)" "$TMP/deep.out"
expect_eq "deep nesting: records in = out" 6 "$(wc -l < "$TMP/deep.out")"

# --- 8. partial_outputs_short_values_whole -----------------------------------
pol() { echo "$1" > "$TMP/pol.yaml"; printf '%s\n' "$2" | "$BIN" --policy "$TMP/pol.yaml" 2>&1; }
expect_eq "partial: a short value is masked whole" "age ** years old" \
  "$(pol 'default: {action: partial, keep: 4}' 'age 92 years old')"
expect_eq "partial: long values keep their last four" "SSN ***-**-6789" \
  "$(pol 'default: {action: partial, keep: 4}' 'SSN 123-45-6789')"
echo 'default: {action: partial, keep: 40}' > "$TMP/pol.yaml"
printf 'SSN 123-45-6789\n' | "$BIN" --policy "$TMP/pol.yaml" > "$TMP/o" 2> "$TMP/err"
expect_eq "partial: keep 40 is a configuration error" 78 $?
check "partial: nothing written with a bad keep" test ! -s "$TMP/o"

# --- 9. email_inside_url_wins_over_url ---------------------------------------
expect_eq "userinfo URL is one span" "[URL]" \
  "$(printf 'https://dana:123-45-6789@portal.example.org/patient/12345\n' | "$BIN")"
out=$(printf 'db postgres://dana:s3cret@db.example.internal:5432/app\n' | "$BIN")
check "credentials in any scheme redacted" bash -c "! grep -q 's3cret' <<< '$out'"

# --- 10. max_record_suffix / json_oversize_newline ---------------------------
expect_eq "--max-record 1M" "[US_SSN]" "$(echo '123-45-6789' | "$BIN" --max-record 1M --entities US_SSN)"
expect_eq "--max-record 64K" "ok" "$(echo 'ok' | "$BIN" --max-record 64K)"
echo x | "$BIN" --max-record 2G > /dev/null 2>&1; expect_eq "--max-record over 1G" 2 $?
echo x | "$BIN" --max-record 1Q > /dev/null 2>&1; expect_eq "--max-record bad suffix" 2 $?
printf '{"a":"SSN 123-45-6789"}\n' | "$BIN" --format json --max-record 10 > "$TMP/o"
expect_eq "json oversize placeholder keeps the newline" 1 "$(wc -l < "$TMP/o")"
printf '{"a":\n' | "$BIN" --format json > "$TMP/o"
expect_eq "json malformed placeholder keeps the newline" '{"phiscrub_error":"malformed_json"}' "$(cat "$TMP/o")"
expect_eq "json malformed: 1 newline in, 1 out" 1 "$(wc -l < "$TMP/o")"
# Options may follow file names.
expect_eq "options after files" "SSN [US_SSN]" "$("$BIN" "$TMP/a.txt" --threads 1)"

finish
