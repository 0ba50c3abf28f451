"""Fast previews: which pages a `mkdocs serve --dirty` rebuild has to render again.

A full build of a thousand posts takes many seconds, and plain `mkdocs serve` does one after
every save. MkDocs' `--dirty` mode skips reading and rendering every page whose source is not
newer than its output, which is fast but wrong for this site: a post's title also appears on
the other parts of its series (header, prev/next), on its series' landing page and on listings.

This module makes dirty builds correct. The plugin instance lives as long as `mkdocs serve`, so
it keeps a `Snapshot` of the previous build: a fingerprint of every page's source, its front
matter, which pages show which posts, and the navigation. `plan()` compares two snapshots:

- nothing in `docs/` changed (the config or a template did), a page was added or removed, the
  navigation changed, a post was published or unpublished (a scheduled post came due), or a
  changed post's front matter changed in anything but its title: everything is rebuilt, as
  without `--dirty`;
- otherwise the changed pages are rebuilt, plus every page that shows one of them.

`plan()` and the snapshot are plain data; `IncrementalBuilds` applies a plan to MkDocs' files.
Pages that are not rebuilt keep last build's output, and the facts other pages need from them
(title, `page.meta`, teaser and reading time) come from the catalogue and from the cache here.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from .catalogue import Catalogue, Rendered
from .series import SeriesIndex

EVERY_POST = None
"""In `Snapshot.shows`: the page shows something about every post (e.g. a site-wide listing)."""

_TITLE_KEYS = frozenset({"title", "linktitle"})


@dataclass(frozen=True)
class Source:
    """What a rebuild compares about one page's source."""

    fingerprint: Hashable
    """(mtime_ns, size) of a file on disk; a content hash for a generated page."""
    front: Mapping[str, Any] | None = None
    """The front matter without its title keys; None for pages the catalogue does not know."""
    shown: Hashable = None
    """Where the page appears (public, preview only, hidden): a scheduled post can come due
    between two builds without its file changing."""


@dataclass(frozen=True)
class Snapshot:
    """One build's view of the site, kept until the next build to compare with it."""

    sources: Mapping[str, Source]
    shows: Mapping[str, frozenset[str] | None]
    """Page src_uri -> the posts whose facts (title, teaser, ...) it displays."""
    nav: Hashable


@dataclass(frozen=True)
class Plan:
    """What a build renders: every page, or only `pages` (src_uris)."""

    everything: bool
    pages: frozenset[str] = frozenset()
    reason: str = ""

    def includes(self, src_uri: str) -> bool:
        return self.everything or src_uri in self.pages

    @property
    def summary(self) -> str:
        return "every page" if self.everything else f"{len(self.pages)} pages"


def plan(previous: Snapshot | None, current: Snapshot) -> Plan:
    """Decide which pages must be rendered again, given the last build's snapshot."""
    if previous is None:
        return Plan(True, reason="no finished build to compare with")
    if previous.sources.keys() != current.sources.keys():
        return Plan(True, reason="pages were added or removed")
    changed = {
        uri
        for uri, source in current.sources.items()
        if previous.sources[uri].fingerprint != source.fingerprint
    }
    if not changed:
        return Plan(True, reason="no page changed: the configuration or a template did")
    if previous.nav != current.nav:
        return Plan(True, reason="the navigation changed")
    for uri, source in current.sources.items():
        if previous.sources[uri].shown != source.shown:
            return Plan(True, reason=f"{uri} was published or unpublished")
    for uri in sorted(changed):
        if previous.sources[uri].front != current.sources[uri].front:
            return Plan(True, reason=f"the front matter of {uri} changed")
    stale = set(changed)
    for shows in (previous.shows, current.shows):
        for page, shown in shows.items():
            if shown is EVERY_POST or not changed.isdisjoint(shown):
                stale.add(page)
    return Plan(False, frozenset(stale), reason="changed: " + ", ".join(sorted(changed)))


# --- Building a snapshot from MkDocs' objects ---------------------------------------------------


def fingerprint(file: File) -> Hashable:
    """Cheap change detection: the file's stat, or its content when it was generated."""
    if file.abs_src_path is not None and file.generated_by is None:
        try:
            stat = os.stat(file.abs_src_path)
        except OSError:
            return None
        return (stat.st_mtime_ns, stat.st_size)
    return hashlib.sha1(file.content_bytes, usedforsecurity=False).hexdigest()


def front_without_title(data: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key.lower() not in _TITLE_KEYS}


def series_shows(index: SeriesIndex) -> dict[str, set[str]]:
    """Every part lists all parts of its series (header, prev/next), and so does its landing."""
    shows: dict[str, set[str]] = {}
    for series in index.series:
        for page in [*series.parts, series.landing_uri]:
            shows.setdefault(page, set()).update(series.parts)
    return shows


def listing_shows(
    catalogue: Catalogue,
    site_wide_markers: Iterable[str],
    listings: Mapping[str, Iterable[str]],
) -> dict[str, set[str] | None]:
    """Who shows what besides series: pages with a site-wide listing marker show every post, and
    each generated listing page shows its own posts (one without posts, e.g. the categories
    index, counts all of them)."""
    markers = tuple(site_wide_markers)
    shows: dict[str, set[str] | None] = {
        uri: EVERY_POST
        for uri, post in catalogue.posts.items()
        if any(marker in post.front.body for marker in markers)
    }
    for uri, posts in listings.items():
        shown = set(posts)
        shows[uri] = shown or EVERY_POST
    return shows


