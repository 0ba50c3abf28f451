"""The navigation rendered once per folder is the navigation each page would have rendered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

import mkdocs_stepwise.plugin as plugin_module
from mkdocs_stepwise import navcache


def part(title: str, weight: int) -> str:
    return f"---\ntitle: {title}\nweight: {weight}\n---\n\n## {title}\n\nText.\n"


SITE = {
    "index.md": "# Home\n",
    "about.md": "# About\n",
    "course/index.md": "---\ntitle: Course\n---\n",
    "course/one.md": part("One", 1),
    "course/two.md": part("Two", 2),
    "course/three.md": part("Three", 3),
    "other/a.md": part("Other A", 1),
    "other/b.md": part("Other B", 2),
    # A folder that is not a series: a section of the navigation, with its pages in it.
    "guide/index.md": "---\ntitle: Guide\nseries: false\n---\n",
    "guide/setup.md": "# Setup\n",
    "guide/usage.md": "# Usage\n",
    "guide/deep/notes.md": "# Notes\n",
}
CONFIG = {"theme": {"name": "material", "features": ["navigation.prune", "navigation.footer"]}}


def html_files(site: Any) -> dict[str, str]:
    return {
        str(path.relative_to(site.site_dir)): path.read_text(encoding="utf-8")
        for path in site.all_files()
        if path.suffix == ".html"
    }


def test_cached_navigation_is_byte_for_byte_what_each_page_renders(build, monkeypatch):
    installed: list[bool] = []

    def spy(*args: Any, **kwargs: Any) -> bool:
        installed.append(navcache.cache_navigation(*args, **kwargs))
        return installed[-1]

    monkeypatch.setattr(plugin_module, "cache_navigation", spy)
    cached = build(SITE, config=CONFIG)
    assert installed == [True]

    monkeypatch.setattr(plugin_module, "cache_navigation", lambda *args, **kwargs: False)
    reference = build(SITE, config=CONFIG)

    pages = html_files(reference)
    assert "course/two/index.html" in pages and "guide/setup/index.html" in pages
    assert html_files(cached) == pages


def test_a_site_override_of_the_navigation_is_never_cached(tmp_path):
    overrides = tmp_path / "overrides" / "partials"
    overrides.mkdir(parents=True)
    (overrides / "nav.html").write_text("{{ page.title }}", encoding="utf-8")
    from jinja2 import Environment, FileSystemLoader

    env = Environment(loader=FileSystemLoader([str(tmp_path / "overrides")]))
    assert not navcache.cache_navigation(env, Navigation([], []))


def page(src_uri: str) -> Page:
    file = File(src_uri, "/docs", "/site", use_directory_urls=True)
    return Page(None, file, {})  # only `site_url` is read from the config


@pytest.mark.parametrize(
    ("src_uri", "expected"),
    [
        ("course/two.md", ("course", "../../", ())),
        ("course/three.md", ("course", "../../", ())),
        ("blog/2024/05/post.md", ("blog/2024/05", "../../../../", ())),
        # A navigation link at or below the page is relative to the page itself.
        ("guide/index.md", None),
        ("about.md", None),
    ],
)
def test_pages_outside_the_navigation_share_it_by_folder(src_uri, expected):
    landing = page("course/index.md")
    nested = page("guide/deep/notes.md")
    about = Link("About", "about/")  # a link to a page that is not in the navigation itself
    nav = Navigation([landing, about, Section("Guide", [nested])], [landing, nested])
    key_of = navcache._folder_key(nav)
    outside = page(src_uri)
    assert key_of(outside, "../" * outside.url.count("/")) == expected


def test_the_series_marked_in_the_navigation_is_part_of_the_key():
    landing = page("course/index.md")
    nav = Navigation([landing], [landing])
    key_of = navcache._folder_key(nav)
    landing.active = True  # a part of the course is being rendered
    assert key_of(page("course/two.md"), "../../") == ("course", "../../", (0,))
    landing.active = False
    assert key_of(page("course/two.md"), "../../") == ("course", "../../", ())


def test_pages_in_the_navigation_render_their_own():
    landing = page("course/index.md")
    setup = page("guide/setup.md")
    nav = Navigation([landing, Section("Guide", [setup])], [landing, setup])
    key_of = navcache._folder_key(nav)
    assert key_of(landing, "../") is None
    assert key_of(None, "") is None  # a template without a page (404.html)
    assert Path(navcache.MATERIAL_TEMPLATES, navcache.NAV_TEMPLATE).is_file()


def test_the_active_sections_and_entries_are_part_of_the_key():
    """A series in a section (a grouped series, a folder of series): its part marks the
    landing page and every section above it, and pages of another series mark others."""
    first, second, other = page("a/one/index.md"), page("a/two/index.md"), page("b/index.md")
    inner = Section("Inner", [second])
    outer = Section("A", [first, inner])
    first.parent = inner.parent = outer  # as MkDocs' get_navigation links them
    second.parent = inner
    nav = Navigation([outer, other], [first, second, other])
    key_of = navcache._folder_key(nav)
    keys = {}
    for landing in (first, second, other):
        landing.active = True
        keys[landing.file.src_uri] = key_of(page("a/one/part.md"), "../../../")
        landing.active = False
    assert keys == {
        "a/one/index.md": ("a/one", "../../../", (0, 0, -1)),
        "a/two/index.md": ("a/one", "../../../", (0, 1, 0, -1, -1)),
        "b/index.md": ("a/one", "../../../", (1,)),
    }
    assert key_of(page("a/one/part.md"), "../../../")[2] == ()


def test_collapse_navigation_false_lists_every_part_and_renders_every_page(build, monkeypatch):
    installed: list[bool] = []

    def spy(*args: Any, **kwargs: Any) -> bool:
        installed.append(navcache.cache_navigation(*args, **kwargs))
        return installed[-1]

    monkeypatch.setattr(plugin_module, "cache_navigation", spy)
    site = build(SITE, config=CONFIG, plugin={"collapse_navigation": False})
    assert installed == []  # no navigation is shared between pages

    page = site.html("course/two/")
    titles = [a.get_text(strip=True) for a in page.select(".md-nav--primary .md-nav__link")]
    assert {"One", "Two", "Three"} <= set(titles)
    # Prev/next still stay inside the series.
    footer = [a.get_text(" ", strip=True) for a in page.select(".md-footer__link")]
    assert len(footer) == 2
    assert "One" in footer[0] and "Three" in footer[1]

    collapsed = build(SITE, config=CONFIG).html("course/two/")
    titles = [a.get_text(strip=True) for a in collapsed.select(".md-nav--primary .md-nav__link")]
    assert "Course" in titles and not {"One", "Two", "Three"} & set(titles)
