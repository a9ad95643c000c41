#!/usr/bin/env python3
"""A tiny stand-in for nRF Cloud's FOTA API, for black-box checks of the service.

POST /v1/fota-jobs      -> 200 {"jobId": "<uuid>"}
GET  /v1/fota-jobs/<id> -> 200 IN_PROGRESS, statusDetail "Job auto applied", lastUpdatedAt fixed, firmware v2.0.0
GET  /_recorded         -> every request received so far (method, path, headers, body), as JSON

Usage: python3 nrfcloud_stub.py [port]   (default 5099)
"""
import json
import sys
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_UPDATED_AT = "2024-06-06T15:44:03.123Z"
recorded = []
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _send(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _record(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        if not self.path.startswith("/_"):
            with lock:
                recorded.append({"method": self.command, "path": self.path, "headers": dict(self.headers), "body": body})
        return body

    def do_POST(self):
        self._record()
        if self.path == "/v1/fota-jobs":
            self._send(200, {"jobId": str(uuid.uuid4())})
        else:
            self._send(404, {"message": "not found"})

    def do_GET(self):
        self._record()
        if self.path == "/_recorded":
            with lock:
                self._send(200, recorded)
        elif self.path.startswith("/v1/fota-jobs/"):
            job_id = self.path.rsplit("/", 1)[1]
            self._send(200, {
                "jobId": job_id, "status": "IN_PROGRESS", "statusDetail": "Job auto applied",
                "createdAt": LAST_UPDATED_AT, "lastUpdatedAt": LAST_UPDATED_AT,
                "firmware": {"version": "v2.0.0", "bundleId": "APP*1e29dfa3*v2.0.0"},
            })
        else:
            self._send(404, {"message": "not found"})

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 5099
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"nRF Cloud stub listening on http://127.0.0.1:{port}", flush=True)
    server.serve_forever()
