"""Read a page's HTML once for several readers.

Python's `HTMLParser` spends its time tokenizing; readers such as Material's reading-time parser
or the execute commands reader only react to its events. Every page is read for both, so one
tokenizing pass hands each event to all readers instead of tokenizing the page once per reader
(on a site of a thousand posts, about half a second of a build).
"""

from __future__ import annotations

from collections.abc import Sequence
from html.parser import HTMLParser


class _Fanout(HTMLParser):
    """Tokenizes once and forwards start tags, end tags and text to every reader, in order."""

    def __init__(self, readers: Sequence[HTMLParser]) -> None:
        # The readers' own setting: text arrives with character references already resolved.
        super().__init__(convert_charrefs=True)
        self.readers = readers

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for reader in self.readers:
            reader.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        for reader in self.readers:
            reader.handle_endtag(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for reader in self.readers:
            reader.handle_startendtag(tag, attrs)

    def handle_data(self, data: str) -> None:
        for reader in self.readers:
            reader.handle_data(data)


def scan(html: str, readers: Sequence[HTMLParser]) -> None:
    """Feed `html` to every reader, as if each had been fed it on its own.

    The readers must be `convert_charrefs=True` parsers that only override `handle_starttag`,
    `handle_endtag`, `handle_startendtag` and `handle_data` (comments, declarations and
    processing instructions are not forwarded).
    """
    fanout = _Fanout(readers)
    fanout.feed(html)
    fanout.close()
