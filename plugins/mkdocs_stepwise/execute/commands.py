"""Read the execute commands back out of a rendered page (for "copy all" and shell scripts).

The markup to expect is what SuperFences and `inline` render: an element with class
`stepwise-execute` (a fence's `div.highlight`, or `pre` without Pygments, or an inline `code`),
whose command is the text of its `code` elements. Prompts and output marked by Pygments'
`console` lexer (`.gp`, `.go`), line numbers (`.linenos`) and fence titles (`.filename`) are not
part of the command. `assets/execute.js` applies the same rules in the browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

EXECUTE_CLASS = "stepwise-execute"
CTRL_SEQ_CLASS = "stepwise-ctrl-seq"
"""Keystrokes such as `^C` for a terminal, not shell commands: left out."""
NOT_COMMAND_CLASSES = frozenset({"gp", "go", "linenos", "filename"})
_VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


def commands_from_html(html: str) -> list[str]:
    """The page's execute commands, in page order, each as it would be copied."""
    parser = CommandReader()
    parser.feed(html)
    parser.close()
    return parser.found()


def clean_command(text: str) -> str:
    """Drop trailing blank lines and a `$ ` prompt that starts every line."""
    lines = text.rstrip().split("\n")
    if all(line.startswith("$ ") for line in lines if line.strip()):
        lines = [line[2:] if line.startswith("$ ") else line for line in lines]
    return "\n".join(lines)


@dataclass(frozen=True)
class MarkedCommand:
    """A command with the classes of its execute element (terminal, host, interrupt, ...)."""

    text: str
    classes: frozenset[str]

    @property
    def is_keystroke(self) -> bool:
        """`^C`{{execute ctrl-seq}}: keys to press in a terminal, not a shell command."""
        return CTRL_SEQ_CLASS in self.classes


class CommandReader(HTMLParser):
    """Collects execute commands from HTML; feed it, or pass it to `htmlscan.scan`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []  # open tags
        self.command_depth: int | None = None  # stack depth of the open execute element
        self.inline = False  # the execute element is itself the `code`
        self.code_depth: int | None = None  # stack depth of the open `code` inside it
        self.skip_depth: int | None = None  # stack depth of an excluded element
        self.parts: list[str] = []
        self.classes: frozenset[str] = frozenset()
        self.marked: list[MarkedCommand] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_ELEMENTS:
            return
        classes = set((dict(attrs).get("class") or "").split())
        self.stack.append(tag)
        depth = len(self.stack)
        if self.command_depth is None:
            if EXECUTE_CLASS in classes:
                self.command_depth = depth
                self.inline = tag == "code"
                self.code_depth = depth if self.inline else None
                self.parts = []
                self.classes = frozenset(classes)
            return
        if self.skip_depth is None and classes & NOT_COMMAND_CLASSES:
            self.skip_depth = depth
        elif tag == "code" and self.code_depth is None:
            self.code_depth = depth

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_ELEMENTS or tag not in self.stack:
            return
        while self.stack:  # close whatever the HTML left open inside `tag`
            depth = len(self.stack)
            closed = self.stack.pop()
            if self.skip_depth == depth:
                self.skip_depth = None
            if self.code_depth == depth and not self.inline:
                self.code_depth = None
            if self.command_depth == depth:
                self.marked.append(MarkedCommand("".join(self.parts), self.classes))
                self.command_depth = self.code_depth = None
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.code_depth is not None and self.skip_depth is None:
            self.parts.append(data)

    def found(self) -> list[str]:
        """The commands read so far, in page order, each as it would be copied."""
        return [command.text for command in self.found_marked() if not command.is_keystroke]

    def found_marked(self) -> list[MarkedCommand]:
        """The commands and keystrokes read so far, with their classes, for the series script."""
        return [MarkedCommand(clean_command(c.text), c.classes) for c in self.marked]
