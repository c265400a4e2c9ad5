#!/usr/bin/env python3
"""`make bench`: phiscrub against the tools people use today, on the same input.

One session, alternating runs (round-robin over tools, so machine drift hits
every tool alike), median of --runs. Every tool redacts the same generated,
digit-dense application log with an equivalent SSN / phone / e-mail pattern
set where it allows (redact-pii uses its own rules). Then sweeps for phiscrub:
threads, PHI density, record size, dictionary size, formats, memory on 100 MB
vs 1 GB of input. Writes bench/results/latest.json, bench/results/report.md
and PNG plots (gnuplot), and prints the report.

  python3 bench/run_bench.py [--size-mb 50] [--runs 3] [--bin build/bin/phiscrub]
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS_DIR = os.path.join(ROOT, "bench", "corpus")
RESULTS = os.path.join(ROOT, "bench", "results")
NPM_DIR = os.path.join(ROOT, "bench", ".npm")

# The equivalent pattern set (what sed, perl, rg, python and syslog-ng run).
SSN = r"\b[0-9]{3}[-.][0-9]{2}[-.][0-9]{4}\b"
PHONE = (r"(\+1[ .-]?)?(\([0-9]{3}\) ?[0-9]{3}[ .-]|\b[0-9]{3}[.-][0-9]{3}[.-]|"
         r"\b[0-9]{3} [0-9]{3} )[0-9]{4}\b")
EMAIL = r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,24}\b"
PATTERNS = [("US_SSN", SSN), ("PHONE_NUMBER", PHONE), ("EMAIL_ADDRESS", EMAIL)]
EQUIV_ENTITIES = "US_SSN,PHONE_NUMBER,EMAIL_ADDRESS"
LABEL_RE = re.compile(rb"\[(US_SSN|PHONE_NUMBER|EMAIL_ADDRESS|PHI)\]|<[A-Z_]+>|"
                      rb"(SSN|PHONE_NUMBER|EMAIL_ADDRESS|DIGITS|ZIPCODE|"
                      rb"CREDIT_CARD_NUMBER|NAME|IP_ADDRESS|US_SOCIAL_SECURITY_NUMBER|"
                      rb"URL|STREET_ADDRESS|USERNAME|PASSWORD)")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def corpus(kind, size_mb, phi_rate=0.05, record_bytes=0, seed=42):
    os.makedirs(CORPUS_DIR, exist_ok=True)
    name = "%s-%gmb-phi%g-rec%d-s%d.log" % (kind, size_mb, phi_rate, record_bytes, seed)
    path = os.path.join(CORPUS_DIR, name)
    if not os.path.exists(path):
        log("generating %s" % name)
        with open(path + ".tmp", "w") as f:
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"),
                            "--kind", kind, "--size-mb", str(size_mb), "--seed", str(seed),
                            "--phi-rate", str(phi_rate), "--record-bytes", str(record_bytes)],
                           stdout=f, check=True)
        os.replace(path + ".tmp", path)
    return path


def timed(cmd, stdin_path, out_path, shell=False):
    """Runs cmd with stdin from a file (or None) and stdout to out_path.
    Returns (seconds, peak_rss_mb of the measured process)."""
    time_file = tempfile.mktemp()
    if shell:
        full = ["/usr/bin/time", "-f", "%M", "-o", time_file, "bash", "-c", cmd]
    else:
        full = ["/usr/bin/time", "-f", "%M", "-o", time_file] + cmd
    with open(out_path, "wb") as out:
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        t0 = time.perf_counter()
        rc = subprocess.run(full, stdin=stdin, stdout=out, stderr=subprocess.PIPE).returncode
        secs = time.perf_counter() - t0
        if stdin_path:
            stdin.close()
    rss = 0.0
    try:
        with open(time_file) as f:
            rss = int(f.read().strip().splitlines()[-1]) / 1024.0
        os.unlink(time_file)
    except (OSError, ValueError, IndexError):
        pass
    if rc != 0:
        raise RuntimeError("%s exited %d" % (cmd if shell else cmd[0], rc))
    return secs, rss


def setup_redact_pii():
    """Installs the npm package redact-pii into bench/.npm; None if impossible."""
    runner = os.path.join(NPM_DIR, "run.js")
    if os.path.exists(os.path.join(NPM_DIR, "node_modules", "redact-pii")):
        return runner
    if not shutil.which("npm") or not shutil.which("node"):
        return None
    os.makedirs(NPM_DIR, exist_ok=True)
    log("installing redact-pii into bench/.npm")
    rc = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent",
                         "--prefix", NPM_DIR, "redact-pii@3"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    if rc != 0:
        return None
    with open(runner, "w") as f:
        f.write("""const { SyncRedactor } = require('redact-pii');
