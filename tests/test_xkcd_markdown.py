"""`stepwise.xkcd` without fetching: Markdown in, exact HTML out."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import markdown
import pytest
from markdown.extensions import Extension

from mkdocs_stepwise.pagecontext import PageInfo, converting
from mkdocs_stepwise.xkcd import XkcdExtension, extension_for_site, makeExtension

IMG = "https://imgs.xkcd.com/comics/python_environment.png"
TITLE_TEXT = (
    "The Python environmental protection agency wants to seal it in a cement chamber, with "
    "pictorial messages to future civilizations warning them about the danger of using sudo to "
    "install random Python packages."
)
SEED = f'[![]({IMG})](https://xkcd.com/1987/ "{TITLE_TEXT}")'

PANEL_1987 = (
    '<figure class="stepwise-xkcd">\n'
    '<a class="stepwise-xkcd__comic" href="https://xkcd.com/1987/">'
    '<img src="https://imgs.xkcd.com/comics/python_environment.png"'
    ' srcset="https://imgs.xkcd.com/comics/python_environment_2x.png 2x"'
    ' alt="xkcd 1987: Python Environment"'
    # The shipped data has the 1x image's size: the page reserves it before the image loads.
    f' title="{TITLE_TEXT}" width="492" height="487" loading="lazy" decoding="async" /></a>\n'
    "<figcaption>\n"
    '<p class="stepwise-xkcd__title">'
    '<a href="https://xkcd.com/1987/">xkcd 1987: Python Environment</a></p>\n'
    f'<p class="stepwise-xkcd__text">{TITLE_TEXT}</p>\n'
    '<p class="stepwise-xkcd__credit"><a href="https://xkcd.com/1987/">xkcd.com</a> by Randall'
    ' Munroe, <a href="https://creativecommons.org/licenses/by-nc/2.5/" rel="license">'
    "CC BY-NC 2.5</a></p>\n"
    "</figcaption>\n"
    "</figure>"
)


def render(source: str, **options: Any) -> str:
    extensions: list[str | Extension] = [
        XkcdExtension(**options),
        "pymdownx.superfences",
        "attr_list",
        "admonition",
    ]
    return markdown.markdown(textwrap.dedent(source), extensions=extensions)


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(SEED, id="seed form with title"),
        pytest.param(f"[![]({IMG})](https://xkcd.com/1987/)", id="without title"),
        pytest.param(f"[![]({IMG})](http://www.xkcd.com/1987)", id="http, www, no slash"),
        pytest.param(f"[![]({IMG.replace('https', 'http')})](https://xkcd.com/1987/)", id="http"),
        pytest.param(f"![]({IMG})", id="bare image"),
        pytest.param("{{< xkcd 1987 >}}", id="shortcode"),
        pytest.param("{{% xkcd 1987 %}}", id="markdown shortcode"),
        pytest.param('{{< xkcd num="1987" >}}', id="named shortcode"),
        pytest.param("{{<xkcd 1987>}}  ", id="shortcode without spaces"),
    ],
)
def test_every_form_gives_the_same_panel(source: str) -> None:
    assert render(source) == PANEL_1987


def test_the_seed_paragraph_between_others() -> None:
    html = render(f"Before.\n\n{SEED}\n\nAfter.\n")
    assert html == f"<p>Before.</p>\n{PANEL_1987}\n<p>After.</p>"


def test_a_comic_line_inside_a_paragraph_splits_it() -> None:
    html = render("Text before\n{{< xkcd 1987 >}}\ntext *after*.\n")
    assert html == f"<p>Text before</p>\n{PANEL_1987}\n<p>text <em>after</em>.</p>"


def test_two_comics_in_one_paragraph() -> None:
    html = render(f"{SEED}\nbetween\n![]({IMG})\n")
    assert html == f"{PANEL_1987}\n<p>between</p>\n{PANEL_1987}"


def test_a_comic_alone_in_a_list_item() -> None:
    assert render(f"- {SEED}\n- other\n") == f"<ul>\n<li>{PANEL_1987}</li>\n<li>other</li>\n</ul>"


def test_the_authors_alt_and_title_win_and_are_escaped() -> None:
    source = f'[![A "snake" <pit> & co]({IMG})](https://xkcd.com/1987/ \'Use <venv> & "pip"\')'
    html = render(source)
    assert ' alt="A &quot;snake&quot; &lt;pit&gt; &amp; co"' in html
    assert ' title="Use &lt;venv&gt; &amp; &quot;pip&quot;"' in html
    assert '<p class="stepwise-xkcd__text">Use &lt;venv&gt; &amp; &quot;pip&quot;</p>' in html


def test_an_entity_in_the_title_is_not_escaped_twice() -> None:
    html = render(f'[![]({IMG})](https://xkcd.com/1987/ "Tom &amp; Jerry")')
    assert '<p class="stepwise-xkcd__text">Tom &amp; Jerry</p>' in html


def test_a_comic_in_running_text_keeps_its_place_and_gains_an_alt() -> None:
    html = render(f"See ![]({IMG}) here.")
    assert html == f'<p>See <img alt="xkcd 1987: Python Environment" src="{IMG}" /> here.</p>'


def test_a_comic_in_running_text_keeps_the_authors_alt() -> None:
    html = render(f"See ![A &amp; B]({IMG}) here.")
    assert html == f'<p>See <img alt="A &amp; B" src="{IMG}" /> here.</p>'


def test_a_link_elsewhere_around_the_comic_is_left_alone() -> None:
    source = f"[![x]({IMG})](https://example.com/)"
    assert (
        render(source) == f'<p><a href="https://example.com/"><img alt="x" src="{IMG}" /></a></p>'
    )


CODE_SOURCES = [
    pytest.param(f"```md\n{SEED}\n{{{{< xkcd 1987 >}}}}\n```\n", id="backtick fence"),
    pytest.param("~~~\n{{< xkcd 1987 >}}\n~~~\n", id="tilde fence"),
    pytest.param("````\n```\n{{< xkcd 1987 >}}\n```\n````\n", id="fence showing a fence"),
    pytest.param(f"`{SEED}`\n", id="code span"),
    pytest.param("Code:\n\n    {{< xkcd 1987 >}}\n", id="indented code"),
]


@pytest.mark.parametrize("source", CODE_SOURCES)
def test_code_stays_verbatim(source: str) -> None:
    html = render(source)
    assert "stepwise-xkcd" not in html
    assert "xkcd 1987 &gt;}}" in html or "https://xkcd.com/1987/" in html


def test_code_is_exactly_what_plain_markdown_gives() -> None:
    for param in CODE_SOURCES[:3]:
        source = param.values[0]
        assert isinstance(source, str)
        plain = markdown.markdown(source, extensions=["pymdownx.superfences", "attr_list"])
        assert render(source) == plain


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("- item\n\n    {{< xkcd 1987 >}}\n", id="list item"),
        pytest.param('!!! note "Hm"\n\n    {{< xkcd 1987 >}}\n', id="admonition"),
    ],
)
def test_an_indented_shortcode_in_a_container_is_a_panel(source: str) -> None:
    assert PANEL_1987 in render(source)


def test_a_shortcode_after_a_katacoda_fence_is_still_found() -> None:
    source = "```\nvirtualenv env\n```{{execute}}\n\n{{< xkcd 1987 >}}\n"
    assert PANEL_1987 in render(source)


def test_an_unknown_number_warns_with_file_and_line_and_keeps_the_link(plugin_warnings) -> None:
    source = "# Title\n\n[![](https://imgs.xkcd.com/comics/nope.png)](https://xkcd.com/99999/)\n"
    with converting(PageInfo("steps/one.md", "steps/one/")):
        html = render(source)
    assert html == (
        '<h1>Title</h1>\n<p><a href="https://xkcd.com/99999/">'
        '<img alt="" src="https://imgs.xkcd.com/comics/nope.png" /></a></p>'
    )
    plugin_warnings.expect(r"^steps/one\.md:3: xkcd 99999 is not in the xkcd data file", count=1)


def test_an_unknown_shortcode_becomes_a_link_and_warns(plugin_warnings) -> None:
    with converting(PageInfo("a.md", "a/")):
        html = render("Intro\n\n{{< xkcd 4242 >}}\n")
    assert html == '<p>Intro</p>\n<p><a href="https://xkcd.com/4242/">xkcd 4242</a></p>'
    plugin_warnings.expect(r"^a\.md:3: xkcd 4242 is not in the xkcd data file", count=1)


def test_an_unknown_bare_image_warns_with_its_line(plugin_warnings) -> None:
    with converting(PageInfo("b.md", "b/")):
        html = render(
            "x\n\n`![](https://imgs.xkcd.com/comics/a.png)`\n\n![](https://imgs.xkcd.com/comics/a.png)\n"
        )
    assert html.endswith('<p><img alt="" src="https://imgs.xkcd.com/comics/a.png" /></p>')
    plugin_warnings.expect(r"^b\.md:5: no xkcd comic with the image a\.png", count=1)


AUTHOR_DATA = """\
comics:
  - num: 353
    title: Python
    alt: I wrote 20 short programs in Python yesterday. <It was wonderful> & "Perl".
    img: https://imgs.xkcd.com/comics/python.png
    width: 518
    height: 588
    year: 2007
    month: 12
    day: 5
  - num: 1987
    title: Python Environment (edited)
    safe_title: Python Environment & <More>
    alt: Edited.
    img: https://imgs.xkcd.com/comics/python_environment.png
