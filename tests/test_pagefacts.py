"""Teasers, reading times and commands read from the Markdown tree equal those read from HTML.

`pagefacts` walks the tree Python-Markdown is about to serialize instead of parsing the page's
HTML again; every page of these real builds is checked against the HTML reading (`read_html`,
which is what the plugin did before, and still does for a page converted without the tree).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_stepwise import catalogue as catalogue_module
from mkdocs_stepwise.catalogue import Catalogue
from mkdocs_stepwise.pagefacts import PageFacts, _record_plain, _Recorder, read_html

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

MIXED = {
    "index.md": "# Home\n\n<!-- stepwise:series-list -->\n",
    "mixed/index.md": "---\ntitle: Mixed\n---\n\nA series of odd pages.\n",
    "mixed/raw-html.md": """
        ---
        title: Raw HTML
        weight: 1
        ---

        Opening words with <span class="x">inline HTML</span>, an entity &copy; and &amp; a
        literal ampersand & an escaped \\*star\\* and `a < b` in code.

        <div class="note" markdown>
        Markdown *inside* HTML, with an ![image](pic.png) and [a link](https://example.test/).
        </div>

        <div>
        <p>Raw paragraph <b>bold</b>.</p>
        <pre><code>raw code words</code></pre>
        </div>

        ## A heading with a permalink

        | a | table |
        |---|---|
        | with | cells |

        !!! note "An admonition"
            Text inside it.

        ??? tip "Details"
            Hidden text.

        === "Tab one"
            First tab.

        === "Tab two"
            Second tab.

        Footnote here[^1].

        [^1]: The footnote.
        """,
    "mixed/more-inline.md": """
        ---
        title: More inline
        weight: 2
        ---

        Before the cut <!--more--> after the cut.

        ## Later

        Words words words.
        """,
    "mixed/more-in-html.md": """
        ---
        title: More in HTML
        weight: 3
        summary: A summary that loses to the cut.
        ---

        <div>
        <p>Teaser part.</p>
        <!-- more -->
        <p>Not the teaser.</p>
        </div>

        After.
        """,
    "mixed/commands.md": """
        ---
        title: Commands
        weight: 4
        ---

        Run `whoami`{{execute}} first, then:

        ```
        pip install virtualenv
        ```{{execute}}

        - a list

            ```
            nested command
            ```{{execute T2}}

        ```console
        $ ls -la
        output line
        ```{{execute}}

        <pre class="file" data-filename="app.js" data-target="replace">console.log(1)</pre>

        Copy `export X=1`{{copy}} too. [[HOST_IP]] is a placeholder.

        [![](https://imgs.xkcd.com/comics/python_environment.png)](https://xkcd.com/1987/ "t")
        """,
    "mixed/katacoda.md": """
        ---
        title: Katacoda
        weight: 6
        ---

        >>Q1: Which command lists files?<<
        (*) ls
        ( ) cd

        >>Q2: Type the answer<<
        === 42

        Open https://[[HOST_SUBDOMAIN]]-80-[[KATACODA_HOST]].environments.katacoda.com/ and
        run `echo [[HOST_IP]]`{{execute}}.

        {{< alert warning >}}Don't use `sudo pip`.{{< /alert >}}

        {{% alert info %}}Some *Markdown* inside.{{% /alert %}}

        {{< youtube dQw4w9WgXcQ >}}

        {{< highlight python >}}
        print("highlighted")
        {{< /highlight >}}
        """,
    "mixed/long.md": "---\ntitle: Long\nweight: 5\n---\n\n"
    + "\n\n".join(f"Paragraph {n} has some words in it." for n in range(200))
    + "\n",
}


def compare_every_page(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    checked: list[str] = []
    original = Catalogue.record_rendered

    def checking(
        self: Catalogue, src_uri: str, html: str, wpm: int, facts: PageFacts | None = None
    ) -> None:
        assert facts is not None, f"{src_uri}: no facts from the tree"
        expected = read_html(html)
        for summary in (None, "The summary."):
            assert facts.teaser(summary) == expected.teaser(summary), src_uri
        for speed in (wpm, 20):
            assert facts.minutes(speed) == expected.minutes(speed), src_uri
        assert facts.commands == expected.commands, src_uri
        assert facts.steps == expected.steps, src_uri
        checked.append(src_uri)
        original(self, src_uri, html, wpm, facts)

    monkeypatch.setattr(Catalogue, "record_rendered", checking)
    return checked


def test_every_page_of_a_mixed_site(build, monkeypatch, plugin_warnings):
    checked = compare_every_page(monkeypatch)
    default = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config: dict[str, Any] = {"markdown_extensions": [*default["markdown_extensions"], "footnotes"]}
    build(MIXED, config=config, strict=False)
    plugin_warnings.clear()  # pic.png is not there: the facts are the point here
    assert {"mixed/raw-html.md", "mixed/commands.md", "mixed/more-inline.md"} <= set(checked)
    assert len(checked) == len(MIXED)


def test_every_page_of_the_default_site_and_the_fixtures(build, monkeypatch):
    checked = compare_every_page(monkeypatch)
    files: dict[str, str | bytes] = {
        str(path.relative_to(REPO / "docs")): path.read_bytes()
        for path in (REPO / "docs").rglob("*")
        if path.is_file()
    }
    for fixture in [*FIXTURES.glob("execute/*.md"), *FIXTURES.glob("shortcodes/*.md")]:
        files[f"fixtures/{fixture.name}"] = fixture.read_bytes()
    default = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    build(files, config={"markdown_extensions": default["markdown_extensions"]}, strict=False)
    assert len(checked) >= 9


def test_a_build_reads_no_page_twice(build, monkeypatch):
    # The HTML reading is only for pages converted without the tree walk: never in a build.
    def refuse(html: str) -> PageFacts:
        raise AssertionError("a page's HTML was parsed again")

    monkeypatch.setattr(catalogue_module, "read_html", refuse)
    site = build(MIXED, strict=False)
    card = site.html("mixed/").get_text(" ", strip=True)
    assert "Before the cut" in card and "after the cut" not in card


def test_reading_html_does_not_backtrack_on_unclosed_pre_tags() -> None:
    # The file-block test pattern backtracked cubically here: 25 s for these 12 kB.
    html = "<pre class= " * 1000
    started = time.perf_counter()
    read_html(html)
    assert time.perf_counter() - started < 5


# --- raw HTML read without `html.parser` where it is plain ---------------------------------

PIECES = [
    '<div class="language-bash highlight">',
    "<pre>",
    "</pre>",
    '<span class="gp">',
    "</span>",
    "<code>",
    "</code >",
    "<br/>",
    "<br />",
    "<input checked>",
    '<a href="x?a=1&amp;b=2" title="">',
    "<B>",
    "</B>",
    '<h1 ID="x"\n\tdata-a_b.c:d="1">',
    "</h1\n>",
    "<textarea>",
    "<title>",
    '<td a="1"b="2">',
    "<td a=b>",
    "<a\vtitle>",
    "<x-y>",
    "<!-- c -->",
    "<!--more-->",
    "<script>",
    "</script>",
    "<style>p{}</style>",
    "<p/>",
    "</",
    "text",
    " ",
    "\n",
    "&lt;",
    "&amp;",
    "&",
    "&#39;",
    "&quot;",
    "&copy",
    "<",
    ">",
    '"',
    "=",
]


def parser_events(html: str) -> list[Any]:
    events: list[Any] = []
    recorder = _Recorder(events, 1)
    recorder.feed(html)
    recorder.close()
    return events


@settings(max_examples=int(os.environ.get("STEPWISE_EXAMPLES", "300")), deadline=None)
@given(html=st.lists(st.sampled_from(PIECES), max_size=24).map("".join))
def test_plain_raw_html_is_read_as_html_parser_reads_it(html: str) -> None:
    found: list[Any] = []
    if _record_plain(html, found, 1):
        assert found == parser_events(html)
    else:
        assert found == []  # not plain: `html.parser` reads it, nothing is recorded twice


def test_highlighted_code_is_plain() -> None:
    """What the tokenizer is for: SuperFences' code blocks, in any language, take the fast way."""
    import markdown

    samples = {
        "bash": "$ echo \"$HOME\" && ls -la | grep '<x>' # done\noutput & more",
        "python": "def f(a: int) -> str:\n    return f'<{a}>' if a > 1 else \"&amp;\"\n",
        "html": "<a href=\"x?a=1&b=2\" class='y'><!-- c --></a>\n<script>x < 1</script>",
        "console": "$ pip install virtualenv\nCollecting virtualenv\n# whoami\nroot",
        "text": "plain\ttabs & <angles>",
    }
    md = markdown.Markdown(
        extensions=["pymdownx.superfences", "pymdownx.highlight"],
        extension_configs={"pymdownx.highlight": {"linenums": True}},
    )
    for language, code in samples.items():
        html = md.reset().convert(f"```{language}\n{code}\n```")
        found: list[Any] = []
        assert _record_plain(html, found, 1), language
        assert found == parser_events(html), language