def pages_showing_posts(
    catalogue: Catalogue,
    *,
    site_wide_markers: Iterable[str],
    listings: Mapping[str, Iterable[str]],
) -> dict[str, set[str] | None]:
    """`Snapshot.shows` for this site: series pages and listings together."""
    shows: dict[str, set[str] | None] = dict(series_shows(catalogue.series))
    for uri, shown in listing_shows(catalogue, site_wide_markers, listings).items():
        existing = shows.get(uri, set())
        shows[uri] = EVERY_POST if shown is None or existing is None else existing | shown
    return shows


def nav_signature(
    items: Iterable[StructureItem], title_of: Callable[[str], str | None]
) -> tuple[Hashable, ...]:
    """The navigation as every page renders it: structure, titles and targets."""
    signature: list[Hashable] = []
    for item in items:
        if isinstance(item, Page):
            signature.append(("page", item.file.src_uri, title_of(item.file.src_uri)))
        elif isinstance(item, Section):
            signature.append(("section", item.title, nav_signature(item.children, title_of)))
        elif isinstance(item, Link):
            signature.append(("link", item.title, item.url))
    return tuple(signature)


# --- Applying a plan ------------------------------------------------------------------------------


class IncrementalBuilds:
    """Kept by the plugin across the builds of one `mkdocs serve --dirty`."""

    def __init__(self) -> None:
        self.previous: Snapshot | None = None
        self.pending: Snapshot | None = None
        self.rendered: dict[str, Rendered] = {}
        self.last_plan: Plan | None = None

    def prepare(
        self,
        files: Files,
        nav: Navigation,
        catalogue: Catalogue,
        shows: Mapping[str, set[str] | None],
    ) -> Plan:
        """Plan this build and mark the pages it must render; call at the end of `on_nav`."""
        # Drafts too: a preview renders them, and a plan that lists a draft (its series shows a
        # changed part) must mark it, or MkDocs skips it and its listing facts are lost.
        pages = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        sources = {
            file.src_uri: Source(
                fingerprint(file),
                front_without_title(catalogue.posts[file.src_uri].front.data)
                if file.src_uri in catalogue.posts
                else None,
                catalogue.shown.get(file.src_uri),
            )
            for file in pages
        }

        def title_of(src_uri: str) -> str | None:
            post = catalogue.posts.get(src_uri)
            return post.title if post is not None else None

        snapshot = Snapshot(
            sources,
            {page: None if shown is None else frozenset(shown) for page, shown in shows.items()},
            nav_signature(nav.items, title_of),
        )
        decided = plan(self.previous, snapshot)
        # Until `finished()`: a build that fails half-way must not count as the one to compare
        # with, or the pages it did not write would look up to date.
        self.previous, self.pending, self.last_plan = None, snapshot, decided
        for file in pages:
            _set_modified(file, decided.includes(file.src_uri))
        # Teasers and reading times of the pages this build skips come from the last build;
        # the rendered ones replace theirs in `on_page_content`.
        catalogue.rendered.update(
            {uri: facts for uri, facts in self.rendered.items() if not decided.includes(uri)}
        )
        self.rendered = catalogue.rendered
        return decided

    def finished(self) -> None:
        """The build wrote every page it planned: compare the next one with it (`on_post_build`)."""
        self.previous, self.pending = self.pending, None

    def fill_skipped(
        self,
        files: Files,
        catalogue: Catalogue,
        config: MkDocsConfig,
        meta_of: Callable[[str], dict[str, Any]],
        *,
        serving: bool,
    ) -> None:
        """Give the pages this build skips what other pages read from them; call after `prepare`.

        Rebuilt pages show other pages' titles in the navigation and in Material's footer, and
        MkDocs only knows a title once it has read the page. Material's tags plugin lists the
        pages whose tags it collected while they were read, so skipped pages are handed to it
        here, before its listings are filled in `on_env`.
        """
        if self.last_plan is None or self.last_plan.everything:
            return
        inclusion = InclusionLevel.is_in_serve if serving else InclusionLevel.is_included
        tags = config.plugins.get("material/tags")
        for file in files.documentation_pages(inclusion=inclusion):
            if self.last_plan.includes(file.src_uri):
                continue
            # MkDocs makes these for pages outside the navigation just before reading them.
            page = file.page or Page(None, file, config)
            if file.src_uri in catalogue.posts:
                page.meta = meta_of(file.src_uri)
                page.title = page.meta.get("title") or escape(catalogue.posts[file.src_uri].title)
            else:
                page.read_source(config)
            if tags is not None:
                tags.on_page_markdown("", page=page, config=config, files=files)


class _DirtyBuildWarning(logging.Filter):
    """Drops MkDocs' warning that dirty builds get navigation and links wrong: here they don't."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


_DIRTY_WARNING_FILTER = _DirtyBuildWarning()


def quiet_dirty_build_warning() -> None:
    """Silence MkDocs' warning on every `mkdocs serve --dirty` rebuild (call once, on startup)."""
    logger = logging.getLogger("mkdocs.commands.build")
    if _DIRTY_WARNING_FILTER not in logger.filters:
        logger.addFilter(_DIRTY_WARNING_FILTER)


def _set_modified(file: File, modified: bool) -> None:
    # MkDocs' dirty build asks `File.is_modified()` whether to read and render a page; the
    # instance attribute answers for this build only (the File objects are new every build).
    setattr(file, "is_modified", lambda: modified)  # noqa: B010
