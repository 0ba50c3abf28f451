"""Real `--strict` builds of small sites, checked the way a reader sees them."""

from __future__ import annotations

import json

import pytest
from mkdocs.exceptions import Abort

from .conftest import BuiltSite, shared_build

SERIES = {
    "index.md": "# Home\n\n<!-- stepwise:series-list -->\n",
    "tut/index.md": """
        ---
        title: The Tutorial
        description: Learn step by step.
        ---
        Intro text.

        <!-- stepwise:series-parts -->
        """,
    "tut/first.md": """
        ---
        title: First steps
        date: 2020-01-01
        tags: [basics]
        ---
        The first part. It has a handful of words.
        """,
    "tut/second.md": """
        ---
        title: Second steps
        date: 2020-01-02
        summary: A hand-written summary.
        ---
        Body of the second part.
        """,
    "tut/third.md": """
        ---
        title: Third steps
        date: 2020-01-03
        ---
        Teaser above the fold.

        <!--more-->

        Below the fold.
        """,
    "tut/wip.md": """
        ---
        title: Unfinished business
        date: 2020-01-04
        draft: true
        ---
        SECRET-DRAFT-TOKEN
        """,
    "about.md": "# About\n",
}


@pytest.fixture(scope="module")
def series_site(tmp_path_factory) -> BuiltSite:
    """`SERIES` built once for every test here that only reads it."""
    return shared_build(tmp_path_factory, SERIES)


def texts(soup, selector):
    return [" ".join(node.get_text(" ", strip=True).split()) for node in soup.select(selector)]


def test_series_parts_show_position_and_link_within_the_series(series_site):
    site = series_site
    page = site.html("tut/second/")
    assert texts(page, ".stepwise-series__position") == ["Part 2 of 3 in the series The Tutorial"]
    assert page.select_one(".stepwise-series__title")["href"] == "../"
    # One prev/next: Material's footer, along the series, not the global navigation.
    assert page.select(".stepwise-pager") == []
    footer = [
        (a["href"], " ".join(a.get_text(" ").split())) for a in page.select("a.md-footer__link")
    ]
    assert footer == [("../first/", "Previous First steps"), ("../third/", "Next Third steps")]
    # The same chain at both ends: landing -> part 1 -> ... -> the last part.
    landing = site.html("tut/")
    assert [a["href"] for a in landing.select("a.md-footer__link")] == ["first/"]
    first = site.html("tut/first/")
    assert [a["href"] for a in first.select("a.md-footer__link")] == ["../", "../second/"]
    last = site.html("tut/third/")
    assert [a["href"] for a in last.select("a.md-footer__link")] == ["../second/"]


def test_without_materials_footer_the_series_pager_takes_its_place(build):
    site = build(SERIES, config={"theme": {"features": []}})
    first = site.html("tut/first/")
    assert first.select(".md-footer__link") == []
    pager = [(a["href"], a["rel"]) for a in first.select(".stepwise-pager__link")]
    assert pager == [("../", ["prev"]), ("../second/", ["next"])]
    last = site.html("tut/third/")
    assert [a["href"] for a in last.select(".stepwise-pager__link")] == ["../second/"]


def test_landing_page_lists_parts_with_teasers_and_reading_times(series_site):
    site = series_site
    page = site.html("tut/")
    assert texts(page, ".stepwise-part__title") == ["First steps", "Second steps", "Third steps"]
    assert texts(page, ".stepwise-part__teaser") == [
        "The first part. It has a handful of words.",
        "A hand-written summary.",
        "Teaser above the fold.",
    ]
    assert texts(page, ".stepwise-part__time") == ["1 min read"] * 3
    assert texts(page, ".stepwise-landing__time") == ["3 min read in total"]
    assert "Intro text." in page.select_one("article").get_text()


def test_navigation_lists_the_series_not_its_parts(series_site):
    site = series_site
    nav = texts(site.html("about/"), ".md-nav--primary > .md-nav__list > .md-nav__item")
    assert nav == ["Home", "About", "The Tutorial"]


def test_home_page_lists_series(series_site):
    site = series_site
    cards = site.html("").select("a.stepwise-card")
    assert [card["href"] for card in cards] == ["tut/"]
    assert "3 parts" in cards[0].get_text()


def test_draft_leaves_no_trace_in_a_build(series_site):
    site = series_site
    assert not site.exists("tut/wip/index.html")
    for path in site.all_files():
        data = path.read_bytes()
        assert b"SECRET-DRAFT-TOKEN" not in data, path
        assert b"Unfinished business" not in data, path
        assert b"tut/wip" not in data, path


