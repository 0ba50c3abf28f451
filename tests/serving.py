"""A real `mkdocs serve` on 127.0.0.1 for tests, with its terminal output collected."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path


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


# Python, with SIGINT as a terminal has it. A test run started by `nohup`, with `&` from a
# script, or by some CI runners ignores SIGINT, and so would every process it starts: `mkdocs
# serve` would not stop on the Ctrl-C that `Server.stop` sends (it would be killed, leaving its
# temporary site behind). The `-c` program restores the default and becomes the real Python.
PYTHON_WITH_CTRL_C = [
    sys.executable,
    "-c",
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])",
]


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
        command = [*PYTHON_WITH_CTRL_C, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(
            [*command, *self.args],
            cwd=self.project,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **self._temp_env()),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        threading.Thread(target=self._collect, daemon=True).start()
        self.wait_for(lambda: self.get("") is not None, timeout, "the first build")
        return self

    def _temp_env(self) -> dict[str, str]:
        return {} if self.temp_dir is None else {"TMPDIR": str(self.temp_dir)}

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
        """Stop the server as Ctrl-C does. On SIGTERM `mkdocs serve` dies without removing the
        temporary folder it builds the site into."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


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
