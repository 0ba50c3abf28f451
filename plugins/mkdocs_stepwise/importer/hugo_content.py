"""Where each file of a Hugo site goes, and where Hugo had published each page (pure).

- `_index.md` (a section's or the home page's own text) becomes `index.md`: MkDocs publishes
  `post/index.md` at `/post/`, where Hugo published `content/post/_index.md`.
- With one content folder per language, a page of another language gets Hugo's filename
  suffix: `content/fr/post/a.md` → `docs/post/a.fr.md`, like a site that used suffixes.
- Markdown files are copied unchanged; formats MkDocs cannot render are left behind.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from urllib.parse import unquote

from ..blog import addresses, permalinks
from ..blog.images import site_path
from ..fences import outside_fences

MARKDOWN_EXTENSIONS = {".md", ".markdown", ".mdown", ".mkdn", ".mkd"}
# Content formats Hugo renders and MkDocs does not (or, for .html, not as a themed page).
NOT_RENDERED = {
    ".html": "an HTML content page; Hugo put it in the theme's layout, MkDocs would not",
    ".htm": "an HTML content page; Hugo put it in the theme's layout, MkDocs would not",
    ".org": "Org mode is not Markdown",
    ".adoc": "AsciiDoc is not Markdown",
    ".asciidoc": "AsciiDoc is not Markdown",
    ".rst": "reStructuredText is not Markdown",
    ".pandoc": "Pandoc Markdown needs Pandoc",
    ".pdc": "Pandoc Markdown needs Pandoc",
    ".rmd": "R Markdown needs R (blogdown); copy the rendered .md instead",
    ".rmarkdown": "R Markdown needs R (blogdown); copy the rendered .markdown instead",
    ".ipynb": "notebooks need a notebook plugin",
}
_LANGUAGE_SUFFIX = re.compile(r"\.([a-z]{2,3}(?:-[a-z0-9]{2,8})*)$", re.IGNORECASE)


def is_markdown(name: str) -> bool:
    return posixpath.splitext(name)[1].lower() in MARKDOWN_EXTENSIONS


def language_of(name: str, languages: Mapping[str, object]) -> str | None:
    """The language suffix of a page's file name (`about.fr.md` → `fr`), if it is a language."""
    stem = posixpath.splitext(posixpath.basename(name))[0]
    match = _LANGUAGE_SUFFIX.search(stem)
    if match and match[1].lower() in languages:
        return match[1].lower()
    return None


def target_name(rel: str, language: str | None = None) -> str:
    """The docs-relative name of content file `rel` (content-relative), for `language`'s folder.

    `language` is given for the pages of a non-default language's own content folder.
    """
    folder, name = posixpath.split(rel)
    stem, extension = posixpath.splitext(name)
    if not is_markdown(name):
        return rel
    if stem == "_index" or stem.startswith("_index."):
        stem = "index" + stem[len("_index") :]
    if language and not stem.lower().endswith(f".{language}"):
        stem = f"{stem}.{language}"
    return posixpath.join(folder, stem + extension)


def hugo_page_path(src_uri: str) -> str:
    """The address Hugo gives a page by default: its path, urlized, `index` dropped."""
    folder, name = posixpath.split(src_uri)
    stem = posixpath.splitext(name)[0]
    parts = [p for p in folder.split("/") if p]
    if stem not in {"index", "_index"}:
        parts.append(stem)
    path = "/".join(permalinks.urlize(part) for part in parts)
    return f"/{path}/" if path else "/"


def hugo_address(
    src_uri: str,
    facts: permalinks.PageFacts,
    url: str | None,
    patterns: Mapping[str, str],
    branches: Collection[str] = (),
) -> str | None:
    """Where Hugo published the page (`/2020/07/slug/`), or None when it cannot be told."""
    if url:
        return "/" + url.strip().strip("/") + ("/" if not posixpath.splitext(url)[1] else "")
    pattern = permalinks.pattern_for(src_uri, patterns, branches)
    if pattern is not None:
        path = permalinks.expand(pattern, facts)
        return None if isinstance(path, addresses.AddressError) else path
    if facts.slug and facts.slug.strip():
        folder = posixpath.dirname(hugo_page_path(src_uri).rstrip("/"))
        return posixpath.join(folder, permalinks.urlize(facts.slug.strip("/"))) + "/"
    return hugo_page_path(src_uri)


