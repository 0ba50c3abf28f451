"""The shortcode parser: tags, code regions, pairing (pure functions, no Markdown)."""

from __future__ import annotations

import pytest

from mkdocs_stepwise.fences import fenced_ranges
from mkdocs_stepwise.problems import Problem
from mkdocs_stepwise.shortcodes.parser import (
    Escaped,
    Shortcode,
    Tag,
    Text,
    parse,
    parse_tag,
    unescape,
)


@pytest.mark.parametrize(
    ("source", "name", "positional", "named", "markdown", "closing", "self_closing"),
    [
        ("{{< toc >}}", "toc", (), (), False, False, False),
        ("{{<toc>}}", "toc", (), (), False, False, False),
        ("{{% toc %}}", "toc", (), (), True, False, False),
        (
            '{{< codeblock "Source" Shell>}}',
            "codeblock",
            ("Source", "Shell"),
            (),
            False,
            False,
            False,
        ),
        ("{{< alert info no-icon >}}", "alert", ("info", "no-icon"), (), False, False, False),
        (
            '{{< image classes="fancybox fig-50" src="//x/a.jpg" title=Car >}}',
            "image",
            (),
            (("classes", "fancybox fig-50"), ("src", "//x/a.jpg"), ("title", "Car")),
            False,
            False,
            False,
        ),
        ('{{< x key = "v" >}}', "x", (), (("key", "v"),), False, False, False),
        ('{{< x "say \\"hi\\"" >}}', "x", ('say "hi"',), (), False, False, False),
        ('{{< x `raw \\n "q"` >}}', "x", ('raw \\n "q"',), (), False, False, False),
        ('{{< x "a >}} b" >}}', "x", ("a >}} b",), (), False, False, False),
        ("{{< /alert >}}", "alert", (), (), False, True, False),
        ("{{</alert>}}", "alert", (), (), False, True, False),
        ("{{% / alert %}}", "alert", (), (), True, True, False),
        ("{{< figure src=a.png />}}", "figure", (), (("src", "a.png"),), False, False, True),
        ("{{< figure src=a.png/>}}", "figure", (), (("src", "a.png"),), False, False, True),
        ("{{< x width=100% >}}", "x", (), (("width", "100%"),), False, False, False),
        ("{{< x\n  a=1\n  b=2\n>}}", "x", (), (("a", "1"), ("b", "2")), False, False, False),
        ("{{< my/partial.name >}}", "my/partial.name", (), (), False, False, False),
    ],
)
def test_parse_tag(
    source: str,
    name: str,
    positional: tuple[str, ...],
    named: tuple[tuple[str, str], ...],
    markdown: bool,
    closing: bool,
    self_closing: bool,
) -> None:
    parsed = parse_tag(source + " tail", 0)
    assert not isinstance(parsed, str), parsed
    tag, end = parsed
    assert (tag.name, tag.positional, tag.named) == (name, positional, named)
    assert (tag.markdown, tag.closing, tag.self_closing) == (markdown, closing, self_closing)
    assert tag.source == source
    assert end == len(source)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{< >}}", "a shortcode tag without a name"),
        ("{{< alert info", "the tag `{{< alert` is never closed with `>}}`"),
        ("{{< alert info\n{{< /alert >}}", "the tag `{{< alert` is never closed with `>}}`"),
        ("{{< alert info %}}", "the tag `{{< alert` ends with `%}}`, not `>}}`"),
        ('{{< alert "info >}}', "an unterminated quoted value in the tag `{{< alert`"),
        ('{{< x k="v >}}', "an unterminated quoted value in the tag `{{< x`"),
    ],
)
def test_parse_tag_refuses(source: str, message: str) -> None:
    assert parse_tag(source, 0) == message


def test_tag_get_prefers_named_then_position() -> None:
    tag = Tag("codeblock", positional=("Title", "py"), named=(("url", "u"),))
    assert tag.get("title", 0) == "Title"
    assert tag.get("lang", 1) == "py"
    assert tag.get("url", 2) == "u"
    assert tag.get("link-text", 3) == ""
    assert tag.get("link-text", 3, default="d") == "d"


