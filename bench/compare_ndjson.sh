#!/usr/bin/env bash
# NDJSON throughput on a deterministic structured-log corpus, in one run:
# phiscrub --format ndjson (1 thread and all cores), the same bytes through
# text mode, and `jq -c .` (a parse-and-print floor users know). Runs
# alternate so machine drift affects every tool alike.
#
#   bench/compare_ndjson.sh [--size-mb 100] [--runs 3] [--bin build/bin/phiscrub]
#                           [--out-dir bench/results]
#
# Prints median seconds, MB/s and peak RSS per tool; checks every phiscrub
# output line is valid JSON (with jq) and the line count is kept; writes the
# same to <out-dir>/compare_ndjson.json.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SIZE_MB=100
RUNS=3
BIN="$ROOT/build/bin/phiscrub"
OUT_DIR="$ROOT/bench/results"
while [ $# -gt 0 ]; do
  case "$1" in
    --size-mb) SIZE_MB="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --bin) BIN="$2"; shift 2 ;;
    --out-dir) OUT_DIR="$2"; shift 2 ;;
    *) echo "usage: $0 [--size-mb N] [--runs N] [--bin PATH] [--out-dir DIR]" >&2; exit 2 ;;
  esac
done
[ -x "$BIN" ] || { echo "no phiscrub binary at $BIN (run make)" >&2; exit 2; }
command -v jq > /dev/null || { echo "jq is needed (apt-get install jq)" >&2; exit 2; }
mkdir -p "$ROOT/bench/corpus" "$OUT_DIR"
CORPUS="$ROOT/bench/corpus/struct-${SIZE_MB}mb.ndjson"
if [ ! -s "$CORPUS" ]; then
  echo "generating $CORPUS" >&2
  python3 "$ROOT/bench/gen_corpus.py" --format ndjson --size-mb "$SIZE_MB" --seed 42 \
    --phi-rate 0.05 > "$CORPUS.tmp"
  mv "$CORPUS.tmp" "$CORPUS"
fi
BYTES=$(stat -c %s "$CORPUS")
LINES=$(wc -l < "$CORPUS")
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

TOOLS=(ndjson_1t ndjson_all text_1t jq)
run_tool() {  # run_tool NAME OUTFILE -> prints "seconds rss_kb"
  local out="$2" t0 t1
  local -a cmd
  case "$1" in
    ndjson_1t) cmd=("$BIN" --format ndjson --threads 1 "$CORPUS") ;;
    ndjson_all) cmd=("$BIN" --format ndjson "$CORPUS") ;;
    text_1t) cmd=("$BIN" --threads 1 "$CORPUS") ;;
    jq) cmd=(jq -c . "$CORPUS") ;;
  esac
  t0=$EPOCHREALTIME
  /usr/bin/time -f '%M' -o "$WORK/t" "${cmd[@]}" > "$out"
  t1=$EPOCHREALTIME
  echo "$(python3 -c "print(f'{$t1 - $t0:.4f}')") $(tail -1 "$WORK/t")"
}

declare -A TIMES RSS
for run in $(seq 1 "$RUNS"); do
  for tool in "${TOOLS[@]}"; do
    read -r secs rss < <(run_tool "$tool" "$WORK/out.$tool")
    TIMES[$tool]="${TIMES[$tool]:-} $secs"
    RSS[$tool]=$rss
    echo "run $run/$RUNS $tool ${secs}s" >&2
  done
done
for tool in "${TOOLS[@]}"; do
  if [ "$(wc -l < "$WORK/out.$tool")" -ne "$LINES" ]; then
    echo "error: $tool changed the line count" >&2
    exit 1
  fi
done
if ! jq -c . "$WORK/out.ndjson_1t" > /dev/null 2>&1; then
  echo "error: phiscrub --format ndjson wrote invalid JSON" >&2
  exit 1
fi
cmp -s "$WORK/out.ndjson_1t" "$WORK/out.ndjson_all" ||
  { echo "error: output differs between thread counts" >&2; exit 1; }

python3 - "$OUT_DIR/compare_ndjson.json" "$BYTES" "$RUNS" "$(nproc)" \
  "${TIMES[ndjson_1t]}" "${TIMES[ndjson_all]}" "${TIMES[text_1t]}" "${TIMES[jq]}" \
  "${RSS[ndjson_1t]}" "${RSS[ndjson_all]}" "${RSS[text_1t]}" "${RSS[jq]}" <<'PY'
import json, statistics, sys
out, size, runs, cores = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
names = ["phiscrub --format ndjson --threads 1", "phiscrub --format ndjson (all cores)",
         "phiscrub text mode --threads 1", "jq -c ."]
times = [sorted(map(float, t.split())) for t in sys.argv[5:9]]
rss = [int(x) for x in sys.argv[9:13]]
rows = []
for n, t, r in zip(names, times, rss):
    med = statistics.median(t)
    rows.append({"tool": n, "median_s": med, "mb_per_s": size / 1e6 / med if med > 0 else None,
                 "peak_rss_mb": r / 1024, "runs_s": t})
print(f"corpus: {size / 1e6:.0f} MB structured-log NDJSON, {runs} runs, median, {cores} cores")
print(f"{'tool':40s} {'median s':>9s} {'MB/s':>9s} {'RSS MB':>8s}")
for r in rows:
    print(f"{r['tool']:40s} {r['median_s']:9.2f} {r['mb_per_s'] or 0:9.1f} {r['peak_rss_mb']:8.1f}")
print(f"ndjson(1 thread)/jq = {rows[0]['mb_per_s'] / rows[3]['mb_per_s']:.1f}x, "
      f"ndjson/text (1 thread) = {rows[0]['mb_per_s'] / rows[2]['mb_per_s']:.2f}x")
json.dump({"corpus_bytes": size, "runs": runs, "cores": cores, "tools": rows},
          open(out, "w"), indent=2)
PY
