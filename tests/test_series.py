"""Grouping posts into series and ordering their parts (pure functions, no MkDocs)."""

from __future__ import annotations

from mkdocs_stepwise.posts import read_post
from mkdocs_stepwise.series import build_series, slugify


def posts_from(files: dict[str, str]):
    return {uri: read_post(uri, text) for uri, text in files.items()}


def test_folder_is_a_series_named_by_its_index():
    posts = posts_from(
        {
            "py/index.md": "---\ntitle: Python basics\ndescription: Learn it.\n---\n",
            "py/b.md": "---\ntitle: B\ndate: 2020-01-02\n---\n",
            "py/a.md": "---\ntitle: A\ndate: 2020-01-03\n---\n",
            "about.md": "# About\n",
        }
    )
    index = build_series(posts, visible=set(posts))
    [series] = index.series
    assert (series.title, series.description, series.landing_uri) == (
        "Python basics",
        "Learn it.",
        "py/index.md",
    )
    assert series.generated is False
    assert series.parts == ["py/b.md", "py/a.md"]  # by date
    assert index.problems == []


def test_order_is_weight_then_date_then_file_name():
    posts = posts_from(
        {
            "s/index.md": "# S\n",
            "s/c.md": "---\nweight: 2\n---\n",
            "s/a.md": "---\ndate: 2020-01-01\n---\n",
            "s/b.md": "---\nseries_order: 1\n---\n",
            "s/d.md": "no front matter",
            "s/e.md": "---\ndate: 2019-01-01\n---\n",
        }
    )
    [series] = build_series(posts, visible=set(posts)).series
    assert series.parts == ["s/b.md", "s/c.md", "s/e.md", "s/a.md", "s/d.md"]
    assert series.generated is False
    assert series.title == "S"


def test_series_key_joins_posts_anywhere_and_generates_a_landing_page():
    posts = posts_from(
        {
            "x.md": "---\ntitle: X\nseries: Deep Dive\nweight: 2\n---\n",
            "y/z.md": "---\ntitle: Z\nseries: [Deep Dive]\nweight: 1\n---\n",
        }
    )
    [series] = build_series(posts, visible=set(posts)).series
    assert series.landing_uri == "series/deep-dive/index.md"
    assert series.parts == ["y/z.md", "x.md"]


def test_series_key_matching_a_folder_title_joins_the_folder():
    posts = posts_from(
        {
            "tut/index.md": "---\ntitle: The Tutorial\n---\n",
            "tut/one.md": "---\nweight: 1\n---\n",
            "elsewhere.md": "---\nseries: The Tutorial\nweight: 2\n---\n",
        }
    )
    [series] = build_series(posts, visible=set(posts)).series
    assert series.parts == ["tut/one.md", "elsewhere.md"]


def test_hidden_parts_are_left_out_and_an_all_draft_series_is_reported():
    posts = posts_from(
        {
            "a/index.md": "# A\n",
            "a/one.md": "---\ndraft: true\n---\n",
            "a/two.md": "text",
            "b/index.md": "# B\n",
            "b/only.md": "---\ndraft: true\n---\n",
        }
    )
    index = build_series(posts, visible={"a/index.md", "a/two.md", "b/index.md"})
    assert [s.parts for s in index.series] == [["a/two.md"]]
    assert [(uri, p.message) for uri, p in index.problems] == [
        ("b/index.md", "series 'B' has no published parts; it is left out")
    ]


def test_shared_weights_and_duplicate_titles_are_reported():
    posts = posts_from(
        {
            "a/index.md": "---\ntitle: Same\n---\n",
            "a/x.md": "---\nweight: 1\n---\n",
            "a/y.md": "---\nweight: 1\n---\n",
            "b/index.md": "---\ntitle: Same\n---\n",
            "b/z.md": "text",
        }
    )
    index = build_series(posts, visible=set(posts))
    messages = sorted(f"{uri}: {p.message}" for uri, p in index.problems)
    assert messages == [
        "a/y.md: shares its series position (1) with 'a/x.md'; ordered by date, then file name",
        "b/index.md: two series are titled 'Same': 'a/' and 'b/'; give one of them another title",
    ]
    assert len(index.series) == 2


def test_folder_opt_out():
    posts = posts_from({"misc/index.md": "---\nseries: false\n---\n", "misc/a.md": "text"})
    assert build_series(posts, visible=set(posts)).series == []


def test_slugify_keeps_letters():
    assert slugify("Python environment isolation") == "python-environment-isolation"
    assert slugify("Ünïcode & Co.") == "ünïcode-co"
    assert slugify("機械学習入門") == "機械学習入門"
    assert slugify("Xác Suất") == "xác-suất"
    assert slugify("!!!") == "series"


