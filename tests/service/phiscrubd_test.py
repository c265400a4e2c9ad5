#!/usr/bin/env python3
"""Integration tests for phiscrubd: start the real binary on port 0 and talk to
it over 127.0.0.1 (HTTP with http.client and raw sockets, TCP framings, a
downstream relay target). Python 3 standard library only.

  phiscrubd_test.py PATH/TO/phiscrubd TEST_NAME     (one test, as ctest runs them)
  phiscrubd_test.py PATH/TO/phiscrubd all

All data is fictitious: 555-01xx phone numbers, made-up SSNs and names.
"""
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

BIN = None
TMP = None
# Sanitised builds start and run slower: waits for the daemon (start-up, a
# reload, a condition) are multiplied by this (ctest passes the build's
# PHISCRUB_TEST_TIMEOUT_SCALE). Checks that the daemon's own timers fire
# promptly are not scaled.
SCALE = float(os.environ.get("PHISCRUB_TEST_TIMEOUT_SCALE") or 1)

# Fictitious PHI sent in requests; none of it may come back or land in logs.
PHI = ["123-45-6789", "(415) 555-0132", "415-555-0148", "dana.fict@example.com", "Zyxwell"]
TOKEN = "test-token-0123456789abcdef"


def fail(msg):
    raise AssertionError(msg)


# ---------------------------------------------------------------------------
# OpenAPI: every response Server.request sees is validated against
# service/openapi.json (the document phiscrubd serves at /openapi.json), so
# the description cannot drift from the behaviour.
SPEC_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "service",
                         "openapi.json")
SPEC = None
VALIDATED = [0]


def load_spec():
    global SPEC, jsonschema
    try:
        import jsonschema
    except ImportError:
        # Debian's python3-jsonschema (scripts/deps.sh) is for /usr/bin/python3.
        if os.path.realpath(sys.executable) != "/usr/bin/python3" and \
                os.path.exists("/usr/bin/python3"):
            os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
        fail("python3-jsonschema is missing: run scripts/deps.sh")
    SPEC = json.load(open(SPEC_PATH))


def _spec_path_item(path):
    if path in SPEC["paths"]:
        return SPEC["paths"][path]
    for templ, item in SPEC["paths"].items():
        if "{" in templ and re.fullmatch(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(templ)), path):
            return item
    return None


def _spec_ref(obj):
    while "$ref" in obj:
        node = SPEC
        for part in obj["$ref"][2:].split("/"):
            node = node[part]
        obj = node
    return obj


def schema_validate(instance, schema, what):
    wrapper = dict(schema)
    wrapper["components"] = SPEC["components"]  # so "#/components/..." resolves
    errors = list(jsonschema.Draft202012Validator(wrapper).iter_errors(instance))
    check(not errors, "%s does not match /openapi.json: %s" %
          (what, "; ".join(e.message[:200] for e in errors[:3])))


def openapi_check(method, target, status, headers, body):
    if SPEC is None:
        return
    path = target.split("?")[0]
    ctype = {k.lower(): v for k, v in headers.items()}.get("content-type", "")
    ctype = ctype.split(";")[0].strip()
    what = "%s %s -> %d" % (method, path, status)
    item = _spec_path_item(path)
    if item is None:
        check(status in (401, 404), "%s: path not in /openapi.json" % what)
        schema = {"$ref": "#/components/schemas/Error"}
    elif method.lower() not in item:
        check(status in (401, 405), "%s: method not in /openapi.json" % what)
        schema = {"$ref": "#/components/schemas/Error"}
    else:
        responses = item[method.lower()]["responses"]
        resp = responses.get(str(status)) or responses.get("default")
        check(resp is not None, "%s: status not declared in /openapi.json" % what)
        content = _spec_ref(resp).get("content", {})
        check(ctype in content, "%s: content type %r not declared (%s)" %
              (what, ctype, sorted(content)))
        schema = content[ctype]["schema"]
    if ctype == "application/json":
        schema_validate(json.loads(body), schema, what)
    else:
        schema_validate(body.decode("utf-8"), schema, what)
    VALIDATED[0] += 1


def check(cond, msg):
    if not cond:
        fail(msg)


def no_phi(text, where):
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    for p in PHI:
        check(p not in text, "PHI %r leaked in %s: %s" % (p, where, text[:300]))


class Server:
    def __init__(self, *args, env=None, wait=True):
        global TMP
        self.dir = tempfile.mkdtemp(dir=TMP)
        self.port_file = os.path.join(self.dir, "port")
        self.tcp_port_file = os.path.join(self.dir, "tcp_port")
        self.audit = os.path.join(self.dir, "audit.jsonl")
        self.stderr_path = os.path.join(self.dir, "stderr")
        self.args = [BIN, "--listen", "127.0.0.1:0", "--port-file", self.port_file,
                     "--tcp-port-file", self.tcp_port_file, "--audit-log", self.audit,
                     "--threads", "2"] + list(args)
        e = {k: v for k, v in os.environ.items() if not k.startswith("PHISCRUB_")}
        e.update(env or {})
        self.err = open(self.stderr_path, "wb")
        self.proc = subprocess.Popen(self.args, stderr=self.err, stdout=subprocess.DEVNULL, env=e)
        self.port = None
        self.tcp_port = None
        if wait:
            self.wait_ready()

    def wait_ready(self):
        deadline = time.time() + 10 * SCALE
        # The TCP port file is written after the HTTP one: wait for both.
        tcp = "--listen-tcp" in self.args
        while time.time() < deadline:
            if self.proc.poll() is not None:
                fail("phiscrubd exited early (%s): %s" % (self.proc.returncode, self.stderr()))
            if os.path.exists(self.port_file) and (not tcp or os.path.exists(self.tcp_port_file)):
                self.port = int(open(self.port_file).read())
                if os.path.exists(self.tcp_port_file):
                    self.tcp_port = int(open(self.tcp_port_file).read())
                return
            time.sleep(0.02)
        fail("phiscrubd did not start")

    def stderr(self):
        self.err.flush()
        return open(self.stderr_path, "rb").read().decode("utf-8", "replace")

    def audit_lines(self):
        if not os.path.exists(self.audit):
            return []
        return [json.loads(l) for l in open(self.audit) if l.strip()]

    def conn(self, timeout=5):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, conn=None):
        c = conn or self.conn()
        h = {"Content-Type": "application/json"}
        h.update(headers or {})
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        if conn is None:
            c.close()
        openapi_check(method, path, r.status, dict(r.getheaders()), data)
        return r.status, dict(r.getheaders()), data

    def post(self, path, body, **kw):
        return self.request("POST", path, body, **kw)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def metrics(self, headers=None):
        st, _, body = self.get("/metrics", headers=headers)
        check(st == 200, "metrics status %d" % st)
        return body.decode()

    def stop(self, sig=signal.SIGTERM, timeout=10):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            rc = self.proc.wait(timeout * SCALE)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            fail("phiscrubd did not stop")
        no_phi(self.stderr(), "stderr")
        for line in open(self.audit).read() if os.path.exists(self.audit) else []:
            pass
        if os.path.exists(self.audit):
            no_phi(open(self.audit).read(), "audit log")
        return rc

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def metric(text, name, labels=None):
    """Value of one sample, or None."""
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        m = re.match(r"^([a-z_]+)(\{[^}]*\})? (\S+)$", line)
        if not m or m.group(1) != name:
            continue
        if labels:
            ls = m.group(2) or ""
            if not all('%s="%s"' % (k, v) in ls for k, v in labels.items()):
                continue
        return float(m.group(3))
    return None


def read_response(f):
    """Reads one HTTP/1.1 response from a buffered socket file: (status,
    headers, body). Handles Content-Length and chunked bodies."""
    status_line = f.readline()
    if not status_line:
        return None
    status = int(status_line.split()[1])
    headers = {}
    while True:
        line = f.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        k, v = line.decode().split(":", 1)
        headers[k.strip().lower()] = v.strip()
    body = b""
    if headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int(f.readline().strip().split(b";")[0], 16)
            if size == 0:
                f.readline()
                break
            body += f.read(size)
            f.readline()
    else:
        body = f.read(int(headers.get("content-length", "0")))
    return status, headers, body


# ---------------------------------------------------------------------------
def test_endpoints():
    s = Server()
    try:
        st, h, body = s.get("/healthz")
        check(st == 200 and json.loads(body)["status"] == "ok", "healthz")
        st, h, body = s.get("/readyz")
        check(st == 200 and json.loads(body)["status"] == "ready", "readyz %s" % body)

        st, h, body = s.post("/v1/redact", {"text": "SSN 123-45-6789, call (415) 555-0132, "
                                                    "mail dana.fict@example.com"})
        check(st == 200, "redact text status %d" % st)
        out = json.loads(body)
        check(out["text"] == "SSN [US_SSN], call [PHONE_NUMBER], mail [EMAIL_ADDRESS]",
              "redact text: %r" % out["text"])
        ents = sorted(f["entity"] for f in out["findings"])
        check(ents == ["EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN"], "findings %s" % ents)
        f0 = out["findings"][0]
        check(set(f0) == {"path", "start", "end", "entity", "rule", "score"}, "finding keys %s" % f0)
        check((f0["start"], f0["end"]) == (4, 15), "offsets %s" % f0)
        check(out["overview"]["findings_by_entity"]["US_SSN"] == 1, "overview")
        check("X-Request-Id" in h, "request id header")
        no_phi(body, "redact text response")

        # JSON payload: structure kept, HIPAA key and scanned string redacted.
        payload = {"user": {"phone": "415-555-0148", "note": "ssn 123-45-6789"}, "ms": 12}
        st, _, body = s.post("/v1/redact", {"payload": payload, "format": "json"})
        out = json.loads(body)
        check(st == 200 and out["payload"] == {"user": {"phone": "[PHONE_NUMBER]",
                                                        "note": "ssn [US_SSN]"}, "ms": 12},
              "payload: %s" % body)
        paths = sorted(f["path"] for f in out["findings"])
        check(paths == ["$.user.note", "$.user.phone"], "paths %s" % paths)
        no_phi(body, "payload response")

        # Payload bytes outside rewritten strings are kept as sent.
        raw = '{"payload": {"a" : 1.50, "b":"SSN 123-45-6789" }, "format":"auto"}'
        st, _, body = s.post("/v1/redact", raw)
        check(st == 200 and b'{"a" : 1.50, "b":"SSN [US_SSN]" }' in body, "raw bytes: %s" % body)

        # Vendor profile: caller number always redacted.
        vapi = {"message": {"type": "end-of-call-report", "call": {"customer": {
            "number": "+14155550148"}}, "artifact": {"transcript": "my SSN is 123-45-6789"}}}
        st, _, body = s.post("/v1/redact", {"payload": vapi, "format": "vapi"})
        check(st == 200 and b"5550148" not in body and b"123-45-6789" not in body,
              "vapi: %s" % body)

        # Report mode: findings only, no content.
        st, _, body = s.post("/v1/redact", {"text": "SSN 123-45-6789", "mode": "report"})
        out = json.loads(body)
        check(st == 200 and "text" not in out and len(out["findings"]) == 1, "report %s" % body)

        # NDJSON payload as a string: per-line, malformed line withheld.
        nd = '{"msg":"SSN 123-45-6789"}\n{broken 415-555-0148\n{"ok":1}\n'
        st, _, body = s.post("/v1/redact", {"payload": nd, "format": "ndjson"})
        out = json.loads(body)
        lines = out["payload"].split("\n")
        check(st == 200 and lines[0] == '{"msg":"SSN [US_SSN]"}' and
              lines[1] == '{"phiscrub_error":"malformed_json"}' and lines[2] == '{"ok":1}',
              "ndjson payload %s" % body)
        no_phi(body, "ndjson response")

        # Stream endpoint: chunked NDJSON, one record out per record in.
        recs = ['{"i":%d,"msg":"call (415) 555-0132"}' % i for i in range(200)]
        recs[50] = "not json SSN 123-45-6789"
        st, h, body = s.post("/v1/redact/stream", "\n".join(recs) + "\n",
                             headers={"Content-Type": "application/x-ndjson"})
        check(st == 200, "stream status %d" % st)
        check(h.get("Transfer-Encoding") == "chunked", "stream not chunked: %s" % h)
        outl = body.decode().split("\n")
        check(len(outl) == 201 and outl[-1] == "", "stream records %d" % len(outl))
        check(outl[3] == '{"i":3,"msg":"call [PHONE_NUMBER]"}', "stream rec %s" % outl[3])
        check(outl[50] == "not json SSN [US_SSN]", "stream text rec %s" % outl[50])
        check(all('"i":%d,' % i in outl[i] for i in range(200) if i != 50), "order")
        no_phi(body, "stream response")
        st, _, body = s.post("/v1/redact/stream?format=ndjson", "not json 123-45-6789\n",
                             headers={"Content-Type": "application/x-ndjson"})
        check(body == b'{"phiscrub_error":"malformed_json"}\n', "stream ndjson %s" % body)

        # Presidio /analyze: code point offsets, mapped entity names.
        st, _, body = s.post("/analyze", {"text": "Zoë DOB 03/03/1990 SSN 123-45-6789",
                                          "language": "en"})
        res = json.loads(body)
        check(st == 200 and isinstance(res, list), "analyze %s" % body)
        types = {r["entity_type"]: (r["start"], r["end"]) for r in res}
        check(types.get("US_SSN") == (23, 34), "analyze SSN offsets %s" % types)
        check("DATE_TIME" in types, "DOB -> DATE_TIME %s" % types)
        st, _, body = s.post("/analyze", {"text": "SSN 123-45-6789 dana.fict@example.com",
                                          "language": "en", "entities": ["EMAIL_ADDRESS"]})
        check([r["entity_type"] for r in json.loads(body)] == ["EMAIL_ADDRESS"], "filter %s" % body)
        st, _, body = s.post("/analyze", {"text": "x", "language": "de"})
        check(st == 422, "analyze language %d" % st)

        # Presidio /anonymize with its results.
        st, _, body = s.post("/anonymize", {
            "text": "Zoë SSN 123-45-6789 mail dana.fict@example.com",
            "analyzer_results": [
                {"start": 8, "end": 19, "score": 1.0, "entity_type": "US_SSN"},
                {"start": 25, "end": 46, "score": 1.0, "entity_type": "EMAIL_ADDRESS"}],
            "anonymizers": {"DEFAULT": {"type": "replace", "new_value": "<PII>"},
                            "US_SSN": {"type": "mask", "masking_char": "*", "chars_to_mask": 11,
                                       "from_end": False}}})
        out = json.loads(body)
        check(st == 200 and out["text"] == "Zoë SSN *********** mail <PII>", "anonymize %s" % body)
        check([(i["start"], i["end"], i["operator"]) for i in out["items"]] ==
              [(8, 19, "mask"), (25, 30, "replace")], "items %s" % out["items"])

        st, _, body = s.get("/nope/123-45-6789")
        check(st == 404, "404: %d" % st)
        m = s.metrics()
        check(metric(m, "phiscrub_requests_total", {"endpoint": "redact", "code": "200"}) >= 6,
              "requests_total")
        check(metric(m, "phiscrub_requests_total", {"endpoint": "other", "code": "404"}) == 1,
              "other/404")
        check(metric(m, "phiscrub_findings_total", {"entity": "US_SSN"}) >= 5, "findings_total")
        check(metric(m, "phiscrub_fail_closed_total", {"reason": "malformed_json"}) == 2,
              "fail_closed malformed_json")
        check(metric(m, "phiscrub_records_total") >= 200, "records_total")
        check(metric(m, "phiscrub_request_duration_seconds_count", {"endpoint": "redact"}) >= 6,
              "histogram")
        check(metric(m, "phiscrub_build_info") == 1, "build_info")
        check(metric(m, "phiscrub_inflight_requests") == 1, "inflight (this scrape)")
        check("/nope" not in m, "unbounded label")
        no_phi(m, "metrics")
        audit = s.audit_lines()
        check(any(a["endpoint"] == "redact" and a["findings_by_entity"].get("US_SSN")
                  for a in audit), "audit findings")
        check(all("request_id" in a and "source" in a for a in audit), "audit fields")
    finally:
        check(s.stop() == 0, "exit code")