def test_unescape() -> None:
    assert unescape("a {{</* figure src=x */>}} {{%/* alert */%}}") == (
        "a {{< figure src=x >}} {{% alert %}}"
    )


def _tag(source: str, line: int = 1) -> Tag:
    parsed = parse_tag(source, 0)
    assert not isinstance(parsed, str)
    return Tag(**{**parsed[0].__dict__, "line": line})


def test_parse_pairs_nested_calls() -> None:
    source = "{{% alert info %}}\nHi {{< hl-text red >}}x{{< /hl-text >}}\n{{% /alert %}}"
    result = parse(source)
    assert result.problems == []
    assert result.nodes == [
        Shortcode(
            _tag("{{% alert info %}}"),
            children=(
                Text("\nHi "),
                Shortcode(
                    _tag("{{< hl-text red >}}", 2),
                    children=(Text("x"),),
                    closing=_tag("{{< /hl-text >}}", 2),
                ),
                Text("\n"),
            ),
            closing=_tag("{{% /alert %}}", 3),
        )
    ]


def test_unclosed_tags_stay_lone_and_keep_their_followers() -> None:
    result = parse("{{< figure src=a >}}\ntext\n{{< figure src=b >}}")
    assert result.nodes == [
        Shortcode(_tag("{{< figure src=a >}}")),
        Text("\ntext\n"),
        Shortcode(_tag("{{< figure src=b >}}", 3)),
    ]


def test_inner_unclosed_tag_inside_a_pair() -> None:
    result = parse("{{< a >}}{{< b >}}x{{< /a >}}")
    assert result.nodes == [
        Shortcode(
            _tag("{{< a >}}"),
            children=(Shortcode(_tag("{{< b >}}")), Text("x")),
            closing=_tag("{{< /a >}}"),
        )
    ]


def test_stray_closing_tag_is_reported_and_kept() -> None:
    result = parse("a\n{{< /alert >}}\n")
    assert result.nodes == [Text("a\n"), Text("{{< /alert >}}"), Text("\n")]
    assert result.problems == [
        Problem("`{{< /alert >}}` closes a shortcode that is not open", line=2)
    ]


def test_broken_tag_is_reported_and_kept_as_text() -> None:
    result = parse("x\n{{< alert info %}}\ny")
    assert result.nodes == [Text("x\n{{< alert info %}}\ny")]
    assert result.problems == [
        Problem("the tag `{{< alert` ends with `%}}`, not `>}}`; left as text", line=2)
    ]


def test_verbatim_body_is_not_parsed() -> None:
    source = '{{< codeblock "t" >}}\n{{< alert >}} `x\n{{</* y */>}}\n{{< /codeblock >}}'
    result = parse(source, verbatim={"codeblock"})
    assert result.nodes == [
        Shortcode(
            _tag('{{< codeblock "t" >}}'),
            body="\n{{< alert >}} `x\n{{< y >}}\n",
            closing=_tag("{{< /codeblock >}}", 4),
        )
    ]


def test_verbatim_without_closing_tag_is_a_lone_call() -> None:
    result = parse("{{< codeblock >}}\ncode", verbatim={"codeblock"})
    assert result.nodes == [Shortcode(_tag("{{< codeblock >}}")), Text("\ncode")]


def test_ignored_shortcodes_stay_text() -> None:
    result = parse("{{< xkcd 1987 >}}\n{{% xkcd num=1 %}}", ignored={"xkcd"})
    assert result.nodes == [Text("{{< xkcd 1987 >}}\n{{% xkcd num=1 %}}")]
    assert result.problems == []


@pytest.mark.parametrize(
    "source",
    [
        "```\n{{< alert >}}\n```",
        "~~~md\n{{< alert >}}\n~~~",
        "````\n```\n{{< alert >}}\n```\n````",
        "  ```go\n  {{< alert >}}\n  ```",
        "`{{< alert >}}`",
        "``a ` {{< alert >}}``",
        "~~~\n{{< alert >}}\n```\n{{< alert >}}\n~~~",
    ],
)
def test_code_is_verbatim(source: str) -> None:
    result = parse(source, fenced=fenced_ranges(source.split("\n")))
    assert "".join(node.text for node in result.nodes if isinstance(node, Text)) == source
    assert not any(isinstance(node, Shortcode) for node in result.nodes)


