#!/usr/bin/env bash
# Streaming: threads give identical bytes, slow writers give identical bytes,
# output appears when input drains, a closed stdout ends quietly.
source "$(dirname "$0")/lib.sh"

# A few MB of mixed lines, CRLF, empty lines, no final newline.
python3 - > "$TMP/big" <<'PY'
import random
r = random.Random(5)
phi = ["SSN 123-45-6789", "call (415) 555-0132", "dana@example.com", "SSN: 219099999",
       "+1 212 555 0175 ext. 12", "MRN: 00123456", "client 10.1.2.3"]
out = []
for i in range(60000):
    k = r.random()
    if k < 0.05: out.append("")
    elif k < 0.1: out.append("crlf %s\r" % r.choice(phi))
    elif k < 0.3: out.append("x %s y %d" % (r.choice(phi), r.randint(0, 10**9)))
    else: out.append("2026-11-22T10:31:%02d.%03dZ INFO pid=%d took %dms" % (r.randint(0,59), r.randint(0,999), r.randint(1,65535), r.randint(1,999)))
print("\n".join(out), end="")
print("\ntail 123-45-6789", end="")
PY
"$BIN" --threads 1 "$TMP/big" > "$TMP/o1"
for t in 2 4; do
  "$BIN" --threads $t "$TMP/big" > "$TMP/o$t"
  check "threads $t identical to 1" cmp -s "$TMP/o1" "$TMP/o$t"
done
expect_eq "line count kept" "$(wc -l < "$TMP/big")" "$(wc -l < "$TMP/o1")"
check "no SSN left" bash -c "! grep -q '123-45-6789' '$TMP/o1'"

# Slow writer: 1-7 byte writes, values straddle the writes.
head -n 300 "$TMP/big" > "$TMP/small"
"$BIN" --threads 2 "$TMP/small" > "$TMP/want"
python3 - "$TMP/small" <<'PY' | "$BIN" --threads 2 > "$TMP/got"
import os, random, sys, time
data = open(sys.argv[1], 'rb').read()
r = random.Random(9)
i = 0
while i < len(data):
    n = r.randint(1, 7)
    os.write(1, data[i:i + n])
    i += n
    if r.random() < 0.01:
        time.sleep(0.001)
PY
check "slow writer gives identical output" cmp -s "$TMP/want" "$TMP/got"

# Flush on drain: the first line comes out while the producer still holds its
# end of the pipe open. The producer waits for it (up to 60 s, so a slow
# sanitised start-up is no failure) before writing the next line.
for args in "--threads 1" "--threads 2" "--line-buffered"; do
  rm -f "$TMP/live" "$TMP/seen"
  ( echo 'SSN 123-45-6789'
    for _ in $(seq 1 600); do
      if grep -q 'SSN \[US_SSN\]' "$TMP/live" 2>/dev/null; then echo yes > "$TMP/seen"; break; fi
      sleep 0.1
    done
    echo done ) | timeout 120 "$BIN" $args > "$TMP/live"
  expect_eq "flush on drain ($args)" yes "$(cat "$TMP/seen" 2>/dev/null || echo no)"
  expect_eq "flush on drain output ($args)" "$(printf 'SSN [US_SSN]\ndone')" "$(cat "$TMP/live")"
done

# Broken pipe: a closed reader ends phiscrub quietly with status 0.
timeout 30 bash -c "yes 'SSN 123-45-6789' | head -c 30000000 | '$BIN' 2> '$TMP/perr' | head -1 > '$TMP/first'; echo \${PIPESTATUS[2]} > '$TMP/prc'"
expect_eq "broken pipe exit" 0 "$(cat "$TMP/prc")"
expect_eq "broken pipe first line" "SSN [US_SSN]" "$(cat "$TMP/first")"
expect_eq "broken pipe quiet" "" "$(cat "$TMP/perr")"

finish