def test_errors():
    s = Server("--max-body", "4096")
    try:
        secret = "SSN 123-45-6789"
        cases = [
            ("/v1/redact", '{"text": "%s"' % secret, {}, 400),           # truncated JSON
            ("/v1/redact", '{"text": "%s"} trailing' % secret, {}, 400),
            ("/v1/redact", '["%s"]' % secret, {}, 400),
            ("/v1/redact", '{"text": 5}', {}, 400),
            ("/v1/redact", json.dumps({"text": secret, "payload": {"a": secret}}), {}, 400),
            ("/v1/redact", json.dumps({"payload": {"a": secret}, "format": "fax"}), {}, 422),
            ("/v1/redact", json.dumps({"text": secret, "mode": "shout"}), {}, 422),
            ("/v1/redact", json.dumps({"text": secret}), {"Content-Type": "text/plain"}, 415),
            ("/v1/redact/stream", secret, {"Content-Type": "application/json"}, 415),
            ("/v1/redact/stream?format=xml", secret,
             {"Content-Type": "application/x-ndjson"}, 422),
            ("/analyze", json.dumps({"text": secret}), {}, 400),
            ("/anonymize", json.dumps({"text": secret, "analyzer_results": [
                {"start": 4, "end": 99, "entity_type": "US_SSN", "score": 1}]}), {}, 400),
            ("/anonymize", json.dumps({"text": secret, "analyzer_results": [], "anonymizers": {
                "DEFAULT": {"type": "encrypt", "key": "k"}}}), {}, 422),
            ("/v1/redact", json.dumps({"text": secret + "x" * 5000}), {}, 413),
        ]
        for path, body, hdrs, want in cases:
            st, h, data = s.post(path, body, headers=hdrs)
            check(st == want, "%s %r -> %d, want %d (%s)" % (path, body[:40], st, want, data))
            no_phi(data, "error body")
            err = json.loads(data)  # error bodies are JSON with a reason and a fixed message
            check(set(err) == {"error", "message"} and err["message"], "error body %s" % data)
        # 413 also for a chunked body over the limit (no Content-Length).
        sock = socket.create_connection(("127.0.0.1", s.port), timeout=5)
        sock.sendall(b"POST /v1/redact HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        for _ in range(3):
            sock.sendall(b"800\r\n" + b"a" * 0x800 + b"\r\n")
        r = read_response(sock.makefile("rb"))
        check(r and r[0] == 413 and set(json.loads(r[2])) == {"error", "message"},
              "chunked 413: %s" % (r,))
        sock.close()
        st, h, data = s.request("GET", "/v1/redact")
        check(st == 405 and h.get("Allow") == "POST", "405 %d %s" % (st, h))
        check(set(json.loads(data)) == {"error", "message"}, "405 body %s" % data)
        st, h, data = s.request("GET", "/nope")
        check(st == 404 and set(json.loads(data)) == {"error", "message"}, "404 body %s" % data)
        st, _, _ = s.request("POST", "/healthz", "{}")
        check(st == 405, "405 healthz")
        # Malformed HTTP.
        sock = socket.create_connection(("127.0.0.1", s.port), timeout=5)
        sock.sendall(b"NOT HTTP AT ALL 123-45-6789\r\n\r\n")
        r = read_response(sock.makefile("rb"))
        check(r and r[0] == 400 and b"123-45-6789" not in r[2], "malformed http %s" % (r,))
        check(set(json.loads(r[2])) == {"error", "message"}, "malformed http body %s" % (r,))
        m = s.metrics()
        for code in ("400", "413", "415", "422"):
            check(metric(m, "phiscrub_requests_total", {"endpoint": "redact", "code": code}),
                  "metric for %s" % code)
        no_phi(m, "metrics")
    finally:
        check(s.stop() == 0, "exit code")


def test_auth():
    tok = os.path.join(TMP, "tokens")
    with open(tok, "w") as f:
        f.write("# clients\nagent-a %s\n" % TOKEN)
    # Non-loopback without a token: refused.
    d = tempfile.mkdtemp(dir=TMP)
    p = subprocess.run([BIN, "--listen", "0.0.0.0:0", "--port-file", os.path.join(d, "p")],
                       capture_output=True, timeout=10 * SCALE)
    check(p.returncode == 78 and b"non-loopback" in p.stderr, "non-loopback: %s" % p.stderr)
    s = Server(env={"PHISCRUB_AUTH_TOKEN_FILE": tok})
    try:
        body = {"text": "SSN 123-45-6789"}
        st, h, data = s.post("/v1/redact", body)
        check(st == 401 and "Bearer" in h.get("WWW-Authenticate", ""), "no token %d" % st)
        st, _, _ = s.post("/v1/redact", body, headers={"Authorization": "Bearer wrong-token-xyzxyzxyz"})
        check(st == 401, "wrong token")
        st, _, _ = s.post("/v1/redact", body, headers={"Authorization": "Bearer " + TOKEN[:-1]})
        check(st == 401, "prefix of token")
        st, _, _ = s.get("/metrics")
        check(st == 401, "metrics need the token")
        st, _, data = s.post("/v1/redact", body, headers={"Authorization": "Bearer " + TOKEN})
        check(st == 200 and b"[US_SSN]" in data, "good token %d" % st)
        st, _, _ = s.get("/healthz")
        check(st == 200, "healthz open")
        st, _, _ = s.get("/readyz")
        check(st == 200, "readyz open")
        st, _, _ = s.get("/health")
        check(st == 200, "Presidio /health open")
        for path in ("/openapi.json", "/supportedentities", "/recognizers"):
            st, _, _ = s.get(path)
            check(st == 401, "%s needs the token" % path)
        st, _, _ = s.get("/openapi.json", headers={"Authorization": "Bearer " + TOKEN})
        check(st == 200, "openapi with token")
        m = s.metrics(headers={"Authorization": "Bearer " + TOKEN})
        check(metric(m, "phiscrub_auth_failures_total") == 7, "auth failures metric")
        audit = s.audit_lines()
        fails = [a for a in audit if a["event"] == "auth_failure"]
        check(len(fails) == 7 and all(a["source"].startswith("127.0.0.1:") for a in fails),
              "audit auth failures %s" % fails)
        ok = [a for a in audit if a["event"] == "request" and a["status"] == 200]
        check(ok and ok[0]["client"] == "agent-a", "audit client id %s" % ok)
        raw = open(s.audit).read()
        check(TOKEN not in raw and "wrong-token" not in raw, "token in audit")
    finally:
        check(s.stop() == 0, "exit code")


def test_timeouts():
    s = Server("--header-timeout", "0.5", "--body-timeout", "0.5")
    try:
        # Slow headers.
        a = socket.create_connection(("127.0.0.1", s.port), timeout=5)
        a.sendall(b"POST /v1/redact HTTP/1.1\r\nHost: x\r\n")
        # Slow body.
        b = socket.create_connection(("127.0.0.1", s.port), timeout=5)
        b.sendall(b"POST /v1/redact HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 100\r\n\r\n{\"text\": \"SSN 123-45")
        t0 = time.time()
        for sock in (a, b):
            try:
                data = sock.recv(4096)
            except ConnectionResetError:
                data = b""
            check(data == b"" or b"123-45" not in data, "closed: %r" % data)
        check(time.time() - t0 < 3, "timed out promptly")
        # An idle keep-alive connection is closed too; a fresh one still works.
        st, _, _ = s.get("/healthz")
        check(st == 200, "alive")
        m = s.metrics()
        check(metric(m, "phiscrub_requests_total", {"endpoint": "redact", "code": "408"}) == 1,
              "408 body timeout counted: %s" % [l for l in m.splitlines() if "408" in l])
    finally:
        check(s.stop() == 0, "exit code")


def test_probes_past_connection_cap():
    """Regression (healthz_counts_against_connection_cap): an idle-connection
    flood filling --max-connections must not fail liveness probes."""
    s = Server("--max-connections", "4", "--header-timeout", "10")
    idle = []
    try:
        for _ in range(4):
            idle.append(socket.create_connection(("127.0.0.1", s.port), timeout=5))
        time.sleep(0.2)
        for path in ("/healthz", "/readyz"):
            st, _, body = s.get(path)
            check(st == 200, "%s past the cap: %d %r" % (path, st, body))
        # A probe-only slot answers nothing else.
        st, _, body = s.post("/v1/redact", {"text": "SSN 123-45-6789"})
        check(st == 503, "redact past the cap: %d" % st)
        check(json.loads(body).get("error") == "too_many_connections", "error body %r" % body)
        check("message" in json.loads(body), "message field")
        no_phi(body, "503 body")
        # Idle probe-only connections are closed quickly and free their slot.
        extra = socket.create_connection(("127.0.0.1", s.port), timeout=5)
        t0 = time.time()
        try:
            data = extra.recv(100)
        except ConnectionResetError:
            data = b""
        check(data == b"" and time.time() - t0 < 4, "idle probe slot closed")
        for c in idle:
            c.close()
        time.sleep(0.2)
        st, _, _ = s.post("/v1/redact", {"text": "SSN 123-45-6789"})
        check(st == 200, "slots freed: %d" % st)
        m = s.metrics()
        check(metric(m, "phiscrub_connections_rejected_total", {}) >= 1, "rejection counted")
    finally:
        for c in idle:
            c.close()
        check(s.stop() == 0, "exit code")


def test_pipelining_and_chunked():
    s = Server()
    try:
        sock = socket.create_connection(("127.0.0.1", s.port), timeout=5)
        reqs = b""
        for i in range(5):
            body = json.dumps({"text": "req %d SSN 123-45-6789" % i}).encode()
            reqs += (b"POST /v1/redact HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: %d\r\n\r\n" % len(body)) + body
        reqs += b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
        sock.sendall(reqs)  # all at once, before reading anything
        f = sock.makefile("rb")
        for i in range(5):
            st, h, body = read_response(f)
            check(st == 200 and json.loads(body)["text"] == "req %d SSN [US_SSN]" % i,
                  "pipelined %d: %s" % (i, body))
        st, _, body = read_response(f)
        check(st == 200 and b"ok" in body, "pipelined healthz")
        # Chunked request body, split inside the SSN, same connection.
        body = json.dumps({"text": "chunked SSN 123-45-6789 end"}).encode()
        parts = [body[:20], body[20:25], body[25:]]
        msg = (b"POST /v1/redact HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               b"Transfer-Encoding: chunked\r\n\r\n")
        for p in parts:
            msg += b"%x\r\n%s\r\n" % (len(p), p)
        msg += b"0\r\n\r\n"
        sock.sendall(msg)
        st, _, body = read_response(f)
        check(st == 200 and json.loads(body)["text"] == "chunked SSN [US_SSN] end",
              "chunked: %s" % body)
        # Expect: 100-continue.
        body = json.dumps({"text": "SSN 123-45-6789"}).encode()
        sock.sendall(b"POST /v1/redact HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Expect: 100-continue\r\nContent-Length: %d\r\n\r\n" % len(body))
        check(f.readline().startswith(b"HTTP/1.1 100"), "100 continue")
        f.readline()
        sock.sendall(body)
        st, _, data = read_response(f)
        check(st == 200 and b"[US_SSN]" in data, "after 100-continue")
        sock.close()
    finally:
        check(s.stop() == 0, "exit code")


def tcp_exchange(port, payload, expect_bytes, timeout=5):
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    sock.sendall(payload)
    sock.shutdown(socket.SHUT_WR)
    data = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    sock.close()
    return data


def test_tcp_reply():
    lines = ["SSN 123-45-6789 line %d" % i for i in range(1000)]
    s = Server("--listen-tcp", "127.0.0.1:0", "--framing", "lines", "--max-record", "200")
    try:
        payload = ("\n".join(lines) + "\n" + "x" * 500 + " 123-45-6789\nlast (415) 555-0132")
        out = tcp_exchange(s.tcp_port, payload.encode(), None).decode()
        got = out.split("\n")
        check(len(got) == 1002, "lines count %d" % len(got))
        check(got[7] == "SSN [US_SSN] line 7", "line 7: %s" % got[7])
        check(got[1000] == "[PHISCRUB_WITHHELD reason=oversize]", "oversize %s" % got[1000])
        check(got[1001] == "last [PHONE_NUMBER]", "unterminated last line %s" % got[1001])
        no_phi(out, "tcp reply")
        m = s.metrics()
        check(metric(m, "phiscrub_fail_closed_total", {"reason": "oversize"}) == 1, "oversize metric")
    finally:
        check(s.stop() == 0, "exit code")
    s = Server("--listen-tcp", "127.0.0.1:0", "--framing", "ndjson")
    try:
        recs = ['{"i":%d,"ssn":"123-45-6789"}' % i for i in range(100)] + ["{bad 123-45-6789"]
        out = tcp_exchange(s.tcp_port, ("\n".join(recs) + "\n").encode(), None).decode()
        got = out.strip("\n").split("\n")
        check(len(got) == 101 and got[5] == '{"i":5,"ssn":"[US_SSN]"}', "ndjson %s" % got[5])
        check(got[100] == '{"phiscrub_error":"malformed_json"}', "malformed %s" % got[100])
    finally:
        check(s.stop() == 0, "exit code")
    s = Server("--listen-tcp", "127.0.0.1:0", "--framing", "octet-counted", "--max-record", "300")
    try:
        msgs = ["<34>1 2026-01-01T00:00:00Z host app - - - SSN 123-45-6789 n=%d\n" % i
                for i in range(50)]
        msgs.append("<34>1 host app - - - multi\nline 415-555-0148\n")
        msgs.append("<34>1 " + "y" * 400 + "\n")  # oversize
        msgs.append("<34>1 no trailing newline 123-45-6789")
        payload = "".join("%d %s" % (len(m.encode()), m) for m in msgs).encode()
        # Send in odd pieces so frames split across reads.
        sock = socket.create_connection(("127.0.0.1", s.tcp_port), timeout=5)
        for i in range(0, len(payload), 37):
            sock.sendall(payload[i:i + 37])
        sock.shutdown(socket.SHUT_WR)
        data = b""
        while True:
            c = sock.recv(65536)
            if not c:
                break
            data += c
        # Parse the reply frames and check each count.
        out = []
        i = 0
        while i < len(data):
            sp = data.index(b" ", i)
            n = int(data[i:sp])
            out.append(data[sp + 1:sp + 1 + n].decode())
            i = sp + 1 + n
        check(len(out) == 53, "octet frames %d" % len(out))
        check(out[3] == "<34>1 2026-01-01T00:00:00Z host app - - - SSN [US_SSN] n=3\n",
              "octet msg %r" % out[3])
        check(out[50] == "<34>1 host app - - - multi\nline [PHONE_NUMBER]\n", "multi %r" % out[50])
        check(out[51] == "[PHISCRUB_WITHHELD reason=oversize]\n", "oversize %r" % out[51])
        check(out[52] == "<34>1 no trailing newline [US_SSN]", "no newline %r" % out[52])
        no_phi(data, "octet reply")
        # octet_framer_max_record_plus_one (fuzz finding): a record one byte
        # over the bound is oversize even without a newline; a record at the
        # bound plus its newline passes.
        over = ("<34>1 " + "z" * 295).encode()
        at = ("<34>1 " + "z" * 294 + "\n").encode()
        out = tcp_exchange(s.tcp_port, b"%d %s%d %s" % (len(over), over, len(at), at), None)
        withheld = b"[PHISCRUB_WITHHELD reason=oversize]\n"
        check(out == b"%d %s%d %s" % (len(withheld), withheld, len(at), at),
              "max_record + 1: %r" % out[:80])
        # A broken frame closes the connection without echoing anything.
        out = tcp_exchange(s.tcp_port, b"11 <34>1 ok 1\nxyz 123-45-6789\n", None)
        check(out == b"11 <34>1 ok 1\n", "framing error: %r" % out)
        m = s.metrics()
        check(metric(m, "phiscrub_fail_closed_total", {"reason": "framing"}) == 1, "framing metric")
    finally:
        check(s.stop() == 0, "exit code")


class Downstream:
    """A relay target on a fixed port: collects lines; can stall (stop
    reading) and be restarted."""

    def __init__(self, port=0, rcvbuf=None):
        self.lsock = socket.socket()
        self.lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if rcvbuf:
            self.lsock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.lsock.bind(("127.0.0.1", port))
        self.lsock.listen(4)
        self.port = self.lsock.getsockname()[1]
        self.data = bytearray()  # appends amortised: megabytes arrive in 4 KB reads
        self.reading = threading.Event()
        self.reading.set()
        self.stop_flag = False
        self.conns = []
        self.lock = threading.Lock()
        self.t = threading.Thread(target=self.run, daemon=True)
        self.t.start()

    def run(self):
        self.lsock.settimeout(0.1)
        while not self.stop_flag:
            try:
                c, _ = self.lsock.accept()
            except (socket.timeout, OSError):
                continue
            self.conns.append(c)
            threading.Thread(target=self.serve, args=(c,), daemon=True).start()

    def serve(self, c):
        c.settimeout(0.1)
        while not self.stop_flag:
            if not self.reading.wait(0.1):
                continue
            try:
                d = c.recv(65536)
            except socket.timeout:
                continue
            except OSError:
                return
            if not d:
                return
            with self.lock:
                self.data += d

    def lines(self):
        with self.lock:
            return self.data.decode().split("\n")[:-1]

    def line_count(self):
        with self.lock:
            return self.data.count(b"\n")

    def close(self):
        self.stop_flag = True
        self.t.join()
        for c in self.conns:
            try:
                c.close()
            except OSError:
                pass
        self.lsock.close()


def wait_for(pred, timeout, what):
    deadline = time.time() + timeout * SCALE
    while time.time() < deadline:
        if pred():
            return
        time.sleep(0.05)
    fail("timed out waiting for " + what)


def test_relay_backpressure():
    ds = Downstream(rcvbuf=4096)
    ds.reading.clear()  # stalled from the start
    s = Server("--listen-tcp", "127.0.0.1:0", "--framing", "lines", "--tcp-mode", "relay",
               "--downstream", "127.0.0.1:%d" % ds.port, "--relay-buffer", "65536",
               "--shutdown-grace", "3")
    try:
        n = 300000
        payload = "".join("rec %06d SSN 123-45-6789 pad pad pad pad\n" % i for i in range(n)).encode()
        sock = socket.create_connection(("127.0.0.1", s.tcp_port), timeout=5)
        sock.setblocking(False)
        sent = 0
        stalled_since = None
        t0 = time.time()
        while sent < len(payload) and time.time() - t0 < 15:
            try:
                sent += sock.send(payload[sent:sent + 65536])
                stalled_since = None
            except BlockingIOError:
                if stalled_since is None:
                    stalled_since = time.time()
                elif time.time() - stalled_since > 1.0:
                    break  # the sidecar stopped reading: back-pressure
                time.sleep(0.01)
        check(sent < len(payload), "no back-pressure: all %d bytes accepted" % sent)
        m = s.metrics()
        buffered = metric(m, "phiscrub_relay_buffered_bytes")
        check(buffered is not None and buffered <= 65536 + 4096,
              "relay buffer bounded: %s" % buffered)
        # Downstream resumes: everything arrives, in order, nothing dropped.
        ds.reading.set()
        sock.setblocking(True)
        sock.sendall(payload[sent:])
        sock.shutdown(socket.SHUT_WR)
        wait_for(lambda: ds.line_count() >= n, 20, "all relayed lines")
        got = ds.lines()
        check(len(got) == n, "relayed %d of %d" % (len(got), n))
        check(all(got[i] == "rec %06d SSN [US_SSN] pad pad pad pad" % i for i in range(0, n, 997)),
              "relayed order/content")
        check(got[-1] == "rec %06d SSN [US_SSN] pad pad pad pad" % (n - 1), "last")
        no_phi("\n".join(got[:1000]), "relayed lines")
        sock.close()
    finally:
        rc = s.stop()
        ds.close()
        check(rc == 0, "exit code %s" % rc)


def test_relay_restart():
    ds = Downstream()
    port = ds.port
    s = Server("--listen-tcp", "127.0.0.1:0", "--framing", "lines", "--tcp-mode", "relay",
               "--downstream", "127.0.0.1:%d" % port)
    try:
        sock = socket.create_connection(("127.0.0.1", s.tcp_port), timeout=5)
        sock.sendall(b"".join(b"first %d 123-45-6789\n" % i for i in range(10)))
        wait_for(lambda: ds.line_count() >= 10, 5, "first batch")
        ds.close()  # downstream goes away
        time.sleep(0.3)
        sock.sendall(b"".join(b"second %d 123-45-6789\n" % i for i in range(10)))
        time.sleep(0.5)
        ds2 = Downstream(port=port)
        try:
            wait_for(lambda: len(ds2.lines()) >= 10, 10, "second batch after restart")
            got = ds2.lines()
            check(got == ["second %d [US_SSN]" % i for i in range(10)], "after restart: %s" % got)
            m = s.metrics()
            check(metric(m, "phiscrub_relay_reconnects_total") >= 1, "reconnect metric")
            sock.close()
        finally:
            rc = s.stop()
            ds2.close()
        check(rc == 0, "exit code %s" % rc)
    finally:
        s.kill()


def split_mixed(raw):
    """Records of a relayed stream that mixes octet-counted frames and lines
    (as rsyslog's imtcp reads it: a frame starting with a digit is counted)."""
    out, i = [], 0
    while i < len(raw):
        m = re.match(rb"(\d+) ", raw[i:i + 12])
        if m:
            n = int(m.group(1))
            start = i + len(m.group(0))
            out.append(raw[start:start + n])
            i = start + n
        else:
            j = raw.find(b"\n", i)
            j = len(raw) if j < 0 else j
            out.append(raw[i:j])
            i = j + 1
    return out


def test_relay_drain():
    """SIGTERM while senders are mid-stream: the listener closes, open
    connections are read until idle, everything read is delivered, exit 0."""
    ds = Downstream()
    # --drain-idle: the senders pause 30 ms between batches; on a loaded
    # machine (sanitizers, ctest -j) a sender thread can stall past 200 ms.
    s = Server("--listen-tcp", "127.0.0.1:0", "--tcp-mode", "relay",
               "--downstream", "127.0.0.1:%d" % ds.port, "--shutdown-grace", str(10 * SCALE),
               "--drain-idle", str(0.5 * SCALE))
    try:
        n = 15000
        socks = [socket.create_connection(("127.0.0.1", s.tcp_port), timeout=5) for _ in range(2)]
        # One newline-framed and one octet-counted sender (framing auto).
        lines = [b"c0 rec %05d SSN 123-45-6789\n" % i for i in range(n)]
        frames = [b"c1 rec %05d phone (415) 555-0132" % i for i in range(n)]
        frames = [b"%d %s" % (len(f), f) for f in frames]
        sent = [0, 0]

        def sender(k, items):
            for i in range(0, n, 500):
                socks[k].sendall(b"".join(items[i:i + 500]))
                sent[k] = i + 500
                time.sleep(0.03)
            # The last record has no newline: the drain still delivers it.
            if k == 0:
                socks[k].sendall(b"c0 last 123-45-6789")
        ts = [threading.Thread(target=sender, args=(0, lines)),
              threading.Thread(target=sender, args=(1, frames))]
        for t in ts:
            t.start()
        wait_for(lambda: sent[0] >= 3000 and sent[1] >= 3000, 10, "senders under way")
        s.proc.send_signal(signal.SIGTERM)
        check(sent[0] < n and sent[1] < n, "senders mid-stream at SIGTERM")
        time.sleep(0.3)
        # No new connections once draining.
        try:
            late = socket.create_connection(("127.0.0.1", s.tcp_port), timeout=2)
            late.sendall(b"late 123-45-6789\n")
            late.close()
        except OSError:
            pass
        for t in ts:
            t.join(30)
        rc = s.proc.wait(15 * SCALE)
        raw = bytes(ds.data)
        got = split_mixed(raw)
        c0 = [l for l in got if l.startswith(b"c0 ")]
        c1 = [l for l in got if l.startswith(b"c1 ")]
        check(c0 == [b"c0 rec %05d SSN [US_SSN]" % i for i in range(n)] + [b"c0 last [US_SSN]"],
              "newline sender: %d of %d delivered in order" % (len(c0), n + 1))
        # Octet-counted in, octet-counted out.
        check(c1 == [b"c1 rec %05d phone [PHONE_NUMBER]" % i for i in range(n)],
              "octet-counted sender: %d of %d delivered in order" % (len(c1), n))
        check(not any(l.startswith(b"late") for l in got), "no connection accepted after SIGTERM")
        check(rc == 0, "drained exit %d: %s" % (rc, s.stderr()[-500:]))
        no_phi(raw, "relayed")
        for k in socks:
            k.close()
    finally:
        s.kill()
        ds.close()
    # A sender that keeps going past the grace period: exit 1, loss counted.
    ds = Downstream()
    s = Server("--listen-tcp", "127.0.0.1:0", "--tcp-mode", "relay",
               "--downstream", "127.0.0.1:%d" % ds.port, "--shutdown-grace", "1")
    stop = threading.Event()
    try:
        sock = socket.create_connection(("127.0.0.1", s.tcp_port), timeout=5)

        def endless():
            i = 0
            try:
                while not stop.is_set():
                    sock.sendall(b"rec %d 123-45-6789\n" % i)
                    i += 1
                    time.sleep(0.001)
            except OSError:
                pass
        t = threading.Thread(target=endless)
        t.start()
        wait_for(lambda: len(ds.lines()) > 50, 10, "relaying")
        t0 = time.time()
        s.proc.send_signal(signal.SIGTERM)
        rc = s.proc.wait(10 * SCALE)
        check(rc == 1, "lossy drain exit %d" % rc)
        check(time.time() - t0 < 4 * SCALE, "grace honoured")
        check("record(s) lost" in s.stderr(), "loss reported: %s" % s.stderr()[-300:])
    finally:
        stop.set()
        s.kill()
        ds.close()


def test_framing_auto():
    """Default framing detects octet counting per connection, as imtcp does;
    a newline-framed syslog line (rsyslog omfwd's default) is not lost."""
    s = Server("--listen-tcp", "127.0.0.1:0", "--max-record", "300")
    try:
        def talk(payload):
            c = socket.create_connection(("127.0.0.1", s.tcp_port), timeout=5)
            c.sendall(payload)
            c.shutdown(socket.SHUT_WR)
            out = b""
            while True:
                d = c.recv(65536)
                if not d:
                    break
                out += d
            c.close()
            return out
        nl = talk(b"<13>Dec  1 10:00:00 host app: SSN 123-45-6789\n" * 100)
        check(nl == b"<13>Dec  1 10:00:00 host app: SSN [US_SSN]\n" * 100, "newline framing: %r" % nl[:200])
        m = b"<13>Dec  1 10:00:00 host app: SSN 123-45-6789"
        oc = talk(b"%d %s" % (len(m), m) * 100)
        r = b"<13>Dec  1 10:00:00 host app: SSN [US_SSN]"
        check(oc == b"%d %s" % (len(r), r) * 100, "octet counting: %r" % oc[:200])
        # Digits not followed by a space: a line that starts with a number.
        d = talk(b"2026-12-01 SSN 123-45-6789\n12345678901234 x\n")
        check(d == b"2026-12-01 SSN [US_SSN]\n12345678901234 x\n", "digits first: %r" % d)
        # One byte at a time: the decision waits for the first non-digit.
        c = socket.create_connection(("127.0.0.1", s.tcp_port), timeout=5)
        for b in b"%d %s" % (len(m), m):
            c.sendall(bytes([b]))
        c.shutdown(socket.SHUT_WR)
        out = b""
        while True:
            x = c.recv(65536)
            if not x:
                break
            out += x
        check(out == b"%d %s" % (len(r), r), "octet counting byte by byte: %r" % out)
        no_phi(nl + oc + d + out, "replies")
    finally:
        check(s.stop() == 0, "exit code")



def test_notify():
    """Type=notify: READY=1 once serving, STOPPING=1 when the drain starts."""
    path = os.path.join(tempfile.mkdtemp(dir=TMP), "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(10 * SCALE)
    s = Server(env={"NOTIFY_SOCKET": path})
    try:
        check(sock.recv(256) == b"READY=1", "READY=1")
        st, _, _ = s.get("/readyz")
        check(st == 200, "ready after READY=1: %d" % st)
        s.proc.send_signal(signal.SIGTERM)
        check(sock.recv(256) == b"STOPPING=1", "STOPPING=1")
        check(s.proc.wait(10 * SCALE) == 0, "exit code")
    finally:
        s.kill()
        sock.close()


def test_reload():
    names = os.path.join(TMP, "names.txt")
    with open(names, "w") as f:
        f.write("Zyxwell\n")
    cfg = os.path.join(TMP, "reload.yaml")
    with open(cfg, "w") as f:
        f.write("max-body: 1M\n")
    s = Server("--config", cfg)
    try:
        body = {"text": "ref Zyxwell SSN 123-45-6789"}
        old = s.conn()
        st, _, data = s.post("/v1/redact", body, conn=old)
        check(json.loads(data)["text"] == "ref Zyxwell SSN [US_SSN]", "before %s" % data)
        with open(cfg, "w") as f:
            f.write("dict: [%s]\n" % names)
        s.proc.send_signal(signal.SIGHUP)
        wait_for(lambda: metric(s.metrics(), "phiscrub_rules_generation") == 2, 10, "reload")
        m = s.metrics()
        check(metric(m, "phiscrub_reload_success") == 1, "reload success metric")
        st, _, data = s.post("/v1/redact", body)
        check(json.loads(data)["text"] == "ref [PERSON] SSN [US_SSN]", "after %s" % data)
        # A connection keeps the rules it started with.
        st, _, data = s.post("/v1/redact", body, conn=old)
        check(json.loads(data)["text"] == "ref Zyxwell SSN [US_SSN]", "old conn %s" % data)
        old.close()
        # A broken config: the running rules stay, the metric says so.
        with open(cfg, "w") as f:
            f.write("dict: [%s]\npolicy: %s/missing-policy.yaml\n" % (names, TMP))
        s.proc.send_signal(signal.SIGHUP)
        wait_for(lambda: metric(s.metrics(), "phiscrub_reload_success") == 0, 10, "failed reload")
        m = s.metrics()
        check(metric(m, "phiscrub_reload_failures_total") == 1, "failures metric")
        check(metric(m, "phiscrub_rules_generation") == 2, "generation kept")
        st, _, data = s.post("/v1/redact", body)
        check(st == 200 and json.loads(data)["text"] == "ref [PERSON] SSN [US_SSN]",
              "old rules kept %s" % data)
        check("reload failed" in s.stderr(), "reload failure logged")
        # Reload under load: requests keep succeeding while rules swap.
        with open(cfg, "w") as f:
            f.write("dict: [%s]\n" % names)
        errors = []

        def load():
            c = s.conn()
            for _ in range(150):
                st, _, d = s.post("/v1/redact", body, conn=c)
                if st != 200 or b"123-45-6789" in d:
                    errors.append(st)
            c.close()
        ts = [threading.Thread(target=load) for _ in range(3)]
        for t in ts:
            t.start()
        for _ in range(3):
            s.proc.send_signal(signal.SIGHUP)
            time.sleep(0.1)
        for t in ts:
            t.join()
        check(not errors, "errors under reload: %s" % errors[:5])
        wait_for(lambda: metric(s.metrics(), "phiscrub_reload_success") == 1, 10, "reload ok")
    finally:
        check(s.stop() == 0, "exit code")


def test_lockdown():
    s = Server("--listen-tcp", "127.0.0.1:0", env={"PHISCRUB_LOCKDOWN": "true"})
    try:
        st, _, data = s.post("/v1/redact", {"text": "hello world"})
        out = json.loads(data)
        check(st == 200 and out["text"] == "[PHISCRUB_WITHHELD reason=lockdown]", "text %s" % data)
        st, _, data = s.post("/v1/redact", {"payload": {"a": "hello"}, "format": "json"})
        check(json.loads(data)["payload"] == {"phiscrub_error": "lockdown"}, "payload %s" % data)
        st, _, data = s.post("/v1/redact/stream", "a\nb\n",
                             headers={"Content-Type": "application/x-ndjson"})
        check(data == b"[PHISCRUB_WITHHELD reason=lockdown]\n" * 2, "stream %s" % data)
        out = tcp_exchange(s.tcp_port, b"plain line\n", None)
        check(out == b"[PHISCRUB_WITHHELD reason=lockdown]\n", "tcp %s" % out)
        st, _, data = s.get("/readyz")
        check(st == 200 and json.loads(data)["lockdown"] is True, "readyz %s" % data)
        m = s.metrics()
        check(metric(m, "phiscrub_lockdown") == 1, "lockdown gauge")
        check(metric(m, "phiscrub_fail_closed_total", {"reason": "lockdown"}) >= 4, "lockdown count")
    finally:
        check(s.stop() == 0, "exit code")
    # Switched on by SIGHUP through the config file, and off again.
    cfg = os.path.join(TMP, "lock.yaml")
    with open(cfg, "w") as f:
        f.write("lockdown: false\n")
    s = Server("--config", cfg)
    try:
        st, _, data = s.post("/v1/redact", {"text": "SSN 123-45-6789"})
        check(json.loads(data)["text"] == "SSN [US_SSN]", "before")
        with open(cfg, "w") as f:
            f.write("lockdown: true\n")
        s.proc.send_signal(signal.SIGHUP)
        wait_for(lambda: metric(s.metrics(), "phiscrub_lockdown") == 1, 10, "lockdown on")
        st, _, data = s.post("/v1/redact", {"text": "SSN 123-45-6789"})
        check(json.loads(data)["text"] == "[PHISCRUB_WITHHELD reason=lockdown]", "on %s" % data)
        st, _, data = s.get("/readyz")
        check(json.loads(data)["status"] == "lockdown", "readyz says lockdown")
        with open(cfg, "w") as f:
            f.write("lockdown: false\n")
        s.proc.send_signal(signal.SIGHUP)
        wait_for(lambda: metric(s.metrics(), "phiscrub_lockdown") == 0, 10, "lockdown off")
    finally:
        check(s.stop() == 0, "exit code")


def test_drain():
    s = Server("--shutdown-grace", "5")
    try:
        body = json.dumps({"text": "in flight SSN 123-45-6789"}).encode()
        sock = socket.create_connection(("127.0.0.1", s.port), timeout=5)
        sock.sendall(b"POST /v1/redact HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: %d\r\n\r\n" % len(body) + body[:10])
        wait_for(lambda: metric(s.metrics(), "phiscrub_inflight_requests") == 2, 5, "in flight")
        s.proc.send_signal(signal.SIGTERM)
        wait_for(lambda: s.get("/readyz")[0] == 503, 2, "readyz 503")
        st, h, data = s.post("/v1/redact", {"text": "new"})
        check(st == 503 and h.get("Retry-After"), "new request during drain: %d %s" % (st, h))
        check(s.proc.poll() is None, "still draining")
        sock.sendall(body[10:])
        st, _, data = read_response(sock.makefile("rb"))
        check(st == 200 and json.loads(data)["text"] == "in flight SSN [US_SSN]",
              "in-flight finished: %s" % data)
        rc = s.proc.wait(5)
        check(rc == 0, "drained exit %d" % rc)
    finally:
        s.stop()
    # Work still in flight at the end of the grace period: non-zero exit.
    s = Server("--shutdown-grace", "0.5", "--body-timeout", "30")
    try:
        sock = socket.create_connection(("127.0.0.1", s.port), timeout=5)
        sock.sendall(b"POST /v1/redact HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 100\r\n\r\n{")
        wait_for(lambda: metric(s.metrics(), "phiscrub_inflight_requests") == 2, 5, "in flight")
        t0 = time.time()
        rc = s.stop()
        check(rc == 1, "abandoned exit %d" % rc)
        check(time.time() - t0 < 3, "grace honoured")
    finally:
        s.kill()


def test_tls():
    d = tempfile.mkdtemp(dir=TMP)
    key, cert = os.path.join(d, "key.pem"), os.path.join(d, "cert.pem")
    p = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                        "-out", cert, "-days", "1", "-subj", "/CN=localhost"],
                       capture_output=True, timeout=30)
    if p.returncode != 0:
        print("SKIP: openssl cannot make a certificate")
        return
    import ssl
    s = Server("--tls-cert", cert, "--tls-key", key)
    try:
        ctx = ssl.create_default_context(cafile=cert)
        ctx.check_hostname = False
        c = http.client.HTTPSConnection("127.0.0.1", s.port, context=ctx, timeout=5)
        st, _, data = s.post("/v1/redact", {"text": "SSN 123-45-6789"}, conn=c)
        check(st == 200 and b"[US_SSN]" in data, "https %s" % data)
        c.close()
        ctx2 = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx2.check_hostname = False
        ctx2.verify_mode = ssl.CERT_NONE
        ctx2.maximum_version = ssl.TLSVersion.TLSv1_1
        try:
            c = http.client.HTTPSConnection("127.0.0.1", s.port, context=ctx2, timeout=5)
            c.request("GET", "/healthz")
            c.getresponse()
            fail("TLS 1.1 accepted")
        except (ssl.SSLError, ConnectionError, OSError):
            pass
    finally:
        check(s.stop() == 0, "exit code")


def test_openapi():
    """GET /openapi.json serves service/openapi.json (an OpenAPI 3.1
    document); every response of every test is checked against it (see
    openapi_check), and here the error paths no other test reaches."""
    s = Server()
    try:
        st, h, body = s.get("/openapi.json")
        check(st == 200 and h.get("Content-Type") == "application/json", "openapi %d" % st)
        doc = json.loads(body)
        src = json.load(open(SPEC_PATH))
        m = s.metrics()
        version = re.search(r'phiscrub_build_info\{version="([^"]+)"\}', m).group(1)
        src["info"]["version"] = version
        check(doc == src, "served document differs from service/openapi.json")
        check(doc["openapi"].startswith("3.1."), "OpenAPI version %s" % doc["openapi"])
        # Every schema is a valid JSON Schema 2020-12 (OpenAPI 3.1's dialect).
        for name, schema in doc["components"]["schemas"].items():
            jsonschema.Draft202012Validator.check_schema(schema)
        # Every operation declares its error shapes.
        for path, item in doc["paths"].items():
            for method, op in item.items():
                check("200" in op["responses"] and "405" in op["responses"],
                      "%s %s responses" % (method, path))
        # Drift detection works: a response the document does not allow fails.
        try:
            openapi_check("POST", "/v1/redact", 200, {"Content-Type": "application/json"},
                          b'{"text":"x","findings":[],"overview":{"findings_by_entity":{}},'
                          b'"extra":1}')
            fail("an undocumented member passed validation")
        except AssertionError as e:
            check("does not match" in str(e), "validator: %s" % e)
        for method, path, payload, hdrs in (
                ("GET", "/analyze", None, {}),
                ("DELETE", "/metrics", None, {}),
                ("POST", "/v1/redact", "{", {}),
                ("POST", "/analyze", {"text": "x", "language": "fr"}, {}),
                ("POST", "/anonymize", {"text": "x", "analyzer_results": [],
                                        "anonymizers": {"DEFAULT": {"type": "shout"}}}, {}),
                ("POST", "/v1/redact/stream", "a\n", {"Content-Type": "application/json"}),
                ("GET", "/openapi.json/x", None, {})):
            st, _, data = s.request(method, path, payload, headers=hdrs)
            check(st >= 400, "%s %s -> %d" % (method, path, st))
    finally:
        check(s.stop() == 0, "exit code")


def test_presidio():
    """Presidio parity: keyed hash (the policy's token), encrypt/decrypt
    (AES-256-GCM, server key file), ad_hoc_recognizers (RE2, bounded, cached),
    /health, /supportedentities, /recognizers, /anonymizers,
    /deanonymizers."""
    d = tempfile.mkdtemp(dir=TMP)
    hash_key, enc_key, enc_key2, pol = (os.path.join(d, n) for n in
                                        ("hash.key", "enc.key", "enc2.key", "pol.yaml"))
    with open(hash_key, "w") as f:
        f.write("fictitious-hash-key-0123456789\n")
    with open(enc_key, "wb") as f:
        f.write(b"fictitious-encrypt-key-0123456789abcdef\n")
    with open(enc_key2, "wb") as f:
        f.write(b"another-fictitious-encrypt-key-9876543210\n")
    with open(pol, "w") as f:
        f.write("entities:\n  US_SSN: hash\n")
    text = "Zoë SSN 123-45-6789 mail dana.fict@example.com"
    ssn = {"start": 8, "end": 19, "score": 1.0, "entity_type": "US_SSN"}
    s = Server("--hash-key-file", hash_key, "--encrypt-key-file", enc_key, "--policy", pol)
    tokens = []
    try:
        st, h, body = s.get("/health")
        check(st == 200 and h["Content-Type"] == "text/plain" and b"up" in body, "health")
        st, _, body = s.get("/supportedentities?language=en")
        ents = json.loads(body)
        check(st == 200 and {"US_SSN", "PERSON", "PHONE_NUMBER", "DATE_TIME"} <= set(ents) and
              "PERSON_NAME" not in ents and "DATE_OF_BIRTH" not in ents, "entities %s" % ents)
        st, _, _ = s.get("/supportedentities?language=de")
        check(st == 422, "supportedentities de %d" % st)
        st, _, body = s.get("/recognizers")
        recognizers = set(json.loads(body))
        check(st == 200 and "us_ssn.formatted" in recognizers, "recognizers %d" % len(recognizers))
        st, _, body = s.post("/analyze", {"text": text + " call (415) 555-0132", "language": "en"})
        for res in json.loads(body):
            check(res["entity_type"] in ents, "analyze entity %s not supported" % res)
            check(res["recognition_metadata"]["recognizer_name"] in recognizers,
                  "recognizer %s not listed" % res)
        check(json.loads(s.get("/anonymizers")[2]) ==
              ["replace", "redact", "mask", "keep", "hash", "encrypt"], "anonymizers")
        check(json.loads(s.get("/deanonymizers")[2]) == ["decrypt"], "deanonymizers")

        # hash: the policy's keyed token, identical to /v1/redact's.
        st, _, body = s.post("/anonymize", {"text": text, "analyzer_results": [ssn],
                                            "anonymizers": {"US_SSN": {"type": "hash"}}})
        out = json.loads(body)
        token = out["items"][0]["text"]
        check(st == 200 and re.fullmatch(r"<US_SSN:k1:[0-9a-f]{12}>", token), "hash %s" % body)
        st, _, body = s.post("/v1/redact", {"text": "SSN 123-45-6789"})
        check(json.loads(body)["text"] == "SSN " + token, "policy token %s vs %s" % (body, token))
        import hashlib
        check(hashlib.sha256(b"123-45-6789").hexdigest()[:12] not in token and
              hashlib.sha256(b"123456789").hexdigest()[:12] not in token, "unkeyed digest")
        for bad in ({"type": "hash", "hash_type": "md5"}, {"type": "hash", "salt": "abc"},
                    {"type": "encrypt", "key": "WmZq4t7w!z%C&F)J"}):
            st, _, body = s.post("/anonymize", {"text": text, "analyzer_results": [ssn],
                                                "anonymizers": {"DEFAULT": bad}})
            check(st == 422, "%s -> %d %s" % (bad, st, body))
            no_phi(body, "422 body")

        # encrypt -> deanonymize round trip; a fresh nonce per call.
        for _ in range(2):
            st, _, body = s.post("/anonymize", {"text": text, "analyzer_results": [ssn],
                                                "anonymizers": {"DEFAULT": {"type": "encrypt"}}})
            out = json.loads(body)
            check(st == 200 and "123-45-6789" not in out["text"], "encrypt %s" % body)
            tokens.append((out["text"], out["items"][0]))
        check(tokens[0][0] != tokens[1][0], "same ciphertext twice")
        enc_text, item = tokens[0]
        check(re.fullmatch(r"enc:v1:[0-9a-f]{8}:[A-Za-z0-9+/=]+",
                           enc_text[item["start"]:item["end"]]), "token shape %s" % enc_text)
        dean = {"text": enc_text, "anonymizer_results": [
            {"start": item["start"], "end": item["end"], "entity_type": "US_SSN"}],
            "deanonymizers": {"DEFAULT": {"type": "decrypt"}}}
        st, _, body = s.post("/deanonymize", dean)
        out = json.loads(body)
        check(st == 200 and out["text"] == text and out["items"][0]["text"] == "123-45-6789" and
              (out["items"][0]["start"], out["items"][0]["end"]) == (8, 19), "decrypt %s" % body)
        # Tampered ciphertext: refused, nothing decrypted.
        tok = enc_text[item["start"]:item["end"]]
        flipped = tok[:-6] + ("A" if tok[-6] != "A" else "B") + tok[-5:]
        st, _, body = s.post("/deanonymize", dict(dean, text=enc_text.replace(tok, flipped)))
        check(st == 422 and json.loads(body)["error"] == "decrypt_failed", "tamper %s" % body)

        # ad_hoc_recognizers, Presidio's tutorial shapes.
        zip_rec = {"name": "Zip code Recognizer", "supported_language": "en",
                   "patterns": [{"name": "zip code (weak)",
                                 "regex": "(\\b\\d{5}(?:\\-\\d{4})?\\b)", "score": 0.01}],
                   "context": ["zip", "code"], "supported_entity": "ZIP"}
        mr_rec = {"name": "Mr. Recognizer", "supported_language": "en",
                  "deny_list": ["Mr", "Mr.", "Mister"], "supported_entity": "MR_TITLE"}
        adhoc_text = "Mr. Zyxwell's ticket. Zip code: 10023, and later the clerk saw 99999; Mrs Grey"
        z1, z2 = adhoc_text.index("10023"), adhoc_text.index("99999")
        req = {"text": adhoc_text, "language": "en", "ad_hoc_recognizers": [zip_rec, mr_rec]}
        st, _, body = s.post("/analyze", req)
        res = [(r["entity_type"], r["start"], r["end"], r["score"]) for r in json.loads(body)
               if r["recognition_metadata"].get("recognizer_identifier") == "ad_hoc"]
        check(st == 200 and ("MR_TITLE", 0, 2, 1.0) in res, "deny list %s" % res)
        check(("ZIP", z1, z1 + 5, 0.4) in res, "zip with context %s" % res)
        check(("ZIP", z2, z2 + 5, 0.01) in res, "zip without context %s" % res)
        check(not any(r[0] == "MR_TITLE" and r[1] > 2 for r in res), "Mrs is not Mr %s" % res)
        st, _, body = s.post("/analyze", dict(req, entities=["ZIP"], score_threshold=0.3))
        check([(r["entity_type"], r["start"]) for r in json.loads(body)] == [("ZIP", z1)],
              "filter %s" % body)
        for bad in ({"patterns": [{"regex": "(?<=a)b", "score": 0.5}], "supported_entity": "X"},
                    {"patterns": [{"regex": "a{2000}", "score": 0.5}], "supported_entity": "X"},
                    {"patterns": [{"regex": "a", "score": 0.5}], "supported_entity": "zip code"},
                    {"patterns": [{"regex": "[0-9]", "score": 0.5}] * 65, "supported_entity": "X"},
                    {"supported_entity": "X"}):
            st, _, body = s.post("/analyze", {"text": "x", "language": "en",
                                              "ad_hoc_recognizers": [bad]})
            check(st == 422 and json.loads(body)["error"] in ("invalid_recognizer",
                                                               "ad_hoc_limits"),
                  "bad recognizer -> %d %s" % (st, body))
        st, _, body = s.post("/analyze", {"text": "x", "language": "en", "ad_hoc_recognizers": [
            {"patterns": [{"regex": "x" * 1025, "score": 0.5}], "supported_entity": "X"}]})
        check(st == 422, "regex over 1024 bytes %d" % st)
        m = s.metrics()
        check(metric(m, "phiscrub_requests_total", {"endpoint": "deanonymize", "code": "200"}) == 1,
              "deanonymize metric")
        check(metric(m, "phiscrub_requests_total", {"endpoint": "health", "code": "200"}) == 1,
              "health metric")
        no_phi(m, "metrics")
    finally:
        check(s.stop() == 0, "exit code")
    # Another key: tokens of the first are named as such, not decrypted.
    s = Server("--encrypt-key-file", enc_key2)
    try:
        st, _, body = s.post("/deanonymize", dean)
        check(st == 422 and "another key" in json.loads(body)["message"], "other key %s" % body)
        # No hash key configured: 422 naming the setting.
        st, _, body = s.post("/anonymize", {"text": text, "analyzer_results": [ssn],
                                            "anonymizers": {"DEFAULT": {"type": "hash"}}})
        check(st == 422 and "--hash-key-file" in json.loads(body)["message"], "no key %s" % body)
    finally:
        check(s.stop() == 0, "exit code")
    s = Server()
    try:
        st, _, body = s.post("/anonymize", {"text": text, "analyzer_results": [ssn],
                                            "anonymizers": {"DEFAULT": {"type": "encrypt"}}})
        check(st == 422 and "--encrypt-key-file" in json.loads(body)["message"],
              "no encrypt key %s" % body)
        st, _, body = s.post("/deanonymize", dean)
        check(st == 422 and json.loads(body)["error"] == "missing_key", "no key decrypt %s" % body)
    finally:
        check(s.stop() == 0, "exit code")
    # A short encrypt key is a configuration error.
    short = os.path.join(d, "short.key")
    with open(short, "w") as f:
        f.write("too-short\n")
    p = subprocess.run([BIN, "--listen", "127.0.0.1:0", "--encrypt-key-file", short],
                       capture_output=True, timeout=20 * SCALE)
    check(p.returncode == 78 and b"at least 32 bytes" in p.stderr, "short key %s" % p.stderr)


class Receiver:
    """The application behind the webhook relay: a loopback HTTP server that
    records what it receives. `fail` answers that many requests 503 first;
    `status` is the answer after that."""

    def __init__(self, fail=0, status=200, tls=None):
        import http.server
        outer = self
        self.got = []
        self.fail = fail
        self.status = status

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                outer.got.append((self.path, dict(self.headers), body))
                code = 503 if outer.fail > 0 else outer.status
                outer.fail -= 1
                reply = json.dumps({"received": len(body), "ok": code == 200}).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *a):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.scheme = "http"
        if tls:  # (certificate chain, key): HTTPS; a failed handshake is dropped
            import ssl
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(*tls)
            self.httpd.socket = ctx.wrap_socket(self.httpd.socket, server_side=True)
            self.scheme = "https"
        self.t = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.t.start()

    def url(self, path):
        return "%s://127.0.0.1:%d%s" % (self.scheme, self.port, path)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def test_webhook():
    """--webhook: vendor signature (Vapi, Retell, SignalWire, Twilio), redaction
    with the vendor's profile, forward to a loopback application with retries,
    fail closed (nothing forwarded on a bad signature or a redaction failure),
    502 after the retries, metrics and audit."""
    import base64
    import hashlib
    import hmac
    d = tempfile.mkdtemp(dir=TMP)
    secrets = {}
    for v in ("vapi", "retell", "signalwire", "twilio"):
        secrets[v] = "fictitious-%s-secret-0123456789" % v
        with open(os.path.join(d, v), "w") as f:
            f.write(secrets[v] + "\n")
    app = Receiver()
    flaky = Receiver(fail=2)
    refusing = Receiver(status=400)
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    dead_port = closed.getsockname()[1]
    closed.close()  # nothing listens there
    pub = "https://hooks.example.test/webhooks/"
    routes = [
        "vapi=%s,secret-file=%s" % (app.url("/hooks/vapi"), os.path.join(d, "vapi")),
        "retell=%s,secret-file=%s" % (app.url("/hooks/retell"), os.path.join(d, "retell")),
        "signalwire=%s,secret-file=%s,public-url=%ssignalwire" % (
            app.url("/hooks/sw"), os.path.join(d, "signalwire"), pub),
        "twilio=%s,secret-file=%s,public-url=%stwilio,profile=json" % (
            app.url("/hooks/twilio"), os.path.join(d, "twilio"), pub),
        "flaky=%s,vendor=vapi,secret-file=%s" % (flaky.url("/f"), os.path.join(d, "vapi")),
        "refusing=%s,vendor=vapi,secret-file=%s" % (refusing.url("/r"), os.path.join(d, "vapi")),
        "dead=http://127.0.0.1:%d/x,vendor=vapi,secret-file=%s" % (dead_port,
                                                                  os.path.join(d, "vapi")),
    ]
    # The vapi golden file takes recording links out (--redact-recording-urls);
    # phiscrubd does so from its key file.
    keys = os.path.join(d, "keys.yaml")
    with open(keys, "w") as f:
        f.write("redact_recording_urls: true\n")
    args = ["--json-keys", keys]
    for r in routes:
        args += ["--webhook", r]
    s = Server(*args)

    def golden(profile, name):
        return (open(os.path.join(GOLDEN, profile, name + ".in"), "rb").read(),
                json.load(open(os.path.join(GOLDEN, profile, name + ".out"))))

    def hexmac(key, msg, algo=hashlib.sha256):
        return hmac.new(key.encode(), msg, algo).hexdigest()

    try:
        # Vapi, shared secret header: redacted as the vapi golden file says.
        body, want = golden("vapi", "end_of_call_report")
        st, h, data = s.post("/webhooks/vapi", body, headers={"x-vapi-secret": secrets["vapi"]})
        check(st == 200 and json.loads(data) == {"received": app.got[-1][2].__len__(), "ok": True},
              "vapi relay %d %s" % (st, data))
        path, hdrs, fwd = app.got[-1]
        check(path == "/hooks/vapi" and hdrs.get("X-Phiscrub-Route") == "vapi", "fwd %s" % hdrs)
        check(json.loads(fwd) == want, "forwarded vapi payload differs from the golden file")
        no_phi(fwd, "forwarded payload")
        # Vapi HMAC credential: body only, then timestamp.body; stale; wrong; missing.
        n = len(app.got)
        st, _, _ = s.post("/webhooks/vapi", body,
                          headers={"x-vapi-signature": hexmac(secrets["vapi"], body)})
        check(st == 200 and len(app.got) == n + 1, "vapi hmac %d" % st)
        ts = str(int(time.time()))
        st, _, _ = s.post("/webhooks/vapi", body, headers={
            "x-timestamp": ts, "x-vapi-signature": "sha256=" + hexmac(secrets["vapi"],
                                                                      ts.encode() + b"." + body)})
        check(st == 200 and len(app.got) == n + 2, "vapi hmac+timestamp %d" % st)
        old = str(int(time.time()) - 3600)
        for hdrs, why in (({"x-timestamp": old, "x-vapi-signature":
                            hexmac(secrets["vapi"], old.encode() + b"." + body)}, "stale"),
                          ({"x-vapi-signature": hexmac("wrong-secret-0123456789", body)}, "wrong"),
                          ({"x-vapi-secret": "wrong-secret-0123456789"}, "wrong secret"),
                          ({}, "missing")):
            st, _, data = s.post("/webhooks/vapi", body, headers=hdrs)
            check(st == 401, "vapi %s -> %d %s" % (why, st, data))
        check(len(app.got) == n + 2, "forwarded after a bad signature")
        # A signature over other bytes: the body was changed on the way.
        st, _, _ = s.post("/webhooks/vapi", body.replace(b"end-of-call-report", b"end-of-call-rep0rt"),
                          headers={"x-vapi-signature": hexmac(secrets["vapi"], body)})
        check(st == 401, "tampered body %d" % st)

        # Retell: v=<ms>,d=hex HMAC-SHA256(secret, body + ms).
        body, want = golden("retell", "call_analyzed")
        for k in ("recording_url", "public_log_url"):  # kept in the golden file
            want["call"][k] = "[RECORDING_URL]"
        ms = str(int(time.time() * 1000))
        sig = "v=%s,d=%s" % (ms, hexmac(secrets["retell"], body + ms.encode()))
        st, _, _ = s.post("/webhooks/retell", body, headers={"x-retell-signature": sig})
        check(st == 200 and json.loads(app.got[-1][2]) == want, "retell relay %d" % st)
        old_ms = str(int(time.time() * 1000) - 600000)
        for bad in ("v=%s,d=%s" % (ms, "0" * 64),
                    "v=%s,d=%s" % (old_ms, hexmac(secrets["retell"], body + old_ms.encode())),
                    "garbage"):
            st, _, _ = s.post("/webhooks/retell", body, headers={"x-retell-signature": bad})
            check(st == 401, "retell bad signature %s -> %d" % (bad[:20], st))

        # SignalWire JSON: hex HMAC-SHA1(signing key, url + body), url = public-url.
        body, want = golden("signalwire", "post_prompt")
        sig = hexmac(secrets["signalwire"], (pub + "signalwire").encode() + body, hashlib.sha1)
        st, _, _ = s.post("/webhooks/signalwire", body, headers={"X-SignalWire-Signature": sig})
        check(st == 200 and json.loads(app.got[-1][2]) == want, "signalwire relay %d" % st)
        fwd = json.loads(app.got[-1][2])
        check(fwd["caller_id_name"] == "[PERSON]", "signalwire name %s" % fwd["caller_id_name"])
        sig = hexmac(secrets["signalwire"], b"https://elsewhere.test/x" + body, hashlib.sha1)
        st, _, _ = s.post("/webhooks/signalwire", body, headers={"X-SignalWire-Signature": sig})
        check(st == 401, "signalwire other url %d" % st)

        # Twilio JSON body: bodySHA256 in the URL, base64 HMAC-SHA1 of the URL.
        body = json.dumps({"From": "+14155550132", "note": "SSN 123-45-6789"}).encode()
        q = "bodySHA256=" + hashlib.sha256(body).hexdigest()
        sig = base64.b64encode(hmac.new(secrets["twilio"].encode(),
                                        (pub + "twilio?" + q).encode(), hashlib.sha1).digest())
        st, _, _ = s.post("/webhooks/twilio?" + q, body,
                          headers={"X-Twilio-Signature": sig.decode()})
        check(st == 200, "twilio relay %d" % st)
        fwd = app.got[-1][2]
        check(json.loads(fwd)["note"] == "SSN [US_SSN]", "twilio redacted %s" % fwd)
        no_phi(fwd, "twilio forward")
        st, _, _ = s.post("/webhooks/twilio?" + q, body.replace(b"6789", b"6780"),
                          headers={"X-Twilio-Signature": sig.decode()})
        check(st == 401, "twilio body changed %d" % st)

        # Fail closed: a signed body that cannot be redacted is not forwarded.
        n = len(app.got)
        bad = b'{"message": {"note": "SSN 123-45-6789"'
        st, _, data = s.post("/webhooks/vapi", bad, headers={"x-vapi-secret": secrets["vapi"]})
        check(st == 500 and len(app.got) == n, "malformed webhook %d %s" % (st, data))
        no_phi(data, "500 body")

        # Retries: two 503s, then accepted.
        st, _, _ = s.post("/webhooks/flaky", b'{"a": "call 415-555-0148"}',
                          headers={"x-vapi-secret": secrets["vapi"]})
        check(st == 200 and len(flaky.got) == 3, "flaky %d after %d" % (st, len(flaky.got)))
        check(all(b"555-0148" not in g[2] for g in flaky.got), "raw in a retry")
        # A 4xx from the application is final; an application that is down: 502.
        st, _, data = s.post("/webhooks/refusing", b'{"a": 1}',
                             headers={"x-vapi-secret": secrets["vapi"]})
        check(st == 502 and len(refusing.got) == 1, "refusing %d %d" % (st, len(refusing.got)))
        t0 = time.time()
        st, _, data = s.post("/webhooks/dead", b'{"a": 1}', headers={"x-vapi-secret": secrets["vapi"]})
        check(st == 502 and "3 attempts" in json.loads(data)["message"], "dead %d %s" % (st, data))
        check(time.time() - t0 < 10 * SCALE, "retries bounded")
        st, _, _ = s.post("/webhooks/nope", b"{}")
        check(st == 404, "unknown route %d" % st)
        st, _, _ = s.post("/webhooks/vapi", "a=1", headers={
            "Content-Type": "application/x-www-form-urlencoded", "x-vapi-secret": secrets["vapi"]})
        check(st == 415, "form body %d" % st)

        m = s.metrics()
        check_exposition(m)
        def wm(route, outcome):
            return metric(m, "phiscrub_webhook_requests_total", {"route": route, "outcome": outcome})
        check(wm("vapi", "forwarded") == 3 and wm("vapi", "bad_signature") == 5 and
              wm("vapi", "redaction_failed") == 1 and wm("vapi", "rejected") == 1, "vapi metrics")
        check(wm("retell", "forwarded") == 1 and wm("retell", "bad_signature") == 3, "retell")
        check(wm("flaky", "forwarded") == 1 and
              metric(m, "phiscrub_webhook_forward_retries_total", {"route": "flaky"}) == 2, "flaky")
        check(wm("refusing", "forward_failed") == 1 and wm("dead", "forward_failed") == 1, "502s")
        check(metric(m, "phiscrub_fail_closed_total", {"reason": "malformed_json"}) == 1, "fc")
        audit = s.audit_lines()
        sigfails = [a for a in audit if a["event"] == "webhook_signature_failure"]
        check(len(sigfails) == 10 and {a["outcome"] for a in sigfails} ==
              {"bad_signature", "stale_signature", "missing_signature"}, "audit %s" % sigfails[:2])
        raw = open(s.audit).read() + s.stderr()
        check(not any(v in raw for v in secrets.values()), "a secret in the audit log or stderr")
    finally:
        check(s.stop() == 0, "exit code")
        for r in (app, flaky, refusing):
            r.close()
    # Configuration errors: a signing vendor without a secret, an unreadable one.
    for spec in ("vapi=http://127.0.0.1:9/x", "x=http://127.0.0.1:9/x",
                 "vapi=ftp://127.0.0.1/x,secret-file=/dev/null"):
        p = subprocess.run([BIN, "--listen", "127.0.0.1:0", "--webhook", spec],
                           capture_output=True, timeout=20 * SCALE)
        check(p.returncode == 2 and b"--webhook" in p.stderr, "%s: %d %s" % (spec, p.returncode,
                                                                           p.stderr))
    p = subprocess.run([BIN, "--listen", "127.0.0.1:0", "--webhook",
                        "vapi=http://127.0.0.1:9/x,secret-file=/nonexistent/secret"],
                       capture_output=True, timeout=20 * SCALE)
    check(p.returncode == 78 and b"cannot read secret file" in p.stderr, "secret %s" % p.stderr)


