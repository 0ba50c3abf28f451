"""Parse Hugo shortcodes out of Markdown text, leaving code untouched.

Hugo writes `{{< name arg "quoted arg" key="value" >}}` (the inner text is not Markdown) and
`{{% name %}}` (the inner text is Markdown); paired shortcodes close with `{{< /name >}}`, and
`{{</* name */>}}` is the escape that prints `{{< name >}}` literally. This module turns a page
into a flat-then-nested list of nodes and knows nothing about what a shortcode renders to.

Text inside fenced code blocks and inline code spans stays verbatim (real posts document
shortcodes in code), except that Hugo's escaped form is unescaped there too: authors only write
`{{</* x */>}}` to *show* `{{< x >}}`, most often inside code.

Pure functions only: no Markdown, no logging. Problems come back as data with line numbers.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from ..problems import Problem

OPENERS = {"<": ">", "%": "%"}


@dataclass(frozen=True)
class Tag:
    """One `{{< … >}}` or `{{% … %}}` tag as written."""

    name: str
    positional: tuple[str, ...] = ()
    named: tuple[tuple[str, str], ...] = ()
    markdown: bool = False
    """True for `{{% … %}}`: the inner text is Markdown."""
    closing: bool = False
    self_closing: bool = False
    source: str = ""
    line: int = 1
    """1-based line of the tag's first character."""

    def get(self, key: str, position: int | None = None, default: str = "") -> str:
        """A named parameter, else the positional one at `position` (Hugo's `.Get`)."""
        for name, value in self.named:
            if name == key:
                return value
        if position is not None and position < len(self.positional):
            return self.positional[position]
        return default


@dataclass(frozen=True)
class Text:
    """Plain text, copied through as it is (code regions included)."""

    text: str


@dataclass(frozen=True)
class Escaped:
    """Hugo's `{{</* name */>}}`: shows `{{< name >}}` literally."""

    literal: str
    line: int


@dataclass(frozen=True)
class Shortcode:
    """A shortcode call: a lone tag, or an opening tag with its inner nodes and closing tag."""

    tag: Tag
    children: tuple[Node, ...] | None = None
    """Inner nodes of a paired shortcode whose inner text is parsed; None when unpaired."""
    body: str | None = None
    """Verbatim inner text, for shortcodes whose body is code (never parsed)."""
    closing: Tag | None = None

    @property
    def paired(self) -> bool:
        return self.closing is not None

    @property
    def source(self) -> str:
        """The whole call as written, for messages and for showing unknown shortcodes."""
        if self.closing is None:
            return self.tag.source
        if self.body is not None:
            inner = self.body
        else:
            inner = "".join(node_source(child) for child in self.children or ())
        return self.tag.source + inner + self.closing.source


Node = Text | Escaped | Shortcode


@dataclass
class ParseResult:
    nodes: list[Node] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def node_source(node: Node) -> str:
    """The text a node was parsed from (escaped forms come back unescaped)."""
    if isinstance(node, Text):
        return node.text
    if isinstance(node, Escaped):
        return node.literal
    return node.source


# --- tags -----------------------------------------------------------------------------------

_TAG_START = re.compile(r"\{\{([<%])")
_ESCAPED = re.compile(r"\{\{([<%])/\*(.*?)\*/([>%])\}\}", re.DOTALL)
_NAME = re.compile(r"[\w.\-/]+")
_TOC_COMMENT = re.compile(r"[ \t]*<!--[ \t]*toc[ \t]*-->[ \t]*(?=\n|$)", re.IGNORECASE)
_TOCSTOP_COMMENT = re.compile(r"^[ \t]*<!--[ \t]*tocstop[ \t]*-->[ \t]*$", re.IGNORECASE | re.M)


_ESCAPED_OPEN = re.compile(r"\{\{([<%])/\*")
_ESCAPED_CLOSE = re.compile(r"\*/([>%])\}\}")


class _NextMatch:
    """The first match of `pattern` at or after a position, for positions that only grow.

    Searching again from every position is quadratic when there is no match (16,000
    unclosed `{{</*`); this searches again only once the remembered match is behind.
    """

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern = pattern
        self.text = text
        self.found: re.Match[str] | None = None
        self.exhausted = False

    def at_or_after(self, pos: int) -> re.Match[str] | None:
        if self.exhausted:
            return None
        if self.found is None or self.found.start() < pos:
            self.found = self.pattern.search(self.text, pos)
            self.exhausted = self.found is None
        return self.found


def _escaped_at(text: str, pos: int, closes: _NextMatch) -> re.Match[str] | None:
    """The escaped call `{{</* x */>}}` starting at `pos`, as `_ESCAPED` would match it."""
    if not _ESCAPED_OPEN.match(text, pos):
        return None
    close = closes.at_or_after(pos + 5)
    return _ESCAPED.match(text, pos, close.end()) if close else None


