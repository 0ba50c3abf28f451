"""Hugo's `ref`/`relref` targets as Markdown links that MkDocs validates and rewrites.

Hugo looks a path up relative to the current page, then relative to the content root, with or
without the `.md` extension, and as a section (`x/_index.md`, `x/index.md`); a leading `/`
means the content root only, and a bare name may match a page's file name anywhere if that is
unambiguous. We emit the `.md` path relative to the current file: MkDocs then checks the link
and turns it into the page's URL, so a wrong target still gets reported by `mkdocs build`. In
raw HTML (`<a href="{{< ref "x" >}}">`), which MkDocs does not rewrite, the page's URL is
written instead.

The plugin knows every page; it hands their paths to the extension (`PageHolder.known_pages`,
once per build). Standalone, `set_known_pages()` publishes them (tests, scripts); without any
list the most likely path is emitted unchecked.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import quote

from ..pagecontext import PageInfo

_known_pages: ContextVar[frozenset[str] | None] = ContextVar("stepwise_known_pages", default=None)


def set_known_pages(paths: Iterable[str] | None) -> None:
    """Publish the docs-relative paths of every Markdown page (None: unknown), for standalone
    use; the plugin hands them to its extension instead."""
    _known_pages.set(None if paths is None else frozenset(paths))


def known_pages() -> frozenset[str] | None:
    return _known_pages.get()


@dataclass(frozen=True)
class RefResolution:
    """Where a ref points, and what went wrong finding it (None when all is well)."""

    path: str
    """The Markdown file, relative to `docs/`; empty for a link within the page."""
    fragment: str = ""
    """`#anchor`, or empty."""
    problem: str | None = None

    def markdown_link(self, page_src: str | None) -> str:
        """The `.md` path relative to `page_src`: MkDocs checks and rewrites it."""
        if not self.path:
            return self.fragment or "#"
        page_dir = posixpath.dirname(page_src) if page_src else ""
        return _quote(posixpath.relpath(self.path, page_dir or ".")) + self.fragment

    def url(self, page: PageInfo) -> str:
        """The target page's URL relative to `page`, for raw HTML, which MkDocs leaves alone.

        Directory URLs are assumed when the current page's URL has them (MkDocs' default).
        """
        if not self.path:
            return self.fragment or "#"
        stem = self.path.removesuffix(".md")
        folder, name = posixpath.split(stem)
        if name in {"index", "README"}:
            site_path = f"{folder}/" if folder else "./"
        elif page.url == "" or page.url.endswith("/"):
            site_path = f"{stem}/"
        else:
            site_path = f"{stem}.html"
        return _quote(page.relative_url(site_path)) + self.fragment


def _quote(path: str) -> str:
    return quote(path, safe="/._-~")


def _candidates(path: str) -> list[str]:
    """File names Hugo would accept for `path`, best first."""
    path = path.strip("/")
    if path.endswith(".md"):
        return [path]
    stem = path
    return [f"{stem}.md", f"{stem}/_index.md", f"{stem}/index.md", f"{stem}/README.md"]


def resolve_ref(target: str, page_src: str | None, pages: frozenset[str] | None) -> RefResolution:
    """The page `{{< ref "target" >}}` written in the file `page_src` points to."""
    path, hash_mark, anchor = target.strip().partition("#")
    fragment = hash_mark + anchor
    if not path:
        return RefResolution("", fragment)
    page_dir = posixpath.dirname(page_src) if page_src else ""
    from_root = path.startswith("/")
    bases = [""] if from_root else [page_dir, ""] if page_dir else [""]
    tried = [
        posixpath.normpath(posixpath.join(base, name))
        for base in bases
        for name in _candidates(path)
    ]
    found: str | None = None
    problem: str | None = None
    if pages is None:
        found = tried[0]
    else:
        found = next((name for name in tried if name in pages), None)
        if found is None and "/" not in path.strip("/"):
            wanted = set(_candidates(path))
            matches = sorted(
                page
                for page in pages
                if posixpath.basename(page) in wanted or "/".join(page.split("/")[-2:]) in wanted
            )
            if len(matches) == 1:
                found = matches[0]
            elif matches:
                problem = f"ref {target!r} is ambiguous: {', '.join(matches)}"
        if found is None:
            problem = problem or f"ref {target!r} matches no page (tried {', '.join(tried)})"
            found = tried[0]
    return RefResolution(found, fragment, problem)
