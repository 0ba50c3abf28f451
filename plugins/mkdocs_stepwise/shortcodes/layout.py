"""Put rendered shortcodes back into the page's Markdown.

The rules that make the output parse as intended live here, once, for every shortcode:

- A block result replaces the lines of its call. It is kept apart from the surrounding text by
  blank lines, and every line gets the indentation of the call's line, so a shortcode inside
  a list item stays inside it. Inner text is dedented by that indentation first.
- Line numbers are preserved where the call's own lines leave room (the usual case: tags on
  lines of their own); later preprocessors count lines to name them in warnings. Only a block
  call written inside a line of text, or output longer than its call, shifts what follows.
- Consecutive one-line calls that all render to HTML blocks (a row of `image` calls) are
  stored as one HTML block, so they neither need blank lines between them nor shift lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..pagecontext import PageInfo
from .output import (
    BlockHtml,
    BlockMarkdown,
    Inline,
    Registry,
    Rendered,
    as_written,
    escape_text,
)
from .parser import Escaped, Node, Shortcode, Text, node_source

_INDENT = re.compile(r"^[ \t]*$")
_LINE_BREAK = re.compile(r"^[ \t]*\n[ \t]*$")
_IN_ATTRIBUTE = re.compile(r"""<[A-Za-z][^<>]*\s[\w:-]+\s*=\s*["']?$""")


def strip_indent(text: str, indent: str, at_line_start: bool) -> tuple[str, bool]:
    """Remove `indent` from the start of each line of `text`; whitespace-only lines empty.

    Returns the text and whether it ends at a line start (for the next piece of text).
    """
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if index == 0 and not at_line_start:
            continue
        if line.startswith(indent):
            lines[index] = line[len(indent) :]
        elif not line.strip():
            lines[index] = ""
    ends_at_line_start = text.endswith("\n") or (at_line_start and text == "")
    return "\n".join(lines), ends_at_line_start


def dedent_nodes(
    nodes: Sequence[Node], indent: str, at_line_start: bool = False
) -> tuple[tuple[Node, ...], bool]:
    """`nodes` with `indent` removed after every line break, down through nested calls."""
    result: list[Node] = []
    for node in nodes:
        if isinstance(node, Text):
            text, at_line_start = strip_indent(node.text, indent, at_line_start)
            result.append(Text(text))
        elif isinstance(node, Escaped):
            result.append(node)
            at_line_start = False
        else:
            result.append(dedent_shortcode(node, indent))
            at_line_start = False
    return tuple(result), at_line_start


def dedent_shortcode(node: Shortcode, indent: str) -> Shortcode:
    """The call with its inner text dedented by `indent` (its tags are left as written)."""
    if not indent:
        return node
    if node.body is not None:
        body, _ = strip_indent(node.body, indent, at_line_start=False)
        return Shortcode(node.tag, body=body, closing=node.closing)
    if node.children is not None:
        children, _ = dedent_nodes(node.children, indent)
        return Shortcode(node.tag, children=children, closing=node.closing)
    return node


def flat_source(node: Node) -> str:
    """`node_source` with a loop instead of recursion, for nesting of any depth."""
    out: list[str] = []
    stack: list[Node | str] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, Shortcode) and item.closing is not None and item.body is None:
            stack.append(item.closing.source)
            stack.extend(reversed(item.children or ()))
            stack.append(item.tag.source)
        else:
            out.append(node_source(item))
    return "".join(out)


# Real posts nest a shortcode or two (an image in an alert); far more is hostile or broken.
MAX_NESTING = 20


