"""The post page: cover image, caption, title and date line, Tranquilpeak's show* switches, and
the meta tags (keywords, description, OpenGraph, Twitter)."""

from __future__ import annotations

import pytest

from .blog_support import CDN, POSTS
from .conftest import BuiltSite

SEED_LIKE = """
---
title: "Environment Isolation"
date: 2018-03-05
categories:
  - python
  - tutorial
tags:
  - python
  - tox
keywords:
  - python
  - pyenv
  - virtualenv
thumbnailImagePosition: left
thumbnailImage: ./images/first.jpg
coverImage: ../../../images/first.jpg
coverCaption: Photo Credit https://unsplash.com/@claudelrheault
showMeta: false
draft: true
---

## A Note on Environment Isolation

So some people might be asking, why would I want to install python?
"""


@pytest.fixture
def posts(tranquilpeak_site: BuiltSite) -> BuiltSite:
    """The Tranquilpeak example posts, built once for the whole run (see conftest)."""
    return tranquilpeak_site


def meta_tags(soup):
    found: dict[str, list[str]] = {}
    for tag in soup.select("head meta[property], head meta[name]"):
        found.setdefault(tag.get("property") or tag["name"], []).append(tag["content"])
    return found


def test_cover_with_title_and_date_over_it(posts):
    page = posts.html("welcome/")
    cover = page.select_one("figure.stepwise-cover")
    assert cover["class"] == ["stepwise-cover", "stepwise-cover--full", "stepwise-cover--meta-in"]
    assert cover.select_one("img")["src"] == f"{CDN}/welcome-to-tranquilpeak/city.jpg"
    # The cover is Material's hero: full width, outside the content column.
    assert cover.find_parent(class_="md-main") is None
    header = cover.select_one(".stepwise-cover__header")
    assert "stepwise-align--right" in header["class"]
    assert header.select_one("h1").get_text(strip=True) == "Welcome to Tranquilpeak"
    assert header.select_one("time").get_text(strip=True) == "June 15, 2015"
    assert [h1.get_text(strip=True) for h1 in page.select("h1")] == ["Welcome to Tranquilpeak"]
    assert page.select("article .stepwise-post-meta") == []


def test_cover_with_title_and_date_below_it(posts):
    page = posts.html("cover-image-showcase/")
    cover = page.select_one("figure.stepwise-cover")
    assert cover["class"] == ["stepwise-cover", "stepwise-cover--partial"]
    assert cover.select(".stepwise-cover__header") == []
    article = page.select_one("article")
    assert article.select_one("h1").get_text(strip=True) == "Cover image showcase"
    assert article.select_one("h1")["class"] == ["stepwise-align--center"]
    meta = article.select_one("h1 + .stepwise-post-meta")
    assert "stepwise-align--center" in meta["class"]
    assert meta.select_one("time")["datetime"] == "2015-05-13T00:00:00+00:00"
    assert meta.get_text(" ", strip=True) == "May 13, 2015 in tranquilpeak , features · 1 min read"


def test_local_cover_caption_link_and_show_meta_false(posts):
    page = posts.html("local-cover/")
    cover = page.select_one("figure.stepwise-cover")
    assert cover.select_one("img")["src"] == "../images/first.jpg"
    caption = cover.select_one("figcaption")
    assert caption.get_text(strip=True) == "Photo Credithttps://unsplash.com/@claudelrheault"
    assert caption.select_one("a")["href"] == "https://unsplash.com/@claudelrheault"
    # showMeta: false hides the date and categories; the title stays (over the cover).
    assert page.select(".stepwise-post-meta") == []
    assert page.select_one(".stepwise-cover h1").get_text(strip=True) == "Local cover"


def test_show_tags_and_show_date_false(posts):
    page = posts.html("hidden-tag-section-showcase/")
    assert page.select_one("article nav.md-tags").has_attr("hidden")
    # No date, no categories: nothing under the title.
    assert page.select(".stepwise-post-meta") == []
    assert page.select_one("article h1").get_text(strip=True) == "Hidden tag section showcase"
    shown = posts.html("cover-image-showcase/")
    assert not shown.select_one("article nav.md-tags").has_attr("hidden")


def test_show_pagination_false_hides_the_footer_links(posts):
    site = posts
    assert site.html("hidden-pagination-showcase/").select(".md-footer__link") == []
    assert site.html("hidden-tag-section-showcase/").select(".md-footer__link") != []


def test_show_pagination_false_hides_the_series_pager(build):
    part = "---\ntitle: Part {n}\ndate: 2020-01-0{n}\n{extra}---\n\nText {n}.\n"
    files = {
        "guide/index.md": "# Guide\n",
        "guide/one.md": part.format(n=1, extra=""),
        "guide/two.md": part.format(n=2, extra="showPagination: false\n"),
    }
    site = build(files)
    assert site.html("guide/one/").select(".md-footer__link") != []
    assert site.html("guide/two/").select(".md-footer__link") == []
    # Without Material's footer, the series pager is the one prev/next, and obeys too.
    site = build(files, config={"theme": {"features": []}})
    assert site.html("guide/one/").select(".stepwise-pager") != []
    assert site.html("guide/two/").select(".stepwise-pager") == []


