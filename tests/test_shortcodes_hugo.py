"""Hugo's built-in shortcodes: Markdown in, exact HTML out (default site extension set)."""

# Expected HTML is written out line for line as the output has it, long lines included.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from mkdocs_stepwise import pagecontext
from mkdocs_stepwise.shortcodes.hugo import fence, highlight_options
from mkdocs_stepwise.shortcodes.refs import RefResolution, resolve_ref, set_known_pages

from .shortcodes_support import convert, html, preprocess


@pytest.mark.parametrize("form", ["<>", "%%"])
def test_figure_all_parameters(form: str) -> None:
    opening, closing = "{{" + form[0], form[1] + "}}"
    source = (
        f'{opening} figure src="/images/cat.jpg" alt="A cat" link="https://example.com/cat"'
        ' title="Cat" caption="A *very* nice cat" attr="Photo: Jo" attrlink="https://jo.example"'
        f' width="300" height="200" class="wide big" {closing}'
    )
    assert convert(source) == (
        '<figure class="wide big"><a href="https://example.com/cat">'
        '<img src="../../images/cat.jpg" alt="A cat" width="300" height="200"></a>'
        "<figcaption><h4>Cat</h4><p>A <em>very</em> nice cat "
        '<a href="https://jo.example">Photo: Jo</a></p></figcaption></figure>'
    )


def test_figure_minimal_uses_caption_as_alt_and_maps_relative_src() -> None:
    assert convert('{{< figure src="img/dog.png" caption="A **dog**" >}}') == (
        '<figure><img src="../img/dog.png" alt="A dog">'
        "<figcaption><p>A <strong>dog</strong></p></figcaption></figure>"
    )


def test_figure_escapes_attributes() -> None:
    assert convert('{{< figure src="a.png?x=1&y=2" alt="\\"quoted\\" <b>" >}}') == (
        '<figure><img src="../a.png?x=1&amp;y=2" alt="&quot;quoted&quot; &lt;b&gt;"></figure>'
    )


def test_figure_refuses_javascript_urls(plugin_warnings) -> None:
    source = '{{< figure src="javascript:alert(1)" link=" JaVa\tScRiPt:alert(2)" >}}'
    assert convert(source) == '<figure><a href="#"><img src="#" alt=""></a></figure>'
    plugin_warnings.expect(r"posts/post\.md:1: refused the image URL 'javascript:alert\(1\)'")
    plugin_warnings.expect(r"posts/post\.md:1: refused the link URL")


def test_figure_between_paragraph_lines_becomes_its_own_block() -> None:
    source = """
        Before
        {{< figure src="https://x.example/a.png" >}}
        After
    """
    assert convert(source) == html(
        """
        <p>Before</p>
        <figure><img src="https://x.example/a.png" alt=""></figure>
        <p>After</p>
        """
    )


def test_figure_in_the_middle_of_a_sentence() -> None:
    assert convert('See {{< figure src="https://x.example/a.png" >}} here.') == html(
        """
        <p>See</p>
        <figure><img src="https://x.example/a.png" alt=""></figure>
        <p>here.</p>
        """
    )


def test_figure_closed_by_mistake_keeps_inner_text(plugin_warnings) -> None:
    source = '{{< figure src="https://x.example/a.png" >}}Caption?{{< /figure >}}'
    assert convert(source) == html(
        """
        <figure><img src="https://x.example/a.png" alt=""></figure>
        <p>Caption?</p>
        """
    )
    plugin_warnings.expect(r"`figure` takes no inner text: `\{\{< /figure >\}\}` ignored")


# --- ref / relref ---------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["<>", "%%"])
@pytest.mark.parametrize("name", ["ref", "relref"])
def test_ref_links_to_the_markdown_file(form: str, name: str) -> None:
    call = "{{" + form[0] + f' {name} "other.md" ' + form[1] + "}}"
    assert convert(f"See [the other post]({call}).") == (
        '<p>See <a href="other.md">the other post</a>.</p>'
    )


@pytest.mark.parametrize(
    ("target", "link"),
    [
        ("other", "other.md"),
        ("other.md#usage", "other.md#usage"),
        ("/index", "../index.md"),
        ("/guides/setup.md", "../guides/setup.md"),
        ("#intro", "#intro"),
        ("with space", "with%20space.md"),
    ],
)
def test_ref_without_a_page_list_guesses_next_to_the_page(target: str, link: str) -> None:
    assert convert(f'[x]({{{{< ref "{target}" >}}}})') == f'<p><a href="{link}">x</a></p>'


PAGES = frozenset(
    ["index.md", "posts/post.md", "posts/other.md", "guides/setup.md", "guides/_index.md",
     "tools/pyenv/index.md", "a/dup.md", "b/dup.md"]
)  # fmt: skip


