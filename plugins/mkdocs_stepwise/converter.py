"""One Markdown converter per build, reset between pages, instead of one per page.

MkDocs creates a `markdown.Markdown` for every page it converts: every extension is looked up,
configured and registered again, about a tenth of a cold build of 1,000 posts. Python-Markdown
supports converting many documents with one instance (`Markdown.reset()` between them, which
resets every extension that keeps state), so `PageConverter` does what MkDocs' `Page.render`
does, with one instance per build: MkDocs' own per-page processors (raw HTML anchors, anchors,
relative links, the title) are created for each page and registered over the previous page's.

Only where that gives the same HTML as a fresh instance:

- the MkDocs version is one whose `Page.render` this mirrors (`MIRRORED_MKDOCS`);
- every extension in `markdown_extensions` comes from a package whose extensions reset their
  state (`REUSABLE_MODULES`: Python-Markdown's own, pymdownx, Material's, ours), and footnotes
  do not number their ids per document (`UNIQUE_IDS`, which counts resets);

otherwise, and for the rest of the build after a page's conversion fails half-way, each page
gets a fresh instance from MkDocs' own `Page.render`.
"""

from __future__ import annotations

import logging
from typing import Any

import markdown
import mkdocs
from markdown.util import get_installed_extensions
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

MIRRORED_MKDOCS = frozenset({"1.6.1"})
"""MkDocs versions whose `Page.render` `PageConverter.render` mirrors line for line."""

REUSABLE_MODULES = ("markdown.extensions.", "pymdownx.", "material.extensions.", "mkdocs_stepwise.")
"""Packages whose extensions keep no state from one document to the next past `reset()`."""

_PAGES_LOG = logging.getLogger(mkdocs_pages.__name__)


class PageConverter:
    """Converts the pages of one build with one `Markdown` instance, where that is safe."""

    def __init__(self) -> None:
        self._md: markdown.Markdown | None = None
        self._config: MkDocsConfig | None = None
        self._reusable: bool | None = None

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """What `page.render(config, files)` does (MkDocs' `Page.render`), with a shared
        converter when `reusable(config)`."""
        if not self.reusable(config):
            Page.render(page, config, files)
            return
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self._converter(config)
        try:
            self._render(md, page, config, files)
        except BaseException:
            self._md = None  # half-way through a page: its processors' state is unknown
            raise

    def reusable(self, config: MkDocsConfig) -> bool:
        if self._config is not config:
            self._config, self._md = config, None
            self._reusable = reusable(config)
        return bool(self._reusable)

    def _converter(self, config: MkDocsConfig) -> markdown.Markdown:
        if self._md is None:
            self._md = markdown.Markdown(
                extensions=config["markdown_extensions"],
                extension_configs=config["mdx_configs"] or {},
            )
        else:
            self._md.reset()
        return self._md

    @staticmethod
    def _render(md: markdown.Markdown, page: Page, config: MkDocsConfig, files: Files) -> None:
        # As in MkDocs 1.6.1's `Page.render`; registering under the same names replaces the
        # previous page's processors.
        raw_html_ext = mkdocs_pages._RawHTMLPreprocessor()
        raw_html_ext._register(md)
        extract_anchors_ext = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        extract_anchors_ext._register(md)
        relative_path_ext = mkdocs_pages._RelativePathTreeprocessor(page.file, files, config)
        relative_path_ext._register(md)
        extract_title_ext = mkdocs_pages._ExtractTitleTreeprocessor()
        extract_title_ext._register(md)

        assert page.markdown is not None
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = extract_title_ext.title
        page.present_anchor_ids = (
            extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        )
        if _PAGES_LOG.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_path_ext.links_to_anchors

    def finished(self) -> None:
        """The build is over: keep nothing of it (extensions hold the build's pages)."""
        self._md = self._config = self._reusable = None


def reusable(config: MkDocsConfig) -> bool:
    """Whether one `Markdown` instance converts every page as fresh ones would."""
    if mkdocs.__version__ not in MIRRORED_MKDOCS:
        return False
    configs: dict[str, Any] = config["mdx_configs"] or {}
    for extension in config["markdown_extensions"]:
        name = extension if isinstance(extension, str) else type(extension).__module__
        if not _reusable_module(name):
            return False
    footnotes = configs.get("footnotes") or configs.get("markdown.extensions.footnotes") or {}
    return not footnotes.get("UNIQUE_IDS")


def _reusable_module(name: str) -> bool:
    # Resolved as Python-Markdown resolves it: an installed entry point's name (`toc`,
    # `stepwise.execute`) first, else a module path (with a colon before a class name).
    target = next((ep.value for ep in get_installed_extensions() if ep.name == name), name)
    module = target.split(":", 1)[0] + "."
    return module.startswith(REUSABLE_MODULES)