@pytest.mark.parametrize(
    "source",
    [
        # SuperFences opens no fence on a header it cannot read: `~~~ (2)` in display math
        # (from a real blog) is text, and so is everything after it.
        "$$\nx = 1\n~~~ (2)\n$$\n\n{{< alert info >}}Note{{< /alert >}}",
        # Nor is a fence SuperFences never closes code (Python-Markdown shows it as text).
        "```\ntext\n\n{{< alert info >}}Note{{< /alert >}}",
    ],
    ids=["math", "unclosed"],
)
def test_what_superfences_reads_as_text_is_text(source: str) -> None:
    result = parse(source, fenced=fenced_ranges(source.split("\n")))
    assert [node.tag.name for node in result.nodes if isinstance(node, Shortcode)] == ["alert"]


def test_fence_closes_only_with_a_long_enough_fence() -> None:
    source = "````\n```\n````\n{{< toc >}}"
    result = parse(source, fenced=fenced_ranges(source.split("\n")))
    assert result.nodes[-1] == Shortcode(_tag("{{< toc >}}", 4))


def test_katacoda_marker_after_a_closing_fence_still_closes_it() -> None:
    result = parse("```\nls\n```{{execute T1}}\n{{< toc >}}\n```\n{{< toc >}}\n```")
    assert [type(node) for node in result.nodes] == [Text, Text, Shortcode, Text, Text]


def test_escaped_form_in_code_is_unescaped_verbatim() -> None:
    result = parse("```\n{{</* alert */>}}\n```\n`{{%/* x */%}}`")
    assert result.nodes == [Text("```\n{{< alert >}}\n```"), Text("\n"), Text("`{{% x %}}`")]


def test_escaped_form_outside_code() -> None:
    result = parse("Use {{</* figure src=x */>}} here")
    assert result.nodes == [Text("Use "), Escaped("{{< figure src=x >}}", 1), Text(" here")]


def test_lone_backtick_does_not_hide_shortcodes() -> None:
    result = parse("it`s {{< toc >}}\n\nand ` here")
    assert isinstance(result.nodes[1], Shortcode)


def test_code_span_does_not_cross_a_blank_line() -> None:
    result = parse("a ` b\n\n{{< toc >}} `")
    assert [type(node) for node in result.nodes] == [Text, Shortcode, Text]


def test_escaped_backtick_opens_no_code_span() -> None:
    result = parse("\\` {{< toc >}} `")
    assert isinstance(result.nodes[1], Shortcode)


@pytest.mark.parametrize(
    ("source", "replaced"),
    [
        ("<!-- toc -->", "<!-- toc -->"),
        ("  <!--TOC-->  ", "  <!--TOC-->  "),
        (
            "<!-- toc -->\n- [A](#a)\n- [B](#b)\n<!-- tocstop -->",
            "<!-- toc -->\n- [A](#a)\n- [B](#b)\n<!-- tocstop -->",
        ),
    ],
)
def test_hexo_toc_comment(source: str, replaced: str) -> None:
    result = parse(f"intro\n{source}\nafter")
    assert result.nodes == [
        Text("intro\n"),
        Shortcode(Tag("toc", source=replaced, line=2, self_closing=True)),
        Text("\nafter"),
    ]


def test_toc_comment_inside_text_is_left_alone() -> None:
    assert parse("see <!-- toc --> here").nodes == [Text("see <!-- toc --> here")]


def test_source_of_a_pair_round_trips() -> None:
    source = (
        "{{% alert info %}}\nA {{< hl-text red >}}x{{< /hl-text >}} {{</* b */>}}\n{{% /alert %}}"
    )
    (node,) = parse(source).nodes
    assert isinstance(node, Shortcode)
    assert node.source == source.replace("{{</* b */>}}", "{{< b >}}")
