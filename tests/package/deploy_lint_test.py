#!/usr/bin/env python3
"""Lints the Dockerfile and the Kubernetes manifest as far as Debian's tools
allow without a container runtime: yamllint and structural checks of the
manifest (native sidecar, loopback, probes on /readyz, non-root), rules in
the spirit of hadolint for the Dockerfile (Debian 12 base, non-root USER,
HEALTHCHECK, exec-form ENTRYPOINT, apt hygiene, COPY sources exist), and the
health-check and probe commands themselves run against a real phiscrubd.

  deploy_lint_test.py PHISCRUBD SOURCE_DIR
"""
import os
import re
import shlex
import socket
import subprocess
import sys
import tempfile
import time

import yaml

FAILS = []


def check(cond, msg):
    if not cond:
        FAILS.append(msg)
        print("FAIL: " + msg, file=sys.stderr)


def dockerfile_instructions(path):
    out, cur = [], ""
    for line in open(path):
        line = line.rstrip("\n")
        if not cur and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.endswith("\\"):
            cur += line[:-1] + " "
            continue
        cur += line
        word, _, rest = cur.strip().partition(" ")
        out.append((word.upper(), rest.strip()))
        cur = ""
    return out


def lint_dockerfile(src):
    ins = dockerfile_instructions(os.path.join(src, "Dockerfile"))
    froms = [i for i, (w, _) in enumerate(ins) if w == "FROM"]
    check(froms and ins[froms[0]][1].startswith("debian:12"), "build stage FROM debian:12")
    final = ins[froms[-1]:]
    check(ins[froms[-1]][1].split()[0] in ("debian:12", "debian:12-slim"),
          "final stage FROM debian:12(-slim): %s" % ins[froms[-1]][1])
    users = [r for w, r in final if w == "USER"]
    check(users and users[-1].split(":")[0] not in ("0", "root"), "final stage runs as non-root")
    hc = [r for w, r in final if w == "HEALTHCHECK"]
    check(len(hc) == 1 and "CMD" in hc[0], "one HEALTHCHECK with CMD")
    ep = [r for w, r in final if w == "ENTRYPOINT"]
    check(ep and ep[-1].startswith("["), "ENTRYPOINT in exec form (signals reach phiscrubd)")
    for w, r in ins:
        check(w != "ADD", "ADD used (COPY instead)")
        if w == "RUN" and "apt-get install" in r:
            check("--no-install-recommends" in r, "apt-get install without --no-install-recommends")
            check("-y" in r.split(), "apt-get install without -y")
        if w == "RUN" and "apt-get update" in r:
            check("rm -rf /var/lib/apt/lists" in r, "apt lists not removed after apt-get update")
        if w == "COPY" and "--from=" not in r:
            for s in shlex.split(r)[:-1]:
                check(s == "." or os.path.exists(os.path.join(src, s)), "COPY source %s missing" % s)
    return hc[0] if hc else None


def lint_manifest(src):
    path = os.path.join(src, "deploy", "kubernetes", "phiscrubd-sidecar.yaml")
    r = subprocess.run(["yamllint", "-f", "parsable", "-d",
                        "{extends: default, rules: {line-length: {max: 100}, "
                        "document-start: disable}}", path], capture_output=True, text=True)
    check(r.returncode == 0, "yamllint: " + r.stdout + r.stderr)
    docs = [d for d in yaml.safe_load_all(open(path)) if d]
    dep = [d for d in docs if d.get("kind") == "Deployment"]
    check(len(dep) == 1 and dep[0].get("apiVersion") == "apps/v1", "one apps/v1 Deployment")
    spec = dep[0]["spec"]
    check(spec["selector"]["matchLabels"].items() <= spec["template"]["metadata"]["labels"].items(),
          "selector matches the template labels")
    pod = spec["template"]["spec"]
    check(pod.get("securityContext", {}).get("runAsNonRoot") is True, "runAsNonRoot")
    sidecars = [c for c in pod.get("initContainers", []) if c["name"] == "phiscrubd"]
    check(len(sidecars) == 1, "phiscrubd init container")
    c = sidecars[0]
    check(c.get("restartPolicy") == "Always", "native sidecar: restartPolicy Always")
    args = c.get("args", [])
    for flag in ("--listen=", "--listen-tcp="):
        vals = [a[len(flag):] for a in args if a.startswith(flag)]
        check(vals and all(v.startswith("127.0.0.1:") for v in vals), "%s on loopback" % flag)
    grace = [float(a.split("=")[1]) for a in args if a.startswith("--shutdown-grace=")]
    check(grace and pod.get("terminationGracePeriodSeconds", 30) > grace[0],
          "terminationGracePeriodSeconds > --shutdown-grace")
    probes = {}
    for kind in ("startupProbe", "readinessProbe", "livenessProbe"):
        p = c.get(kind)
        check(p is not None and "exec" in p, "%s runs inside the container (loopback)" % kind)
        if p:
            probes[kind] = p["exec"]["command"]
    check("/readyz" in " ".join(probes.get("readinessProbe", [])), "readiness on /readyz")
    for ctr in pod.get("initContainers", []) + pod.get("containers", []):
        sc = ctr.get("securityContext", {})
        check(sc.get("allowPrivilegeEscalation") is False, "%s: no privilege escalation" % ctr["name"])
        check(sc.get("readOnlyRootFilesystem") is True, "%s: read-only root" % ctr["name"])
    return probes


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def run_probes(phiscrubd, healthcheck, probes):
    """The HEALTHCHECK and probe commands, pointed at a real phiscrubd."""
    port = free_port()
    tmp = tempfile.mkdtemp()
    pf = os.path.join(tmp, "port")
    p = subprocess.Popen([phiscrubd, "--listen", "127.0.0.1:%d" % port, "--port-file", pf,
                          "--threads", "1"], stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 30
        while not os.path.exists(pf) and time.time() < deadline:
            time.sleep(0.05)
        cmds = {}
        if healthcheck:
            cmds["HEALTHCHECK"] = eval_exec_form(healthcheck[healthcheck.index("CMD") + 3:].strip())
        cmds.update(probes)
        for name, cmd in cmds.items():
            cmd = [a.replace("/8080", "/%d" % port) for a in cmd]
            r = subprocess.run(cmd, timeout=10)
            check(r.returncode == 0, "%s fails against a ready phiscrubd" % name)
        # A draining phiscrubd is not ready: the readiness commands notice.
        p.send_signal(15)
        p.wait(15)
        for name, cmd in cmds.items():
            cmd = [a.replace("/8080", "/%d" % port) for a in cmd]
            r = subprocess.run(cmd, timeout=10)
            check(r.returncode != 0, "%s passes with phiscrubd gone" % name)
    finally:
        if p.poll() is None:
            p.kill()


def eval_exec_form(text):
    import json
    return json.loads(text)


def main():
    phiscrubd, src = sys.argv[1], sys.argv[2]
    hc = lint_dockerfile(src)
    probes = lint_manifest(src)
    run_probes(phiscrubd, hc, probes)
    print("%d failure(s)" % len(FAILS))
    sys.exit(1 if FAILS else 0)


if __name__ == "__main__":
    main()
