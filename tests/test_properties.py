"""Property-based tests: the front matter reader never crashes and never loses text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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