def test_non_latin_series_keep_apart():
    posts = posts_from(
        {
            "a.md": "---\ntitle: A\nseries: 機械学習入門\n---\n",
            "b.md": "---\ntitle: B\nseries: 確率入門\n---\n",
        }
    )
    index = build_series(posts, visible=set(posts))
    assert sorted(s.landing_uri for s in index.series) == [
        "series/機械学習入門/index.md",
        "series/確率入門/index.md",
    ]
    assert index.problems == []


def test_series_whose_addresses_would_clash_get_two_and_a_warning():
    posts = posts_from(
        {
            "a.md": "---\ntitle: A\nseries: C++\n---\n",
            "b.md": "---\ntitle: B\nseries: C#\n---\n",
            "c.md": "---\ntitle: C\nseries: c++\n---\n",
        }
    )
    index = build_series(posts, visible=set(posts))
    assert sorted((s.title, s.landing_uri, len(s.parts)) for s in index.series) == [
        ("C#", "series/c-2/index.md", 1),
        ("C++", "series/c/index.md", 2),
    ]
    assert [(uri, p.message) for uri, p in index.problems] == [
        (
            "b.md",
            "series 'C#' would share the address 'series/c/' with series 'C++'; "
            "it is published at 'series/c-2/'",
        )
    ]


def test_plain_folders_hold_standalone_posts():
    posts = posts_from(
        {
            "posts/index.md": "# Posts\n",
            "posts/a.md": "# A\n",
            "posts/b.md": "# B\n",
            "guide/index.md": "# Guide\n",
            "guide/c.md": "# C\n",
        }
    )
    index = build_series(posts, visible=set(posts), plain_folders=["posts"])
    assert [s.folder for s in index.series] == ["guide"]


def test_a_folder_without_a_landing_page_is_no_series():
    posts = posts_from({"notes/a.md": "# A\n", "notes/b.md": "# B\n"})
    assert build_series(posts, visible=set(posts)).series == []


def test_a_hugo_content_tree_is_a_blog_not_series():
    """Sections, their `_index.md`, date folders and leaf bundles form no series."""
    posts = posts_from(
        {
            "_index.md": "---\ntitle: Home\n---\n",
            "post/_index.md": "---\ntitle: Posts\n---\n",
            "post/2017/09/a.md": "---\ntitle: A\ndate: 2017-09-01\n---\n",
            "post/2017/09/b.md": "---\ntitle: B\ndate: 2017-09-02\n---\n",
            "post/2017/10/c.md": "---\ntitle: C\ndate: 2017-10-02\n---\n",
            "post/bundle/index.md": "---\ntitle: Leaf bundle\ndate: 2017-10-03\n---\n",
            "page/about.md": "---\ntitle: About\n---\n",
            "page/contact.md": "---\ntitle: Contact\n---\n",
            # A folder with its own landing page inside a section is still part of the blog.
            "notes/_index.md": "---\ntitle: Notes\n---\n",
            "notes/tips/index.md": "---\ntitle: Tips\n---\n",
            "notes/tips/one.md": "---\ntitle: One\n---\n",
            "2018/index.md": "---\ntitle: 2018\n---\n",
            "2018/d.md": "---\ntitle: D\n---\n",
        }
    )
    index = build_series(posts, visible=set(posts), plain_folders=["post", "page"])
    assert index.series == []
    assert index.problems == []


def test_series_keys_still_make_series_in_a_hugo_tree():
    posts = posts_from(
        {
            "post/_index.md": "---\ntitle: Posts\n---\n",
            "post/2017/09/a.md": "---\ntitle: A\nseries: [Kubernetes]\ndate: 2017-09-01\n---\n",
            "post/2017/10/b.md": "---\ntitle: B\nseries: Kubernetes\ndate: 2017-10-01\n---\n",
        }
    )
    [series] = build_series(posts, visible=set(posts)).series
    assert series.parts == ["post/2017/09/a.md", "post/2017/10/b.md"]


def test_section_pages_are_published_at_their_folder_and_list_posts_below_it():
    from mkdocs_stepwise.blog.sections import section_destination, section_posts

    assert section_destination("post/_index.md") == "post/index.html"
    assert section_destination("_index.md") == "index.html"
    posts = ["post/2017/09/a.md", "talk/b.md", "post/c.md", "postscript.md"]
    assert section_posts("post/_index.md", posts) == ["post/2017/09/a.md", "post/c.md"]
    assert section_posts("_index.md", posts) == posts
