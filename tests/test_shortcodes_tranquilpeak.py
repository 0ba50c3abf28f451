"""Tranquilpeak's shortcodes: Markdown in, exact HTML out (default site extension set)."""

# Expected HTML is written out line for line as the output has it, long lines included.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from .shortcodes_support import convert, html, placeholder, preprocess

# --- alert ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["info", "success", "warning", "danger"])
def test_alert_raw_inner_text(kind: str) -> None:
    source = f"""
        {{{{< alert {kind} >}}}}
        Praesent <b>diam</b> *elit*.
        {{{{< /alert >}}}}
    """
    assert convert(source) == (
        f'<div class="admonition {kind} stepwise-alert"><p>Praesent <b>diam</b> *elit*.</p></div>'
    )


def test_alert_markdown_inner_text_no_icon() -> None:
    source = """
        {{% alert warning no-icon %}}
        Some **Markdown**.

        ```text
        code
        ```
        {{% /alert %}}
    """
    assert convert(source) == html(
        """
        <div class="admonition warning stepwise-alert stepwise-alert--no-icon">
        <p>Some <strong>Markdown</strong>.</p>
        <div class="highlight"><pre><span></span><code>code
        </code></pre></div>
        </div>
        """
    )


def test_alert_markdown_is_admonition_syntax_on_the_same_lines() -> None:
    source = "{{% alert success %}}\nDone **well**.\n{{% /alert %}}\nNext"
    assert preprocess(source) == '!!! success stepwise-alert ""\n    Done **well**.\n\nNext'


def test_alert_unknown_type(plugin_warnings) -> None:
    assert convert("{{< alert bogus >}}x{{< /alert >}}") == (
        '<div class="admonition note stepwise-alert"><p>x</p></div>'
    )
    plugin_warnings.expect(r"posts/post\.md:1: alert type 'bogus' is not one of info")


def test_alert_accepts_material_types() -> None:
    assert convert("{{< alert tip >}}x{{< /alert >}}") == (
        '<div class="admonition tip stepwise-alert"><p>x</p></div>'
    )


def test_alert_inside_a_list_item() -> None:
    source = """
        - Step:

            {{% alert info %}}
            Note **this**.
            {{% /alert %}}

            {{< alert danger >}}
            Raw.
            {{< /alert >}}
    """
    assert convert(source) == html(
        """
        <ul>
        <li>
        <p>Step:</p>
        <div class="admonition info stepwise-alert">
        <p>Note <strong>this</strong>.</p>
        </div>
        <div class="admonition danger stepwise-alert"><p>Raw.</p></div>
        </li>
        </ul>
        """
    )


# --- hl-text --------------------------------------------------------------------------------


def test_hl_text_raw_and_markdown() -> None:
    source = (
        "A {{< hl-text red >}}raw *text*{{< /hl-text >}} and "
        "{{% hl-text blue %}}**md**{{% /hl-text %}}."
    )
    assert convert(source) == (
        '<p>A <mark class="stepwise-hl stepwise-hl--red">raw *text*</mark> and '
        '<mark class="stepwise-hl stepwise-hl--blue"><strong>md</strong></mark>.</p>'
    )


def test_hl_text_inside_raw_html_paragraph() -> None:
    source = "<p>{{< hl-text green >}}green{{< /hl-text >}} and more.</p>"
    assert convert(source) == (
        '<p><mark class="stepwise-hl stepwise-hl--green">green</mark> and more.</p>'
    )


def test_hl_text_bad_colour(plugin_warnings) -> None:
    assert convert('{{< hl-text "red\\" onclick=\\"x" >}}t{{< /hl-text >}}') == (
        '<p><mark class="stepwise-hl">t</mark></p>'
    )
    plugin_warnings.expect(r"posts/post\.md:1: 'red\" onclick=\"x' is not a colour name")


# --- image / wide-image ---------------------------------------------------------------------


