"""Inline code followed by a marker: `` `ls -l`{{execute T2}} ``, ``` ``a `b` c``{{copy}} ```.

This is an inline processor rather than part of the line rewrite: Python-Markdown already knows
where code spans are (backslash escapes, spans in code blocks and raw HTML, which stay
verbatim), and an element built here is immune to `attr_list`, which would otherwise read
`{{execute T1}}` as a broken attribute list. It runs just before the built-in code span pattern.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import util
from markdown.inlinepatterns import InlineProcessor

from .execute_markers import MARKER_PATTERN, marker_from_match
from .pagecontext import warn

# Python-Markdown's code span (`BACKTICK_RE`, minus escaped backslashes) followed by a marker.
MARKED_CODE_PATTERN = r"(?<![\\`])(?P<ticks>`+)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)" + MARKER_PATTERN
PRIORITY = 191
"""Before the built-in `backtick` pattern (190), which would take the code span alone."""


class MarkedCodeInlineProcessor(InlineProcessor):
    """Turns a marked code span into `<code class="stepwise-execute ...">`."""

    def __init__(self) -> None:
        super().__init__(MARKED_CODE_PATTERN)
        self.compiled_re = re.compile(MARKED_CODE_PATTERN, re.DOTALL | re.UNICODE | re.IGNORECASE)

    def handleMatch(  # type: ignore[override]  # Markdown's stub types the element loosely
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        parsed = marker_from_match(m)
        if parsed.ignored:
            warn(f"ignored marker modifiers: {' '.join(parsed.ignored)}")
        element = etree.Element("code")
        classes = parsed.marker.css_classes()
        if classes:
            element.set("class", " ".join(classes))
        # As the built-in pattern does: strip, escape, and keep other patterns out.
        element.text = util.AtomicString(util.code_escape(m.group("code").strip()))
        return element, m.start(0), m.end(0)
