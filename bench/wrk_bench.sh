#!/usr/bin/env bash
# Load benchmark for phiscrubd: wrk POSTs 1 KB transcript turns (bench/wrk_redact.lua)
# to /v1/redact on loopback, for a few (server threads, connections) settings.
# Prints one line per setting and writes bench/results/wrk.json.
#
#   bash scripts/deps.sh --bench       # installs wrk (as root)
#   bash bench/wrk_bench.sh            # BUILD=build DURATION=10s SETTINGS="1:8 2:16 2:32"
#
# wrk runs on the same machine as phiscrubd, so they share the cores.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
BUILD=${BUILD:-$root/build}
DURATION=${DURATION:-10s}
SETTINGS=${SETTINGS:-"1:8 2:16 2:32"}
bin=$BUILD/bin/phiscrubd
out=$root/bench/results/wrk.json
command -v wrk >/dev/null || { echo "wrk not found: run 'bash scripts/deps.sh --bench' as root" >&2; exit 1; }
[ -x "$bin" ] || { echo "$bin not built: cmake --build $BUILD --target phiscrubd" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

runs=()
for s in $SETTINGS; do
  threads=${s%%:*}
  conns=${s##*:}
  rm -f "$tmp/port"
  "$bin" --listen 127.0.0.1:0 --port-file "$tmp/port" --threads "$threads" 2>"$tmp/stderr" &
  pid=$!
  for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.05; done
  port=$(cat "$tmp/port")
  url=http://127.0.0.1:$port/
  wrk -t1 -c"$conns" -d2s -s "$here/wrk_redact.lua" "$url" >/dev/null  # warm-up
  load=$(cut -d' ' -f1 /proc/loadavg)
  res=$(wrk -t1 -c"$conns" -d"$DURATION" -s "$here/wrk_redact.lua" "$url" | tail -1)
  kill -TERM "$pid"; wait "$pid" || true; pid=
  echo "threads=$threads connections=$conns load_before=$load $res"
  runs+=("{\"server_threads\":$threads,\"connections\":$conns,\"wrk_threads\":1,\"load_avg_before\":$load,\"result\":$res}")
done

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
{
  echo "{\"benchmark\":\"phiscrubd POST /v1/redact, 1 KB transcript turns, wrk on the same host\","
  echo " \"date\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"commit\":\"$commit\",\"cores\":$(nproc),"
  echo " \"duration\":\"$DURATION\",\"command\":\"wrk -t1 -c<connections> -d$DURATION -s bench/wrk_redact.lua http://127.0.0.1:<port>/\","
  echo " \"goal\":{\"requests_per_s\":20000,\"p99_us\":5000},"
  echo " \"runs\":["
  for i in "${!runs[@]}"; do
    sep=,; [ "$i" -eq $((${#runs[@]} - 1)) ] && sep=
    echo "  ${runs[$i]}$sep"
  done
  echo " ]}"
} > "$out"
python3 -m json.tool "$out" >/dev/null
echo "wrote $out"
