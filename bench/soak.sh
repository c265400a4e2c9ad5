#!/usr/bin/env bash
# Soak test for phiscrubd: steady wrk load with fictitious PHI (bench/soak.lua)
# against POST /v1/redact on loopback for MINUTES (default 30). Every 10 s the
# daemon's RSS (VmRSS) and open file descriptors are sampled into a CSV;
# errors are counted (wrk socket errors and non-2xx responses, non-200 codes in
# the daemon's own metrics, a daemon that exits early or not cleanly).
#
#   bash scripts/deps.sh --bench        # installs wrk (as root)
#   nice bash bench/soak.sh [MINUTES]   # builds nothing; PHISCRUBD=path/to/phiscrubd
#
# Environment: PHISCRUBD (default build/bin/phiscrubd; copied to a temporary
# directory first, so a rebuild during the soak does not matter),
# SOAK_THREADS (daemon --threads, default 2), SOAK_CONNECTIONS (wrk
# connections, default 16), SOAK_WARMUP (seconds, default 10% of the run,
# at least 20 and at most 120), SOAK_OUT (directory for samples.csv,
# wrk.txt and daemon.log; default a temporary directory, removed at exit),
# SOAK_REPORT (also write the report and the samples to this file).
#
# Prints a report: RSS at the end of the warm-up, RSS at the end, growth,
# maximum fds, errors. Exit 0 when RSS grew < 5% after the warm-up and there
# were no errors; 1 otherwise; 2 on a usage or set-up error.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")

minutes=${1:-30}
case "$minutes" in
  ''|*[!0-9]*|0) echo "usage: bench/soak.sh [MINUTES]   (a whole number > 0)" >&2; exit 2 ;;
esac
bin=${PHISCRUBD:-$root/build/bin/phiscrubd}
threads=${SOAK_THREADS:-2}
conns=${SOAK_CONNECTIONS:-16}
duration=$((minutes * 60))
warmup=${SOAK_WARMUP:-$((duration / 10))}
[ -n "${SOAK_WARMUP:-}" ] || { [ "$warmup" -lt 20 ] && warmup=20; [ "$warmup" -gt 120 ] && warmup=120; }
interval=10

command -v wrk >/dev/null || { echo "wrk not found: run 'bash scripts/deps.sh --bench' as root" >&2; exit 2; }
[ -x "$bin" ] || { echo "$bin not built: cmake --build build --target phiscrubd (or set PHISCRUBD)" >&2; exit 2; }

tmp=$(mktemp -d)
out=${SOAK_OUT:-$tmp}
mkdir -p "$out"
pid=
wrk_pid=
alive() {  # alive PID: running (a zombie child is not)
  local st
  st=$(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null)
  [ -n "$st" ] && [ "$st" != Z ]
}
cleanup() {
  [ -n "$wrk_pid" ] && kill "$wrk_pid" 2>/dev/null
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

cp "$bin" "$tmp/phiscrubd"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# The checkout the binary was built in (its build directory's repository).
commit=$(git -C "$(dirname "$bin")" rev-parse --short HEAD 2>/dev/null || echo unknown)
version=$("$tmp/phiscrubd" --version 2>/dev/null | head -1)
# Only the flags below configure the daemon: no PHISCRUB_* from the caller.
unset $(compgen -e | grep '^PHISCRUB_') 2>/dev/null
"$tmp/phiscrubd" --listen 127.0.0.1:0 --port-file "$tmp/port" --threads "$threads" \
  2> "$out/daemon.log" &
pid=$!
for _ in $(seq 600); do
  [ -s "$tmp/port" ] && break
  alive "$pid" || break
  sleep 0.1
done
if [ ! -s "$tmp/port" ]; then
  echo "phiscrubd did not start:" >&2; cat "$out/daemon.log" >&2; exit 2
fi
port=$(cat "$tmp/port")
url=http://127.0.0.1:$port/

metrics() {  # metrics NAME_REGEX: sum of the matching samples of /metrics
  python3 - "$port" "$1" <<'PY'
import re, sys, urllib.request
try:
    body = urllib.request.urlopen("http://127.0.0.1:%s/metrics" % sys.argv[1], timeout=10).read().decode()
except Exception:
    print("NA"); sys.exit(0)
total = 0
for line in body.splitlines():
    if not line.startswith("#") and re.match(sys.argv[2], line):
        total += float(line.rsplit(" ", 1)[1])
print("%d" % total)
PY
}

echo "phiscrubd $bin (pid $pid, --threads $threads) on $url; wrk -c$conns for ${minutes} min," \
     "warm-up ${warmup} s, samples every ${interval} s" >&2
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
wrk -t1 -c"$conns" -d"${duration}s" --timeout 10s -s "$here/soak.lua" "$url" > "$tmp/wrk.out" 2>&1 &
wrk_pid=$!

csv=$out/samples.csv
echo "elapsed_s,rss_kb,fds,threads,requests_ok" > "$csv"
start=$(date +%s)
daemon_died=0
sample() {
  local t rss fds th ok
  t=$(( $(date +%s) - start ))
  if ! rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null) || [ -z "$rss" ]; then
    daemon_died=1; return 1
  fi
  th=$(awk '/^Threads:/ {print $2}' "/proc/$pid/status" 2>/dev/null)
  fds=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l)
  ok=$(metrics 'phiscrub_requests_total\{endpoint="redact",code="200"\}')
  echo "$t,$rss,$fds,$th,$ok" >> "$csv"
}
sample
next=$interval
while kill -0 "$wrk_pid" 2>/dev/null; do
  sleep 1
  now=$(( $(date +%s) - start ))
  if [ "$now" -ge "$next" ]; then
    # wrk prints its summary on SIGINT.
    sample || { echo "phiscrubd exited during the soak" >&2; kill -INT "$wrk_pid" 2>/dev/null; break; }
    next=$((next + interval))
  fi
