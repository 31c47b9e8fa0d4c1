"""A tiny threaded HTTP server on loopback with scripted faults, for connector tests.

Subclasses implement ``handle(method, path, query, headers, body) -> (status, headers, body)``.
``fail_next(status=..., headers=..., body=..., times=n)`` queues faults (429, 500, 503,
malformed JSON, ``delay`` for timeouts) served before the real answer.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class LoopbackServer:
    def __init__(self) -> None:
        self.faults: list[dict] = []
        self.log: list[tuple[str, str, dict, str]] = []  # (method, path, headers, query)
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # else 40 ms of delayed ACK per answer

            def log_message(self, *args):
                pass

            def _serve(self, method):
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                with server.lock:
                    server.log.append((method, parts.path, headers, parts.query))
                    fault = None
                    for f in server.faults:
                        if f["path"] is None or f["path"] in parts.path:
                            fault = f
                            f["times"] -= 1
                            if f["times"] <= 0:
                                server.faults.remove(f)
                            break
                if fault is not None:
                    if fault.get("delay"):
                        time.sleep(fault["delay"])
                    status, extra, payload = fault["status"], fault["headers"], fault["body"]
                else:
                    query = {k: v if len(v) > 1 else v[0] for k, v in parse_qs(parts.query).items()}
                    status, extra, payload = server.handle(method, parts.path, query, headers, body)
                if isinstance(payload, dict | list):
                    payload = json.dumps(payload).encode()
                    extra = {"Content-Type": "application/json", **extra}
                elif isinstance(payload, str):
                    payload = payload.encode()
                try:
                    self.send_response(status)
                    for k, v in extra.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self):
                self._serve("GET")

            def do_POST(self):
                self._serve("POST")

            def do_DELETE(self):
                self._serve("DELETE")

            def do_PUT(self):
                self._serve("PUT")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()

    def fail_next(self, status=500, *, path=None, headers=None, body=None, times=1, delay=0.0):
        with self.lock:
            self.faults.append(
                {
                    "status": status,
                    "path": path,
                    "headers": headers or {},
                    "body": body if body is not None else {"error": "fault"},
                    "times": times,
                    "delay": delay,
                }
            )

    def requests_to(self, fragment: str) -> list[tuple[str, str, dict, str]]:
        return [r for r in self.log if fragment in r[1]]

    def handle(self, method, path, query, headers, body):  # pragma: no cover - abstract
        return 404, {}, {"error": "not found"}
