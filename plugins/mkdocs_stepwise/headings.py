"""Markdown extension `stepwise.headings`: the page title is the page's one `<h1>`.

Hugo themes always print a post's `title` and treat `#` headings in the body as sections;
Material prints `page.title` only when the body has no `<h1>`. So for a page with a title:

- a first heading that *is* the title (`# Same words`, a level-1 heading whose words match the
  title's) is dropped: the template prints the title there, with the date line under it;
- when other level-1 headings remain, every heading moves down one level (`#` → `<h2>`,
  `##` → `<h3>`, …, `<h6>` stays): the body's sections sit under the title, as an outline
  should, and as the reader saw them under the Hugo theme's title;
- a body without `#` headings is left alone.

It runs before `toc` (5), so the table of contents, the permalinks and the anchors are made from
the shifted headings and stay consistent with what the page shows. Anchors keep their text
(`#problem` stays `#problem`), so in-page links keep working.

Which title belongs to the page being converted comes from `title_of(src_path)` (the plugin
passes its catalogue's titles; the `PageHolder` it hands over names the page). Standalone,
the option `title` sets one title for every conversion; without either, nothing changes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from . import pagecontext

__all__ = ["HeadingsExtension", "makeExtension", "same_words", "settle_headings"]

# After attr_list (8), which may give a heading its id; before toc (5), which reads the levels.
PRIORITY = 6

_HEADING = re.compile(r"h([1-6])")
_NOT_A_WORD = re.compile(r"[\W_]+")


def same_words(heading: str, title: str) -> bool:
    """Whether a heading says what the title says, ignoring case, spacing and punctuation.

    `# Using `pyenv`!` renders as "Using pyenv!" and matches the title "Using pyenv".
    """
    left = _NOT_A_WORD.sub("", heading.casefold())
    return bool(left) and left == _NOT_A_WORD.sub("", title.casefold())


def _level(element: etree.Element) -> int | None:
    match = _HEADING.fullmatch(element.tag) if isinstance(element.tag, str) else None
    return int(match.group(1)) if match else None


def settle_headings(
    root: etree.Element, title: str, text_of: Callable[[etree.Element], str]
) -> None:
    """Drop a first heading that repeats `title`, then shift headings down if an `<h1>` is left.

    `text_of` gives an element's visible text. Only the top level of `root` is looked at for
    the repeated title (a title is never inside a list), but headings anywhere are shifted.
    """
    headings = [el for el in root.iter() if _level(el) is not None]
    if not headings:
        return
    first = headings[0]
    if _level(first) == 1 and same_words(text_of(first), title) and first in list(root):
        _remove_keeping_tail(root, first)
        headings = headings[1:]
    if not any(_level(el) == 1 for el in headings):
        return
    for element in headings:
        level = _level(element) or 6
        element.tag = f"h{min(level + 1, 6)}"


def _remove_keeping_tail(parent: etree.Element, child: etree.Element) -> None:
    children = list(parent)
    index = children.index(child)
    if child.tail and child.tail.strip():
        if index == 0:
            parent.text = (parent.text or "") + child.tail
        else:
            previous = children[index - 1]
            previous.tail = (previous.tail or "") + child.tail
    parent.remove(child)


class HeadingsTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: HeadingsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        title = self.extension.current_title()
        if title:
            settle_headings(root, title, self._text)

    def _text(self, element: etree.Element) -> str:
        # Inline raw HTML is still a placeholder in the stash; its words count too.
        blocks = self.md.htmlStash.rawHtmlBlocks

        def unstash(match: re.Match[str]) -> str:
            index = int(match.group(1))
            return str(blocks[index]) if index < len(blocks) else ""

        return HTML_PLACEHOLDER_RE.sub(unstash, "".join(element.itertext()))


class HeadingsExtension(Extension):
    """Python-Markdown extension `stepwise.headings`."""

    def __init__(
        self,
        pages: pagecontext.PageHolder | None = None,
        title_of: Callable[[str], str | None] | None = None,
        **kwargs: Any,
    ) -> None:
        self.config = {"title": ["", "The title of every page converted (standalone use)"]}
        self.pages = pages or pagecontext.PageHolder()
        self.title_of = title_of
        super().__init__(**kwargs)

    def current_title(self) -> str | None:
        path = self.pages.current().src_path
        if self.title_of is not None and path is not None:
            return self.title_of(path)
        return str(self.getConfig("title")) or None

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.treeprocessors.register(HeadingsTreeprocessor(md, self), "stepwise_headings", PRIORITY)


def makeExtension(**kwargs: Any) -> HeadingsExtension:
    return HeadingsExtension(**kwargs)
