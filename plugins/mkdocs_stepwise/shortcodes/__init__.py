"""Markdown extension `stepwise.shortcodes`: Hugo and Tranquilpeak shortcodes.

    markdown_extensions:
      - admonition
      - pymdownx.superfences
      - pymdownx.tabbed: {alternate_style: true}
      - toc
      - stepwise.shortcodes

A preprocessor at priority 29 rewrites the calls before SuperFences (25) reads fences, so the
fences it writes get highlighted; it runs after snippets (32) and whitespace normalisation
(30), and before the xkcd (28) and execute-marker (27) preprocessors. What each shortcode
becomes is described in `hugo` and `tranquilpeak`; the layout rules in
`layout`; the parsing in `parser`.

Options: `ignore`, more shortcode names to leave as written for another extension (`xkcd` is
always left to `stepwise.xkcd`). `ref`/`relref` check their target against the pages the
plugin hands over (`PageHolder.known_pages`; standalone, `refs.set_known_pages()`); without
them they emit their best guess.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from ..fences import fenced_ranges, put_raw_fences_back
from ..pagecontext import PageHolder
from .hugo import HUGO_SHORTCODES
from .layout import PageRenderer
from .output import Registry, ShortcodeSpec
from .parser import parse
from .refs import known_pages
from .tranquilpeak import TRANQUILPEAK_SHORTCODES

EXTERNAL_SHORTCODES = frozenset({"xkcd"})
"""Shortcodes another Stepwise extension renders (xkcd.py): left as written, not reported."""

SHORTCODES: dict[str, ShortcodeSpec] = {**HUGO_SHORTCODES, **TRANQUILPEAK_SHORTCODES}

PRIORITY = 29
_TOC_COMMENT_START = re.compile(r"<!--[ \t]*toc", re.IGNORECASE)


class ShortcodesPreprocessor(Preprocessor):
    """Replaces shortcode calls with Markdown, or with stashed HTML where Markdown must not go."""

    def __init__(
        self, md: Markdown, registry: Registry, ignored: frozenset[str], pages: PageHolder
    ) -> None:
        super().__init__(md)
        self.pages = pages
        self.registry = registry
        self.ignored = ignored
        self.verbatim = frozenset(
            name for name, spec in registry.items() if spec.inner == "verbatim"
        )

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        # Most pages have no shortcodes; `<!--more-->` is common, so comments count only when
        # they could be Hexo's `<!-- toc -->`/`<!-- tocstop -->` markers.
        if "{{<" not in text and "{{%" not in text and not _TOC_COMMENT_START.search(text):
            return lines
        fenced = fenced_ranges(lines, self.md)
        result = parse(text, verbatim=self.verbatim, ignored=self.ignored, fenced=fenced)
        for problem in result.problems:
            self.pages.warn(problem.message, problem.line)
        renderer = PageRenderer(
            self.registry,
            self.pages.current(),
            stash=self.md.htmlStash.store,
            warn=self.pages.warn,
            known_pages=self.pages.known_pages or known_pages(),
            known_files=self.pages.known_files,
        )
        return renderer.markdown(result.nodes).split("\n")


class ShortcodesExtension(Extension):
    """Renders Hugo's built-in and the Tranquilpeak theme's shortcodes."""

    def __init__(self, pages: PageHolder | None = None, **kwargs: Any) -> None:
        self.pages = pages or PageHolder()
        self.config = {
            "ignore": [
                [],
                "More shortcode names to leave as written (rendered by another extension)",
            ],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # `{{% alert %}}` is written in admonition syntax: make sure something reads it.
        if "admonition" not in md.parser.blockprocessors:
            md.registerExtensions(["admonition"], {})
        ignored = EXTERNAL_SHORTCODES | frozenset(self.getConfig("ignore"))
        md.preprocessors.register(
            ShortcodesPreprocessor(md, SHORTCODES, ignored, self.pages),
            "stepwise_shortcodes",
            PRIORITY,
        )
        put_raw_fences_back(md)


def makeExtension(**kwargs: Any) -> ShortcodesExtension:
    return ShortcodesExtension(**kwargs)
