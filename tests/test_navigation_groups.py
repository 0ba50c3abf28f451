"""Hundreds of series side by side are grouped into sections by category (`group_series_above`)."""

from __future__ import annotations

from typing import Any

import pytest
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

import mkdocs_stepwise.plugin as plugin_module
from mkdocs_stepwise.navigation import group_series, series_categories
from mkdocs_stepwise.series import Series, SeriesIndex


def part(title: str, weight: int, categories: list[str] | None = None) -> str:
    lines = [f"title: {title}", f"weight: {weight}"]
    if categories is not None:
        lines.append(f"categories: {categories!r}")
    return "---\n" + "\n".join(lines) + f"\n---\n\n## {title}\n\nText.\n"


# Five series: two in "Python" (written two ways), one in "Linux & <Unix>", one whose landing
# page names its category, one without any; and a page that is no series.
SITE = {
    "index.md": "# Home\n",
    "a-py/index.md": "---\ntitle: A series\n---\n",
    "a-py/one.md": part("A one", 1, ["Python", "tutorial"]),
    "a-py/two.md": part("A two", 2, ["linux"]),
    "b-unix/index.md": "---\ntitle: B series\n---\n",
    "b-unix/one.md": part("B one", 1, ["Linux & <Unix>"]),
    "b-unix/two.md": part("B two", 2),
    "c-none/index.md": "---\ntitle: C series\n---\n",
    "c-none/one.md": part("C one", 1),
    "c-none/two.md": part("C two", 2),
    "d-py/index.md": "---\ntitle: D series\n---\n",
    "d-py/one.md": part("D one", 1, ["  python "]),
    "d-py/two.md": part("D two", 2, ["python"]),
    "e-ops/index.md": "---\ntitle: E series\ncategories: [DevOps]\n---\n",
    "e-ops/one.md": part("E one", 1, ["cloud"]),
    "e-ops/two.md": part("E two", 2, ["cloud"]),
    "about.md": "# About\n",
}
CONFIG = {"theme": {"name": "material", "features": ["navigation.prune", "navigation.footer"]}}


def sidebar(site: Any, page: str) -> list[tuple[str, list[str]]]:
    """The primary navigation's top level: (title, titles of the entries shown inside it)."""
    html = site.html(page)
    top = html.select_one(".md-nav--primary > .md-nav__list")
    entries = []
    for item in top.find_all("li", recursive=False):
        link = item.find(class_="md-nav__link")
        nested = item.find("nav")
        inner = nested.select(".md-nav__item > .md-nav__link") if nested else []
        shown = [a.get_text(" ", strip=True) for a in inner]
        entries.append((link.get_text(" ", strip=True), shown))
    return entries


@pytest.fixture(scope="module")
def grouped(tmp_path_factory):
    from .conftest import shared_build

    return shared_build(tmp_path_factory, SITE, config=CONFIG, plugin={"group_series_above": 3})


def test_series_are_grouped_by_category_where_the_first_was(grouped):
    top = [title for title, _ in sidebar(grouped, "")]
    # "Python" and "python" are one section, named as first written; the series without a
    # category and the pages that are no series stay where they were.
    assert top == ["Home", "About", "Python", "Linux & <Unix>", "C series", "DevOps"]


def test_a_part_expands_its_section_and_marks_its_series(grouped):
    entries = dict(sidebar(grouped, "d-py/two/"))
    assert entries["Python"] == ["A series", "D series"]
    assert entries["Linux & <Unix>"] == []  # pruned: another section, shown closed
    html = grouped.html("d-py/two/")
    active = html.select(".md-nav--primary .md-nav__item--active > .md-nav__link")
    assert [a.get_text(" ", strip=True) for a in active] == ["Python", "D series"]


