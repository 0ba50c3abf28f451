"""A series' commands as one downloadable shell script, part by part, that runs to its end.

Readers who would rather run a whole tutorial than click through it get every execute command of
the series in reading order, with a comment carrying each part's title. Only published parts
contribute: a draft previewed under `mkdocs serve` never reaches a script.

A tutorial is not a script, though. Some of its commands were meant for a second terminal, some
never end on their own (`kubectl get pods -w`, `tail -f`, `while true`), some wait for a person
(`vi`, `docker run -it`), and `^C`{{execute ctrl-seq}} or `{{execute interrupt}}` stop them
again. Run in one shell, one after another, the first of those would hang the script. So each
such command is kept as a comment with the reason, and the script ends.

The script is bash (`#!/usr/bin/env bash`): tutorials use `source`, `[[ … ]]` and arrays, which
Debian's and Ubuntu's `sh` (dash) does not have. It stops at the first failing command
(`set -e -o pipefail`), and at the first unset variable (`-u`) unless a command reads a variable
no earlier command sets: tutorials often rely on what the platform's shell provided.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .execute.markers import Marker
from .katacoda.placeholders import PLACEHOLDER
from .katacoda.placeholders import describe as describe_placeholder


@dataclass(frozen=True)
class ScriptCommand:
    """One command of a page, with what its marker said about where and how it runs."""

    text: str
    terminal: int | None = None
    """`{{execute T2}}` -> 2; None when the marker names no terminal (the first one)."""
    host: int | None = None
    """`{{execute HOST2}}` -> 2."""
    interrupt: bool = False
    """`{{execute interrupt}}`: Ctrl+C first, to stop what runs in that terminal."""
    keystroke: bool = False
    """`^C`{{execute ctrl-seq}}: keys to press, not a command."""


@dataclass(frozen=True)
class ScriptPart:
    number: int
    title: str
    url: str
    commands: Sequence[ScriptCommand]


def command_from_classes(text: str, classes: Iterable[str]) -> ScriptCommand:
    """The command with the meaning its marker's classes carry."""
    marker = Marker.from_classes(classes)
    if marker is None:
        return ScriptCommand(text)
    return ScriptCommand(text, marker.terminal, marker.host, marker.interrupt, marker.ctrl_seq)


def script_path(landing_dest_uri: str, slug: str) -> str:
    """Where the script lives: next to the landing page, named after the series."""
    return posixpath.join(posixpath.dirname(landing_dest_uri), f"{slug}.sh")


_CONTROL = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|[\x00-\x08\x0e-\x1f\x7f]")


def _comment(text: str) -> str:
    # One physical line: a title can never end the comment and smuggle in a command.
    # Control characters (terminal escapes) would act on the terminal of whoever `cat`s it.
    return " ".join(_CONTROL.sub("", text).split())


# Commands that run until someone stops them, unless they are sent to the background (`… &`).
_WATCHERS = [
    (re.compile(r"^\s*(?:sudo\s+)?watch\b"), "it repeats until you press Ctrl+C"),
    (
        re.compile(r"^\s*(?:sudo\s+)?(?:kubectl|oc|k)\b.*\s(?:-w|--watch(?:=true)?)(?:\s|$)"),
        "it watches until you press Ctrl+C",
    ),
    (re.compile(r"\s--watch(?:=true)?(?:\s|$)"), "it watches until you press Ctrl+C"),
    (
        # Anchored at the first `tail`/`logs` (tempered): one `.*` scan per line, not per word.
        re.compile(
            r"^(?:(?!\b(?:tail|journalctl|logs)\b).)*\b(?:tail|journalctl|logs)\b"
            r".*\s(?:-(?=[a-zA-Z]*[fF])[a-zA-Z]+|--follow)(?:\s|$)"
        ),
        "it follows the output until you press Ctrl+C",
    ),
    (
        re.compile(r"\bwhile\s+(?:true|:|\[\s*1\s*\])\s*;?\s*(?:do\b|$)"),
        "it loops until you press Ctrl+C",
    ),
    (re.compile(r"\bsleep\s+infinity\b"), "it never ends"),
    (
        re.compile(r"^\s*(?:sudo\s+)?(?:kubectl|oc)\b.*\s(?:port-forward|proxy)\b"),
        "it forwards the port until you press Ctrl+C",
    ),
    (
        re.compile(r"^\s*(?:sudo\s+)?(?:istioctl|minikube|linkerd)\b.*\sdashboard\b"),
        "it serves the dashboard until you press Ctrl+C",
    ),
    (
        # A container that publishes a port and is not detached is a server in the foreground.
        re.compile(
            r"^\s*(?:sudo\s+)?(?:docker|podman)\s+(?:container\s+)?run\b"
            r"(?!.*\s(?:--detach|-(?=[a-zA-Z]*d)[a-zA-Z]+)(?:[\s=]|$))"
            r".*\s(?:-p|--publish|-[a-zA-Z]*P)(?:[\s=]|\d)"
        ),
        "it serves in the foreground until you press Ctrl+C",
    ),
    (
        re.compile(
            r"^\s*(?:sudo\s+)?(?:docker[ -]compose|podman-compose)\b"
            r"(?!.*\s(?:-d|--detach)\b).*\sup\b"
        ),
        "it runs in the foreground until you press Ctrl+C",
    ),
]
_INTERACTIVE = [
    (
        re.compile(r"\s(?:-it|-ti|-i\s+-t|-t\s+-i|--interactive\s+--tty)(?:\s|$)"),
        "it opens an interactive session",
    ),
    (
        re.compile(r"^\s*(?:sudo\s+)?(?:vi|vim|nano|emacs|less|more|top|htop)(?:\s|$)"),
        "it waits for you",
    ),
]


