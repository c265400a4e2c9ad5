#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (tests/fuzz/corpus/<target>/).

Every value is fictitious: 555-01xx phones, made-up SSNs (123-45-6789 and
the like), example.com addresses, invented names. Rerun after changing a
target's input layout; libFuzzer grows its own copies from these.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(14)

TEXTS = [
    "SSN 123-45-6789",
    "patient ssn: 219-09-9999 on file",
    "call (415) 555-0132 after 5pm",
    "phone: 415-555-0175 ext. 12",
    "+1 212 555 0199 mobile",
    "dana.reyes@example.com wrote",
    "DOB: 03/15/1985",
    "date of birth: 1985-03-15",
    "born March 15, 1985 in Ohio",
    "MRN: 00123456",
    "medical record number MR-4829301",
    "Agent: can I have your date of birth?\nCaller: march fifth nineteen eighty two",
    "order 123-45-6789 shipped",
    "2026-11-22T10:31:02.118Z INFO pid=4242 user=jdoe@example.org",
    "GET /patients?ssn=123-45-6789&name=Dana%20Reyes HTTP/1.1",
    '{"note": "SSN 123\\u002d45\\u002d6789"}',
    "PID|1||4829301^^^HOSP^MR||REYES^DANA||19850315|F",
    "social is 219 09 9999",
    "the last four of my social is 6789",
    "Mr. John Q. Sample at 1 Main St, Springfield, IL 62704",
    "card 4111 1111 1111 1111 exp 12/29",
    "ip 192.0.2.44 url https://user:pass@example.com/x",
    "caf\xc3\xa9 na\xc3\xafve \xe2\x80\x94 415-555-0100",
    "bad utf8 \xff\xfe 123-45-6789",
    "",
    "\r\n\r\n",
]

JSONS = [
    {"ssn": "123-45-6789", "note": "ok"},
    {"user": {"phone": 4155550132, "email": "dana@example.com"}},
    {"msg": "call (415) 555-0132", "ts": "2026-11-22T10:31:02Z"},
    {"dateOfBirth": "1985-03-15", "mrn": "00123456"},
    {"messages": [{"role": "assistant", "content": "What is your date of birth?"},
                  {"role": "user", "content": "march fifth 1982"}]},
    {"tool_calls": [{"function": {"arguments": "{\"ssn\":\"219-09-9999\"}"}}]},
    {"name": "Dana Reyes", "address": "1 Main St", "zip": "62704"},
    ["a", "SSN 123-45-6789", 1, True, None, 2.5e10],
    {"deep": [[[[{"x": "MRN: 00123456"}]]]]},
    {"caller_id_name": "Dana Reyes", "call_log": [{"content": "my number is 415 555 0199"}]},
    {"results": {"channels": [{"alternatives": [{"transcript": "ssn 123 45 6789",
        "words": [{"word": "ssn", "start": 0.1, "end": 0.3}]}]}]}},
]

FORMATS = {"text": 0, "ndjson": 1, "json": 2, "auto": 3, "transcript": 4}


