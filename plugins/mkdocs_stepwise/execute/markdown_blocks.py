"""Python-Markdown's block structure, as far as it decides where indented code starts.

`rewrite` must know which lines Python-Markdown will read as indented code, since
SuperFences turns a fenced block that shares a blank-line delimited block with indented code
back into source. That depends on the containers open around a line (list items, which take
lazy continuation lines and cannot interrupt a paragraph; admonitions, details and content tabs,
which can, and take no lazy lines), and on the lines that end a block wherever they are
(headings, rules, raw `<pre>` blocks). Lazy continuation lines of blockquotes are not modelled.

Pure: lines in, facts about them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TAB_LENGTH = 4
"""Python-Markdown's default; its whitespace normaliser has expanded tabs before we run."""

PREFIX_RE = re.compile(r"[ \t>]*")
"""A line's container prefix: the spaces, tabs and `>` before its content."""
# Python-Markdown containers whose body is indented by one tab stop: list items (their marker),
# admonitions and details (`!!! note "Title"`, `???+ tip`) and content tabs (`=== "Linux"`).
CONTAINER_RE = re.compile(
    r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)"
    r'|(?:!!!|\?\?\?\+?) ?(?:[\w-]+(?: +[\w-]+)*(?: +".*")?|".*") *$'
    r'|===[+!]{0,2} +".*" *$'
)
_EMPTY_LIST_ITEMS_RE = re.compile(r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))*")
# Lines that end a Python-Markdown block wherever they are: ATX headings and thematic breaks; and
# setext underlines, after a line of text.
HEADING_OR_RULE_RE = re.compile(r"#.*|(?:-[ ]{0,2}){3,}|(?:_[ ]{0,2}){3,}|(?:\*[ ]{0,2}){3,}")
SETEXT_UNDERLINE_RE = re.compile(r"(?:=+|-+)[ ]*")
PRE_START_RE = re.compile(r"<pre(?:[ \t>]|$)", re.IGNORECASE)
"""The opening tag of a raw `<pre>` HTML block (the scanner looks for one at the top level)."""
_PRE_END_RE = re.compile(r"</pre>", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """A line split into its container prefix (spaces and `>`) and its content."""

    prefix: str
    content: str

    @classmethod
    def parse(cls, line: str) -> Line:
        prefix = PREFIX_RE.match(line)
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
    def outer_indent(self) -> int:
        """Columns of indentation before the first `>`: `    > x` is indented code, not a quote."""
        return len(self.prefix.split(">", 1)[0].expandtabs(TAB_LENGTH))

    @property
    def indent(self) -> int:
        """Columns of indentation inside the innermost blockquote (its `> ` not counted)."""
        inner = self.prefix.rsplit(">", 1)[-1] if ">" in self.prefix else self.prefix
        columns = len(inner.expandtabs(TAB_LENGTH))
        return columns - 1 if ">" in self.prefix and inner.startswith(" ") else columns


def is_list_marker(container: re.Match[str]) -> bool:
    """Whether a match of `CONTAINER_RE` is a list item's marker."""
    return container[0][0] in "-*+0123456789"


def precedes_setext_underline(lines: list[str], index: int) -> bool:
    """Whether the line after `lines[index]` underlines it as a heading (`- ` over `- ` is one)."""
    following = index + 1
    return following < len(lines) and bool(
        SETEXT_UNDERLINE_RE.fullmatch(Line.parse(lines[following]).content)
    )


def raw_pre_end(lines: list[str], index: int) -> int | None:
    """The index of the line that closes the raw `<pre>` block starting at `index`; None if no
    line does (then Python-Markdown reads no raw block there)."""
    return next((end for end in range(index, len(lines)) if _PRE_END_RE.search(lines[end])), None)


class Containers:
    """The containers (list items, admonitions, details, tabs) open around the line being read."""

    def __init__(self) -> None:
        # Content columns of the open containers; 0 is the page, which never closes.
        self.columns = [0]
        self.is_list = [False]  # which of them are list items

    @property
    def innermost(self) -> int:
        """The content column of the innermost open container (0: the page)."""
        return self.columns[-1]

    @property
    def at_page_level(self) -> bool:
        """Whether no container is open."""
        return len(self.columns) == 1

    def ended_by(self, indent: int) -> bool:
        """Whether a line so indented ends a container even without a blank line before it.

        Only list items take lazy continuation lines; an admonition, details or tab ends at the
        first line not indented into it.
        """
        containers = zip(self.columns, self.is_list, strict=True)
        return any(indent < column and not is_list for column, is_list in containers)

    def close(self, indent: int) -> None:
        """Close the containers a line so indented is not inside."""
        while len(self.columns) > 1 and indent < self.columns[-1]:
            self.columns.pop()
            self.is_list.pop()

    def open(self, line: Line, container: re.Match[str], starts_block: bool) -> bool:
        """Open the container whose first line is `line` (`container` matched its content).

        Returns whether the next line starts a block inside it: an admonition's, details' or
        tab's title, or an empty list item (`- `, `- - `), leaves no paragraph for the next
        line to continue. False, too, where no container opens.
        """
        is_list_item = is_list_marker(container)
        # Python-Markdown starts a list only where a block starts (a list item cannot interrupt
        # a paragraph), or continues one; admonitions, details and tabs interrupt paragraphs.
        if is_list_item and not (starts_block or any(self.is_list)):
            return False
        self.close(line.indent + 1)
        self.columns.append(line.indent + TAB_LENGTH)
        self.is_list.append(is_list_item)
        text = line.content[container.end() :]
        inner = CONTAINER_RE.match(text.lstrip())
        has_text = (
            is_list_item
            and _EMPTY_LIST_ITEMS_RE.fullmatch(text) is None
            and (inner is None or is_list_marker(inner))  # `- !!! note` has a title only
        )
        return not has_text
