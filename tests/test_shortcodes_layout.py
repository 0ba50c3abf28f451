"""Where shortcodes are (not) rendered, what bad input does, and how output fits the page."""

# Expected HTML is written out line for line as the output has it, long lines included.
# ruff: noqa: E501

from __future__ import annotations

import markdown
import pytest

from mkdocs_stepwise.shortcodes import EXTERNAL_SHORTCODES, SHORTCODES
from mkdocs_stepwise.shortcodes.layout import dedent_nodes, strip_indent
from mkdocs_stepwise.shortcodes.parser import Shortcode, Tag, Text

from .shortcodes_support import convert, html, placeholder, preprocess

# --- code stays verbatim --------------------------------------------------------------------


def test_shortcodes_in_fences_and_inline_code_stay_verbatim() -> None:
    source = """
        Use `{{< figure src="x" >}}` inline.

        ```text
        {{< alert info >}}
        {{% toc %}}
        ```

        ~~~text
        {{< youtube abc >}}
        ~~~
    """
    assert convert(source) == html(
        """
        <p>Use <code>{{&lt; figure src="x" &gt;}}</code> inline.</p>
        <div class="highlight"><pre><span></span><code>{{&lt; alert info &gt;}}
        {{% toc %}}
        </code></pre></div>
        <div class="highlight"><pre><span></span><code>{{&lt; youtube abc &gt;}}
        </code></pre></div>
        """
    )


def test_preprocessor_leaves_code_untouched() -> None:
    source = "````md\n```\n{{< toc >}}\n```\n````\n`` {{% toc %}} ``"
    assert preprocess(source) == source


def test_escaped_form_shows_the_call() -> None:
    source = """
        Write {{</* figure src="x.png" */>}} or {{%/* alert info */%}}.

        ```text
        {{</* toc */>}}
        ```
    """
    assert convert(source) == html(
        """
        <p>Write {{&lt; figure src="x.png" &gt;}} or {{% alert info %}}.</p>
        <div class="highlight"><pre><span></span><code>{{&lt; toc &gt;}}
        </code></pre></div>
        """
    )


def test_escaped_form_is_hidden_from_later_preprocessors() -> None:
    # The xkcd extension (priority 28) must not see an escaped xkcd call as a real one.
    assert preprocess("{{</* xkcd 1987 */>}}") == placeholder(0)


def test_xkcd_is_left_for_its_own_extension() -> None:
    source = (
        '{{< xkcd 1987 >}}\n{{% xkcd num="353" %}}\n{{< alert info >}}{{< xkcd 1 >}}{{< /alert >}}'
    )
    assert preprocess(source).split("\n")[:2] == ["{{< xkcd 1987 >}}", '{{% xkcd num="353" %}}']
    assert "xkcd" in EXTERNAL_SHORTCODES


def test_more_names_can_be_left_alone() -> None:
    assert convert("{{< mine 1 >}}", ignore=["mine"]) == "<p>{{&lt; mine 1 &gt;}}</p>"


# --- bad input ------------------------------------------------------------------------------


def test_unknown_shortcode_is_reported_and_shown(plugin_warnings) -> None:
    source = "Intro\n\nSee {{< instagram BWNjjyYFxVx >}} there."
    assert convert(source) == html(
        """
        <p>Intro</p>
        <p>See <code class="stepwise-shortcode-unrendered">{{&lt; instagram BWNjjyYFxVx &gt;}}</code> there.</p>
        """
    )
    plugin_warnings.expect(r"^posts/post\.md:3: unknown shortcode `instagram`: shown as written$")


def test_unknown_paired_shortcode_keeps_its_inner_text(plugin_warnings) -> None:
    source = '{{% details title="More" %}}\n**Hidden** text\n{{% /details %}}'
    assert convert(source) == html(
        """
        <p><code class="stepwise-shortcode-unrendered">{{% details title="More" %}}</code>
        <strong>Hidden</strong> text
        <code class="stepwise-shortcode-unrendered">{{% /details %}}</code></p>
        """
    )
    plugin_warnings.expect(r"posts/post\.md:1: unknown shortcode `details`")


def test_line_numbers_survive_multi_line_shortcodes(plugin_warnings) -> None:
    source = """
        {{< alert info >}}
        one
        {{< /alert >}}

        {{< codeblock "x" >}}
        a
        b
        {{< /codeblock >}}
        {{< mystery >}}
    """
    convert(source)
    plugin_warnings.expect(r"^posts/post\.md:9: unknown shortcode `mystery`")


def test_output_keeps_the_line_count() -> None:
    source = (
        "# Title\n"
        "\n"
        "{{< alert info >}}\nx\n{{< /alert >}}\n"
        "text\n"
        "{{< pullquote left >}}\nquote\n{{< /pullquote >}}\n"
        "text\n"
        "\n"
        "{{< highlight py >}}\ny = 2\n{{< /highlight >}}\n"
        "\n"
        "{{< toc >}}\n"
        "\n"
        "last {{< hl-text red >}}x{{< /hl-text >}}"
    )
    output = preprocess(source)
    assert output.count("\n") == source.count("\n")
    assert output.split("\n")[-1].startswith("last ")


def test_a_block_call_glued_to_text_adds_the_blank_lines_it_needs() -> None:
    # One line of call, one of output, blank lines needed on both sides: two more lines.
    source = "text\n{{< toc >}}\nmore"
    assert preprocess(source) == "text\n\n[TOC]\n\nmore"


def test_stray_closing_tag(plugin_warnings) -> None:
    assert convert("text {{< /alert >}}") == "<p>text {{&lt; /alert &gt;}}</p>"
    plugin_warnings.expect(r"posts/post\.md:1: `\{\{< /alert >\}\}` closes a shortcode")