def write(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def latin(s):
    return s.encode("latin-1") if all(ord(c) < 256 for c in s) else s.encode()


def tail(n):
    return bytes(rng.randrange(256) for _ in range(n))


def main():
    # fuzz_scanner: byte 0 splits context from text.
    for i, t in enumerate(TEXTS):
        write("fuzz_scanner", f"text_{i:02d}", bytes([rng.randrange(40)]) + latin(t))
    # fuzz_json: documents one per line.
    for i, doc in enumerate(JSONS):
        write("fuzz_json", f"doc_{i:02d}.json", json.dumps(doc))
    write("fuzz_json", "ndjson_mixed", "\n".join(json.dumps(d) for d in JSONS[:5]) + "\n{\"broken\": \n")
    write("fuzz_json", "escapes", '{"a":"\\u0053SN 123\\u002d45-6789 \\/ \\ud83d\\ude00 \\u0000"}')
    write("fuzz_json", "numbers", '{"n":[0,-1,1e400,123456789,4155550132,1.5E-3]}')
    write("fuzz_json", "nested_string", json.dumps({"arguments": json.dumps({"dob": "1985-03-15"})}))
    # fuzz_pipeline: format, options, stream, then chunking bytes at the end.
    streams = {
        "text": "\n".join(TEXTS[:12]).encode(),
        "ndjson": b"\n".join(json.dumps(d).encode() for d in JSONS) + b"\n",
        "json": json.dumps(JSONS[4], indent=2).encode(),
        "auto": b"\n".join([latin(TEXTS[0]), json.dumps(JSONS[0]).encode(), b"{broken json 123-45-6789",
                            b"Agent: what's your date of birth?", b"Caller: oh three one five eighty five"]),
        "transcript": latin(TEXTS[11]) + b"\n\nAgent: best number?\nCaller: four one five five five five zero one three two\n",
    }
    for fmt, stream in streams.items():
        for opt in (0, 1, 4):
            write("fuzz_pipeline", f"{fmt}_{opt}", bytes([FORMATS[fmt], opt]) + stream + tail(8))
    for fmt in FORMATS:
        write("fuzz_pipeline", f"{fmt}_invalid_utf8", bytes([FORMATS[fmt], 5]) + b"ok\n\xff\xfe SSN 123-45-6789\n{\"a\":\"\xc3\"}\n" + tail(5))
    write("fuzz_pipeline", "auto_oversize_json", bytes([3, 2]) + b"  {" + b"\"k\":1," * 20 + b"\"s\":\"123-45-6789\"}\n[1]\n" + tail(7))
    write("fuzz_pipeline", "crlf_oversize", bytes([0, 1]) + b"short\r\n" + b"x" * 30 + b" 123-45-6789\r\nend" + tail(6))
    # fuzz_loaders: byte 0 is the loader (0 pack, 1 policy, 2 key file, 3 compile).
    pack = """pack: fuzz_seed
entity: EMPLOYEE_ID
rules:
  - id: employee.id
    pattern: '\\bE\\d{6}\\b'
    score: 0.6
    context:
      words: [employee, badge]
      before: 32
    examples:
      match: ["employee E123456"]
      no_match: ["E12"]
"""
    write("fuzz_loaders", "pack", b"\x00" + pack.encode())
    write("fuzz_loaders", "pack_compile", b"\x03" + pack.encode())
    write("fuzz_loaders", "pack_disabled", b"\x00rules:\n  - {id: us_ssn.bare, disabled: true}\n")
    write("fuzz_loaders", "pack_bad", b"\x03rules:\n  - id: x\n    pattern: '(unclosed'\n    entity: X\n")
    write("fuzz_loaders", "pack_validator", b"\x03entity: X\nrules:\n  - id: x.y\n    pattern: '\\d{9}'\n    validator: ssn\n    max_width: 9\n")
    with open(os.path.join(HERE, "..", "..", "patterns", "email.yaml"), "rb") as f:
        write("fuzz_loaders", "pack_email", b"\x00" + f.read())
    policy = """default: label
entities:
  US_SSN: {action: partial, keep: 4}
  PHONE_NUMBER: mask
  EMAIL_ADDRESS: {action: hash}
  URL: {action: label, keep_host: true}
  PERSON: {action: label, template: '<{entity}>'}
hash: {key_id: k1, length: 16}
placeholder: '[WITHHELD {reason}]'
"""
    write("fuzz_loaders", "policy", b"\x01" + policy.encode())
    write("fuzz_loaders", "policy_scalar", b"\x01default: drop\n")
    write("fuzz_loaders", "policy_bad", b"\x01entities: [1, 2]\nhash: {length: x}\n")
    keys = """hipaa_keys: true
placeholder: '{"phiscrub_error":"{reason}"}'
rules:
  - {path: "$.user.notes", action: redact, entity: DIAGNOSIS}
  - {path: "$.call_log[*].content", action: scan}
  - {key: trace_id, action: skip}
  - {path: "$['a b'][3].*", action: skip}
"""
    write("fuzz_loaders", "keys", b"\x02" + keys.encode())
    write("fuzz_loaders", "keys_bad", b"\x02rules:\n  - {path: '$.[', action: redact, entity: NOPE}\n  - {key: x, action: explode}\n")
    write("fuzz_loaders", "yaml_anchors", b"\x00a: &x [*x]\nrules: *x\n")
    write("fuzz_loaders", "yaml_deep", b"\x01" + b"[" * 64 + b"]" * 64)
    packs_more = {
        "pack_full": """pack: full
description: every rule key once
entity: BADGE
rules:
  - id: badge.full
    description: a badge number
    pattern: '(?i)\\bbadge[ #:]*(\\d{5,8})\\b'
    candidate: 'badge'
    confirm: '\\d{5,8}'
    value_group: 1
    caseless: true
    maximal: false
    boundary: digits
    max_width: 24
    score: 0.4
    min_score: 0.6
    extend: '[A-Z]{0,2}'
    enabled_by: dates_all
    conversation: false
    context:
      words: [badge, "employee badge"]
      negative: [order]
      asks: ["badge number"]
      before: 40
      after: 8
      boost: 0.3
      penalty: 0.4
    examples:
      match: ["badge 123456"]
      no_match: ["order badge 1"]
""",
        "pack_detector": "entity: PERSON\nrules:\n  - id: names.custom\n    detector: names\n    context: {words: [patient]}\n",
        "pack_validators": "entity: X\nrules:\n" + "".join(
            f"  - id: x.{v}\n    pattern: '\\b\\d{{9,10}}\\b'\n    validator: {v}\n"
            for v in ["ssn", "ssn_spaced", "nanp", "luhn", "date", "email", "id_token", "phone_digits", "nope"]),
        "pack_duplicate_ids": "entity: X\nrules:\n  - {id: a, pattern: 'a'}\n  - {id: a, pattern: 'b'}\n",
        "pack_unbounded": "entity: X\nrules:\n  - {id: a, pattern: 'a+b*'}\n  - {id: b, pattern: '(?P<x>\\d)\\1'}\n",
        "pack_types": "entity: [1]\nrules:\n  - {id: [x], pattern: {a: b}, score: high, context: [1, 2]}\n",
    }
    for name, text in packs_more.items():
        write("fuzz_loaders", name, b"\x00" + text.encode())
        write("fuzz_loaders", name + "_compile", b"\x03" + text.encode())
    for action in ["label", "mask", "partial", "hash", "drop", "explode"]:
        write("fuzz_loaders", f"policy_{action}", f"\x01default: {{action: {action}, keep: 4, template: '<{{{{entity}}}}>'}}\n".encode())
    write("fuzz_loaders", "keys_flags", b"\x02hipaa_keys: false\nnested_json: false\nplaceholder: 'not json'\n")
    write("fuzz_loaders", "keys_types", b"\x02rules: {a: 1}\nhipaa_keys: maybe\n")
    # fuzz_oracle: structured by FuzzedDataProvider; plain text and tails.
    for i, t in enumerate(TEXTS[:14]):
        write("fuzz_oracle", f"seed_{i:02d}", bytes([i % 5]) + latin(t) + tail(24))
    for i in range(16):
        write("fuzz_oracle", f"random_{i:02d}", tail(64 + 16 * i))
    more_json = [
        '{"a":"b"}{"c":"d"}', "[]", '""', "0", "-0.0e-0", '{"\\ud800":"\\udc00\\ud800"}',
        '{"k":"' + "x" * 300 + ' SSN 123-45-6789"}', "[" * 40 + "]" * 40,
        '{"DOB":19850315,"Phone":"+1 (415) 555-0101","email_address":null,"ssn":true}',
        '{"user":{"address":{"street":"1 Main St","city":"Springfield","zip":62704}}}',
    ]
    for i, text in enumerate(more_json):
        write("fuzz_json", f"edge_{i:02d}.json", text)
    # fuzz_http: raw requests.
    def req(path, body, ctype="application/json", extra=""):
        b = body.encode()
        return (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {ctype}\r\n{extra}"
                f"Content-Length: {len(b)}\r\n\r\n").encode() + b
    write("fuzz_http", "redact_text", req("/v1/redact", json.dumps({"text": "SSN 123-45-6789"})))
    write("fuzz_http", "redact_payload", req("/v1/redact", json.dumps({"payload": JSONS[1], "format": "json", "mode": "report"})))
    write("fuzz_http", "redact_payload_string", req("/v1/redact", json.dumps({"payload": json.dumps(JSONS[0]), "format": "auto"})))
    write("fuzz_http", "redact_profile", req("/v1/redact", json.dumps({"payload": JSONS[9], "format": "signalwire"})))
    write("fuzz_http", "stream", req("/v1/redact/stream?format=ndjson", "\n".join(json.dumps(d) for d in JSONS[:3]) + "\n", "application/x-ndjson"))
    write("fuzz_http", "stream_text", req("/v1/redact/stream?format=text", "call 415-555-0132\nok\n", "text/plain"))
    write("fuzz_http", "analyze", req("/analyze", json.dumps({"text": "Dana Reyes 415-555-0175", "language": "en", "entities": ["PHONE_NUMBER"], "score_threshold": 0.5})))
    write("fuzz_http", "anonymize", req("/anonymize", json.dumps({"text": "SSN 123-45-6789", "analyzer_results": [{"start": 4, "end": 15, "entity_type": "US_SSN", "score": 0.9}], "anonymizers": {"DEFAULT": {"type": "mask", "masking_char": "*", "chars_to_mask": 4, "from_end": True}}})))
    write("fuzz_http", "anonymize_bad_offsets", req("/anonymize", json.dumps({"text": "abc", "analyzer_results": [{"start": 2, "end": 99, "entity_type": "X"}]})))
    write("fuzz_http", "chunked", b"POST /v1/redact HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n10\r\n{\"text\":\"MRN: 00\r\nA\r\n123456\"}  \r\n0\r\n\r\n")
    write("fuzz_http", "get_health", b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    write("fuzz_http", "http10_eof", b"POST /v1/redact HTTP/1.0\r\nContent-Type: application/json\r\n\r\n{\"text\":\"dana@example.com\"}")
    write("fuzz_http", "pipelined", req("/v1/redact", '{"text":"a"}') + req("/analyze", '{"text":"b","language":"en"}'))
    write("fuzz_http", "anonymize_replace", req("/anonymize", json.dumps({"text": "call 415-555-0111 now", "analyzer_results": [{"start": 5, "end": 17, "entity_type": "PHONE_NUMBER"}, {"start": 0, "end": 4, "entity_type": "X"}], "anonymizers": {"PHONE_NUMBER": {"type": "replace", "new_value": "<P>"}, "X": {"type": "keep"}}})))
    write("fuzz_http", "analyze_lang", req("/analyze", json.dumps({"text": "x", "language": "de"})))
    write("fuzz_http", "redact_both", req("/v1/redact", json.dumps({"text": "a", "payload": {"b": 1}})))
    write("fuzz_http", "redact_bad_mode", req("/v1/redact", json.dumps({"text": "a", "mode": "x", "format": "ndjson"})))
    write("fuzz_http", "twilio_form", req("/webhooks/twilio", "AccountSid=AC01&CallSid=CA0123&From=%2B14155550132&To=%2B14155550148&CallerName=Dana+Reyes&SpeechResult=my+social+is+123-45-6789+and+email+dana%40example.com&Digits=03151982&Confidence=0.91", "application/x-www-form-urlencoded"))
    write("fuzz_http", "twilio_form_odd", req("/webhooks/twilio", "Body=a%ZZb%&=x&&From&MediaUrl0=https%3A%2F%2Fapi.example.com%2FME01&AddOns=%7B%22ssn%22%3A%22123-45-6789%22%7D&Body=%F0%9F%98%80+%C3", "application/x-www-form-urlencoded"))
    write("fuzz_http", "stream_auto", req("/v1/redact/stream", '{"ssn":"123-45-6789"}\nAgent: date of birth?\nCaller: 03/15/1985\n{broken', "application/jsonl"))
    write("fuzz_http", "expect_continue", req("/v1/redact", '{"text":"MRN: 00123456"}', extra="Expect: 100-continue\r\nAuthorization: Bearer t0k3n\r\n"))
    write("fuzz_http", "trailing_garbage", req("/v1/redact", '{"text":"a"} x'))
    write("fuzz_http", "unicode", req("/v1/redact", json.dumps({"text": "caf\u00e9 \u2014 dana@example.com \ud83d\ude00"})))
    write("fuzz_http", "chunk_ext", b"POST /v1/redact/stream?format=text&x=1 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nab\ncd\r\n0\r\nTrailer: x\r\n\r\n")
    write("fuzz_http", "http09ish", b"GET /\r\n\r\n")
    write("fuzz_http", "huge_length", b"POST /v1/redact HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n{}")
    # fuzz_octet_framer: byte 0 = bound (bits 0-1) and mode (bit 2: frames).
    frames = b"".join(f"{len(m)} ".encode() + m for m in [b"SSN 123-45-6789\n", b"ok", b"call 415-555-0132\n"])
    write("fuzz_octet_framer", "raw", b"\x00" + tail(4) + frames)
    write("fuzz_octet_framer", "raw_small_bound", b"\x02" + tail(4) + frames + b"\n12 abc")
    write("fuzz_octet_framer", "raw_bad", b"\x00" + tail(4) + b"5 hello0 x")
    write("fuzz_octet_framer", "raw_long_len", b"\x00" + tail(4) + b"99999999999 x")
    write("fuzz_octet_framer", "raw_skip", b"\x01" + tail(4) + b"20 " + b"y" * 20 + b"\r\n3 abc")
    for i in range(12):
        write("fuzz_octet_framer", f"frames_{i:02d}", bytes([4 | (i & 3)]) + tail(40 + 20 * i))
    write("fuzz_octet_framer", "raw_crlf_gaps", b"\x00" + tail(4) + b"\r\n \n3 abc\n\n4 de\nf")
    write("fuzz_octet_framer", "raw_ten_digits", b"\x00" + tail(4) + b"1234567890 x")
    write("fuzz_octet_framer", "raw_eof_in_length", b"\x00" + tail(4) + b"3 abc12")
    write("fuzz_octet_framer", "raw_zero", b"\x00" + tail(4) + b"0 ")


if __name__ == "__main__":
    main()
