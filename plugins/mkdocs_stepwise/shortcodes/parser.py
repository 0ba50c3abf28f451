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


@dataclass(frozen=True)
class Problem:
    """Something wrong in the input, reported by the caller as a warning."""

    line: int
    message: str


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
_FENCE_OPEN = re.compile(r"[ \t]*(`{3,}|~{3,})([^\n]*)")


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


def _fence_end(text: str, line_start: int) -> int | None:
    """If a fenced code block opens at `line_start`, the index just past its closing fence.

    CommonMark rules: three or more backticks or tildes; a backtick fence's info string has no
    backtick; the closing fence is the same character, at least as long, alone on its line
    (or followed by a Katacoda `{{execute}}` marker); an unclosed fence runs to the end.
    """
    match = _FENCE_OPEN.match(text, line_start)
    if not match or (match.group(1)[0] == "`" and "`" in match.group(2)):
        return None
    fence = match.group(1)
    # Katacoda closes fences with ```{{execute}}; the execute preprocessor (priority 27, after
    # this one) rewrites that, so accept it here or everything up to the next fence would flip.
    closing = re.compile(
        r"^[ \t]*"
        + re.escape(fence[0])
        + "{"
        + str(len(fence))
        + r",}[ \t]*(?:\{\{[^{}\n]*\}\}[ \t]*)?$",
        re.M,
    )
    body_start = text.find("\n", match.end())
    if body_start < 0:
        return len(text)
    close = closing.search(text, body_start + 1)
    return close.end() if close else len(text)


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


def tokenize(
    text: str,
    *,
    verbatim: Collection[str] = (),
    ignored: Collection[str] = (),
) -> tuple[list[Node | Tag], list[Problem]]:
    """Split `text` into text, escaped calls, tags, and whole verbatim-body shortcodes.

    `verbatim` names shortcodes whose body is code: their closing tag is found textually and
    the body is never parsed. `ignored` names shortcodes owned by another extension: they stay
    text, untouched and unreported.
    """
    lines = _Lines.of(text)
    escape_closes = _NextMatch(_ESCAPED_CLOSE, text)
    toc_stops = _NextMatch(_TOCSTOP_COMMENT, text)
    tocs = _NextMatch(_TOC_COMMENT, text)
    verbatim_closes: dict[str, _NextMatch] = {}
    tokens: list[Node | Tag] = []
    problems: list[Problem] = []
    plain_start = 0
    pos = 0

    def flush(upto: int) -> None:
        if upto > plain_start:
            tokens.append(Text(text[plain_start:upto]))

    while pos < len(text):
        at_line_start = pos == 0 or text[pos - 1] == "\n"
        if at_line_start:
            fence_end = _fence_end(text, pos)
            if fence_end is not None:
                flush(pos)
                tokens.append(Text(unescape(text[pos:fence_end])))
                pos = plain_start = fence_end
                continue
            toc = _TOC_COMMENT.match(text, pos)
            if toc:
                flush(pos)
                end = toc.end()
                stop = toc_stops.at_or_after(end)
                next_toc = tocs.at_or_after(end)
                if stop and (next_toc is None or next_toc.start() > stop.start()):
                    end = stop.end()  # markdown-toc's generated list goes: [TOC] replaces it
                source = text[pos:end]
                tokens.append(
                    Tag(name="toc", source=source, line=lines.line(pos), self_closing=True)
                )
                pos = plain_start = end
                continue
        char = text[pos]
        if char == "`" and (pos == 0 or text[pos - 1] not in "`\\"):
            span_end = _code_span_end(text, pos)
            if span_end is not None:
                flush(pos)
                tokens.append(Text(unescape(text[pos:span_end])))
                pos = plain_start = span_end
            else:
                pos = _run_end(text, pos)
            continue
        if char == "{" and _TAG_START.match(text, pos):
            escaped = _escaped_at(text, pos, escape_closes)
            if escaped:
                flush(pos)
                tokens.append(Escaped(unescape(escaped.group()), lines.line(pos)))
                pos = plain_start = escaped.end()
                continue
            parsed = parse_tag(text, pos)
            if isinstance(parsed, str):
                problems.append(Problem(lines.line(pos), f"{parsed}; left as text"))
                pos += 3
                continue
            tag, tag_end = parsed
            if tag.name in ignored:
                pos = tag_end
                continue
            flush(pos)
            tag = replace(tag, line=lines.line(pos))
            if tag.name in verbatim and not tag.closing and not tag.self_closing:
                if tag.name not in verbatim_closes:
                    pattern = re.compile(
                        r"\{\{([<%])\s*/\s*" + re.escape(tag.name) + r"\s*([>%])\}\}"
                    )
                    verbatim_closes[tag.name] = _NextMatch(pattern, text)
                closing = verbatim_closes[tag.name].at_or_after(tag_end)
                if closing:
                    close_parsed = parse_tag(text, closing.start())
                    assert not isinstance(close_parsed, str)  # the regex matched a valid tag
                    close_tag = replace(close_parsed[0], line=lines.line(closing.start()))
                    body = unescape(text[tag_end : closing.start()])
                    tokens.append(Shortcode(tag, body=body, closing=close_tag))
                    pos = plain_start = closing.end()
                    continue
            tokens.append(tag)
            pos = plain_start = tag_end
            continue
        pos += 1
    flush(len(text))
    return tokens, problems


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
                    Problem(token.line, f"`{token.source}` closes a shortcode that is not open")
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
) -> ParseResult:
    """Tokenise and pair: the nodes of `text` and the problems found on the way."""
    tokens, problems = tokenize(text, verbatim=verbatim, ignored=ignored)
    result = pair(tokens)
    result.problems = sorted(problems + result.problems, key=lambda p: p.line)
    return result
