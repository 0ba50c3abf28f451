"""Links, images and bare URLs that point into the scenario's sandbox, before MkDocs reads them.

`[Console](https://console-openshift-console-[[HOST_SUBDOMAIN]]-443-[[KATACODA_HOST]]…)` and
`[Grafana]({{TRAFFIC_HOST1_3000}})` led to a port of the reader's sandbox. On a static site they
would lead nowhere, and MkDocs' link check even raises on the brackets (it reads
`[HOST_SUBDOMAIN` as an IPv6 host). So, in the element tree and before MkDocs' `relpath`
treeprocessor sees a link:

- a link or image whose target holds a placeholder becomes its text (or `alt`) followed by where
  it pointed, in words: "Console (port 443 of your environment, path /topology)";
- a sandbox address written in prose (`https://[[HOST_SUBDOMAIN]]-80-…/`, `{{TRAFFIC_HOST1_80}}`)
  becomes the same words;
- the first of them on a page gets a note above it that explains what "your environment" is.

Code is left alone: a command copies exactly what the author wrote. Raw HTML is handled later, in
`placeholders` (it is not in the tree yet). Any other link target that Python's URL parser
refuses (`http://[not-an-ip]/`) loses its target with a warning instead of stopping the build.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Protocol
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from ..pagecontext import PageHolder
from .environment import NOTE_TEXT, NOTE_TITLE, Address, describe, find_addresses, read_address
from .environment import has_placeholder as holds_placeholder

LINK_CLASS = "stepwise-env-link"
WHERE_CLASS = "stepwise-env-link__where"
NOTE_CLASS = "stepwise-env-note"

# Text inside these is code or not shown: it stays exactly as written.
_SKIPPED = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea"})
_URL_ATTRIBUTES = {"a": "href", "img": "src"}


class SourceLines(Protocol):
    """Where the page's file lines are kept (the extension; see `katacoda.__init__`)."""

    pages: PageHolder
    """The page being converted (for warnings)."""

    def line_containing(self, text: str) -> int | None: ...


def where_element(address: Address, *, bare: bool) -> etree.Element:
    """`(port 443 of your environment, path /x)`; without the brackets for a bare address."""
    where = etree.Element("span", {"class": WHERE_CLASS})
    words = describe(address)
    where.text = words if bare else f"({words}"
    if address.path and address.path != "/":
        where.text += ", path "
        path = etree.SubElement(where, "code")
        path.text = AtomicString(address.path)
        path.tail = "" if bare else ")"
    elif not bare:
        where.text += ")"
    return where


def note_element() -> etree.Element:
    """The explanation, as a Material admonition (styled with or without the extension)."""
    note = etree.Element("div", {"class": f"admonition info {NOTE_CLASS}"})
    title = etree.SubElement(note, "p", {"class": "admonition-title"})
    title.text = NOTE_TITLE
    text = etree.SubElement(note, "p")
    text.text = NOTE_TEXT
    note.tail = "\n"
    return note


