"""One reader's terminal: a `bash` in a pseudo-terminal that keeps its state between commands.

A reader pastes each command into the same shell, so `cd`, `export` and `source` carry over, and
presses Ctrl+C to stop a server or a watcher. The checker does the same: the shell runs on a
pseudo-terminal with job control, Ctrl+C is the byte `\\x03` typed into it (the terminal turns it
into SIGINT for whatever runs in the foreground, as it does for a reader), and the shell itself
survives it.

Each command is written to a file and sourced (`. file`) in the shell, so a command of any length
or quoting reaches it unchanged. An `ERR` trap notes the first line of the command that failed;
`pipefail` makes `curl URL | bash` fail when `curl` does (the reader sees that error too), but
a pipe closed early (`yes | head`, status 141, SIGPIPE) is no failure. `PROMPT_COMMAND` prints a
sentinel with the command's id and status when the shell is back at
its prompt, which also happens after Ctrl+C ended a command half way.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import signal
import struct
import termios
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

_SENTINEL = re.compile(rb"\x1eSWDONE (\d+) (\d+) (\d+)\x1e\n")
_SENTINEL_MAX = 128
"""More than a sentinel's length: a sentinel still arriving starts within this of the end."""
_SETUP = (
    # Start in HOME, as Katacoda's terminals did (a container's WORKDIR may be elsewhere). No echo
    # of what is typed, no CR before LF, no history expansion of `!`, no prompts.
    "cd; stty -echo -onlcr 2>/dev/null; set +H; set -o pipefail; PS1=''; PS2=''; "
    "HISTFILE=/dev/null; IGNOREEOF=1000; "
    '__sw_done() { local s=$?; if [ -n "${__sw_id-}" ]; then '
    'printf \'\\036SWDONE %s %s %s\\036\\n\' "$__sw_id" "$s" "${__sw_rc:-0}"; __sw_id=; fi; }; '
    "PROMPT_COMMAND=__sw_done; __sw_id=0\n"
)
_RUN = (
    "__sw_id={id}; __sw_rc=0; "
    'trap \'__sw_e=$?; if [ "$__sw_rc" = 0 ] && [ "$__sw_e" != 141 ]; then '
    "__sw_rc=$__sw_e; fi' ERR; "
    ". {path}; trap - ERR\n"
)


@dataclass
class Finished:
    status: int
    output: str


class TerminalError(Exception):
    """The terminal's shell could not start or went away."""


