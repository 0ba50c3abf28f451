"""The one shape of "something the author should fix", for every module that finds one.

A finder returns `Problem`s as data and stays pure; the caller reports them as warnings that
start with the file and the line.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """Something wrong in the input; `line` is the 1-based file line, when known."""

    message: str
    key: str | None = None
    """The front matter key it concerns, if any."""
    line: int | None = None
