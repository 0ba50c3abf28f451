"""Rewrite fences closed with a Katacoda marker (```` ```{{execute}} ````) into plain SuperFences.

SuperFences accepts only whitespace after a closing fence, so ```` ```{{execute}} ```` closes
nothing and the rest of the page vanishes into one code block. `rewrite` runs on the page's lines
before SuperFences and turns

    ```bash                          ```bash {.stepwise-execute .stepwise-terminal-2 .no-copy}
    ls -l                   into     ls -l
                                     ```
    ```{{execute T2}}

moving the marked block's trailing blank lines below its closing fence (where they are harmless),
so that the rewrite drops nothing but the marker itself. The classes survive with and without
`attr_list` (SuperFences keeps a header's classes either way, but its other attributes only with
`attr_list`); `.no-copy` keeps Material from adding a second copy button (ours is added by
`assets/execute.js`).

Fences are found the way SuperFences will find them afterwards, so that both agree on where a
block starts and ends: the closing fence uses the opening fence's character, is at least as long
(CommonMark) and sits at the opening fence's indentation and blockquote depth. Code that *shows*
marker source is left alone: fences inside a longer fence, indented code blocks, and raw `<pre>`
HTML blocks (Katacoda's own documentation writes its examples that way).

Everything here is pure: no Markdown instance, no logging. Problems come back as `Problem`s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown.extensions.attr_list import get_attrs

from .execute_markers import MARKER_PATTERN, NO_COPY_CLASS, parse_marker

TAB_LENGTH = 4
"""Python-Markdown's default; its whitespace normaliser has expanded tabs before we run."""

_PREFIX_RE = re.compile(r"[ \t>]*")
_OPEN_RE = re.compile(r"(?P<fence>`{3,}|~{3,})(?P<info>.*)")
_CLOSE_RE = re.compile(
    r"(?P<fence>`{3,}|~{3,})[ \t]*(?P<marker>" + MARKER_PATTERN + r")?[ \t]*", re.IGNORECASE
)
# SuperFences' reading of a fence header: an optional language, then `{attributes}` or options.
_INFO_RE = re.compile(
    r"[ \t]*(?:\.?(?P<lang>[\w#.+-]+)(?=[ \t]|$))?[ \t]*"
    r"(?:\{(?P<attrs>.*)\}|(?P<options>(?:[ \t]*[a-zA-Z][a-zA-Z0-9_]*(?:=(?P<q>[\"']).*?(?P=q))?"
    r"(?=[ \t]|$))+))?[ \t]*"
)
# Python-Markdown containers whose body is indented by one tab stop: list items, admonitions and
# details (`!!!`, `???`, `???+`), content tabs (`===`, `===+`).
_CONTAINER_RE = re.compile(r"(?:[-*+]|\d{1,9}[.)]|!!!|\?\?\?\+?|===\+?)(?:[ \t]|$)")
_PRE_START_RE = re.compile(r"<pre(?:[ \t>]|$)", re.IGNORECASE)
_PRE_END_RE = re.compile(r"</pre>", re.IGNORECASE)
_MARKER_ANYWHERE_RE = re.compile(MARKER_PATTERN, re.IGNORECASE)

DEFAULT_LANGUAGE = "text"
"""Given to an unnamed marked fence: SuperFences would otherwise take our first class as it."""


@dataclass(frozen=True)
class Problem:
    """Something the author should fix; `line` is 1-based."""

    line: int
    message: str


@dataclass
class RewriteResult:
    """The rewritten lines, problems, and raw `<pre>` blocks with markers."""

    lines: list[str]
    problems: list[Problem] = field(default_factory=list)
    marked_raw_blocks: list[tuple[int, int]] = field(default_factory=list)
    """`(first, last)` line indexes (inclusive) of raw `<pre>` HTML blocks that contain marker
    text. The preprocessor hides them from SuperFences so that fences shown inside them stay
    source."""