_BACKGROUND = re.compile(r"(?<!&)&\s*$")
# `<<EOF`, `<<-'END'`; not the here-string `<<<word`.
_HEREDOC = re.compile(
    r"(?<!<)<<(?!<)-?\s*(?P<quote>['\"]?)(?P<word>[A-Za-z_][A-Za-z0-9_]*)(?P=quote)"
)


def shell_lines(text: str) -> list[str]:
    """The lines a shell reads as commands: continuations joined, heredoc bodies left out.

    A heredoc body is data (`cat <<EOF > loop.sh` may well hold a `while true`), so it never
    makes a command a watcher.
    """
    lines: list[str] = []
    ending: str | None = None  # the word that ends the heredoc being skipped
    strip_tabs = False
    pending = ""
    for raw in text.split("\n"):
        if ending is not None:
            if (raw.lstrip("\t") if strip_tabs else raw) == ending:
                ending = None
            continue
        if raw.endswith("\\"):
            pending += raw[:-1] + " "
            continue
        line = pending + raw
        pending = ""
        lines.append(line)
        heredoc = _HEREDOC.search(line)
        if heredoc:
            ending = heredoc["word"]
            strip_tabs = heredoc[0].startswith("<<-")
    if pending:
        lines.append(pending)
    return lines


def keeps_running(text: str) -> str | None:
    """Why a command runs until someone presses Ctrl+C (`tail -f`, `kubectl get pods -w`,
    `while true`, a server in the foreground), or None. `stepwise check` asks this too."""
    for line in shell_lines(text):
        if _BACKGROUND.search(line):
            continue  # `… &` runs in the background and does not hold anything up
        for pattern, reason in _WATCHERS:
            if pattern.search(line):
                return reason
    return None


def leave_out_reason(command: ScriptCommand) -> str | None:
    """Why `command` is a comment in the script, or None when it runs."""
    if command.keystroke:
        return "the tutorial presses these keys in a terminal; the script started nothing to stop"
    if command.terminal is not None and command.terminal > 1:
        return f"the tutorial runs it in terminal {command.terminal}, beside the others"
    if command.host is not None and command.host > 1:
        return f"the tutorial runs it on host {command.host}"
    # A line that ends in `&` runs in the background and does not hold the script up.
    foreground = [line for line in shell_lines(command.text) if not _BACKGROUND.search(line)]
    for line in foreground:
        for pattern, reason in (*_WATCHERS, *_INTERACTIVE):
            if pattern.search(line):
                return reason
    return None


# `$NAME`, `${NAME}`, `${NAME…}`; the forms with a default (`${NAME:-x}`) are safe under `-u`.
_READ = re.compile(
    r"\$(?:\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])(?P<op>[^}]?)|(?P<plain>[A-Za-z_][A-Za-z0-9_]*|[0-9@*#]))"
)
_ASSIGNED = re.compile(
    r"(?:^|[;&|({\s])(?:export\s+|local\s+|declare\s+(?:-\w+\s+)*|readonly\s+)?"
    r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:\[[^\][]*\])?\+?="
    r"|\b(?:for|select)\s+(?P<loop>[A-Za-z_][A-Za-z0-9_]*)\s+in\b"
    # An option's argument never starts with `-`: otherwise `read -a -a -a …` backtracks
    # exponentially (each `-a` an option or the previous one's argument).
    r"|\bread\s+(?:-\w+\s+(?:[^-\s]\S*\s+)?)*(?P<read>[A-Za-z_][A-Za-z0-9_]*(?:\s+[A-Za-z_][A-Za-z0-9_]*)*)"
)
_SET_BY_SHELL = frozenset(
    {
        "HOME",
        "PATH",
        "USER",
        "LOGNAME",
        "PWD",
        "OLDPWD",
        "SHELL",
        "HOSTNAME",
        "HOSTTYPE",
        "OSTYPE",
        "UID",
        "EUID",
        "PPID",
        "RANDOM",
        "LINENO",
        "SECONDS",
        "BASH",
        "BASH_VERSION",
        "BASH_SOURCE",
        "FUNCNAME",
        "IFS",
        "PS1",
        "PS2",
        "PS4",
        "SHLVL",
        "TERM",
        "OPTIND",
        "REPLY",
        "PIPESTATUS",
        "GROUPS",
        "MACHTYPE",
        "HISTFILE",
        "DIRSTACK",
        "EPOCHSECONDS",
    }
)
_ALWAYS_SET_SPECIALS = frozenset("@*#?$!-")


