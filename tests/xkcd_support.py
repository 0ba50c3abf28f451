"""Test helpers for the xkcd panel: a fake xkcd.com on 127.0.0.1, and PNG images."""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SEED_TITLE_TEXT = (
    "The Python environmental protection agency wants to seal it in a cement chamber, with "
    "pictorial messages to future civilizations warning them about the danger of using sudo to "
    "install random Python packages."
)


def png(width: int, height: int, pixel: Callable[[int, int], int] | None = None) -> bytes:
    """A greyscale PNG; `pixel(x, y)` gives 0 (black) to 255 (white), white by default."""
    rows = b"".join(
        b"\x00" + bytes(pixel(x, y) if pixel else 255 for x in range(width)) for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def comic_json(num: int, title: str, image: str, alt: str = "Hover text.") -> bytes:
    """An `info.0.json` answer, in xkcd's own shape (dates as strings)."""
    return json.dumps(
        {
            "month": "4", "num": num, "link": "", "year": "2018", "news": "",
            "safe_title": title, "transcript": "", "alt": alt,
            "img": f"https://imgs.xkcd.com/comics/{image}", "title": title, "day": "30",
        }
    ).encode()  # fmt: skip


@dataclass
class Route:
    """How the fake server answers one path."""

    body: bytes = b""
    status: int = 200
    content_type: str = "application/octet-stream"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds to wait before answering at all."""
    drip: float = 0.0
    """Seconds to wait between bytes of the body (a slow, steady server)."""
    send_length: bool = True


@dataclass
class FakeXkcd:
    """An HTTP server on 127.0.0.1 standing in for both xkcd.com and imgs.xkcd.com."""

    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def start(self) -> FakeXkcd:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                fake.requests.append(self.path)
                route = fake.routes.get(self.path, Route(b"not found", 404, "text/plain"))
                time.sleep(route.delay)
                try:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    if route.send_length:
                        self.send_header("Content-Length", str(len(route.body)))
                    for name, value in route.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    if route.drip:
                        for byte in route.body:
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                            time.sleep(route.drip)
                    else:
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up, as it should

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def closed_port_base() -> str:
    """A base URL on 127.0.0.1 where nothing listens: connections are refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"
