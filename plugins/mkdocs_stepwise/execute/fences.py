"""Fences closed with a Katacoda marker (```` ```{{execute}} ````), read by SuperFences itself.

SuperFences closes a fence only on a bare fence line, so ```` ```{{execute}} ```` would close
nothing and the rest of the page would vanish into one code block. Instead of rewriting the page
before SuperFences reads it, this module subclasses SuperFences' own block preprocessor and
changes exactly one rule: a closing fence may carry a marker (and may then be longer than the
opening fence, as CommonMark allows). Everything else (which headers open a fence, containers,
blockquotes, `pymdownx.quotes`, indentation, abandoning a fence whose container ends) stays
SuperFences' own code, so the plugin and the renderer cannot disagree on where a block is.

The marker's classes join the block's classes where SuperFences builds the block (with and
without `attr_list`: SuperFences keeps classes either way); `.no-copy` keeps Material from adding
a second copy button (`assets/execute.js` adds ours).

What SuperFences does not do is kept as small, separate steps here:

- a marked block touching prose gets blank lines around its placeholder, else Python-Markdown
  reads the placeholder and the prose as one paragraph (Katacoda authors write prose right after
  `{{execute}}`);
- a marker where a fence would *open* (```` ```{{execute}} ```` on its own) opens no fence, and
  is reported;
- a fence that is never closed is reported with the line it opened on.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from markdown import Markdown
from pymdownx.superfences import (
    SuperFencesBlockPreprocessor,
    SuperFencesCodeExtension,
    SuperFencesRawBlockPreprocessor,
)

from ..problems import Problem
from .lexers import reusing_lexers
from .markers import MARKER_PATTERN, NO_COPY_CLASS, marker_from_match

_MARKER_ONLY_RE = re.compile(r"[ \t]*" + MARKER_PATTERN + r"[ \t]*", re.IGNORECASE)
_MARKED_FENCE_RE = re.compile(
    r"(?P<fence>`{3,}|~{3,})[ \t]*" + MARKER_PATTERN + r"[ \t]*$", re.IGNORECASE
)
MAX_STRAY_REPORTS = 10
"""Stray markers reported one by one per page; the rest are counted in one more message."""


Report = Callable[[Problem], None]


@functools.lru_cache(maxsize=64)
def _closing_pattern(fence: str) -> re.Pattern[str]:
    """SuperFences' closing fence (`fence` exactly, then blanks), or one at least as long with
    a marker after it."""
    char = re.escape(fence[0])
    return re.compile(
        rf"(?:{re.escape(fence)}[ \t]*|{char}{{{len(fence)},}}[ \t]*(?P<marker>{MARKER_PATTERN})"
        r"[ \t]*)$",
        re.IGNORECASE,
    )


class _MarkedFenceReading:
    """What our preprocessors add to SuperFences' (a mixin: the raw one for `preserve_tabs`
    and the formatting one share it). Attributes used here are SuperFences' own."""

    fence: str | None
    fence_end: re.Pattern[str] | None
    classes: list[str]
    stack: list[tuple[str, int, int]]
    ws: str | None

    checked_hl_settings: bool
    highlighter: Any

    closing = False
    report: Report | None = None
    """Where problems go; None for a preprocessor that must stay quiet (the raw pass)."""

    mask_raw_html = True
    """Hide raw `<pre>` HTML blocks from the search (see `raw_pre_blocks`)."""

    def get_hl_settings(self) -> None:
        """SuperFences' settings, once per preprocessor; its highlighter then keeps its lexers
        (`lexers.py`: finding one costs more than highlighting a short block)."""
        if not self.checked_hl_settings:
            super().get_hl_settings()  # type: ignore[misc]
            self.highlighter = reusing_lexers(self.highlighter)

    def search_nested(self, lines: list[str]) -> list[str]:
        self.source_lines = lines
        return super().search_nested(self._without_raw_pre(lines))  # type: ignore[misc, no-any-return]

    def _without_raw_pre(self, lines: list[str]) -> list[str]:
        # One search over the page rather than a match per line: most pages have no `<pre`.
        if not self.mask_raw_html or _PRE_LINE_RE.search("\n".join(lines)) is None:
            return lines
        finder = FenceFinder(self.md)  # type: ignore[attr-defined]
        _adopt(finder, self)
        finder.mask_raw_html = False
        blocks = raw_pre_blocks(lines, finder.find(lines))
        if not blocks:
            return lines
        masked = list(lines)
        for first, end in blocks:
            masked[first:end] = [""] * (end - first)
        return masked

    def _begin(self) -> None:
        self.fence = None  # a fence left open by the previous page is not this page's
        self.line_index = -1  # the line SuperFences is reading (it keeps no count of its own)
        self.opened_at = -1  # the line the open fence started on
        self.misplaced: list[int] = []  # marked lines inside the open fence that close nothing
        self.marked: set[int] = set()  # `stack` positions of marked blocks
        self.closing_marked = False
        self.strays = 0
        self.last_stray = 0

    # SuperFences reads each line with exactly one of these two (depending on whether a fence
    # is open), which gives us the line number.

    def parse_whitespace(self, line: str) -> str:
        self.line_index += 1
        self.opened_at = self.line_index  # a fence opens here or nowhere
        if self.misplaced:  # SuperFences calls this on every line outside a fence
            self.misplaced = []
        return super().parse_whitespace(line)  # type: ignore[misc, no-any-return]

    def parse_fence_line(self, line: str) -> tuple[str, str]:
        self.line_index += 1
        if self.fence is not None:
            self.fence_end = _closing_pattern(self.fence)
        return super().parse_fence_line(line)  # type: ignore[misc, no-any-return]

    def eval_fence(self, ws: str, content: str, start: int, end: int) -> None:
        self._note_misplaced(content)
        super().eval_fence(ws, content, start, end)  # type: ignore[misc]

    def eval_quoted(self, ws: str, content: str, quote_level: int, start: int, end: int) -> None:
        self._note_misplaced(content)
        super().eval_quoted(ws, content, quote_level, start, end)  # type: ignore[misc]

    def _note_misplaced(self, content: str) -> None:
        marked = _MARKED_FENCE_RE.match(content)
        fence_end = self.fence_end
        if marked is not None and fence_end is not None and fence_end.match(content) is None:
            self.misplaced.append(self.line_index)

    def handle_attrs(self, m: re.Match[str]) -> bool:
        """A marker where a fence would open (SuperFences reads `{{execute}}` as attributes)
        opens no fence: it would swallow the page up to the next bare fence."""
        header = m.group(0)[len(m.group("fence")) :]
        if _MARKER_ONLY_RE.fullmatch(header):
            self._stray(header.strip())
            return False
        return super().handle_attrs(m)  # type: ignore[misc, no-any-return]

    def process_nested_block(self, ws: str, content: str, start: int, end: int) -> None:
        assert self.fence_end is not None
        closing = self.fence_end.match(content)
        self.closing_marked = closing is not None and closing["marker"] is not None
        if closing is not None and self.closing_marked:
            parsed = marker_from_match(closing)
            if parsed.ignored:
                self._problem(
                    self.line_index, f"ignored marker modifiers: {' '.join(parsed.ignored)}"
                )
            classes = parsed.marker.css_classes()
            if NO_COPY_CLASS not in classes:
                classes.append(NO_COPY_CLASS)  # our script adds the one copy button
            self.classes.extend(name for name in classes if name not in self.classes)
        self.misplaced = []
        self.closing = True
        try:
            super().process_nested_block(ws, content, start, end)  # type: ignore[misc]
        finally:
            self.closing = self.closing_marked = False

    def _store(self, source: str, code: str, start: int, end: int) -> None:
        super()._store(source, code, start, end)  # type: ignore[misc]
        if self.closing_marked:
            self.marked.add(len(self.stack) - 1)

    def clear(self) -> None:
        """SuperFences' reset after a block; a fence still open was abandoned: a line less
        indented (or quoted differently) than the fence ended it before its closing fence."""
        if getattr(self, "fence", None) is not None and not self.closing:
            self._abandoned()
        super().clear()  # type: ignore[misc]

    def _abandoned(self) -> None:
        assert self.fence is not None
        message = (
            f"the code fence opened here ({self.fence}) is not closed before line "
            f"{self.line_index + 1}, which is less indented or quoted differently; it shows as text"
        )
        self._problem(self.opened_at, message + self._misplaced_note())
        self.misplaced = []

    def _stray(self, text: str) -> None:
        self.strays += 1
        self.last_stray = self.line_index
        if self.strays <= MAX_STRAY_REPORTS:
            self._problem(self.line_index, f"the marker {text!r} closes no code fence")

    def _problem(self, index: int, message: str) -> None:
        if self.report is not None:
            self.report(Problem(message, line=index + 1))

    def _finish(self) -> None:
        """Report what only the end of the page reveals."""
        if self.strays > MAX_STRAY_REPORTS:
            self._problem(
                self.last_stray,
                f"{self.strays - MAX_STRAY_REPORTS} more markers on this page close no code fence",
            )
        if self.fence is not None:
            self._unclosed()

    def _unclosed(self) -> None:
        assert self.fence is not None
        message = f"the code fence opened here ({self.fence}) is never closed"
        self._problem(self.opened_at, message + self._misplaced_note())

    def _misplaced_note(self) -> str:
        if not self.misplaced or self.fence is None:
            return ""
        where = ", ".join(str(index + 1) for index in self.misplaced)
        return (
            f": the marked fence on line {where} needs at least {len(self.fence)} "
            f"{self.fence[0]!r} characters at this fence's indentation to close it"
        )