const readline = require('readline');
const r = new SyncRedactor();
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
let out = [];
rl.on('line', (l) => { out.push(r.redact(l));
  if (out.length >= 1000) { process.stdout.write(out.join('\\n') + '\\n'); out = []; } });
rl.on('close', () => { if (out.length) process.stdout.write(out.join('\\n') + '\\n'); });
""")
    return runner


def syslog_ng_conf(work, out_file):
    rules = "\n".join(
        "  subst('%s', '[%s]', value(\"MESSAGE\"), type(\"pcre\"), flags(\"global\"));"
        % (pat.replace("'", "\\'"), name) for name, pat in PATTERNS)
    conf = os.path.join(work, "syslog-ng.conf")
    with open(conf, "w") as f:
        f.write("""@version: 3.38
options { threaded(no); mark-freq(0); log-msg-size(1048576); };
source s_in { stdin(flags(no-parse)); };
rewrite r_phi {
%s
};
destination d_out { file("%s" template("$MSG\\n")); };
log { source(s_in); rewrite(r_phi); destination(d_out); };
""" % (rules, out_file))
    return conf


def tools(bin_path, work, cores):
    """name -> (kind, command). kind: argv (stdin = corpus) or shell."""
    t = {}
    t["cat"] = ("argv", ["cat"])
    t["phiscrub 1 thread"] = ("argv", [bin_path, "--threads", "1", "--entities", EQUIV_ENTITIES])
    t["phiscrub %d threads" % cores] = ("argv", [bin_path, "--threads", str(cores),
                                                  "--entities", EQUIV_ENTITIES])
    t["phiscrub full pack, 1 thread"] = ("argv", [bin_path, "--threads", "1"])
    t["sed -E"] = ("argv", ["env", "LC_ALL=C", "sed", "-E"] +
                   sum([["-e", "s/%s/[%s]/g" % (p.replace("/", "\\/"), n)] for n, p in PATTERNS], []))
    if shutil.which("perl"):
        t["perl -pe"] = ("argv", ["perl", "-pe", "".join(
            "s/%s/[%s]/g;" % (p.replace("/", "\\/"), n) for n, p in PATTERNS)])
    if shutil.which("rg"):
        # ripgrep replaces every match with one string: one alternation.
        t["ripgrep --passthru -r"] = ("argv", ["rg", "--passthru", "--no-line-number",
                                               "--no-filename", "-r", "[PHI]"] +
                                      sum([["-e", p] for _, p in PATTERNS], []) + ["-"])
    script = os.path.join(work, "py_redact.py")
    with open(script, "w") as f:
        f.write("import re, sys\nR = [%s]\n" % ", ".join(
            "(re.compile(rb'%s'), b'[%s]')" % (p, n) for n, p in PATTERNS))
        f.write("out = sys.stdout.buffer\nfor line in sys.stdin.buffer:\n"
                "    for rx, rep in R:\n        line = rx.sub(rep, line)\n"
                "    out.write(line)\n")
    t["python3 re"] = ("argv", [sys.executable, script])
    if shutil.which("syslog-ng"):
        t["syslog-ng subst()"] = ("syslog-ng", None)
    runner = setup_redact_pii()
    if runner:
        t["redact-pii (npm, own rules)"] = ("argv", ["node", runner])
    return t


def run_tool(kind, cmd, corpus_path, out_path, work):
    if kind == "argv":
        return timed(cmd, corpus_path, out_path)
    # syslog-ng reads a pipe (not a regular file) on stdin and writes its file.
    target = os.path.join(work, "sng.out")
    if os.path.exists(target):
        os.unlink(target)
    conf = syslog_ng_conf(work, target)
    sh = ("cat %s | syslog-ng -F --no-caps -f %s --persist-file=%s/p --pidfile=%s/pid "
          "--control=%s/ctl" % (corpus_path, conf, work, work, work))
    secs, rss = timed(sh, None, out_path, shell=True)
    shutil.move(target, out_path)
    return secs, rss


def count_labels(path):
    n = 0
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 24), b""):
            n += len(LABEL_RE.findall(chunk))
    return n


def bench_json(bin_path, files, extra=()):
    out = subprocess.run([bin_path, "bench", "--json"] + list(extra) + files,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    return json.loads(out.stdout)


def median_bench(bin_path, files, extra, runs):
    rs = [bench_json(bin_path, files, extra) for _ in range(runs)]
    rs.sort(key=lambda r: r["mb_per_s"])
    return rs[len(rs) // 2]


def gnuplot(script):
    if not shutil.which("gnuplot"):
        return False
    return subprocess.run(["gnuplot"], input=script.encode(), stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0


def plots(results):
    made = []
    os.makedirs(RESULTS, exist_ok=True)
    data = os.path.join(RESULTS, "tools.dat")
    with open(data, "w") as f:
        for r in results["tools"]:
            f.write('"%s" %.2f\n' % (r["tool"], r["mb_per_s"]))
    if gnuplot("""set terminal png size 900,480
