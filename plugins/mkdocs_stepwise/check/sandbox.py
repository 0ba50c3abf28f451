"""Where the commands run: a throw-away folder on this machine, or containers.

The default sandbox is a fresh temporary folder that is the terminals' working directory and
`HOME`, with its own `TMPDIR`, and a cleaned environment (no variables of the caller's but a
the system's `PATH`, `LANG`, `USER`, `TERM=dumb`; pagers off). At the end
every process of every terminal's session is killed and the folder removed (`keep` keeps it).
It does not isolate anything else: the commands run as you, see your files, and can use the
network; see the README.

With `container=IMAGE`, each machine (`T1` to `T4` and `HOST1` share one, `HOST2` gets another)
is a container started with `docker run` or `podman run`, and the terminals are `exec`s into it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path, PurePosixPath

from ..execute.commands import FileBlock
from .terminal import Terminal, kill_session

BASE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
SHELL_ARGS = ["bash", "--noprofile", "--norc", "--noediting", "-i"]
QUIET_ENV = {
    "TERM": "dumb",
    "PAGER": "cat",
    "GIT_PAGER": "cat",
    "SYSTEMD_PAGER": "",
    "MANPAGER": "cat",
    "LESS": "-FRX",
    "DEBIAN_FRONTEND": "noninteractive",
    "VIRTUAL_ENV_DISABLE_PROMPT": "1",
    "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    "PYTHONUNBUFFERED": "1",
}
"""What a checked terminal needs that a reader's does not: no pagers, no questions, no colours
that depend on a real terminal, output that is not held back in buffers."""


class SandboxError(Exception):
    """The sandbox could not be set up (no container engine, an image that does not start)."""


def machine_of(terminal: str) -> str:
    """`HOST2` runs on its own machine; `T1` to `T4` and `HOST1` share the first."""
    return terminal if terminal.startswith("HOST") and terminal != "HOST1" else "HOST1"


def apply_file_block(existing: str | None, block: FileBlock) -> str:
    """The file's new text after a file block; `ValueError` when an insert finds no marker."""
    text = block.text + "\n"
    current = existing or ""
    # Katacoda's editor inserts a block without a marker at its cursor; in a new file, and as
    # the checker's best guess in an old one, that is the end.
    if block.target == "append" or (block.target == "insert" and not block.marker):
        return current + ("" if not current or current.endswith("\n") else "\n") + text
    if block.target == "prepend":
        return text + current
    if block.target == "insert" and block.marker:
        if block.marker not in current:
            raise ValueError(f"{block.filename} has no {block.marker!r} to insert at")
        return current.replace(block.marker, block.text, 1)
    return text


def _home_relative(filename: str) -> str:
    """A file block's path below the sandbox's HOME: Katacoda's HOME was `/root`, so
    `/root/app.js` and `~/app.js` mean `app.js` there."""
    for prefix in ("~/", "/root/"):
        if filename.startswith(prefix):
            return filename[len(prefix) :]
    return filename


