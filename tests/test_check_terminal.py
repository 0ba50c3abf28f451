"""The checker's terminal reads a command's output in linear time, however much it prints."""

from __future__ import annotations

import shutil
import time

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
