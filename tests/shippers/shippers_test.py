#!/usr/bin/env python3
"""phiscrub with the real log shippers of Debian 12: rsyslog 8.2302 (an
unpacked copy, scripts/fetch_rsyslog.sh: it conflicts with syslog-ng-core) and
syslog-ng 3.38 (installed). Each test writes the shipper's own configuration
(the ones in examples/shippers/, with ports and paths filled in), starts the
daemon in the foreground on loopback ports, sends N lines with fictitious PHI
over TCP and checks the output: every record delivered, redacted, in order,
and never a raw line, also when phiscrub is killed mid-way.

  shippers_test.py PHISCRUB PHISCRUBD TEST_NAME|all

All data is fictitious: made-up SSN 219-09-9999, 555-01xx phone numbers,
example.com addresses.
"""
import os
import re
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
EXAMPLES = os.path.join(REPO, "examples", "shippers")
PHISCRUB = PHISCRUBD = RSYSLOG_ROOT = TMP = None
SCALE = float(os.environ.get("PHISCRUB_TEST_TIMEOUT_SCALE") or 1)
N = 10000
RAW = [b"219-09-9999", b"555-01", b"@example.com"]
PLACEHOLDER = b"[PHISCRUB_WITHHELD reason=not_redacted]"
STARTED = []  # every process this test started, stopped at the end


def fail(msg):
    raise AssertionError(msg)


def check(cond, msg):
    if not cond:
        fail(msg)


def record(i):
    return b"rec %05d SSN 219-09-9999 phone (415) 555-01%02d mail pat.doe%d@example.com" % (
        i, i % 100, i)


def redacted(i):
    return b"rec %05d SSN [US_SSN] phone [PHONE_NUMBER] mail [EMAIL_ADDRESS]" % i


def free_port():
    """A free loopback port below the kernel's ephemeral range (32768+): the
    daemons need it in their configuration before they bind it, and a port
    from the ephemeral range can be taken meanwhile by any process binding
    port 0 (the other tests run in parallel: Kafka's mock brokers, phiscrubd
    on port 0), which sent this test's stream to someone else."""
    lo, hi = 20000, 32000
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range") as f:
            eph_lo = int(f.read().split()[0])
        hi = min(hi, eph_lo)
    except (OSError, ValueError, IndexError):
        pass
    for _ in range(200):
        port = random.randrange(lo, hi)
        s = socket.socket()
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
        finally:
            s.close()
        return port
    fail("no free port in %d-%d" % (lo, hi))


def wait_port(port, proc, what, timeout=20):
    deadline = time.time() + timeout * SCALE
    while time.time() < deadline:
        if proc.poll() is not None:
            fail("%s exited early (%s)" % (what, proc.returncode))
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    fail("%s does not listen on %d" % (what, port))


def start(args, name, **kw):
    log = open(os.path.join(TMP, name + ".log"), "wb")
    p = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, **kw)
    STARTED.append(p)
    return p


def stop_all():
    for p in reversed(STARTED):
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
    STARTED.clear()


def children(pid):
    """Direct children of a process we started (the shipper's phiscrub)."""
    out = []
    for task in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/children" % (pid, task)) as f:
                out += [int(x) for x in f.read().split()]
        except OSError:
            pass
    return out


def descendants_named(pid, name):
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        for c in children(p):
            todo.append(c)
            try:
                exe = os.path.basename(os.readlink("/proc/%d/exe" % c))
            except OSError:
                continue
            if exe == name:
                found.append(c)
    return found


# The example configurations' own values, replaced by the test's.
DEFAULTS = {"PHISCRUB": "/usr/bin/phiscrub", "INPUT_PORT": "10514", "RELAY_PORT": "10601",
            "RETURN_PORT": "10602", "OUTPUT": "/var/log/phi-clean.log",
            "WORKDIR": "/var/spool/rsyslog", "INPUT_FILE": "/var/log/app.log",
            "OUTPUT_RAW": "/var/log/phi-clean-raw.log"}


