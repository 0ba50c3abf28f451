"""Property-based tests: the front matter reader never crashes and never loses text."""

from __future__ import annotations

import datetime as dt
import json

import markdown
import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_stepwise.execute.markers import MARKER_RE
from mkdocs_stepwise.frontmatter import FrontMatterError, split
from mkdocs_stepwise.posts import read_post

# Text that looks like posts: fences, braces, keys, quotes, odd whitespace and any Unicode.
fragments = st.sampled_from(
    [
        "---",
        "+++",
        "...",
        "{",
        "}",
        '"title": "x"',
        "title: x",
        'title = "x"',
        "date:",
        "\n",
        "\r\n",
        "\ufeff",
        "[",
        "]",
        ": ",
        "- ",
        "'",
        '"',
        "\t",
        "# Heading",
        "```",
        "~~~",
    ]
)
posts = st.lists(st.one_of(fragments, st.text(max_size=20)), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(posts)
def test_split_either_reads_or_raises_a_located_error(text):
    try:
        front = split(text)
    except FrontMatterError as error:
        assert error.line is None or error.line >= 1
        return
    # The body is always the unread tail of the text: nothing is lost or invented.
    assert text.removeprefix("\ufeff").endswith(front.body)
    assert isinstance(front.data, dict)
    assert front.padded_body().count("\n") >= front.body.count("\n")


@settings(max_examples=400, deadline=None)
@given(posts)
def test_read_post_never_crashes_and_always_has_a_title(text):
    post = read_post("folder/some-post.md", text)
    assert post.title
    assert all(problem.message for problem in post.problems)
    # The Markdown handed to MkDocs still holds the whole body.
    assert post.markdown.endswith(post.front.body)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_text_without_front_matter_is_all_body(text):
    if text.removeprefix("\ufeff").lstrip()[:1] in {"{"} or text.removeprefix("\ufeff")[:3] in {
        "---",
        "+++",
    }:
        return
    assert split(text).body == text.removeprefix("\ufeff")


def test_pathological_json_and_yaml_are_errors_not_crashes():
    for text in [
        '{"a": ' + "1" * 5000 + "}\n",
        "{" + '"a":[' * 100000 + "\n",
        "---\n" + "[" * 100000 + "\n---\n",
    ]:
        try:
            split(text)
        except FrontMatterError as error:
            assert error.line is not None


# Front matter as authors and importers write it: known keys in any case, any YAML value.
KEYS = [
    "title", "Title", "linkTitle", "date", "publishDate", "expiryDate", "lastmod", "draft",
    "tags", "categories", "keywords", "description", "summary", "slug", "url", "aliases",
    "weight", "series", "series_order", "coverImage", "coverCaption", "thumbnailImage",
    "showTags", "hide", "other",
]  # fmt: skip
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(),
    st.datetimes(),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)
mappings = st.dictionaries(
    st.one_of(st.sampled_from(KEYS), st.text(max_size=10)), values, max_size=8
)


@settings(max_examples=300, deadline=None)
@given(mappings, st.sampled_from(["yaml", "json"]))
def test_any_front_matter_mapping_is_read_with_typed_values_and_located_problems(data, form):
    if form == "yaml":
        front = yaml.safe_dump(data, allow_unicode=True)
        text = f"---\n{front}---\nBody text.\n"
    else:
        text = json.dumps(data, default=str, indent=1) + "\nBody text.\n"
    post = read_post("folder/some-post.md", text)
    front_lines = text.count("\n", 0, text.rindex("Body text."))
    meta = post.meta
    assert post.title and isinstance(post.title, str)
    assert post.markdown.endswith("Body text.\n")
    for strings in (meta.tags, meta.categories, meta.keywords, meta.aliases, meta.series):
        assert all(isinstance(item, str) for item in strings)
    for date in (meta.date, meta.publish_date, meta.expiry_date, meta.lastmod):
        assert date is None or (isinstance(date, dt.datetime) and date.tzinfo is not None)
    for number in (meta.weight, meta.series_order):
        assert number is None or type(number) is int
    for text_value in (meta.title, meta.description, meta.summary, meta.slug, meta.url):
        assert text_value is None or isinstance(text_value, str)
    assert isinstance(meta.draft, bool)
    for problem in post.problems:
        assert problem.message
        assert problem.line is None or 1 <= problem.line <= front_lines + 1


# Any text but braces, backticks, Markdown's own syntax and control characters (which include
# Python-Markdown's internal placeholders).
plain = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="{}`\\<&*_[]!")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=plain, max_size=20))
def test_braces_after_code_that_are_not_a_marker_stay_text(inside):
    braces = f"{{{{{inside}}}}}"
    if MARKER_RE.fullmatch(braces):
        return
    html = markdown.markdown(
        f"Use `code`{braces} here.", extensions=["attr_list", "stepwise.execute"]
    )
    assert BeautifulSoup(html, "html.parser").get_text() == f"Use code{braces} here."