class Terminal:
    """A persistent shell on a pseudo-terminal. `pump` reads every terminal's output."""

    def __init__(
        self,
        name: str,
        argv: Sequence[str],
        env: dict[str, str],
        cwd: str,
        command_dir: str,
        put_file: Callable[[str, str], None],
    ) -> None:
        self.name = name
        self.command_dir = command_dir
        """Where the shell finds the command files (a path as the shell sees it)."""
        self.put_file = put_file
        self.buffer = bytearray()
        self.last_output = time.monotonic()
        self.closed = False
        self.running: int | None = None
        """The id of the command the shell is busy with."""
        self.started_at = 0.0
        self.output_start = 0
        self.searched = 0
        """The buffer before this holds no sentinel's start: each byte is searched about once
        (searching the whole buffer on every read made a command's output quadratic)."""
        self.finished: dict[int, Finished] = {}
        self._next_id = 1
        pid, fd = pty.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                # Ignored signals survive exec, and the reader's terminal starts with none.
                # Python ignores SIGPIPE: `yes | head` would fail with "Broken pipe" instead of
                # ending quietly (`subprocess` resets it too). A checker started by `nohup`, or
                # with `&` from a script or a CI runner, ignores SIGHUP, SIGINT and SIGQUIT:
                # Ctrl+C would then stop nothing the reader's commands start.
                for name in ("SIGPIPE", "SIGXFSZ", "SIGINT", "SIGQUIT", "SIGHUP"):
                    if hasattr(signal, name):
                        signal.signal(getattr(signal, name), signal.SIG_DFL)
                os.chdir(cwd)
                os.execvpe(argv[0], list(argv), env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        # A reader's terminal has a size; without one, full-screen programs complain.
        with contextlib.suppress(OSError):
            fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.write(fd, _SETUP.encode())

    def fileno(self) -> int:
        return self.fd

    def read_available(self) -> None:
        """Read what the shell wrote (call when `select` says the terminal is readable)."""
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if not data:
            self.closed = True
            return
        self.buffer += data
        self.last_output = time.monotonic()
        self._collect()

    def _collect(self) -> None:
        while (found := _SENTINEL.search(self.buffer, self.searched)) is not None:
            ident, shell_status, first_failure = (int(group) for group in found.groups())
            output = bytes(self.buffer[self.output_start : found.start()])
            del self.buffer[found.start() : found.end()]
            status = first_failure or shell_status
            self.finished[ident] = Finished(status, output.decode("utf-8", "replace"))
            if ident == self.running:
                self.running = None
            self.output_start = self.searched = found.start()
        self.searched = max(self.searched, len(self.buffer) - _SENTINEL_MAX)

    @property
    def ready(self) -> bool:
        """The shell has run its set-up and waits for a command."""
        return 0 in self.finished

    def start(self, text: str) -> int:
        """Start a command; returns its id (see `finished`)."""
        ident = self._next_id
        self._next_id += 1
        name = f"{self.name}-{ident}.sh"
        self.put_file(name, text if text.endswith("\n") else text + "\n")
        self.output_start = len(self.buffer)
        self.running = ident
        self.started_at = time.monotonic()
        path = f"{self.command_dir}/{name}"
        os.write(self.fd, _RUN.format(id=ident, path=_quote(path)).encode())
        return ident

    def output_so_far(self) -> str:
        return bytes(self.buffer[self.output_start :]).decode("utf-8", "replace")

    def keys(self, text: str) -> None:
        """Type keys, such as Ctrl+C (`\\x03`), into the terminal."""
        if not self.closed:
            try:
                os.write(self.fd, text.encode())
            except OSError:
                self.closed = True

    def close(self) -> None:
        """Kill everything that runs in this terminal's session, then the shell."""
        kill_session(self.pid)
        with contextlib.suppress(OSError):
            os.close(self.fd)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


def _quote(path: str) -> str:
    return "'" + path.replace("'", "'\\''") + "'"


def kill_session(session: int) -> None:
    """SIGKILL every process of a session (the shell, its jobs, their children).

    Jobs run in process groups of their own, so killing the shell's group is not enough; on
    Linux every process of the session is found in `/proc`. Elsewhere only the shell's group is.
    """
    victims = {session}
    try:
        entries = os.listdir("/proc")
    except OSError:
        entries = []
    for entry in entries:
        if entry.isdigit():
            try:
                if os.getsid(int(entry)) == session:
                    victims.add(int(entry))
            except OSError:
                continue
    for pid in victims:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        os.killpg(session, signal.SIGKILL)
    # SIGKILL is delivered asynchronously: wait until they are gone (or zombies, which have
    # ended and only wait for a parent to collect them), so that nothing runs once we return.
    deadline = time.monotonic() + 5
    while any(_running(pid) for pid in victims) and time.monotonic() < deadline:
        time.sleep(0.01)


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as stat:
            state = stat.read().rsplit(")", 1)[-1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def pump(terminals: Sequence[Terminal], until: Callable[[], bool], deadline: float) -> bool:
    """Read every terminal's output until `until()` holds or the deadline passes.

    Every terminal is read, not only the one waited for, so that a watcher in another terminal
    never blocks on a full pseudo-terminal.
    """
    import select

    while True:
        if until():
            return True
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return until()
        open_terminals = [t for t in terminals if not t.closed]
        if not open_terminals:
            return until()
        readable, _, _ = select.select(open_terminals, [], [], min(remaining, 0.05))
        for terminal in readable:
            terminal.read_available()