def config(name, **values):
    """An example configuration from examples/shippers, as shipped, with its
    paths and ports replaced by the test's."""
    text = open(os.path.join(EXAMPLES, name)).read()
    for k, v in values.items():
        check(DEFAULTS[k] in text, "%s: %s not in the example" % (name, DEFAULTS[k]))
        text = text.replace(DEFAULTS[k], str(v))
    path = os.path.join(TMP, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def rsyslogd(conf, ports):
    p = start([os.path.join(RSYSLOG_ROOT, "usr/sbin/rsyslogd"), "-n", "-f", conf,
               "-i", os.path.join(TMP, "rsyslogd.pid"),
               "-M", os.path.join(RSYSLOG_ROOT, "usr/lib/x86_64-linux-gnu/rsyslog")], "rsyslogd")
    for port in ports:
        wait_port(port, p, "rsyslogd")
    return p


def syslog_ng(conf, ports):
    p = start(["syslog-ng", "-F", "--no-caps", "-f", conf,
               "-R", os.path.join(TMP, "syslog-ng.persist"),
               "-p", os.path.join(TMP, "syslog-ng.pid"),
               "-c", os.path.join(TMP, "syslog-ng.ctl")], "syslog-ng")
    for port in ports:
        wait_port(port, p, "syslog-ng")
    return p


def phiscrubd(listen_tcp, downstream):
    d = tempfile.mkdtemp(dir=TMP)
    p = start([PHISCRUBD, "--listen", "127.0.0.1:0", "--port-file", os.path.join(d, "port"),
               "--listen-tcp", "127.0.0.1:%d" % listen_tcp, "--tcp-mode", "relay",
               "--downstream", "127.0.0.1:%d" % downstream, "--threads", "1"], "phiscrubd")
    wait_port(listen_tcp, p, "phiscrubd")
    return p


class Sender:
    """Sends records 0..N-1 as syslog lines over one TCP connection, in
    chunks, so a test can act mid-way."""

    def __init__(self, port, octet=False):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.next = 0
        self.octet = octet

    def send(self, upto):
        chunk = []
        for i in range(self.next, min(upto, N)):
            line = b"<13>Dec  1 10:00:00 testhost app: " + record(i)
            chunk.append(b"%d %s" % (len(line), line) if self.octet else line + b"\n")
        self.sock.sendall(b"".join(chunk))
        self.next = min(upto, N)

    def close(self):
        self.sock.close()


def read_lines(path):
    if not os.path.exists(path):
        return []
    with open(path, "rb") as f:
        data = f.read()
    return [l.strip() for l in data.split(b"\n")[:-1]]


def wait_lines(path, n, timeout, what):
    deadline = time.time() + timeout * SCALE
    while time.time() < deadline:
        lines = read_lines(path)
        if len(lines) >= n:
            return lines
        time.sleep(0.1)
    fail("%s: %d of %d lines after %.0fs" % (what, len(read_lines(path)), n, timeout * SCALE))


def no_raw(lines, what):
    for l in lines:
        for r in RAW:
            check(r not in l, "%s: raw PHI in output line %r" % (what, l[:120]))


def numbers(lines, what, allow_placeholder=False):
    """Record numbers of the output lines; each line must be exactly the
    redacted record (or, if allowed, the placeholder)."""
    out = []
    for l in lines:
        if allow_placeholder and l == PLACEHOLDER:
            out.append(None)
            continue
        m = re.match(rb"rec (\d{5}) ", l)
        check(m is not None, "%s: unexpected line %r" % (what, l[:120]))
        i = int(m.group(1))
        check(l == redacted(i), "%s: line %r is not %r" % (what, l[:120], redacted(i)))
        out.append(i)
    return out


def check_all_in_order(lines, what):
    no_raw(lines, what)
    got = numbers(lines, what)
    check(got == list(range(N)), "%s: %d lines, not records 0..%d in order (first bad: %s)" % (
        what, len(got), N - 1, next((k for k, v in enumerate(got) if v != k), None)))


def check_increasing(nums, what):
    seen = [x for x in nums if x is not None]
    check(all(a < b for a, b in zip(seen, seen[1:])), "%s: records out of order" % what)


def kill_midway(parent, name, sender, out, what):
    """Sends every record, then kills the shipper's `name` process with
    SIGKILL once some output arrived (while it is busy with the rest)."""
    sender.send(N)
    sender.close()
    wait_lines(out, N // 8, 60, what + " (before the kill)")
    victims = descendants_named(parent.pid, name)
    check(victims, "%s: no %s process under the shipper" % (what, name))
    for v in victims:
        os.kill(v, signal.SIGKILL)
    return len(victims)


# --- rsyslog ----------------------------------------------------------------

def rsyslog_conf(example, inp, out, **extra):
    return config(example, PHISCRUB=PHISCRUB, INPUT_PORT=inp, OUTPUT=out, WORKDIR=TMP, **extra)


def run_rsyslog_module(example, kill, dedupe):
    inp = free_port()
    out = os.path.join(TMP, "out.log")
    rs = rsyslogd(rsyslog_conf(example, inp, out), [inp])
    sender = Sender(inp)
    if not kill:
        sender.send(N)
        sender.close()
        lines = wait_lines(out, N, 120, example)
        time.sleep(0.5)
        check_all_in_order(read_lines(out), example)
        return
    killed = kill_midway(rs, "phiscrub", sender, out, example)
    what = example + " (phiscrub killed)"
    if dedupe:
        # omprog confirmMessages: the record being written when phiscrub died
        # is retried: delivered at least once, never lost, never raw.
        deadline = time.time() + 120 * SCALE
        while time.time() < deadline:
            lines = read_lines(out)
            if lines and re.match(rb"rec %05d " % (N - 1), lines[-1]):
                break
            time.sleep(0.1)
        time.sleep(0.5)
        lines = read_lines(out)
        no_raw(lines, what)
        got = numbers(lines, what)
        uniq = [x for k, x in enumerate(got) if k == 0 or got[k - 1] != x]
        check(uniq == list(range(N)), "%s: not every record once, in order (%d lines)" % (
            what, len(got)))
        print("  %s: %d record(s) written twice (retried after the kill)" % (what, len(got) - N))
    else:
        # mmexternal: the record phiscrub died on reaches the output as the
        # configuration's placeholder (no $!phiscrub marker), never raw.
        lines = wait_lines(out, N, 120, what)
        time.sleep(0.5)
        lines = read_lines(out)
        no_raw(lines, what)
        got = numbers(lines, what, allow_placeholder=True)
        check(len(got) == N, "%s: %d lines for %d records" % (what, len(got), N))
        check_increasing(got, what)
        withheld = got.count(None)
        check([x for x in got if x is not None] == [k for k, x in enumerate(got) if x is not None],
              "%s: records shifted" % what)
        print("  %s: %d record(s) replaced by the placeholder" % (what, withheld))
    check(killed >= 1, "killed")


def test_rsyslog_omprog():
    run_rsyslog_module("rsyslog-omprog.conf", kill=False, dedupe=True)


def test_rsyslog_omprog_kill():
    run_rsyslog_module("rsyslog-omprog.conf", kill=True, dedupe=True)


def test_rsyslog_mmexternal():
    run_rsyslog_module("rsyslog-mmexternal.conf", kill=False, dedupe=False)


def test_rsyslog_mmexternal_kill():
    run_rsyslog_module("rsyslog-mmexternal.conf", kill=True, dedupe=False)


def test_rsyslog_mmexternal_fulljson():
    """interface.input="fulljson": msg and rawmsg rewritten; multi-line
    messages (octet-counted, with embedded newlines) stay whole."""
    inp = free_port()
    out = os.path.join(TMP, "out.log")
    out_raw = os.path.join(TMP, "out-raw.log")
    conf = config("rsyslog-mmexternal-fulljson.conf", PHISCRUB=PHISCRUB, INPUT_PORT=inp,
                  OUTPUT_RAW=out_raw, OUTPUT=out, WORKDIR=TMP)
    rsyslogd(conf, [inp])
    sock = socket.create_connection(("127.0.0.1", inp), timeout=30)
    frames = []
    for i in range(N):
        body = record(i)
        if i % 100 == 0:  # every hundredth message spans two lines
            body += b"\nsecond line SSN 219-09-9999"
        line = b"<13>Dec  1 10:00:00 testhost app: " + body
        frames.append(b"%d %s" % (len(line), line))
    sock.sendall(b"".join(frames))
    sock.close()
    # One output line per message, plus the second line of the multi-line ones.
    want = N + N // 100
    wait_lines(out, want, 120, "fulljson msg")
    wait_lines(out_raw, want, 120, "fulljson rawmsg")
    time.sleep(0.5)
    msg, raw = read_lines(out), read_lines(out_raw)
    no_raw(msg, "fulljson msg")
    no_raw(raw, "fulljson rawmsg")
    expect = []
    for i in range(N):
        expect.append(redacted(i))
        if i % 100 == 0:
            expect.append(b"second line SSN [US_SSN]")
    check(msg == expect, "fulljson msg: %d lines, first difference at %s" % (
        len(msg), next((k for k, (a, b) in enumerate(zip(msg, expect)) if a != b), None)))
    expect_raw = [l if l.startswith(b"second") else b"<13>Dec  1 10:00:00 testhost app: " + l
                  for l in expect]
    check(raw == expect_raw, "fulljson rawmsg: %d lines, first difference at %s" % (
        len(raw), next((k for k, (a, b) in enumerate(zip(raw, expect_raw)) if a != b), None)))


def test_rsyslog_relay():
    """omfwd (newline framing, its default) -> phiscrubd relay -> imtcp; then
    phiscrubd is killed mid-way and restarted: no raw line, order kept."""
    inp, relay, back = free_port(), free_port(), free_port()
    out = os.path.join(TMP, "out.log")
    conf = config("rsyslog-relay.conf", INPUT_PORT=inp, RELAY_PORT=relay, RETURN_PORT=back,
                  OUTPUT=out, WORKDIR=TMP)
    rs = rsyslogd(conf, [inp, back])
    d = phiscrubd(relay, back)
    sender = Sender(inp)
    sender.send(N)
    lines = wait_lines(out, N, 120, "rsyslog relay")
    time.sleep(0.5)
    check_all_in_order(read_lines(out), "rsyslog relay")
    # Kill -9 and restart phiscrubd while records flow.
    os.truncate(out, 0)
    sender2 = Sender(inp)
    sender2.send(N // 2)
    wait_lines(out, N // 8, 60, "relay before the kill")
    d.kill()
    d.wait()
    sender2.send(N)
    sender2.close()
    d = phiscrubd(relay, back)
    deadline = time.time() + 90 * SCALE
    while time.time() < deadline:
        lines = read_lines(out)
        if lines and lines[-1] == redacted(N - 1):
            break
        time.sleep(0.1)
    time.sleep(0.5)
    lines = read_lines(out)
    what = "rsyslog relay (phiscrubd killed)"
    no_raw(lines, what)
    got = numbers(lines, what)
    check(got and got[-1] == N - 1, "%s: the stream did not resume" % what)
    check_increasing(got, what)
    print("  %s: %d of %d records delivered (lost with the killed process: %d)" % (
        what, len(got), N, N - len(got)))
    check(rs.poll() is None, "rsyslogd alive")


def test_rsyslog_relay_sigterm():
    """phiscrubd gets SIGTERM while omfwd is still forwarding: it stops
    accepting, reads the open connection until idle, delivers everything
    and exits 0; every record arrives, in order."""
    inp, relay, back = free_port(), free_port(), free_port()
    out = os.path.join(TMP, "out.log")
    conf = config("rsyslog-relay.conf", INPUT_PORT=inp, RELAY_PORT=relay, RETURN_PORT=back,
                  OUTPUT=out, WORKDIR=TMP)
    rsyslogd(conf, [inp, back])
    d = phiscrubd(relay, back)
    sender = Sender(inp)
    sender.send(N)
    sender.close()
    lines = wait_lines(out, N // 10, 60, "relay before SIGTERM")
    check(len(lines) < N, "SIGTERM came after the whole stream (%d lines)" % len(lines))
    d.send_signal(signal.SIGTERM)
    rc = d.wait(30 * SCALE)
    lines = wait_lines(out, N, 60, "relay after SIGTERM")
    time.sleep(0.5)
    check(rc == 0, "phiscrubd exit %d after SIGTERM" % rc)
    check_all_in_order(read_lines(out), "rsyslog relay (phiscrubd SIGTERM)")


# --- syslog-ng --------------------------------------------------------------

def test_syslog_ng_program_destination():
    inp = free_port()
    out = os.path.join(TMP, "out.log")
    conf = config("syslog-ng-program-destination.conf", PHISCRUB=PHISCRUB, INPUT_PORT=inp,
                  OUTPUT=out)
    sng = syslog_ng(conf, [inp])
    sender = Sender(inp)
    sender.send(N)
    sender.close()
    wait_lines(out, N, 120, "syslog-ng program()")
    time.sleep(0.5)
    check_all_in_order(read_lines(out), "syslog-ng program() destination")
    # Killed mid-way: syslog-ng restarts it; what sat in the dead process's
    # pipe is lost, nothing comes out raw, the order holds.
    os.truncate(out, 0)
    sender = Sender(inp)
    kill_midway(sng, "phiscrub", sender, out, "syslog-ng program() destination")
    deadline = time.time() + 90 * SCALE
    while time.time() < deadline:
        lines = read_lines(out)
        if lines and lines[-1] == redacted(N - 1):
            break
        time.sleep(0.1)
    time.sleep(0.5)
    lines = read_lines(out)
    what = "syslog-ng program() destination (phiscrub killed)"
    no_raw(lines, what)
    got = numbers(lines, what)
    check(got and got[-1] == N - 1, "%s: did not resume" % what)
    check_increasing(got, what)
    print("  %s: %d of %d delivered" % (what, len(got), N))


def test_syslog_ng_program_source():
    src = os.path.join(TMP, "app.log")
    with open(src, "wb") as f:
        f.write(b"".join(record(i) + b"\n" for i in range(N)))
    out = os.path.join(TMP, "out.log")
    conf = config("syslog-ng-program-source.conf", PHISCRUB=PHISCRUB, INPUT_FILE=src,
                  OUTPUT=out)
    sng = syslog_ng(conf, [])
    wait_lines(out, N, 120, "syslog-ng program() source")
    time.sleep(0.5)
    check_all_in_order(read_lines(out), "syslog-ng program() source")
    # phiscrub killed: syslog-ng restarts the source program (which reads the
    # file again); whatever comes, none of it is raw.
    for v in descendants_named(sng.pid, "phiscrub"):
        os.kill(v, signal.SIGKILL)
    with open(src, "ab") as f:
        f.write(b"".join(record(i) + b"\n" for i in range(N, N + 100)))
    time.sleep(3)
    lines = read_lines(out)
    no_raw(lines, "syslog-ng program() source (phiscrub killed)")


def test_syslog_ng_relay():
    """network() in, syslog() (octet-counted) -> phiscrubd relay (framing
    auto) -> syslog() source -> file."""
    inp, relay, back = free_port(), free_port(), free_port()
    out = os.path.join(TMP, "out.log")
    conf = config("syslog-ng-relay.conf", INPUT_PORT=inp, RELAY_PORT=relay, RETURN_PORT=back,
                  OUTPUT=out)
    syslog_ng(conf, [inp, back])
    phiscrubd(relay, back)
    sender = Sender(inp)
    sender.send(N)
    sender.close()
    wait_lines(out, N, 120, "syslog-ng relay")
    time.sleep(0.5)
    check_all_in_order(read_lines(out), "syslog-ng network() -> phiscrubd -> syslog()")


TESTS = {name[5:]: fn for name, fn in globals().items() if name.startswith("test_")}


def main():
    global PHISCRUB, PHISCRUBD, RSYSLOG_ROOT, TMP
    PHISCRUB = os.path.abspath(sys.argv[1])
    PHISCRUBD = os.path.abspath(sys.argv[2])
    names = sys.argv[3:] or ["all"]
    if names == ["all"]:
        names = list(TESTS)
    if any(n.startswith("rsyslog") for n in names):
        RSYSLOG_ROOT = subprocess.run(["bash", os.path.join(REPO, "scripts", "fetch_rsyslog.sh")],
                                      check=True, capture_output=True,
                                      text=True).stdout.strip()
    for n in names:
        with tempfile.TemporaryDirectory(prefix="phiscrub-shippers-") as tmp:
            TMP = tmp
            t0 = time.time()
            try:
                TESTS[n]()
            except BaseException:
                for f in sorted(os.listdir(tmp)):
                    if f.endswith(".log") and f not in ("out.log", "app.log"):
                        sys.stderr.write("--- %s\n%s\n" % (
                            f, open(os.path.join(tmp, f), errors="replace").read()[-3000:]))
                raise
            finally:
                stop_all()
            print("ok %s (%.2fs)" % (n, time.time() - t0))


if __name__ == "__main__":
    main()