def test_image_fancybox_thumbnail_and_caption() -> None:
    source = (
        '{{< image classes="fancybox fig-50 right" src="//cdn.example/car.jpg"'
        ' thumbnail="//cdn.example/car-375.jpg" title="Ferrari" >}}'
    )
    assert convert(source) == (
        '<figure class="stepwise-image stepwise-image--fig-50 stepwise-image--right">'
        '<a href="//cdn.example/car.jpg" title="Ferrari">'
        '<img src="//cdn.example/car-375.jpg" alt="Ferrari" loading="lazy"></a>'
        "<figcaption>Ferrari</figcaption></figure>"
    )


def test_image_nocaption_clear_and_size() -> None:
    source = (
        '{{% image classes="nocaption clear fig-25" src="/img/car.jpg" title="BMW"'
        ' thumbnail-width="120px" thumbnail-height="9em;x" %}}'
    )
    assert convert(source) == (
        '<figure class="stepwise-image stepwise-image--clear stepwise-image--fig-25">'
        '<img src="../../img/car.jpg" alt="BMW" style="width: 120px;" loading="lazy"></figure>'
        '<div class="stepwise-clear"></div>'
    )


def test_a_row_of_images_is_one_block_and_keeps_line_numbers() -> None:
    source = (
        "Row:\n"
        '{{< image classes="fig-50" src="//x/a.jpg" >}}\n'
        '{{< image classes="fig-50" src="//x/b.jpg" >}}\n'
        "After"
    )
    assert preprocess(source) == f"Row:\n\n{placeholder(0)}\n\nAfter"
    assert convert(source) == html(
        """
        <p>Row:</p>
        <figure class="stepwise-image stepwise-image--fig-50"><img src="//x/a.jpg" alt="" loading="lazy"></figure>
        <figure class="stepwise-image stepwise-image--fig-50"><img src="//x/b.jpg" alt="" loading="lazy"></figure>
        <p>After</p>
        """
    )


@pytest.mark.parametrize("form", ["<>", "%%"])
def test_wide_image(form: str) -> None:
    source = (
        "{{" + form[0] + ' wide-image src="//cdn.example/car-1.jpg" title="Mercedes SLS" '
        + form[1] + "}}"
    )  # fmt: skip
    assert convert(source) == (
        '<figure class="stepwise-wide-image"><img src="//cdn.example/car-1.jpg"'
        ' alt="Mercedes SLS"><figcaption>Mercedes SLS</figcaption></figure>'
    )


def test_image_without_src(plugin_warnings) -> None:
    assert convert('{{< wide-image title="T" >}}') == (
        '<figure class="stepwise-wide-image"><img alt="T"><figcaption>T</figcaption></figure>'
    )
    plugin_warnings.expect(r"wide-image without `src`")


# --- codeblock / tabbed-codeblock -----------------------------------------------------------


@pytest.mark.parametrize("form", ["<>", "%%"])
def test_codeblock_title_only(form: str) -> None:
    opening, closing = "{{" + form[0], form[1] + "}}"
    source = (
        f'{opening} codeblock "Array.map" {closing}\narray.map(x)\n{opening} /codeblock {closing}'
    )
    assert convert(source) == html(
        """
        <div class="highlight"><span class="filename">Array.map</span><pre><span></span><code>array.map(x)
        </code></pre></div>
        """
    )


def test_codeblock_sloppy_spacing_and_language() -> None:
    source = '{{< codeblock "Source" Shell>}}\nls -l\n{{< /codeblock >}}'
    assert preprocess(source) == '```shell title="Source"\nls -l\n```'


def test_codeblock_positional_with_url() -> None:
    source = """
        {{< codeblock "apache.conf" "text" "http://underscorejs.org/#compact" "source" >}}
        Allow from All
        {{< /codeblock >}}
    """
    assert convert(source) == html(
        """
        <div class="highlight"><span class="filename">apache.conf</span><pre><span></span><code>Allow from All
        </code></pre></div>
        <p class="stepwise-codeblock-link"><a href="http://underscorejs.org/#compact">source</a></p>
        """
    )


