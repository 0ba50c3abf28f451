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

Fences are found the way SuperFences will find them afterwards (`superfences_model`), so that
both agree on where a block starts and ends; a marked closing fence may be longer than the opening
one, as CommonMark allows, and is cut to length. Code that *shows* marker source is left alone:
fences inside a longer fence, indented code blocks, and raw `<pre>` HTML blocks (Katacoda's own
documentation writes its examples that way). The scanner follows Python-Markdown's block
structure (`markdown_blocks`) as far as it decides where indented code starts, since SuperFences
turns a block that shares a blank-line delimited block with indented code back into source.

`rewrite` is idempotent: a second pass over its output changes nothing. The blank lines it
inserts around a marked block change how Markdown reads the lines next to them (after a blank
line, containers close and a line indented a tab stop deeper is indented code), so the scanner
reads the lines after an insertion as they will stand in the output, inserts no blank line before
a fence that it would turn into indented code, and none where it would move the line on which
SuperFences abandons a fence.

Everything here is pure: no Markdown instance, no logging. Problems come back as `Problem`s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown.extensions.attr_list import get_attrs

from .markdown_blocks import (
    CONTAINER_RE,
    HEADING_OR_RULE_RE,
    PRE_START_RE,
    SETEXT_UNDERLINE_RE,
    TAB_LENGTH,
    Containers,
    Line,
    precedes_setext_underline,
    raw_pre_end,
)
from .markers import MARKER_PATTERN, NO_COPY_CLASS, parse_marker
from .superfences_model import (
    HEADER_RE,
    OPENING_FENCE_RE,
    Verdict,
    abandoned_at,
    opens_fence,
    read_fence_line,
    reads_header,
)

# A closing fence, maybe followed by a marker: SuperFences closes nothing on a marked one.
_CLOSE_RE = re.compile(
    r"(?P<fence>`{3,}|~{3,})[ \t]*(?P<marker>" + MARKER_PATTERN + r")?[ \t]*", re.IGNORECASE
)
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
    """The rewritten lines, problems, and raw `<pre>` blocks to hide from SuperFences."""

    lines: list[str]
    problems: list[Problem] = field(default_factory=list)
    marked_raw_blocks: list[tuple[int, int]] = field(default_factory=list)
    """`(first, last)` line indexes (inclusive) of raw `<pre>` HTML blocks that contain marker
    text or a line SuperFences would open a fence on. The preprocessor hides them from
    SuperFences so that fences shown inside them stay source (SuperFences, which knows no HTML,
    would otherwise pair a fence inside with one outside)."""


def rewrite(lines: list[str]) -> list[str]:
    """The page's lines with marked fences turned into plain SuperFences (see the module doc)."""
    return rewrite_page(lines).lines


def _without_marker(closer: str, closing: re.Match[str], fence: str) -> str:
    """The marked closing fence `closer` without its marker, and with the opening `fence`.

    Extra fence characters go too: SuperFences closes only on a fence exactly as long as the
    opening one. `closing` is `_CLOSE_RE`'s match of the line's content.
    """
    offset = len(closer) - len(closing.string)  # where the fence starts in the line
    return (
        closer[:offset]
        + fence
        + closer[offset + len(closing["fence"]) : offset + closing.start("marker")]
        + closer[offset + closing.end("marker") :]
    )


def annotate_info(info: str, classes: list[str]) -> str | None:
    """A fence header (the text after the fence) with `classes` added; None if unreadable.

    `bash` becomes `bash {.cls}`, `` (no language) `{.text .cls}`, `bash {hl_lines="1"}`
    `bash {hl_lines="1" .cls}`, and options `bash title="x"` become attributes
    `bash {title="x" .cls}`, since SuperFences reads either options or braces, not both.

    A header that SuperFences opens a fence on but whose attributes `attr_list` cannot read to
    the end (`{{open}} {.x}`: its reading stops at the first `}`) would lose the classes; such
    a header is unreadable too.
    """
    annotated = _add_classes(info, classes)
    if annotated is None or not set(classes) <= set(_classes_read(annotated)):
        return None
    return annotated


