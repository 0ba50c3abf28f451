"""CommonMark lists: the line rewrite, Markdown -> HTML, and a real build."""

from __future__ import annotations

import markdown
import pytest

from mkdocs_stepwise.lists import ListsExtension, commonmark_lists


def test_four_space_lists_are_left_as_they_are() -> None:
    lines = ["1.  First", "", "    more", "", "    - nested", "2.  Second"]
    assert commonmark_lists(lines) == lines


def test_content_columns_become_four_spaces() -> None:
    lines = ["- a", "  - b", "    - c", "- d", "1. one", "   more", "10. ten", "    more"]
    assert commonmark_lists(lines) == [
        "- a",
        "    - b",
        "        - c",
        "- d",
        "1. one",
        "    more",
        "10. ten",
        "    more",
    ]


def test_a_list_after_a_paragraph_gets_its_blank_line() -> None:
    assert commonmark_lists(["Steps:", "1. one"]) == ["Steps:", "", "1. one"]
    # CommonMark: only a list starting at 1, or a bullet, interrupts a paragraph.
    assert commonmark_lists(["In 2017:", "2. not a list"]) == ["In 2017:", "2. not a list"]


def test_code_is_never_touched() -> None:
    lines = ["Text", "", "    - code", "    - more", "", "```", "x", "- not", "  - a list", "```"]
    assert commonmark_lists(lines) == lines


def test_a_fence_in_an_item_moves_with_its_opening_line() -> None:
    lines = ["1. a", "   ```", "   code", "     deeper", "   ```", "2. b"]
    assert commonmark_lists(lines) == [
        "1. a",
        "    ```",
        "    code",
        "      deeper",
        "    ```",
        "",
        "2. b",
    ]


CASES = {
    "list after a paragraph": (
        "Things to do:\n* one\n* two\n\nEnd.\n",
        "<p>Things to do:</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p>End.</p>",
    ),
    "three-space items keep their numbers": (
        "1. First\n   more\n\n   ```\n   code\n   ```\n2. Second\n3. Third\n",
        "<ol>\n<li>\n<p>First\n    more</p>\n"
        '<div class="highlight"><pre><span></span><code>code\n</code></pre></div>\n'
        "</li>\n<li>\n<p>Second</p>\n</li>\n<li>Third</li>\n</ol>",
    ),
    "two-space nesting": (
        "- a\n  - b\n- c\n",
        "<ul>\n<li>a<ul>\n<li>b</li>\n</ul>\n</li>\n<li>c</li>\n</ul>",
    ),
    "a thematic break is no list": ("para\n\n* * *\n", "<p>para</p>\n<hr />"),
}


@pytest.mark.parametrize("case", CASES)
def test_markdown_to_html(case: str) -> None:
    source, expected = CASES[case]
    html = markdown.markdown(source, extensions=["pymdownx.superfences", ListsExtension()])
    assert html == expected


def test_an_item_after_a_fence_already_taken_out_stays_in_the_list() -> None:
    lines = ["1. a", "", "   \x02wzxhzdk:0\x03", "2. b"]
    assert commonmark_lists(lines) == ["1. a", "", "    \x02wzxhzdk:0\x03", "", "2. b"]


def test_display_math_is_no_list() -> None:
    lines = ["Then:", "$$", "A", "- \\begin{bmatrix}", "$$", "- item"]
    # Unchanged: the math extension puts blank lines around the block later.
    assert commonmark_lists(lines) == lines