@pytest.mark.parametrize(
    ("target", "path", "problem"),
    [
        ("other", "posts/other.md", None),
        ("other.md", "posts/other.md", None),
        ("posts/other.md", "posts/other.md", None),
        ("/posts/other", "posts/other.md", None),
        ("guides/setup", "guides/setup.md", None),
        ("guides", "guides/_index.md", None),
        ("setup", "guides/setup.md", None),  # Hugo finds a unique file name anywhere
        ("pyenv", "tools/pyenv/index.md", None),
        ("dup", "posts/dup.md", "ref 'dup' is ambiguous: a/dup.md, b/dup.md"),
        (
            "missing",
            "posts/missing.md",
            "ref 'missing' matches no page (tried posts/missing.md, posts/missing/_index.md, "
            "posts/missing/index.md, posts/missing/README.md, missing.md, missing/_index.md, "
            "missing/index.md, missing/README.md)",
        ),
    ],
)
def test_resolve_ref_with_known_pages(target: str, path: str, problem: str | None) -> None:
    assert resolve_ref(target, "posts/post.md", PAGES) == RefResolution(path, "", problem)


def test_resolve_ref_keeps_the_anchor() -> None:
    resolution = resolve_ref("guides/setup#install", "posts/post.md", PAGES)
    assert resolution == RefResolution("guides/setup.md", "#install")
    assert resolution.markdown_link("posts/post.md") == "../guides/setup.md#install"


@pytest.mark.parametrize(
    ("path", "page_url", "url"),
    [
        ("posts/other.md", "posts/post/", "../other/"),
        ("posts/other.md", "posts/post.html", "other.html"),
        ("index.md", "posts/post/", "../../"),
        ("tools/pyenv/index.md", "posts/post/", "../../tools/pyenv/"),
        ("guides/README.md", "", "guides/"),
        ("", "posts/post/", "#top"),
    ],
)
def test_ref_url_for_raw_html(path: str, page_url: str, url: str) -> None:
    page = pagecontext.PageInfo("posts/post.md", page_url)
    fragment = "#top" if not path else ""
    assert RefResolution(path, fragment).url(page) == url


def test_ref_in_an_html_attribute_or_raw_inner_text_is_a_url() -> None:
    source = """
        <a href="{{< ref "other" >}}">Other</a>

        {{< alert info >}}See <a href='{{< relref "other#usage" >}}'>this</a>.{{< /alert >}}
    """
    assert convert(source) == html(
        """
        <p><a href="../other/">Other</a></p>
        <div class="admonition info stepwise-alert"><p>See <a href='../other/#usage'>this</a>.</p></div>
        """
    )


def test_ref_warns_when_the_page_is_missing(plugin_warnings) -> None:
    set_known_pages(PAGES)
    try:
        assert convert('[x]({{< ref "nowhere" >}})') == '<p><a href="nowhere.md">x</a></p>'
    finally:
        set_known_pages(None)
    plugin_warnings.expect(r"posts/post\.md:1: ref 'nowhere' matches no page")


def test_ref_without_target(plugin_warnings) -> None:
    assert convert("[x]({{< ref >}})") == '<p><a href="#">x</a></p>'
    plugin_warnings.expect(r"`\{\{< ref >\}\}` names no page")


def test_ref_from_the_home_page() -> None:
    home = pagecontext.PageInfo("index.md", "")
    assert convert('[x]({{< ref "posts/other" >}})', page=home) == (
        '<p><a href="posts/other.md">x</a></p>'
    )


# --- highlight ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "expected", "unknown"),
    [
        ("", {}, []),
        ("linenos=table", {"linenums": "1"}, []),
        ("linenos=inline,linenostart=199", {"linenums": "199"}, []),
        ("linenos=false", {}, []),
        ('hl_lines="2 3"', {"hl_lines": "2 3"}, []),
        ("linenos=table,hl_lines=8 15-17,linenostart=199", {"linenums": "199", "hl_lines": "8 15-17"}, []),
        ("hl_lines=[2,3]", {"hl_lines": "2 3"}, []),
        ("style=monokai,noclasses=false", {}, []),
        ("linenos=table, wrap=yes", {"linenums": "1"}, ["wrap"]),
    ],
)  # fmt: skip
def test_highlight_options(options: str, expected: dict[str, str], unknown: list[str]) -> None:
    assert highlight_options(options) == (expected, unknown)


def test_fence_outgrows_the_code_s_own_fences() -> None:
    assert fence("```\nx\n```", "md", {"title": 'say "hi"'}) == (
        "````md title='say \"hi\"'\n```\nx\n```\n````"
    )


@pytest.mark.parametrize("form", ["<>", "%%"])
def test_highlight_becomes_a_superfences_block(form: str) -> None:
    opening, closing = "{{" + form[0], form[1] + "}}"
    source = f"""
        {opening} highlight text "linenos=table,hl_lines=2" {closing}
        one
        <two> & {{{{< not-a-shortcode >}}}}
        {opening} /highlight {closing}
    """
    assert convert(source) == html(
        """
        <div class="highlight"><table class="highlighttable"><tr><td class="linenos"><div class="linenodiv"><pre><span></span><span class="normal">1</span>
        <span class="normal">2</span></pre></div></td><td class="code"><div><pre><span></span><code>one
        <span class="hll">&lt;two&gt; &amp; {{&lt; not-a-shortcode &gt;}}
        </span></code></pre></div></td></tr></table></div>
        """
    )