"""


def test_an_author_data_file_adds_and_overrides_comics(tmp_path: Path) -> None:
    data_file = tmp_path / "xkcd.yml"
    data_file.write_text(AUTHOR_DATA, encoding="utf-8")
    html = render("{{< xkcd 353 >}}\n\n{{< xkcd 1987 >}}\n", data_file=str(data_file))
    assert html == (
        '<figure class="stepwise-xkcd">\n'
        '<a class="stepwise-xkcd__comic" href="https://xkcd.com/353/">'
        '<img src="https://imgs.xkcd.com/comics/python.png" alt="xkcd 353: Python"'
        ' title="I wrote 20 short programs in Python yesterday. &lt;It was wonderful&gt; &amp;'
        ' &quot;Perl&quot;." width="518" height="588" loading="lazy" decoding="async" /></a>\n'
        "<figcaption>\n"
        '<p class="stepwise-xkcd__title"><a href="https://xkcd.com/353/">xkcd 353: Python</a></p>\n'
        '<p class="stepwise-xkcd__text">I wrote 20 short programs in Python yesterday.'
        " &lt;It was wonderful&gt; &amp; &quot;Perl&quot;.</p>\n"
        '<p class="stepwise-xkcd__credit"><a href="https://xkcd.com/353/">xkcd.com</a> by Randall'
        ' Munroe, <a href="https://creativecommons.org/licenses/by-nc/2.5/" rel="license">'
        "CC BY-NC 2.5</a></p>\n"
        "</figcaption>\n"
        "</figure>\n"
        '<figure class="stepwise-xkcd">\n'
        '<a class="stepwise-xkcd__comic" href="https://xkcd.com/1987/">'
        '<img src="https://imgs.xkcd.com/comics/python_environment.png"'
        ' alt="xkcd 1987: Python Environment &amp; &lt;More&gt;" title="Edited."'
        ' loading="lazy" decoding="async" /></a>\n'
        "<figcaption>\n"
        '<p class="stepwise-xkcd__title"><a href="https://xkcd.com/1987/">'
        "xkcd 1987: Python Environment &amp; &lt;More&gt;</a></p>\n"
        '<p class="stepwise-xkcd__text">Edited.</p>\n'
        '<p class="stepwise-xkcd__credit"><a href="https://xkcd.com/1987/">xkcd.com</a> by Randall'
        ' Munroe, <a href="https://creativecommons.org/licenses/by-nc/2.5/" rel="license">'
        "CC BY-NC 2.5</a></p>\n"
        "</figcaption>\n"
        "</figure>"
    )


def test_a_bad_author_data_file_entry_is_reported_and_skipped(
    tmp_path: Path, plugin_warnings
) -> None:
    data_file = tmp_path / "xkcd.json"
    data_file.write_text(
        '{"comics": [{"num": 7, "title": "Evil", "alt": "x", "img": "https://evil.example/x.png"}]}',
        encoding="utf-8",
    )
    XkcdExtension(data_file=str(data_file))
    plugin_warnings.expect(r"xkcd\.json: comics\[0\]: 'img' must be an https://imgs\.xkcd\.com")


def test_a_missing_author_data_file_is_reported(tmp_path: Path, plugin_warnings) -> None:
    XkcdExtension(data_file=str(tmp_path / "absent.yml"))
    plugin_warnings.expect(r"absent\.yml: cannot read the xkcd data file", count=1)


def test_works_by_entry_point_name_and_make_extension() -> None:
    by_name = markdown.markdown(SEED, extensions=["stepwise.xkcd"])
    assert by_name == PANEL_1987
    assert markdown.markdown(SEED, extensions=[makeExtension()]) == PANEL_1987


def test_the_preprocessor_keeps_one_line_per_line(plugin_warnings) -> None:
    md = markdown.Markdown(extensions=[XkcdExtension()])
    lines = ["a", "{{< xkcd 1987 >}}", "{{< xkcd 5 >}}", "```", "{{< xkcd 1 >}}", "```"]
    with converting(PageInfo("c.md", "c/")):
        out = md.preprocessors["stepwise_xkcd"].run(lines)
    assert out == [
        "a",
        f"[![]({IMG})](https://xkcd.com/1987/)",
        "[xkcd 5](https://xkcd.com/5/)",
        "```",
        "{{< xkcd 1 >}}",
        "```",
    ]
    plugin_warnings.expect(r"^c\.md:3: xkcd 5 is not in the xkcd data file", count=1)


def test_extension_for_site_resolves_paths_against_the_config_folder(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data/xkcd.yml").write_text(AUTHOR_DATA, encoding="utf-8")
    ext = extension_for_site(config_dir=tmp_path, data_file="data/xkcd.yml", fetch=True)
    assert ext.getConfigs() == {
        "fetch": True,
        "timeout": 3.0,
        "cache_dir": str(tmp_path / ".cache/stepwise/xkcd"),
        "data_file": str(tmp_path / "data/xkcd.yml"),
    }
    comic = ext.source.catalog.get(353)
    assert comic is not None and comic.title == "Python"
    assert ext.source.remote is not None
    assert ext.source.remote.cache.root == tmp_path / ".cache/stepwise/xkcd"


def test_the_shortcodes_extension_leaves_xkcd_to_this_one() -> None:
    source = 'Intro\n\n{{< xkcd 1987 >}}\n\n{{% xkcd num="1987" %}}\n'
    html = markdown.markdown(source, extensions=["stepwise.shortcodes", XkcdExtension()])
    assert html == f"<p>Intro</p>\n{PANEL_1987}\n{PANEL_1987}"
