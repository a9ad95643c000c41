#!/usr/bin/env python3
"""Fault benchmark: the operator's black-box probe of issue #9, repeated against the real service process and a
switchable nRF Cloud stand-in (nrfcloud_fault_stub.py). Prints a table per fault kind and the other measurements;
exit code 1 when a target is missed:
  - jobs at the stub = jobs listed after reconciliation settles, for every fault kind (SIGTERM and kill -9
    mid-create and 50 fast identical schedules included); no redirect followed;
  - no answer contains "Bearer <credential>", an API key or the admin token (headers and bodies);
  - 0 x 5xx over 700+ malformed inputs to the device and admin endpoints, no refused admin input accepted;
  - a healthy account's first poll < 0.5 s beside 4/8/16 due jobs of an account whose status calls hang;
  - a create whose caller disconnects is still stored;
  - after SIGTERM during polls, another instance claims the polled jobs well within the lease (< 10 s of 60 s).

Usage: python3 bench/api/faults.py          (builds the service in Release first; ~2-3 minutes)
Ports: SVC_PORT (5480; the second instance uses +1), STUB_PORT (5499; the redirect target uses +1).
"""
import http.client
import json
import os
import random
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SVC_PORT = int(os.environ.get("SVC_PORT", "5480"))
STUB_PORT = int(os.environ.get("STUB_PORT", "5499"))
TOKEN = f"fb-admin-{random.randrange(10**9)}"
BUNDLE = "APP*1e29dfa3*v2.0.0"
ATTEMPT_TIMEOUT = "00:00:03"  # the stub's "late" answer comes after 5 s; a 2 s create still fits
TOTAL_TIMEOUT = "00:00:06"  # a PENDING intent left by kill -9 is reconciled after TotalTimeout + 20 s
RECONCILE = {"Fota__Reconcile__FirstRetry": "00:00:01", "Fota__Reconcile__Interval": "00:00:00.500",
             "Fota__Reconcile__MaxRetry": "00:00:02"}
SETTLE_S = 90  # reconciliation settles: no PENDING or UNKNOWN intent of the device left
LEASE_S = 60  # Fota:Poller:ClaimDuration default
WORK = tempfile.mkdtemp(prefix="fota-faults-")
DB = os.path.join(WORK, "fota.db")
answers_seen = []  # (where, status, headers + body) of every answer, checked for secrets
keys = []
failures = []


def check(ok, what):
    print(f"{'PASS' if ok else 'FAIL'} {what}")
    if not ok:
        failures.append(what)


# ---- processes -------------------------------------------------------------------------------------------------

def listening_pid(port):
    out = subprocess.run(["ss", "-ltnpH", f"sport = :{port}"], capture_output=True, text=True).stdout
    match = re.search(r"pid=(\d+)", out)
    return int(match.group(1)) if match else None


def start_service(port, log_name, db=None, **extra):
    # Every request of this probe comes from one address: the per-client rate limit would answer most of them 429.
    env = dict(os.environ, Admin__Token=TOKEN, ConnectionStrings__Fota=f"Data Source={db or DB}",
               NrfCloud__AttemptTimeout=ATTEMPT_TIMEOUT, NrfCloud__TotalTimeout=TOTAL_TIMEOUT, **RECONCILE,
               Http__RateLimit__PermitLimit="1000000", **extra)
    log = open(os.path.join(WORK, log_name), "ab")
    runner = subprocess.Popen(
        ["dotnet", "run", "-c", "Release", "--no-build", "--project", os.path.join(ROOT, "src", "Fota.Api"),
         "--", "--urls", f"http://127.0.0.1:{port}"],
        cwd=WORK, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            if request("GET", "/health/ready", port=port, record=False)[0] == 200:
                return runner, listening_pid(port)
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"service on :{port} did not become ready; see {WORK}/{log_name}")


def stop_service(runner, pid):
    """SIGTERM to the service process; returns seconds until it exited."""
    started = time.time()
    os.kill(pid, signal.SIGTERM)
    while os.path.exists(f"/proc/{pid}") and time.time() - started < 60:
        time.sleep(0.05)
    runner.wait(timeout=30)
    return time.time() - started


# ---- HTTP ------------------------------------------------------------------------------------------------------

def request(method, path, body=None, headers=None, port=SVC_PORT, record=True, timeout=60):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        if body is not None:
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        response = connection.getresponse()
        data = response.read()
        if record:
            answers_seen.append((f"{method} {path}", response.status, str(response.headers).encode() + data))
        return response.status, data, response.headers
    finally:
        connection.close()