def unescape(text: str) -> str:
    """Replace Hugo's escaped calls `{{</* x */>}}` with what they show, `{{< x >}}`."""
    if "/*" not in text:
        return text
    closes = _NextMatch(_ESCAPED_CLOSE, text)
    out: list[str] = []
    done = 0
    for opening in _ESCAPED_OPEN.finditer(text):
        if opening.start() < done:
            continue
        escaped = _escaped_at(text, opening.start(), closes)
        if escaped is None:
            if closes.exhausted:
                break
            continue
        out += [text[done : escaped.start()], "{{", escaped[1], escaped[2], escaped[3], "}}"]
        done = escaped.end()
    return "".join(out) + text[done:]


def parse_tag(text: str, start: int) -> tuple[Tag, int] | str:
    """Read the tag starting at `text[start:]` (`{{<` or `{{%`).

    Returns the tag and the index just past it, or a message saying why it is not a tag.
    Hugo's quoting is followed: `"…"` with backslash escapes, `` `…` `` raw strings, bare
    words, and `key=value`. Sloppy spacing such as `{{< codeblock "Source" Shell>}}` is fine.
    """
    opener = text[start + 2]
    closer = OPENERS[opener] + "}}"
    pos = start + 3
    end = len(text)

    def skip_space(at: int) -> int:
        while at < end and text[at] in " \t\r\n":
            at += 1
        return at

    pos = skip_space(pos)
    closing = text.startswith("/", pos)
    if closing:
        pos = skip_space(pos + 1)
    name_match = _NAME.match(text, pos)
    name = name_match.group().rstrip("/") if name_match else ""
    if not name_match or not name:
        return "a shortcode tag without a name"
    pos = name_match.start() + len(name)
    positional: list[str] = []
    named: list[tuple[str, str]] = []
    while True:
        pos = skip_space(pos)
        if pos >= end or text.startswith("{{", pos):
            return f"the tag `{{{{{opener} {name}` is never closed with `{closer}`"
        if text.startswith(closer, pos) or text.startswith("/" + closer, pos):
            self_closing = text[pos] == "/"
            pos += len(closer) + (1 if self_closing else 0)
            break
        for other in OPENERS.values():
            if other != OPENERS[opener] and text.startswith(other + "}}", pos):
                return f"the tag `{{{{{opener} {name}` ends with `{other}}}}}`, not `{closer}`"
        token, pos = _read_value(text, pos, closer)
        if token is None:
            return f"an unterminated quoted value in the tag `{{{{{opener} {name}`"
        after = skip_space(pos)
        if after < end and text[after] == "=" and token:
            value, pos = _read_value(text, skip_space(after + 1), closer)
            if value is None:
                return f"an unterminated quoted value in the tag `{{{{{opener} {name}`"
            named.append((token, value))
        else:
            positional.append(token)
    tag = Tag(
        name=name,
        positional=tuple(positional),
        named=tuple(named),
        markdown=opener == "%",
        closing=closing,
        self_closing=self_closing,
        source=text[start:pos],
    )
    return tag, pos


def _read_value(text: str, pos: int, closer: str) -> tuple[str | None, int]:
    """One parameter token: a quoted string, a raw string or a bare word (None: unterminated)."""
    if pos >= len(text):
        return None, pos
    quote = text[pos]
    if quote == '"':
        out: list[str] = []
        pos += 1
        while pos < len(text):
            char = text[pos]
            if char == "\\" and pos + 1 < len(text):
                out.append(text[pos + 1])
                pos += 2
                continue
            if char == '"':
                return "".join(out), pos + 1
            out.append(char)
            pos += 1
        return None, pos
    if quote == "`":
        close = text.find("`", pos + 1)
        if close < 0:
            return None, pos
        return text[pos + 1 : close], close + 1
    start = pos
    while (
        pos < len(text)
        and text[pos] not in " \t\r\n="
        and not text.startswith(closer, pos)
        and not text.startswith("/" + closer, pos)
    ):
        pos += 1
    if pos == start:  # a stray "=": skip it so the caller always advances
        return "", pos + 1
    return text[start:pos], pos


# --- code regions ---------------------------------------------------------------------------


def _run_end(text: str, start: int) -> int:
    """The index just past the run of backticks that starts at `start`."""
    end = start
    while end < len(text) and text[end] == "`":
        end += 1
    return end


