"""Which lines of a Markdown text lie outside fenced code blocks.

Several readers look at Markdown line by line (the first heading, scenario rewrites) and must
leave examples inside fences alone. A fence closes on the same character, at least as long.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

# Indented and quoted fences count too: fences in list items and blockquotes hold examples as well.
FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")


def outside_fences(lines: Sequence[str]) -> Iterator[int]:
    """The indexes of the lines that are neither fenced code nor a fence line."""
    fence: str | None = None
    for index, line in enumerate(lines):
        opening = FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        yield index
