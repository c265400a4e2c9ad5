# Shared helpers for the CLI tests: each test script sources this with the
# phiscrub binary as $1.
set -u
BIN="$1"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
FAILS=0
CHECKS=0
fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
ok() { CHECKS=$((CHECKS + 1)); }
check() {  # check DESCRIPTION COMMAND...
  local what="$1"; shift
  if "$@"; then ok; else fail "$what"; fi
}
expect_eq() {  # expect_eq DESCRIPTION EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then ok; else fail "$1: expected [$2] got [$3]"; fi
}
finish() {
  echo "$((CHECKS)) passed, $FAILS failed"
  [ "$FAILS" -eq 0 ]
}
