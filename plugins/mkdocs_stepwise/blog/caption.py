"""Render short front matter text (`coverCaption`) as Markdown that cannot inject anything.

Tranquilpeak renders `coverCaption` as Markdown, and real captions are credits such as
`Photo Credit https://unsplash.com/@claudelrheault`. Front matter is outside the page's own
review flow, so the Markdown here is restricted: raw HTML is escaped, bare URLs become links,
only `http(s)` and `mailto` links survive (others keep their text), and images become their alt
text, since a caption is a line of text.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor

_ALLOWED_SCHEMES = {"http", "https", "mailto"}


@dataclass
class Caption:
    """The caption's HTML and the links that were refused, to be reported by the caller."""

    html: str
    refused: list[str] = field(default_factory=list)


class _LinkFilter(Treeprocessor):
    """Unwrap links whose target is not http(s)/mailto, and replace images by their alt text."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.refused: list[str] = []

    def run(self, root: etree.Element) -> None:
        found = [(parent, child) for parent in root.iter() for child in parent]
        # Last first, so that unwrapping an element never moves one still to be visited.
        for parent, child in reversed(found):
            if child.tag == "img":
                _unwrap(parent, child, child.get("alt", ""))
            elif child.tag == "a" and not _allowed(child.get("href", "")):
                self.refused.append(child.get("href", ""))
                _unwrap(parent, child, None)


def _allowed(href: str) -> bool:
    parts = urlsplit(href.strip())
    if parts.scheme.lower() not in _ALLOWED_SCHEMES:
        return False
    return bool(parts.netloc) or parts.scheme.lower() == "mailto"


def _unwrap(parent: etree.Element, child: etree.Element, text: str | None) -> None:
    """Put `child`'s content, or `text` instead, in its place; the text after it stays."""
    index = list(parent).index(child)
    before = parent[index - 1] if index else None
    moved = [] if text is not None else list(child)
    _append_text(parent, before, child.text if text is None else text)
    parent.remove(child)
    for offset, element in enumerate(moved):
        parent.insert(index + offset, element)
    _append_text(parent, moved[-1] if moved else before, child.tail)


def _append_text(parent: etree.Element, after: etree.Element | None, text: str | None) -> None:
    """Add `text` after element `after`, or at the start of `parent` when there is none."""
    if not text:
        return
    if after is None:
        parent.text = (parent.text or "") + text
    else:
        after.tail = (after.tail or "") + text


def _converter() -> tuple[markdown.Markdown, _LinkFilter]:
    md = markdown.Markdown(extensions=["pymdownx.magiclink"])
    # Without these, raw HTML is escaped as text instead of passed through.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    links = _LinkFilter(md)
    md.treeprocessors.register(links, "stepwise_caption_links", 0)
    return md, links


def render_caption(text: str) -> Caption:
    """HTML for a caption; a single paragraph loses its `<p>` so it fits in a `<figcaption>`."""
    html, refused = _render(text)
    return Caption(html, list(refused))


# Blogs repeat one credit line on many posts, and a Markdown instance costs more to set up than
# a caption costs to convert: each distinct caption is converted once per process.
@functools.lru_cache(maxsize=4096)
def _render(text: str) -> tuple[str, tuple[str, ...]]:
    md, links = _converter()
    html = md.convert(text).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html, tuple(links.refused)
