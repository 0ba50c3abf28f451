"""A real `mkdocs serve` on 127.0.0.1 for tests, with its terminal output collected."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """`mkdocs serve` in `project`, started by `start()` and stopped by `stop()`."""

    def __init__(self, project: Path, *extra: str) -> None:
        self.project = project
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.output: list[str] = []
        self.args = extra
        self.process: subprocess.Popen[str] | None = None

    def start(self, timeout: float = 90) -> Server:
        command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(
            [*command, *self.args],
            cwd=self.project,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
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
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
