"""The list of parts in a series header, rendered once per series and folder, not per page.

Every part of a series lists all its parts (`partials/stepwise/series-header.html`): a series of
50 parts renders 50 items, each with a link through MkDocs' `url` filter, on each of its 50
pages. The item of another part is the same on every page whose URL has the same depth and the
same parent folder: MkDocs makes a link relative by the page's folders
(`mkdocs.utils.get_relative_url`), and two sibling folders see everything outside both of them
along the same path. So each item (`partials/stepwise/series-part.html`) is rendered for the
first such page and reused; the page's own item, and a link to a part at or below one of the
two pages' folders, are rendered for the page. Byte-identical to the template's own loop
(`tests/test_partlists.py`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, replace

from jinja2 import Environment, Template
from markupsafe import Markup
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from .views import PartView, SeriesView

ITEM_TEMPLATE = "partials/stepwise/series-part.html"


@dataclass(frozen=True)
class _Rendered:
    folders: tuple[str, ...]
    """The folders the first page's links are relative to (`_folders`)."""
    items: list[str]
    below: dict[tuple[str, ...], list[int]]
    """The indexes of the parts at or below each folder (every prefix of a part's path)."""


class PartLists:
    """Renders the items of series headers for one build (the build's template environment)."""

    def __init__(self, env: Environment) -> None:
        self.template: Template = env.get_template(ITEM_TEMPLATE)
        self._rendered: dict[tuple[str, tuple[str, ...], int], _Rendered] = {}

    def fill(self, series: list[SeriesView], page: Page) -> list[SeriesView]:
        """`series` with their `part_items` rendered for `page`."""
        return [replace(view, part_items=self.items(view, page)) for view in series]

    def items(self, series: SeriesView, page: Page) -> Markup:
        folders = _folders(page.url)
        key = (series.landing_uri, folders[:-1], len(folders))
        rendered = self._rendered.get(key) if folders else None
        if rendered is None:
            # Every item as a link relative to this page; the root's are shared with no page.
            links = [self._link(part, page) for part in series.parts]
            rendered = _Rendered(folders, links, _below(series.parts))
            if folders:
                self._rendered[key] = rendered
        items = list(rendered.items)
        if rendered.folders != folders:
            for index in rendered.below.get(rendered.folders, []) + rendered.below.get(folders, []):
                items[index] = self._link(series.parts[index], page)
        for index, part in enumerate(series.parts):
            if part.number == series.current:
                items[index] = self.template.render(part=part, current=True, href="")
        return Markup("".join(items))

    def _link(self, part: PartView, page: Page) -> str:
        href = normalize_url(part.url, page=page)
        return self.template.render(part=part, current=False, href=href)


def _below(parts: Sequence[PartView]) -> dict[tuple[str, ...], list[int]]:
    below: dict[tuple[str, ...], list[int]] = {}
    for index, part in enumerate(parts):
        path = _parts(part.url)
        for length in range(len(path) + 1):
            below.setdefault(path[:length], []).append(index)
    return below


def _folders(url: str) -> tuple[str, ...]:
    """The folders `get_relative_url` makes links relative to, for a page at `url`: the URL
    itself, or its folder when its last segment holds a dot (a file)."""
    folder, _, name = url.rpartition("/")
    return _parts(folder if "." in name else url)


def _parts(path: str) -> tuple[str, ...]:
    """`path` split as MkDocs splits it (normalised, without empty segments)."""
    normal = posixpath.normpath("/" + path)[1:]
    return tuple(normal.split("/")) if normal else ()
