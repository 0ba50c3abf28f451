"""A real `mkdocs serve` on 127.0.0.1 for tests, with its terminal output collected."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from .conftest import benchmark_module


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_newer(path: Path, text: str) -> None:
    """Write `path` as an editor saves it, with a modification time no watcher can miss.

    MkDocs' watcher polls file times, and some file systems keep whole seconds: instead of
    sleeping until the clock moves on, the file's time is set a second past its previous one
    (or to now, when that is later).
    """
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    stamp = max(time.time_ns(), before + 1_000_000_000)
    os.utime(path, ns=(stamp, stamp))


class Server:
    """`mkdocs serve` in `project`, started by `start()` and stopped by `stop()`."""

    def __init__(self, project: Path, *extra: str, temp_dir: Path | None = None) -> None:
        self.project = project
        self.temp_dir = temp_dir
        """The server's TMPDIR, where it builds the site (by default, the system's)."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.output: list[str] = []
        self.args = extra
        self.process: subprocess.Popen[str] | None = None

    def start(self, timeout: float = 90) -> Server:
        # Started and stopped as the benchmark's preview server is: with Ctrl-C working even
        # in a test run that ignores SIGINT (`nohup`, `&` in a script, some CI runners).
        python = benchmark_module().PYTHON_WITH_CTRL_C
        command = [*python, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"]
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        if self.temp_dir is not None:
            env["TMPDIR"] = str(self.temp_dir)
        self.process = subprocess.Popen(
            [*command, *self.args],
            cwd=self.project,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        threading.Thread(target=self._collect, daemon=True).start()
        self.wait_for(lambda: self.get("") is not None, timeout, "the first build")
        return self

    def _collect(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        for line in self.process.stderr:
            self.output.append(line)

    def get(self, path: str) -> str | None:
        """The page's HTML, or None while the server does not answer with it."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def wait_for(self, condition: Callable[[], bool], timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise AssertionError(f"mkdocs serve exited while waiting for {what}: {self.log}")
            if condition():
                return
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}; output: {self.log}")

    @property
    def log(self) -> str:
        return "".join(self.output)

    def stop(self) -> None:
        """Stop the server as Ctrl-C does (on SIGTERM it would leave its temporary site)."""
        if self.process is not None:
            benchmark_module().stop_serving(self.process, timeout=20)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def static_server(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 and yield its URL.

    The folder is read per request, so a test may build into it after the server has its port
    (Material's instant navigation needs `site_url` to be the exact URL the site is served from).
    """
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