class EnvironmentLinks(Treeprocessor):
    """Rewrites sandbox links, images and addresses as described above."""

    def __init__(self, md: Markdown, source: SourceLines) -> None:
        super().__init__(md)
        self.source = source

    def run(self, root: etree.Element) -> None:
        first: etree.Element | None = None  # the top-level block holding the first rewrite
        for index, block in enumerate(list(root)):
            changed, replacement = self._rewrite(block, root, index)
            if changed and first is None:
                first = replacement or block
        if first is not None:
            root.insert(list(root).index(first), note_element())

    def _rewrite(
        self, element: etree.Element, parent: etree.Element, index: int
    ) -> tuple[bool, etree.Element | None]:
        """Rewrite `element` (`parent[index]`) and what it holds.

        Positions are passed down rather than looked up: `list(parent).index(…)` for every link
        of a paragraph made pages with thousands of them quadratic.

        Returns whether anything changed, and the element that replaced `element`, if one did.
        """
        if element.tag in _SKIPPED or LINK_CLASS in (element.get("class") or "").split():
            return False, None
        attribute = _URL_ATTRIBUTES.get(element.tag)
        url = element.get(attribute) if attribute else None
        if url is not None and holds_placeholder(url):
            return True, self._replace_link(element, parent, index, url)
        if url is not None and not _parses(url):
            self.source.pages.warn(
                f"{attribute} {_shown(url)!r} is not a valid URL; it is shown without its link",
                self.source.line_containing(url),
            )
            # A `<span>`, not an `<a>` without `href`: MkDocs asserts that every link has one.
            element = _as_text(element, parent, index)
            replaced = element
        else:
            replaced = None
        changed = False
        if element.text and not isinstance(element.text, AtomicString):
            changed |= _split_text(element, None) > 0
        position = 0  # of the child being rewritten, after what earlier ones inserted
        for child in list(element):
            child_changed, replacement = self._rewrite(child, element, position)
            changed |= child_changed
            current = replacement or child
            position += 1
            if current.tail and not isinstance(current.tail, AtomicString):
                inserted = _split_text(element, current, position)
                changed |= inserted > 0
                position += inserted
        return changed, replaced

    def _replace_link(
        self, element: etree.Element, parent: etree.Element, index: int, url: str
    ) -> etree.Element:
        """`<a href=…>text</a>` -> `<span>text (where)</span>`; an image keeps its `alt`.

        Placeholders of stashed raw HTML (`</a>` of a raw link whose text magiclink turned into
        a link) are kept, after the span, wherever they were: dropping one breaks the page.
        """
        stashed = [m[0] for m in HTML_PLACEHOLDER_RE.finditer(url)]
        address = read_address(HTML_PLACEHOLDER_RE.sub("", url))
        span = etree.Element("span", {"class": LINK_CLASS})
        if element.tag == "img":
            label = element.get("alt") or ""
            span.text = label
            bare = not label
        else:
            span.text = element.text
            for child in element:
                span.append(child)
            # A link that shows its own address: the words replace it rather than repeat it.
            shown = "".join(span.itertext())
            bare = holds_placeholder(shown)
            if bare:
                stashed += [m[0] for m in HTML_PLACEHOLDER_RE.finditer(shown)]
                span.text = None
                for child in list(span):
                    span.remove(child)
        where = where_element(address, bare=bare)
        if not bare:
            where.tail = None
            last = span[-1] if len(span) else None
            if last is not None:
                last.tail = (last.tail or "") + " "
            else:
                span.text = (span.text or "") + " "
        span.append(where)
        span.tail = "".join(dict.fromkeys(stashed)) + (element.tail or "")
        parent[index] = span
        return span


def _split_text(parent: etree.Element, after: etree.Element | None, insert_at: int = 0) -> int:
    """Replace sandbox addresses in `parent.text` (after=None) or in `after.tail`.

    `insert_at` is the position right after `after` in `parent`; returns how many elements were
    inserted there.
    """
    text = parent.text if after is None else after.tail
    if not text or ("[[" not in text and "{{" not in text):
        return 0
    found = find_addresses(text)
    if not found:
        return 0
    position = 0
    pieces: list[etree.Element] = []
    leading = text[: found[0][0]]
    for start, end, address in found:
        if pieces:
            pieces[-1].tail = text[position:start]
        span = etree.Element("span", {"class": LINK_CLASS})
        span.append(where_element(address, bare=True))
        pieces.append(span)
        position = end
    pieces[-1].tail = text[position:]
    if after is None:
        parent.text = leading
        insert_at = 0
    else:
        after.tail = leading
    parent[insert_at:insert_at] = pieces
    return len(pieces)


def _as_text(element: etree.Element, parent: etree.Element, index: int) -> etree.Element:
    """Put a `<span>` with the link's content (or the image's `alt`) in the element's place."""
    span = etree.Element("span")
    if element.tag == "img":
        span.text = element.get("alt") or ""
    else:
        span.text = element.text
        span.extend(list(element))
    span.tail = element.tail
    parent[index] = span
    return span


def _parses(url: str) -> bool:
    try:
        urlsplit(url)
    except ValueError:
        return False
    return True


def _shown(url: str) -> str:
    return url if len(url) <= 60 else url[:57] + "..."
