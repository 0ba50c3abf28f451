"""Preview rebuilds convert only the Markdown that changed.

After a retitle, a `mkdocs serve --dirty` rebuild renders the post, every part of its series, the
series' landing page and the listings (`incremental.py`): each shows the new title. Their
templates must be rendered again, but for all of them but the edited post, the Markdown is the
same as in the last build, and so is its conversion: converting it again was about a third of
such a rebuild.

`Conversions` keeps, for each page, the Markdown it converted (after every plugin's
`on_page_markdown`) and what MkDocs' `Page.render` made of it: the HTML, the table of contents,
the title found in it, its anchors and its links to other pages' anchors. When a rebuild renders
a page whose source did not change and whose Markdown is identical, the kept result is handed
back instead of converting. A changed page is always converted: its conversion also reads its
front matter (`headings.py` drops a first heading that repeats the title), which is not part of
the Markdown.

Only where that is safe: within a rebuild that `incremental.plan` found to render some pages, not
everything. A partial plan means no page was added or removed, the navigation (every address and
title) is the same, and no front matter changed beyond a title: what a page's conversion reads
from other pages (their addresses, for links) is unchanged. A change to `mkdocs.yml`, a template
or a Markdown extension's settings makes a full rebuild, which converts every page.

A reused page's warnings (a broken link, say) are not repeated by the rebuild: MkDocs' own dirty
builds do the same for the pages they skip.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .pagefacts import PageFacts


@dataclass(frozen=True)
class Conversion:
    """One page's `Page.render()` output, and the Markdown it came from."""

    markdown: str
    content: str | None
    toc: Any
    title: str | None
    anchors: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None
    """Target page's src_uri -> {anchor: original link} (MkDocs keys it by `File`)."""
    facts: PageFacts | None = None


class Conversions:
    """Kept by the plugin for the whole `mkdocs serve --dirty`."""

    def __init__(self) -> None:
        self._kept: dict[str, Conversion] = {}
        self.reuse = False
        self.changed: frozenset[str] = frozenset()
        self.reused: set[str] = set()
        """The pages of the current build whose conversion was reused (for tests and logs)."""

    def start_build(self, *, reuse: bool, changed: frozenset[str] = frozenset()) -> None:
        """Call once per build, before any page is read: may this build reuse conversions, and
        which pages' sources changed (never reused: a conversion also reads the page's own
        front matter, such as its title, which is not in the Markdown MkDocs converts)."""
        self.reuse = reuse
        self.changed = changed
        self.reused = set()

    def wrap(self, page: Page, files: Files) -> None:
        """Make `page.render` reuse the kept conversion of the same Markdown, or keep its own.

        Call before anything else wraps `render` (`guard.contain_rendering`): a conversion that
        fails raises through this wrapper and is not kept.
        """
        render = page.render
        src_uri = page.file.src_uri

        def render_or_reuse(config: MkDocsConfig, files_now: Files) -> None:
            kept = self._kept.get(src_uri)
            if (
                self.reuse
                and src_uri not in self.changed
                and kept is not None
                and kept.markdown == page.markdown
            ):
                links = _files_of(kept.links_to_anchors, files)
                if links is not None or kept.links_to_anchors is None:
                    page.content = kept.content
                    page.toc = copy.deepcopy(kept.toc)
                    page._title_from_render = kept.title
                    page.present_anchor_ids = set(kept.anchors or ())
                    page.links_to_anchors = links
                    self.reused.add(src_uri)
                    return
            try:
                render(config, files_now)
            except BaseException:
                self._kept.pop(src_uri, None)
                raise
            self._kept[src_uri] = Conversion(
                page.markdown or "",
                page.content,
                # Plugins change a page's table of contents in place (Material's tags plugin
                # fills in its listings' headings): keep it as the conversion made it.
                copy.deepcopy(page.toc),
                page._title_from_render,
                set(page.present_anchor_ids or ()),
                _uris_of(page.links_to_anchors),
            )

        setattr(page, "render", render_or_reuse)  # noqa: B010 - one instance, not the class

    def facts(self, src_uri: str, converted: PageFacts | None) -> PageFacts | None:
        """The page's facts: those its conversion just collected (kept for the next build),
        or, when its conversion was reused, those kept with it."""
        kept = self._kept.get(src_uri)
        if src_uri in self.reused:
            return kept.facts if kept is not None else None
        if kept is not None and converted is not None:
            self._kept[src_uri] = _with_facts(kept, converted)
        return converted

    def keep_only(self, src_uris: set[str]) -> None:
        """Forget pages that are gone."""
        for uri in [uri for uri in self._kept if uri not in src_uris]:
            del self._kept[uri]


def _with_facts(kept: Conversion, facts: PageFacts) -> Conversion:
    return Conversion(
        kept.markdown,
        kept.content,
        kept.toc,
        kept.title,
        kept.anchors,
        kept.links_to_anchors,
        facts,
    )


def _uris_of(links: dict[File, dict[str, str]] | None) -> dict[str, dict[str, str]] | None:
    if links is None:
        return None
    return {file.src_uri: dict(anchors) for file, anchors in links.items()}


def _files_of(
    links: dict[str, dict[str, str]] | None, files: Files
) -> dict[File, dict[str, str]] | None:
    """The links keyed by this build's `File`s; None when a target is no longer there."""
    if links is None:
        return None
    found: dict[File, dict[str, str]] = {}
    for uri, anchors in links.items():
        file = files.get_file_from_path(uri)
        if file is None:
            return None
        found[file] = dict(anchors)
    return found