def test_a_closed_section_leads_to_its_first_series(grouped):
    html = grouped.html("a-py/one/")
    links = html.select(".md-nav--primary a.md-nav__link")
    links = {a.get_text(" ", strip=True): a["href"] for a in links}
    assert links["Linux & <Unix>"] == "../../b-unix/"
    assert links["DevOps"] == "../../e-ops/"


def test_category_names_are_text_not_markup(grouped):
    raw = grouped.text("index.html")
    assert "Linux &amp; &lt;Unix&gt;" in raw and "<Unix>" not in raw


def test_prev_next_of_the_navigation_follow_the_groups(grouped):
    footer = grouped.html("about/").select(".md-footer__link--next")
    assert footer and "A series" in footer[0].get_text(" ", strip=True)


def test_the_cached_navigation_is_what_each_page_renders(build, monkeypatch, grouped):
    monkeypatch.setattr(plugin_module, "cache_navigation", lambda *args, **kwargs: False)
    reference = build(SITE, config=CONFIG, plugin={"group_series_above": 3})
    pages = {
        str(path.relative_to(reference.site_dir)): path.read_bytes()
        for path in reference.all_files()
        if path.suffix == ".html"
    }
    cached = {name: (grouped.site_dir / name).read_bytes() for name in pages}
    assert cached == pages


@pytest.mark.parametrize(
    ("above", "features"),
    [
        (5, ["navigation.prune"]),
        (0, ["navigation.prune"]),
        # Material would make a group's first landing page (`index.md`) the section's own page.
        (3, ["navigation.prune", "navigation.indexes"]),
    ],
)
def test_at_or_under_the_limit_with_0_or_with_indexes_nothing_is_grouped(build, above, features):
    config = {"theme": {"name": "material", "features": features}}
    site = build(SITE, config=config, plugin={"group_series_above": above})
    top = [title for title, _ in sidebar(site, "")]
    assert top == ["Home", "About", "A series", "B series", "C series", "D series", "E series"]


def page(src_uri: str) -> Page:
    return Page(None, File(src_uri, "/docs", "/site", use_directory_urls=True), {})


def test_grouping_works_at_every_level_and_keeps_what_is_not_a_series():
    landings = [page(f"guide/s{n}/index.md") for n in range(4)]
    other = page("guide/notes.md")
    link = Link("Elsewhere", "https://example.test/")
    guide = Section("Guide", [landings[0], other, *landings[1:], link])
    nav = Navigation([guide], [landings[0], other, *landings[1:]])
    categories = {
        "guide/s0/index.md": "b",
        "guide/s1/index.md": "a",
        "guide/s2/index.md": None,
        "guide/s3/index.md": "B",
    }
    assert group_series(nav, categories, 3) == 2
    b, _, a, _, _ = guide.children
    assert isinstance(b, Section) and isinstance(a, Section)
    assert [type(item).__name__ for item in guide.children] == [
        "Section", "Page", "Section", "Page", "Link",
    ]  # fmt: skip
    assert (b.title, b.children, b.parent) == ("b", [landings[0], landings[3]], guide)
    assert (a.title, a.children) == ("a", [landings[1]])
    assert landings[3].parent is b
    # The reading order (prev/next) follows the new order.
    assert nav.pages == [landings[0], landings[3], other, landings[1], landings[2]]
    assert landings[3].next_page is other


def test_a_series_takes_its_landing_pages_category_else_its_first_parts():
    def index(*series: Series) -> SeriesIndex:
        return SeriesIndex(list(series), {}, {}, [])

    s = Series("s", "S", "s/index.md", False, parts=["s/1.md", "s/2.md"])
    t = Series("t", "T", "t/index.md", False, parts=["t/1.md"])
    categories_of = {"s/index.md": [], "s/1.md": [" "], "s/2.md": ["Go", "Rust"]}
    assert series_categories(index(s, t), categories_of) == {"s/index.md": "Go", "t/index.md": None}
    categories_of["s/index.md"] = ["Tools"]
    assert series_categories(index(s), categories_of) == {"s/index.md": "Tools"}
