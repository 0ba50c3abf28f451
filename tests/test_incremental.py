"""Which pages a `mkdocs serve --dirty` rebuild renders again: `plan()` on two snapshots."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import pytest
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from mkdocs_stepwise.catalogue import Catalogue
from mkdocs_stepwise.incremental import (
    EVERY_POST,
    IncrementalBuilds,
    Plan,
    Snapshot,
    Source,
    front_without_title,
    plan,
    series_shows,
)
from mkdocs_stepwise.publishing import PublishingPolicy
from mkdocs_stepwise.series import Series, SeriesIndex

# A series a/ with three parts, a lone page, and a home page listing every series.
SHOWS: dict[str, frozenset[str] | None] = {
    "a/index.md": frozenset({"a/1.md", "a/2.md", "a/3.md"}),
    "a/1.md": frozenset({"a/1.md", "a/2.md", "a/3.md"}),
    "a/2.md": frozenset({"a/1.md", "a/2.md", "a/3.md"}),
    "a/3.md": frozenset({"a/1.md", "a/2.md", "a/3.md"}),
    "index.md": EVERY_POST,
}
PAGES = ["index.md", "lone.md", "a/index.md", "a/1.md", "a/2.md", "a/3.md"]
NAV = (("page", "index.md", "Home"), ("page", "lone.md", "Lone"), ("page", "a/index.md", "A"))


def snapshot(
    changes: Mapping[str, int] | None = None,
    fronts: Mapping[str, dict[str, Any]] | None = None,
    pages: list[str] = PAGES,
    nav: tuple[Any, ...] = NAV,
) -> Snapshot:
    changes = changes or {}
    fronts = fronts or {}
    sources = {
        uri: Source((1000 + changes.get(uri, 0), 10), fronts.get(uri, {"weight": 1}))
        for uri in pages
    }
    return Snapshot(sources, SHOWS, nav)


BEFORE = snapshot()


def scheduled_post_came_due() -> Snapshot:
    """The clock moved past a post's date: it is public now, though no file changed but one."""
    after = snapshot({"lone.md": 1})
    sources = dict(after.sources)
    sources["a/3.md"] = Source(sources["a/3.md"].fingerprint, sources["a/3.md"].front, "public")
    return Snapshot(sources, after.shows, after.nav)


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        # A part's text: the part, its series (header and pager) and the home page.
        (
            snapshot({"a/2.md": 1}),
            {"index.md", "a/index.md", "a/1.md", "a/2.md", "a/3.md"},
        ),
        # A page nobody lists: itself and the pages that list every post.
        (snapshot({"lone.md": 1}), {"index.md", "lone.md"}),
    ],
)
def test_a_changed_page_rebuilds_itself_and_the_pages_that_show_it(after, expected):
    decided = plan(BEFORE, after)
    assert not decided.everything
    assert decided.pages == expected


@pytest.mark.parametrize(
    ("previous", "after", "reason"),
    [
        (None, snapshot(), "no finished build"),
        (BEFORE, snapshot(), "no page changed"),
        (BEFORE, snapshot(pages=[*PAGES, "new.md"]), "added or removed"),
        (BEFORE, snapshot(pages=PAGES[:-1]), "added or removed"),
        (
            BEFORE,
            snapshot({"lone.md": 1}, nav=(*NAV[:1], ("page", "lone.md", "New"))),
            "navigation",
        ),
        (BEFORE, scheduled_post_came_due(), "a/3.md was published"),
        # Weight, date, draft, tags, slug, ... can move a post anywhere: rebuild everything.
        (BEFORE, snapshot({"a/1.md": 1}, {"a/1.md": {"weight": 5}}), "front matter of a/1.md"),
    ],
)
def test_everything_is_rebuilt_when_the_site_changed_shape(previous, after, reason):
    decided = plan(previous, after)
    assert decided.everything
    assert reason in decided.reason
    assert decided.includes("lone.md")


def test_a_page_that_stops_showing_a_post_is_rebuilt_too():
    # The previous build's listings count as well as the new ones.
    after = snapshot({"a/2.md": 1})
    after = Snapshot(after.sources, {**SHOWS, "lone.md": None, "a/index.md": frozenset()}, NAV)
    before = Snapshot(BEFORE.sources, {**SHOWS, "a/index.md": frozenset({"a/2.md"})}, NAV)
    assert {"a/index.md", "lone.md"} <= plan(before, after).pages


def test_series_pages_show_every_part_of_their_series():
    series = Series("a", "A", "a/index.md", False, parts=["a/1.md", "a/2.md"])
    index = SeriesIndex([series], {}, {"a/index.md": series}, [])
    assert series_shows(index) == {
        "a/1.md": {"a/1.md", "a/2.md"},
        "a/2.md": {"a/1.md", "a/2.md"},
        "a/index.md": {"a/1.md", "a/2.md"},
    }


def test_titles_are_left_out_of_the_compared_front_matter_whatever_their_case():
    # A retitled post rebuilds the pages that show it, not the whole site.
    front = {"Title": "New", "linkTitle": "Short", "weight": 1, "tags": ["x"]}
    assert front_without_title(front) == {"weight": 1, "tags": ["x"]}


def test_a_build_that_did_not_finish_is_not_compared_with(tmp_path):
    page = tmp_path / "a.md"
    page.write_text("# A\n", encoding="utf-8")
    files = Files([File("a.md", str(tmp_path), str(tmp_path / "site"), True)])
    catalogue = Catalogue.read([], policy=PublishingPolicy(), serving=True, timezone="UTC")
    builds = IncrementalBuilds()

    def rebuild_after_an_edit(number: int) -> Plan:
        os.utime(page, ns=(number * 10**9, number * 10**9))
        return builds.prepare(files, Navigation([], []), catalogue, {})

    assert rebuild_after_an_edit(1).everything
    builds.finished()
    assert rebuild_after_an_edit(2).pages == {"a.md"}
    # That build failed (no `finished()`): the next one cannot trust what it wrote.
    assert rebuild_after_an_edit(3).everything
