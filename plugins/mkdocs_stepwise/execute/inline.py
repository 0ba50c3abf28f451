"""Inline code followed by a marker: `` `ls -l`{{execute T2}} ``, ``` ``a `b` c``{{copy}} ```.

This is an inline processor rather than part of the line rewrite: Python-Markdown already knows
where code spans are (backslash escapes, spans in code blocks and raw HTML, which stay
verbatim), and an element built here is immune to `attr_list`, which would otherwise read
`{{execute T1}}` as a broken attribute list. It runs just before the built-in code span pattern.

Braces after a code span that are not a marker (`` `x`{{frobnicate}} ``, a template
placeholder) stay as the text the author wrote: without this, `attr_list` would eat them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import util
from markdown.inlinepatterns import BACKTICK_RE, BacktickInlineProcessor, InlineProcessor

from ..pagecontext import PageHolder
from ..prefilter import needs
from .keys import keys_element
from .markers import MARKER_PATTERN, marker_from_match

# Python-Markdown's code span (`BACKTICK_RE`, minus escaped backslashes). The code may not hold
# a closing run of backticks: with something required after the span, a lazy `.+?` alone would
# stretch over several spans (`` `a` and `b`{{execute}} ``) to find it.
CODE_SPAN_PATTERN = (
    r"(?<![\\`])(?P<ticks>`+)(?!`)"
    r"(?P<code>(?:(?!(?<!`)(?P=ticks)(?!`)).)+?)(?<!`)(?P=ticks)(?!`)"
)
# A code span followed by a marker.
MARKED_CODE_PATTERN = CODE_SPAN_PATTERN + MARKER_PATTERN
PRIORITY = 191
"""Before the built-in `backtick` pattern (190), which would take the code span alone."""

# A code span followed by double braces that `MARKED_CODE_PATTERN` did not take.
BRACED_CODE_PATTERN = CODE_SPAN_PATTERN + r"(?P<braces>\{\{[^{}\n]*\}\})"
BRACED_PRIORITY = 190.5
"""After the marked code span, before the built-in `backtick` pattern (190)."""


class MarkedCodeInlineProcessor(InlineProcessor):
    """Turns a marked code span into `<code class="stepwise-execute ...">`."""

    def __init__(self, pages: PageHolder | None = None) -> None:
        super().__init__(MARKED_CODE_PATTERN)
        self.pages = pages or PageHolder()
        # Every match ends in a marker, `{{…}}`.
        self.compiled_re = needs(
            re.compile(MARKED_CODE_PATTERN, re.DOTALL | re.UNICODE | re.IGNORECASE), "{{"
        )

    def handleMatch(  # type: ignore[override]  # Markdown's stub types the element loosely
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | None, int | None, int | None]:
        found = _builtin_span(m, data)
        if found is None:
            return None, None, None
        start, element = found
        parsed = marker_from_match(m)
        if parsed.ignored:
            self.pages.warn(f"ignored marker modifiers: {' '.join(parsed.ignored)}")
        if parsed.marker.ctrl_seq:
            # Keystrokes, not a command: an instruction to read, nothing to copy.
            return keys_element(_unescaped(element.text or ""), parsed.marker), start, m.end(0)
        classes = parsed.marker.css_classes()
        if classes:
            element.set("class", " ".join(classes))
        return element, start, m.end(0)


class BracedCodeInlineProcessor(InlineProcessor):
    """Keeps `` `x`{{not a marker}} `` as code followed by the braces, as written."""

    def __init__(self) -> None:
        super().__init__(BRACED_CODE_PATTERN)
        self.compiled_re = needs(re.compile(BRACED_CODE_PATTERN, re.DOTALL | re.UNICODE), "{{")

    def handleMatch(  # type: ignore[override]  # Markdown's stub types the element loosely
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | None, int | None, int | None]:
        found = _builtin_span(m, data)
        if found is None:
            return None, None, None
        start, element = found
        # The first brace as a backslash escape, which `attr_list` (a treeprocessor) does not
        # read as the start of an attribute list; Python-Markdown's unescape step restores it.
        braces = m.group("braces")
        element.tail = f"{util.STX}{ord(braces[0])}{util.ETX}{braces[1:]}"
        return element, start, m.end(0)


_BACKTICK = BacktickInlineProcessor(BACKTICK_RE)


def _builtin_span(m: re.Match[str], data: str) -> tuple[int, etree.Element] | None:
    """The code span Python-Markdown's own processor finds that ends where our match's span
    ends (the marker follows it), and where it starts; None if it finds none there.

    In ```` `a ``b`{{execute}} ```` our pattern sees `` `b` `` before the marker, but the
    backtick before `a` opens the span that `b`'s backtick closes: the marker belongs to that
    span. The processor scans leftmost first; a span already replaced by a placeholder ends
    what came before it, so the scan starts after the last one.
    """
    end = m.end("code") + len(m.group("ticks"))
    position = data.rfind(util.ETX, 0, m.start(0)) + 1
    while (match := _BACKTICK.compiled_re.search(data, position, end)) is not None:
        node, first, last = _BACKTICK.handleMatch(match, data)
        if isinstance(node, etree.Element) and first is not None and last == end:
            return first, node
        position = max(last or 0, match.end(0), position + 1)
        if position >= end:
            return None
    return None


def _unescaped(code: str) -> str:
    """The code span's text as written (Python-Markdown's `code_escape` undone)."""
    return code.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