def twilio_signature(token, url, pairs):
    """X-Twilio-Signature as Twilio documents it, computed here independently
    of phiscrubd: base64 HMAC-SHA1(auth token, URL + every POST parameter's
    name and value, sorted by name)."""
    import base64
    import hashlib
    import hmac
    s = url + "".join(k + v for k, v in sorted(pairs))
    return base64.b64encode(hmac.new(token.encode(), s.encode(), hashlib.sha1).digest()).decode()


def test_webhook_form():
    """Twilio form callbacks (voice, SMS, speech, transcription): signature
    over the URL and sorted parameters, each value redacted with its field
    name as the cue, SIDs and statuses forwarded byte for byte, forwarded as a
    form; bad or missing signature 401 (audited, nothing forwarded); a field
    name that could carry data fails closed."""
    from urllib.parse import urlencode, parse_qsl
    d = tempfile.mkdtemp(dir=TMP)
    token = "fictitious-twilio-auth-token-0123"
    with open(os.path.join(d, "twilio"), "w") as f:
        f.write(token + "\n")
    app = Receiver()
    pub = "https://hooks.example.test/webhooks/twilio"
    s = Server("--webhook", "twilio=%s,secret-file=%s,public-url=%s" % (
        app.url("/hooks/twilio"), os.path.join(d, "twilio"), pub))
    form = {"Content-Type": "application/x-www-form-urlencoded"}

    def send(pairs, query="", sig=None, body=None):
        body = body if body is not None else urlencode(pairs)
        url = pub + ("?" + query if query else "")
        h = dict(form)
        h["X-Twilio-Signature"] = sig if sig is not None else twilio_signature(token, url, pairs)
        return s.post("/webhooks/twilio" + ("?" + query if query else ""), body, headers=h)

    voice = [("AccountSid", "AC0123456789abcdef0123456789abcdef"),
             ("ApiVersion", "2010-04-01"),
             ("CallSid", "CA5550100123456789abcdef01234567"),
             ("CallStatus", "in-progress"), ("Direction", "inbound"),
             ("From", "+14155550132"), ("Caller", "+14155550132"),
             ("To", "+14155550148"), ("Called", "+14155550148"),
             ("CallerName", "Dana Zyxwell"),
             ("FromCity", "SAN FRANCISCO"), ("FromState", "CA"), ("FromZip", "94105"),
             ("FromCountry", "US"),
             ("SpeechResult", "my social is 123-45-6789 and my email is dana.fict@example.com"),
             ("Confidence", "0.9123"), ("Digits", "03151982")]
    sms = [("MessageSid", "SM5550100123456789abcdef01234567"),
           ("AccountSid", "AC0123456789abcdef0123456789abcdef"),
           ("From", "+14155550132"), ("To", "+14155550148"), ("NumMedia", "0"),
           ("Body", "Hi, this is Zyxwell, call me back at (415) 555-0132 about my results & refill")]
    transcription = [("TranscriptionSid", "TR5550100123456789abcdef01234567"),
                     ("TranscriptionStatus", "completed"), ("CallSid", "CA5550100123456789abcdef01234567"),
                     ("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Recordings/RE0123456789abcdef0123456789abcdef"),
                     ("TranscriptionText", "This is a message for the clinic, my number is 415-555-0148")]
    try:
        for pairs, free, keep in ((voice, "SpeechResult", ["[US_SSN]", "[EMAIL_ADDRESS]"]),
                                  (sms, "Body", ["[PHONE_NUMBER]"]),
                                  (transcription, "TranscriptionText", ["[PHONE_NUMBER]"])):
            n = len(app.got)
            body = urlencode(pairs)
            st, h, data = send(pairs)
            check(st == 200 and len(app.got) == n + 1, "twilio form %d %s" % (st, data))
            path, hdrs, fwd = app.got[-1]
            check(hdrs.get("Content-Type") == "application/x-www-form-urlencoded",
                  "forwarded as %s" % hdrs.get("Content-Type"))
            no_phi(fwd, "forwarded form")
            got = parse_qsl(fwd.decode(), keep_blank_values=True, strict_parsing=True)
            check([k for k, _ in got] == [k for k, _ in pairs], "field order %s" % got)
            out = dict(got)
            raw = fwd.decode().split("&")
            for k, v in pairs:
                if k.endswith("Sid") or k in ("ApiVersion", "CallStatus", "Direction",
                                              "FromState", "FromCountry", "Confidence",
                                              "NumMedia", "TranscriptionStatus"):
                    # Non-PHI: the very bytes Twilio sent.
                    check(urlencode([(k, v)]) in raw and out[k] == v, "%s changed: %s" % (k, out[k]))
            for k in ("From", "To", "Caller", "Called"):
                if k in out:
                    check(out[k] == "[PHONE_NUMBER]", "%s -> %s" % (k, out[k]))
            for want in keep:
                check(want in out[free], "%s: %s" % (free, out[free]))
            if pairs is voice:
                check(out["CallerName"] == "[PERSON]" and out["FromCity"] == "[LOCATION]" and
                      out["FromZip"] == "[ZIP_CODE]" and out["Digits"] == "[OTHER_ID]",
                      "voice fields %s" % out)
                check(out[free].startswith("my social is [US_SSN] and my email is "), out[free])
            if pairs is sms:
                # '&', ',' and spaces in the text are re-encoded, the words kept.
                check(out["Body"].endswith("about my results & refill") and
                      "[PERSON]" in out["Body"], "sms %s" % out["Body"])
            if pairs is transcription:
                # Links are scanned, not replaced, unless the key file sets
                # redact_recording_urls.
                check(out["RecordingUrl"] == dict(transcription)["RecordingUrl"],
                      out["RecordingUrl"])
        # The query is part of the signed URL; '+' and '%20' decode alike.
        st, _, _ = send(sms, query="tenant=clinic-7")
        check(st == 200, "query %d" % st)
        st, _, _ = send(sms, body=urlencode(sms).replace("+", "%20"))
        check(st == 200, "%%20 for spaces %d" % st)

        n = len(app.got)
        # Bad signatures: a changed value, another URL, another token, none.
        tampered = [(k, "+14155550199" if k == "From" else v) for k, v in sms]
        for sig, why in ((twilio_signature(token, pub, sms), "body changed"),
                         (twilio_signature(token, pub + "-other", tampered), "other url"),
                         (twilio_signature("another-token-0123456789", pub, tampered), "token"),
                         ("", "missing")):
            st, _, data = send(tampered, sig=sig)
            check(st == 401, "%s -> %d %s" % (why, st, data))
            no_phi(data, "401 body")
        check(len(app.got) == n, "forwarded after a bad signature")
        # Fail closed: a field name that could itself be data (signed, so it
        # passes the signature) is not forwarded.
        odd = [("CallSid", "CA01"), ("Dana Zyxwell 415-555-0132", "x")]
        st, _, data = send(odd)
        check(st == 500 and len(app.got) == n, "odd name %d %s" % (st, data))
        no_phi(data, "500 body")
        m = s.metrics()
        check_exposition(m)
        check(metric(m, "phiscrub_webhook_requests_total",
                     {"route": "twilio", "outcome": "forwarded"}) == 5, "forwarded count")
        check(metric(m, "phiscrub_webhook_requests_total",
                     {"route": "twilio", "outcome": "bad_signature"}) == 4, "bad sig count")
        check(metric(m, "phiscrub_fail_closed_total", {"reason": "malformed_form"}) == 1,
              "malformed_form count")
        no_phi(m, "metrics")
        audit = s.audit_lines()
        sigfails = [a for a in audit if a["event"] == "webhook_signature_failure"]
        check(len(sigfails) == 4 and {a["outcome"] for a in sigfails} ==
              {"bad_signature", "missing_signature"}, "audit %s" % sigfails)
        raw = open(s.audit).read() + s.stderr()
        check(token not in raw, "the token in the audit log or stderr")
    finally:
        check(s.stop() == 0, "exit code")
    # Lockdown: only the non-PHI fields go on, with the reason.
    s = Server("--webhook", "twilio=%s,secret-file=%s,public-url=%s" % (
        app.url("/hooks/twilio"), os.path.join(d, "twilio"), pub),
        env={"PHISCRUB_LOCKDOWN": "true"})
    try:
        st, _, _ = send(sms)
        check(st == 200, "lockdown %d" % st)
        check(app.got[-1][2] == ("MessageSid=SM5550100123456789abcdef01234567&AccountSid="
                                 "AC0123456789abcdef0123456789abcdef&NumMedia=0&"
                                 "phiscrub_error=lockdown").encode(), "lockdown %s" % app.got[-1][2])
    finally:
        check(s.stop() == 0, "exit code")
        app.close()


