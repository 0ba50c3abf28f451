"""Read the execute commands back out of a rendered page (for "copy all" and shell scripts).

The markup to expect is what SuperFences and `inline` render: an element with class
`stepwise-execute` (a fence's `div.highlight`, or `pre` without Pygments, or an inline `code`),
whose command is the text of its `code` elements. Line numbers (`.linenos`) and fence titles
(`.filename`) are not part of the command. In a `console` (shell session) block, which Pygments
marks up with prompts (`.gp`) and output (`.go`), the command is the prompted lines without
their prompts; a console block with no prompt at all is all command. `assets/execute.js` applies
the same rules in the browser. Keystrokes (`ctrl-seq`) are rendered as an instruction
(`keys.keys_element`); they are no command, but `records` keeps them, as `^C`.

Besides the strings "copy all" and the series script take (`found`), the reader keeps `records`:
every marked element with its classes (terminal, `interrupt`, `ctrl-seq`, `no-check`, ...) and
Katacoda's file blocks (`<pre class="file" data-filename="app.js" data-target="append">`), in
page order, for `stepwise check`, which does what a reader does with them.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from .keys import KEYS_CLASS, keys_text

EXECUTE_CLASS = "stepwise-execute"
CTRL_SEQ_CLASS = "stepwise-ctrl-seq"
"""Keystrokes such as `^C` for a terminal, not shell commands: left out."""
NOT_COMMAND_CLASSES = frozenset({"linenos", "filename"})
PROMPT_CLASS = "gp"
OUTPUT_CLASS = "go"
_REMOVED = "\x00"
"""Stands where prompt or output was, so that lines left with nothing else can be dropped."""
_VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


FILE_CLASS = "file"
"""Katacoda's file block: `<pre class="file" data-filename=... data-target=...>`."""
FILE_TARGETS = frozenset({"replace", "append", "prepend", "insert"})


@dataclass(frozen=True)
class Command:
    """A marked element: what its copy button copies, and the classes its marker gave it."""

    text: str
    classes: frozenset[str]
    inline: bool
    """A chip in the text (`` `ls`{{execute}} ``) rather than a block."""


@dataclass(frozen=True)
class FileBlock:
    """A Katacoda file block: write `text` to `filename` as `target` says."""

    filename: str
    target: str
    """`replace` (Katacoda's default), `append`, `prepend` or `insert`."""
    marker: str | None
    """For `insert`: the text (`data-marker`) the block goes in place of."""
    text: str
    """The block's text as "copy" copies it: the first newline and trailing space dropped."""


def commands_from_html(html: str) -> list[str]:
    """The page's execute commands, in page order, each as it would be copied."""
    parser = CommandReader()
    parser.feed(html)
    parser.close()
    return parser.found()


def clean_command(text: str) -> str:
    """Drop output lines (marked by `_REMOVED`), trailing blank lines, and a `$ ` prompt that
    starts every line."""
    lines = [
        line.replace(_REMOVED, "")
        for line in text.split("\n")
        if _REMOVED not in line or line.replace(_REMOVED, "").strip()
    ]
    lines = "\n".join(lines).rstrip().split("\n")
    if all(line.startswith("$ ") for line in lines if line.strip()):
        lines = [line[2:] if line.startswith("$ ") else line for line in lines]
    return "\n".join(lines)


class CommandReader(HTMLParser):
    """Collects execute commands from HTML; feed it, or pass it to `htmlscan.scan`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.commands: list[str] = []
        self.records: list[Command | FileBlock] = []
        self.classes: frozenset[str] = frozenset()  # of the open execute element
        self.file_depth: int | None = None  # stack depth of an open file block
        self.file_attrs: dict[str, str | None] = {}
        self.stack: list[str] = []  # open tags
        self.command_depth: int | None = None  # stack depth of the open execute element
        self.inline = False  # the execute element is itself the `code`
        self.code_depth: int | None = None  # stack depth of the open `code` inside it
        self.skip_depth: int | None = None  # stack depth of an excluded element
        self.parts: list[str] = []  # the text without prompts and output
        self.whole: list[str] = []  # the text with output (for a block without prompts)
        self.prompted = False  # the command holds a prompt (a console block)
        self.output_depth: int | None = None  # stack depth of an open output element
        self.keys: list[str] | None = None  # the key names of an open keystroke instruction

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_ELEMENTS:
            return
        classes = set((dict(attrs).get("class") or "").split())
        self.stack.append(tag)
        depth = len(self.stack)
        if self.file_depth is not None:
            return
        if self.command_depth is None:
            if EXECUTE_CLASS in classes:
                self.command_depth = depth
                self.classes = frozenset(classes)
                self.inline = tag == "code" or KEYS_CLASS in classes
                self.code_depth = depth if tag == "code" else None
                self.parts, self.whole, self.prompted = [], [], False
                self.keys = [] if KEYS_CLASS in classes else None
            elif tag == "pre" and FILE_CLASS in classes:
                self.file_depth = depth
                self.file_attrs = dict(attrs)
                self.parts = []
            return
        if self.skip_depth is None and classes & NOT_COMMAND_CLASSES:
            self.skip_depth = depth
        elif self.skip_depth is None and PROMPT_CLASS in classes:
            self.prompted = True
            self.skip_depth = depth
            self.parts.append(_REMOVED)
            self.whole.append(_REMOVED)
        elif self.skip_depth is None and self.output_depth is None and OUTPUT_CLASS in classes:
            self.output_depth = depth
            self.parts.append(_REMOVED)
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
            if self.output_depth == depth:
                self.output_depth = None
            if self.code_depth == depth and not self.inline:
                self.code_depth = None
            if self.command_depth == depth:
                text = "".join(self.parts if self.prompted else self.whole)
                if self.keys is not None:
                    text = keys_text(self.keys)
                if CTRL_SEQ_CLASS not in self.classes:
                    self.commands.append(text)
                self.records.append(Command(clean_command(text), self.classes, self.inline))
                self.keys = None
                self.command_depth = self.code_depth = None
            if self.file_depth == depth:
                self._close_file()
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.file_depth is not None:
            self.parts.append(data)
        elif self.keys is not None and self.stack[-1] == "kbd":
            self.keys.append(data)
        elif self.code_depth is not None and self.skip_depth is None:
            self.whole.append(data)
            if self.output_depth is None:
                self.parts.append(data)

    def _close_file(self) -> None:
        self.file_depth = None
        name = self.file_attrs.get("data-filename")
        target = (self.file_attrs.get("data-target") or "replace").strip().lower()
        if not name or target not in FILE_TARGETS:
            return  # `clipboard`, or no file: a copy block, nothing to write
        # As `execute.js` copies it: the browser drops the newline after `<pre>`.
        text = "".join(self.parts).removeprefix("\n").rstrip()
        marker = self.file_attrs.get("data-marker") or None
        self.records.append(FileBlock(name, target, marker, text))

    def found(self) -> list[str]:
        """The commands read so far, in page order, each as it would be copied (never empty)."""
        return [command for text in self.commands if (command := clean_command(text))]
