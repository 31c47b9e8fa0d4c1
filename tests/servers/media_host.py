"""A brand's web site on loopback over real TLS: pictures and pages at https addresses.

The certificate is made for 127.0.0.1 when the server starts; point ``SSL_CERT_FILE`` at
``cafile`` so httpx trusts it, and set ``TRIBUNE_MEDIA_LOOPBACK=1`` (Tribune refuses addresses
on this computer or a private network otherwise; nothing else changes in the code under test).

Paths: ``/photo.jpg`` (a JPEG), ``/clip.mp4`` (a small MP4), ``/page.html`` (HTML),
``/big.jpg`` (a JPEG said to weigh 200 MB), ``/nohead/photo.png`` (a PNG whose server refuses
HEAD: 405, the ranged GET answers), ``/to-http`` (a redirect to a plain http address),
``/to-private`` (a redirect to an address on a private network);
anything else is a 404. ``log`` keeps (method, path, range header).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF\x00" + b"\x42" * 2000 + b"\xff\xd9"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 500
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 3000


def _certificate(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    # A fixed, wide validity: the tests travel in time (the hard dates) while OpenSSL checks
    # the certificate against the real clock, which time-machine does not move.
    since, until = dt.datetime(2020, 1, 1, tzinfo=dt.UTC), dt.datetime(2049, 12, 31, tzinfo=dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(since)
        .not_valid_after(until)
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class MediaHost:
    def __init__(self) -> None:
        self.log: list[tuple[str, str, str]] = []
        self._folder = tempfile.TemporaryDirectory(prefix="tribune-media-host-")
        cert, key = _certificate(Path(self._folder.name))
        self.cafile = str(cert)
        host = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _answer(self, head: bool) -> None:
                host.log.append(
                    ("HEAD" if head else "GET", self.path, self.headers.get("Range", ""))
                )
                status, headers, body = host.route(self.path, head, self.headers.get("Range"))
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if not head:
                    self.wfile.write(body)

            def do_HEAD(self):
                self._answer(True)

            def do_GET(self):
                self._answer(False)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.httpd.server_address[1]}"

    def route(self, path: str, head: bool, ranged: str | None) -> tuple[int, dict, bytes]:
        if path == "/photo.jpg":
            return 200, {"Content-Type": "image/jpeg"}, JPEG
        if path == "/clip.mp4":
            return 200, {"Content-Type": "video/mp4"}, MP4
        if path == "/page.html":
            return 200, {"Content-Type": "text/html; charset=utf-8"}, b"<html>menu</html>"
        if path == "/big.jpg":
            size = 200 * 1024 * 1024
            if head:
                return 200, {"Content-Type": "image/jpeg", "Content-Length": str(size)}, b""
            return 200, {"Content-Type": "image/jpeg"}, JPEG
        if path == "/nohead/photo.png":
            if head:
                return 405, {"Allow": "GET"}, b""
            if ranged == "bytes=0-0":
                headers = {"Content-Type": "image/png", "Content-Range": f"bytes 0-0/{len(PNG)}"}
                return 206, headers, PNG[:1]
            return 200, {"Content-Type": "image/png"}, PNG
        if path == "/to-http":
            return 302, {"Location": "http://127.0.0.1:9/photo.jpg"}, b""
        if path == "/to-private":  # the NAS of the agency's office
            return 302, {"Location": "https://192.168.1.20/photo.jpg"}, b""
        return 404, {"Content-Type": "text/plain"}, b"not found"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self._folder.cleanup()
