"""Blog listings in real builds: post cards on the home page, categories, archive, tags."""

from __future__ import annotations

import pytest

from mkdocs_stepwise.blog.listings import page_uri, paginate

from .blog_support import dated_posts
from .conftest import BuiltSite


@pytest.fixture
def posts(tranquilpeak_site: BuiltSite) -> BuiltSite:
    """The Tranquilpeak example posts, built once for the whole run (see conftest)."""
    return tranquilpeak_site


@pytest.fixture
def previewed(tranquilpeak_preview: BuiltSite) -> BuiltSite:
    """The same posts as `mkdocs serve` builds them: drafts included, with a banner."""
    return tranquilpeak_preview


def cards(soup):
    return soup.select(".stepwise-posts > article.stepwise-post-card")


def card_titles(soup):
    return [
        card.select_one(".stepwise-post-card__title a").get_text(strip=True) for card in cards(soup)
    ]


def test_home_page_lists_posts_newest_first_without_drafts(posts):
    home = posts.html("")
    assert card_titles(home) == [
        "Welcome to Tranquilpeak",
        "Cover image showcase",
        "Hidden tag section showcase",
        "Hidden pagination showcase",
        "Local cover",
    ]
    assert "Unfinished" not in home.get_text()


def test_cards_put_thumbnails_where_the_posts_ask(posts):
    home = posts.html("")
    found = {}
    for card in cards(home):
        title = card.select_one(".stepwise-post-card__title").get_text(strip=True)
        position = [c for c in card["class"] if c.startswith("stepwise-post-card--thumbnail-")]
        image = card.select_one(".stepwise-post-card__thumbnail img")
        found[title] = (position, image["src"] if image else None)
    cdn = "//d1u9biwaxjngwg.cloudfront.net"
    assert found == {
        "Welcome to Tranquilpeak": (
            ["stepwise-post-card--thumbnail-top"],
            f"{cdn}/welcome-to-tranquilpeak/city-750.jpg",
        ),
        "Cover image showcase": (
            ["stepwise-post-card--thumbnail-left"],
            f"{cdn}/cover-image-showcase/city-750.jpg",
        ),
        "Hidden tag section showcase": (["stepwise-post-card--thumbnail-bottom"], None),
        "Hidden pagination showcase": (
            ["stepwise-post-card--thumbnail-right"],
            f"{cdn}/cover-image-showcase/city-750.jpg",
        ),
        # No thumbnailImage: autoThumbnailImage uses the cover, resolved from ../../../images/.
        "Local cover": (["stepwise-post-card--thumbnail-bottom"], "images/first.jpg"),
    }


def test_cards_show_teaser_date_reading_time_tags_and_categories(posts):
    home = posts.html("")
    by_title = {
        c.select_one(".stepwise-post-card__title").get_text(strip=True): c for c in cards(home)
    }
    cover = by_title["Cover image showcase"]
    # The part above <!--more--> …
    teaser = cover.select_one(".stepwise-post-card__teaser").get_text(strip=True)
    assert teaser == "A post with a cover image. Its title and date are below the cover."
    assert cover.select_one("time")["datetime"] == "2015-05-13T00:00:00+00:00"
    assert cover.select_one("time").get_text(strip=True) == "May 13, 2015"
    assert cover.select_one(".stepwise-post-card__time").get_text(strip=True) == "1 min read"
    assert [(a.get_text(strip=True), a["href"]) for a in cover.select(".md-tag")] == [
        ("cover image", "tags/#tag:cover-image")
    ]
    categories = cover.select(".stepwise-post-card__meta a")
    assert [a["href"] for a in categories] == ["categories/tranquilpeak/", "categories/features/"]
    # … else the summary key, not the body.
    hidden = by_title["Hidden tag section showcase"]
    teaser = hidden.select_one(".stepwise-post-card__teaser").get_text(strip=True)
    assert teaser == "The tags of this post are not shown on its page."


def test_serve_lists_drafts_with_a_badge(previewed):
    home = previewed.html("")
    draft = next(c for c in cards(home) if "Unfinished" in c.get_text())
    assert draft.select_one(".stepwise-status").get_text(strip=True) == "Draft"


def test_category_pages_and_their_index(posts):
    site = posts
    index = site.html("categories/")
    assert [
        (a.get_text(strip=True), a["href"]) for a in index.select(".stepwise-categories__name")
    ] == [
        ("features", "features/"),
        ("releases", "releases/"),
        ("tranquilpeak", "tranquilpeak/"),
    ]
    counts = [s.get_text(strip=True) for s in index.select(".stepwise-categories__count")]
    assert counts == ["1 post", "1 post", "3 posts"]
    # Each category shows its newest posts, so the page is worth browsing.
    newest = index.select(".stepwise-categories__item")[2].select(".stepwise-categories__newest a")
    assert [a.get_text(strip=True) for a in newest] == [
        "Welcome to Tranquilpeak",
        "Cover image showcase",
        "Hidden pagination showcase",
    ]
    tranquilpeak = site.html("categories/tranquilpeak/")
    assert tranquilpeak.select_one("article h1").get_text(strip=True) == "Category: tranquilpeak"
    assert card_titles(tranquilpeak) == [
        "Welcome to Tranquilpeak",
        "Cover image showcase",
        "Hidden pagination showcase",
    ]
    # A category with only drafts does not exist in a production build.
    assert not site.exists("categories/drafts-only/index.html")