def _single_quoted_removed(text: str) -> str:
    # `'$HOME'` is text, not a variable; heredocs are read as if they expanded (the safe side).
    return re.sub(r"'[^'\n]*'", "''", text)


def unset_variable(commands: Iterable[str]) -> str | None:
    """The first variable some command reads before any earlier command sets it; None if none.

    Conservative on purpose: when in doubt the script goes without `-u`.
    """
    assigned: set[str] = set()
    for command in commands:
        text = _single_quoted_removed(command)
        for match in _ASSIGNED.finditer(text):
            names = match["name"] or match["loop"] or match["read"] or ""
            assigned.update(names.split())
        for match in _READ.finditer(text):
            name = match["braced"] or match["plain"]
            if match["braced"] and match["op"] in {":", "-", "+", "=", "?"}:
                continue  # `${X:-default}`, `${X-default}`, `${X+alt}`: fine when unset
            if name in _ALWAYS_SET_SPECIALS or name in _SET_BY_SHELL or name in assigned:
                continue
            return name
    return None


def series_script(title: str, url: str, parts: Sequence[ScriptPart]) -> str:
    """The script's text; empty when no part has a command."""
    if not any(part.commands for part in parts):
        return ""
    running = [
        command.text
        for part in parts
        for command in part.commands
        if leave_out_reason(command) is None
    ]
    unset = unset_variable(running)
    lines = [
        "#!/usr/bin/env bash",
        f"# {_comment(title)}: every command of the series, in order.",
        f"# From {_comment(url)}",
        "# Read it before you run it: the tutorial explains what each command does.",
        "# Commands for other terminals, and commands that run until you stop them, are",
        "# comments: run them by hand, in another terminal, when the tutorial says so.",
    ]
    if unset is None:
        lines.append("set -euo pipefail")
    else:
        lines += [
            f"# Not `set -u`: a command reads ${unset}, which no earlier command sets.",
            "set -eo pipefail",
        ]
    for part in parts:
        if not part.commands:
            continue
        lines += ["", f"# Part {part.number}: {_comment(part.title)}", f"# {_comment(part.url)}"]
        for command in part.commands:
            lines += _command_lines(command)
    return "\n".join(lines) + "\n"


def _command_lines(command: ScriptCommand) -> list[str]:
    text = command.text.rstrip("\n")
    if not text.strip():
        return []  # nothing to run (a block the page could not read a command from)
    reason = leave_out_reason(command)
    if reason is not None:
        return [f"# Left out: {reason}:", *(f"#   {line}" for line in text.split("\n"))]
    lines = []
    if command.interrupt:
        lines.append("# The tutorial presses Ctrl+C first; here nothing runs that needs it.")
    # `[[HOST_IP]]`, `{{TRAFFIC_HOST1_80}}`: the platform filled these in; the reader must.
    seen: set[str] = set()
    for match in PLACEHOLDER.finditer(text):
        if match[0] not in seen:
            seen.add(match[0])
            name = match["name"] or match["traffic_name"]
            # `{{ TRAFFIC_… }}` may span lines: a newline would end the comment and run the rest.
            placeholder = _comment(match[0])
            lines.append(f"# Fill in {placeholder} yourself: {describe_placeholder(name)}.")
    return [*lines, text]


class MadeScripts:
    """Scripts made by earlier builds of one `mkdocs serve`, made again when their input changes.

    Every build writes every series' script; making 20 scripts of 50 parts took a tenth of a
    second of each preview rebuild, which usually changes one part's title or none.
    """

    def __init__(self) -> None:
        self._made: dict[str, tuple[str, list[ScriptPart], str]] = {}

    def script(self, title: str, url: str, parts: Sequence[ScriptPart]) -> str:
        """`series_script(title, url, parts)`."""
        kept = self._made.get(url)
        if kept is not None and kept[0] == title and kept[1] == list(parts):
            return kept[2]
        text = series_script(title, url, parts)
        self._made[url] = (title, list(parts), text)
        return text