def make_ca(d, name):
    """A throwaway CA made with the openssl CLI: (cert, key) paths."""
    cert, key = os.path.join(d, name + ".pem"), os.path.join(d, name + ".key")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "1", "-subj", "/CN=phiscrub test %s" % name,
                    "-addext", "basicConstraints=critical,CA:TRUE",
                    "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
                   check=True, capture_output=True, timeout=30)
    return cert, key


def make_server_cert(d, ca, name, san):
    """A server certificate for `san` (e.g. IP:127.0.0.1) signed by `ca`."""
    key, csr = os.path.join(d, name + ".key"), os.path.join(d, name + ".csr")
    cert, ext = os.path.join(d, name + ".pem"), os.path.join(d, name + ".ext")
    with open(ext, "w") as f:
        f.write("subjectAltName=%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n" % san)
    subprocess.run(["openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-keyout", key, "-out", csr, "-subj", "/CN=%s" % name],
                   check=True, capture_output=True, timeout=30)
    subprocess.run(["openssl", "x509", "-req", "-in", csr, "-CA", ca[0], "-CAkey", ca[1],
                    "-CAcreateserial", "-out", cert, "-days", "1", "-extfile", ext],
                   check=True, capture_output=True, timeout=30)
    return cert, key


def test_webhook_tls():
    """Forwarding over https://: the application's certificate is verified
    against the route's ca-file (a CA made here), with its address; a wrong
    CA, the system CAs or a certificate for another name mean no delivery, a
    502 to the vendor after the retries and nothing raw anywhere."""
    d = tempfile.mkdtemp(dir=TMP)
    ca, other_ca = make_ca(d, "ca"), make_ca(d, "other-ca")
    app = Receiver(tls=make_server_cert(d, ca, "app", "IP:127.0.0.1"))
    named = Receiver(tls=make_server_cert(d, ca, "named", "DNS:app.example.test"))
    routes = ["good=%s,vendor=none,ca-file=%s" % (app.url("/hooks/good"), ca[0]),
              "wrongca=%s,vendor=none,ca-file=%s" % (app.url("/hooks/wrongca"), other_ca[0]),
              "system=%s,vendor=none" % app.url("/hooks/system"),
              "wrongname=%s,vendor=none,ca-file=%s" % (named.url("/hooks/wrongname"), ca[0])]
    args = []
    for r in routes:
        args += ["--webhook", r]
    s = Server(*args)
    payload = {"note": "patient Zyxwell, SSN 123-45-6789, call (415) 555-0132"}
    try:
        st, h, data = s.post("/webhooks/good", payload)
        check(st == 200 and len(app.got) == 1, "https forward %d %s" % (st, data))
        path, hdrs, fwd = app.got[0]
        check(path == "/hooks/good" and hdrs.get("X-Phiscrub-Route") == "good", "%s" % hdrs)
        check("[US_SSN]" in json.loads(fwd)["note"], "redacted %s" % fwd)
        no_phi(fwd, "https forward")
        for route in ("wrongca", "system", "wrongname"):
            t0 = time.time()
            st, _, data = s.post("/webhooks/" + route, payload)
            check(st == 502 and "3 attempts" in json.loads(data)["message"],
                  "%s: %d %s" % (route, st, data))
            check(time.time() - t0 < 10 * SCALE, "%s: retries bounded" % route)
            no_phi(data, "502 body")
        check(len(app.got) == 1 and not named.got, "delivered despite a failed verification")
        m = s.metrics()
        for route in ("wrongca", "system", "wrongname"):
            check(metric(m, "phiscrub_webhook_requests_total",
                         {"route": route, "outcome": "forward_failed"}) == 1, route)
            check(metric(m, "phiscrub_webhook_forward_retries_total", {"route": route}) == 2, route)
        check(metric(m, "phiscrub_webhook_requests_total",
                     {"route": "good", "outcome": "forwarded"}) == 1, "good")
        audit = [a for a in s.audit_lines() if a["event"] == "webhook"]
        check(sorted(a["outcome"] for a in audit) ==
              ["forward_failed"] * 3 + ["forwarded"], "audit %s" % audit)
        # Nothing kept: phiscrubd wrote no file beyond its own port files and
        # audit log (no spool of raw or redacted payloads).
        check(sorted(os.listdir(s.dir)) == ["audit.jsonl", "port", "stderr"],
              "files %s" % os.listdir(s.dir))
    finally:
        check(s.stop() == 0, "exit code")  # stderr and audit log checked for PHI
        app.close()
        named.close()
    # ca-file errors: unreadable, not PEM, or on an http:// route.
    for spec, code, msg in (("x=https://127.0.0.1:9/x,vendor=none,ca-file=/nonexistent.pem", 78,
                             b"cannot read CA file"),
                            ("x=https://127.0.0.1:9/x,vendor=none,ca-file=%s" % ca[1], 78,
                             b"cannot read CA file"),
                            ("x=http://127.0.0.1:9/x,vendor=none,ca-file=%s" % ca[0], 2,
                             b"needs an https:// URL")):
        p = subprocess.run([BIN, "--listen", "127.0.0.1:0", "--webhook", spec],
                           capture_output=True, timeout=20 * SCALE)
        check(p.returncode == code and msg in p.stderr, "%s: %d %s" % (spec, p.returncode,
                                                                     p.stderr))


GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden")


def test_vocabulary():
    """One entity vocabulary: names are PERSON in profiles, findings, policies,
    metrics and --entities (PERSON_NAME, the old profile label, is refused
    with the new name)."""
    payload = json.load(open(os.path.join(GOLDEN, "signalwire", "post_prompt.in")))
    golden = json.load(open(os.path.join(GOLDEN, "signalwire", "post_prompt.out")))
    s = Server()
    try:
        st, _, body = s.post("/v1/redact", {"payload": payload, "format": "signalwire"})
        out = json.loads(body)
        check(st == 200 and out["payload"] == golden, "signalwire golden: %s" % body[:300])
        check(out["payload"]["caller_id_name"] == "[PERSON]", "caller_id_name %s" % body[:300])
        check(b"PERSON_NAME" not in body, "old label in %s" % body[:300])
        by_path = {f["path"]: f["entity"] for f in out["findings"]}
        check(by_path.get("$.caller_id_name") == "PERSON", "finding entity %s" % by_path)
        check(out["overview"]["findings_by_entity"].get("PERSON", 0) >= 1, "overview")
        m = s.metrics()
        check(metric(m, "phiscrub_findings_total", {"entity": "PERSON"}) >= 1, "metric PERSON")
        check("PERSON_NAME" not in m, "old label in metrics")
    finally:
        check(s.stop() == 0, "exit code")
    # A policy for PERSON now reaches the profile's name fields.
    pol = os.path.join(TMP, "drop_person.yaml")
    with open(pol, "w") as f:
        f.write("entities:\n  PERSON: drop\n")
    s = Server("--policy", pol)
    try:
        st, _, body = s.post("/v1/redact", {"payload": payload, "format": "signalwire"})
        out = json.loads(body)
        check(st == 200 and out["payload"]["caller_id_name"] == "", "drop: %s" % body[:300])
        check(b"[PERSON" not in body, "PERSON label left by drop: %s" % body[:300])
        check(out["payload"]["caller_id_number"] == "[PHONE_NUMBER]", "others labelled")
    finally:
        check(s.stop() == 0, "exit code")
    # The old name is refused, naming the new one, as a flag and in a policy.
    old_pol = os.path.join(TMP, "old_name.yaml")
    with open(old_pol, "w") as f:
        f.write("entities:\n  PERSON_NAME: drop\n")
    for args in (["--entities", "PERSON_NAME"], ["--policy", old_pol]):
        d = tempfile.mkdtemp(dir=TMP)
        p = subprocess.run([BIN, "--listen", "127.0.0.1:0", "--port-file", os.path.join(d, "p")]
                           + args, capture_output=True, timeout=20 * SCALE)
        check(p.returncode == 78 and b"'PERSON'" in p.stderr,
              "%s: rc %d %s" % (args, p.returncode, p.stderr))
    # --entities PERSON is the way to ask for names only.
    s = Server("--entities", "PERSON")
    try:
        st, _, body = s.post("/v1/redact", {"payload": payload, "format": "signalwire"})
        out = json.loads(body)
        check(st == 200 and out["payload"]["caller_id_name"] == "[PERSON]", "entities PERSON")
    finally:
        check(s.stop() == 0, "exit code")


_SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$')
_LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)')


def check_exposition(text):
    """Strict check of the Prometheus text format (0.0.4): every family has
    HELP then TYPE before its samples, families are not interleaved or
    repeated, names, labels and values parse, no series repeats, counters are
    >= 0, histograms have increasing le, cumulative buckets and +Inf == count.
    Returns {family: type}."""
    check(text.endswith("\n"), "exposition must end with a newline")
    types, helps, series = {}, {}, set()
    current = None
    closed = set()
    hist = {}
    for line in text[:-1].split("\n"):
        if line.startswith("# HELP "):
            name, _, help_text = line[7:].partition(" ")
            check(name not in helps and name not in closed, "family %s repeated" % name)
            check(help_text.strip(), "empty HELP for %s" % name)
            if current:
                closed.add(current)
            helps[name] = help_text
            current = name
        elif line.startswith("# TYPE "):
            name, _, typ = line[7:].partition(" ")
            check(name == current and name not in types, "TYPE %s without its HELP first" % name)
            check(typ in ("counter", "gauge", "histogram", "summary", "untyped"), "type %s" % typ)
            types[name] = typ
        else:
            check(not line.startswith("#") and line, "stray line %r" % line)
            m = _SAMPLE.match(line)
            check(m, "bad sample line %r" % line)
            name, labels, value = m.group(1), m.group(3) or "", m.group(4)
            family = name
            if current and types.get(current) == "histogram":
                for suf in ("_bucket", "_sum", "_count"):
                    if name == current + suf:
                        family = current
            check(family == current and current in types,
                  "sample %s outside its family (HELP/TYPE first)" % name)
            pairs = []
            rest = labels
            while rest:
                lm = _LABEL.match(rest)
                check(lm, "bad labels %r" % labels)
                pairs.append((lm.group(1), lm.group(2)))
                rest = rest[lm.end():]
            check(len({k for k, _ in pairs}) == len(pairs), "repeated label in %r" % line)
            v = float(value)  # accepts +Inf, -Inf, NaN as the format does
            key = (name, tuple(sorted(pairs)))
            check(key not in series, "series repeated: %r" % line)
            series.add(key)
            if types[current] == "counter":
                check(v >= 0, "negative counter %r" % line)
            if types[current] == "histogram":
                other = tuple(sorted((k, x) for k, x in pairs if k != "le"))
                h = hist.setdefault((current, other), {"buckets": []})
                if name.endswith("_bucket"):
                    le = dict(pairs)["le"]
                    h["buckets"].append((float(le), v))
                elif name.endswith("_count"):
                    h["count"] = v
    for (fam, _), h in hist.items():
        les = [b[0] for b in h["buckets"]]
        counts = [b[1] for b in h["buckets"]]
        check(les == sorted(les) and len(set(les)) == len(les), "%s le order" % fam)
        check(les and les[-1] == float("inf"), "%s has no +Inf bucket" % fam)
        check(counts == sorted(counts), "%s buckets not cumulative" % fam)
        check(h.get("count") == counts[-1], "%s +Inf bucket != count" % fam)
    check(set(helps) == set(types), "HELP without TYPE: %s" % (set(helps) ^ set(types)))
    return types