@dataclass(frozen=True)
class _Line:
    """A line split into its container prefix (spaces and `>`) and its content."""

    prefix: str
    content: str

    @classmethod
    def parse(cls, line: str) -> _Line:
        prefix = _PREFIX_RE.match(line)
        assert prefix is not None  # the pattern matches the empty string
        return cls(line[: prefix.end()], line[prefix.end() :])

    @property
    def blank(self) -> bool:
        return not self.content.strip()

    @property
    def quote_level(self) -> int:
        return self.prefix.count(">")

    @property
    def width(self) -> int:
        """The prefix's width in columns, as SuperFences compares prefixes."""
        return len(self.prefix.expandtabs(TAB_LENGTH))

    @property
    def indent(self) -> int:
        """Columns of indentation inside the innermost blockquote (its `> ` not counted)."""
        inner = self.prefix.rsplit(">", 1)[-1] if ">" in self.prefix else self.prefix
        columns = len(inner.expandtabs(TAB_LENGTH))
        return columns - 1 if ">" in self.prefix and inner.startswith(" ") else columns


def rewrite(lines: list[str]) -> list[str]:
    """The page's lines with marked fences turned into plain SuperFences (see the module doc)."""
    return rewrite_page(lines).lines


def annotate_info(info: str, classes: list[str]) -> str | None:
    """A fence header (the text after the fence) with `classes` added; None if unreadable.

    `bash` becomes `bash {.cls}`, `` (no language) `{.text .cls}`, `bash {hl_lines="1"}`
    `bash {hl_lines="1" .cls}`, and options `bash title="x"` become attributes
    `bash {title="x" .cls}`, since SuperFences reads either options or braces, not both.
    """
    match = _INFO_RE.fullmatch(info)
    if match is None:
        return None
    added = " ".join(f".{name}" for name in classes)
    has_lang = match["lang"] is not None
    attrs = match["attrs"]
    if attrs is not None:
        opening = match.start("attrs")  # just after "{"
        closing = match.end("attrs")  # at "}"
        names_lang = has_lang or any(key == "." for key, _ in get_attrs(attrs))
        lead = "" if names_lang else f".{DEFAULT_LANGUAGE} "
        inner = info[opening:closing]
        return f"{info[:opening]}{lead}{inner.rstrip()} {added}{info[closing:]}"
    options = match["options"]
    if options is not None:
        head = info[: match.start("options")].rstrip()
        lang = "" if has_lang else f".{DEFAULT_LANGUAGE} "
        separator = " " if head else ""
        return f"{head}{separator}{{{lang}{options.strip()} {added}}}{info[match.end('options') :]}"
    if has_lang:
        return f"{info.rstrip()} {{{added}}}"
    return f"{info.rstrip()} {{.{DEFAULT_LANGUAGE} {added}}}"


def rewrite_page(lines: list[str]) -> RewriteResult:
    """Rewrite every marked fence in `lines`; see the module doc."""
    return _Scanner(lines).run()