def test_draft_is_shown_with_a_banner_under_serve(build):
    site = build(SERIES, command="serve")
    page = site.html("tut/wip/")
    assert texts(page, ".stepwise-banner__label") == ["Draft"]
    assert "SECRET-DRAFT-TOKEN" in page.get_text()
    landing = site.html("tut/")
    assert "Draft" in texts(landing, ".stepwise-status")
    assert texts(page, ".stepwise-series__part") == ["Part 4 of 4"]


@pytest.mark.parametrize(
    ("option", "front"),
    [
        ("drafts", "draft: true"),
        ("future", "date: 2999-01-01"),
        ("expired", "expiryDate: 2000-01-01"),
    ],
)
def test_publishing_rules_and_their_options(build, option, front):
    files = {"post.md": f"---\ntitle: Rule\n{front}\n---\nHIDDEN-TEXT\n", "index.md": "# Home\n"}
    assert not build(files).exists("post/index.html")
    published = build(files, plugin={option: "always"})
    banner = texts(published.html("post/"), ".stepwise-banner__text")[0]
    assert banner.endswith("It is published because the site's settings say so.")
    served = build(files, command="serve")
    label = {"drafts": "Draft", "future": "Scheduled", "expired": "Expired"}[option]
    assert texts(served.html("post/"), ".stepwise-banner__label") == [label]
    assert "shown in this preview only" in texts(served.html("post/"), ".stepwise-banner__text")[0]
    assert not build(files, plugin={option: "never"}, command="serve").exists("post/index.html")


def test_toml_and_json_front_matter_give_title_date_and_tags(build):
    site = build(
        {
            "index.md": "# Home\n",
            "toml.md": '+++\ntitle = "From TOML"\ndate = 2020-02-03\ntags = ["toml"]\n+++\nBody\n',
            "json.md": '{\n  "title": "From JSON",\n  "date": "2020-02-04",\n'
            '  "tags": ["json"]\n}\nBody\n',
            "tags.md": "# Tags\n\n<!-- material/tags -->\n",
        },
        config={"plugins": ["search", "tags", "stepwise"]},
    )
    for name, title, tag in [("toml", "From TOML", "toml"), ("json", "From JSON", "json")]:
        page = site.html(f"{name}/")
        assert page.title.text.startswith(title)
        assert page.select_one("article h1").text.strip() == title
        assert texts(page, ".md-tag") == [tag]
        assert "+++" not in page.get_text() and '"title"' not in page.get_text()
    tag_index = site.html("tags/").get_text()
    assert "From TOML" in tag_index and "From JSON" in tag_index


def test_broken_front_matter_names_file_and_line_and_fails_strict(build, plugin_warnings):
    files = {
        "index.md": "# Home\n",
        "broken.md": "---\ntitle: ok\ntags: [a, b\n---\n# Broken\n",
        "fine.md": "# Fine\n",
    }
    with pytest.raises(Abort):
        build(files)
    plugin_warnings.expect(r"^broken\.md:4: invalid YAML front matter")
    site = build(files, strict=False)
    plugin_warnings.expect(r"^broken\.md:4: ")
    assert site.exists("fine/index.html")
    assert site.exists("broken/index.html")
    assert site.html("broken/").select(".stepwise-banner--error") == []


def test_broken_front_matter_shows_an_error_banner_in_the_preview(build, plugin_warnings):
    files = {
        "index.md": "# Home\n",
        "broken.md": "---\ntitle: ok\ntags: [a, b\n---\n# Broken\n",
        "wrong.md": "---\ntitle: Wrong\nweight: first\n---\nBody\n",
    }
    site = build(files, strict=False, command="serve")
    plugin_warnings.expect(r"^broken\.md:4: ")
    plugin_warnings.expect(r"^wrong\.md:3: ")
    banner = site.html("broken/").select_one("article .stepwise-banner--error")
    assert banner["role"] == "alert"
    problems = texts(banner, ".stepwise-banner__problems li")
    assert len(problems) == 1 and problems[0].startswith("line 4: invalid YAML front matter")
    wrong = texts(site.html("wrong/"), ".stepwise-banner--error li")
    assert len(wrong) == 1 and wrong[0].startswith("line 3: ")
    assert site.html("").select(".stepwise-banner--error") == []


def test_wrong_value_warns_with_key_and_line(build, plugin_warnings):
    site = build(
        {"index.md": "# Home\n", "p.md": "---\ntitle: P\nweight: first\n---\nBody\n"}, strict=False
    )
    plugin_warnings.expect(r"^p\.md:3: 'weight' should be a whole number, not 'first'$")
    assert site.exists("p/index.html")


