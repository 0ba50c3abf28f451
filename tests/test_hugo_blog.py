"""A Hugo blog's `content/` tree, copied into `docs/`, reads like that blog (real --strict builds).

The fixture under `tests/fixtures/hugo_blog/` is shaped like the public Tranquilpeak blogs it
stands for: `post/YYYY/MM/` date folders, `page/about.md`, `_index.md` section pages, YAML and TOML
front matter, non-Latin categories.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import BuiltSite, build_site

FIXTURE = Path(__file__).parent / "fixtures" / "hugo_blog"


def fixture_files() -> dict[str, str | bytes]:
    return {
        str(path.relative_to(FIXTURE)): path.read_bytes()
        for path in sorted(FIXTURE.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(
        tmp_path_factory.mktemp("hugo_blog"),
        fixture_files(),
        config={"markdown_extensions": ["toc", "attr_list"]},
    )


def pages(site: BuiltSite) -> list[str]:
    return sorted(
        str(path.relative_to(site.site_dir))
        for path in site.site_dir.rglob("*.html")
        if "assets" not in path.parts
    )


def card_titles(site: BuiltSite, page: str) -> list[str]:
    return [a.get_text(strip=True) for a in site.html(page).select(".stepwise-post-card__title a")]


def test_no_series_no_progress_buttons(site: BuiltSite) -> None:
    for page in pages(site):
        html = site.text(page)
        assert "stepwise-series" not in html, page
        assert "Mark this part as done" not in html, page
    assert not site.exists("series")


def test_section_pages_sit_at_their_folder_and_list_their_posts(site: BuiltSite) -> None:
    assert not [page for page in pages(site) if "_index" in page]
    posts = site.html("post/index.html")
    assert posts.select_one("article h1").get_text(strip=True) == "All posts"
    assert card_titles(site, "post/index.html") == ["Ma trận", "Cheap Redis on AWS"]
    assert card_titles(site, "talk/index.html") == ["Recurrent networks, the talk"]
    # The site's own `_index.md` is the home page, listing every post.
    assert card_titles(site, "index.html") == [
        "Recurrent networks, the talk",
        "Ma trận",
        "Cheap Redis on AWS",
    ]


def test_about_is_a_plain_page(site: BuiltSite) -> None:
    about = site.html("page/about/index.html")
    article = about.select_one("article")
    assert article is not None
    assert [h.get_text(strip=True) for h in article.find_all("h1")] == ["About"]
    assert about.select_one(".stepwise-series, .stepwise-done") is None
    for page in ("index.html", "post/index.html", "archive/index.html"):
        assert "About" not in card_titles(site, page)


def test_every_post_shows_its_title_once(site: BuiltSite) -> None:
    for page in pages(site):
        soup = site.html(page)
        if soup.select_one("article") is None:
            continue
        assert len(soup.select("h1")) == 1, page
