"""Keep the global navigation to series, and keep prev/next links inside a series.

Material renders the whole navigation into every page, so a site that lists every post in its
navigation does O(n²) work (n pages, each with n links). The navigation therefore lists each
series once, by its landing page; the parts are reached from the landing page and from each
other. Material prints every entry of the navigation's top level (and of the sections the page
is in) even with `navigation.prune`, so a site of hundreds of series side by side still pays
pages times series: past a limit they are grouped into sections by category (`group_series`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from html import escape

from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .series import Series, SeriesIndex
from .sitefiles import file_at
from .views import SeriesView


def collapse_series(nav: Navigation, series: SeriesIndex) -> None:
    """Drop series parts from the nav; a folder left with only its landing page becomes it."""
    parts = set(series.by_part) - set(series.by_landing)
    nav.items = _prune(nav.items, parts, set(series.by_landing), parent=None)
    nav.pages = list(_pages(nav.items))
    link_in_order(nav.pages)


def _prune(
    items: Iterable[StructureItem], parts: set[str], landings: set[str], parent: Section | None
) -> list[StructureItem]:
    kept: list[StructureItem] = []
    for item in items:
        if isinstance(item, Page) and item.file.src_uri in parts:
            continue
        if isinstance(item, Section):
            item.children = _prune(item.children, parts, landings, parent=item)
            if not item.children:
                continue
            only = item.children[0]
            if len(item.children) == 1 and isinstance(only, Page) and only.file.src_uri in landings:
                item = only
        item.parent = parent
        kept.append(item)
    return kept


def group_series(nav: Navigation, categories: Mapping[str, str | None], above: int) -> int:
    """Where one level of `nav` lists more than `above` series, group them by category.

    `categories` maps each series' landing page to its category (None: it has none). A group
    is a section named after the category, where its first series was; the series in it and
    the entries around keep their order, and series without a category stay where they are.
    Categories that differ only in case are one. Returns the number of sections made.
    """
    made = _group(nav.items, categories, above, parent=None)
    if made:
        nav.pages = list(_pages(nav.items))
        link_in_order(nav.pages)
    return made


def _group(
    items: list[StructureItem],
    categories: Mapping[str, str | None],
    above: int,
    parent: Section | None,
) -> int:
    made = sum(
        _group(item.children, categories, above, item)
        for item in items
        if isinstance(item, Section)
    )
    landings = [_landing(item, categories) for item in items]
    if sum(uri is not None for uri in landings) <= above:
        return made
    grouped: list[StructureItem] = []
    sections: dict[str, Section] = {}
    for item, uri in zip(items, landings, strict=True):
        category = categories.get(uri) if uri is not None else None
        if category is None:
            grouped.append(item)
            continue
        key = category.strip().casefold()
        section = sections.get(key)
        if section is None:
            # MkDocs' titles are printed as they are (Material does not escape them); a
            # category is the author's text.
            section = sections[key] = Section(escape(category.strip()), [])
            section.parent = parent
            grouped.append(section)
        item.parent = section
        section.children.append(item)
    items[:] = grouped
    return made + len(sections)


def _landing(item: StructureItem, categories: Mapping[str, str | None]) -> str | None:
    """The landing page's src_uri if `item` is a series' landing page, else None."""
    if isinstance(item, Page) and item.file.src_uri in categories:
        return item.file.src_uri
    return None


def series_categories(
    series: SeriesIndex, categories_of: Mapping[str, Sequence[str]]
) -> dict[str, str | None]:
    """Each series' landing page -> its category, for `group_series`: its landing page's
    first, else the first of its first part that has any (Hugo's `categories`)."""
    return {item.landing_uri: _category(item, categories_of) for item in series.series}


def _category(series: Series, categories_of: Mapping[str, Sequence[str]]) -> str | None:
    for uri in (series.landing_uri, *series.parts):
        for category in categories_of.get(uri, ()):
            if category.strip():
                return category.strip()
    return None


def _pages(items: Iterable[StructureItem]) -> Iterable[Page]:
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages(item.children)


def link_in_order(pages: list[Page]) -> None:
    """Set `previous_page`/`next_page` along `pages`, as MkDocs does for the navigation."""
    for before, after in itertools.pairwise(pages):
        before.next_page = after
        after.previous_page = before
    if pages:
        pages[0].previous_page = None
        pages[-1].next_page = None


def link_within_series(page: Page, series: SeriesView, files: Files) -> None:
    """Prev/next inside the page's series; part 1 leads back to the series' landing page."""
    previous = series.previous.src_uri if series.previous else series.landing_uri
    page.previous_page = _page(files, previous)
    page.next_page = _page(files, series.next.src_uri) if series.next else None


def mark_series_in_nav(series: SeriesView, files: Files) -> Page | None:
    """Parts are not in the navigation: mark their landing page (and its sections) active, so
    the reader sees where they are. Returns the page to unmark once this page is written."""
    landing = _page(files, series.landing_uri)
    if landing is None or landing.active:
        return None
    landing.active = True
    return landing


def link_landing(page: Page, series: SeriesView, files: Files) -> None:
    """A landing page starts its series: no way back out of it, and part 1 comes next.

    The same chain at both ends in Material's footer: landing → part 1 → … → the last part.
    """
    page.previous_page = None
    page.next_page = _page(files, series.parts[0].src_uri) if series.parts else None


def _page(files: Files, src_uri: str) -> Page | None:
    file = file_at(files, src_uri)
    return file.page if file is not None else None
