"""The page title is the page's one <h1>: pure rules, Markdown -> HTML, and real builds."""

from __future__ import annotations

import markdown
import pytest

from mkdocs_stepwise.headings import HeadingsExtension, same_words

from .conftest import BASE_CONFIG, BuiltSite, build_site


@pytest.mark.parametrize(
    ("heading", "title", "same"),
    [
        ("Using pyenv!", "Using `pyenv`", True),
        ("1. Định nghĩa", "1. định nghĩa", True),
        ("機械学習入門", "機械学習入門", True),
        ("Problem", "Cheap Redis on AWS", False),
        ("", "", False),
        ("!!!", "???", False),
    ],
)
def test_same_words(heading: str, title: str, same: bool) -> None:
    assert same_words(heading, title) is same


def convert(text: str, title: str = "") -> str:
    return markdown.markdown(text, extensions=["toc", HeadingsExtension(title=title)])


def test_body_sections_move_under_the_title() -> None:
    html = convert("# Problem\n\nText\n\n## Detail\n\n# Solution\n", title="Cheap Redis")
    assert html == (
        '<h2 id="problem">Problem</h2>\n<p>Text</p>\n<h3 id="detail">Detail</h3>\n'
        '<h2 id="solution">Solution</h2>'
    )


def test_a_first_heading_repeating_the_title_is_dropped() -> None:
    html = convert("# Using `pyenv`\n\nIntro\n\n## Install\n", title="Using pyenv")
    assert html == '<p>Intro</p>\n<h2 id="install">Install</h2>'


def test_repeated_title_then_more_level_one_headings_shift() -> None:
    html = convert("# Title\n\n# One\n\n###### Six\n", title="Title")
    assert html == '<h2 id="one">One</h2>\n<h6 id="six">Six</h6>'


def test_a_body_without_level_one_headings_is_left_alone() -> None:
    assert convert("## A\n\n### B\n", title="T") == '<h2 id="a">A</h2>\n<h3 id="b">B</h3>'


def test_without_a_title_nothing_changes() -> None:
    assert convert("# A\n\n## B\n") == '<h1 id="a">A</h1>\n<h2 id="b">B</h2>'


def test_headings_in_code_are_not_headings() -> None:
    html = convert("    # not a heading\n\n# Real\n", title="T")
    assert html == '<pre><code># not a heading\n</code></pre>\n<h2 id="real">Real</h2>'


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    files = {
        "post/2017/09/redis.md": """\
            ---
            title: Cheap Redis on AWS
            date: 2017-09-12
            categories: [devops]
            ---

            # Problem

            Managed Redis is expensive. See [the fix](#solution).

            ## Numbers

            # Solution

            Run it yourself.
            """,
        "post/2017/10/same.md": """\
            +++
            title = "Using pyenv"
            date = 2017-10-01
            +++

            # Using `pyenv`

            Intro.

            ## Install
            """,
        "notes.md": "# Notes without front matter\n\nText.\n\n## Part\n",
        "k8s/index.json": """\
            {"title": "Kubernetes basics",
             "details": {"intro": {"text": "intro.md"},
                         "steps": [{"title": "Deploy", "text": "step1.md"}]}}
            """,
        "k8s/intro.md": "Welcome.\n",
        "k8s/step1.md": "# Deploy the app\n\nRun it.\n\n## Check\n",
    }
    return build_site(
        tmp_path_factory.mktemp("headings"),
        files,
        config={"markdown_extensions": [*BASE_CONFIG["markdown_extensions"], "toc"]},
    )


def test_the_title_is_the_one_h1_with_the_date_under_it(site: BuiltSite) -> None:
    page = site.html("post/2017/09/redis/index.html")
    article = page.select_one("article")
    assert article is not None
    h1s = article.find_all("h1")
    assert [h.get_text(strip=True) for h in h1s] == ["Cheap Redis on AWS"]
    date = h1s[0].find_next_sibling()
    assert date is not None and "stepwise-post-meta" in (date.get_attribute_list("class"))
    assert [h.get_text(strip=True).rstrip("¶") for h in article.find_all("h2")] == [
        "Problem",
        "Solution",
    ]
    assert article.find("h3", id="numbers") is not None
    # In-page links and the table of contents follow the shifted headings.
    assert article.find("a", href="#solution") is not None
    toc = [a["href"] for a in page.select("nav.md-nav--secondary a.md-nav__link")]
    assert toc[:3] == ["#problem", "#numbers", "#solution"]


def test_a_heading_repeating_the_title_is_shown_once(site: BuiltSite) -> None:
    article = site.html("post/2017/10/same/index.html").select_one("article")
    assert article is not None
    assert [h.get_text(strip=True) for h in article.find_all("h1")] == ["Using pyenv"]
    assert "Using pyenv" not in [h.get_text(strip=True) for h in article.find_all("h2")]


def test_a_page_titled_by_its_heading_keeps_one_h1(site: BuiltSite) -> None:
    article = site.html("notes/index.html").select_one("article")
    assert article is not None
    assert [h.get_text(strip=True) for h in article.find_all("h1")] == [
        "Notes without front matter"
    ]


def test_a_katacoda_step_shows_its_index_json_title(site: BuiltSite) -> None:
    article = site.html("k8s/step1/index.html").select_one("article")
    assert article is not None
    assert [h.get_text(strip=True) for h in article.find_all("h1")] == ["Deploy"]
    assert [h.get_text(strip=True).rstrip("¶") for h in article.find_all(["h2", "h3"])] == [
        "Deploy the app",
        "Check",
    ]