def test_codeblock_named_parameters() -> None:
    source = (
        '{{< codeblock title="x.py" lang="Python" url="https://e.example/x.py" >}}\n'
        "x = 1\n"
        "{{< /codeblock >}}"
    )
    assert preprocess(source) == (f'```python title="x.py"\nx = 1\n```\n\n{placeholder(0)}')


def test_codeblock_body_is_verbatim() -> None:
    source = """
        {{< codeblock "t" "text" >}}
        # rewrite`s rules {{< alert info >}} <b>
        ```
        {{</* figure */>}}
        {{< /codeblock >}}
    """
    assert convert(source) == html(
        """
        <div class="highlight"><span class="filename">t</span><pre><span></span><code># rewrite`s rules {{&lt; alert info &gt;}} &lt;b&gt;
        ```
        {{&lt; figure &gt;}}
        </code></pre></div>
        """
    )


TABBED = """
{{< tabbed-codeblock "Example" "https://example.com/ex" >}}
<!-- tab js -->
var a = 1;
<!-- endtab -->
<!-- tab TEXT -->
a = 1

b = 2
<!-- endtab -->
{{< /tabbed-codeblock >}}
"""


def test_tabbed_codeblock_is_pymdownx_tabbed_markdown() -> None:
    assert preprocess(TABBED.strip("\n")) == (
        f"{placeholder(0)}\n"
        "\n"
        '=== "js"\n'
        "\n"
        "    ```js\n"
        "    var a = 1;\n"
        "    ```\n"
        "\n"
        '=== "text"\n'
        "\n"
        "    ```text\n"
        "    a = 1\n"
        "\n"
        "    b = 2\n"
        "    ```"
    )


def test_tabbed_codeblock_renders_with_alternate_style() -> None:
    js = "".join(
        [
            '<span class="kd">var</span><span class="w"> </span><span class="nx">a</span>',
            '<span class="w"> </span><span class="o">=</span><span class="w"> </span>',
            '<span class="mf">1</span><span class="p">;</span>',
        ]
    )
    assert convert(TABBED) == html(
        f"""
        <p class="stepwise-codeblock-title"><a href="https://example.com/ex">Example</a></p>
        <div class="tabbed-set tabbed-alternate" data-tabs="1:2"><input checked="checked" id="__tabbed_1_1" name="__tabbed_1" type="radio" /><input id="__tabbed_1_2" name="__tabbed_1" type="radio" /><div class="tabbed-labels"><label for="__tabbed_1_1">js</label><label for="__tabbed_1_2">text</label></div>
        <div class="tabbed-content">
        <div class="tabbed-block">
        <div class="highlight"><pre><span></span><code>{js}
        </code></pre></div>
        </div>
        <div class="tabbed-block">
        <div class="highlight"><pre><span></span><code>a = 1

        b = 2
        </code></pre></div>
        </div>
        </div>
        </div>
        """
    )


def test_tabbed_codeblock_markdown_form_is_the_same() -> None:
    source = TABBED.strip("\n").replace("{{<", "{{%").replace(">}}", "%}}")
    assert preprocess(source) == preprocess(TABBED.strip("\n"))
    assert source.startswith('{{% tabbed-codeblock "Example"')


def test_tabbed_codeblock_text_outside_tabs_gets_a_tab(plugin_warnings) -> None:
    source = "{{< tabbed-codeblock >}}\nstray\n<!-- tab sh -->\nls\n<!-- endtab -->\n{{< /tabbed-codeblock >}}"
    assert preprocess(source) == (
        '=== "sh"\n\n    ```sh\n    ls\n    ```\n\n=== "text"\n\n    ```\n    stray\n    ```'
    )
    plugin_warnings.expect(r"posts/post\.md:1: text outside `<!-- tab lang -->")