def test_drafts_are_absent_from_sitemap_and_search(series_site):
    site = series_site
    assert "tut/wip" not in site.text("sitemap.xml")
    index = json.loads(site.text("search/search_index.json"))
    assert all("wip" not in doc["location"] for doc in index["docs"])
    assert any(doc["location"] == "tut/first/" for doc in index["docs"])


def test_generated_landing_page_for_a_series_key(build):
    site = build(
        {
            "index.md": "# Home\n",
            "one.md": "---\ntitle: One\nseries: Side Quest\nweight: 1\n---\nx\n",
            "two.md": "---\ntitle: Two\nseries: Side Quest\nweight: 2\n---\ny\n",
        }
    )
    landing = site.html("series/side-quest/")
    assert landing.select_one("article h1").text.strip() == "Side Quest"
    assert texts(landing, ".stepwise-part__title") == ["One", "Two"]
    assert not (site.docs_dir / "series").exists()  # generated in memory, not in docs/


def test_hostile_titles_and_tags_stay_text(build):
    title = 'Quotes " and <script>alert("x")</script> & co'
    site = build(
        {
            "index.md": "# Home\n\n<!-- stepwise:series-list -->\n",
            "s/index.md": f"---\ntitle: '{title}'\n"
            "description: '\"><script>alert(1)</script>'\n---\n",
            "s/p.md": f"---\ntitle: '{title}'\ntags: ['\"><img src=x onerror=alert(1)>']\n---\nx\n",
        },
        config={"plugins": ["search", "tags", "stepwise"]},
    )
    for page_path in ["s/", "s/p/", ""]:
        page = site.html(page_path)
        scripts = [s for s in page.find_all("script") if "alert" in (s.string or "")]
        assert scripts == [], page_path
        assert page.find_all("img", onerror=True) == []
        for meta in page.find_all("meta"):
            assert set(meta.attrs) <= {"name", "content", "charset", "property", "http-equiv"}
    part = site.html("s/p/")
    assert part.title.text.startswith(title)
    assert part.select_one(".stepwise-series__title").text == title
    assert [t.text for t in part.select(".md-tag")] == ['"><img src=x onerror=alert(1)>']


def test_series_shell_script_has_every_published_command(build):
    fence = "```\n{command}\n```{{{{execute}}}}\n"
    site = build(
        {
            "index.md": "# Home\n",
            "cli/index.md": "---\ntitle: CLI course\n---\n",
            "cli/a.md": "---\ntitle: Setup\nweight: 1\n---\n" + fence.format(command="make setup"),
            "cli/b.md": "---\ntitle: Prose only\nweight: 2\n---\nNo commands here.\n",
            "cli/c.md": "---\ntitle: Run\nweight: 3\n---\n"
            + fence.format(command="make run")
            + "\nThen\n\n"
            + fence.format(command="make test"),
            "cli/d.md": "---\ntitle: Secret\nweight: 4\ndraft: true\n---\n"
            + fence.format(command="DRAFT-COMMAND"),
        },
        command="serve",
    )
    link = site.html("cli/").select_one("a.stepwise-landing__script")
    assert link["href"] == "cli-course.sh"
    script = site.text("cli/cli-course.sh")
    assert script.splitlines()[0] == "#!/usr/bin/env bash"
    body = [line for line in script.splitlines() if line and not line.startswith(("#", "set "))]
    assert body == ["make setup", "make run", "make test"]
    assert "# Part 1: Setup" in script and "# Part 3: Run" in script
    assert "DRAFT-COMMAND" not in script  # a previewed draft never reaches the script


def test_extension_warnings_count_the_front_matter_lines(build, plugin_warnings):
    post = "---\ntitle: Post\ndate: 2018-03-05\n---\n\nText.\n\n{{< tweet 1 >}}\n"
    build({"index.md": "# Home\n", "posts/post.md": post}, strict=False)
    plugin_warnings.expect(r"^posts/post\.md:8: unknown shortcode `tweet`")


def test_automatic_teaser_leaves_out_headings(build):
    site = build(
        {
            "index.md": "# Home\n",
            "s/index.md": "# S\n",
            "s/a.md": "---\ntitle: A\n---\n## A section title\n\nThe opening words.\n",
        }
    )
    assert texts(site.html("s/"), ".stepwise-part__teaser") == ["The opening words."]


def test_no_script_when_only_a_previewed_draft_has_commands(build):
    site = build(
        {
            "index.md": "# Home\n",
            "s/index.md": "# S\n",
            "s/a.md": "---\ntitle: Prose\n---\nNo commands.\n",
            "s/b.md": "---\ntitle: Draft\ndraft: true\n---\n```\nmake secret\n```{{execute}}\n",
        },
        command="serve",
    )
    assert site.html("s/").select_one("a.stepwise-landing__script") is None
    assert not list(site.site_dir.rglob("*.sh"))
