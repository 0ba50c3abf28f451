"""Which page is being converted, for the Markdown extensions.

The extensions are plain Python-Markdown extensions so that they also run without MkDocs
(Zensical runs Markdown extensions but not MkDocs plugins). They still need to name the file in
their warnings and to build URLs relative to the page. The plugin creates the extensions and
hands each the same `PageHolder`, whose `page` it sets before every page is converted (the way
mkdocs-autorefs hands its extension the current page). Used standalone, an extension has a
holder of its own with no page: then the page published with `converting()` applies (tests,
scripts), else the defaults: no file name, and URLs relative to the site root.

Only the standard library is used here, on purpose.
"""

from __future__ import annotations

import contextlib
import logging
import posixpath
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

# Under the `mkdocs` logger tree, so that `mkdocs build --strict` counts these warnings. This is
# the same logger `mkdocs.plugins.get_plugin_logger("stepwise")` returns, minus the prefix.
log = logging.getLogger("mkdocs.plugins.stepwise")


@dataclass(frozen=True)
class PageInfo:
    """The page that is being converted right now."""

    src_path: str | None = None
    """The Markdown file, relative to `docs/` (e.g. `series/part-1.md`); None when unknown."""

    url: str = ""
    """The page's URL relative to the site root (e.g. `series/part-1/`); `""` is the home page."""

    def location(self, line: int | None = None) -> str:
        """`file:line` for a message, as compilers print it."""
        where = self.src_path or "<markdown>"
        return f"{where}:{line}" if line else where

    def relative_url(self, site_path: str) -> str:
        """The URL of `site_path` (relative to the site root) as seen from this page."""
        base = posixpath.dirname(self.url) if not self.url.endswith("/") else self.url.rstrip("/")
        relative = posixpath.relpath(site_path, base or ".")
        if site_path.endswith("/") and not relative.endswith("/"):
            relative += "/"
        return relative


_ANONYMOUS = PageInfo()
_current: ContextVar[PageInfo | None] = ContextVar("stepwise_page", default=None)


@dataclass
class PageHolder:
    """The page the plugin hands its extensions, and the pages `ref` may link to."""

    page: PageInfo | None = None
    """The page being converted; None between pages and without the plugin."""

    known_pages: frozenset[str] | None = None
    """Docs-relative paths of every page of the build; None when unknown."""

    known_files: frozenset[str] | None = None
    """Docs-relative paths of every file of the build (shortcode images); None when unknown."""

    def current(self) -> PageInfo:
        """The page handed over, else the standalone fallback (`converting()`, or none)."""
        return self.page or current_page()

    def warn(self, message: str, line: int | None = None) -> None:
        """A warning that starts with the page's file (and line)."""
        warn(message, line, page=self.current())


def current_page() -> PageInfo:
    """The page being converted, or an anonymous one outside MkDocs."""
    return _current.get() or _ANONYMOUS


@contextlib.contextmanager
def converting(page: PageInfo) -> Iterator[PageInfo]:
    """Publish `page` as the current page for the duration of a `with` block (tests, scripts)."""
    token = _current.set(page)
    try:
        yield page
    finally:
        _current.reset(token)


def warn(message: str, line: int | None = None, *, page: PageInfo | None = None) -> None:
    """Log a warning that starts with the file (and line), like MkDocs' own warnings.

    `page` is the page an extension was handed; without one, the current page (see above).
    """
    log.warning("%s: %s", (page or current_page()).location(line), message)