class MarkedFencesPreprocessor(_MarkedFenceReading, SuperFencesBlockPreprocessor):  # type: ignore[misc]
    """SuperFences' block preprocessor, reading marked closing fences (see the module doc)."""

    def run(self, lines: list[str]) -> list[str]:
        self._begin()
        self.source_lines = lines
        result: list[str] = super().run(lines)
        self._finish()
        return result

    def reassemble(self, lines: list[str]) -> list[str]:
        """SuperFences' reassembly (each block's lines become its placeholder), in one pass
        (SuperFences copies the page once per block), and with blank lines where a marked
        block touches other text."""
        lines = self.source_lines  # not the copy with raw HTML hidden
        out: list[str] = []
        position = 0
        for index, (placeholder, start, end) in enumerate(self.stack):
            out.extend(lines[position:start])
            marked = index in self.marked
            if marked and _touches(lines, start - 1) and _may_separate(lines, start):
                out.append(_blank_line(placeholder))
            out.append(placeholder)
            if marked and _touches(lines, end):
                out.append(_blank_line(placeholder))
            position = end
        out.extend(lines[position:])
        self.stack = []
        return out


class MarkedRawFencesPreprocessor(_MarkedFenceReading, SuperFencesRawBlockPreprocessor):  # type: ignore[misc]
    """SuperFences' `preserve_tabs` pass (before tabs are expanded), reading marked fences."""

    def run(self, lines: list[str]) -> list[str]:
        self._begin()
        return super().run(lines)  # type: ignore[no-any-return]

    def reassemble(self, lines: list[str]) -> list[str]:
        return super().reassemble(self.source_lines)  # type: ignore[no-any-return]


