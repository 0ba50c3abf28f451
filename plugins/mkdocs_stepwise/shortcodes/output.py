"""What a shortcode renderer returns, what it may ask for, and safe HTML building blocks.

Renderers are plain functions `(Shortcode, RenderContext) -> Rendered`. They never touch the
Markdown instance: the context stashes raw HTML, renders inner nodes and reports warnings, so
the renderers stay testable and the layout rules (blank lines, indentation) live in one place.
"""

from __future__ import annotations

import contextlib
import html
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

import markdown

from ..pagecontext import PageInfo, converting
from ..safe_links import SafeLinksExtension
from .parser import Node, Shortcode


@dataclass(frozen=True)
class Inline:
    """Markdown (or stash placeholders) that goes where the call was, inside its line."""

    text: str


@dataclass(frozen=True)
class BlockHtml:
    """Finished HTML for a block of its own; stashed so Markdown leaves it alone."""

    html: str


@dataclass(frozen=True)
class BlockMarkdown:
    """Markdown lines that form blocks of their own (fences, tabs, md_in_html, `[TOC]`)."""

    text: str


Rendered = Inline | BlockHtml | BlockMarkdown


class RenderContext(Protocol):
    """What renderers may ask of the extension for the page being converted."""

    page: PageInfo
    tocs: int
    """How many tables of contents this page has rendered so far."""
    known_pages: frozenset[str] | None
    """Docs-relative paths of every page of the build (for `ref`); None when unknown."""
    known_files: frozenset[str] | None
    """Docs-relative paths of every file of the build (for images); None when unknown."""

    def stash(self, html_text: str) -> str:
        """Store raw HTML; returns the placeholder to put in the Markdown."""
        ...

    def warn(self, message: str, line: int) -> None:
        """Report bad input at `line` of the current file."""
        ...

    def markdown(self, nodes: Sequence[Node]) -> str:
        """Render inner nodes as Markdown text (nested shortcodes rendered)."""
        ...

    def raw(self, nodes: Sequence[Node]) -> str:
        """Render inner nodes as raw HTML, as Hugo inserts `.Inner` of a `{{< >}}` call."""
        ...

    def in_html(self) -> bool:
        """Whether the call being rendered sits in HTML rather than Markdown: in the inner
        text of a `{{< >}}` call, or in an HTML attribute value (`href="{{< ref x >}}"`)."""
        ...


Renderer = Callable[[Shortcode, RenderContext], Rendered]


@dataclass(frozen=True)
class ShortcodeSpec:
    """A known shortcode: how to render it, and what it does with inner text."""

    render: Renderer
    inner: Literal["none", "parsed", "verbatim"] = "none"
    """`none`: a lone call; `parsed`: paired, inner nodes in `Shortcode.children`;
    `verbatim`: paired, the inner text is code, in `Shortcode.body`, never parsed."""


Registry = Mapping[str, ShortcodeSpec]


# --- HTML -----------------------------------------------------------------------------------


def attrs(**values: str | None) -> str:
    """` key="value"` pairs, escaped; None and "" are left out; `_` in keys becomes `-`."""
    parts = []
    for key, value in values.items():
        if value is None or value == "":
            continue
        name = key.rstrip("_").replace("_", "-")
        parts.append(f' {name}="{html.escape(value, quote=True)}"')
    return "".join(parts)


def escape_text(text: str) -> str:
    """`text` escaped for an element's content (quotes need no escaping there)."""
    return html.escape(text, quote=False)


def as_written(source: str) -> str:
    """HTML that shows a call as written: for calls that cannot be rendered."""
    return f'<code class="stepwise-shortcode-unrendered">{escape_text(source)}</code>'


def class_list(*names: str) -> str:
    """Space-joined class names, empty ones dropped."""
    return " ".join(name for name in names if name)


_SAFE_CLASS = re.compile(r"^[A-Za-z0-9_-]+$")


def safe_classes(value: str) -> list[str]:
    """The words of a user-supplied class list that are plain class names."""
    return [word for word in value.split() if _SAFE_CLASS.match(word)]


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_ALLOWED_SCHEMES = {"http", "https", "mailto", "ftp", "tel"}
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def is_safe_url(url: str) -> bool:
    """False for `javascript:`, `data:` and other schemes that run code or are unknown.

    Browsers ignore control characters and spaces inside a scheme (`java\\tscript:`), so they
    are removed before looking.
    """
    match = _SCHEME.match(_INVISIBLE.sub("", url))
    return match is None or match.group(1).lower() in _ALLOWED_SCHEMES


def site_url(url: str, page: PageInfo) -> str:
    """A URL from a shortcode, made to work from `page` in an MkDocs site.

    Hugo serves `static/` at the site root, so `/images/x.jpg` means the site's root: it
    becomes relative to the page so the site also works under a sub-path. A relative path is
    relative to the Markdown file, as for Markdown images in MkDocs. Absolute URLs,
    protocol-relative `//host/…` URLs and fragments stay as they are.
    """
    if not url or url.startswith(("//", "#", "?")) or _SCHEME.match(url):
        return url
    if url.startswith("/"):
        return page.relative_url(url.lstrip("/"))
    if page.src_path is None:
        return url
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page.src_path), url))
    if target.startswith(".."):
        return url  # outside docs/: nothing sensible to map to
    return page.relative_url(target)


# Captions and attributions are Markdown from the post: their links are filtered like the page's.
_INLINE_MARKDOWN = markdown.Markdown(extensions=[SafeLinksExtension()])


def markdownify(text: str, page: PageInfo | None = None) -> str:
    """Hugo's `markdownify`: inline Markdown to HTML, without a wrapping paragraph.

    `page` is the page the text is on: a script link removed from it is reported there.
    """
    _INLINE_MARKDOWN.reset()
    with contextlib.ExitStack() as stack:
        if page is not None:
            stack.enter_context(converting(page))
        converted = _INLINE_MARKDOWN.convert(text).strip()
    if converted.startswith("<p>") and converted.endswith("</p>") and converted.count("<p>") == 1:
        converted = converted[3:-4]
    return converted


def checked_url(url: str, ctx: RenderContext, line: int, what: str) -> str:
    """`url` ready for an attribute: refused schemes become `#` with a warning."""
    url = url.strip()
    if not is_safe_url(url):
        ctx.warn(f"refused the {what} URL {url!r}: only http(s), mailto and relative URLs", line)
        return "#"
    return site_url(url, ctx.page)