def test_keywords_description_and_social_meta(posts):
    site = posts
    welcome = meta_tags(site.html("welcome/"))
    assert welcome["keywords"] == ["disqus, google"]
    assert welcome["og:title"] == ["Welcome to Tranquilpeak"]
    assert welcome["og:type"] == ["article"]
    assert welcome["og:url"] == ["https://example.test/welcome/"]
    assert welcome["og:image"] == [f"https:{CDN}/welcome-to-tranquilpeak/city.jpg"]
    assert welcome["article:published_time"] == ["2015-06-15T00:00:00+00:00"]
    assert welcome["article:tag"] == ["hexo theme", "responsive"]
    assert welcome["article:section"] == ["tranquilpeak"]
    assert welcome["twitter:card"] == ["summary_large_image"]

    hidden = meta_tags(site.html("hidden-tag-section-showcase/"))
    assert hidden["description"] == ["The tags of this post are not shown on its page."]
    assert hidden["og:description"] == ["The tags of this post are not shown on its page."]
    assert hidden["twitter:card"] == ["summary"]
    assert "og:image" not in hidden

    local = meta_tags(site.html("local-cover/"))
    assert local["og:image"] == ["https://example.test/images/first.jpg"]

    home = meta_tags(site.html(""))
    assert home["og:type"] == ["website"]
    assert "article:published_time" not in home


def test_pages_without_post_metadata_are_left_alone(build):
    page = build({"index.md": "# Docs\n\nJust a page.\n"}).html("")
    assert page.select(".stepwise-cover, .stepwise-post-meta") == []
    assert [h1.get_text(strip=True) for h1 in page.select("h1")] == ["Docs"]


def test_the_draft_seed_shows_its_cover_caption_and_keywords_under_serve(build):
    # At the top level: a folder holding only a draft would be a series without published parts.
    files = {"images/first.jpg": POSTS["images/first.jpg"], "environment.md": SEED_LIKE}
    site = build(files, command="serve")
    page = site.html("environment/")
    cover = page.select_one("figure.stepwise-cover")
    assert cover.select_one("img")["src"] == "../images/first.jpg"
    link = cover.select_one("figcaption a")
    assert link["href"] == link.get_text() == "https://unsplash.com/@claudelrheault"
    assert meta_tags(page)["keywords"] == ["python, pyenv, virtualenv"]
    assert page.select_one(".stepwise-cover h1").get_text(strip=True) == "Environment Isolation"
    assert page.select(".stepwise-post-meta") == []  # showMeta: false

    built = build(files)
    assert not built.exists("environment/index.html")


def test_unusable_theme_values_are_reported_with_file_line_and_key(build, plugin_warnings):
    files = {
        "nope.md": """
            ---
            title: Nope
            date: 2020-01-01
            coverImage: ../../images/nope.jpg
            thumbnailImage: "javascript:alert(1)"
            ---

            Text.
            """,
        "odd.md": """
            ---
            title: Odd
            date: 2020-01-02
            coverImage: https://cdn.test/c.jpg
            coverCaption: "[x](javascript:alert(1)) by Ann"
            coverSize: huge
            showDate: nope
            ---

            Text.
            """,
    }
    site = build(files, strict=False)
    plugin_warnings.expect(r"^nope\.md:4: coverImage: image 'images/nope\.jpg' not found in docs/$")
    plugin_warnings.expect(
        r"^nope\.md:5: thumbnailImage: image URL 'javascript:alert\(1\)' refused"
    )
    plugin_warnings.expect(r"^odd\.md:5: coverCaption: link 'javascript:alert\(1\)' refused")
    plugin_warnings.expect(r"^odd\.md:6: coverSize: should be one of partial, full, not 'huge'")
    plugin_warnings.expect(r"^odd\.md:7: showDate: should be true or false, not 'nope'")
    # The pages still build: without the cover, and with the caption's text.
    assert site.html("nope/").select(".stepwise-cover") == []
    caption = site.html("odd/").select_one(".stepwise-cover figcaption")
    assert caption.get_text(strip=True) == "x by Ann"
    assert caption.select("a") == []


def test_an_undated_page_can_have_a_cover(build):
    files = {
        "images/first.jpg": POSTS["images/first.jpg"],
        "about.md": "---\ntitle: About\ncoverImage: /images/first.jpg\ncoverMeta: out\n---\n\nHi\n",
    }
    page = build(files).html("about/")
    assert page.select_one(".stepwise-cover img")["src"] == "../images/first.jpg"
    assert [h1.get_text(strip=True) for h1 in page.select("h1")] == ["About"]
    assert page.select(".stepwise-post-meta") == []
    assert {m["content"] for m in page.select('meta[property="og:type"]')} == {"website"}


def test_clear_reading_hides_both_sidebars(build):
    files = {
        # The author's own `hide:` entries stay.
        "clear.md": "---\ntitle: Clear\nclearReading: true\nhide: [toc]\n---\n\nHi\n",
        "other.md": "---\ntitle: Other\ndate: 2020-01-02\n---\n\n## Section\n\nHi\n",
    }
    site = build(files)
    for page, hidden in [("clear/", True), ("other/", False)]:
        sidebars = site.html(page).select(".md-sidebar--primary, .md-sidebar--secondary")
        assert len(sidebars) == 2
        assert all(sidebar.has_attr("hidden") for sidebar in sidebars) is hidden


def test_post_defaults_fill_what_a_post_leaves_out(build):
    """Tranquilpeak's site-wide params: a post's own value wins."""
    files = {
        "clear.md": "---\ntitle: Clear\ndate: 2020-01-01\n---\n\n## Section\n\nHi\n",
        "own.md": "---\ntitle: Own\ndate: 2020-01-02\nclearReading: false\n---\n\n## S\n\nHi\n",
    }
    site = build(files, plugin={"post_defaults": {"clearreading": True}})
    for page, hidden in [("clear/", True), ("own/", False)]:
        sidebars = site.html(page).select(".md-sidebar--primary, .md-sidebar--secondary")
        assert all(sidebar.has_attr("hidden") for sidebar in sidebars) is hidden
