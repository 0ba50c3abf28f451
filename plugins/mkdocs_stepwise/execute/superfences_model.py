"""How SuperFences (pymdownx.superfences) reads fenced blocks, line by line.

`rewrite` runs before SuperFences and must agree with it on where a block starts and
ends, or a rewrite would pair the wrong fences. SuperFences opens a fence on any line whose
header it can read, whatever container the line is in; the closing fence uses the opening
fence's character, is exactly as long and sits at the opening fence's indentation and
blockquote depth; a fence whose container ends first is abandoned, and SuperFences tests none
of its lines, nor the line that ends it, as an opening fence.

Pure: lines in, verdicts out.
"""

from __future__ import annotations

import re
from enum import Enum

from .markdown_blocks import PREFIX_RE, TAB_LENGTH, Line

OPENING_FENCE_RE = re.compile(r"(?P<fence>`{3,}|~{3,})(?P<info>.*)")
"""A line's content that may open a fence; SuperFences must still read its header (`info`)."""
# SuperFences' reading of a fence header: an optional language, then `{attributes}` or options.
HEADER_RE = re.compile(
    r"[ \t]*(?:\.?(?P<lang>[\w#.+-]+)(?=[ \t]|$))?[ \t]*"
    r"(?:\{(?P<attrs>.*)\}|(?P<options>(?:[ \t]*[a-zA-Z][a-zA-Z0-9_]*(?:=(?P<q>[\"']).*?(?P=q))?"
    r"(?=[ \t]|$))+))?[ \t]*"
)
_OPTION_RE = re.compile(r"(?P<key>[a-zA-Z][a-zA-Z0-9_]*)(?:=(?P<q>[\"'])(?P<value>.*?)(?P=q))?")
# The options SuperFences' highlighter accepts outside braces, and what their values must start
# with (it matches, not full-matches).
_OPTION_VALUES = {
    "hl_lines": re.compile(r"\d+(?:-\d+)?(?:[ \t]+\d+(?:-\d+)?)*$"),
    "linenums": re.compile(r"\d+"),
    "title": re.compile(""),
    "title_mode": re.compile(""),
}


def reads_header(opening: re.Match[str]) -> bool:
    """Whether SuperFences opens a fence on this match of `OPENING_FENCE_RE` (it ignores
    CommonMark's rule against backticks in a backtick fence's header: ```` ```{a`b} ````
    opens a fence).

    Options without braces must be ones its highlighter knows (`bash title="x"`), with valid
    values; anything else (`bash text`) makes it refuse the header.
    """
    header = HEADER_RE.fullmatch(opening["info"])
    if header is None:
        return False
    options = header["options"] or ""
    return all(
        (pattern := _OPTION_VALUES.get(option["key"])) is not None
        and option["value"] is not None
        and pattern.match(option["value"]) is not None
        for option in _OPTION_RE.finditer(options)
    )


def opens_fence(line: str) -> bool:
    """Whether SuperFences opens a fence on this line (wherever it is)."""
    opening = OPENING_FENCE_RE.fullmatch(Line.parse(line).content)
    return opening is not None and reads_header(opening)


def _closes(content: str, fence: str) -> bool:
    """Whether SuperFences closes `fence` on a line with this content: the same fence exactly."""
    return content.startswith(fence) and not content[len(fence) :].strip(" \t")


class Verdict(Enum):
    """How SuperFences reads a line inside an open fence."""

    CONTENT = "content"
    EMPTY = "empty"
    CLOSE = "close"
    ABANDON = "abandon"
    """The fence's container ended: SuperFences drops the fence and moves on to the next line."""


def read_fence_line(opener: Line, fence: str, text: str, after_empty: bool) -> Verdict:
    """How SuperFences reads `text` inside the fence `opener` opened (its `eval_fence` and
    `eval_quoted`); `after_empty` says whether the previous line was `EMPTY`.

    SuperFences looks at the line's first `opener.width` columns of spaces and `>` only: a `>`
    there ends an unquoted fence, too few columns end any fence (but for an empty line), and
    what lies beyond them is content, `>` included.
    """
    text = text.expandtabs(TAB_LENGTH)
    prefix = PREFIX_RE.match(text)
    assert prefix is not None  # the pattern matches the empty string
    ws = text[: min(prefix.end(), opener.width)]
    content = text[len(ws) :]
    level = ws.count(">")
    if opener.quote_level == 0:
        if level:
            return Verdict.ABANDON
        if not text.strip():
            return Verdict.EMPTY
        if len(ws) != opener.width:
            return Verdict.ABANDON
    else:
        if level > opener.quote_level:
            return Verdict.ABANDON
        if not content:
            return Verdict.EMPTY
        if len(ws) < opener.width or (after_empty and level < opener.quote_level):
            return Verdict.ABANDON
    return Verdict.CLOSE if _closes(content, fence) else Verdict.CONTENT


def abandoned_at(opener: Line, fence: str, lines: list[str]) -> int | None:
    """The index of the line among `lines` (those after `opener`) where SuperFences abandons
    the fence; None if it closes it first or never abandons it."""
    after_empty = False
    for index, text in enumerate(lines):
        verdict = read_fence_line(opener, fence, text, after_empty)
        if verdict is Verdict.ABANDON:
            return index
        if verdict is Verdict.CLOSE:
            return None
        after_empty = verdict is Verdict.EMPTY
    return None
