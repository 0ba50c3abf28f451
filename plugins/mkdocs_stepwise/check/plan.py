"""What `stepwise check` will run: series, their parts, and each part's steps, in reading order.

Pure: the records the build's command reader took from each page (`execute.commands`), the
page's Markdown and its front matter in; a plan out. Nothing here parses Markdown for commands:
the only reading of the source is `locate_lines`, which finds where each already-known command
was written, for the report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..execute.commands import Command, FileBlock
from ..execute.markers import Action, Marker
from ..series_script import keeps_running

CONTROL_KEYS = {f"^{chr(code)}": chr(code - 64) for code in range(64, 96)}
"""`^C` -> "\\x03": the keystrokes a `ctrl-seq` block sends."""


@dataclass(frozen=True)
class Step:
    """One thing the reader does: run a command, press keys, or write a file block."""

    kind: str
    """`command`, `keys` (a `ctrl-seq` block such as `^C`), `type` (a `no-newline` block: keys
    typed into the program that runs, without Enter) or `file`."""
    text: str
    terminal: str = "T1"
    """`T1` to `T4` or `HOST1`/`HOST2`: each is one persistent shell."""
    interrupt: bool = False
    """Press Ctrl+C in the terminal first (`{{execute interrupt}}`)."""
    line: int | None = None
    """The line of the page's source file where the step is written."""
    file: FileBlock | None = None
    hidden: bool = False
    """A setup command from the part's front matter, which readers do not see."""

    @property
    def is_interrupt(self) -> bool:
        """Whether this step stops what runs in its terminal before it does anything else."""
        return self.interrupt or (self.kind == "keys" and self.text.strip().upper() == "^C")


@dataclass
class Part:
    number: int
    title: str
    src_uri: str
    page: str
    """The page's source file, as the report names it (`docs/series/part.md`)."""
    url: str
    steps: list[Step] = field(default_factory=list)
    verify: str | None = None
    """The Katacoda/Killercoda verify script's text, run after the part."""
    verify_path: str | None = None
    skip: str | None = None
    """Why the checker does not run this part (front matter `check: {skip: true}`)."""
    problems: list[str] = field(default_factory=list)
    """Mistakes in the part's `check:` front matter: the part fails with them."""
    draft: bool = False


@dataclass
class SeriesPlan:
    title: str
    slug: str
    folder: str | None
    landing_uri: str
    url: str
    parts: list[Part] = field(default_factory=list)


def terminal_of(marker: Marker) -> str:
    """`T2` for `{{execute T2}}`, `HOST1` for `{{execute HOST1}}`; `T1` when unmarked."""
    if marker.terminal is not None:
        return f"T{marker.terminal}"
    if marker.host is not None:
        return f"HOST{marker.host}"
    return "T1"


def steps_from_records(records: Sequence[Command | FileBlock]) -> tuple[list[Step], int]:
    """The steps a reader takes for a page's records, and how many were marked `no-check`.

    Copy-only blocks (`{{copy}}`, `{{open}}`) are not run: Katacoda never ran them either.
    """
    steps: list[Step] = []
    skipped = 0
    for record in records:
        if isinstance(record, FileBlock):
            steps.append(Step("file", record.text, file=record))
            continue
        marker = Marker.from_classes(record.classes)
        if marker is None or marker.action is not Action.EXECUTE:
            continue
        if marker.no_check:
            skipped += 1
            continue
        kind = "command"
        if marker.ctrl_seq:
            kind = "keys"
        elif marker.no_newline:
            kind = "type"
        steps.append(
            Step(kind, record.text, terminal=terminal_of(marker), interrupt=marker.interrupt)
        )
    return steps, skipped


def _needle(step: Step) -> str:
    if step.file is not None:
        return step.file.filename
    return next((line.strip() for line in step.text.splitlines() if line.strip()), "")


LOOKAHEAD = 1000
"""How many lines past the previous step a step's line is looked for."""


