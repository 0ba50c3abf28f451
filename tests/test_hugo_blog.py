"""A Hugo blog's `content/` tree, copied into `docs/`, reads like that blog (real --strict builds).

The fixture under `tests/fixtures/hugo_blog/` is shaped like the public Tranquilpeak blogs it
stands for: `post/YYYY/MM/` date folders, `page/about.md`, `_index.md` section pages, YAML and TOML
front matter, non-Latin categories.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import BASE_CONFIG, BuiltSite, build_site

FIXTURE = Path(__file__).parent / "fixtures" / "hugo_blog"


# The blog is written in Vietnamese, as the public blog it is modelled on, with translations.
CONFIG = {
    "theme": {"language": "vi"},
    "markdown_extensions": [*BASE_CONFIG["markdown_extensions"], "toc"],
}


def fixture_files() -> dict[str, str | bytes]:
    return {
        str(path.relative_to(FIXTURE)): path.read_bytes()
        for path in sorted(FIXTURE.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(tmp_path_factory.mktemp("hugo_blog"), fixture_files(), config=CONFIG)


def pages(site: BuiltSite) -> list[str]:
    return sorted(
        str(path.relative_to(site.site_dir))
        for path in site.site_dir.rglob("*.html")
        if "assets" not in path.parts
    )


def card_titles(site: BuiltSite, page: str) -> list[str]:
    """The posts a listing shows: cards, or the archive's lines."""
    selector = ".stepwise-post-card__title a, .stepwise-archive__post > a"
    return [a.get_text(strip=True) for a in site.html(page).select(selector)]


SERIES_PARTS = {
    "post/2018/02/ml-intro/index.html",
    "post/2018/02/ml-regression/index.html",
    "post/2018/03/prob-intro/index.html",
}


def test_only_series_keys_make_series(site: BuiltSite) -> None:
    with_header = {
        page for page in pages(site) if site.html(page).select_one("nav.stepwise-series")
    }
    assert with_header == SERIES_PARTS
    for page in pages(site):
        if page not in SERIES_PARTS:
            assert "Mark this part as done" not in site.text(page), page
    assert sorted(p.name for p in site.path("series").iterdir()) == ["機械学習入門", "確率入門"]


def test_section_pages_sit_at_their_folder_and_list_their_posts(site: BuiltSite) -> None:
    assert not [page for page in pages(site) if "_index" in page]
    posts = site.html("post/index.html")
    assert posts.select_one("article h1").get_text(strip=True) == "All posts"
    in_post = card_titles(site, "post/index.html")
    assert in_post[-2:] == ["Ma trận", "Cheap Redis on AWS"]  # newest first
    assert "Setting up a Mac" in in_post
    assert "Recurrent networks, the talk" not in in_post
    assert card_titles(site, "talk/index.html") == ["Recurrent networks, the talk"]
    # The site's own `_index.md` is the home page, listing every post.
    assert set(card_titles(site, "index.html")) == {*in_post, "Recurrent networks, the talk"}


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


def test_commonmark_lists_render_as_lists(site: BuiltSite) -> None:
    article = site.html("post/2018/01/lists/index.html").select_one("article")
    assert article is not None
    bullets = article.select_one("ul")
    assert bullets is not None
    assert [li.get_text(" ", strip=True).split(" ")[0] for li in bullets.find_all("li")] == [
        "Homebrew",
        "iTerm2",
        "with",
    ]
    assert bullets.select_one("li ul li") is not None  # nested by two spaces
    [steps] = article.select("ol")
    assert len(steps.find_all("li", recursive=False)) == 3
    assert steps.select_one("li pre code") is not None
    assert "* Homebrew" not in article.get_text()


def test_non_latin_series_are_two_series(site: BuiltSite) -> None:
    ml = site.html("series/機械学習入門/index.html")
    prob = site.html("series/確率入門/index.html")
    assert [a.get_text(strip=True) for a in ml.select(".stepwise-part__title")] == [
        "機械学習とは",
        "線形回帰",
    ]
    assert [a.get_text(strip=True) for a in prob.select(".stepwise-part__title")] == ["確率とは"]
    header = site.html("post/2018/02/ml-regression/index.html").select_one(".stepwise-series")
    assert header is not None
    assert "Part 2 of 2" in header.get_text(" ", strip=True)


def test_non_latin_categories_have_pages_of_their_own(site: BuiltSite) -> None:
    assert card_titles(site, "categories/開発/index.html") == [
        "日本語だけの記事",
        "Setting up a Mac",
        "Cheap Redis on AWS",
    ]
    assert card_titles(site, "categories/数学/index.html") == ["確率とは", "Ma trận"]
    redis = site.html("post/2017/09/redis/index.html")
    [link] = redis.select(".stepwise-post-meta__category")
    assert link["href"] == "../../../../categories/%E9%96%8B%E7%99%BA/"