def test_unclosed_paired_shortcode_is_shown(plugin_warnings) -> None:
    source = "{{< alert info >}}\nBody"
    assert convert(source) == html(
        """
        <p><code class="stepwise-shortcode-unrendered">{{&lt; alert info &gt;}}</code>
        Body</p>
        """
    )
    plugin_warnings.expect(r"has no closing `\{\{< /alert >\}\}`; shown as written")


def test_broken_tag(plugin_warnings) -> None:
    assert convert('{{< figure src="a.png >}}') == '<p>{{&lt; figure src="a.png &gt;}}</p>'
    plugin_warnings.expect(r"posts/post\.md:1: an unterminated quoted value")


def test_markdown_output_inside_a_raw_call_is_shown_as_text(plugin_warnings) -> None:
    source = "{{< alert info >}}{{< highlight py >}}x{{< /highlight >}}{{< /alert >}}"
    assert convert(source) == (
        '<div class="admonition info stepwise-alert"><p>{{&lt; highlight py &gt;}}x'
        "{{&lt; /highlight &gt;}}</p></div>"
    )
    plugin_warnings.expect(r"renders to Markdown, which cannot go inside a `\{\{< >\}\}` call")


# --- nesting and indentation ----------------------------------------------------------------


def test_nested_calls_in_a_markdown_alert() -> None:
    source = """
        {{% alert info %}}
        A {{< hl-text red >}}mark{{< /hl-text >}} and a [link]({{< ref "other" >}}).

        {{< figure src="https://x.example/a.png" >}}

        {{< codeblock "f.txt" "text" >}}
        code
        {{< /codeblock >}}
        {{% /alert %}}
    """
    assert convert(source) == html(
        """
        <div class="admonition info stepwise-alert">
        <p>A <mark class="stepwise-hl stepwise-hl--red">mark</mark> and a <a href="other.md">link</a>.</p>
        <figure><img src="https://x.example/a.png" alt=""></figure>
        <div class="highlight"><span class="filename">f.txt</span><pre><span></span><code>code
        </code></pre></div>
        </div>
        """
    )


def test_html_calls_inside_a_raw_call() -> None:
    source = '{{< blockquote "Ann" >}}Say {{< hl-text red >}}hi{{< /hl-text >}}{{< /blockquote >}}'
    assert convert(source) == (
        '<blockquote class="stepwise-blockquote"><p>Say '
        '<mark class="stepwise-hl stepwise-hl--red">hi</mark></p>'
        "<footer><strong>Ann</strong></footer></blockquote>"
    )


def test_code_in_a_list_item() -> None:
    source = """
        1. Run:

            {{< codeblock "run.sh" "text" >}}
            echo hi
              indented
            {{< /codeblock >}}

        2. Done
    """
    assert convert(source) == html(
        """
        <ol>
        <li>
        <p>Run:</p>
        <div class="highlight"><span class="filename">run.sh</span><pre><span></span><code>echo hi
          indented
        </code></pre></div>
        </li>
        <li>
        <p>Done</p>
        </li>
        </ol>
        """
    )


@pytest.mark.parametrize(
    ("text", "at_line_start", "expected", "ends_at_line_start"),
    [
        ("a\n    b\n  \n    c", False, ("a\nb\n\nc"), False),
        ("    a\n", True, ("a\n"), True),
        ("    a\n", False, ("    a\n"), True),
        ("x\n  y", False, ("x\n  y"), False),
    ],
)
def test_strip_indent(
    text: str, at_line_start: bool, expected: str, ends_at_line_start: bool
) -> None:
    assert strip_indent(text, "    ", at_line_start) == (expected, ends_at_line_start)


def test_dedent_nodes_reaches_nested_bodies() -> None:
    inner = Shortcode(
        Tag("codeblock"), body="\n    x\n    ", closing=Tag("codeblock", closing=True)
    )
    nodes, _ = dedent_nodes([Text("\n    a "), inner, Text("\n    b")], "    ")
    assert nodes == (
        Text("\na "),
        Shortcode(Tag("codeblock"), body="\nx\n", closing=Tag("codeblock", closing=True)),
        Text("\nb"),
    )


# --- the extension --------------------------------------------------------------------------


def test_registered_by_entry_point_name() -> None:
    output = markdown.markdown(
        "{{% alert info %}}\nHi\n{{% /alert %}}", extensions=["stepwise.shortcodes"]
    )
    assert output == '<div class="admonition info stepwise-alert">\n<p>Hi</p>\n</div>'


def test_every_documented_shortcode_is_registered() -> None:
    assert set(SHORTCODES) == {
        "figure", "ref", "relref", "highlight", "youtube", "vimeo", "gist",
        "alert", "hl-text", "image", "wide-image", "tabbed-codeblock", "codeblock",
        "blockquote", "pullquote", "toc", "jsfiddle",
    }  # fmt: skip
    assert not set(SHORTCODES) & EXTERNAL_SHORTCODES


def test_pages_without_shortcodes_are_untouched() -> None:
    source = "# Title\n\n<!-- a comment -->\n\ntext {{ not a shortcode }}"
    assert preprocess(source) == source


def test_the_xkcd_extension_still_renders_its_shortcode() -> None:
    source = "{{< xkcd 1987 >}}\n\n{{< alert info >}}x{{< /alert >}}"
    output = markdown.markdown(source, extensions=["stepwise.xkcd", "stepwise.shortcodes"])
    assert output.startswith('<figure class="stepwise-xkcd">')
    assert output.endswith('<div class="admonition info stepwise-alert"><p>x</p></div>')