set output '%s/throughput_by_tool.png'
set title 'Throughput by tool (MB/s, median, same input)'
set style data histograms
set style fill solid 0.8
set logscale y
set ylabel 'MB/s (log)'
set xtics rotate by -30
set key off
plot '%s' using 2:xtic(1)
""" % (RESULTS, data)):
        made.append("throughput_by_tool.png")
    data = os.path.join(RESULTS, "threads.dat")
    with open(data, "w") as f:
        for r in results["sweeps"]["threads"]:
            f.write("%d %.2f\n" % (r["threads"], r["mb_per_s"]))
    if gnuplot("""set terminal png size 640,400
set output '%s/scaling_by_threads.png'
set title 'phiscrub scaling by threads (full pack)'
set xlabel 'threads'
set ylabel 'MB/s'
set xtics 1
set key off
plot '%s' using 1:2 with linespoints lw 2
""" % (RESULTS, data)):
        made.append("scaling_by_threads.png")
    data = os.path.join(RESULTS, "density.dat")
    with open(data, "w") as f:
        for r in results["sweeps"]["phi_density"]:
            f.write("%g %.2f\n" % (r["phi_rate"] * 100, r["mb_per_s"]))
    if gnuplot("""set terminal png size 640,400
set output '%s/throughput_by_density.png'
set title 'phiscrub throughput by PHI density (full pack, 1 thread)'
set xlabel 'lines with PHI (%%)'
set ylabel 'MB/s'
set key off
plot '%s' using 1:2 with linespoints lw 2
""" % (RESULTS, data)):
        made.append("throughput_by_density.png")
    return made


def accuracy_table():
    """Per-entity recall from the project's labelled corpus, if present."""
    ev = os.path.join(ROOT, "tests", "accuracy", "evaluate.py")
    corp = os.path.join(ROOT, "tests", "accuracy", "corpus.jsonl")
    if not (os.path.exists(ev) and os.path.exists(corp)):
        return None
    r = subprocess.run([sys.executable, ev, "--bin", BIN, corp], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    return r.stdout if r.returncode == 0 else None


BIN = os.path.join(ROOT, "build", "bin", "phiscrub")


def spoken_calls(size_mb):
    """The call transcripts (turns as text) of the spoken dev corpus
    (tests/accuracy/independent/spoken), a blank line between calls,
    repeated to size_mb: speech as STT writes it, spoken PHI included."""
    os.makedirs(CORPUS_DIR, exist_ok=True)
    path = os.path.join(CORPUS_DIR, "spoken-calls-%gmb.txt" % size_mb)
    if not os.path.exists(path):
        src = os.path.join(ROOT, "tests", "accuracy", "independent", "spoken", "dev.jsonl")
        calls = []
        with open(src) as f:
            for line in f:
                r = json.loads(line)
                if r.get("format") == "transcript":
                    calls.append(r["text"].strip("\n") + "\n\n")
        block = "".join(calls).encode()
        with open(path + ".tmp", "wb") as f:
            for _ in range(max(1, int(size_mb * 1e6 / len(block) + 0.5))):
                f.write(block)
        os.replace(path + ".tmp", path)
    return path


def spoken_view_sweep(bin_path, sweep_mb, runs):
    """Issue 11: transcripts and text logs with and without the spoken view
    (--no-spoken), runs alternating so drift hits both alike; medians."""
    rows = []
    for kind, extra in (("spoken calls", ["--format", "transcript"]),
                        ("transcript", ["--format", "transcript"]),
                        ("applog", ["--format", "text"])):
        c = spoken_calls(sweep_mb / 4) if kind == "spoken calls" else corpus(kind, sweep_mb)
        on, off = [], []
        for _ in range(runs):
            on.append(bench_json(bin_path, [c], ["--threads", "1"] + extra))
            off.append(bench_json(bin_path, [c], ["--threads", "1", "--no-spoken"] + extra))
        med = lambda rs: sorted(r["mb_per_s"] for r in rs)[len(rs) // 2]
        rows.append({"corpus": kind, "mode": extra[1], "with_view_mb_per_s": med(on),
                     "without_view_mb_per_s": med(off),
                     "with_view_findings": on[0]["findings"],
                     "without_view_findings": off[0]["findings"]})
    return rows


def spoken_view_table(rows):
    out = ["| corpus | mode | MB/s with the spoken view | without (--no-spoken) | with / without "
           "| findings with / without |", "|---|---|---:|---:|---:|---:|"]
    for r in rows:
        out.append("| %s | %s | %.1f | %.1f | %.2f | %d / %d |" % (
            r["corpus"], r["mode"], r["with_view_mb_per_s"], r["without_view_mb_per_s"],
            r["with_view_mb_per_s"] / r["without_view_mb_per_s"], r["with_view_findings"],
            r["without_view_findings"]))
    return out


def main():
    global BIN
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mb", type=float, default=50)
    ap.add_argument("--sweep-mb", type=float, default=20)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--bin", default=BIN)
    ap.add_argument("--skip-dict-1m", action="store_true")
    ap.add_argument("--only-spoken-view", action="store_true",
                    help="only the spoken-view sweep (issue 11), printed")
    ap.add_argument("--render-only", action="store_true",
                    help="rewrite report.md from latest.json (and wrk.json) without measuring")
    a = ap.parse_args()
    if a.render_only:
        with open(os.path.join(RESULTS, "latest.json")) as f:
            res = json.load(f)
        with open(os.path.join(RESULTS, "report.md"), "w") as f:
            f.write(render(res))
        return
    BIN = os.path.abspath(a.bin)
    if not os.access(BIN, os.X_OK):
        sys.exit("no phiscrub binary at %s (run make)" % BIN)
    if a.only_spoken_view:
        print("\n".join(spoken_view_table(spoken_view_sweep(BIN, a.sweep_mb, a.runs))))
        return
    cores = os.cpu_count() or 1
    started = time.time()
    work = tempfile.mkdtemp(prefix="phiscrub-bench-")
    results = {"machine": {"cores": cores, "cpu": cpu_model()},
               "corpus": {}, "tools": [], "sweeps": {}}
    try:
        main_corpus = corpus("applog", a.size_mb)
        size = os.path.getsize(main_corpus)
        lines = sum(1 for _ in open(main_corpus, "rb"))
        results["corpus"] = {"kind": "applog", "bytes": size, "records": lines,
                             "phi_rate": 0.05, "seed": 42}
        ts = tools(BIN, work, cores)
        times = {n: [] for n in ts}
        rss = {n: 0.0 for n in ts}
        for run in range(a.runs):
            order = list(ts) if run % 2 == 0 else list(reversed(list(ts)))
            for name in order:
                kind, cmd = ts[name]
                out = os.path.join(work, "out-%d" % list(ts).index(name))
                try:
                    secs, r = run_tool(kind, cmd, main_corpus, out, work)
                except RuntimeError as e:
                    log("skipping %s: %s" % (name, e))
                    times[name] = None
                    continue
                if times[name] is None:
                    continue
                times[name].append(secs)
                rss[name] = max(rss[name], r)
                log("run %d/%d %-30s %6.2fs" % (run + 1, a.runs, name, secs))
        for i, name in enumerate(ts):
            if not times[name]:
                continue
            out = os.path.join(work, "out-%d" % i)
            recs = sum(1 for _ in open(out, "rb"))
            med = statistics.median(times[name])
            results["tools"].append({
                "tool": name, "median_s": med, "runs_s": times[name],
                "mb_per_s": size / 1e6 / med, "peak_rss_mb": rss[name],
                "replacements": 0 if name == "cat" else count_labels(out),
                "records_out": recs})
        by = {r["tool"]: r for r in results["tools"]}
        cat = by["cat"]["mb_per_s"]
        p1 = by["phiscrub 1 thread"]["mb_per_s"]
        for r in results["tools"]:
            r["ratio_to_cat"] = r["mb_per_s"] / cat
            r["phiscrub_1t_over_this"] = p1 / r["mb_per_s"]

        log("NDJSON: phiscrub --format ndjson vs text mode vs jq -c .")
        nd = corpus("ndjson", a.sweep_mb)
        nd_size = os.path.getsize(nd)
        nd_tools = {"cat": ["cat"],
                    "phiscrub --format ndjson, 1 thread": [BIN, "--format", "ndjson",
                                                           "--threads", "1"],
                    "phiscrub text mode, 1 thread": [BIN, "--threads", "1"],
                    "phiscrub --format ndjson, %d threads" % cores: [
                        BIN, "--format", "ndjson", "--threads", str(cores)]}
        if shutil.which("jq"):
            nd_tools["jq -c . (parse and print only)"] = ["jq", "-c", "."]
        nd_times = {n: [] for n in nd_tools}
        for run in range(a.runs):
            order = list(nd_tools) if run % 2 == 0 else list(reversed(list(nd_tools)))
            for name in order:
                secs, _ = timed(nd_tools[name], nd, os.path.join(work, "nd-out"))
                nd_times[name].append(secs)
                if name.startswith("phiscrub --format ndjson, 1"):
                    bad = 0
                    with open(os.path.join(work, "nd-out"), "rb") as f:
                        for line in f:
                            try:
                                json.loads(line)
                            except ValueError:
                                bad += 1
                    results["ndjson_invalid_lines"] = bad
        results["ndjson"] = [{"tool": n, "mb_per_s": nd_size / 1e6 / statistics.median(v)}
                             for n, v in nd_times.items()]
        results["ndjson_inprocess"] = median_bench(
            BIN, [nd], ["--threads", "1", "--format", "ndjson"], a.runs)["mb_per_s"]

        sweep_c = corpus("applog", a.sweep_mb)
        log("sweep: threads")
        results["sweeps"]["threads"] = []
        for t in range(1, cores + 1):
            r = median_bench(BIN, [sweep_c], ["--threads", str(t)], a.runs)
            results["sweeps"]["threads"].append({"threads": t, "mb_per_s": r["mb_per_s"]})
        log("sweep: PHI density")
        results["sweeps"]["phi_density"] = []
        for rate in [0.0, 0.01, 0.05, 0.2, 0.5]:
            c = corpus("applog", a.sweep_mb, phi_rate=rate)
            r = median_bench(BIN, [c], ["--threads", "1"], a.runs)
            results["sweeps"]["phi_density"].append(
                {"phi_rate": rate, "mb_per_s": r["mb_per_s"], "findings": r["findings"]})
        log("sweep: record size")
        results["sweeps"]["record_size"] = []
        for rb in [0, 4096, 65536]:
            c = corpus("applog", a.sweep_mb, record_bytes=rb)
            r = median_bench(BIN, [c], ["--threads", "1"], a.runs)
            results["sweeps"]["record_size"].append(
                {"record_bytes": rb or "one line (~120 B)", "mb_per_s": r["mb_per_s"],
                 "latency_p50_us": r["latency_ns"]["p50"] / 1e3,
                 "latency_p99_us": r["latency_ns"]["p99"] / 1e3})
        log("sweep: formats")
        results["sweeps"]["formats"] = []
        has_format = "--format" in subprocess.run([BIN, "--help"], stdout=subprocess.PIPE,
                                                  text=True).stdout
        for kind in ["applog", "ndjson", "transcript", "payload"]:
            c = corpus(kind, a.sweep_mb)
            extra = ["--threads", "1"]
            mode = "text"
            if has_format and kind in ("ndjson", "payload"):
                extra += ["--format", "ndjson"]
                mode = "ndjson"
            r = median_bench(BIN, [c], extra, a.runs)
            results["sweeps"]["formats"].append(
                {"corpus": kind, "mode": mode, "mb_per_s": r["mb_per_s"],
                 "findings": r["findings"]})
        log("sweep: spoken view")
        results["sweeps"]["spoken_view"] = spoken_view_sweep(BIN, a.sweep_mb, a.runs)
        log("sweep: dictionary size")
        results["sweeps"]["dictionary"] = []
        tc = corpus("transcript", a.sweep_mb)
        sizes = [0, 10000] + ([] if a.skip_dict_1m else [1000000])
        for n in sizes:
            extra = ["--threads", "1"]
            if n:
                d = dictionary(n)
                extra += ["--dict", d]
            r = median_bench(BIN, [tc], extra, 1 if n >= 1000000 else a.runs)
            results["sweeps"]["dictionary"].append(
                {"entries": n, "mb_per_s": r["mb_per_s"],
                 "compile_seconds": r["compile_seconds"], "peak_rss_mb": r["peak_rss_mb"]})
        log("memory: 100 MB vs 1 GB of input")
        m = corpus("applog", 50)
        small = bench_json(BIN, [m] * 2, ["--threads", str(cores)])
        large = bench_json(BIN, [m] * 20, ["--threads", str(cores)])
        results["sweeps"]["memory"] = [
            {"input_mb": small["bytes"] / 1e6, "peak_rss_mb": small["peak_rss_mb"]},
            {"input_mb": large["bytes"] / 1e6, "peak_rss_mb": large["peak_rss_mb"]}]
        results["accuracy"] = accuracy_table()
        results["elapsed_s"] = time.time() - started
        results["plots"] = plots(results)
        os.makedirs(RESULTS, exist_ok=True)
        with open(os.path.join(RESULTS, "latest.json"), "w") as f:
            json.dump(results, f, indent=2)
        report = render(results)
        with open(os.path.join(RESULTS, "report.md"), "w") as f:
            f.write(report)
        print(report)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def dictionary(n):
    path = os.path.join(CORPUS_DIR, "names-%d.txt" % n)
    if os.path.exists(path):
        return path
    import random
    r = random.Random(7)
    letters = "aeioulnrstmdkbghwyzpcf"

    def word(lo, hi):
        return r.choice("ABCDEFGHIJKLMNOPRSTVW") + "".join(
            r.choice(letters) for _ in range(r.randint(lo, hi)))
    firsts = list({word(2, 7) for _ in range(max(50, n // 200))})
    lasts = list({word(3, 9) for _ in range(max(200, n // 6))})
    seen = set()
    with open(path, "w") as f:
        while len(seen) < n:
            e = r.choice(firsts) + " " + r.choice(lasts)
            if e not in seen:
                seen.add(e)
                f.write(e + "\n")
    return path


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def targets(res):
    """The issue's targets next to what this run measured."""
    by = {r["tool"]: r for r in res["tools"]}
    p1 = by.get("phiscrub 1 thread", {}).get("mb_per_s", 0)
    full1 = by.get("phiscrub full pack, 1 thread", {}).get("mb_per_s", 0)
    sed = by.get("sed -E", {}).get("mb_per_s", 0)
    t = res["sweeps"].get("threads", [])
    scale = t[-1]["mb_per_s"] / t[0]["mb_per_s"] if len(t) > 1 else 0
    mem = res["sweeps"].get("memory", [])
    rows = [("text logs, 1 thread, SSN/phone/e-mail set", ">= 1000 MB/s", "%.1f MB/s" % p1),
            ("text logs, 1 thread, full pack", ">= 1000 MB/s", "%.1f MB/s" % full1),
            ("ratio to GNU sed -E (same set)", ">= 80x", "%.1fx" % (p1 / sed if sed else 0)),
            ("NDJSON, 1 thread (in-process)", ">= 500 MB/s",
             "%.1f MB/s" % res.get("ndjson_inprocess", 0)),
            ("scaling 1 -> %d threads" % (t[-1]["threads"] if t else 0), ">= 1.8x",
             "%.2fx" % scale)]
    if len(mem) == 2:
        rows.append(("peak RSS, %.0f MB vs %.0f MB input" % (mem[0]["input_mb"], mem[1]["input_mb"]),
                     "equal", "%.1f vs %.1f MB" % (mem[0]["peak_rss_mb"], mem[1]["peak_rss_mb"])))
    out = ["## Targets (issue 6) and this run", "", "| target | goal | measured | met |",
           "|---|---|---:|---|"]
    for name, goal, got in rows:
        met = ""
        try:
            v = float(got.split()[0].rstrip("x"))
            if goal.startswith(">="):
                met = "yes" if v >= float(goal.split()[1].rstrip("x")) else "no"
        except ValueError:
            pass
        if goal == "equal" and len(mem) == 2:
            met = "yes" if abs(mem[0]["peak_rss_mb"] - mem[1]["peak_rss_mb"]) < 2 else "no"
        out.append("| %s | %s | %s | %s |" % (name, goal, got, met))
    return out + [""]


def render(res):
    c = res["corpus"]
    out = ["# phiscrub benchmark report", "",
           "Machine: %d cores, %s. Corpus: generated application log (`bench/gen_corpus.py "
           "--seed 42 --phi-rate 0.05`), %.0f MB, %d records. Median of the runs, tools "
           "alternating. Command: `make bench`." % (
               res["machine"]["cores"], res["machine"]["cpu"], c["bytes"] / 1e6, c["records"]),
           "", "## Throughput by tool (same input, SSN / phone / e-mail pattern set)", "",
           "| tool | MB/s | x cat | phiscrub 1 thread / tool | peak RSS MB | replacements |",
           "|---|---:|---:|---:|---:|---:|"]
    for r in res["tools"]:
        out.append("| %s | %.1f | %.3f | %.1fx | %.1f | %d |" % (
            r["tool"], r["mb_per_s"], r["ratio_to_cat"], r["phiscrub_1t_over_this"],
            r["peak_rss_mb"], r["replacements"]))
    out += ["", "`phiscrub full pack` runs every built-in entity type; the other "
            "phiscrub rows use `--entities %s`, the set the other tools run. "
            "Tool rows are wall-clock per invocation, so phiscrub's rows include compiling "
            "its rules at start-up (about 0.3 s for three entities, 1 s for the full pack); "
            "the sweeps below are in-process `phiscrub bench` figures without it. "
            "redact-pii uses its own rules (it also rewrites timestamps and ids, hence more "
            "replacements). Replacement counts differ where tools lack validators." % EQUIV_ENTITIES,
            ""]
    if res.get("ndjson"):
        out += ["## NDJSON (structured logs, `gen_corpus.py --kind ndjson`, full pack)", "",
                "| command | MB/s (wall clock, start-up included) |", "|---|---:|"]
        for r in res["ndjson"]:
            out.append("| %s | %.1f |" % (r["tool"], r["mb_per_s"]))
        out += ["", "In-process (`phiscrub bench --format ndjson --threads 1`, no start-up): "
                "%.1f MB/s. Output lines that are not valid JSON: %d." % (
                    res["ndjson_inprocess"], res.get("ndjson_invalid_lines", -1)), ""]
    out += targets(res)
    out += ["## Sweeps (phiscrub bench, full pack)", "", "| threads | MB/s |", "|---:|---:|"]
    for r in res["sweeps"]["threads"]:
        out.append("| %d | %.1f |" % (r["threads"], r["mb_per_s"]))
    t = res["sweeps"]["threads"]
    if len(t) > 1:
        out.append("\nScaling 1 -> %d threads: %.2fx" % (t[-1]["threads"],
                                                        t[-1]["mb_per_s"] / t[0]["mb_per_s"]))
    out += ["", "| lines with PHI | MB/s | findings |", "|---:|---:|---:|"]
    for r in res["sweeps"]["phi_density"]:
        out.append("| %g%% | %.1f | %d |" % (r["phi_rate"] * 100, r["mb_per_s"], r["findings"]))
    out += ["", "| record size | MB/s | latency p50 us | p99 us |", "|---|---:|---:|---:|"]
    for r in res["sweeps"]["record_size"]:
        out.append("| %s | %.1f | %.1f | %.1f |" % (r["record_bytes"], r["mb_per_s"],
                                                   r["latency_p50_us"], r["latency_p99_us"]))
    out += ["", "| corpus | mode | MB/s | findings |", "|---|---|---:|---:|"]
    for r in res["sweeps"]["formats"]:
        out.append("| %s | %s | %.1f | %d |" % (r["corpus"], r["mode"], r["mb_per_s"],
                                               r["findings"]))
    if res["sweeps"].get("spoken_view"):
        out += [""] + spoken_view_table(res["sweeps"]["spoken_view"])
    out += ["", "| dictionary entries | MB/s (transcripts) | compile s | peak RSS MB |",
            "|---:|---:|---:|---:|"]
    for r in res["sweeps"]["dictionary"]:
        out.append("| %d | %.1f | %.2f | %.1f |" % (r["entries"], r["mb_per_s"],
                                                    r["compile_seconds"], r["peak_rss_mb"]))
    out += ["", "| input | peak RSS MB |", "|---:|---:|"]
    for r in res["sweeps"]["memory"]:
        out.append("| %.0f MB | %.1f |" % (r["input_mb"], r["peak_rss_mb"]))
    wrk_path = os.path.join(RESULTS, "wrk.json")
    if os.path.exists(wrk_path):
        try:
            with open(wrk_path) as f:
                w = json.load(f)
            out += ["", "## phiscrubd under load (`bench/wrk_bench.sh`, %s)" % w.get("date", ""),
                    "", "wrk on the same 2-core host, POST /v1/redact with 1 KB transcript turns. "
                    "Goal: %d requests/s with p99 <= %.0f ms." % (
                        w["goal"]["requests_per_s"], w["goal"]["p99_us"] / 1000), "",
                    "| server threads | connections | requests/s | p50 ms | p99 ms |",
                    "|---:|---:|---:|---:|---:|"]
            for r in w["runs"]:
                lat = r["result"]["latency_us"]
                out.append("| %d | %d | %.0f | %.2f | %.2f |" % (
                    r["server_threads"], r["connections"], r["result"]["requests_per_s"],
                    lat["p50"] / 1000, lat["p99"] / 1000))
        except (OSError, ValueError, KeyError) as e:
            log("wrk.json unreadable: %s" % e)
    out += ["", "## Accuracy (tests/accuracy, same build)", ""]
    out.append(res["accuracy"] or "Accuracy harness not available in this checkout.")
    if res.get("plots"):
        out += ["", "## Plots", ""] + ["![%s](%s)" % (p, p) for p in res["plots"]]
    out += ["", "Total bench time: %.0f s." % res["elapsed_s"], ""]
    return "\n".join(out)


if __name__ == "__main__":
    main()
