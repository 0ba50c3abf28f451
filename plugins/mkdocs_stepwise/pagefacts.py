"""A page's reading time, teaser and execute commands, read while its Markdown tree exists.

Listings need each page's teaser and reading time, and series scripts its commands. Reading them
from the finished HTML means tokenizing every page again with `html.parser` (about a sixth of a
large build). Instead, the treeprocessor here walks the element tree Python-Markdown is about to
serialize and hands its elements and text to the same readers (`html.parser` subclasses: Material's
reading-time parser, the execute commands reader, the teaser's text reader) as start tag, text and
end tag events, in document order. Only what is not in the tree is tokenized: the raw HTML that
Python-Markdown stashed (SuperFences' highlighted code, the author's HTML blocks, `<!--more-->`),
each fragment on its own.

It runs last (after the table of contents adds its permalinks and escapes are restored), so the
readers see what the HTML would show them. The plugin takes the facts in `on_page_content`.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, HTML_PLACEHOLDER
from material.plugins.blog.readtime.parser import ReadtimeParser

from .execute.commands import EXECUTE_CLASS, Command, CommandReader, FileBlock
from .htmlscan import scan
from .katacoda.placeholders import PLACEHOLDER
from .pagecontext import PageHolder
from .summaries import MORE, TextReader, reading_minutes_of, teaser_from

log = logging.getLogger("mkdocs.plugins.stepwise.pagefacts")

PRIORITY = -50
"""After every treeprocessor that changes text: toc's permalinks (5), unescape (0), MkDocs' own
(0, -1)."""

# A Katacoda file block's opening tag; pages with neither it nor an execute block skip the reader.
# Only decides whether the commands reader runs (it finds the file blocks itself), so a cheap
# over-approximation will do: the exact pattern backtracked cubically on `<pre class= ` repeated.
_FILE_BLOCK = re.compile(r"<pre\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(HTML_PLACEHOLDER % r"([0-9]+)")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


@dataclass(frozen=True)
class PageFacts:
    """What listings and scripts need from one page."""

    text: TextReader
    """The teaser's reader: the readable text, up to `<!--more-->` when there is one."""
    reading: ReadtimeParser
    commands: list[str]
    """The execute commands, as "copy all" and the series script take them."""
    steps: list[Command | FileBlock]
    """Every marked element and file block, in order, with its marker (for `stepwise check`)."""

    def teaser(self, summary: str | None) -> str:
        return teaser_from(self.text, summary)

    def minutes(self, words_per_minute: int) -> int:
        return reading_minutes_of(self.reading, words_per_minute)


def read_html(html: str) -> PageFacts:
    """The same facts from finished HTML, for a page converted without the extension."""
    text = TextReader()
    reading = ReadtimeParser()
    commands = CommandReader()
    wanted = EXECUTE_CLASS in html or _FILE_BLOCK.search(html) is not None
    scan(html, [reading, commands] if wanted else [reading])
    before, *after = MORE.split(html, maxsplit=1)
    scan(before, [text])
    text.more = bool(after)
    return PageFacts(text, reading, commands.found(), commands.records)


MAIN = 1
"""Events for the reading-time and commands readers: the whole page."""
TEASER = 2
"""Events for the teaser's text reader: the page up to its first `<!--more-->`."""

Event = tuple[int, str, tuple[Any, ...]]
"""(readers mask, `HTMLParser` method name, its arguments)."""

# What `katacoda.placeholders` treats as code (placeholders keep their brackets) and skips.
_CODE_TAGS = frozenset({"pre", "code", "kbd", "samp"})
_SKIPPED_TAGS = frozenset({"script", "style", "textarea", "title"})
_ENTITY_LIKE = re.compile(r"&(?!(?:\#[0-9]+|\#x[0-9a-f]+|[0-9a-z]+);)", re.IGNORECASE)
"""An `&` that Python-Markdown's serializer escapes (one that does not start a reference)."""


