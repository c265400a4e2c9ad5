#!/usr/bin/env bash
# Fail closed: oversize lines and invalid UTF-8 never come out raw; records in
# equal records out, in order; nothing leaks to stderr.
source "$(dirname "$0")/lib.sh"

{
  echo "first 123-45-6789"
  printf 'SECRETMARKER SSN 219-09-9999 %0500d\n' 0
  echo "third dana@example.com"
  printf 'bad \xff\xfe SSN 219-09-9999 OTHERMARKER\n'
  echo "fifth"
} > "$TMP/in"
"$BIN" --max-record 200 --stats "$TMP/in" > "$TMP/out" 2> "$TMP/err"
expect_eq "exit" 0 $?
cat > "$TMP/want" <<'W'
first [US_SSN]
[PHISCRUB_WITHHELD reason=oversize]
third [EMAIL_ADDRESS]
[PHISCRUB_WITHHELD reason=invalid_utf8]
fifth
W
check "placeholders in order" cmp -s "$TMP/out" "$TMP/want"
check "failed closed counted" grep -q 'failed_closed=2 ' "$TMP/err"
check "reasons counted" grep -q 'oversize=1 invalid_utf8=1' "$TMP/err"
for s in SECRETMARKER OTHERMARKER 219-09-9999; do
  check "no $s in stdout" bash -c "! grep -q '$s' '$TMP/out'"
  check "no $s in stderr" bash -c "! grep -q '$s' '$TMP/err'"
done

# Oversize at every thread count and chunking; a huge line streams by in bounded memory.
for t in 1 2; do
  out=$( { echo a; head -c 3000000 /dev/zero | tr '\0' 'x'; echo; echo b; } | "$BIN" --threads $t --max-record 1000)
  expect_eq "huge line threads=$t" "$(printf 'a\n[PHISCRUB_WITHHELD reason=oversize]\nb')" "$out"
done

# --scan-invalid-utf8 scans bytes instead.
printf 'bad \xff SSN 219-09-9999\n' | "$BIN" --scan-invalid-utf8 > "$TMP/o2"
printf 'bad \xff SSN [US_SSN]\n' > "$TMP/w2"
check "scan invalid utf8 as bytes" cmp -s "$TMP/o2" "$TMP/w2"

finish
