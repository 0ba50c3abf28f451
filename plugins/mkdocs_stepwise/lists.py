"""Markdown extension `stepwise.lists`: lists read the way CommonMark (Hugo's goldmark) reads them.

Imported posts were written for CommonMark, where Python-Markdown differs in two ways that
matter to readers:

- a list may follow a paragraph without a blank line (`Steps:` then `1. one`): Python-Markdown
  prints the items as a paragraph of text;
- an item's text and its nested lists are indented to the item's *content column* (two spaces
  after `- `, three after `1. `): Python-Markdown wants four, so nested lists flatten and
  continued items end the list ("1. 1. 1.").

The preprocessor rewrites only the indentation of list lines (to Python-Markdown's four spaces a
level) and adds a blank line before a list that interrupts a paragraph; the words stay as they
are. A fenced block inside an item moves with its opening fence, so its code keeps its own
indentation; lines inside fences are never read as list lines (`fences.outside_fences` says
which lines those are). Lists already indented by four spaces come out unchanged.

It runs at priority 31.1, before SuperFences takes fences out (31.05 with `preserve_tabs`, else
25) and before the shortcodes (29) and execute markers, so that all of them see the list
structure the author meant (a Killercoda ```` ```{{copy}} ```` fence in a list nested by three
spaces). Only indentation made of spaces is rewritten; tabs inside lines stay.

Checked and not used: mdx_truly_sane_lists (its `nested_indent: 2` makes four-space content,
which the default site and most Python-Markdown sites use, two levels deep) and
mdx-breakless-lists (adds the blank line, but inside code fences too, and leaves indentation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .fences import outside_fences

__all__ = ["ListsExtension", "commonmark_lists", "makeExtension"]

PRIORITY = 31.1
TAB = 4

# A list item: indentation, marker, the spaces after it, the text (CommonMark §5.2).
_ITEM = re.compile(r"^(?P<indent> *)(?P<marker>[-*+]|\d{1,9}[.)])(?P<gap> +|$)(?P<text>.*)$")
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?: *\1){2,} *$")
# Lines that end a paragraph on their own, so a list after them needs no blank line.
_PLACEHOLDER = re.compile(r"^ *\x02wzxhzdk:\d+\x03 *$")
_NOT_PARAGRAPH = re.compile(r"^ {0,3}(?:#|>|<|\||```|~~~)")


@dataclass
class _Item:
    content: int
    """The item's content column in the source."""
    target: int
    """Where its content goes for Python-Markdown: its marker's new indentation + 4."""


def _expand(line: str) -> str:
    indent = len(line) - len(line.lstrip(" \t"))
    return line[:indent].expandtabs(TAB) + line[indent:]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _item(line: str) -> re.Match[str] | None:
    if _THEMATIC_BREAK.match(line):
        return None
    return _ITEM.match(line)


def _can_interrupt(match: re.Match[str]) -> bool:
    """CommonMark: an empty item, or an ordered one not starting at 1, cannot interrupt text."""
    if not match.group("text").strip():
        return False
    marker = match.group("marker")
    return not marker[0].isdigit() or int(marker[:-1]) == 1


def commonmark_lists(lines: list[str], md: Markdown | None = None) -> list[str]:
    """`lines` with CommonMark lists re-indented for Python-Markdown (see the module's doc).

    `md`, the Markdown instance converting the page, says where its fences are.
    """
    outside = set(outside_fences(lines, md))
    out: list[str] = []
    stack: list[_Item] = []
    previous_blank = True
    in_paragraph = False  # a top-level paragraph (not a list, not code) is open
    code_block = False  # the current top-level block is indented code
    shift = 0  # how far the lines of the current fence move: as far as its opening line
    after_fence = False  # the previous line closed a fence
    in_math = False  # inside a `$$` display block
    math_shift: int | None = None  # how far the lines of the current `$$` block move
    for index, raw in enumerate(lines):
        if index not in outside:
            opening = index == 0 or (index - 1) in outside
            if opening:
                line = _expand(raw)
                shift = _relocate(stack, _indent(line), previous_blank) - _indent(line)
            out.append(_move(raw, shift))
            previous_blank = in_paragraph = False
            after_fence = True
            continue
        line = _expand(raw)
        # `$$ … $$` display math is TeX, not Markdown: `- \begin{bmatrix}` is no list item.
        if not in_math and line.lstrip().startswith("$$") and line.count("$$") == 1:
            in_math = True
            indent = _indent(line)
            math_shift = _relocate(stack, indent, previous_blank) - indent if stack else 0
        elif in_math and ("$$" in line or not line.strip()):
            in_math = False  # closed (math never spans a blank line)
        elif not in_math:
            math_shift = None
        if math_shift is not None:
            out.append(_move(raw, math_shift))
            if not in_math:
                math_shift = None
            previous_blank = in_paragraph = False
            continue
        closed_fence, after_fence = after_fence, False
        if not line.strip():
            out.append(raw)
            previous_blank = True
            in_paragraph = code_block = False
            continue
        indent = _indent(line)
        match = _item(line)
        if match is not None and (stack or (indent < TAB and not code_block)):
            if in_paragraph and not stack:
                if not _can_interrupt(match):
                    out.append(raw)
                    previous_blank = False
                    continue
                out.append("")  # the paragraph ends here, as in CommonMark
            elif closed_fence and stack:
                out.append("")  # Python-Markdown would take the item for the fence's paragraph
            while stack and indent < stack[-1].content:
                stack.pop()
            marker_at = stack[-1].target if stack else min(indent, TAB - 1)
            marker = match.group("marker")
            gap = len(match.group("gap"))
            # CommonMark: five or more spaces after the marker mean code after one space.
            content = indent + len(marker) + (gap if 0 < gap <= TAB else 1)
            stack.append(_Item(content, marker_at + TAB))
            # The item's own line keeps its words and spacing: only its indentation counts.
            out.append(raw if marker_at == indent else " " * marker_at + line.lstrip(" "))
            previous_blank = in_paragraph = False
            continue
        if stack:
            target = _relocate(stack, indent, previous_blank)
            out.append(" " * target + line.lstrip(" ") if target != indent else raw)
        else:
            out.append(raw)
            if previous_blank:
                code_block = indent >= TAB
            # Indented code, headings, quotes, HTML and tables leave no paragraph open.
            in_paragraph = not code_block and not _NOT_PARAGRAPH.match(line)
        # A fence SuperFences already took out (a stash placeholder) ends its block as a fence does.
        after_fence = bool(_PLACEHOLDER.match(line))
        previous_blank = False
    return out


def _relocate(stack: list[_Item], indent: int, previous_blank: bool) -> int:
    """Where a line indented by `indent` goes inside the open items (and close the ones it ends).

    After a blank line, a line less indented than an item's content ends that item; without one,
    it is a lazy continuation and stays where it is (Python-Markdown reads it the same way).
    """
    while stack and indent < stack[-1].content:
        if not previous_blank:
            return indent
        stack.pop()
    if not stack:
        return indent
    return stack[-1].target + indent - stack[-1].content


def _move(line: str, shift: int) -> str:
    if shift > 0:
        return " " * shift + line
    if shift < 0:
        removable = min(-shift, _indent(_expand(line)))
        return _expand(line)[removable:]
    return line


class ListsPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any(_item(_expand(line)) for line in lines):
            return lines
        return commonmark_lists(lines, self.md)


class ListsExtension(Extension):
    """Python-Markdown extension `stepwise.lists`."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(ListsPreprocessor(md), "stepwise_lists", PRIORITY)


def makeExtension(**kwargs: Any) -> ListsExtension:
    return ListsExtension(**kwargs)
