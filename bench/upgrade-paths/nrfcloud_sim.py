#!/usr/bin/env python3
"""A stateful nRF Cloud stand-in for the upgrade-path benchmark: every call of SPEC §3.1 and §3.5, answered at once.

- POST /v1/fota-jobs            -> 200 {"jobId"}; the job is COMPLETED from its first status call on
- GET  /v1/fota-jobs/<id>       -> 200 COMPLETED; the first time, the device starts reporting the bundle's version
                                   (the part after the last '*', without its 'v') -- except for API keys starting
                                   with 'stuck-', whose devices never report a new version
- GET  /v1/devices?...&deviceIds=a,b,c -> the listed devices' state (a device is known from its first mention:
                                   appVersion 2.0.0, modemFirmware mfw_nrf91x1_2.0.1, fota_v2 BOOT/MODEM/APP)
- PUT  /v1/fota-jobs/<id>/cancel -> 200;  GET /v1/fota-jobs (reconciliation) -> no jobs
- GET  /_stats                   -> per API key: calls by kind, creates per device, every device-list call
                                   (time, number of ids); POST /_reset clears the device-list log

Usage: python3 nrfcloud_sim.py <port>
"""
import json
import sys
import threading
import time
import uuid
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

lock = threading.Lock()
devices = {}  # (key, deviceId) -> app version
jobs = {}  # jobId -> dict(key, device, bundle, version, reported)
calls = defaultdict(lambda: defaultdict(int))  # key -> kind -> count
creates = defaultdict(lambda: defaultdict(int))  # key -> deviceId -> creates
device_reads = defaultdict(list)  # key -> [(time, ids)]
TS = "2024-06-06T15:44:03.123Z"


def device_item(key, device_id):
    app = devices.setdefault((key, device_id), "2.0.0")
    info = {"appVersion": app, "modemFirmware": "mfw_nrf91x1_2.0.1", "imei": "355025930003908", "board": "thingy91x"}
    stamp = {name: {"timestamp": 1716801888} for name in info}
    return {
        "id": device_id,
        "state": {
            "reported": {"device": {"deviceInfo": info, "serviceInfo": {"fota_v2": ["BOOT", "MODEM", "APP"]}}},
            "metadata": {"reported": {"device": {"deviceInfo": stamp, "serviceInfo": {"fota_v2": [{"timestamp": 1717409966}] * 3}}}},
            "version": 1,
        },
        "$meta": {"createdAt": TS, "updatedAt": TS},
    }


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _send(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length).decode() if length else ""

    def _key(self):
        return (self.headers.get("Authorization") or "").removeprefix("Bearer ")

    def do_POST(self):
        body = self._body()
        if self.path == "/_reset":
            with lock:
                device_reads.clear()
            return self._send(200, {})
        key = self._key()
        if self.path != "/v1/fota-jobs":
            return self._send(404, {"message": "not found"})
        request = json.loads(body)
        device_id = request["deviceIdentifiers"][0]
        bundle = request["bundleId"]
        job_id = str(uuid.uuid4())
        with lock:
            calls[key]["create"] += 1
            creates[key][device_id] += 1
            jobs[job_id] = {"key": key, "device": device_id, "bundle": bundle, "version": bundle.rsplit("*", 1)[1].lstrip("v"), "reported": False}
        self._send(200, {"jobId": job_id})

    def do_PUT(self):
        self._body()
        with lock:
            calls[self._key()]["cancel"] += 1
        self._send(200, {})

    def do_GET(self):
        url = urlsplit(self.path)
        key = self._key()
        if url.path == "/_stats":
            with lock:
                return self._send(200, {
                    "calls": {k: dict(v) for k, v in calls.items()},
                    "creates": {k: dict(v) for k, v in creates.items()},
                    "deviceReads": {k: v for k, v in device_reads.items()},
                })
        if url.path == "/v1/devices":
            ids = [i for i in ",".join(parse_qs(url.query).get("deviceIds", [])).split(",") if i]
            with lock:
                calls[key]["devices"] += 1
                device_reads[key].append((time.time(), len(ids)))
                items = [device_item(key, i) for i in ids]
            return self._send(200, {"items": items, "total": len(items)})
        if url.path == "/v1/fota-jobs":
            with lock:
                calls[key]["list"] += 1
            return self._send(200, {"items": []})
        if url.path.startswith("/v1/fota-jobs/"):
            job_id = url.path.rsplit("/", 1)[1]
            with lock:
                calls[key]["status"] += 1
                job = jobs.get(job_id)
                if job is None:
                    return self._send(404, {"message": "not found"})
                if not job["reported"] and not job["key"].startswith("stuck-"):
                    devices[(job["key"], job["device"])] = job["version"]
                job["reported"] = True
            return self._send(200, {
                "jobId": job_id, "status": "COMPLETED", "statusDetail": "All executions in terminal status",
                "createdAt": TS, "lastUpdatedAt": TS,
                "firmware": {"bundleId": job["bundle"], "version": "v" + job["version"]},
                "target": {"deviceIds": [job["device"]]},
            })
        self._send(404, {"message": "not found"})


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)
    server.daemon_threads = True
    print(f"listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()
