#!/usr/bin/env python3
"""Deterministic, digit-dense application-log corpus for throughput benches.

Mixed access lines, app lines and JSON lines, like a real service log: full of
timestamps, ids, IPs, latencies and byte counts. About --phi-rate of the lines
carry a fictitious SSN, phone (555-01xx) or email. Same seed, same bytes.

  gen_corpus.py --size-mb 200 --seed 42 --phi-rate 0.05 > corpus.log

Other kinds (--kind): ndjson (structured log objects, PHI in string fields),
transcript (call-center speaker turns, names after cues, spoken-style PHI
written as digits), payload (one voice-agent end-of-call JSON per line).
--record-bytes N joins lines into records of about N bytes (record-size
sweeps).
--format ndjson is the same as --kind ndjson. The ndjson kind writes
structured-log records: nested request/user objects, numbers, booleans,
escapes, arrays and an occasional tool-call `arguments` string holding JSON;
PHI in free text (`msg`), under HIPAA keys (`user.phone`, `user.dob`) and
inside the tool-call arguments.
"""
import json
import argparse
import random
import sys

PATHS = ["/api/v1/patients", "/api/v1/appointments", "/healthz", "/static/app.js",
         "/api/v2/claims", "/login", "/api/v1/orders", "/metrics"]
METHODS = ["GET", "POST", "PUT", "DELETE"]
LEVELS = ["INFO", "DEBUG", "WARN", "ERROR"]
SERVICES = ["scheduler", "billing", "intake", "gateway", "notifier"]
FIRST = ["Dana", "Alex", "Jordan", "Casey", "Riley", "Morgan"]
LAST = ["Reyes", "Okafor", "Lindqvist", "Tanaka", "Moreau", "Haddad"]


def ts(r):
    return "2026-%02d-%02dT%02d:%02d:%02d.%03dZ" % (
        r.randint(1, 12), r.randint(1, 28), r.randint(0, 23),
        r.randint(0, 59), r.randint(0, 59), r.randint(0, 999))


def ip(r):
    return "10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))


def ssn(r):
    while True:
        a = r.randint(1, 899)
        if a != 666:
            return "%03d-%02d-%04d" % (a, r.randint(1, 99), r.randint(1, 9999))


def phone(r):
    return r.choice(["(415) 555-01%02d", "415-555-01%02d", "+1 212 555 01%02d",
                     "212.555.01%02d"]) % r.randint(0, 99)


def email(r):
    return "%s.%s%d@example.%s" % (r.choice(FIRST).lower(), r.choice(LAST).lower(),
                                   r.randint(1, 99), r.choice(["com", "org", "net"]))


def phi(r):
    k = r.randint(0, 2)
    if k == 0:
        return "ssn=" + ssn(r)
    if k == 1:
        return "callback " + phone(r)
    return "contact " + email(r)


def line(r, phi_rate):
    kind = r.random()
    extra = (" " + phi(r)) if r.random() < phi_rate else ""
    if kind < 0.4:
        return '%s - - [%s] "%s %s/%d HTTP/1.1" %d %d %dms%s' % (
            ip(r), ts(r), r.choice(METHODS), r.choice(PATHS), r.randint(1, 99999),
            r.choice([200, 200, 201, 204, 304, 404, 500]), r.randint(0, 99999),
            r.randint(1, 2500), extra)
    if kind < 0.75:
        return "%s %s [%s] pid=%d tid=%d req=%08x-%04x order=%d took %d.%03dms bytes=%d%s" % (
            ts(r), r.choice(LEVELS), r.choice(SERVICES), r.randint(100, 65535),
            r.randint(1, 99999), r.getrandbits(32), r.getrandbits(16),
            r.randint(10**6, 10**9), r.randint(0, 999), r.randint(0, 999),
            r.randint(0, 10**7), extra)
    return ('{"ts":"%s","level":"%s","svc":"%s","latency_ms":%d,"status":%d,'
            '"trace":"%016x","msg":"job %d done%s"}') % (
        ts(r), r.choice(LEVELS).lower(), r.choice(SERVICES), r.randint(1, 5000),
        r.choice([200, 202, 500]), r.getrandbits(64), r.randint(1, 10**6), extra)


MSGS = ["request completed", "cache miss for key session:%d", "retrying upstream call (attempt %d)",
        "appointment slot held for 15 minutes", "claim %d queued for adjudication",
        "user said \"thanks, that's all\" and hung up", "transcript chunk %d received"]