done
wait "$wrk_pid"
wrk_rc=$?
wrk_pid=
# The last sample under load is the end point (taken before wrk returned).

# Daemon-side counts, then a clean stop.
non200=NA
if [ "$daemon_died" = 0 ] && alive "$pid"; then
  non200=$(metrics 'phiscrub_requests_total\{endpoint="redact",code="(?!200")')
  ok_total=$(metrics 'phiscrub_requests_total\{endpoint="redact",code="200"\}')
  kill -TERM "$pid"
  daemon_rc=0
  wait "$pid" || daemon_rc=$?
else
  wait "$pid"; daemon_rc=$?
  daemon_died=1
  ok_total=NA
fi
pid=

cp "$tmp/wrk.out" "$out/wrk.txt" 2>/dev/null
summary=$(grep '^{"requests"' "$tmp/wrk.out" | tail -1)
header="started $started, finished $(date -u +%Y-%m-%dT%H:%M:%SZ), checkout of the binary $commit, $(nproc) cores, load average before $load_before"
python3 - "$csv" "$warmup" "$minutes" "$conns" "$threads" "$summary" "$wrk_rc" "$non200" \
  "$ok_total" "$daemon_died" "$daemon_rc" "$header" "$bin${version:+ ($version)}" \
  > "$tmp/report" <<'PY'
import csv, json, sys
(path, warmup, minutes, conns, threads, summary, wrk_rc, non200, ok_total, died, drc, header,
 binary) = sys.argv[1:]
warmup = int(warmup)
rows = [r for r in csv.DictReader(open(path))]
for r in rows:
    for k in r:
        r[k] = int(r[k]) if r[k].isdigit() else r[k]
errors = []  # (count, description)
try:
    s = json.loads(summary)
except ValueError:
    s = None
    errors.append((1, "no wrk summary (wrk exit %s)" % wrk_rc))
if s:
    e = s["errors"]
    for k in ("connect", "read", "write", "timeout"):
        if e[k]: errors.append((e[k], "wrk socket %s errors" % k))
    if e["status"]: errors.append((e["status"], "non-2xx responses (wrk)"))
    if s["requests"] == 0: errors.append((1, "no requests completed"))
    if wrk_rc != "0": errors.append((1, "wrk exit %s" % wrk_rc))
if non200 not in ("0", "NA"): errors.append((int(non200), "non-200 responses (daemon metrics)"))
if died == "1": errors.append((1, "phiscrubd exited during the soak (status %s)" % drc))
elif drc != "0": errors.append((1, "phiscrubd exit %s after SIGTERM" % drc))
if len(rows) < 2:
    errors.append((1, "fewer than 2 samples"))
    rows = rows or [{"elapsed_s": 0, "rss_kb": 0, "fds": 0, "threads": 0}]
# RSS at the end of the warm-up: the first sample at or after it.
warm = next((r for r in rows if r["elapsed_s"] >= warmup), rows[-1])
end = rows[-1]
growth = 100.0 * (end["rss_kb"] - warm["rss_kb"]) / warm["rss_kb"] if warm["rss_kb"] else 0.0
after = [r for r in rows if r["elapsed_s"] >= warm["elapsed_s"]]
print("phiscrubd soak: %s min, wrk -t1 -c%s, phiscrubd --threads %s, POST /v1/redact (bench/soak.lua)"
      % (minutes, conns, threads))
print(header)
print("binary: %s" % binary)
if s:
    print("requests: %d in %.0f s (%.1f/s), latency p50 %.1f ms p99 %.1f ms max %.1f ms"
          % (s["requests"], s["seconds"], s["requests_per_s"], s["latency_us"]["p50"] / 1e3,
             s["latency_us"]["p99"] / 1e3, s["latency_us"]["max"] / 1e3))
print("daemon 200 responses (metrics): %s" % ok_total)
print("samples: %d every 10 s" % len(rows))
print("RSS at start: %d kB (t=%d s)" % (rows[0]["rss_kb"], rows[0]["elapsed_s"]))
print("RSS at end of warm-up: %d kB (t=%d s)" % (warm["rss_kb"], warm["elapsed_s"]))
print("RSS at end: %d kB (t=%d s)" % (end["rss_kb"], end["elapsed_s"]))
print("RSS min/max after warm-up: %d / %d kB"
      % (min(r["rss_kb"] for r in after), max(r["rss_kb"] for r in after)))
print("RSS growth after warm-up: %+.2f%% (limit < 5%%)" % growth)
print("open fds: start %d, max %d, end %d" % (rows[0]["fds"], max(r["fds"] for r in rows), end["fds"]))
print("threads: max %s" % max(r["threads"] for r in rows))
print("errors: %d%s" % (sum(n for n, _ in errors),
                        "".join("\n  - %d %s" % (n, d) for n, d in errors)))
ok = growth < 5.0 and not errors
print("result: %s" % ("PASS" if ok else "FAIL"))
sys.exit(0 if ok else 1)
PY
rc=$?
cat "$tmp/report"
if [ -n "${SOAK_REPORT:-}" ]; then
  { cat "$tmp/report"; echo; echo "samples (samples.csv):"; cat "$csv"; } > "$SOAK_REPORT"
fi
exit $rc
