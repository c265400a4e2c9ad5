#!/usr/bin/env bash
# --progress: on a terminal, counts and MB/s on stderr (never content); not
# on a pipe or file.
source "$(dirname "$0")/lib.sh"

for i in $(seq 1 20000); do echo "rec $i SECRETMARKER SSN 219-09-9999"; done > "$TMP/in"
# `script` gives phiscrub a terminal; its stdout goes to a file.
script -qec "'$BIN' --progress '$TMP/in' > '$TMP/out'" "$TMP/tty" > /dev/null
expect_eq "exit" 0 $?
check "progress shown on a terminal" grep -q 'phiscrub: .* MB, 20000 records, .* MB/s' "$TMP/tty"
check "no content in progress" bash -c "! grep -q -e SECRETMARKER -e 219-09-9999 '$TMP/tty'"
expect_eq "output intact" 20000 "$(grep -c '\[US_SSN\]' "$TMP/out")"
# Not a terminal: nothing on stderr.
"$BIN" --progress "$TMP/in" > /dev/null 2> "$TMP/err"
check "no progress when stderr is not a terminal" test ! -s "$TMP/err"
finish
