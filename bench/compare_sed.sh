#!/usr/bin/env bash
# Times phiscrub against GNU `sed -E` with an equivalent SSN/phone/email
# pattern set, on the same deterministic digit-dense log corpus, in one run
# with alternating runs so machine drift affects every tool alike.
#
#   bench/compare_sed.sh [--size-mb 200] [--runs 3] [--bin build/bin/phiscrub]
#                        [--out-dir bench/results]
#
# Prints median seconds, MB/s, peak RSS and replacements per tool, and the
# ratios; writes the same to <out-dir>/compare_sed.json.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SIZE_MB=200
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
mkdir -p "$ROOT/bench/corpus" "$OUT_DIR"
CORPUS="$ROOT/bench/corpus/applog-${SIZE_MB}mb.log"
if [ ! -s "$CORPUS" ]; then
  echo "generating $CORPUS" >&2
  python3 "$ROOT/bench/gen_corpus.py" --size-mb "$SIZE_MB" --seed 42 --phi-rate 0.05 > "$CORPUS.tmp"
  mv "$CORPUS.tmp" "$CORPUS"
fi
BYTES=$(stat -c %s "$CORPUS")
LINES=$(wc -l < "$CORPUS")
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# Equivalent to the formatted SSN, phone and email rules (sed has no
# validators, so it replaces a superset).
SED_SSN='s/\b[0-9]{3}[-.][0-9]{2}[-.][0-9]{4}\b/[US_SSN]/g'
SED_PHONE='s/(\+1[ .-]?)?(\([0-9]{3}\) ?[0-9]{3}[ .-]|\b[0-9]{3}[.-][0-9]{3}[.-])[0-9]{4}\b/[PHONE_NUMBER]/g'
SED_EMAIL='s/\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,24}\b/[EMAIL_ADDRESS]/g'

TOOLS=(cat phiscrub_1t phiscrub_all sed)
# phiscrub with the same three entity families sed handles.
ENTITIES=US_SSN,PHONE_NUMBER,EMAIL_ADDRESS
run_tool() {  # run_tool NAME OUTFILE -> prints "seconds rss_kb"
  local out="$2" t0 t1
  local -a cmd
  case "$1" in
    cat) cmd=(cat "$CORPUS") ;;
    phiscrub_1t) cmd=("$BIN" --entities "$ENTITIES" --threads 1 "$CORPUS") ;;
    phiscrub_all) cmd=("$BIN" --entities "$ENTITIES" "$CORPUS") ;;
    sed) cmd=(env LC_ALL=C sed -E -e "$SED_SSN" -e "$SED_PHONE" -e "$SED_EMAIL" "$CORPUS") ;;
  esac
  t0=$EPOCHREALTIME
  /usr/bin/time -f '%M' -o "$WORK/t" "${cmd[@]}" > "$out"
  t1=$EPOCHREALTIME
  echo "$(python3 -c "print(f'{$t1 - $t0:.4f}')") $(tail -1 "$WORK/t")"
}

declare -A TIMES RSS REPL
for run in $(seq 1 "$RUNS"); do
  for tool in "${TOOLS[@]}"; do
    read -r secs rss < <(run_tool "$tool" "$WORK/out.$tool")
    TIMES[$tool]="${TIMES[$tool]:-} $secs"
    RSS[$tool]=$rss
    echo "run $run/$RUNS $tool ${secs}s" >&2
  done
done
for tool in "${TOOLS[@]}"; do
  REPL[$tool]=$(grep -o '\[US_SSN\]\|\[PHONE_NUMBER\]\|\[EMAIL_ADDRESS\]' "$WORK/out.$tool" | wc -l || true)
  if [ "$tool" != cat ] && [ "$(wc -l < "$WORK/out.$tool")" -ne "$LINES" ]; then
    echo "error: $tool changed the line count" >&2
    exit 1
  fi
done

python3 - "$OUT_DIR/compare_sed.json" "$BYTES" "$RUNS" \
  "${TIMES[cat]}" "${TIMES[phiscrub_1t]}" "${TIMES[phiscrub_all]}" "${TIMES[sed]}" \
  "${RSS[cat]}" "${RSS[phiscrub_1t]}" "${RSS[phiscrub_all]}" "${RSS[sed]}" \
  "${REPL[cat]}" "${REPL[phiscrub_1t]}" "${REPL[phiscrub_all]}" "${REPL[sed]}" "$(nproc)" <<'PY'
import json, statistics, sys
out, size, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
names = ["cat", "phiscrub --threads 1", "phiscrub (all cores)", "sed -E"]
times = [sorted(map(float, t.split())) for t in sys.argv[4:8]]
rss = [int(x) for x in sys.argv[8:12]]
repl = [int(x) for x in sys.argv[12:16]]
cores = int(sys.argv[16])
rows = []
for n, t, r, k in zip(names, times, rss, repl):
    med = statistics.median(t)
    rows.append({"tool": n, "median_s": med, "mb_per_s": size / 1e6 / med if med > 0 else None,
                 "peak_rss_mb": r / 1024, "replacements": k, "runs_s": t})
def mbps(i): return rows[i]["mb_per_s"] or float("inf")
ratios = {
    "phiscrub_1t_vs_sed": mbps(1) / mbps(3),
    "phiscrub_all_vs_sed": mbps(2) / mbps(3),
    "phiscrub_1t_vs_cat": mbps(1) / mbps(0),
}
print(f"corpus: {size / 1e6:.0f} MB, {runs} runs, median, {cores} cores")
print(f"{'tool':24s} {'median s':>9s} {'MB/s':>9s} {'RSS MB':>8s} {'replacements':>13s}")
for r in rows:
    print(f"{r['tool']:24s} {r['median_s']:9.2f} {r['mb_per_s'] or 0:9.1f} {r['peak_rss_mb']:8.1f} {r['replacements']:13d}")
print(f"phiscrub(1 thread)/sed = {ratios['phiscrub_1t_vs_sed']:.1f}x")
print(f"phiscrub(all cores)/sed = {ratios['phiscrub_all_vs_sed']:.1f}x")
print(f"phiscrub(1 thread)/cat = {ratios['phiscrub_1t_vs_cat']:.3f}x")
json.dump({"corpus_bytes": size, "runs": runs, "cores": cores, "tools": rows, "ratios": ratios},
          open(out, "w"), indent=2)
PY