def mkdocs_address(dest_uri: str) -> str:
    """The address of a MkDocs destination: `post/a/index.html` → `/post/a/`."""
    if dest_uri.endswith("index.html"):
        return "/" + dest_uri[: -len("index.html")]
    return "/" + dest_uri


# Pictures in a page: Markdown images, <img src>, and the src of figure/image shortcodes.
# Each pattern's scans stop where the next link, picture, tag or shortcode starts (`[`, `![`,
# `<`, `{`; so link texts with brackets inside are not seen) and a title at its closing quote:
# otherwise `![a](x ![a](x …` on one line is quadratic (90 s for 70 KB).
_TITLE = r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?"
_MARKDOWN_IMAGE = re.compile(
    r"!\[[^\[\]\n]*\]\(\s*<?((?:[^)\s>!]|!(?!\[))+(?:\s(?:[^)\s\"'>!]|!(?!\[))+)*)>?"
    + _TITLE
    + r"\s*\)"
)
_HTML_IMAGE = re.compile(r"<img\b[^<>\n]*?\bsrc\s*=\s*[\"']([^\"'\n]+)[\"']", re.IGNORECASE)
_SHORTCODE_IMAGE = re.compile(
    r"\{\{[<%]\s*(?:figure|image|wide-image)\b[^\n{}]*?\bsrc\s*=\s*[\"']?([^\"'\s>%]+)",
    re.IGNORECASE,
)
_MARKDOWN_LINK = re.compile(r"(?<!!)\[[^\[\]\n]*\]\(\s*<?(/[^)\s>]*)>?" + _TITLE + r"\s*\)")


def _outside_fences(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(file line, line) of the body's lines outside fenced code, as the site will read them."""
    lines = body.splitlines()
    for index in outside_fences(lines):
        yield first_line + index, lines[index]


def site_links(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(line, path) of every Markdown link that starts at the site root (`/2020/07/slug/`)."""
    for number, line in _outside_fences(body, first_line):
        for match in _MARKDOWN_LINK.finditer(line):
            yield number, match[1]


_RELATIVE_LINK = re.compile(
    r"(?<!!)\[[^\[\]\n]*\]\(\s*<?((?![a-z][a-z0-9+.\-]*:|/|#)[^)\s>]+)>?" + _TITLE + r"\s*\)",
    re.IGNORECASE,
)


def relative_links(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(line, path) of every relative Markdown link (`other.md`, `files/a.pdf`)."""
    for number, line in _outside_fences(body, first_line):
        for match in _RELATIVE_LINK.finditer(line):
            yield number, match[1]


def image_references(body: str, first_line: int) -> Iterator[tuple[int, str, bool]]:
    """(line, URL, from a shortcode) of every picture the body names, outside fenced code."""
    for number, line in _outside_fences(body, first_line):
        for pattern in (_MARKDOWN_IMAGE, _HTML_IMAGE, _SHORTCODE_IMAGE):
            for match in pattern.finditer(line):
                yield number, match[1], pattern is _SHORTCODE_IMAGE


_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:|^//", re.IGNORECASE)


def picture_resolves(
    url: str, page_uri: str, exists: Callable[[str], bool], from_root: bool = False
) -> bool | None:
    """Whether a local picture is found where the built page will look; None for remote URLs.

    Markdown and HTML images are relative to the page; shortcodes and front matter
    (`from_root`) are also looked up from the site root, as Tranquilpeak's `absURL` did.
    """
    if _SCHEME.match(url.strip()):
        return None
    value = url.strip().split("#", 1)[0].split("?", 1)[0]
    if not value:
        return None
    value = unquote(value)
    if value.startswith("/"):
        return exists(site_path(value))
    beside = posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), value))
    # Tranquilpeak's shortcodes and front matter read relative paths from the site root too.
    return exists(beside) or (from_root and exists(site_path(value)))