def admin(method, path, payload):
    status, data, _ = request(method, path, json.dumps(payload).encode(),
                              {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    if status >= 300:
        raise SystemExit(f"{method} {path} answered {status}: {data[:300]!r}")
    return json.loads(data)


def schedule(device, bundle=BUNDLE):
    status, _, _ = request("POST", f"/device/{device['deviceId']}/fota?fingerprint={device['fingerprint']}",
                           json.dumps({"bundleId": bundle}).encode(), {"Content-Type": "application/json"})
    return status


def stub_stats():
    connection = http.client.HTTPConnection("127.0.0.1", STUB_PORT, timeout=10)
    connection.request("GET", "/_stats")
    return json.loads(connection.getresponse().read())


def new_device(kind, mode):
    key = f"fault-{mode}-{kind}-{random.randrange(10**12)}"
    keys.append(key)
    account = f"acct-{kind}"
    admin("PUT", f"/admin/accounts/{account}", {"apiEndpoint": f"http://127.0.0.1:{STUB_PORT}", "apiKey": key})
    device = admin("POST", "/admin/devices", {"model": "PCA20065", "account": account})
    device["key"] = key
    return device


def db_count(sql, *args):
    with sqlite3.connect(f"file:{DB}?mode=ro", uri=True, timeout=10) as connection:
        return connection.execute(sql, args).fetchone()[0]


# ---- 1. fault kinds --------------------------------------------------------------------------------------------

# kind, stub mode, schedule requests, how they are sent
FAULT_KINDS = [
    ("baseline (no fault)", "ok", 3, "sequential"),
    ("processed, answer after 5 s (> 3 s attempt timeout)", "late", 2, "sequential"),
    ("processed, then 503", "unavailable", 3, "sequential"),
    ("500 once (nothing made), then OK; caller retries", "flaky", 2, "sequential"),
    ("processed, then connection reset", "reset", 3, "sequential"),
    ("307 redirect to another host", "redirect", 3, "sequential"),
    ("500 echoing the request headers", "echo", 3, "sequential"),
    ("20 concurrent identical schedules, 2 s create", "slowcreate", 20, "concurrent"),
    ("status calls of this account take 30 s", "slowstatus", 2, "sequential"),
]


def run_kind(index, kind):
    name, mode, count, how = kind
    device = new_device(f"k{index}", mode)
    if how == "concurrent":
        barrier = threading.Barrier(count)

        def one(_):
            barrier.wait()
            return schedule(device)
        with ThreadPoolExecutor(count) as pool:
            statuses = list(pool.map(one, range(count)))
    else:  # one bundle per request: one running job per device and bundle
        statuses = [schedule(device, f"APP*1e29dfa3*v2.0.{i}") for i in range(count)]
    return {"name": name, "mode": mode, "device": device, "requests": count, "answers": Counter(statuses)}


def open_intents(device_id):
    return db_count("SELECT count(*) FROM fota_job_intents WHERE device_id = ? AND state IN ('PENDING', 'UNKNOWN')",
                    device_id)


def listed_jobs(device, port=SVC_PORT):
    path = f"/device/{device['deviceId']}/fota/jobs?fingerprint={device['fingerprint']}"
    status, data, _ = request("GET", path, record=False, port=port)
    return len(json.loads(data)["jobs"]) if status == 200 else 0


def settle(devices):
    """Waits until reconciliation has resolved every intent of the devices (or SETTLE_S); returns the seconds waited."""
    started = time.time()
    while any(open_intents(d["deviceId"]) for d in devices) and time.time() - started < SETTLE_S:
        time.sleep(0.2)
    return time.time() - started


def settle_kind(result, stats):
    settle([result["device"]])
    result["stub_jobs"] = stub_stats()["created"].get(result["device"]["key"], 0)
    if result["mode"] == "redirect":
        result["stub_jobs"] += stats["otherHost"]
    result["listed"] = listed_jobs(result["device"])
    result["unknown"] = open_intents(result["device"]["deviceId"])
    return result


def print_fault_table(results):
    print()
    print("| fault kind | requests to the service | jobs at nRF Cloud (stub) | jobs listed after reconciliation | open intents left | answers |")
    print("|---|---|---|---|---|---|")
    for r in results:
        answers = ", ".join(f"{n}× {status}" for status, n in sorted(r["answers"].items(), key=lambda item: str(item[0])))
        print(f"| {r['name']} | {r['requests']} | {r['stub_jobs']} | {r['listed']} | {r['unknown']} | {answers} |")
    print()


# ---- 2. malformed inputs ---------------------------------------------------------------------------------------

def malformed_cases(device):
    """(method, path, body bytes or None, headers) tuples: bodies, content types, fingerprints, device ids."""
    good_fp = device["fingerprint"]
    schedule_path = f"/device/{device['deviceId']}/fota?fingerprint={good_fp}"
    json_ct = {"Content-Type": "application/json"}
    admin_json = {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"}
    targets = [
        ("POST", schedule_path, json_ct, '{"bundleId":"APP*1e29dfa3*v2.0.0"}', "bundleId"),
        ("PUT", "/admin/accounts/malformed", admin_json,
         '{"apiEndpoint":"https://api.nrfcloud.com","apiKey":"k"}', "apiKey"),
        ("POST", "/admin/devices", admin_json, '{"model":"PCA20065","account":"malformed"}', "model"),
    ]
    cases = []
    for method, path, headers, valid, field in targets:
        def add(body, h=headers):
            cases.append((method, path, body if isinstance(body, bytes) else body.encode(), h))
        for cut in range(1, len(valid)):  # truncated JSON at every length
            add(valid[:cut])
        dup = valid[:-1] + f',"{field}":"x"}}'
        add(dup)
        add(f'{{"{field}":"x",' + valid[1:])
        for raw in [b"\xff\xfe", b"\xc3\x28", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80", b"\xe2\x82"]:
            add(f'{{"{field}":"'.encode() + raw + b'"}')
            add(valid.encode()[:-1] + b',"' + raw + b'":1}')
        for escape in ["\\ud800", "\\udc00", "\\ud800\\u0041", "\\udbff", "\\uDFFF\\uD800", "\\u0000", "\\uzzzz", "\\x41"]:
            add(f'{{"{field}":"{escape}"}}')
        for wrong in ["1", "true", "null", "[]", "{}", "1e999", "-0", '""', '["a"]', '{"a":1}', "NaN", "Infinity"]:
            add(valid.replace(f'"{field}":', f'"{field}":{wrong},"ignored":', 1))
            add(f'{{"{field}":{wrong}}}')
        for whole in ["", "null", "[]", '"text"', "1", "{", "}", "{}", "{,}", '{"a"}', "\ufeff" + valid,
                      valid + "x", valid + valid, valid[:-1] + ",}", "/*c*/" + valid, valid[:-1] + ',"extra":1}',
                      "[" * 5000 + "]" * 5000, '{"a":' * 3000 + "1" + "}" * 3000]:
            add(whole)
        add(f'{{"{field}":"' + "A" * 15000 + '"}')  # under the 16 KiB limit, far over any field's length
        add(f'{{"{field}":"' + "A" * 20000 + '"}')  # over it: 413
        add(f'{{"{field}":"APP*1e29dfa3*v2.0.0\\n"}}')
        for content_type in [None, "text/plain", "application/xml", "application/json; charset=latin1",
                             "application/jsonx", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
                             "*/*", "application/", ";;;", "application/json; charset=utf-16",
                             "application/json; charset=utf-32", 'application/json; charset="utf-16"']:
            h = {k: v for k, v in headers.items() if k != "Content-Type"}
            if content_type is not None:
                h["Content-Type"] = content_type
            add(valid, h)
    bad_fingerprints = ["", "x", "zz.zzzzzz", "29a.ch3ckm4t", "%00", "%ff", "%C3%A9%C3%A9", "a" * 300,
                        "29a.ch3ckm4t%0A", "29a.ch3ckm4t%20", good_fp + "x", good_fp.upper() + "%00", "../../etc"]
    bad_device_ids = ["x" * 300, "%00", "..", "%2F%2F", "%C3%A9", "%20", "a%0Ab", "oob-%ff", "a*b", "%25"]
    for fp in bad_fingerprints:
        for path in [f"/device/{device['deviceId']}/fota?fingerprint={fp}",
                     f"/device/{device['deviceId']}/fota/jobs?fingerprint={fp}",
                     f"/device/{device['deviceId']}/fota/bundles?fingerprint={fp}",
                     f"/device/{device['deviceId']}/fota/jobs/some-job?fingerprint={fp}"]:
            method = "POST" if path.endswith(f"/fota?fingerprint={fp}") else (
                "DELETE" if "/jobs/some-job" in path else "GET")
            body = b'{"bundleId":"APP*1e29dfa3*v2.0.0"}' if method == "POST" else None
            cases.append((method, path, body, json_ct if body else {}))
    for device_id in bad_device_ids:
        cases.append(("POST", f"/device/{device_id}/fota?fingerprint={good_fp}",
                      b'{"bundleId":"APP*1e29dfa3*v2.0.0"}', json_ct))
        cases.append(("GET", f"/device/{device_id}/fota/jobs?fingerprint={good_fp}", None, {}))
    cases.append(("GET", f"/device/{device['deviceId']}/fota/jobs?fingerprint={good_fp}&fingerprint=x", None, {}))
    cases.append(("GET", f"/device/{device['deviceId']}/fota/jobs", None, {}))
    for name in ["x" * 100, "%00", "a%20b", "..", "%C3%A9"]:
        cases.append(("PUT", f"/admin/accounts/{name}",
                      b'{"apiEndpoint":"https://api.nrfcloud.com","apiKey":"k"}', admin_json))
    for endpoint in ["ftp://x", "not a url", "http://", "https://" + "a" * 3000, "javascript:alert(1)", ""]:
        cases.append(("PUT", "/admin/accounts/malformed",
                      json.dumps({"apiEndpoint": endpoint, "apiKey": "k"}).encode(), admin_json))
    for auth in [None, "Bearer", "Bearer wrong", "Basic eDp5", "Bearer " + "x" * 5000, "bearer " + TOKEN + "x"]:
        h = {"Content-Type": "application/json"}
        if auth is not None:
            h["Authorization"] = auth
        cases.append(("POST", "/admin/devices", b'{"model":"PCA20065"}', h))
    for fields in [{"model": "PCA20065", "deviceId": "x" * 300}, {"model": "PCA20065", "fingerprint": "nope"},
                   {"model": "PCA20065", "deviceId": "a b"}, {"model": "", "account": "malformed"},
                   {"model": "PCA20065", "account": "no-such-account"}, {"model": "x" * 1000}]:
        cases.append(("POST", "/admin/devices", json.dumps(fields).encode(), admin_json))
    for method in ["PUT", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO"]:
        cases.append((method, schedule_path, None, {}))
    cases.append(("GET", "/ws?fingerprint=%ff", None, {}))
    cases.append(("GET", "/ws", None, {"Connection": "Upgrade", "Upgrade": "websocket"}))
    return cases + admin_input_cases(device) + forwarded_header_cases(device)


def admin_input_cases(device):
    """Issue 18: admin input the service cannot use or should not store; each must be a 400 (never 201, never 5xx)."""
    admin_json = {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"}
    cases = []

    def account(path_name="malformed", **fields):
        body = {"apiEndpoint": "https://api.nrfcloud.com", "apiKey": "k"} | fields
        cases.append(("PUT", f"/admin/accounts/{path_name}", json.dumps(body).encode(), admin_json))

    def device_body(**fields):
        cases.append(("POST", "/admin/devices", json.dumps({"model": "PCA20065", "account": "malformed"} | fields).encode(),
                      admin_json))
    bad_chars = [chr(c) for c in list(range(0, 32)) + [127]] + [" ", "\u00e9", "\u212a", "\u00a0", "\u2028", "\ufeff",
                                                             "\U0001F600", "\u0130", "\u017f", "\uff21"]
    for c in bad_chars:
        account(apiKey=f"key{c}")                      # API keys: visible ASCII only
        device_body(deviceId=f"oob-35265610{c}")        # device ids: the documented charset
        device_body(account=f"malformed{c}")            # account names in a body
        device_body(fingerprint=f"ABC.Y7I24{c}")        # fingerprints: ASCII, the code alphabet
    for escaped in ["%0A", "%0D", "%0D%0A", "%09", "%C3%A9", "%E2%84%AA", "%7F", "%00"]:
        account(path_name=f"malformed{escaped}")            # account names in the path
    account(apiKey="key\r\nX-Injected: 1")
    account(apiKey="a" * 1025)
    for field in ["id", "DeviceId", "deviceID", "device_id", "fingerPrint", "name", "apikey", "Model", "extra"]:
        device_body(**{field: "oob-352656100000000"})  # unknown fields: refused, never ignored
    for field in ["apiToken", "endpoint", "ApiKey", "name", "extra"]:
        account(**{field: "x"})
    return cases


def forwarded_header_cases(device):
    """Issue 18: X-Forwarded-For values the service must survive (it trusts loopback, where this probe runs)."""
    jobs = f"/device/{device['deviceId']}/fota/jobs?fingerprint={device['fingerprint']}"
    values = ["not-an-ip", "1.2.3.4, garbage", "999.1.1.1", "::ffff:1.2.3.4", "2001:db8::1%eth0", "[2001:db8::1]:80",
              "1.2.3.4:99999", ",", "", " ", "a" * 2000, "unknown", "_hidden", "1.2.3.4, 5.6.7.8, ::1", "fe80::1",
              "1.2.3.4\t", "0.0.0.0", "255.255.255.255", "::", "::1", "127.0.0.1", "2001:db8::/64", "1.2.3.4/8", "1.2.3",
              "01.02.03.04"]
    return [("GET", jobs, None, {"X-Forwarded-For": value}) for value in values]


def raw_cases(device):
    """Requests Kestrel itself rejects (request line, headers, framing), sent as raw bytes: (name, bytes)."""
    jobs = f"/device/{device['deviceId']}/fota/jobs?fingerprint={device['fingerprint']}"
    schedule_path = f"/device/{device['deviceId']}/fota?fingerprint={device['fingerprint']}"
    host = "Host: 127.0.0.1\r\n"
    return [
        ("request line over 8 KiB", f"GET {jobs}&x={'a' * 10000} HTTP/1.1\r\n{host}\r\n".encode()),
        ("headers over 32 KiB", f"GET {jobs} HTTP/1.1\r\n{host}X-Big: {'a' * 40000}\r\n\r\n".encode()),
        ("over 100 headers", (f"GET {jobs} HTTP/1.1\r\n{host}" + "".join(f"X-H{i}: v\r\n" for i in range(120)) + "\r\n").encode()),
        ("control byte in the target", f"GET /device/\x01 HTTP/1.1\r\n{host}\r\n".encode()),
        ("header without a colon", f"GET {jobs} HTTP/1.1\r\n{host}Broken header\r\n\r\n".encode()),
        ("no Host header", f"GET {jobs} HTTP/1.1\r\n\r\n".encode()),
        ("Content-Length not a number", f"POST {schedule_path} HTTP/1.1\r\n{host}Content-Type: application/json\r\nContent-Length: abc\r\n\r\n".encode()),
        ("Content-Length and chunked", f"POST {schedule_path} HTTP/1.1\r\n{host}Content-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n".encode()),
        ("bad chunk size in the body", f"POST {schedule_path} HTTP/1.1\r\n{host}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{{}}\r\n0\r\n\r\n".encode()),
        ("Transfer-Encoding not chunked", f"POST {schedule_path} HTTP/1.1\r\n{host}Content-Type: application/json\r\nTransfer-Encoding: gzip\r\n\r\n".encode()),
    ]


def raw_request(data):
    with socket.create_connection(("127.0.0.1", SVC_PORT), timeout=5) as client:
        client.sendall(data)
        answer = b""
        try:
            while chunk := client.recv(65536):
                answer += chunk
        except OSError:
            pass
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if lines[0].startswith("HTTP/") else "no answer"
    content_type = next((line.split(":", 1)[1].strip() for line in lines[1:] if line.lower().startswith("content-type:")), "")
    answers_seen.append(("raw", status, answer))
    return status, content_type, len(body)


def run_malformed(device):
    cases = malformed_cases(device)
    statuses = Counter()
    five_xx = []
    without_problem = []
    accepted = []
    for method, path, body, headers in cases:
        try:
            status, data, response_headers = request(method, path, body, headers)
        except (OSError, http.client.HTTPException) as error:
            status, data, response_headers = f"no answer ({type(error).__name__})", b"", {}
        statuses[status] += 1
        if isinstance(status, int) and status >= 500 or not isinstance(status, int):
            five_xx.append((method, path[:80], (body or b"")[:60], status))
        elif 400 <= status < 500 and method != "HEAD" and "problem+json" not in (response_headers.get("Content-Type") or ""):
            without_problem.append((method, path[:60], status))
        elif status < 300:
            accepted.append((method, path.split("?")[0][-30:], (body or b"")[:70], headers.get("Content-Type")))
    kestrel = []
    for name, data in raw_cases(device):
        status, content_type, body_length = raw_request(data)
        statuses[status] += 1
        if not isinstance(status, int) or status >= 500:
            five_xx.append((name, status))
        kestrel.append((name, status, content_type or "-", body_length))
    return len(cases) + len(kestrel), statuses, five_xx, without_problem, accepted, kestrel


# ---- 3. caller disconnect mid-create ---------------------------------------------------------------------------

def run_disconnect():
    device = new_device("disconnect", "slowcreate")
    body = json.dumps({"bundleId": BUNDLE}).encode()
    raw = (f"POST /device/{device['deviceId']}/fota?fingerprint={device['fingerprint']} HTTP/1.1\r\n"
           f"Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
    with socket.create_connection(("127.0.0.1", SVC_PORT)) as client:
        client.sendall(raw)
        time.sleep(0.5)
    closed = time.time()
    deadline = closed + 15
    while time.time() < deadline:
        if db_count("SELECT count(*) FROM fota_jobs WHERE device_id = ?", device["deviceId"]):
            return device, time.time() - closed
        time.sleep(0.05)
    return device, None


# ---- 4. slow account, then SIGTERM during polls ----------------------------------------------------------------

def first_poll_latency():
    """A healthy account's new job while the slow account's polls hang: time from 202 to IN_PROGRESS in the list."""
    device = new_device("healthy", "ok")
    started = time.time()
    status = schedule(device)
    path = f"/device/{device['deviceId']}/fota/jobs?fingerprint={device['fingerprint']}"
    while time.time() - started < 30:
        jobs = json.loads(request("GET", path, record=False)[1])["jobs"]
        if jobs and jobs[0]["status"] == "IN_PROGRESS":
            return status, time.time() - started
        time.sleep(0.02)
    return status, None


# ---- 5. a slow account beside a healthy one (issue 18, SPEC 3.2) ------------------------------------------------

def slow_beside_healthy(slow_jobs):
    """
    A fresh instance (own SQLite file): one account with `slow_jobs` due jobs whose status calls hang (30 s), then a
    healthy account's job. Returns (hanging slow calls when the healthy job was scheduled, seconds from its 202 to
    IN_PROGRESS in the list, or None).
    """
    port = SVC_PORT + 2
    db = os.path.join(WORK, f"fair-{slow_jobs}.db")
    runner, pid = start_service(port, f"service-fair-{slow_jobs}.log", db)
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    try:
        def register(kind, mode):
            key = f"fault-{mode}-{kind}-{random.randrange(10**12)}"
            keys.append(key)
            request("PUT", f"/admin/accounts/acct-{kind}", json.dumps(
                {"apiEndpoint": f"http://127.0.0.1:{STUB_PORT}", "apiKey": key}).encode(), headers, port=port)
            device = json.loads(request("POST", "/admin/devices", json.dumps(
                {"model": "PCA20065", "account": f"acct-{kind}"}).encode(), headers, port=port)[1])
            return device | {"key": key}

        slow, healthy = register(f"slow{slow_jobs}", "slowstatus"), register(f"healthy{slow_jobs}", "ok")
        for i in range(slow_jobs):  # one bundle each: one device may run one job per bundle
            request("POST", f"/device/{slow['deviceId']}/fota?fingerprint={slow['fingerprint']}",
                    json.dumps({"bundleId": f"APP*1e29dfa3*v2.0.{i}"}).encode(), {"Content-Type": "application/json"}, port=port)
        deadline = time.time() + 20
        while stub_stats()["inFlightGets"].get(slow["key"], 0) < min(2, slow_jobs) and time.time() < deadline:
            time.sleep(0.05)
        hanging = stub_stats()["inFlightGets"].get(slow["key"], 0)
        started = time.time()
        request("POST", f"/device/{healthy['deviceId']}/fota?fingerprint={healthy['fingerprint']}",
                json.dumps({"bundleId": BUNDLE}).encode(), {"Content-Type": "application/json"}, port=port)
        path = f"/device/{healthy['deviceId']}/fota/jobs?fingerprint={healthy['fingerprint']}"
        while time.time() - started < 30:
            jobs = json.loads(request("GET", path, port=port, record=False)[1])["jobs"]
            if jobs and jobs[0]["status"] == "IN_PROGRESS":
                return hanging, time.time() - started
            time.sleep(0.01)
        return hanging, None
    finally:
        stop_service(runner, pid)


def run_slow_beside_healthy():
    print("| slow account's due jobs (status calls hang 30 s) | its calls hanging | healthy account: 202 → IN_PROGRESS |")
    print("|---|---|---|")
    for slow_jobs in [4, 8, 16]:
        hanging, latency = slow_beside_healthy(slow_jobs)
        print(f"| {slow_jobs} | {hanging} | {'never (30 s)' if latency is None else f'{latency * 1000:.0f} ms'} |")
        check(latency is not None and latency < 0.5,
              f"healthy account's first poll < 0.5 s beside {slow_jobs} slow jobs of another account")


def claims_of(device_id):
    with sqlite3.connect(f"file:{DB}?mode=ro", uri=True, timeout=10) as connection:
        return [row[0] for row in connection.execute(
            "SELECT claimed_by FROM fota_jobs WHERE device_id = ? ORDER BY seq", (device_id,))]


# ---- 5. stop and kill mid-create, identical schedules (issue 18) ----------------------------------------------------

MID_CREATE_PORT = SVC_PORT + 2
# The instances stopped or killed mid-create only schedule: a killed poller's claims would hold up section 4's jobs.
NO_POLLER = {"Fota__Poller__Enabled": "false"}


def new_devices(kind, mode, count):
    """count devices in one account with one key (the stub counts jobs per key)."""
    key = f"fault-{mode}-{kind}-{random.randrange(10**12)}"
    keys.append(key)
    account = f"acct-{kind}"
    admin("PUT", f"/admin/accounts/{account}", {"apiEndpoint": f"http://127.0.0.1:{STUB_PORT}", "apiKey": key})
    devices = [admin("POST", "/admin/devices", {"model": "PCA20065", "account": account}) for _ in range(count)]
    for device in devices:
        device["key"] = key
    return devices


def schedule_on(port, device):
    """One schedule against the instance on port: its status, or 'no answer' when the connection ended first."""
    try:
        status, _, _ = request("POST", f"/device/{device['deviceId']}/fota?fingerprint={device['fingerprint']}",
                               json.dumps({"bundleId": BUNDLE}).encode(), {"Content-Type": "application/json"},
                               port=port)
        return status
    except (OSError, http.client.HTTPException):
        return "no answer"


def schedule_all(port, devices, start_gate=None):
    barrier = threading.Barrier(len(devices) + (1 if start_gate else 0))

    def one(device):
        barrier.wait()
        return schedule_on(port, device)
    pool = ThreadPoolExecutor(len(devices))
    futures = [pool.submit(one, d) for d in devices]
    if start_gate:
        barrier.wait()
    return pool, futures


def wait_for_creates(key, count, timeout=15):
    """Until the stub has received `count` creates of `key` (they are then under way there), or timeout."""
    deadline = time.time() + timeout
    while stub_stats()["requests"].get(key, {}).get("POST", 0) < count and time.time() < deadline:
        time.sleep(0.02)


def mid_create_result(name, devices, answers):
    waited = settle(devices)
    return {"name": name, "requests": len(answers), "answers": Counter(answers), "settled_s": waited,
            "stub_jobs": stub_stats()["created"].get(devices[0]["key"], 0),
            "listed": sum(listed_jobs(d) for d in devices),
            "unknown": sum(open_intents(d["deviceId"]) for d in devices)}


def run_sigterm_mid_create(count=30):
    """SIGTERM once `count` concurrent 2 s creates reached nRF Cloud: the stop waits for them, the callers get answers."""
    devices = new_devices("sigterm", "slowcreate", count)
    runner, pid = start_service(MID_CREATE_PORT, "service-3.log", **NO_POLLER)
    pool, futures = schedule_all(MID_CREATE_PORT, devices, start_gate=True)
    wait_for_creates(devices[0]["key"], count)
    exit_after = stop_service(runner, pid)
    answers = [f.result() for f in futures]
    pool.shutdown()
    result = mid_create_result(f"SIGTERM while {count} concurrent 2 s creates are at nRF Cloud", devices, answers)
    result["note"] = f"the instance exited {exit_after:.1f} s after SIGTERM"
    return result


def run_kill9_mid_create(count=10):
    """kill -9 once `count` concurrent 2 s creates reached nRF Cloud: the PENDING intents are reconciled by the others."""
    devices = new_devices("kill9", "slowcreate", count)
    runner, pid = start_service(MID_CREATE_PORT, "service-4.log", **NO_POLLER)
    pool, futures = schedule_all(MID_CREATE_PORT, devices, start_gate=True)
    wait_for_creates(devices[0]["key"], count)
    os.kill(pid, signal.SIGKILL)
    runner.wait(timeout=30)
    answers = [f.result() for f in futures]
    pool.shutdown()
    return mid_create_result(f"kill -9 while {count} concurrent 2 s creates are at nRF Cloud", devices, answers)


def run_identical_fast(count=50):
    """count identical schedules at once with a fast nRF Cloud: one 202, the rest 409."""
    devices = new_devices("identical", "ok", 1)
    pool, futures = schedule_all(SVC_PORT, devices * count)
    answers = [f.result() for f in futures]
    pool.shutdown()
    return mid_create_result(f"{count} identical schedules at once, fast nRF Cloud", devices, answers)


def run_mid_create_faults():
    results = [run_sigterm_mid_create(), run_kill9_mid_create(), run_identical_fast()]
    print_fault_table(results)
    for r in results:
        print(f"  {r['name']}: reconciliation settled after {r['settled_s']:.1f} s. {r.get('note', '')}")
        check(r["stub_jobs"] == r["listed"],
              f"{r['name']}: jobs at the stub ({r['stub_jobs']}) = jobs listed after reconciliation ({r['listed']})")
    identical = results[2]["answers"]
    check(identical.get(202) == 1, f"50 identical schedules: exactly one 202 (got {dict(identical)})")
    sigterm = results[0]["answers"]
    check(not sigterm.get("no answer"), f"SIGTERM mid-create: every connected caller got its answer (got {dict(sigterm)})")


def main():
    print(f"building the service (Release) ... work folder {WORK}", flush=True)
    subprocess.run(["dotnet", "build", "-c", "Release", "-v", "q", "-nologo", os.path.join(ROOT, "src", "Fota.Api")],
                   check=True, stdout=subprocess.DEVNULL)
    stub = subprocess.Popen([sys.executable, os.path.join(ROOT, "bench", "api", "nrfcloud_fault_stub.py"),
                             str(STUB_PORT), str(STUB_PORT + 1)], stdout=subprocess.DEVNULL)
    first, first_pid, second, second_pid = None, None, None, None
    try:
        first, first_pid = start_service(SVC_PORT, "service-1.log")
        bench_started = time.time()

        with ThreadPoolExecutor(len(FAULT_KINDS)) as pool:
            results = list(pool.map(run_kind, range(len(FAULT_KINDS)), FAULT_KINDS))
        stats = stub_stats()
        results = [settle_kind(r, stats) for r in results]
        print_fault_table(results)
        for r in results:
            check(r["stub_jobs"] == r["listed"],
                  f"{r['name']}: jobs at the stub ({r['stub_jobs']}) = jobs listed after reconciliation ({r['listed']})")
        check(stats["otherHost"] == 0, f"redirects not followed (the other host got {stats['otherHost']} requests)")

        slow = next(r for r in results if r["mode"] == "slowstatus")
        status, latency = first_poll_latency()
        in_flight = stub_stats()["inFlightGets"].get(slow["device"]["key"], 0)
        print(f"healthy account's first poll while {in_flight} slow status call(s) hang: "
              f"{'never' if latency is None else f'{latency * 1000:.0f} ms'} from schedule ({status}) to IN_PROGRESS")
        check(latency is not None and latency < 5, "a slow account does not hold back another account's first poll (< 5 s)")

        malformed_device = new_device("malformed", "ok")
        total, statuses, five_xx, without_problem, accepted, kestrel = run_malformed(malformed_device)
        print(f"malformed inputs: {total} requests; answers " +
              ", ".join(f"{n}× {s}" for s, n in sorted(statuses.items(), key=lambda item: str(item[0]))))
        print(f"malformed inputs: {len(without_problem)} 4xx answer(s) without a problem document: {without_problem}")
        for case in accepted:
            print(f"  accepted (2xx), valid after all: {case}")
        print("| rejected by Kestrel before the application | status | Content-Type | body bytes |")
        print("|---|---|---|---|")
        for name, status, content_type, body_length in kestrel:
            print(f"| {name} | {status} | {content_type} | {body_length} |")
        for case in five_xx[:10]:
            print(f"  5xx/no answer: {case}")
        check(total >= 700 and not five_xx, f"0 × 5xx over {total} malformed inputs (got {len(five_xx)})")
        admin_accepted = [case for case in accepted if "/admin/" in case[1]]
        check(not admin_accepted, f"no refused admin input accepted (accepted: {admin_accepted[:3]})")

        device, stored_after = run_disconnect()
        disconnect_jobs = stub_stats()["created"].get(device["key"], 0)
        print(f"caller disconnect 0.5 s into a 2 s create: jobs at the stub {disconnect_jobs}, "
              f"stored {'no' if stored_after is None else f'{stored_after:.2f} s after the caller left'}")
        check(stored_after is not None and disconnect_jobs == 1, "the create survives the caller's disconnect and is stored")

        run_mid_create_faults()

        # SIGTERM during polls: the slow account's polls hang in instance 1; instance 2 shares the database.
        slow_id = slow["device"]["deviceId"]
        second, second_pid = start_service(SVC_PORT + 1, "service-2.log")
        deadline = time.time() + LEASE_S
        held = []
        while not held and time.time() < deadline:
            held = [i for i, c in enumerate(claims_of(slow_id)) if c and f"/{first_pid}/" in c]
            time.sleep(0.05)
        print(f"before SIGTERM: {len(held)} of the slow account's {len(claims_of(slow_id))} jobs claimed (polling) by instance 1, "
              f"{stub_stats()['inFlightGets'].get(slow['device']['key'], 0)} status call(s) hanging")
        sigterm_at = time.time()
        exit_after = stop_service(first, first_pid)
        first = None
        taken_after = None
        while held and time.time() - sigterm_at < LEASE_S:
            claims = claims_of(slow_id)
            if all(claims[i] and f"/{second_pid}/" in claims[i] for i in held):
                taken_after = time.time() - sigterm_at
                break
            time.sleep(0.05)
        print(f"SIGTERM during polls: instance 1 exited after {exit_after:.2f} s; instance 2 claimed the jobs it was polling "
              f"{'never (within the lease)' if taken_after is None else f'{taken_after:.2f} s'} after the SIGTERM "
              f"(lease {LEASE_S} s)")
        check(taken_after is not None and taken_after < 10, "claims released on SIGTERM: taken over well within the lease")

        # "Bearer <admin token>" in the 401 detail is the service's own hint; a credential after Bearer is a leak.
        secrets = [k.encode() for k in keys] + [TOKEN.encode()]
        bearer_credential = re.compile(rb"Bearer\s+[A-Za-z0-9._~+/=-]{4,}")
        leaking = [(where, status) for where, status, data in answers_seen
                   if bearer_credential.search(data) or any(s in data for s in secrets)]
        check(not leaking, f"no answer contains 'Bearer <credential>', an API key or the admin token "
                           f"({len(answers_seen)} answers checked; leaking: {leaking[:3]})")
        log_text = b"".join(open(os.path.join(WORK, name), "rb").read()
                           for name in ["service-1.log", "service-2.log", "service-3.log", "service-4.log"])
        check(not any(k.encode() in log_text for k in keys), "no API key in the service logs")
        run_slow_beside_healthy()
        print(f"benchmark time (after the build and first start): {time.time() - bench_started:.0f} s")
    finally:
        for runner, pid in [(first, first_pid), (second, second_pid)]:
            if runner is not None and pid is not None:
                stop_service(runner, pid)
        stub.terminate()
        stub.wait()
    if failures:
        print(f"{len(failures)} target(s) missed; logs in {WORK}")
        return 1
    subprocess.run(["rm", "-rf", WORK])
    return 0


if __name__ == "__main__":
    sys.exit(main())