class FenceFinder(_MarkedFenceReading, SuperFencesBlockPreprocessor):  # type: ignore[misc]
    """SuperFences' reading of a page, recording where blocks are instead of rendering them."""

    def find(self, lines: list[str]) -> list[tuple[int, int]]:
        """`(first, last + 1)` line ranges of the page's fenced blocks, fence lines included."""
        self._begin()
        self.found: list[tuple[int, int]] = []
        self.get_hl_settings()
        self.clear()
        self.stack = []
        self.disabled_indented = True
        self.preserve_tabs = False
        self.search_nested(lines)
        return self.found

    def process_nested_block(self, ws: str, content: str, start: int, end: int) -> None:
        self.found.append((start, end))
        self.closing = True
        self.clear()
        self.closing = False

    def reassemble(self, lines: list[str]) -> list[str]:
        return lines


# --- raw HTML --------------------------------------------------------------------------------

# Katacoda's documentation shows marker source in raw `<pre>` HTML blocks. Python-Markdown keeps
# such a block verbatim, but SuperFences runs before it and, knowing no HTML, would open a fence
# inside the block and close it outside.
_PRE_START_RE = re.compile(r"<pre(?:[ \t>]|$)", re.IGNORECASE)
_PRE_LINE_RE = re.compile(r"^<pre(?:[ \t>]|$)", re.IGNORECASE | re.MULTILINE)
"""`_PRE_START_RE` at the start of any line of a page joined with newlines."""
_PRE_END_RE = re.compile(r"</pre>", re.IGNORECASE)


