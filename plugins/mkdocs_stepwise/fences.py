"""Which lines of a page are code: the one answer every scanner of Markdown source uses.

Fenced code is what SuperFences reads as fenced code, because SuperFences itself is asked: its
own block preprocessor (with the execute extension's one rule more, marked closing fences; see
`execute.fences`) runs over the lines and reports its blocks instead of rendering them. Inside
a Markdown conversion, pass the `Markdown` instance, so that its SuperFences configuration
(`pymdownx.quotes`, custom fences, `preserve_tabs`) applies; outside one (the post reader, the
scenario rewrites), a plain SuperFences configuration is used.

Indented code blocks are Python-Markdown's block parser's business, which runs after every
preprocessor; `indented_code` approximates it for the scanners that must leave such blocks
alone (a line four columns in, after a blank line, that no container opened above claims).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from markdown import Markdown
from markdown.preprocessors import Preprocessor

from .execute.fences import finder_for, superfences_preprocessor


@functools.lru_cache(maxsize=1)
def _plain_markdown() -> Markdown:
    """A Markdown instance with a default SuperFences, for readers outside a conversion."""
    return Markdown(extensions=["pymdownx.superfences"])


def fenced_ranges(lines: Sequence[str], md: Markdown | None = None) -> list[tuple[int, int]]:
    """`(first, last + 1)` line ranges of the fenced blocks, fence lines included, in order."""
    finder = finder_for(md) if md is not None else None
    if finder is None:
        finder = finder_for(_plain_markdown())
    assert finder is not None  # the plain instance has SuperFences
    # As SuperFences sees the page: after Python-Markdown expanded the tabs.
    return finder.find([line.expandtabs(4) for line in lines])


def fenced_lines(lines: Sequence[str], md: Markdown | None = None) -> list[bool]:
    """For each line, whether it belongs to a fenced block (fence lines included)."""
    inside = [False] * len(lines)
    for first, end in fenced_ranges(lines, md):
        inside[first:end] = [True] * (end - first)
    return inside


def outside_fences(lines: Sequence[str], md: Markdown | None = None) -> Iterator[int]:
    """The indexes of the lines that are neither fenced code nor a fence line."""
    return (index for index, fenced in enumerate(fenced_lines(lines, md)) if not fenced)


def code_lines(lines: Sequence[str], md: Markdown | None = None) -> list[bool]:
    """For each line, whether it is code: in a fenced block, or an indented code block.

    Indented code is approximated as Python-Markdown's block parser will decide it: a line
    indented by four or more is code when it follows a blank line (with the earlier lines of
    the same indented run) and the closest less-indented line above it does not open a
    container (list item, admonition, details, content tab, block quote).
    """
    fenced = fenced_lines(lines, md)
    code = list(fenced)
    # Lines above, each less indented than the next (the nearest line above with an indent
    # below k is the last entry with an indent below k): one pass, no walking back.
    above: list[tuple[int, int]] = []  # (indent, index)
    run_after: int | None = None  # the line before the current run of indented lines
    for index, line in enumerate(lines):
        blank = not line.strip()
        indent = _indent(line)
        if not blank and indent >= 4 and not fenced[index]:
            if index == 0 or not lines[index - 1].strip() or _indent(lines[index - 1]) < 4:
                run_after = index - 1
                stack_then = list(above)
            assert run_after is not None
            if run_after < 0 or not lines[run_after].strip():
                parent = next((i for d, i in reversed(stack_then) if d < indent), None)
                code[index] = parent is None or not _CONTAINER.match(lines[parent])
        if not blank and not fenced[index]:
            while above and above[-1][0] >= indent:
                above.pop()
            above.append((indent, index))
    return code


_CONTAINER = re.compile(r"^[ \t]*(?:[-*+]|[0-9]+[.)]|!!!|\?\?\?\+?|===\+?|>)(?:[ \t]|$)")


def _indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip())


# --- fences SuperFences' `preserve_tabs` pass took out ---------------------------------------

RAW_FENCES_BACK_PRIORITY = 29.5
"""After Python-Markdown's whitespace normalization (30) and pymdownx's clean-up of its
placeholders (29.9); before the plugin's preprocessors that read fences (shortcodes 29, xkcd
28, maths 26.5)."""


class RawFencesBack(Preprocessor):
    """Puts the fenced blocks SuperFences' `preserve_tabs` pass took out back into the page.

    With `preserve_tabs`, SuperFences replaces each fenced block with a placeholder before
    Python-Markdown expands tabs (31.05) and puts it back when it reads fences (25). Between
    the two, the plugin's preprocessors saw placeholders, not code: Hugo's escaped
    `{{</* toc */>}}` in a fence stayed escaped, and a fence inside `{{% alert %}}` came apart,
    its placeholder indented into the admonition and its text cut by that indent. They all
    find fences themselves (`fenced_ranges`, SuperFences' own reading), so the blocks go back
    now, as SuperFences would put them back, tabs and all.
    """

    def run(self, lines: list[str]) -> list[str]:
        fenced = superfences_preprocessor(self.md)
        if fenced is None or not fenced.config.get("preserve_tabs"):
            return lines
        if not any("\x02" in line for line in lines):  # no placeholder: nothing was taken out
            return lines
        return fenced.restore_raw_text(lines)  # type: ignore[no-any-return]


def put_raw_fences_back(md: Markdown) -> None:
    """Register `RawFencesBack` (once, whichever extension asks first)."""
    if "stepwise_raw_fences_back" not in md.preprocessors:
        md.preprocessors.register(
            RawFencesBack(md), "stepwise_raw_fences_back", RAW_FENCES_BACK_PRIORITY
        )