def _code_span_end(text: str, start: int) -> int | None:
    """If a code span opens at `start` (a backtick run), the index just past it.

    The span closes at the next run of exactly as many backticks; it cannot cross a blank
    line, which ends the paragraph.
    """
    run_end = _run_end(text, start)
    run = run_end - start
    paragraph_end = re.compile(r"\n[ \t]*\n").search(text, run_end)
    limit = paragraph_end.start() if paragraph_end else len(text)
    for match in re.finditer(r"`+", text[run_end:limit]):
        if len(match.group()) == run:
            return run_end + match.end()
    return None


# --- tokenising and pairing -----------------------------------------------------------------


@dataclass(frozen=True)
class _Lines:
    starts: list[int]

    @classmethod
    def of(cls, text: str) -> _Lines:
        return cls([0] + [m.end() for m in re.finditer("\n", text)])

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


def _line_end(text: str, lines: _Lines, index: int) -> int:
    """The offset just past line `index` (its newline excluded), or the end of the text."""
    if index + 1 < len(lines.starts):
        return lines.starts[index + 1] - 1
    return len(text)


def tokenize(
    text: str,
    *,
    verbatim: Collection[str] = (),
    ignored: Collection[str] = (),
    fenced: Sequence[tuple[int, int]] = (),
) -> tuple[list[Node | Tag], list[Problem]]:
    """Split `text` into text, escaped calls, tags, and whole verbatim-body shortcodes.

    `verbatim` names shortcodes whose body is code: their closing tag is found textually and
    the body is never parsed. `ignored` names shortcodes owned by another extension: they stay
    text, untouched and unreported. `fenced` holds the `(first, last + 1)` line ranges of the
    fenced code blocks (from `fences.fenced_ranges`, which asks SuperFences): kept verbatim.
    """
    tokenizer = _Tokenizer(text, frozenset(verbatim), frozenset(ignored), fenced)
    tokenizer.run()
    return tokenizer.tokens, tokenizer.problems


class _Tokenizer:
    """One pass over a page. At each position, one phase takes what starts there: a block at
    the start of a line (a fenced block, a `<!-- toc -->` comment), a code span, or a tag (an
    escaped call, a tag, a verbatim-body call); anything else is plain text."""

    def __init__(
        self,
        text: str,
        verbatim: frozenset[str],
        ignored: frozenset[str],
        fenced: Sequence[tuple[int, int]],
    ) -> None:
        self.text = text
        self.verbatim = verbatim
        self.ignored = ignored
        self.lines = _Lines.of(text)
        # Offset of each fenced block's first line -> offset just past its last line.
        self.fence_ends = {
            self.lines.starts[first]: _line_end(text, self.lines, end - 1)
            for first, end in fenced
            if first < len(self.lines.starts)
        }
        self.tokens: list[Node | Tag] = []
        self.problems: list[Problem] = []
        self.plain_start = 0  # where the plain text not yet emitted starts
        self.pos = 0
        # Searches that would otherwise start again at every `{{</*`, `<!-- toc -->` or
        # unclosed verbatim call, each to the end of the page: quadratic.
        self.escape_closes = _NextMatch(_ESCAPED_CLOSE, text)
        self.toc_stops = _NextMatch(_TOCSTOP_COMMENT, text)
        self.tocs = _NextMatch(_TOC_COMMENT, text)
        self.verbatim_closes: dict[str, _NextMatch] = {}

    def run(self) -> None:
        text = self.text
        while self.pos < len(text):
            pos = self.pos
            if (pos == 0 or text[pos - 1] == "\n") and self.line_start():
                continue
            if text[pos] == "`" and (pos == 0 or text[pos - 1] not in "`\\"):
                self.code_span()
            elif text[pos] == "{" and _TAG_START.match(text, pos):
                self.tag()
            else:
                self.pos += 1
        self.flush(len(text))

    def flush(self, upto: int) -> None:
        """Emit the plain text before `upto`."""
        if upto > self.plain_start:
            self.tokens.append(Text(self.text[self.plain_start : upto]))

    def emit(self, token: Node | Tag, end: int) -> None:
        """Emit the plain text before the position, then `token`, which ends at `end`."""
        self.flush(self.pos)
        self.tokens.append(token)
        self.pos = self.plain_start = end

    # --- the phases ------------------------------------------------------------------------

    def line_start(self) -> bool:
        """A fenced block (verbatim) or a `<!-- toc -->` comment; whether one was taken."""
        text, pos = self.text, self.pos
        fence_end = self.fence_ends.get(pos)
        if fence_end is not None:
            self.emit(Text(unescape(text[pos:fence_end])), fence_end)
            return True
        toc = _TOC_COMMENT.match(text, pos)
        if toc is None:
            return False
        end = toc.end()
        stop = self.toc_stops.at_or_after(end)
        next_toc = self.tocs.at_or_after(end)
        if stop and (next_toc is None or next_toc.start() > stop.start()):
            end = stop.end()  # markdown-toc's generated list goes: [TOC] replaces it
        line = self.lines.line(pos)
        self.emit(Tag(name="toc", source=text[pos:end], line=line, self_closing=True), end)
        return True

    def code_span(self) -> None:
        """A code span (verbatim), or a run of backticks that opens none."""
        span_end = _code_span_end(self.text, self.pos)
        if span_end is None:
            self.pos = _run_end(self.text, self.pos)
            return
        self.emit(Text(unescape(self.text[self.pos : span_end])), span_end)

    def tag(self) -> None:
        """`{{</* x */>}}`, a malformed tag (reported), an ignored one, or a tag."""
        text, pos = self.text, self.pos
        escaped = _escaped_at(text, pos, self.escape_closes)
        if escaped:
            self.emit(Escaped(unescape(escaped.group()), self.lines.line(pos)), escaped.end())
            return
        parsed = parse_tag(text, pos)
        if isinstance(parsed, str):
            self.problems.append(Problem(f"{parsed}; left as text", line=self.lines.line(pos)))
            self.pos += 3
            return
        tag, tag_end = parsed
        if tag.name in self.ignored:
            self.pos = tag_end
            return
        tag = replace(tag, line=self.lines.line(pos))
        opens_verbatim = tag.name in self.verbatim and not tag.closing and not tag.self_closing
        if opens_verbatim and self.verbatim_body(tag, tag_end):
            return
        self.emit(tag, tag_end)

    def verbatim_body(self, tag: Tag, tag_end: int) -> bool:
        """A shortcode whose body is code, up to its closing tag; whether there is one."""
        if tag.name not in self.verbatim_closes:
            pattern = re.compile(r"\{\{([<%])\s*/\s*" + re.escape(tag.name) + r"\s*([>%])\}\}")
            self.verbatim_closes[tag.name] = _NextMatch(pattern, self.text)
        closing = self.verbatim_closes[tag.name].at_or_after(tag_end)
        if closing is None:
            return False
        close_parsed = parse_tag(self.text, closing.start())
        assert not isinstance(close_parsed, str)  # the regex matched a valid tag
        close_tag = replace(close_parsed[0], line=self.lines.line(closing.start()))
        body = unescape(self.text[tag_end : closing.start()])
        self.emit(Shortcode(tag, body=body, closing=close_tag), closing.end())
        return True