def raw_pre_blocks(lines: list[str], fenced: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`(first, last + 1)` of the raw `<pre>` blocks that start outside the `fenced` ranges
    (a `<pre>` tag at the start of a line, up to the line with `</pre>`)."""
    in_code = [False] * len(lines)
    for first, end in fenced:
        in_code[first:end] = [True] * (end - first)
    blocks: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        if not in_code[index] and _PRE_START_RE.match(lines[index]):
            last = next((j for j in range(index, len(lines)) if _PRE_END_RE.search(lines[j])), None)
            if last is None:
                break  # no `</pre>` anywhere after: Python-Markdown reads no raw block
            blocks.append((index, last + 1))
            index = last + 1
            continue
        index += 1
    return blocks


# --- where blank lines go ---------------------------------------------------------------------

_PREFIX_RE = re.compile(r"[ >]*")
_CONTAINER_RE = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|!!!|\?\?\?|===")


def _content(line: str) -> str:
    prefix = _PREFIX_RE.match(line)
    assert prefix is not None  # matches the empty string
    return line[prefix.end() :]


def _touches(lines: list[str], index: int) -> bool:
    """Whether `lines[index]` is text that Python-Markdown would join to a placeholder next to it
    (a line of only `>` is blank inside a blockquote)."""
    return 0 <= index < len(lines) and bool(_content(lines[index]).strip())


def _indent(line: str) -> int:
    """Columns of indentation after the line's last `>` (whose one space belongs to it)."""
    prefix = _PREFIX_RE.match(line)
    assert prefix is not None
    if ">" not in prefix.group():
        return len(prefix.group())
    return max(0, len(prefix.group().rsplit(">", 1)[1]) - 1)


def _may_separate(lines: list[str], start: int) -> bool:
    """Whether a blank line may go before the block opened on `lines[start]`.

    After a blank line, a line indented a tab stop past its container is indented code (and
    SuperFences turns a block read as indented code back into source). A block indented less
    than that continues its container either way.
    """
    indent = _indent(lines[start])
    if indent < 4:
        return True
    for index in range(start - 1, max(-1, start - 200), -1):
        line = lines[index]
        if not _content(line).strip():
            continue
        outer = _indent(line)
        if outer < indent:
            return bool(_CONTAINER_RE.match(_content(line))) and indent < outer + 8
    return False


def _blank_line(placeholder: str) -> str:
    """A blank line at the placeholder's blockquote depth (`>`), or an empty one."""
    prefix = _PREFIX_RE.match(placeholder)
    assert prefix is not None
    return ">" * prefix.group().count(">")


# --- installing -------------------------------------------------------------------------------


def superfences_preprocessor(md: Markdown) -> SuperFencesBlockPreprocessor | None:
    """SuperFences' block preprocessor (maybe ours) if `md` has SuperFences."""
    if "fenced_code_block" not in md.preprocessors:
        return None
    current = md.preprocessors["fenced_code_block"]
    return current if isinstance(current, SuperFencesBlockPreprocessor) else None


def install(md: Markdown, report: Report | None) -> bool:
    """Put the marked-fence preprocessors in the place of SuperFences' own; False if SuperFences
    is not registered. Idempotent: only the reporting target changes on a second call."""
    current = superfences_preprocessor(md)
    if current is None:
        return False
    extension: SuperFencesCodeExtension = current.extension
    if isinstance(current, MarkedFencesPreprocessor):
        marked = current
    else:
        marked = MarkedFencesPreprocessor(md)
        _adopt(marked, current)
        if extension.superfences and extension.superfences[0]["name"] == "superfences":
            # SuperFences' default formatter is the bound `highlight` of its preprocessor.
            extension.superfences[0]["formatter"] = marked.highlight
        md.preprocessors.register(marked, "fenced_code_block", 25)
        if "fenced_raw_block" in md.preprocessors:
            raw = md.preprocessors["fenced_raw_block"]
            marked_raw = MarkedRawFencesPreprocessor(md)
            _adopt(marked_raw, raw)
            md.preprocessors.register(marked_raw, "fenced_raw_block", 31.05)
    marked.report = report
    return True


def _adopt(new: Any, old: Any) -> None:
    new.config = old.config
    new.extension = old.extension


def finder_for(md: Markdown) -> FenceFinder | None:
    """A `FenceFinder` with `md`'s SuperFences configuration; None without SuperFences."""
    current = superfences_preprocessor(md)
    if current is None:
        return None
    finder = FenceFinder(md)
    _adopt(finder, current)
    return finder
