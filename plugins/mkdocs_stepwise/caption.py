"""Render short front matter text (`coverCaption`) as Markdown that cannot inject anything.

Tranquilpeak renders `coverCaption` as Markdown, and real captions are credits such as
`Photo Credit https://unsplash.com/@claudelrheault`. Front matter is outside the page's own
review flow, so the Markdown here is restricted: raw HTML is escaped, bare URLs become links,
only `http(s)` and `mailto` links survive (others keep their text), and images become their alt
text, since a caption is a line of text.
"""

from __future__ import annotations

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
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "img":
                    _replace(parent, index, child, child.get("alt", ""))
                elif child.tag == "a" and not _allowed(child.get("href", "")):
                    self.refused.append(child.get("href", ""))
                    _replace(parent, index, child, None)


def _allowed(href: str) -> bool:
    parts = urlsplit(href.strip())
    if parts.scheme.lower() not in _ALLOWED_SCHEMES:
        return False
    return bool(parts.netloc) or parts.scheme.lower() == "mailto"


def _replace(parent: etree.Element, index: int, child: etree.Element, text: str | None) -> None:
    """Put `child`'s content (or `text`) in its place, keeping the text that follows it."""
    span = etree.Element("span")
    if text is None:
        span.text = child.text
        span.extend(list(child))
    else:
        span.text = text
    span.tail = child.tail
    parent.remove(child)
    parent.insert(index, span)


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
    md, links = _converter()
    html = md.convert(text).strip()
    html = html.replace("<span>", "").replace("</span>", "")
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Caption(html, links.refused)