def locate_lines(source: str, steps: Sequence[Step]) -> list[Step]:
    """The steps with the line of the page's source where each is written.

    Each step's first line is looked for after where the previous step was found, in reading
    order: a line that holds it followed by a marker or as the whole line of a code block, else
    the first line that holds it (then a mention in the prose just before the block may win).
    Every search starts where the last one ended and looks at most `LOOKAHEAD` lines ahead, so
    the work grows with the page, not with the page times its commands.
    """
    lines = source.splitlines()
    located: list[Step] = []
    position = (0, 0)  # line index, column
    for step in steps:
        needle = _needle(step)
        found = _find(lines, needle, position, step) if needle else None
        if found is not None:
            position = found
        located.append(_with_line(step, found[0] + 1 if found is not None else None))
    return located


def _find(
    lines: Sequence[str], needle: str, start: tuple[int, int], step: Step
) -> tuple[int, int] | None:
    """`(line index, column after the match)` of `needle` from `start` on, within
    `LOOKAHEAD` lines (a command not written verbatim costs no scan of the whole page)."""
    first: tuple[int, int] | None = None
    for index in range(start[0], min(len(lines), start[0] + LOOKAHEAD)):
        line = lines[index]
        at = line.find(needle, start[1] if index == start[0] else 0)
        if at < 0:
            continue
        end = at + len(needle)
        if first is None:
            first = (index, end)
        if step.file is not None:
            if "data-filename" in line:
                return index, end
            continue
        bare = line.strip().lstrip(">").strip().removeprefix("$ ").strip()
        if bare == needle or "{{" in line[end:]:
            return index, end
    return first


def _with_line(step: Step, line: int | None) -> Step:
    return Step(step.kind, step.text, step.terminal, step.interrupt, line, step.file, step.hidden)


@dataclass(frozen=True)
class CheckOptions:
    """A part's `check:` front matter."""

    setup: tuple[str, ...] = ()
    skip_part: bool = False
    skip_commands: tuple[int | str, ...] = ()
    problems: tuple[str, ...] = ()


def check_options(front_matter: Mapping[str, Any]) -> CheckOptions:
    """Read `check: {setup: [...], skip: true | [2, "kubectl apply"]}` (or `check: false`)."""
    value = next((v for k, v in front_matter.items() if str(k).lower() == "check"), None)
    if value is None or value is True:
        return CheckOptions()
    if value is False:
        return CheckOptions(skip_part=True)
    if not isinstance(value, Mapping):
        return CheckOptions(problems=("`check` must be a mapping such as {setup: [...]}",))
    problems: list[str] = []
    setup = value.get("setup", [])
    if isinstance(setup, str):
        setup = [setup]
    if not isinstance(setup, list) or not all(isinstance(item, str) for item in setup):
        problems.append("`check.setup` must be a list of shell commands (strings)")
        setup = []
    skip = value.get("skip", False)
    skip_part = skip is True
    skip_commands: list[int | str] = []
    if isinstance(skip, list):
        for item in skip:
            if isinstance(item, bool) or not isinstance(item, (int, str)):
                problems.append(f"`check.skip` holds {item!r}: use command numbers or text")
            else:
                skip_commands.append(item)
    elif not isinstance(skip, bool):
        problems.append("`check.skip` must be true, or a list of command numbers or texts")
    unknown = sorted(str(key) for key in value if key not in ("setup", "skip"))
    if unknown:
        problems.append(f"unknown `check` keys: {', '.join(unknown)} (known: setup, skip)")
    return CheckOptions(tuple(setup), skip_part, tuple(skip_commands), tuple(problems))


def apply_options(steps: Sequence[Step], options: CheckOptions) -> list[Step]:
    """The setup commands first (hidden, in `T1`), then the steps the front matter keeps.

    `skip` numbers count the page's commands (file blocks and keys not included) from 1; a text
    skips every command that starts with it.
    """
    kept = [Step("command", command, hidden=True) for command in options.setup]
    number = 0
    for step in steps:
        if step.kind == "command":
            number += 1
            if number in options.skip_commands or any(
                isinstance(text, str) and step.text.startswith(text)
                for text in options.skip_commands
            ):
                continue
        kept.append(step)
    return kept


def is_watcher(command: str) -> bool:
    """Whether a command keeps running until the reader presses Ctrl+C, whatever the next step
    is (`kubectl get pods -w`, `tail -f`, `kubectl port-forward`, `while true`): the series
    script's rules, so that the two never disagree about a command."""
    return keeps_running(command) is not None
