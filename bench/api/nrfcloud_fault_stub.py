#!/usr/bin/env python3
"""A switchable nRF Cloud stand-in for the fault benchmark (faults.py). The fault is chosen per request by the API key:
`Authorization: Bearer fault-<mode>-<anything>`, so every account of the service can have its own fault in one run.

Modes (the create is POST /v1/fota-jobs; "created" means the stub counts a job for the key):
  ok          create answers 200 {"jobId"} at once
  late        create is processed, the answer comes after LATE_S (longer than the service's NrfCloud:AttemptTimeout)
  unavailable create is processed, then 503
  flaky       the first create of each key answers 500 and creates nothing; later ones are ok
  reset       create is processed, then the connection is reset (RST) without an answer
  redirect    307 to the same path on the "other host" (a second port); whatever reaches it is counted there
  echo        500 whose body echoes the request headers (Authorization included)
  slowcreate  create is processed after SLOW_CREATE_S, then 200 (caller disconnects, concurrent identical schedules)
  slowstatus  create ok; every status call answers after SLOW_STATUS_S
Status calls (GET /v1/fota-jobs/<id>) answer IN_PROGRESS, except in slowstatus (delayed).
The jobs list (GET /v1/fota-jobs?pageLimit=…, reconciliation) lists every job created for the key, in one page, with
`jobId`, `createdAt`, `status`, `firmware.bundleId` and `target.deviceIds` taken from the create's body.

GET /_stats -> {"created": {key: n}, "requests": {key: {method: n}}, "otherHost": n, "inFlightGets": {key: n},
                "gets": [[key, jobId, unix_time], ...]}

Usage: python3 nrfcloud_fault_stub.py <port> <otherHostPort>
"""
import json
import os
import socket
import struct
import sys
import threading
import time
import uuid
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LATE_S = float(os.environ.get("LATE_S", "5"))
SLOW_CREATE_S = float(os.environ.get("SLOW_CREATE_S", "2"))
SLOW_STATUS_S = float(os.environ.get("SLOW_STATUS_S", "30"))
LAST_UPDATED_AT = "2024-06-06T15:44:03.123Z"

lock = threading.Lock()
created = defaultdict(int)
listed = defaultdict(list)  # key -> jobs as the jobs list shows them
requests = defaultdict(lambda: defaultdict(int))
in_flight_gets = defaultdict(int)
gets = []
flaky_seen = set()
other_host_hits = [0]


def key_and_mode(headers):
    key = (headers.get("Authorization") or "").removeprefix("Bearer ")
    parts = key.split("-")
    return key, parts[1] if len(parts) >= 2 and parts[0] == "fault" else "ok"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    other_port = 0

    def _send(self, status, payload, extra=()):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _create(self, key):
        job_id = str(uuid.uuid4())
        try:
            body = json.loads(self.body or b"{}")
        except ValueError:
            body = {}
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + f".{int(time.time() * 1000) % 1000:03d}Z"
        with lock:
            created[key] += 1
            listed[key].append({"jobId": job_id, "createdAt": stamp, "status": "IN_PROGRESS",
                                "firmware": {"bundleId": body.get("bundleId")},
                                "target": {"deviceIds": body.get("deviceIdentifiers") or []}})
        return job_id

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.body = self.rfile.read(length) if length else b""
        key, mode = key_and_mode(self.headers)
        with lock:
            requests[key]["POST"] += 1
        if self.path != "/v1/fota-jobs":
            return self._send(404, {"message": "not found"})
        if mode == "late":
            job_id = self._create(key)
            time.sleep(LATE_S)
            return self._send(200, {"jobId": job_id})
        if mode == "unavailable":
            self._create(key)
            return self._send(503, {"message": "Service Unavailable"})
        if mode == "flaky":
            with lock:
                first = key not in flaky_seen
                flaky_seen.add(key)
            if first:
                return self._send(500, {"message": "Internal Server Error"})
            return self._send(200, {"jobId": self._create(key)})
        if mode == "reset":
            self._create(key)
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return None
        if mode == "redirect":
            location = f"http://127.0.0.1:{self.other_port}/v1/fota-jobs"
            return self._send(307, {"message": "moved"}, [("Location", location)])
        if mode == "echo":
            return self._send(500, {"message": "echo", "headers": dict(self.headers)})
        if mode == "slowcreate":
            time.sleep(SLOW_CREATE_S)
            return self._send(200, {"jobId": self._create(key)})
        return self._send(200, {"jobId": self._create(key)})

    def do_GET(self):
        if self.path == "/_stats":
            with lock:
                return self._send(200, {
                    "created": created, "requests": requests, "otherHost": other_host_hits[0],
                    "inFlightGets": in_flight_gets, "gets": gets,
                })
        key, mode = key_and_mode(self.headers)
        if self.path.split("?")[0] == "/v1/fota-jobs":
            with lock:
                requests[key]["LIST"] += 1
                items = list(listed[key])
            return self._send(200, {"items": items})
        if not self.path.startswith("/v1/fota-jobs/"):
            return self._send(404, {"message": "not found"})
        job_id = self.path.rsplit("/", 1)[1]
        with lock:
            requests[key]["GET"] += 1
            gets.append([key, job_id, time.time()])
            in_flight_gets[key] += 1
        try:
            if mode == "slowstatus":
                time.sleep(SLOW_STATUS_S)
            self._send(200, {
                "jobId": job_id, "status": "IN_PROGRESS", "statusDetail": "Job auto applied",
                "createdAt": LAST_UPDATED_AT, "lastUpdatedAt": LAST_UPDATED_AT,
                "firmware": {"version": "v2.0.0", "bundleId": "APP*1e29dfa3*v2.0.0"},
            })
        finally:
            with lock:
                in_flight_gets[key] -= 1

    def log_message(self, *args):
        pass


class OtherHost(BaseHTTPRequestHandler):
    """The redirect target: counts whatever reaches it and would create a job."""
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        with lock:
            other_host_hits[0] += 1
        body = json.dumps({"jobId": str(uuid.uuid4())}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a reset connection or a caller that went away is part of the experiment


if __name__ == "__main__":
    port, other_port = int(sys.argv[1]), int(sys.argv[2])
    Handler.other_port = other_port
    other = QuietServer(("127.0.0.1", other_port), OtherHost)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    server = QuietServer(("127.0.0.1", port), Handler)
    print(f"nRF Cloud fault stub listening on http://127.0.0.1:{port} (other host :{other_port})", flush=True)
    server.serve_forever()
