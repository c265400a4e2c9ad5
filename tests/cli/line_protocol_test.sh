#!/usr/bin/env bash
# rsyslog's line protocols: --mmexternal (one JSON reply per line, with the
# $!phiscrub marker, never the input) and --omprog-confirm (OK handshake).
# The real rsyslog runs these in tests/shippers; here the protocol itself.
source "$(dirname "$0")/lib.sh"

# interface.input="msg": one reply per line, in order, blank lines too.
{
  echo " SSN 219-09-9999 call (415) 555-0132"
  echo "plain \"quoted\" \\ back"
  echo ""
  printf 'SECRETMARKER %0300d\n' 0
  printf 'bad \xff\xfe 219-09-9999 OTHERMARKER\n'
  printf 'last without newline dana@example.com'
} > "$TMP/in"
"$BIN" --mmexternal --max-record 200 < "$TMP/in" > "$TMP/out" 2> "$TMP/err"
expect_eq "mmexternal exit" 0 $?
cat > "$TMP/want" <<'W'
{"msg":" SSN [US_SSN] call [PHONE_NUMBER]","$!":{"phiscrub":"1"}}
{"msg":"plain \"quoted\" \\ back","$!":{"phiscrub":"1"}}
{"msg":"","$!":{"phiscrub":"1"}}
{"msg":"[PHISCRUB_WITHHELD reason=oversize]","$!":{"phiscrub":"1"}}
{"msg":"[PHISCRUB_WITHHELD reason=invalid_utf8]","$!":{"phiscrub":"1"}}
{"msg":"last without newline [EMAIL_ADDRESS]","$!":{"phiscrub":"1"}}
W
check "mmexternal msg replies" cmp -s "$TMP/out" "$TMP/want"
check "mmexternal: nothing on stderr" test ! -s "$TMP/err"
for s in SECRETMARKER OTHERMARKER 219-09-9999 555-0132; do
  check "mmexternal: no $s in replies" bash -c "! grep -q '$s' '$TMP/out'"
done

# interface.input="fulljson": msg and rawmsg rewritten (multi-line msg kept
# multi-line); a line that is not JSON gets placeholders, never itself.
{
  echo '{"msg":" SSN 219-09-9999\nphone (415) 555-0132","rawmsg":"<13>Dec  1 10:00:00 h app: SSN 219-09-9999","hostname":"h","$!":{"a":1}}'
  echo 'SECRETMARKER not json 219-09-9999'
  echo '{"hostname":"no msg"}'
  echo '{"msg":42}'
} > "$TMP/in2"
"$BIN" --mmexternal=fulljson < "$TMP/in2" > "$TMP/out2" 2> "$TMP/err2"
expect_eq "fulljson exit" 0 $?
cat > "$TMP/want2" <<'W'
{"msg":" SSN [US_SSN]\nphone [PHONE_NUMBER]","rawmsg":"<13>Dec  1 10:00:00 h app: SSN [US_SSN]","$!":{"phiscrub":"1"}}
{"msg":"[PHISCRUB_WITHHELD reason=malformed_json]","rawmsg":"[PHISCRUB_WITHHELD reason=malformed_json]","$!":{"phiscrub":"1"}}
{"$!":{"phiscrub":"1"}}
{"msg":"","$!":{"phiscrub":"1"}}
W
check "mmexternal fulljson replies" cmp -s "$TMP/out2" "$TMP/want2"
check "fulljson: nothing on stderr" test ! -s "$TMP/err2"
check "fulljson: no SECRETMARKER" bash -c "! grep -q SECRETMARKER '$TMP/out2'"

# Half-duplex: each reply arrives (flushed) before the next line is written.
python3 - "$BIN" <<'PY'
import subprocess, sys, select, json
p = subprocess.Popen([sys.argv[1], "--mmexternal"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
for i in range(50):
    p.stdin.write(b"rec %d SSN 219-09-9999\n" % i)
    p.stdin.flush()
    r, _, _ = select.select([p.stdout], [], [], 30)
    if not r:
        sys.exit("no reply to line %d within 30 s" % i)
    reply = json.loads(p.stdout.readline())
    if reply != {"msg": "rec %d SSN [US_SSN]" % i, "$!": {"phiscrub": "1"}}:
        sys.exit("bad reply %r" % reply)
p.stdin.close()
if p.wait(30) != 0 or p.stderr.read():
    sys.exit("bad exit or stderr")
PY
expect_eq "mmexternal replies line by line" 0 $?

# omprog confirmMessages: OK once ready, then one OK per record written.
printf 'a 219-09-9999\nb\n\nSECRETMARKER %0300d\n' 0 |
  "$BIN" --omprog-confirm --max-record 200 --output "$TMP/omprog.log" > "$TMP/acks"
expect_eq "omprog exit" 0 $?
expect_eq "omprog acks" "$(printf 'OK\nOK\nOK\nOK\nOK')" "$(cat "$TMP/acks")"
expect_eq "omprog output" "$(printf 'a [US_SSN]\nb\n\n[PHISCRUB_WITHHELD reason=oversize]')" \
  "$(cat "$TMP/omprog.log")"
# The output file is appended to (rsyslog restarts the program).
echo 'c 219-09-9999' | "$BIN" --omprog-confirm --output "$TMP/omprog.log" > /dev/null
expect_eq "omprog appends" "c [US_SSN]" "$(tail -n 1 "$TMP/omprog.log")"
# The confirmation is written only after the record: an unwritable output
# answers an error line (rsyslog retries the message), never OK.
echo 'x' | "$BIN" --omprog-confirm --output /dev/full > "$TMP/acks2"
check "omprog: write failure is not confirmed" \
  bash -c "[ \"\$(sed -n 2p '$TMP/acks2')\" != OK ] && [ \"\$(sed -n 1p '$TMP/acks2')\" = OK ]"
"$BIN" --omprog-confirm < /dev/null > /dev/null 2>&1
expect_eq "omprog needs --output" 2 $?

finish
