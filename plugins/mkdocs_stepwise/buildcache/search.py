"""Material's search index, from the cache for pages whose HTML did not change.

Material's search plugin parses every page's HTML again in `on_page_context` to cut it into
sections; on a warm build that is the largest cost left (a fifth of a build). Its index keeps
the sections as plain dicts, a function of the page's HTML, table of contents, address, title
and metadata, and of the search options (which are in the site's key). So the index's
`add_entry_from_context` is wrapped for this build: a page seen before gets its sections back
from the cache, any other is indexed by Material and its sections are stored.

The wrapper is installed only when the index looks as Material 9 makes it (an `entries` list
and that method); otherwise search is left as it is, only slower.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.plugins import PluginCollection
from mkdocs.structure.pages import Page

from .fingerprint import Unfingerprintable, digest, text_digest, toc_data
from .store import Store

MATERIAL_SEARCH = "material.plugins.search.plugin"


def cache_search_index(plugins: PluginCollection, store: Store, site: str) -> bool:
    """Wrap the index of Material's search plugin, if the site uses it; True if wrapped."""
    for plugin in plugins.values():
        if type(plugin).__module__ != MATERIAL_SEARCH:
            continue
        index = getattr(plugin, "search_index", None)
        add = getattr(index, "add_entry_from_context", None)
        if index is None or not callable(add) or not isinstance(index.entries, list):
            return False
        index.add_entry_from_context = _cached(add, index.entries, store, site)
        return True
    return False


def _cached(
    add: Callable[[Page], None], entries: list[Any], store: Store, site: str
) -> Callable[[Page], None]:
    def add_entry_from_context(page: Page) -> None:
        try:
            content = text_digest(page.content or "")
            key = digest(site, page.url, page.title, page.meta, content, toc_data(page.toc))
        except Unfingerprintable:
            add(page)
            return
        found = store.get("search", key, _valid)
        if found is not None:
            entries.extend(found)
            return
        start = len(entries)
        add(page)
        store.put("search", key, entries[start:])

    return add_entry_from_context


def _valid(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(entry, dict) and all(isinstance(key, str) for key in entry) for entry in value
    )