class _Recorder(HTMLParser):
    """Records the events `html.parser` produces for a fragment of raw HTML."""

    def __init__(self, events: list[Event], mask: int) -> None:
        super().__init__(convert_charrefs=True)
        self.events = events
        self.mask = mask

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append((self.mask, "handle_starttag", (tag, attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append((self.mask, "handle_startendtag", (tag, attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.events.append((self.mask, "handle_endtag", (tag,)))

    def handle_data(self, data: str) -> None:
        self.events.append((self.mask, "handle_data", (data,)))

    def handle_comment(self, data: str) -> None:
        self.events.append((self.mask, "comment", ()))


def _record(html: str, events: list[Event], mask: int) -> None:
    if _record_plain(html, events, mask):
        return
    recorder = _Recorder(events, mask)
    recorder.feed(html)
    recorder.close()


# Raw HTML as highlighters write it (SuperFences' code blocks, most of what is stashed): tags
# whose attributes are double-quoted or bare names, and text with character references. It is
# tokenized here with one regular expression, which is a tenth of `html.parser`'s cost; any
# other fragment (a comment, `<script>`, a `<` that starts no such tag) goes to `html.parser`.
# Whitespace is HTML's own: `html.parser` reads other spaces (`\v`) into a tag's name.
_PLAIN_TOKEN = re.compile(
    r"<(?P<tag>[a-zA-Z][a-zA-Z0-9]*)"
    r"(?P<attrs>(?:[ \t\n\r\f]+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:=\"[^\"]*\")?)*)"
    r"[ \t\n\r\f]*(?P<empty>/)?>"
    r"|</(?P<end>[a-zA-Z][a-zA-Z0-9]*)[ \t\n\r\f]*>"
    r"|(?P<text>[^<]+)"
)
_PLAIN_ATTR = re.compile(r"([^ \t\n\r\f=]+)(?:=\"([^\"]*)\")?")
_CDATA_TAGS = frozenset({"script", "style", "textarea", "title"})
"""`html.parser` reads their content as text up to the end tag (`textarea` and `title` in
newer Pythons): not plain."""


def _record_plain(html: str, events: list[Event], mask: int) -> bool:
    """Record the events `html.parser` produces for `html` if it is plain (above); False, and
    nothing recorded, if it is not."""
    found: list[Event] = []
    position, end = 0, len(html)
    match_at = _PLAIN_TOKEN.match
    while position < end:
        token = match_at(html, position)
        if token is None:
            return False
        position = token.end()
        text = token["text"]
        if text is not None:
            found.append((mask, "handle_data", (unescape(text) if "&" in text else text,)))
            continue
        closing = token["end"]
        if closing is not None:
            found.append((mask, "handle_endtag", (closing.lower(),)))
            continue
        tag = token["tag"].lower()
        if tag in _CDATA_TAGS:
            return False
        attrs: list[tuple[str, str | None]] = [
            (attr[1].lower(), unescape(value) if (value := attr[2]) and "&" in value else value)
            for attr in _PLAIN_ATTR.finditer(token["attrs"])
        ]
        method = "handle_startendtag" if token["empty"] else "handle_starttag"
        found.append((mask, method, (tag, attrs)))
    events.extend(found)
    return True


class _Walker:
    """Records the events `html.parser` would produce for the page's serialized tree."""

    def __init__(self, md: Markdown) -> None:
        self.md = md
        self.events: list[Event] = []
        self.more = False

    @property
    def mask(self) -> int:
        return MAIN if self.more else MAIN | TEASER

    def element(self, element: etree.Element) -> None:
        tag = element.tag
        if not isinstance(tag, str):  # comments, processing instructions: not read
            self.events.append((self.mask, "comment", ()))
            self.data(element.tail)
            return
        if self._only_raw_html(element):
            # `<p>placeholder</p>` becomes the raw HTML without its paragraph, as RawHtml does
            # for block-level HTML; the readers do not care about an extra `<p>` otherwise.
            self.data(element.text)
        else:
            attrs = [
                (name, _text(value) if isinstance(value, str) else value)
                for name, value in element.attrib.items()
            ]
            if tag in _VOID:
                self.events.append((self.mask, "handle_startendtag", (tag, attrs)))
            else:
                self.events.append((self.mask, "handle_starttag", (tag, attrs)))
                self.data(element.text)
                for child in element:
                    self.element(child)
                self.events.append((self.mask, "handle_endtag", (tag,)))
        self.data(element.tail)

    def _only_raw_html(self, element: etree.Element) -> bool:
        text = element.text
        return (
            element.tag == "p"
            and len(element) == 0
            and text is not None
            and _PLACEHOLDER.fullmatch(text) is not None
        )

    def data(self, text: str | None) -> None:
        if not text:
            return
        position = 0
        if "\x02" in text:
            for match in _PLACEHOLDER.finditer(text):
                self._text(text[position : match.start()])
                self.stashed(int(match.group(1)))
                position = match.end()
        self._text(text[position:])

    def _text(self, text: str) -> None:
        if not text:
            return
        if "\x02" in text and "\x02" in text.replace(AMP_SUBSTITUTE, ""):
            # Another extension's placeholder (footnotes' back-link): its postprocessor
            # replaces it in the serialized HTML, so read what that gives. (`&` substitutes,
            # as in every permalink's `&para;`, are read below as the serializer writes them.)
            html = _escape(text)
            registry = self.md.postprocessors
            own = [registry[name] for name in _OWN_POSTPROCESSORS if name in registry]
            for postprocessor in registry:
                if not any(postprocessor is skipped for skipped in own):
                    html = postprocessor.run(html)
            _record(html, self.events, self.mask)
            return
        self.events.append((self.mask, "handle_data", (_text(text),)))

    def stashed(self, key: int) -> None:
        if key >= self.md.htmlStash.html_counter:
            self._text(HTML_PLACEHOLDER % key)
            return
        raw: Any = self.md.htmlStash.rawHtmlBlocks[key]
        if isinstance(raw, etree.Element):
            self.element(raw)
            return
        html = _resolve(str(raw), self.md)
        found = MORE.search(html) if not self.more else None
        if found is None:
            _record(html, self.events, self.mask)
            return
        _record(html[: found.start()], self.events, TEASER)
        _record(html, self.events, MAIN)
        self.more = True


def _resolve(html: str, md: Markdown) -> str:
    """Raw HTML with the placeholders inside it replaced, as Python-Markdown's RawHtml does."""

    def substitute(match: re.Match[str]) -> str:
        key = int(match.group(1))
        if key >= md.htmlStash.html_counter:
            return match.group(0)
        raw: Any = md.htmlStash.rawHtmlBlocks[key]
        if isinstance(raw, etree.Element):
            return str(md.serializer(raw))
        return _resolve(str(raw), md)

    return _PLACEHOLDER.sub(substitute, html) if "\x02" in html else html


def _escape(text: str) -> str:
    """Tree text as Python-Markdown's serializer writes it."""
    return _ENTITY_LIKE.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")


def _text(text: str) -> str:
    """Tree text as `html.parser` reads it back from the serialized page."""
    if AMP_SUBSTITUTE in text:
        text = text.replace(AMP_SUBSTITUTE, "&")
    if "&" in text:
        # The serializer keeps what looks like a reference (`&para;` from the permalinks,
        # `&lt;` in code spans) and escapes any other `&`; the parser resolves references.
        text = unescape(_ENTITY_LIKE.sub("&amp;", text))
    return text


_OWN_POSTPROCESSORS = frozenset({"raw_html", "stepwise_placeholders"})
"""Postprocessors whose work is done here another way: stashed HTML is read where it stands,
and Katacoda's placeholders are marked over the whole page (`_mark_placeholders`)."""


def _mark_placeholders(events: list[Event]) -> None:
    """Katacoda's `[[NAME]]` outside code reads `NAME` (`katacoda.placeholders`, a postprocessor
    that runs after the tree is serialized)."""
    code = skipped = 0
    for index, (mask, method, args) in enumerate(events):
        if method == "handle_data":
            if not code and not skipped and "[[" in args[0]:
                events[index] = (mask, method, (PLACEHOLDER.sub(r"\g<name>", args[0]),))
            continue
        if method in ("handle_startendtag", "comment"):
            continue
        step = -1 if method == "handle_endtag" else 1
        name = args[0].lower()
        if name in _CODE_TAGS:
            code = max(0, code + step)
        elif name in _SKIPPED_TAGS:
            skipped = max(0, skipped + step)


def _strip(events: list[Event]) -> None:
    """The page's HTML is stripped of whitespace at both ends, as `Markdown.convert` does."""
    for indices in (range(len(events)), range(len(events) - 1, -1, -1)):
        for index in indices:
            mask, method, args = events[index]
            if method != "handle_data":
                break  # a tag or a comment: the text beyond it is not at the page's edge
            text = args[0].lstrip() if indices.step == 1 else args[0].rstrip()
            events[index] = (mask, method, (text,))
            if text:
                break


def _dispatch(events: list[Event], readers: dict[int, Sequence[HTMLParser]]) -> None:
    # The readers' bound methods, looked up once per kind of event rather than for each one.
    handlers: dict[tuple[int, str], list[Callable[..., None]]] = {}
    for mask, method, args in events:
        found = handlers.get((mask, method))
        if found is None:
            found = handlers[mask, method] = [
                getattr(reader, method)
                for bit, group in readers.items()
                if mask & bit
                for reader in group
                # The readers ignore comments (`htmlscan` forwards none).
                if method != "comment"
            ]
        for handler in found:
            handler(*args)


class PageFactsTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: PageFactsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        page = self.extension.pages.current().src_path
        try:
            facts = self.read(root)
        except Exception:  # a page never fails for its listing facts
            # The plugin then reads them from the finished HTML, as it did before.
            log.debug("%s: facts read from the HTML", page, exc_info=True)
            self.extension.facts = None
            return
        self.extension.facts = (page, facts)

    def read(self, root: etree.Element) -> PageFacts:
        walker = _Walker(self.md)
        walker.data(root.text)
        for child in root:
            walker.element(child)
        events = walker.events
        _strip(events)
        if "stepwise_placeholders" in self.md.postprocessors:
            _mark_placeholders(events)
        text = TextReader()
        reading = ReadtimeParser()
        commands = CommandReader()
        _dispatch(events, {MAIN: [reading, commands], TEASER: [text]})
        text.more = walker.more
        return PageFacts(text, reading, commands.found(), commands.records)


class PageFactsExtension(Extension):
    """Collects each converted page's facts; `take()` hands over those of the last page."""

    def __init__(self, pages: PageHolder | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pages = pages or PageHolder()
        self.facts: tuple[str | None, PageFacts] | None = None

    def take(self, src_uri: str) -> PageFacts | None:
        """The facts of the page last converted, if it was `src_uri` (None otherwise)."""
        found, self.facts = self.facts, None
        return found[1] if found is not None and found[0] == src_uri else None

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        self.facts = None
        md.treeprocessors.register(
            PageFactsTreeprocessor(md, self), "stepwise_page_facts", PRIORITY
        )