class _Scanner:
    """One pass over a page, tracking just enough block structure to find real fences."""

    def __init__(self, lines: list[str]) -> None:
        self.source = lines
        self.result = RewriteResult(lines=list(lines))
        # Content columns of the open containers (list items, admonitions, tabs); 0 is the page.
        self.containers = [0]
        self.after_blank = True
        # Blank lines to insert before these source lines (text: `>` in a blockquote).
        self.separators: dict[int, str] = {}

    def run(self) -> RewriteResult:
        index = 0
        while index < len(self.source):
            index = self.step(index)
        self.insert_separators()
        return self.result

    def insert_separators(self) -> None:
        """Insert the blank lines that keep marked blocks out of the paragraphs around them."""
        if not self.separators:
            return
        lines: list[str] = []
        new_index: list[int] = []  # source index -> index in `lines`
        for index, line in enumerate(self.result.lines):
            if index in self.separators:
                lines.append(self.separators[index])
            new_index.append(len(lines))
            lines.append(line)
        self.result.lines = lines
        self.result.marked_raw_blocks = [
            (new_index[first], new_index[last]) for first, last in self.result.marked_raw_blocks
        ]

    def step(self, index: int) -> int:
        """Handle the construct starting at `index`; return the index after it."""
        line = _Line.parse(self.source[index])
        if line.blank:
            self.after_blank = True
            return index + 1
        if self.after_blank:
            self.close_containers(line.indent)
        column = self.containers[-1]
        if self.after_blank and line.indent >= column + TAB_LENGTH:
            return self.skip_indented_code(index, column + TAB_LENGTH)
        self.after_blank = False
        if (
            len(self.containers) == 1
            and line.quote_level == 0
            and _PRE_START_RE.match(line.content)
        ):
            end = self.raw_pre_end(index)
            if end is not None:
                return end + 1
        opening = _OPEN_RE.fullmatch(line.content)
        if opening is not None and self.is_fence_header(opening, index):
            # A fence indented like code that continues a paragraph must stay touching it: a
            # blank line in between would make it an indented code block.
            continues_paragraph = line.indent >= column + TAB_LENGTH
            return self.fence(index, line, opening, continues_paragraph)
        if _CONTAINER_RE.match(line.content):
            self.close_containers(line.indent + 1)
            self.containers.append(line.indent + TAB_LENGTH)
        return index + 1

    def close_containers(self, indent: int) -> None:
        while len(self.containers) > 1 and indent < self.containers[-1]:
            self.containers.pop()

    def skip_indented_code(self, index: int, column: int) -> int:
        """Skip an indented code block (kept verbatim: it shows source)."""
        end = index
        while end < len(self.source):
            line = _Line.parse(self.source[end])
            if not line.blank and line.indent < column:
                break
            end += 1
        self.after_blank = True
        return end

    def raw_pre_end(self, index: int) -> int | None:
        """The last line of the raw `<pre>` block starting at `index`; None if never closed."""
        for end in range(index, len(self.source)):
            if _PRE_END_RE.search(self.source[end]):
                if any(_MARKER_ANYWHERE_RE.search(text) for text in self.source[index : end + 1]):
                    self.result.marked_raw_blocks.append((index, end))
                return end
        return None

    def is_fence_header(self, opening: re.Match[str], index: int) -> bool:
        """Whether an opening-fence look-alike opens a fence, as SuperFences will see it."""
        info = opening["info"]
        if opening["fence"].startswith("`") and "`" in info:
            return False  # CommonMark: a backtick fence's info string has no backticks
        marker = _MARKER_ANYWHERE_RE.fullmatch(info.strip())
        if marker is not None:
            # SuperFences would open a fence here (it reads `{{execute}}` as attributes) and
            # swallow the page up to the next bare fence. A backslash makes the line text.
            self.problem(index, f"the marker {marker[0]!r} closes no code fence")
            line = self.source[index]
            offset = len(line) - len(opening.string)
            self.result.lines[index] = f"{line[:offset]}\\{line[offset:]}"
            return False
        # SuperFences does not open a fence on a header it cannot read; neither do we.
        return _INFO_RE.fullmatch(info) is not None

    def fence(
        self, index: int, opener: _Line, opening: re.Match[str], continues_paragraph: bool
    ) -> int:
        """Process the fence opened at `index`; return the index after it."""
        fence = opening["fence"]
        misplaced: list[int] = []  # marked closing fences that do not close this fence
        for end in range(index + 1, len(self.source)):
            line = _Line.parse(self.source[end])
            if line.blank:
                continue
            closing = _CLOSE_RE.fullmatch(line.content)
            is_marked_closer = (
                closing is not None
                and closing["marker"] is not None
                and closing["fence"][0] == fence[0]
            )
            if line.quote_level != opener.quote_level or (
                opener.quote_level == 0 and line.width < opener.width
            ):
                # SuperFences abandons a fence whose container ends before it is closed.
                if is_marked_closer:
                    misplaced.append(end)
                self.unclosed(index, fence, misplaced)
                return end + 1
            if (
                closing is not None
                and closing["fence"][0] == fence[0]
                and len(closing["fence"]) >= len(fence)
                and line.width == opener.width
            ):
                if closing["marker"] is not None:
                    self.rewrite_fence(index, end, opener, opening, closing)
                    if not continues_paragraph:
                        self.separate_before(index, opener)
                    self.separate_after(index, end, opener)
                return end + 1
            if is_marked_closer:
                misplaced.append(end)
        self.unclosed(index, fence, misplaced)
        return len(self.source)

    def unclosed(self, index: int, fence: str, misplaced: list[int]) -> None:
        if not misplaced:
            return  # not ours: an ordinary unclosed fence
        where = ", ".join(str(line + 1) for line in misplaced)
        self.problem(
            index,
            f"the code fence opened here ({fence}) is never closed: the marked fence on line "
            f"{where} needs at least {len(fence)} {fence[0]!r} characters at this fence's "
            "indentation to close it",
        )

    def rewrite_fence(
        self,
        start: int,
        end: int,
        opener: _Line,
        opening: re.Match[str],
        closing: re.Match[str],
    ) -> None:
        lines = self.result.lines
        parsed = parse_marker(closing["marker"])
        assert parsed is not None  # `closing` matched the same pattern
        if parsed.ignored:
            self.problem(end, f"ignored marker modifiers: {' '.join(parsed.ignored)}")
        classes = parsed.marker.css_classes()
        if NO_COPY_CLASS not in classes:
            classes.append(NO_COPY_CLASS)  # our script adds the one copy button
        info = annotate_info(opening["info"], classes)
        if info is None:  # unreachable while `is_fence_header` rejects unreadable headers
            self.problem(start, f"cannot add {closing['marker']!r} to this fence header")
            return
        lines[start] = f"{opener.prefix}{opening['fence']}{info}"
        closer = self.source[end]
        offset = len(closer) - len(closing.string)  # where the fence starts in the line
        # The marker goes; so do extra fence characters: SuperFences closes only on a fence
        # exactly as long as the opening one.
        lines[end] = (
            closer[:offset]
            + opening["fence"]
            + closer[offset + len(closing["fence"]) : offset + closing.start("marker")]
            + closer[offset + closing.end("marker") :]
        )
        # Blank lines at the end of the block move below the closing fence. Not in a
        # blockquote: there SuperFences would wrap the block in a paragraph because of a `>`
        # line after it; inside, Pygments drops them (`stripnl`) and so does our script.
        if opener.quote_level:
            return
        trailing = end
        while trailing - 1 > start and _Line.parse(self.source[trailing - 1]).blank:
            trailing -= 1
        if trailing < end:
            lines[trailing : end + 1] = [lines[end], *self.source[trailing:end]]

    # SuperFences leaves a placeholder line where a block was; Python-Markdown then reads it and
    # the text on the line before or after as one paragraph, and the block ends up inside a
    # `<p>` with the prose. Katacoda authors write prose right after `{{execute}}`, so marked
    # blocks get blank lines (`>` in a blockquote) where text touches them.

    def separate_before(self, start: int, opener: _Line) -> None:
        if start > 0 and not _Line.parse(self.source[start - 1]).blank:
            self.separators[start] = self.blank_line(opener)

    def separate_after(self, start: int, end: int, opener: _Line) -> None:
        moved_blanks = end - 1 > start and _Line.parse(self.source[end - 1]).blank
        if opener.quote_level and moved_blanks:
            moved_blanks = False  # in a blockquote they stay inside the block
        after = end + 1
        if (
            not moved_blanks
            and after < len(self.source)
            and not _Line.parse(self.source[after]).blank
        ):
            self.separators[after] = self.blank_line(opener)

    @staticmethod
    def blank_line(opener: _Line) -> str:
        return opener.prefix.rsplit(">", 1)[0] + ">" if opener.quote_level else ""

    def problem(self, index: int, message: str) -> None:
        self.result.problems.append(Problem(index + 1, message))