def test_highlight_markdown_keeps_lines() -> None:
    source = '{{< highlight Go "linenos=table" >}}\npackage main\n{{< /highlight >}}\nafter'
    assert preprocess(source) == '```go linenums="1"\npackage main\n```\n\nafter'


def test_highlight_unknown_option(plugin_warnings) -> None:
    assert preprocess('{{< highlight py "wrap=yes" >}}\nx\n{{< /highlight >}}') == ("```py\nx\n```")
    plugin_warnings.expect(r"posts/post\.md:1: highlight option\(s\) wrap not supported")


def test_highlight_bad_language(plugin_warnings) -> None:
    assert preprocess('{{< highlight "py{x}" >}}\nx\n{{< /highlight >}}') == "```\nx\n```"
    plugin_warnings.expect(r"'py\{x\}' is not a language name")


def test_highlight_without_closing_tag(plugin_warnings) -> None:
    assert convert("{{< highlight py >}}\nx = 1") == html(
        """
        <p><code class="stepwise-shortcode-unrendered">{{&lt; highlight py &gt;}}</code>
        x = 1</p>
        """
    )
    plugin_warnings.expect(r"posts/post\.md:1: `\{\{< highlight py >\}\}` has no closing")


# --- embeds ---------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["<>", "%%"])
def test_youtube(form: str) -> None:
    source = "{{" + form[0] + " youtube w7Ft2ymGmfc " + form[1] + "}}"
    assert convert(source) == (
        '<figure class="stepwise-video stepwise-video--youtube"><div class="stepwise-video__frame">'
        '<iframe src="https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc" title="YouTube video"'
        ' loading="lazy" allow="encrypted-media; fullscreen; picture-in-picture"'
        ' referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe></div>'
        '<figcaption><a href="https://www.youtube.com/watch?v=w7Ft2ymGmfc">Watch on YouTube</a>'
        "</figcaption></figure>"
    )


def test_youtube_named_with_title_start_and_class() -> None:
    source = '{{< youtube id="w7Ft2ymGmfc" title="A <talk>" start="30" class="big" >}}'
    assert convert(source) == (
        '<figure class="stepwise-video stepwise-video--youtube big">'
        '<div class="stepwise-video__frame">'
        '<iframe src="https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc?start=30"'
        ' title="A &lt;talk&gt;" loading="lazy" allow="encrypted-media; fullscreen;'
        ' picture-in-picture" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen>'
        '</iframe></div><figcaption><a href="https://www.youtube.com/watch?v=w7Ft2ymGmfc">'
        "Watch “A &lt;talk&gt;” on YouTube</a></figcaption></figure>"
    )


@pytest.mark.parametrize("form", ["<>", "%%"])
def test_vimeo(form: str) -> None:
    source = "{{" + form[0] + ' vimeo id="146022717" title="My video" ' + form[1] + "}}"
    assert convert(source) == (
        '<figure class="stepwise-video stepwise-video--vimeo"><div class="stepwise-video__frame">'
        '<iframe src="https://player.vimeo.com/video/146022717?dnt=1" title="My video"'
        ' loading="lazy" allow="encrypted-media; fullscreen; picture-in-picture"'
        ' referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe></div>'
        '<figcaption><a href="https://vimeo.com/146022717">Watch “My video” on Vimeo</a>'
        "</figcaption></figure>"
    )


@pytest.mark.parametrize(
    "source",
    ['{{< youtube "x\\" onload=\\"y" >}}', "{{< vimeo abc >}}", "{{< youtube >}}"],
)
def test_bad_video_ids_are_shown_as_written(source: str, plugin_warnings) -> None:
    assert convert(source).startswith('<p><code class="stepwise-shortcode-unrendered">{{&lt; ')
    plugin_warnings.expect(r"is not a (YouTube|Vimeo) video id; shown as written")


@pytest.mark.parametrize("form", ["<>", "%%"])
def test_gist(form: str) -> None:
    source = "{{" + form[0] + " gist imathis 996818 " + form[1] + "}}"
    assert convert(source) == (
        '<p class="stepwise-embed stepwise-embed--gist">'
        '<a href="https://gist.github.com/imathis/996818">Gist imathis/996818</a></p>'
    )


def test_gist_with_file() -> None:
    assert convert('{{< gist spf13 7896402 "img.html" >}}') == (
        '<p class="stepwise-embed stepwise-embed--gist">'
        '<a href="https://gist.github.com/spf13/7896402#file-img-html">'
        "Gist spf13/7896402 · img.html</a></p>"
    )


def test_gist_needs_user_and_id(plugin_warnings) -> None:
    assert convert("{{< gist imathis >}}") == (
        '<p><code class="stepwise-shortcode-unrendered">{{&lt; gist imathis &gt;}}</code></p>'
    )
    plugin_warnings.expect(r"needs a user and a gist id")


def test_without_the_plugin_urls_are_relative_to_the_site_root() -> None:
    assert convert('{{< figure src="/a.png" >}}', page=pagecontext.PageInfo()) == (
        '<figure><img src="a.png" alt=""></figure>'
    )