def test_heading_anchors_keep_their_letters(site: BuiltSite) -> None:
    article = site.html("post/2017/10/matrix/index.html").select_one("article")
    assert article is not None
    assert article.find("h2", id="1-định-nghĩa") is not None
    assert article.find("a", href="#1-định-nghĩa") is not None


def test_categories_that_would_share_an_address_get_two_and_a_warning(
    build: Any, plugin_warnings: Any
) -> None:
    site = build(
        {
            "post/a.md": "---\ntitle: A\ndate: 2020-01-01\ncategories: [C++]\n---\nA\n",
            "post/b.md": "---\ntitle: B\ndate: 2020-02-01\ncategories:\n- C#\n---\nB\n",
            "post/c.md": "---\ntitle: C\ndate: 2020-03-01\ncategories: [c++]\n---\nC\n",
        },
        strict=False,
    )
    plugin_warnings.expect(
        r"^post/b\.md:4: category 'C#' would share the address 'categories/c/' "
        r"with category 'C\+\+'; it is published at 'categories/c-2/'$",
        count=1,
    )
    assert card_titles(site, "categories/c/index.html") == ["C", "A"]
    assert card_titles(site, "categories/c-2/index.html") == ["B"]
    links = site.html("post/b/index.html").select(".stepwise-post-meta__category")
    assert [a["href"] for a in links] == ["../../categories/c-2/"]


def test_tags_that_would_share_an_address_are_reported(build: Any, plugin_warnings: Any) -> None:
    build(
        {
            "tags.md": "# Tags\n\n<!-- material/tags -->\n",
            "post/a.md": "---\ntitle: A\ndate: 2020-01-01\ntags: [C++, 開発]\n---\nA\n",
            "post/b.md": "---\ntitle: B\ndate: 2020-02-01\ntags: [C#, 数学, c++]\n---\nB\n",
        },
        config={"plugins": ["search", "tags", "stepwise"]},
        strict=False,
    )
    plugin_warnings.expect(
        r"^post/b\.md:4: tag 'C#' would share the address '#tag:c' of the tags page "
        r"with tag 'C\+\+'",
        count=1,
    )


def test_math_is_marked_for_katex_and_prices_stay_text(site: BuiltSite) -> None:
    article = site.html("post/2017/10/matrix/index.html").select_one("article")
    assert article is not None
    inline = [span.get_text() for span in article.select("span.arithmatex")]
    assert inline == [r"\(m \times n\)", r"\(a_{ij}\)", r"\(i\)", r"\(j\)"]
    blocks = [div.get_text().split() for div in article.select("div.arithmatex")]
    assert blocks[0][:3] == [r"\[", "A", "="] and blocks[0][-1] == r"\]"
    assert blocks[1][:2] == [r"\[", r"\det"]
    text = article.get_text()
    assert "$5-$10" in text and "$20 và $30" in text
    assert article.select_one("pre code") is not None
    assert "$HOME" in article.select_one("pre code").get_text()
    assert [c.get_text() for c in article.select("p code")] == ["$PATH"]
    assert "$$" not in text


def test_katex_is_served_from_the_site(site: BuiltSite) -> None:
    assert site.exists("assets/stepwise/katex/katex.min.js")
    assert site.exists("assets/stepwise/katex/fonts/KaTeX_Main-Regular.woff2")
    redis = site.text("post/2017/09/redis/index.html")
    assert "arithmatex" not in redis and "katex" not in redis.lower()


GIT_VERSIONS = {
    "post/2018/04/about-git/index.html": ("vi", "Giới thiệu về Git"),
    "en-us/post/2018/04/about-git/index.html": ("en-US", "About Git"),
    "ja/post/2018/04/about-git/index.html": ("ja", "Gitについて"),
}


def test_translations_are_one_post_in_three_languages(site: BuiltSite) -> None:
    for page, (language, title) in GIT_VERSIONS.items():
        soup = site.html(page)
        assert soup.html is not None and soup.html["lang"] == language, page
        assert soup.select_one("article h1").get_text(strip=True) == title
        hreflang = {link["hreflang"] for link in soup.select('link[rel="alternate"][hreflang]')}
        assert hreflang == {"vi", "en-US", "ja"}
        switch = soup.select_one("nav.stepwise-translations")
        assert switch is not None
        assert [item.get_text(strip=True) for item in switch.select("li")] == [
            "Tiếng Việt",
            "English",
            "日本語",
        ]
        current = switch.select_one('[aria-current="page"]')
        assert current is not None and current["lang"] == language