def ndjson_line(r, phi_rate):
    has_phi = r.random() < phi_rate
    msg = r.choice(MSGS)
    if "%d" in msg:
        msg = msg % r.randint(1, 10**6)
    if has_phi:
        msg += " " + phi(r)
    rec = {
        "ts": ts(r),
        "level": r.choice(LEVELS).lower(),
        "svc": r.choice(SERVICES),
        "trace_id": "%032x" % r.getrandbits(128),
        "span_id": "%016x" % r.getrandbits(64),
        "http": {"method": r.choice(METHODS), "path": r.choice(PATHS),
                 "status": r.choice([200, 200, 201, 204, 404, 500]),
                 "latency_ms": round(r.random() * 900, 3), "bytes": r.randint(0, 99999),
                 "client_ip": ip(r)},
        "msg": msg,
        "retry": r.random() < 0.1,
        "tags": [r.choice(["web", "api", "batch", "voice"]), "v%d" % r.randint(1, 9)],
    }
    k = r.random()
    if k < 0.3:
        user = {"id": r.randint(10**5, 10**8), "name": "%s %s" % (r.choice(FIRST), r.choice(LAST))}
        if has_phi:
            user["phone"] = phone(r)
            user["dob"] = "19%02d-%02d-%02d" % (r.randint(30, 99), r.randint(1, 12), r.randint(1, 28))
        rec["user"] = user
    elif k < 0.4:
        args = {"date": "2026-%02d-%02d" % (r.randint(1, 12), r.randint(1, 28)),
                "slot": r.randint(8, 17), "note": "caf\u00e9 visit"}
        if has_phi:
            args["callback"] = phone(r)
        rec["tool_call"] = {"name": "book_appointment",
                            "arguments": json.dumps(args, separators=(",", ":"))}
    return json.dumps(rec, separators=(",", ":"), ensure_ascii=False)


TURNS = ["I'd like to reschedule my appointment for next %s.",
         "Sure, can you confirm the date of your visit?",
         "It was on the %dth, around %d pm.",
         "Thanks, one moment while I pull that up.",
         "Your copay will be $%d.%02d.",
         "Is there anything else I can help you with today?"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def transcript_line(r, phi_rate):
    speaker = r.choice(["Agent", "Caller"])
    t = r.choice(TURNS)
    n = t.count("%")
    args = {0: (), 1: (r.choice(DAYS),), 2: (r.randint(1, 28), r.randint(1, 5))}.get(n)
    if "$" in t:
        args = (r.randint(5, 80), r.randint(0, 99))
    text = t % args if args else t
    if r.random() < phi_rate * 4:
        k = r.randint(0, 3)
        if k == 0:
            text = "Hi, my name is %s %s and I need help." % (r.choice(FIRST), r.choice(LAST))
        elif k == 1:
            text = "My date of birth is %02d/%02d/19%02d." % (
                r.randint(1, 12), r.randint(1, 28), r.randint(40, 99))
        elif k == 2:
            text = "You can reach me at %s." % phone(r)
        else:
            text = "My social is %s." % ssn(r)
    return "%s: %s" % (speaker, text)


def payload_line(r, phi_rate):
    first, last = r.choice(FIRST), r.choice(LAST)
    turns = [transcript_line(r, phi_rate) for _ in range(r.randint(4, 10))]
    transcript = "\\n".join(t.replace('"', "'") for t in turns)
    msgs = ",".join('{"role":"%s","message":"%s","time":%d}' % (
        "user" if t.startswith("Caller") else "bot", t.split(": ", 1)[1].replace('"', "'"),
        1763807462000 + i * 1500) for i, t in enumerate(turns))
    return ('{"message":{"type":"end-of-call-report","call":{"id":"%08x-%04x","customer":'
            '{"number":"+1415555%04d","name":"%s %s"}},"artifact":{"transcript":"%s",'
            '"messages":[%s]},"analysis":{"summary":"Caller %s asked to reschedule."},'
            '"durationSeconds":%d}}') % (
        r.getrandbits(32), r.getrandbits(16), r.randint(100, 199), first, last, transcript,
        msgs, first, r.randint(30, 900))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mb", type=float, default=100)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--phi-rate", type=float, default=0.05)
    ap.add_argument("--kind", choices=["applog", "ndjson", "transcript", "payload"],
                    default="applog")
    ap.add_argument("--record-bytes", type=int, default=0)
    ap.add_argument("--format", choices=["text", "ndjson"], default="text",
                    help="ndjson is --kind ndjson")
    a = ap.parse_args()
    make = {"applog": line, "ndjson": ndjson_line, "transcript": transcript_line,
            "payload": payload_line}[a.kind]
    if a.format == "ndjson":
        make = ndjson_line
    r = random.Random(a.seed)
    target = int(a.size_mb * 1e6)
    out = sys.stdout
    written = 0
    buf = []
    while written < target:
        s = make(r, a.phi_rate)
        while a.record_bytes and len(s) < a.record_bytes:
            s += " | " + make(r, a.phi_rate)
        s += "\n"
        buf.append(s)
        written += len(s)
        if len(buf) >= 10000:
            out.write("".join(buf))
            buf = []
    out.write("".join(buf))


if __name__ == "__main__":
    main()
