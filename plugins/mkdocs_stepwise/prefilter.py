"""Inline patterns searched only in text that holds what every one of their matches holds.

Python-Markdown tries every inline pattern on every piece of text (`finditer` on the pattern
`getCompiledRegExp()` returns). A pattern that starts with a lookbehind gives the regex engine
no literal to scan for, so it tries each position of each text: arithmatex's inline math alone
took 3% of a build of 1,000 posts with no `$` in them. Every match of such a pattern contains one
of a few strings (`$` or `\\(` for math, `{{` for a marked code span): `needs` answers "none
here" with a substring search first, and leaves every match as the pattern finds it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any


class Prefiltered:
    """`pattern`, searched only where one of `needles` occurs at or after the start position."""

    def __init__(self, pattern: re.Pattern[str], needles: tuple[str, ...]) -> None:
        self.pattern = pattern
        self.needles = needles

    def finditer(self, string: str, pos: int = 0, *args: Any) -> Iterator[re.Match[str]]:
        if any(string.find(needle, pos) >= 0 for needle in self.needles):
            return self.pattern.finditer(string, pos, *args)
        return iter(())

    def __getattr__(self, name: str) -> Any:
        # Anything else (`search`, `match`, `pattern`, `flags`) is the pattern's own.
        return getattr(self.pattern, name)


def needs(pattern: re.Pattern[str], *needles: str) -> re.Pattern[str]:
    """`pattern` as an inline processor's `compiled_re`, skipping text without `needles`.

    Every match of `pattern` must contain one of `needles` (a lookahead counts: it lies at or
    after the start position too). Typed as the pattern: Python-Markdown only calls `finditer`
    (and a few readers `search`/`match`, which go to the pattern itself).
    """
    return Prefiltered(pattern, needles)  # type: ignore[return-value]
