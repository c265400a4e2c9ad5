#!/usr/bin/env bash
# Golden files: tests/golden/<format>/<name>.in redacted with
# `--format <format>` (plus the flags in <name>.args, if any; paths in them
# are relative to the golden directory) must equal <name>.out byte for byte,
# from a file and from stdin. Regenerate a .out only after reviewing the diff.
source "$(dirname "$0")/lib.sh"
GOLDEN="$(cd "$(dirname "$0")/../golden" && pwd)"
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"  # we cd below

for in in "$GOLDEN"/*/*.in; do
  dir="$(dirname "$in")"
  format="$(basename "$dir")"
  name="$(basename "$in" .in)"
  args=()
  if [ -f "$dir/$name.args" ]; then read -r -a args < "$dir/$name.args"; fi
  (cd "$dir" && "$BIN" --format "$format" "${args[@]}" "$in") > "$TMP/out" 2> "$TMP/err"
  expect_eq "$format/$name exit" 0 $?
  if cmp -s "$TMP/out" "$dir/$name.out"; then ok; else
    fail "$format/$name differs from golden:"; diff "$dir/$name.out" "$TMP/out" | head -20 >&2
  fi
  (cd "$dir" && "$BIN" --format "$format" "${args[@]}" --threads 1) < "$in" > "$TMP/out2"
  check "$format/$name from stdin" cmp -s "$TMP/out2" "$dir/$name.out"
  check "$format/$name stderr empty" test ! -s "$TMP/err"
  if command -v jq > /dev/null; then
    case "$format" in
      ndjson) check "$format/$name valid JSON lines" \
                bash -c "grep -v '^[[:space:]]*\$' '$TMP/out' | jq -c . > /dev/null" ;;
      json) check "$format/$name valid JSON" bash -c "jq -c . '$TMP/out' > /dev/null" ;;
    esac
  fi
done

finish