def test_metrics_format():
    s = Server("--listen-tcp", "127.0.0.1:0")
    try:
        s.post("/v1/redact", {"text": "SSN 123-45-6789"})
        s.post("/v1/redact", {"text": 5})
        s.get("/nope")
        tcp_exchange(s.tcp_port, b"call 415-555-0148\n", None)
        text = s.metrics()
        types = check_exposition(text)
        for name, typ in (("process_cpu_seconds_total", "counter"),
                          ("process_resident_memory_bytes", "gauge"),
                          ("process_virtual_memory_bytes", "gauge"),
                          ("process_open_fds", "gauge"), ("process_max_fds", "gauge"),
                          ("process_start_time_seconds", "gauge"),
                          ("phiscrub_requests_total", "counter"),
                          ("phiscrub_request_duration_seconds", "histogram")):
            check(types.get(name) == typ, "%s: %s" % (name, types.get(name)))
        rss = metric(text, "process_resident_memory_bytes")
        check(1 << 20 < rss < 4 << 30, "rss %s" % rss)
        start = metric(text, "process_start_time_seconds")
        check(time.time() - 120 * SCALE < start <= time.time() + 2, "start time %s" % start)
        fds = metric(text, "process_open_fds")
        check(fds >= 5, "open fds %s" % fds)  # listeners, epoll, stderr, audit log
        check(metric(text, "process_cpu_seconds_total") > 0, "cpu seconds")
        # A real parser too when one is installed (promtool from Prometheus).
        promtool = shutil.which("promtool")
        if promtool:
            p = subprocess.run([promtool, "check", "metrics"], input=text.encode(),
                               capture_output=True, timeout=30)
            check(p.returncode == 0, "promtool: %s %s" % (p.stdout, p.stderr))
        no_phi(text, "metrics")
    finally:
        check(s.stop() == 0, "exit code")


TESTS = {name[5:]: fn for name, fn in globals().items() if name.startswith("test_")}


def main():
    global BIN, TMP
    BIN = os.path.abspath(sys.argv[1])
    names = sys.argv[2:] or ["all"]
    if names == ["all"]:
        names = list(TESTS)
    load_spec()
    with tempfile.TemporaryDirectory(prefix="phiscrubd-test-") as tmp:
        TMP = tmp
        for n in names:
            t0 = time.time()
            VALIDATED[0] = 0
            TESTS[n]()
            print("ok %s (%.2fs, %d responses valid against /openapi.json)" %
                  (n, time.time() - t0, VALIDATED[0]))


if __name__ == "__main__":
    main()
