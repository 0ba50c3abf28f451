"""A series' commands as one downloadable shell script, part by part.

Readers who would rather run a whole tutorial than click through it get every execute command of
the series in reading order, with a comment carrying each part's title. Only published parts
contribute: a draft previewed under `mkdocs serve` never reaches a script.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ScriptPart:
    number: int
    title: str
    url: str
    commands: Sequence[str]


def script_path(landing_dest_uri: str, slug: str) -> str:
    """Where the script lives: next to the landing page, named after the series."""
    return posixpath.join(posixpath.dirname(landing_dest_uri), f"{slug}.sh")


_CONTROL = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|[\x00-\x08\x0e-\x1f\x7f]")


def _comment(text: str) -> str:
    # One physical line: a title can never end the comment and smuggle in a command.
    # Control characters (terminal escapes) would act on the terminal of whoever `cat`s it.
    return " ".join(_CONTROL.sub("", text).split())


def series_script(title: str, url: str, parts: Sequence[ScriptPart]) -> str:
    """The script's text; empty when no part has a command."""
    if not any(part.commands for part in parts):
        return ""
    lines = [
        "#!/bin/sh",
        f"# {_comment(title)}: every command of the series, in order.",
        f"# From {_comment(url)}",
        "# Read it before you run it: the tutorial explains what each command does.",
        "set -e",
    ]
    for part in parts:
        if not part.commands:
            continue
        lines += ["", f"# Part {part.number}: {_comment(part.title)}", f"# {_comment(part.url)}"]
        lines += [command.rstrip("\n") for command in part.commands]
    return "\n".join(lines) + "\n"
