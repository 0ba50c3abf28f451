"""Normalising front matter: case, aliases, Hugo's date fallbacks, and problems that name a key."""

from __future__ import annotations

import datetime as dt

from mkdocs_stepwise.frontmatter import split
from mkdocs_stepwise.metadata import normalise
from mkdocs_stepwise.posts import first_heading, read_post, title_from_filename

UTC = dt.UTC


def meta_of(text: str, tz: str = "UTC"):
    return normalise(split(text), tz)


def test_keys_are_case_insensitive_and_theme_keys_keep_their_spelling():
    result = meta_of("---\nTitle: Hi\nTAGS: [a]\nthumbnailimage: ./x.jpg\ncoverImage: y.jpg\n---\n")
    assert result.problems == []
    assert result.meta.title == "Hi"
    assert result.meta.tags == ["a"]
    assert result.meta.theme == {"thumbnailImage": "./x.jpg", "coverImage": "y.jpg"}


def test_hugo_date_aliases_and_fallbacks():
    meta = meta_of("---\npubdate: 2020-01-02\nunpublishdate: 2030-01-01\n---\n").meta
    assert meta.publish_date == dt.datetime(2020, 1, 2, tzinfo=UTC)
    assert meta.date == meta.publish_date  # date falls back to publishDate
    assert meta.expiry_date == dt.datetime(2030, 1, 1, tzinfo=UTC)
    meta = meta_of("---\nmodified: 2021-05-06\n---\n").meta
    assert meta.date == dt.datetime(2021, 5, 6, tzinfo=UTC)  # then to lastmod


def test_naive_dates_use_the_site_timezone():
    meta = meta_of("---\ndate: 2018-03-05 10:00\n---\n", tz="Europe/Berlin").meta
    assert meta.date is not None
    assert meta.date.utcoffset() == dt.timedelta(hours=1)


def test_empty_date_is_absent_without_a_problem():
    result = meta_of("---\ntitle: x\ndate:\n---\n")
    assert result.meta.date is None
    assert result.problems == []


def test_wrong_types_are_problems_naming_key_and_line():
    result = meta_of("---\ntitle: x\ndate: yesterday\nweight: first\ntags: python\n---\n")
    found = {(p.key, p.line) for p in result.problems}
    assert found == {("date", 3), ("weight", 4), ("tags", 5)}
    assert result.meta.tags == ["python"]  # read as one tag, not dropped
    assert result.meta.weight is None


def test_odd_draft_values_stay_drafts():
    result = meta_of("---\ndraft: 'yes'\n---\n")
    assert result.meta.draft is True
    assert [p.key for p in result.problems] == ["draft"]


def test_series_as_string_or_list_and_series_order():
    assert meta_of("---\nseries: Intro\n---\n").meta.series == ["Intro"]
    meta = meta_of("---\nseries: [A, B]\nseries_weight: 3\n---\n").meta
    assert meta.series == ["A", "B"]
    assert meta.series_order == 3


def test_params_are_theme_parameters():
    meta = meta_of('+++\ntitle = "x"\n[params]\ncoverSize = "full"\n+++\n').meta
    assert meta.theme["coverSize"] == "full"


def test_title_falls_back_to_first_heading_then_file_name():
    assert read_post("a/b.md", "---\ntitle: Set\n---\n# Heading\n").title == "Set"
    assert read_post("a/b.md", "```\n# not this\n```\n\nReal\n====\n").title == "Real"
    assert read_post("a/my-first_post.md", "text only\n").title == "My first post"
    assert first_heading("## Level two\n") is None
    assert title_from_filename("guides/index.md") == "Guides"


def test_broken_front_matter_keeps_the_page():
    post = read_post("a.md", "---\ntitle: [\n---\n# Still here\n")
    assert [p.line for p in post.problems] == [3]
    assert "# Still here" in post.markdown