# --- quotes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "footer"),
    [
        ('"David Levithan" "Wide Awake"', "<strong>David Levithan</strong>, <cite>Wide Awake</cite>"),
        (
            '"@DevDocs" "https://twitter.com/devdocs/status/356095192085962752"',
            '<strong>@DevDocs</strong>, <cite><a href="https://twitter.com/devdocs/status/'
            '356095192085962752">twitter.com/devdocs/status/356095192085…</a></cite>',
        ),
        (
            '"Seth Godin" "//sethgodin.typepad.com/x.html" "Welcome to Island Marketing"',
            '<strong>Seth Godin</strong>, <cite><a href="//sethgodin.typepad.com/x.html">'
            "Welcome to Island Marketing</a></cite>",
        ),
        (
            'author="Ann" link="https://a.example/q" title="Q & A"',
            '<strong>Ann</strong>, <cite><a href="https://a.example/q">Q &amp; A</a></cite>',
        ),
        ('"Ann"', "<strong>Ann</strong>"),
    ],
)  # fmt: skip
def test_blockquote_raw(params: str, footer: str) -> None:
    source = f"{{{{< blockquote {params} >}}}}\nDo *not*.\n{{{{< /blockquote >}}}}"
    assert convert(source) == (
        f'<blockquote class="stepwise-blockquote"><p>Do *not*.</p><footer>{footer}</footer>'
        "</blockquote>"
    )


def test_blockquote_without_attribution() -> None:
    assert convert("{{< blockquote >}}Hi{{< /blockquote >}}") == (
        '<blockquote class="stepwise-blockquote"><p>Hi</p></blockquote>'
    )


def test_blockquote_markdown() -> None:
    source = """
        {{% blockquote "Seth Godin" "Island" %}}
        Every *interaction*.

        - a list
        {{% /blockquote %}}
    """
    assert convert(source) == html(
        """
        <blockquote class="stepwise-blockquote">
        <p>Every <em>interaction</em>.</p>
        <ul>
        <li>a list</li>
        </ul>
        <footer><strong>Seth Godin</strong>, <cite>Island</cite></footer></blockquote>
        """
    )


def test_pullquote_raw_between_paragraph_lines() -> None:
    source = """
        Before.
        {{< pullquote left >}}
        A pull *quote*.
        {{< /pullquote >}}
        After.
    """
    assert convert(source) == html(
        """
        <p>Before.</p>
        <blockquote class="stepwise-pullquote stepwise-pullquote--left"><p>A pull *quote*.</p></blockquote>
        <p>After.</p>
        """
    )


def test_pullquote_markdown() -> None:
    source = "{{% pullquote right %}}\nA pull *quote*.\n{{% /pullquote %}}"
    assert convert(source) == html(
        """
        <blockquote class="stepwise-pullquote stepwise-pullquote--right">
        <p>A pull <em>quote</em>.</p>
        </blockquote>
        """
    )


# --- toc / jsfiddle -------------------------------------------------------------------------

TOC_HTML = """
<div class="toc">
<ul>
<li><a href="#one">One</a></li>
</ul>
</div>
<h1 id="one">One<a class="headerlink" href="#one" title="Permanent link">&para;</a></h1>
"""


@pytest.mark.parametrize(
    "marker",
    [
        "{{< toc >}}",
        "{{% toc %}}",
        "<!-- toc -->",
        "<!-- toc -->\n- [Stale](#stale)\n<!-- tocstop -->",
    ],
)
def test_toc(marker: str) -> None:
    assert convert(f"{marker}\n# One") == html(TOC_HTML)


def test_toc_comment_keeps_line_count() -> None:
    source = "<!-- toc -->\n- [Stale](#stale)\n<!-- tocstop -->\n# One"
    assert preprocess(source) == "[TOC]\n\n\n# One"


@pytest.mark.parametrize("form", ["<>", "%%"])
def test_jsfiddle(form: str) -> None:
    source = "{{" + form[0] + " jsfiddle ccWP7 " + form[1] + "}}"
    assert convert(source) == (
        '<p class="stepwise-embed stepwise-embed--jsfiddle">'
        '<a href="https://jsfiddle.net/ccWP7/">JSFiddle ccWP7</a></p>'
    )
