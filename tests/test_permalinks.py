"""Hugo's `permalinks` option: posts of a section keep the addresses Hugo gave them."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_stepwise.blog.addresses import AddressError
from mkdocs_stepwise.blog.permalinks import PageFacts, branch_folders, expand, pattern_for, urlize

DATE = dt.datetime(2020, 7, 5, 21, 37, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Learning Go", "learning-go"),
        ("Hello, World!", "hello-world"),
        ("C++ tips & tricks", "c++-tips-tricks"),
        ("  spaced   out  ", "spaced-out"),
        ("Déjà vu", "déjà-vu"),
        ("KVMでconsole接続", "kvmでconsole接続"),
        ("a - b", "a-b"),
    ],
)
def test_urlize_matches_hugo(text, expected):
    assert urlize(text) == expected


@pytest.mark.parametrize(
    ("pattern", "page", "expected"),
    [
        (
            "/:year/:month/:slug/",
            PageFacts("post/learning-go.md", "Learning Go", DATE),
            "/2020/07/learning-go/",
        ),
        (
            "/:year/:month/:slug/",
            PageFacts("post/a.md", "Learning Go", DATE, "go-1"),
            "/2020/07/go-1/",
        ),
        (
            "/posts/:year-:month-:day/:slug",
            PageFacts("posts/a.md", "A b", DATE),
            "/posts/2020-07-05/a-b",
        ),
        ("/:section/:filename/", PageFacts("post/2017/my-post.md", "T", DATE), "/post/my-post/"),
        (
            "/:sections/:title/",
            PageFacts("post/2017/my-post.md", "My Post", DATE),
            "/post/2017/my-post/",
        ),
        ("/:filename/", PageFacts("post/bundle/index.md", "T", DATE), "/bundle/"),
        ("/:slugorfilename/", PageFacts("post/x.md", "T", DATE), "/x/"),
        ("/:monthname/:weekdayname/:yearday/", PageFacts("p/x.md", "T", DATE), "/July/Sunday/187/"),
    ],
)
def test_expand(pattern, page, expected):
    assert expand(pattern, page) == expected


def test_a_dated_pattern_needs_a_date():
    result = expand("/:year/:slug/", PageFacts("post/x.md", "X"))
    assert isinstance(result, AddressError)
    assert "needs a date" in result.message


def test_an_unknown_token_is_refused():
    result = expand("/:author/:slug/", PageFacts("post/x.md", "X", DATE))
    assert isinstance(result, AddressError)
    assert ":author" in result.message


def test_section_pages_keep_their_address():
    links = {"post": "/:slug/", "": "/pages/:slug/"}
    assert pattern_for("post/index.md", links) is None
    assert pattern_for("index.md", links) is None
    assert pattern_for("post/bundle/index.md", links) == "/:slug/"
    assert pattern_for("about.md", links) == "/pages/:slug/"
    assert pattern_for("page/about.md", links) is None


def test_posts_move_and_links_follow(build):
    site = build(
        {
            "index.md": "# Home\n\n[Go](post/learning-go.md)\n",
            "post/index.md": "---\ntitle: Posts\n---\n\nAll posts.\n",
            "post/learning-go.md": "---\ntitle: Learning Go\ndate: 2020-07-21\n---\n\nGo.\n",
            "post/vim.md": "---\ntitle: Vim\ndate: 2019-01-02\nslug: vim-tricks\n---\n\nVim.\n",
            "post/fixed.md": "---\ntitle: Fixed\ndate: 2019-01-02\nurl: /fixed/\n---\n\nF.\n",
            "post/bundle/index.md": "---\ntitle: Bundle\ndate: 2018-03-04\n---\n\n![x](pic.gif)\n",
            "post/bundle/pic.gif": b"GIF89a",
        },
        plugin={"permalinks": {"post": "/:year/:month/:slug/"}, "folder_series": False},
    )
    assert site.exists("2020/07/learning-go/index.html")
    assert site.exists("2019/01/vim-tricks/index.html")
    assert site.exists("fixed/index.html")  # `url` wins, as in Hugo.
    assert site.exists("2018/03/bundle/index.html")
    assert site.exists("post/index.html")  # The section page stays.
    assert not site.exists("post/learning-go/index.html")
    home = site.html("")
    assert home.find("a", string="Go")["href"] == "2020/07/learning-go/"
    image = site.html("2018/03/bundle/").find("article").find("img")
    assert (site.path("2018/03/bundle") / image["src"]).resolve() == site.path(
        "post/bundle/pic.gif"
    )


def test_a_post_without_a_date_stays_and_is_reported(build, plugin_warnings):
    site = build(
        {
            "index.md": "# Home\n",
            "post/undated.md": "---\ntitle: Undated\n---\n\nText.\n",
        },
        plugin={"permalinks": {"post": "/:year/:slug/"}, "folder_series": False},
        strict=False,
    )
    assert site.exists("post/undated/index.html")
    plugin_warnings.expect(r"post/undated\.md.*needs a date", count=1)


def test_a_bad_pattern_stops_the_build(build, caplog):
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        build({"index.md": "# Home\n"}, plugin={"permalinks": {"post": "/:author/"}})
    assert "option 'permalinks': post: permalink '/:author/' uses :author" in caplog.text


def test_a_nested_section_page_keeps_its_address():
    pages = ["post/index.md", "post/2017/index.md", "post/2017/a.md", "post/trip/index.md"]
    branches = branch_folders(pages)
    links = {"post": "/:slug/"}
    assert pattern_for("post/2017/index.md", links, branches) is None
    assert pattern_for("post/2017/a.md", links, branches) == "/:slug/"
    assert pattern_for("post/trip/index.md", links, branches) == "/:slug/"
    assert pattern_for("post/2018/_index.md", links, branches) is None