class PageRenderer:
    """Renders one page's shortcodes; the `RenderContext` handed to every renderer."""

    def __init__(
        self,
        registry: Registry,
        page: PageInfo,
        stash: Callable[[str], str],
        warn: Callable[[str, int | None], None],
        known_pages: frozenset[str] | None = None,
        known_files: frozenset[str] | None = None,
    ) -> None:
        self.registry = registry
        self.page = page
        self.known_pages = known_pages
        self.known_files = known_files
        self._stash = stash
        self._warn = warn
        self._modes: list[str] = []
        """`html` or `markdown`, for each `raw()` / `markdown()` call under way."""
        self._line_before = ""
        self._depth = 0
        self.tocs = 0
        """The text on the line before the call being rendered (Markdown mode)."""

    # --- RenderContext ---------------------------------------------------------------------

    def stash(self, html_text: str) -> str:
        return self._stash(html_text)

    def warn(self, message: str, line: int) -> None:
        self._warn(message, line)

    def in_html(self) -> bool:
        if self._modes and self._modes[-1] == "html":
            return True
        return bool(_IN_ATTRIBUTE.search(self._line_before))

    def raw(self, nodes: Sequence[Node]) -> str:
        """HTML for inner nodes: text as it is, calls rendered to HTML."""
        self._modes.append("html")
        try:
            return self._raw(nodes)
        finally:
            self._modes.pop()

    def markdown(self, nodes: Sequence[Node]) -> str:
        """Markdown for a sequence of nodes, blocks laid out (see the module docstring)."""
        self._modes.append("markdown")
        try:
            return self._markdown(nodes)
        finally:
            self._modes.pop()

    def _raw(self, nodes: Sequence[Node]) -> str:
        out: list[str] = []
        for node in self._expand_lone(nodes):
            if isinstance(node, Text):
                out.append(node.text)
            elif isinstance(node, Escaped):
                out.append(escape_text(node.literal))
            else:
                rendered = self.render(node)
                if isinstance(rendered, Inline):
                    out.append(rendered.text)
                elif isinstance(rendered, BlockHtml):
                    out.append(rendered.html)
                else:
                    self.warn(
                        f"`{node.tag.source}` renders to Markdown, which cannot go inside a "
                        "`{{< >}}` call (its inner text is HTML); use `{{% %}}` for the outer "
                        "call. Shown as text",
                        node.tag.line,
                    )
                    out.append(escape_text(node.source))
        return "".join(out)

    def _markdown(self, nodes: Sequence[Node]) -> str:
        out: list[str] = []
        nodes = self._expand_lone(nodes)
        rendered_ahead: dict[int, Rendered] = {}  # rendered while looking for a row of blocks
        index = 0
        while index < len(nodes):
            node = nodes[index]
            if not isinstance(node, Shortcode):
                out.append(_text_markdown(node, self.stash))
                index += 1
                continue
            line = _current_line(out)
            owns_start = bool(_INDENT.match(line))
            indent = line if owns_start else _leading_indent(line)
            self._line_before = line
            rendered = rendered_ahead.pop(index, None) or self.render(
                dedent_shortcode(node, indent)
            )
            if isinstance(rendered, Inline):
                out.append(rendered.text)
                index += 1
                continue
            last, content = index, rendered.text if isinstance(rendered, BlockMarkdown) else ""
            if isinstance(rendered, BlockHtml):
                parts = [rendered.html]
                if owns_start:
                    last = self._extend_row(nodes, index, indent, parts, rendered_ahead)
                content = self.stash("\n".join(parts))
            owns_end = _owns_end(nodes, last + 1)
            if not owns_start:
                out[-1] = out[-1].rstrip(" \t")  # the sentence ends here: no trailing space
            out.append(
                _place_block(
                    content,
                    indent=indent,
                    owns_start=owns_start,
                    owns_end=owns_end,
                    blank_before=owns_start and not _previous_line_blank(out),
                    blank_after=not _next_line_blank(nodes, last + 1),
                    source_lines=sum(flat_source(n).count("\n") for n in nodes[index : last + 1])
                    + 1,
                )
            )
            if not owns_end:  # the rest of the sentence starts a new paragraph
                nodes = [*nodes[: last + 1], _lstrip_text(nodes[last + 1]), *nodes[last + 2 :]]
            index = last + 1
        return "".join(out)

    def _extend_row(
        self,
        nodes: Sequence[Node],
        index: int,
        indent: str,
        parts: list[str],
        rendered_ahead: dict[int, Rendered],
    ) -> int:
        """Gather the one-line HTML-block calls on the lines right after `nodes[index]`.

        Their HTML is appended to `parts`; returns the index of the last call gathered. A call
        that renders to something else is kept in `rendered_ahead` so it renders only once.
        """
        last = index
        while _owns_end(nodes, last + 1):
            gap, following = _neighbour(nodes, last + 1), _neighbour(nodes, last + 2)
            if not (
                isinstance(gap, Text)
                and _LINE_BREAK.match(gap.text)
                and isinstance(following, Shortcode)
                and "\n" not in following.source
                and _owns_end(nodes, last + 3)
            ):
                break
            self._line_before = indent
            rendered = self.render(dedent_shortcode(following, indent))
            if not isinstance(rendered, BlockHtml):
                rendered_ahead[last + 2] = rendered
                break
            parts.append(rendered.html)
            last += 2
        return last

    # --- dispatch --------------------------------------------------------------------------

    def render(self, node: Shortcode) -> Rendered:
        """Render one call with its registered renderer, or show it as an unknown one."""
        spec = self.registry.get(node.tag.name)
        if spec is None:
            return self._unknown(node)
        if spec.inner != "none" and not node.paired:
            name = node.tag.name
            self.warn(
                f"`{node.tag.source}` has no closing `{{{{< /{name} >}}}}`; shown as written",
                node.tag.line,
            )
            return Inline(self.stash(as_written(node.tag.source)))
        if self._depth >= MAX_NESTING:
            # Rendering recurses per level: hundreds of levels would exhaust Python's stack.
            self.warn(
                f"shortcodes nested more than {MAX_NESTING} deep; "
                "the inner ones are shown as written",
                node.tag.line,
            )
            return Inline(self.stash(as_written(flat_source(node))))
        self._depth += 1
        try:
            return spec.render(node, self)
        finally:
            self._depth -= 1

    def _expand_lone(self, nodes: Sequence[Node]) -> list[Node]:
        """Calls that take no inner text but were closed: the inner nodes become siblings."""
        result: list[Node] = []
        for node in nodes:
            spec = self.registry.get(node.tag.name) if isinstance(node, Shortcode) else None
            if isinstance(node, Shortcode) and node.closing and spec and spec.inner == "none":
                self.warn(
                    f"`{node.tag.name}` takes no inner text: `{node.closing.source}` ignored",
                    node.closing.line,
                )
                result.append(Shortcode(node.tag))
                result.extend(node.children or ())
            else:
                result.append(node)
        return result

    def _unknown(self, node: Shortcode) -> Rendered:
        self.warn(f"unknown shortcode `{node.tag.name}`: shown as written", node.tag.line)
        shown = self.stash(as_written(node.tag.source))
        if node.closing is None:
            return Inline(shown)
        if node.body is not None:
            inner = self.stash(escape_text(node.body))
        elif node.tag.markdown:
            inner = self.markdown(node.children or ())
        else:
            inner = self.raw(node.children or ())
        return Inline(shown + inner + self.stash(as_written(node.closing.source)))