class Sandbox:
    """The terminals of one series run, and the folder or containers they run in."""

    def __init__(self, *, keep: bool = False, container: str | None = None) -> None:
        self.engine: str | None = None
        if container is not None:
            self.engine = shutil.which("docker") or shutil.which("podman")
            if self.engine is None:
                raise SandboxError(
                    "--container needs docker or podman, and neither is installed (on PATH)"
                )
        elif shutil.which("bash") is None:
            raise SandboxError("the checker needs bash, which is not on PATH")
        self.image = container
        self.containers: dict[str, str] = {}
        self.terminals: dict[str, Terminal] = {}
        self.keep = keep
        # Last: nothing above may leave a folder behind.
        self.root = Path(tempfile.mkdtemp(prefix="stepwise-check-"))
        self.home = self.root / "home"
        self.state = self.root / "state"
        for folder in (self.home, self.state, self.root / "tmp"):
            folder.mkdir()
        self.env = {
            "HOME": str(self.home),
            # A reader's fresh machine has the system's programs, not the caller's version
            # managers, shims and virtual environments (`~/.pyenv/shims`, this `.venv`).
            "PATH": BASE_PATH,
            "LANG": os.environ.get("LANG", "C.UTF-8"),
            "USER": os.environ.get("USER", "reader"),
            "LOGNAME": os.environ.get("LOGNAME", os.environ.get("USER", "reader")),
            "SHELL": shutil.which("bash") or "/bin/bash",
            "TMPDIR": str(self.root / "tmp"),
            **QUIET_ENV,
        }

    # -- machines ------------------------------------------------------------------------------

    def _container(self, machine: str) -> str:
        """The container of a machine, started on first use."""
        if machine not in self.containers:
            assert self.engine is not None and self.image is not None
            started = subprocess.run(
                [
                    self.engine,
                    "run",
                    "-d",
                    "--rm",
                    "--init",
                    "--entrypoint",
                    "sleep",
                    self.image,
                    "infinity",
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if started.returncode != 0:
                raise SandboxError(
                    f"{Path(self.engine).name} could not start {self.image}: "
                    + (started.stderr.strip() or f"exit code {started.returncode}")
                )
            self.containers[machine] = started.stdout.strip().splitlines()[-1]
        return self.containers[machine]

    def _exec(self, machine: str, *args: str, tty: bool = False) -> list[str]:
        assert self.engine is not None
        flags = ["-it"] if tty else ["-i"]
        env = [item for key, value in QUIET_ENV.items() for item in ("-e", f"{key}={value}")]
        return [self.engine, "exec", *flags, *env, self._container(machine), *args]

    @property
    def command_dir(self) -> str:
        """Where the shells find the command files."""
        return f"/tmp/.{self.root.name}" if self.engine else str(self.state)

    def terminal(self, name: str) -> Terminal:
        """The terminal called `name` (`T1`, `HOST2`), started on first use."""
        if name not in self.terminals:
            machine = machine_of(name)
            if self.engine is None:
                argv = [shutil.which("bash") or "bash", *SHELL_ARGS[1:]]
                env, cwd = self.env, str(self.home)
            else:
                argv = self._exec(machine, *SHELL_ARGS, tty=True)
                env, cwd = dict(os.environ), str(self.root)
            self.terminals[name] = Terminal(
                name, argv, env, cwd, self.command_dir, lambda n, t: self._put(machine, n, t)
            )
        return self.terminals[name]

    def _put(self, machine: str, name: str, text: str) -> None:
        local = self.state / name
        local.write_text(text, encoding="utf-8")
        if self.engine is not None:
            script = f'mkdir -p {self.command_dir} && cat > "{self.command_dir}/$1"'
            with local.open("rb") as source:
                subprocess.run(
                    self._exec(machine, "sh", "-c", script, "sh", name),
                    stdin=source,
                    capture_output=True,
                    check=True,
                )

    def run_script(self, terminal: str, text: str, timeout: float) -> tuple[int | None, str]:
        """Run a script (a verify script) on a terminal's machine, outside its shell.

        Returns the exit code (None when it timed out) and the output. It runs in `HOME`, as
        Katacoda and Killercoda ran it, not in the terminal's current directory.
        """
        if self.engine is None:
            path = self.state / "verify.sh"
            path.write_text(text, encoding="utf-8")
            argv = [shutil.which("bash") or "bash", str(path)]
            env: dict[str, str] | None = self.env
            cwd: str | None = str(self.home)
            stdin: bytes | None = None
        else:
            argv = self._exec(machine_of(terminal), "bash", "-c", "cd && exec bash -s")
            env, cwd, stdin = None, None, text.encode()
        process = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=cwd,
            start_new_session=True,
        )
        try:
            output, _ = process.communicate(stdin, timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_session(process.pid)
            output, _ = process.communicate()
            return None, output.decode("utf-8", "replace")
        finally:
            kill_session(process.pid)
        return process.returncode, output.decode("utf-8", "replace")

    def write_file(self, terminal: str, block: FileBlock) -> None:
        """Apply a file block; paths are relative to `HOME`, as in Katacoda's editor.

        `ValueError` when the block cannot be applied (an insert without its marker, or, in the
        folder sandbox, a path that leads out of it).
        """
        if self.engine is None:
            target = (self.home / _home_relative(block.filename)).resolve()
            if not target.is_relative_to(self.home.resolve()):
                raise ValueError(f"{block.filename} is outside the sandbox; use --container")
            existing = target.read_text(encoding="utf-8") if target.is_file() else None
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(apply_file_block(existing, block), encoding="utf-8")
            return
        machine = machine_of(terminal)
        path = str(PurePosixPath(block.filename))
        read = subprocess.run(
            self._exec(machine, "sh", "-c", 'cd && cat -- "$1" 2>/dev/null', "sh", path),
            capture_output=True,
            check=False,
        )
        existing = read.stdout.decode("utf-8", "replace") if read.returncode == 0 else None
        text = apply_file_block(existing, block)
        script = 'cd && mkdir -p "$(dirname -- "$1")" && cat > "$1"'
        subprocess.run(
            self._exec(machine, "sh", "-c", script, "sh", path),
            input=text.encode(),
            capture_output=True,
            check=True,
        )

    def close(self) -> None:
        """Kill every terminal's processes, remove containers and (unless kept) the folder."""
        for terminal in self.terminals.values():
            terminal.close()
        self.terminals.clear()
        if self.engine is not None:
            for container in self.containers.values():
                subprocess.run(
                    [self.engine, "rm", "-f", container], capture_output=True, check=False
                )
            self.containers.clear()
        if not self.keep:
            shutil.rmtree(self.root, ignore_errors=True)
