"""Render Material's navigation once per folder for the pages that are not in it.

Material renders the whole navigation into every page. Even pruned, its top level is there: a
site with S series in its navigation spends O(S) on each of its N pages, O(N·S) in all, which
is most of what grows faster than the site. Series parts are not in the
navigation (`navigation.collapse_series`): on their pages nothing in it is active or current,
and its HTML only depends on where the page is, because every link in it is relative to the
page's URL. Pages in the same folder get the same navigation, as long as no navigation target
lies below one of them, so it is rendered once per folder and reused.

Only Material's own `partials/nav.html` is cached: a site's override may show anything.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import material
from jinja2 import Environment, TemplateNotFound
from jinja2.runtime import Context
from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

NAV_TEMPLATE = "partials/nav.html"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def cache_navigation(
    env: Environment, nav: Navigation, theme_dir: Path = MATERIAL_TEMPLATES
) -> bool:
    """Serve `partials/nav.html` from a per-folder cache for pages outside `nav` (in `on_env`).

    `theme_dir` is Material's template folder; a navigation template found anywhere else is
    left alone. Returns whether the cache was installed.
    """
    try:
        template = env.get_template(NAV_TEMPLATE)
    except TemplateNotFound:
        return False
    if template.filename is None or Path(template.filename).parent.parent != theme_dir:
        return False
    render = template.root_render_func
    key_of = _folder_key(nav)
    rendered: dict[tuple[Any, ...], str] = {}

    def render_cached(context: Context) -> Iterator[str]:
        key = key_of(context.get("page"), context.get("base_url"))
        if key is None:
            yield from render(context)
            return
        if key not in rendered:
            rendered[key] = "".join(render(context))
        yield rendered[key]

    template.root_render_func = render_cached
    return True


def _folder_key(nav: Navigation) -> Callable[[Any, Any], tuple[Any, ...] | None]:
    """The cache key of a page's navigation, or None when it must be rendered for the page.

    Each page asks, so nothing here walks the whole navigation per page: on a site with
    hundreds of series that made a build grow with pages times series.
    """
    in_nav = {page.file.src_uri for page in nav.pages}
    # Every prefix of every link target: a page whose URL is one has a link at or below it.
    linked_below = {url[:end] for url in _urls(nav.items) if url for end in range(len(url) + 1)}

    def key_of(page: Any, base_url: Any) -> tuple[Any, ...] | None:
        if not isinstance(page, Page) or page.file.src_uri in in_nav or not page.url:
            return None
        url = page.url
        if url in linked_below:
            return None  # a link at or below the page is relative to the page itself
        # What is active (a part's series landing page, and the sections above it) is what the
        # navigation expands and marks; the rest of it depends only on the page's folder.
        return posixpath.dirname(url.rstrip("/")), str(base_url), tuple(_active(nav.items))

    return key_of


def _active(items: Iterable[Any]) -> Iterator[int]:
    """Where the active entries are: their positions, depth first (an inactive section's
    entries are never active)."""
    for position, item in enumerate(items):
        if item.active:
            yield position
            if isinstance(item, Section):
                yield from _active(item.children)
                yield -1


def _urls(items: Iterable[StructureItem]) -> Iterator[str]:
    for item in items:
        if isinstance(item, Page | Link):
            yield item.url
        elif isinstance(item, Section):
            yield from _urls(item.children)
