#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds on a scratch copy of its seed
# corpus (the committed corpus is never written), one after the other, and
# fails on the first crash, leak, timeout or sanitizer report.
#
#   tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
#
# Crash inputs land in BUILD_DIR/fuzz-work/<target>/crash-* (libFuzzer's
# artifacts); the last lines of each log (stat::number_of_executed_units)
# give the executions. Extra libFuzzer flags: FUZZ_FLAGS="-max_len=8192".
set -euo pipefail
build=${1:?build dir}
seconds=${2:?seconds}
shift 2
here=$(cd "$(dirname "$0")" && pwd)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_scanner fuzz_json fuzz_pipeline fuzz_loaders fuzz_oracle fuzz_http
           fuzz_octet_framer)
fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$here/ubsan.supp}
status=0
for t in "${targets[@]}"; do
  bin=$build/bin/$t
  [ -x "$bin" ] || { echo "fuzz: $bin not built" >&2; exit 2; }
  work=$build/fuzz-work/$t
  mkdir -p "$work/corpus"
  cp -n "$here/corpus/$t/"* "$work/corpus/" 2>/dev/null || true
  echo "== $t: ${seconds}s"
  # -timeout: one input taking 25 s is a hang worth a report; -rss_limit_mb
  # leaves room for the compiled rules under ASan.
  if ! nice -n 19 "$bin" -max_total_time="$seconds" -print_final_stats=1 -timeout=25 \
      -rss_limit_mb=4096 -artifact_prefix="$work/" ${FUZZ_FLAGS:-} "$work/corpus" \
      >"$work/log" 2>&1; then
    echo "fuzz: $t FAILED; log $work/log, artifacts in $work/" >&2
    tail -40 "$work/log" >&2
    status=1
    break
  fi
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$work/log" || true
done
exit $status