def test_listing_pages_stay_out_of_the_navigation(posts):
    home = posts.html("")
    nav = [a.get_text(strip=True) for a in home.select(".md-nav--primary .md-nav__link")]
    assert not {"Archive", "Categories", "Category: tranquilpeak"} & set(nav)
    # …but the newest posts end with named links to both, not a button that reads "more".
    links = {a.get_text(strip=True): a["href"] for a in home.select(".stepwise-posts__more a")}
    assert links == {"Archive: every post by year": "archive/", "All categories": "categories/"}
    assert home.select(".stepwise-posts__more .md-button") == []


def test_post_pages_link_their_categories(posts):
    page = posts.html("cover-image-showcase/")
    meta = page.select_one("article .stepwise-post-meta")
    assert [(a.get_text(strip=True), a["href"]) for a in meta.select("a")] == [
        ("tranquilpeak", "../categories/tranquilpeak/"),
        ("features", "../categories/features/"),
    ]


def test_tags_page_never_lists_drafts_in_a_build(posts):
    site = posts
    tags = site.html("tags/").select_one("article").get_text()
    assert "cover image" in tags
    assert "secret" not in tags
    assert "Unfinished" not in tags


def test_tags_page_leaves_drafts_out_even_under_serve(previewed):
    # Material's tags plugin skips every page MkDocs marks DRAFT, which is how previews show
    # drafts; the post cards are where drafts appear in a preview.
    site = previewed
    headings = [h2.get_text(strip=True) for h2 in site.html("tags/").select("article h2")]
    assert headings == ["cover image", "hexo theme", "pagination", "python", "responsive", "tags"]


def test_long_listings_are_paginated(build):
    site = build(dated_posts(25))
    home = site.html("")
    assert card_titles(home) == [f"Post {n:02}" for n in range(25, 15, -1)]
    more = {a.get_text(strip=True): a["href"] for a in home.select(".stepwise-posts__more a")}
    assert more == {"Archive: every post by year": "archive/", "All categories": "categories/"}

    first = site.html("archive/")
    second = site.html("archive/page/2/")
    titles = [a.get_text(strip=True) for a in first.select(".stepwise-archive__post a")]
    assert titles == [f"Post {n:02}" for n in range(25, 5, -1)]
    titles = [a.get_text(strip=True) for a in second.select(".stepwise-archive__post a")]
    assert titles == [f"Post {n:02}" for n in range(5, 0, -1)]
    years = [h2.get_text(strip=True) for h2 in first.select(".stepwise-archive__year")]
    assert years == ["2002", "2001", "2000"]
    assert first.select_one(".stepwise-listing-pager a[rel=next]")["href"] == "page/2/"
    assert second.select_one(".stepwise-listing-pager a[rel=prev]")["href"] == "../../"
    assert "Page 2 of 2" in second.select_one(".stepwise-listing-pager").get_text()

    category = site.html("categories/many/")
    assert len(cards(category)) == 10
    assert site.exists("categories/many/page/3/index.html")
    assert not site.exists("categories/many/page/4/index.html")
    assert len(cards(site.html("categories/many/page/3/"))) == 5


def test_the_authors_own_listing_page_wins(build):
    files = dated_posts(2)
    files["archive/index.md"] = "# My archive\n\nHand-written.\n"
    site = build(files)
    page = site.html("archive/")
    assert page.select_one("article h1").get_text(strip=True) == "My archive"
    assert page.select(".stepwise-archive") == []


@pytest.mark.parametrize(
    ("items", "size", "pages"),
    [
        ([], 10, [[]]),
        (["a"], 10, [["a"]]),
        (["a", "b", "c"], 2, [["a", "b"], ["c"]]),
        (["a", "b"], 2, [["a", "b"]]),
        (["a", "b"], 0, [["a"], ["b"]]),
    ],
)
def test_paginate(items, size, pages):
    assert paginate(items, size) == pages


def test_page_uris_follow_hugo():
    assert page_uri("archive", 1) == "archive/index.md"
    assert page_uri("categories/python", 3) == "categories/python/page/3/index.md"


def test_a_dated_bundle_index_is_a_post_but_a_series_landing_page_is_not(build):
    files = {
        "index.md": "# Home\n\n<!-- stepwise:posts -->\n",
        "bundle/index.md": "---\ntitle: Bundle\ndate: 2020-01-03\n---\n\nA leaf bundle.\n",
        "guide/index.md": "---\ntitle: Guide\ndate: 2020-01-02\n---\n\n# Guide\n",
        "guide/part.md": "---\ntitle: Part\ndate: 2020-01-01\n---\n\nPart one.\n",
    }
    assert card_titles(build(files).html("")) == ["Bundle", "Part"]


def test_a_category_lists_each_post_once_newest_first():
    from mkdocs_stepwise.blog.listings import categories
    from mkdocs_stepwise.catalogue import Catalogue
    from mkdocs_stepwise.publishing import PublishingPolicy

    def post(day: int, names: str) -> tuple[str, bytes]:
        front = f"title: Day {day}\ndate: 2024-01-{day:02d}\ncategories: [{names}]\n"
        return f"post/day-{day}.md", f"---\n{front}---\nText.\n".encode()

    # Day 2 names Go twice, once in other letters: one category, one card.
    sources = [post(1, "Go"), post(2, "Go, go, Tools"), post(3, "Tools"), post(4, "GO")]
    catalogue = Catalogue.read(sources, policy=PublishingPolicy(), serving=False, timezone="UTC")
    newest_first = [f"post/day-{day}.md" for day in (4, 3, 2, 1)]
    found, problems = categories(catalogue, newest_first)
    assert [(c.name, c.posts) for c in found] == [
        ("Go", ["post/day-4.md", "post/day-2.md", "post/day-1.md"]),
        ("Tools", ["post/day-3.md", "post/day-2.md"]),
    ]
    assert problems == []
