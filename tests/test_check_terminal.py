"""The checker's terminal reads a command's output in linear time, however much it prints."""

from __future__ import annotations

import contextlib
import shutil
import signal
import time
from pathlib import Path

import pytest

from mkdocs_stepwise.check.sandbox import Sandbox
from mkdocs_stepwise.check.terminal import pump


@pytest.mark.skipif(shutil.which("bash") is None, reason="the checker needs bash")
def test_megabytes_of_output_end_with_their_command() -> None:
    """`cat` of a big log: the end-of-command sentinel used to be searched for in the whole
    output on every read of the pseudo-terminal (a few KiB), which took 40 seconds here
    (the deadline below); now about one."""
    sandbox = Sandbox()
    try:
        terminal = sandbox.terminal("T1")
        assert pump([terminal], lambda: terminal.ready, time.monotonic() + 30)
        ident = terminal.start("head -c 20000000 /dev/zero | tr '\\0' y; echo; echo the end")
        assert pump([terminal], lambda: ident in terminal.finished, time.monotonic() + 20)
        finished = terminal.finished[ident]
        assert finished.status == 0
        assert finished.output.count("y") == 20_000_000
        assert finished.output.rstrip().endswith("the end")
    finally:
        sandbox.close()


def _running_in_session(session: int, name: str) -> bool:
    """A process called `name` runs in the session `session` (Linux's `/proc`)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)
            comm, rest = fields[0].split("(", 1)[1], fields[1].split()
            if comm == name and int(rest[3]) == session:  # state, ppid, pgrp, session
                return True
    return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.skipif(shutil.which("bash") is None, reason="the checker needs bash")
@pytest.mark.parametrize(("name", "key"), [("SIGINT", "\x03"), ("SIGQUIT", "\x1c")])
def test_ctrl_c_stops_a_command_when_the_checker_was_started_ignoring_it(
    name: str, key: str
) -> None:
    """`make check &` in a script, `nohup` or a CI runner start the checker with SIGINT (or
    SIGQUIT) ignored, and an ignored signal stays ignored across `exec`: the reader's `tail -f`
    would not stop on Ctrl+C. Their terminal starts as a new one does."""
    previous = signal.signal(getattr(signal, name), signal.SIG_IGN)
    sandbox = Sandbox()
    try:
        terminal = sandbox.terminal("T1")
        assert pump([terminal], lambda: terminal.ready, time.monotonic() + 30)
        ident = terminal.start("tail -f /dev/null")
        session = terminal.pid  # the shell leads the terminal's session
        assert pump([terminal], lambda: _running_in_session(session, "tail"), time.monotonic() + 10)
        terminal.keys(key)
        assert pump([terminal], lambda: ident in terminal.finished, time.monotonic() + 10)
        assert terminal.finished[ident].status != 0
    finally:
        sandbox.close()
        signal.signal(getattr(signal, name), previous)