def pair(tokens: Sequence[Node | Tag]) -> ParseResult:
    """Match opening and closing tags into nested `Shortcode` nodes.

    An opening tag is paired when a closing tag of the same name follows at the same level
    (Hugo decides from the template; the text is all we have). Unclosed tags become lone
    shortcodes with the text after them left as siblings; a stray closing tag is reported.
    """
    result = ParseResult()
    root: list[Node] = []
    stack: list[tuple[Tag, list[Node]]] = []

    def current() -> list[Node]:
        return stack[-1][1] if stack else root

    def unwind_above(depth: int) -> None:
        """Close the tags open above `stack[depth]` as lone shortcodes, their text after them.

        All at once: closing them one by one copied the growing text into each parent in
        turn, quadratic in the number of unclosed tags.
        """
        frames = stack[depth + 1 :]
        del stack[depth + 1 :]
        target = current()
        for tag, children in frames:
            target.append(Shortcode(tag))
            target.extend(children)

    for token in tokens:
        if not isinstance(token, Tag):
            current().append(token)
        elif token.self_closing:
            current().append(Shortcode(token))
        elif not token.closing:
            stack.append((token, []))
        else:
            depth = next(
                (i for i in range(len(stack) - 1, -1, -1) if stack[i][0].name == token.name), None
            )
            if depth is None:
                result.problems.append(
                    Problem(
                        f"`{token.source}` closes a shortcode that is not open", line=token.line
                    )
                )
                current().append(Text(token.source))
                continue
            unwind_above(depth)
            tag, children = stack.pop()
            current().append(Shortcode(tag, children=tuple(children), closing=token))
    unwind_above(-1)
    result.nodes = root
    return result


def parse(
    text: str,
    *,
    verbatim: Collection[str] = (),
    ignored: Collection[str] = (),
    fenced: Sequence[tuple[int, int]] = (),
) -> ParseResult:
    """Tokenise and pair: the nodes of `text` and the problems found on the way."""
    tokens, problems = tokenize(text, verbatim=verbatim, ignored=ignored, fenced=fenced)
    result = pair(tokens)
    result.problems = sorted(problems + result.problems, key=lambda p: p.line or 0)
    return result