def _classes_read(info: str) -> list[str]:
    """The classes SuperFences gives a block with this fence header (the language not counted)."""
    match = HEADER_RE.fullmatch(info)
    if match is None or match["attrs"] is None:
        return []
    classes = [value for key, value in get_attrs(match["attrs"]) if key == "."]
    return classes if match["lang"] is not None else classes[1:]  # the first names the language


def _add_classes(info: str, classes: list[str]) -> str | None:
    """`annotate_info`'s rewrite, before checking that SuperFences reads what it wrote."""
    match = HEADER_RE.fullmatch(info)
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
        self.containers = Containers()
        # Whether the line being read starts a block (after a blank line, as it stands in the
        # output): only there can indented code start and containers close.
        self.after_blank = True
        # Whether the line before ended a block (a heading, a rule, a container's title line),
        # so that this line starts one: indented code can start here, but no container closes.
        self.next_starts_block = False
        self.block_started_at = -2  # the last line that started a block
        # Blank lines to insert before these source lines (text: `>` in a blockquote).
        self.separators: dict[int, str] = {}
        # SuperFences tests no line up to this index as an opening fence: they were inside a
        # fence it abandoned (see `fence` and `skip_indented_code`). Markdown still reads them.
        self.fenceless_until = -1
        # Fences SuperFences abandons: opening line, fence, first and last line index.
        self.abandoned: list[tuple[Line, str, int, int]] = []
        # Marked closing fences already reported as not closing their fence.
        self.misplaced: set[int] = set()
        # The line that ended the last indented code block (until a blank line follows) and the
        # blank line for the code block's container.
        self.code_ended_at: tuple[int, str] | None = None
        self.pre_end_cache: tuple[int, int | None] = (len(self.source) + 1, None)

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
        line = Line.parse(self.source[index])
        if not self.source[index].strip():
            self.after_blank = True
            self.code_ended_at = None
            return index + 1
        # Indentation decides before `>` does: `    > x` at a block start is indented code.
        if self.after_blank or self.containers.ended_by(line.outer_indent):
            self.containers.close(line.outer_indent)
        column = self.containers.innermost
        starts_block = self.after_blank or self.next_starts_block
        if starts_block and line.outer_indent >= column + TAB_LENGTH:
            return self.skip_indented_code(index, column + TAB_LENGTH)
        if line.blank:  # a blank line inside a blockquote, but not between Markdown's blocks
            self.after_blank = True
            return index + 1
        if starts_block and line.indent >= column + TAB_LENGTH:
            return self.skip_indented_code(index, column + TAB_LENGTH)
        self.after_blank = self.next_starts_block = False
        if starts_block:
            self.block_started_at = index
        sees_fences = index > self.fenceless_until
        if (
            self.containers.at_page_level
            and line.quote_level == 0
            and PRE_START_RE.match(line.content)
            and (end := self.raw_pre_block(index, sees_fences)) is not None
        ):
            self.next_starts_block = True  # a raw HTML block ends where its tag closes
            return end + 1
        opening = OPENING_FENCE_RE.fullmatch(line.content)
        if (
            opening is not None
            and index not in self.misplaced
            and self.is_fence_header(opening, index)  # first: it escapes stray markers
            and sees_fences
        ):
            return self.fence(index, line, opening)
        if HEADING_OR_RULE_RE.fullmatch(line.content) or (
            index == self.block_started_at + 1 and SETEXT_UNDERLINE_RE.fullmatch(line.content)
        ):
            # Python-Markdown splits blocks at headings and rules wherever they are; a setext
            # underline is one only under a block's first line.
            self.next_starts_block = True
            return index + 1
        container = CONTAINER_RE.match(line.content)
        if container is not None and not (
            starts_block and precedes_setext_underline(self.source, index)
        ):
            self.next_starts_block = self.containers.open(line, container, starts_block)
        return index + 1

    def skip_indented_code(self, index: int, column: int) -> int:
        """Skip an indented code block (kept verbatim: it shows source).

        SuperFences does not know indented code: it opens fences inside the block too (and the
        block processor reverts them later). One still open when the block ends is abandoned on
        the line that ends the block, and SuperFences never tests that line as an opening fence.
        """
        fence: tuple[Line, str] | None = None  # SuperFences' open fence: opening line, fence
        fence_start = index
        after_empty = False
        # Indented code outside any blockquote on its first line (`    > x` included), or inside.
        outside = Line.parse(self.source[index]).outer_indent >= column
        end = index
        while end < len(self.source):
            text = self.source[end]
            line = Line.parse(text)
            if outside and text.strip() and line.outer_indent < column:
                break
            if not outside and not line.blank and line.indent < column:
                break
            if fence is not None:
                verdict = read_fence_line(*fence, text, after_empty)
                if verdict in (Verdict.CLOSE, Verdict.ABANDON):
                    fence = None
                after_empty = verdict is Verdict.EMPTY
            elif not line.blank:
                opening = OPENING_FENCE_RE.fullmatch(line.content)
                if opening is not None and reads_header(opening) and end > self.fenceless_until:
                    fence = (line, opening["fence"])
                    fence_start = end
                    after_empty = False
            end += 1
        self.after_blank = True
        if fence is not None:
            self.abandoned.append((*fence, fence_start, end))
            self.fenceless_until = max(self.fenceless_until, end)
        blank_line = "" if outside else self.blank_line(Line.parse(self.source[index]))
        self.code_ended_at = (end, blank_line) if end < len(self.source) else None
        return end

    def raw_pre_block(self, index: int, sees_fences: bool) -> int | None:
        """The last line of the raw `<pre>` block starting at `index`; None if there is none.

        A block SuperFences must not see is recorded in `marked_raw_blocks`. One that starts
        inside a fence SuperFences abandons is not (hiding it would change how SuperFences
        reads the fence), so it must hold no opening fence after that fence to be skipped.
        """
        # The first `</pre>` at or after `index` serves every `<pre>` up to it: searching again
        # for each of thousands of unclosed `<pre>` lines was quadratic.
        searched_from, end = self.pre_end_cache
        if not (searched_from <= index and (end is None or index <= end)):
            end = raw_pre_end(self.source, index)
            self.pre_end_cache = (index, end)
        if end is None:
            return None
        if not sees_fences and any(
            opens_fence(text) for text in self.source[self.fenceless_until + 1 : end + 1]
        ):
            return None  # SuperFences reads the block's lines after the fence it abandoned
        block = self.source[index : end + 1]
        if sees_fences and any(
            _MARKER_ANYWHERE_RE.search(text) or opens_fence(text) for text in block
        ):
            self.result.marked_raw_blocks.append((index, end))
        return end

    def is_fence_header(self, opening: re.Match[str], index: int) -> bool:
        """Whether an opening-fence look-alike opens a fence, as SuperFences will see it."""
        marker = _MARKER_ANYWHERE_RE.fullmatch(opening["info"].strip())
        if marker is not None:
            # SuperFences would open a fence here (it reads `{{execute}}` as attributes) and
            # swallow the page up to the next bare fence. A backslash makes the line text.
            self.problem(index, f"the marker {marker[0]!r} closes no code fence")
            line = self.source[index]
            offset = len(line) - len(opening.string)
            self.result.lines[index] = f"{line[:offset]}\\{line[offset:]}"
            return False
        # SuperFences does not open a fence on a header it cannot read; neither do we.
        return reads_header(opening)

    def fence(self, index: int, opener: Line, opening: re.Match[str]) -> int:
        """Process the fence opened at `index`; return the index after it."""
        fence = opening["fence"]
        misplaced: list[int] = []  # marked closing fences that do not close this fence
        after_empty = False
        for end in range(index + 1, len(self.source)):
            text = self.source[end]
            closing = _CLOSE_RE.fullmatch(Line.parse(text).content)
            if (
                closing is not None
                and closing["marker"] is not None
                and closing["fence"][0] == fence[0]
            ):
                # A marked fence closes this one if SuperFences will close it once rewritten.
                rewritten = _without_marker(text, closing, fence)
                if len(closing["fence"]) >= len(fence) and (
                    read_fence_line(opener, fence, rewritten, after_empty) is Verdict.CLOSE
                ):
                    self.rewrite_fence(index, end, opener, opening, closing)
                    self.separate_from_code()
                    self.separate_before(index, opener)
                    self.separate_after(index, end, opener)
                    # The next line now follows a blank line (inserted or moved), as the next
                    # pass over our own output will see it.
                    self.after_blank = True
                    return end + 1
                misplaced.append(end)
            verdict = read_fence_line(opener, fence, text, after_empty)
            if verdict is Verdict.CLOSE:
                return end + 1
            if verdict is Verdict.ABANDON:
                # SuperFences abandons a fence whose container ends before it is closed, and
                # does not read its lines, nor the line that ends it, as opening fences; but
                # Markdown reads them all as usual.
                self.unclosed(index, fence, misplaced)
                self.misplaced.update(misplaced)
                self.abandoned.append((opener, fence, index, end))
                self.fenceless_until = end
                return index + 1
            after_empty = verdict is Verdict.EMPTY
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
        opener: Line,
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
        if info is None:
            # The fence still gets closed: left alone, the marked closing fence would swallow
            # the rest of the page.
            self.problem(
                start,
                f"the marker {closing['marker']!r} on line {end + 1} is dropped: the classes "
                "it stands for cannot be added to this fence header",
            )
        else:
            lines[start] = f"{opener.prefix}{opening['fence']}{info}"
        lines[end] = _without_marker(self.source[end], closing, opening["fence"])
        # Blank lines at the end of the block move below the closing fence. Not in a
        # blockquote: there SuperFences would wrap the block in a paragraph because of a `>`
        # line after it; inside, Pygments drops them (`stripnl`) and so does our script.
        if opener.quote_level:
            return
        trailing = end
        while trailing - 1 > start and not self.source[trailing - 1].strip():
            trailing -= 1
        if trailing < end:
            lines[trailing : end + 1] = [lines[end], *self.source[trailing:end]]

    # SuperFences leaves a placeholder line where a block was; Python-Markdown then reads it and
    # the text on the line before or after as one paragraph, and the block ends up inside a
    # `<p>` with the prose. Katacoda authors write prose right after `{{execute}}`, so marked
    # blocks get blank lines (`>` in a blockquote) where text touches them.

    def separate_from_code(self) -> None:
        """Put a blank line between an indented code block and the text after it.

        Markdown reads the same either way, but SuperFences' indented-code processor turns
        every fenced block back into source that shares a (blank-line delimited) block with
        indented code.
        """
        if self.code_ended_at is not None:
            end, blank_line = self.code_ended_at
            if self.keeps_abandoned_fences(end, blank_line):
                self.separators[end] = blank_line

    def keeps_abandoned_fences(self, index: int, blank_line: str) -> bool:
        """Whether SuperFences still abandons its fences where it did with `blank_line` inserted
        before line `index` (in a blockquote, a blank line and a shallower quote end a fence;
        a `>` line ends an unquoted one)."""
        for opener, fence, start, end in self.abandoned:
            if start < index <= end:
                lines = [*self.source[start + 1 : index], blank_line, *self.source[index : end + 1]]
                return abandoned_at(opener, fence, lines) == len(lines) - 1
        return True

    def separate_before(self, start: int, opener: Line) -> None:
        if start == 0:
            return
        previous = self.source[start - 1]
        # A bare `>` line is blank inside a blockquote only; outside, it is quoted text.
        if not previous.strip() or (opener.quote_level and Line.parse(previous).blank):
            return
        # After a blank line, Markdown closes the containers the opener is not indented into;
        # an opener indented a tab stop past what is left open would be indented code. Such a
        # fence continues the paragraph before it and must stay touching it.
        column = max(column for column in self.containers.columns if column <= opener.indent)
        if opener.indent >= column + TAB_LENGTH:
            return
        # A blank line that ends indented code right here is already a separator.
        self.separators.setdefault(start, self.blank_line(opener))
        self.containers.close(opener.indent)  # as the next pass, after the blank line, will

    def separate_after(self, start: int, end: int, opener: Line) -> None:
        moved_blanks = end - 1 > start and not self.source[end - 1].strip()
        if opener.quote_level and moved_blanks:
            moved_blanks = False  # in a blockquote they stay inside the block
        after = end + 1
        if (
            not moved_blanks
            and after < len(self.source)
            and not Line.parse(self.source[after]).blank
        ):
            self.separators[after] = self.blank_line(opener)

    @staticmethod
    def blank_line(opener: Line) -> str:
        return opener.prefix.rsplit(">", 1)[0] + ">" if opener.quote_level else ""

    def problem(self, index: int, message: str) -> None:
        self.result.problems.append(Problem(index + 1, message))