def _text_markdown(node: Text | Escaped, stash: Callable[[str], str]) -> str:
    """Plain text as it is; an escaped call stashed, so no later preprocessor takes it."""
    return node.text if isinstance(node, Text) else stash(escape_text(node.literal))


def _current_line(out: list[str]) -> str:
    """The text of the output's last, unfinished line."""
    tail = ""
    for piece in reversed(out):
        tail = piece + tail
        if "\n" in piece:
            break
    return tail.rsplit("\n", 1)[-1]


def _previous_line_blank(out: list[str]) -> bool:
    """Whether the line before the output's current line is blank (or there is none)."""
    tail = ""
    for piece in reversed(out):
        tail = piece + tail
        if tail.count("\n") >= 2:
            break
    lines = tail.split("\n")
    return len(lines) < 2 or not lines[-2].strip()


def _leading_indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _neighbour(nodes: Sequence[Node], index: int) -> Node | None:
    return nodes[index] if index < len(nodes) else None


def _owns_end(nodes: Sequence[Node], index: int) -> bool:
    """Whether only whitespace follows on the line of the call that ends before `index`."""
    following = _neighbour(nodes, index)
    if following is None:
        return True
    if not isinstance(following, Text):
        return False
    head, newline, _ = following.text.partition("\n")
    return not head.strip() and (bool(newline) or index + 1 >= len(nodes))


def _next_line_blank(nodes: Sequence[Node], index: int) -> bool:
    """Whether the line after the call that ends before `index` is blank (or missing)."""
    following = _neighbour(nodes, index)
    if following is None:
        return True
    if not isinstance(following, Text) or "\n" not in following.text:
        return False
    rest = following.text.split("\n", 1)[1]
    line, newline, _ = rest.partition("\n")
    return not line.strip() and (bool(newline) or index + 1 >= len(nodes))


def _lstrip_text(node: Node) -> Node:
    return Text(node.text.lstrip(" \t")) if isinstance(node, Text) else node


def _place_block(
    content: str,
    *,
    indent: str,
    owns_start: bool,
    owns_end: bool,
    blank_before: bool,
    blank_after: bool,
    source_lines: int,
) -> str:
    """The Markdown that replaces a block call: separated, indented, line count kept."""
    lines = [indent + line if line else "" for line in content.split("\n")]
    lines[0] = lines[0][len(indent) :]  # the current line already holds the indentation
    pieces: list[str] = []
    if not owns_start:
        pieces.append("\n\n" + indent)  # end the sentence's line, then a blank line
    elif blank_before:
        pieces.append("\n" + indent)
    pieces.append("\n".join(lines))
    used = len(lines) + (1 if blank_before else 0)
    if owns_end:
        pieces.append("\n" * max(source_lines - used, 1 if blank_after else 0))
    else:
        pieces.append("\n\n" + indent)
    return "".join(pieces)