def test_only_the_default_language_is_listed(site: BuiltSite) -> None:
    for page in ("index.html", "post/index.html", "archive/index.html"):
        titles = card_titles(site, page)
        assert titles.count("Giới thiệu về Git") == 1, page
        assert "About Git" not in titles and "Gitについて" not in titles, page
        assert "Recurrent networks (slides in English)" not in titles, page
    feed = site.text("feed.xml")
    assert feed.count("Giới thiệu về Git") == 1 and "About Git" not in feed
    assert not site.exists("categories/programming")


def test_translation_key_joins_pages_with_other_names(site: BuiltSite) -> None:
    slides = site.html("en-us/talk/slides/index.html")
    assert slides.html is not None and slides.html["lang"] == "en-US"
    links = [a["href"] for a in slides.select("a.stepwise-translations__link")]
    assert links == ["../../../talk/rnn/"]
    about = site.html("ja/page/about/index.html")
    assert [a["href"] for a in about.select("a.stepwise-translations__link")] == [
        "../../../page/about/"
    ]


def test_pages_without_translations_speak_the_site_language(site: BuiltSite) -> None:
    soup = site.html("post/2017/09/redis/index.html")
    assert soup.html is not None and soup.html["lang"] == "vi"
    assert soup.select_one("nav.stepwise-translations") is None
    assert not soup.select('link[rel="alternate"][hreflang]')


def test_shortcode_images_are_resolved_like_covers(site: BuiltSite) -> None:
    article = site.html("post/2017/09/redis/index.html").select_one("article")
    assert article is not None
    sources = [img["src"] for img in article.select("figure img")]
    assert sources == [
        "../../../../images/redis.png",  # ../../../images/ means the site's images/, as in Hugo
        "../diagram.png",  # next to the post: a page bundle
        "../../../../images/redis.png",
    ]
    assert article.select_one("figure a")["href"] == "../../../../images/redis.png"
    for source in sources:
        assert (site.path("post/2017/09/redis") / str(source)).resolve().is_file()


def test_a_missing_shortcode_image_is_reported(build: Any, plugin_warnings: Any) -> None:
    build(
        {
            "post/a.md": (
                "---\ntitle: A\ndate: 2020-01-01\n---\n\nText.\n\n"
                '{{< figure src="/images/nowhere.png" >}}\n\n'
                '{{< image src="https://example.test/x.png" >}}\n'
            )
        },
        strict=False,
    )
    plugin_warnings.expect(r"^post/a\.md:8: image: image 'images/nowhere\.png' not found in docs/$")


def test_a_post_in_one_other_language_speaks_it(site: BuiltSite) -> None:
    soup = site.html("post/2018/05/nihongo/index.html")
    assert soup.html is not None and soup.html["lang"] == "ja"
    assert soup.select_one("nav.stepwise-translations") is None
    assert "日本語だけの記事" in card_titles(site, "post/index.html")


# Beyond the Basic Multilingual Plane, JSON writes a surrogate pair that YAML cannot read.
@pytest.mark.parametrize("name", ["Tom & <Jerry>", '🚀 Rocket: "notes"\\ \u0085'])
def test_a_blog_without_a_home_page_gets_one(build: Any, name: str) -> None:
    site = build(
        {
            "post/a.md": "---\ntitle: Older\ndate: 2020-01-01\n---\nA\n",
            "post/b.md": "---\ntitle: Newer\ndate: 2020-02-01\n---\nB\n",
        },
        config={"site_name": name},
    )
    home = site.html("index.html")
    assert home.select_one("article h1").get_text(strip=True) == name.strip()
    assert card_titles(site, "index.html") == ["Newer", "Older"]


def test_a_generated_page_whose_front_matter_fails_is_reported(plugin_warnings: Any) -> None:
    """The plugin's own front matter, if ever unreadable, is a warning, not a lost title."""
    from mkdocs_stepwise.catalogue import Catalogue
    from mkdocs_stepwise.publishing import PublishingPolicy

    catalogue = Catalogue.read([], policy=PublishingPolicy(), serving=False, timezone="UTC")
    catalogue.add_generated("index.md", '---\ntitle: "\\ud83d\\ude80"\n---\n\nText.\n')
    plugin_warnings.expect(r"^index\.md:2: .* \(in front matter the plugin generated\)$", count=1)


def test_translations_keep_their_old_addresses_apart(site: BuiltSite) -> None:
    assert "post/2018/04/about-git/" in site.text("old/git/index.html")
    assert "ja/post/2018/04/about-git/" in site.text("ja/old/git/index.html")
