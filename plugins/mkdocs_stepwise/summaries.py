"""Teasers and reading times for listings, taken from HTML that MkDocs already rendered.

Listings never convert a post's Markdown a second time: the plugin records each page's teaser and
reading time in `on_page_content`, once per page, from the HTML it was handed.
"""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser

from material.plugins.blog.readtime import readtime
from material.plugins.blog.readtime.parser import ReadtimeParser

MORE = re.compile(r"<!--\s*more\s*-->", re.IGNORECASE)

# Text inside these elements is not prose for a teaser: code, scripts, the ¶ permalinks, and
# headings (a teaser that opens with the post's first section title reads like a typo).
_SKIPPED = {"pre", "script", "style", "template", "svg", "button", *(f"h{n}" for n in range(1, 7))}


class TextReader(HTMLParser):
    """The readable text of HTML for a teaser: no code, scripts, headings or ¶ permalinks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.more: bool | None = None
        """Whether the text read ends at a `<!--more-->`; None while that is not known yet."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag in _SKIPPED or "headerlink" in classes or self.skipping:
            self.skipping += tag not in _VOID

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)

    def words(self) -> list[str]:
        return "".join(self.parts).split()


_VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


def plain_text(html: str) -> str:
    """The readable text of an HTML fragment, whitespace folded."""
    reader = TextReader()
    reader.feed(html)
    reader.close()
    return " ".join(reader.words())


def teaser(content_html: str, summary: str | None, words: int = 40) -> str:
    """Plain text for a listing: the part above `<!--more-->`, else `summary`, else the opening.

    This is Hugo's order of precedence. The result is text, never HTML, so a listing can escape
    it and cannot inherit duplicate ids or nested links from the page.
    """
    parts = MORE.split(content_html, maxsplit=1)
    reader = TextReader()
    reader.feed(parts[0])
    reader.close()
    reader.more = len(parts) == 2
    return teaser_from(reader, summary, words)


def teaser_from(reader: TextReader, summary: str | None, words: int = 40) -> str:
    """`teaser` of what `reader` read: the page up to its `<!--more-->`, or the whole page."""
    text = reader.words()
    if reader.more:
        return " ".join(text)
    if summary:
        return " ".join(summary.split())
    if len(text) <= words:
        return " ".join(text)
    return " ".join(text[:words]) + " …"


def reading_minutes(content_html: str, words_per_minute: int = 265) -> int:
    """Reading time in whole minutes, with Material's blog algorithm (images add time)."""
    return max(1, int(readtime(content_html, words_per_minute)))


def reading_minutes_of(reader: ReadtimeParser, words_per_minute: int = 265) -> int:
    """`reading_minutes` of the HTML `reader` (Material's own parser) has read.

    For a page that is also read for other things in the same pass (`htmlscan.scan`). The
    arithmetic is `material.plugins.blog.readtime.readtime`'s, which takes HTML only.
    """
    words = len(re.split(r"\W+", "".join(reader.text)))
    seconds = math.ceil(words / words_per_minute * 60)
    delta = 12  # each image adds time, less for each further one, down to 3 seconds
    for _ in range(reader.images):
        seconds += delta
        delta = delta - 1 if delta > 3 else delta
    return max(1, math.ceil(seconds / 60))
