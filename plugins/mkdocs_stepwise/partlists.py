"""The list of parts in a series header, rendered once per series and folder, not per page.

Every part of a series lists all its parts (`partials/stepwise/series-header.html`): a series of
50 parts renders 50 items, each with a link through MkDocs' `url` filter, on each of its 50
pages. The item of another part is the same on every page whose URL has the same depth and the
same parent folder: MkDocs makes a link relative by the page's folders
(`mkdocs.utils.get_relative_url`), and two sibling folders see everything outside both of them
along the same path. So each item (`partials/stepwise/series-part.html`) is rendered once per
series and parent folder, as seen from a sibling folder no page has; a page renders its own
item, and links to the parts at or below its own folder (none with directory URLs; with
`use_directory_urls: false` the parts of one folder share those too). Byte-identical to the
template's own loop (`tests/test_partlists.py`).
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
    items: list[str]
    """Every item as a link from a sibling folder of the page's that no part is at or below."""
    below: dict[tuple[str, ...], list[int]]
    """The indexes of the parts at or below each folder (every prefix of a part's path)."""


_NOWHERE = "\x00"
"""A folder name no page's address has: the shared links are relative to such a sibling."""


class _At:
    """What MkDocs' `normalize_url` reads of a page: its address."""

    def __init__(self, url: str) -> None:
        self.url = url


class PartLists:
    """Renders the items of series headers for one build (the build's template environment)."""

    def __init__(self, env: Environment) -> None:
        self.template: Template = env.get_template(ITEM_TEMPLATE)
        self._rendered: dict[tuple[str, tuple[str, ...], int], _Rendered] = {}
        self._in_folder: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        """The items for the pages of one folder, its own parts' links included."""

    def fill(self, series: list[SeriesView], page: Page) -> list[SeriesView]:
        """`series` with their `part_items` rendered for `page`."""
        return [replace(view, part_items=self.items(view, page)) for view in series]

    def items(self, series: SeriesView, page: Page) -> Markup:
        current = next(
            (index for index, part in enumerate(series.parts) if part.number == series.current),
            None,
        )
        folders = _folders(page.url)
        if not folders:  # the root has no sibling: every link is the page's own
            items = [self._link(part, page.url) for part in series.parts]
        else:
            items = list(self._for_folder(series, folders, page.url, current))
        if current is not None:
            part = series.parts[current]
            items[current] = self.template.render(part=part, current=True, href="")
        return Markup("".join(items))

    def _for_folder(
        self, series: SeriesView, folders: tuple[str, ...], url: str, current: int | None
    ) -> list[str]:
        exact = (series.landing_uri, folders)
        found = self._in_folder.get(exact)
        if found is not None:
            return found
        key = (series.landing_uri, folders[:-1], len(folders))
        shared = self._rendered.get(key)
        if shared is None:
            below = _below(series.parts)
            if len(below.get(folders, [])) == len(series.parts):
                # Every part is at or below this folder (no directory URLs): no sibling's view.
                items = self._in_folder[exact] = [self._link(part, url) for part in series.parts]
                return items
            nowhere = "/".join((*folders[:-1], _NOWHERE)) + "/"
            links = [self._link(part, nowhere) for part in series.parts]
            shared = self._rendered[key] = _Rendered(links, below)
        own = shared.below.get(folders, [])
        if all(index == current for index in own):
            return shared.items  # the page's own item is rendered for the page anyway
        items = list(shared.items)
        for index in own:  # the current one too: the next page of the folder shows it as a link
            items[index] = self._link(series.parts[index], url)
        self._in_folder[exact] = items
        return items

    def _link(self, part: PartView, url: str) -> str:
        # Any object with the page's `url` will do: MkDocs' `url` filter reads nothing else.
        href = normalize_url(part.url, page=_At(url))  # type: ignore[arg-type]
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
