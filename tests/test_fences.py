"""`fences`: the one answer to "which lines are code?", from SuperFences itself."""

from __future__ import annotations

import markdown

from mkdocs_stepwise.fences import code_lines, fenced_lines, outside_fences


def test_code_lines() -> None:
    lines = [
        "text",  # 0
        "````md",  # 1 opens a four-backtick fence
        "```",  # 2 does not close it
        "{{< xkcd 1 >}}",  # 3
        "````",  # 4 closes it
        "```bash",  # 5
        "ls",  # 6
        "```{{execute}}",  # 7 closes it (Katacoda)
        "",  # 8
        "    {{< xkcd 2 >}}",  # 9 indented code
        "",  # 10
        "- item",  # 11
        "",  # 12
        "    {{< xkcd 3 >}}",  # 13 list item content
        "para",  # 14
        "    {{< xkcd 4 >}}",  # 15 lazy continuation
        "~~~",  # 16
        "~~~~ not a close",  # 17
        "~~~",  # 18
    ]
    expected = [False, True, True, True, True, True, True, True, False, True, False]
    expected += [False, False, False, False, False, True, True, True]
    assert code_lines(lines) == expected


def test_the_renderers_configuration_decides() -> None:
    """With `pymdownx.quotes`, a quote level that drops ends a fence; without, it does not."""
    lines = ["> > ```", ">   x", "> > ```"]
    assert fenced_lines(lines) == [True, True, True]
    quotes = markdown.Markdown(extensions=["pymdownx.superfences", "pymdownx.quotes"])
    assert fenced_lines(lines, quotes) == [False, False, False]


def test_what_superfences_cannot_read_is_no_fence() -> None:
    lines = ["$$", "~~~ (2)", "$$", "```bash foo!", "text", "```"]
    assert list(outside_fences(lines)) == [0, 1, 2, 3, 4, 5]


def test_unclosed_and_abandoned_fences_are_not_code() -> None:
    lines = ["- item", "", "    ```", "    code", "text", "```", "# Title"]
    assert fenced_lines(lines) == [False] * 5 + [False, False]


def test_fences_in_raw_pre_blocks_are_not_fences() -> None:
    lines = ["<pre>", "```", "</pre>", "```", "ls", "```{{execute}}"]
    assert fenced_lines(lines) == [False, False, False, True, True, True]


def test_indented_runs_stay_linear() -> None:
    """A long indented run is read in one pass (it once walked back over the run per line)."""
    lines = ["text", "", *["        x"] * 20000]
    assert all(code_lines(lines)[2:])


def test_the_post_reader_asks_the_same_model() -> None:
    """A longer fence line closes nothing in SuperFences: the heading under it is still code."""
    from mkdocs_stepwise.posts import first_heading

    source = "```\n# in code\n``````\n# still code\n```\n\n# Title\n"
    assert first_heading(source) == "Title"
    assert first_heading("```\n# code\n```{{execute}}\n\n# Step\n") == "Step"


def test_with_preserve_tabs_fences_reach_the_plugins_preprocessors_as_code(build) -> None:
    """The plugin turns on `preserve_tabs`, whose fences come back before the xkcd, maths and
    shortcode preprocessors read the page (`RawFencesBack`): each must leave code alone."""
    page = (
        "# Code\n\n"
        "```text\n"
        "[![](https://imgs.xkcd.com/comics/python_environment.png)](https://xkcd.com/1987/)\n"
        "$$\n"
        "x^2\n"
        "$$\n"
        '{{< figure src="a.png" >}}\n'
        "\tindented with a tab\n"
        "```\n"
    )
    site = build({"index.md": "# Home\n", "code.md": page})
    article = site.html("code/").select_one("article")
    assert article is not None
    assert [code.get_text() for code in article.select("pre code")] == [
        page.split("```text\n")[1][:-4]
    ]
    assert article.select(".stepwise-xkcd, .arithmatex, figure") == []
