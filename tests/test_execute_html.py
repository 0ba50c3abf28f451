"""`stepwise.execute`: Markdown in, exact HTML out (pymdown-extensions style), with and without
`attr_list`; `commands_from_html`; warnings; and a real build with the plugin."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import markdown
import pytest

from mkdocs_stepwise.execute import commands_from_html
from mkdocs_stepwise.pagecontext import PageInfo, converting

from .conftest import BASE_CONFIG

FIXTURES = Path(__file__).parent / "fixtures" / "execute"
SEED = (FIXTURES / "virtualenv-step.md").read_text(encoding="utf-8")
SEED_COMMANDS = [
    "pip install virtualenv",
    "virtualenv -p python3 /var/projects/myproject/myprojectenv",
    "ls /var/projects/myproject/myprojectenv",
    "source /var/projects/myproject/myprojectenv/bin/activate",
]


def site_extensions(attr_list: bool) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The default test site's `markdown_extensions`, plus ours, as Python-Markdown takes them."""
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for entry in BASE_CONFIG["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        if name == "attr_list" and not attr_list:
            continue
        names.append(name)
        configs[name] = options
    return [*names, "stepwise.execute"], configs


def render(
    source: str, *, attr_list: bool = True, configs: dict[str, dict[str, Any]] | None = None
) -> str:
    names, site_configs = site_extensions(attr_list)
    configs = {**site_configs, **(configs or {})}
    return markdown.markdown(
        textwrap.dedent(source).strip("\n"), extensions=names, extension_configs=configs
    )


def html(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


BOTH = pytest.mark.parametrize("attr_list", [True, False], ids=["attr_list", "no attr_list"])

# --- fenced blocks ---------------------------------------------------------------------------


@BOTH
def test_seed_gives_four_runnable_blocks_and_prose_stays_prose(attr_list: bool) -> None:
    output = render(SEED, attr_list=attr_list)
    expected = (FIXTURES / "virtualenv-step.html").read_text(encoding="utf-8").strip("\n")
    assert output == expected
    assert commands_from_html(output) == SEED_COMMANDS


@BOTH
def test_blocks_in_containers(attr_list: bool) -> None:
    source = """
        1. Install:
            ```
            pip install x

            ```{{exec}}

        !!! note

            ```bash
            ls
            ```{{execute T1 interrupt}}

        === "Linux"

            ```
            uname
            ```{{execute HOST2}}

        > ```
        > pwd
        > ```{{copy}}

        ???+ note "Solution"

            ```plain
            kubectl create namespace flower
            ```{{exec}}
        """
    assert render(source, attr_list=attr_list) == html(
        """
        <ol>
        <li>
        <p>Install:</p>
        <div class="stepwise-execute no-copy highlight"><pre><span></span><code>pip install x
        </code></pre></div>
        </li>
        </ol>
        <div class="admonition note">
        <p class="admonition-title">Note</p>
        <div class="stepwise-execute stepwise-terminal-1 stepwise-interrupt no-copy highlight"><pre><span></span><code>ls
        </code></pre></div>
        </div>
        <div class="tabbed-set tabbed-alternate" data-tabs="1:1"><input checked="checked" id="__tabbed_1_1" name="__tabbed_1" type="radio" /><div class="tabbed-labels"><label for="__tabbed_1_1">Linux</label></div>
        <div class="tabbed-content">
        <div class="tabbed-block">
        <div class="stepwise-execute stepwise-host-2 no-copy highlight"><pre><span></span><code>uname
        </code></pre></div>
        </div>
        </div>
        </div>
        <blockquote>
        <div class="stepwise-copy no-copy highlight"><pre><span></span><code>pwd
        </code></pre></div>
        </blockquote>
        <details class="note" open="open">
        <summary>Solution</summary>
        <div class="stepwise-execute no-copy highlight"><pre><span></span><code>kubectl create namespace flower
        </code></pre></div>
        </details>
        """  # noqa: E501
    )


def test_killercoda_solution_in_raw_details() -> None:
    source = """
        Create a namespace named `flower`.

        <details><summary>Solution</summary>

        ```plain
        kubectl create namespace flower
        ```{{exec}}

        </details>
        """
    assert render(source) == html(
        """
        <p>Create a namespace named <code>flower</code>.</p>
        <details><summary>Solution</summary>

        <div class="stepwise-execute no-copy highlight"><pre><span></span><code>kubectl create namespace flower
        </code></pre></div>

        </details>
        """  # noqa: E501
    )


@BOTH
def test_languages_titles_and_free_classes(attr_list: bool) -> None:
    source = """
        ```bash title="setup.sh"
        ./setup.sh
        ```{{execute some-name}}
        """
    assert render(source, attr_list=attr_list) == html(
        """
        <div class="stepwise-execute some-name no-copy highlight"><span class="filename">setup.sh</span><pre><span></span><code>./setup.sh
        </code></pre></div>
        """  # noqa: E501
    )


@BOTH
def test_fences_that_show_marker_source_stay_verbatim(attr_list: bool) -> None:
    source = """
        ````markdown
        ```
        ls
        ```{{execute}}
        ````

        Or indented:

            `ls`{{execute}}

        Katacoda's own documentation:

        <pre>`echo "Run"`{{execute}}</pre>

        Markdown:
        <pre>
        ```sh
        echo 1
        ```{{copy}}
        </pre>

        Results:
        ```sh
        echo 1
        ```{{copy}}
        """
    assert render(source, attr_list=attr_list) == html(
        """
        <div class="highlight"><pre><span></span><code>```
        ls
        ```{{execute}}
        </code></pre></div>
        <p>Or indented:</p>
        <div class="highlight"><pre><span></span><code>`ls`{{execute}}
        </code></pre></div>
        <p>Katacoda's own documentation:</p>
        <pre>`echo "Run"`{{execute}}</pre>

        <p>Markdown:</p>
        <pre>
        ```sh
        echo 1
        ```{{copy}}
        </pre>

        <p>Results:</p>
        <div class="stepwise-copy no-copy highlight"><pre><span></span><code><span class="nb">echo</span><span class="w"> </span><span class="m">1</span>
        </code></pre></div>
        """  # noqa: E501
    )


def test_without_pygments_the_classes_sit_on_the_code() -> None:
    source = """
        ```bash
        ls &amp; <x>
        ```{{execute}}
        """
    output = render(source, configs={"pymdownx.highlight": {"use_pygments": False}})
    assert output == html(
        """
        <pre class="highlight"><code class="language-bash stepwise-execute no-copy">ls &amp;amp; &lt;x&gt;</code></pre>
        """  # noqa: E501
    )
    assert commands_from_html(output) == ["ls &amp; <x>"]


# --- inline code -----------------------------------------------------------------------------


@BOTH
def test_inline_markers(attr_list: bool) -> None:
    source = """
        Run `ls -l`{{execute T2}}, then ``echo `date` ``{{execute}}, copy `docker`{{copy}},
        open `app/index.js`{{open}}, `sleep 1d`{{exec}}, `whoami`{{exec interrupt}},
        `^C`{{execute ctrl-seq}}, `i`{{execute no-newline}}, `a*b* <c>`{{ execute }},
        `x`{{execute T2 }} and `not copyable`{{}}. Plain `code`{: .kept } stays as it was.
        """
    kept = '<code class="kept">code</code>' if attr_list else "<code>code</code>{: .kept }"
    assert render(source, attr_list=attr_list) == html(
        f"""
        <p>Run <code class="stepwise-execute stepwise-terminal-2">ls -l</code>, then <code class="stepwise-execute">echo `date`</code>, copy <code class="stepwise-copy">docker</code>,
        open <code class="stepwise-open">app/index.js</code>, <code class="stepwise-execute">sleep 1d</code>, <code class="stepwise-execute stepwise-interrupt">whoami</code>,
        <span class="stepwise-keys stepwise-execute stepwise-ctrl-seq">Press <kbd>Ctrl</kbd>+<kbd>C</kbd></span>, <code class="stepwise-execute stepwise-no-newline">i</code>, <code class="stepwise-execute">a*b* &lt;c&gt;</code>,
        <code class="stepwise-execute stepwise-terminal-2">x</code> and <code class="no-copy">not copyable</code>. Plain {kept} stays as it was.</p>
        """  # noqa: E501
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "`^C`{{execute ctrl-seq T2}}",
            '<span class="stepwise-keys stepwise-execute stepwise-terminal-2 stepwise-ctrl-seq">'
            "Press <kbd>Ctrl</kbd>+<kbd>C</kbd> in Terminal 2</span>",
        ),
        (
            "Press the ESC key: `^ESC`{{execute ctrl-seq}}",
            'Press the ESC key: <span class="stepwise-keys stepwise-execute stepwise-ctrl-seq">'
            "Press <kbd>Esc</kbd></span>",
        ),
        (
            "`exit`{{execute ctrl-seq HOST2}}",
            '<span class="stepwise-keys stepwise-execute stepwise-host-2 stepwise-ctrl-seq">'
            "Type <kbd>exit</kbd> on Host 2</span>",
        ),
    ],
)
def test_keystrokes_become_an_instruction(source: str, expected: str) -> None:
    """Katacoda sends `ctrl-seq` keys to a terminal; here the reader presses them."""
    output = render(source)
    assert output == f"<p>{expected}</p>"
    assert commands_from_html(output) == []


@pytest.mark.parametrize(
    ("source", "commands"),
    [
        ("```console\n$ ls -l\ntotal 0\n$ pwd\n/root\n```{{execute}}", ["ls -l\npwd"]),
        ("```console\nkubectl get pods\n```{{execute}}", ["kubectl get pods"]),
        ("```shell-session\n$ a \\\n> b\nout\n```{{exec}}", ["a \\\nb"]),
        ("```console\n$ \n```{{exec}}", []),
    ],
    ids=["prompts and output", "no prompt at all", "continuation", "only a prompt"],
)
def test_console_blocks_copy_their_commands(source: str, commands: list[str]) -> None:
    assert commands_from_html(render(source)) == commands


def test_escaped_backtick_is_not_code() -> None:
    assert render(r"\`ls`{{execute}}") == "<p>`ls`{{execute}}</p>"


@BOTH
def test_a_marker_belongs_to_the_code_span_right_before_it(attr_list: bool) -> None:
    assert render("`a` and `b`{{execute}}, ``c ` d``{{copy}}", attr_list=attr_list) == (
        '<p><code>a</code> and <code class="stepwise-execute">b</code>, '
        '<code class="stepwise-copy">c ` d</code></p>'
    )


@BOTH
def test_the_marker_follows_the_span_python_markdown_pairs(attr_list: bool) -> None:
    """The backtick before `a` opens the span that the one after `b` closes: one chip."""
    assert render("`a ``b`{{execute}} and `c`{{copy}}", attr_list=attr_list) == (
        '<p><code class="stepwise-execute">a ``b</code> and '
        '<code class="stepwise-copy">c</code></p>'
    )


@BOTH
def test_braces_that_are_not_a_marker_stay_text(attr_list: bool) -> None:
    source = "`a`{{frobnicate}} and `b`{{ .Values.name }} then `c`{: .kept }"
    kept = '<code class="kept">c</code>' if attr_list else "<code>c</code>{: .kept }"
    assert render(source, attr_list=attr_list) == (
        "<p><code>a</code>{{frobnicate}} and <code>b</code>{{ .Values.name }} then "
        f"{kept}</p>"
    )


# --- no marker survives ----------------------------------------------------------------------


@BOTH
def test_no_marker_text_survives(attr_list: bool) -> None:
    source = """
        `a`{{execute}} `b`{{exec}} `c`{{copy}} `d`{{open}} `e`{{}} ``f``{{execute T1}}

        ```
        g
        ```{{execute T3 interrupt}}

        ~~~
        h
        ~~~{{ exec }}

        - item

            ```
            i
            ```{{copy}}
        """
    output = render(source, attr_list=attr_list)
    assert "{{" not in output
    assert "}}" not in output
    assert commands_from_html(output) == ["a", "b", "f", "g", "h"]


# --- warnings --------------------------------------------------------------------------------


def test_unclosed_marked_fence_is_reported_with_file_and_line(plugin_warnings: Any) -> None:
    source = "Intro\n\n````\nls\n```{{execute}}\n"
    with converting(PageInfo("steps/step1.md", "steps/step1/")):
        render(source)
    plugin_warnings.expect(
        r"^steps/step1\.md:3: the code fence opened here \(````\) is never closed: "
        r"the marked fence on line 5 needs at least 4 '`'",
        count=1,
    )


def test_stray_marker_is_reported_and_does_not_swallow_the_page(plugin_warnings: Any) -> None:
    source = """
        Text

        ```{{execute}}

        More text

        ```
        code
        ```
        """
    with converting(PageInfo("a.md", "a/")):
        output = render(source)
    plugin_warnings.expect(r"^a\.md:3: the marker '\{\{execute\}\}' closes no code fence")
    assert output == html(
        """
        <p>Text</p>
        <p>```{{execute}}</p>
        <p>More text</p>
        <div class="highlight"><pre><span></span><code>code
        </code></pre></div>
        """
    )


def test_ignored_modifier_is_reported(plugin_warnings: Any) -> None:
    render("`ls`{{execute T1 $x}}")
    plugin_warnings.expect(r"ignored marker modifiers: \$x")


# --- commands_from_html ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "commands"),
    [
        ('<p><code class="stepwise-execute">ls &amp;&amp; pwd</code></p>', ["ls && pwd"]),
        ('<code class="stepwise-copy">x</code><code class="stepwise-open">y</code>', []),
        ('<code class="stepwise-execute stepwise-ctrl-seq">^C</code>', []),
        (
            '<div class="stepwise-execute no-copy highlight"><pre><span></span><code>'
            '<span class="gp">$ </span>ls<span class="w"> </span>-l\n'
            '<span class="go">total 0</span>\n</code></pre></div>',
            ["ls -l"],
        ),
        ('<pre class="stepwise-execute"><code>$ a\n\n$ b\n\n\n</code></pre>', ["a\n\nb"]),
        ('<pre class="stepwise-execute"><code>$HOME/bin/x\n</code></pre>', ["$HOME/bin/x"]),
        (
            # linenums and a title, as Pygments renders them
            '<div class="stepwise-execute no-copy highlight"><table class="highlighttable"><tr>'
            '<th colspan="2" class="filename"><span class="filename">setup.sh</span></th></tr>'
            '<tr><td class="linenos"><div class="linenodiv"><pre><span></span>'
            '<span class="normal">1</span>\n<span class="normal">2</span></pre></div></td>'
            '<td class="code"><div><pre><span></span><code>a\nb\n</code></pre></div></td></tr>'
            "</table></div>",
            ["a\nb"],
        ),
        (
            '<code class="stepwise-execute">one</code><br><img src="x">'
            '<div class="stepwise-execute"><pre><code>two</code></pre></div>',
            ["one", "two"],
        ),
    ],
)
def test_commands_from_html(page: str, commands: list[str]) -> None:
    assert commands_from_html(page) == commands


# --- a real build with the plugin ------------------------------------------------------------


def test_plugin_build_links_assets_and_renders_the_seed(build: Any) -> None:
    site = build({"index.md": "# Home\n", "virtualenv.md": "# Virtualenv\n\n" + SEED})
    page = site.text("virtualenv/index.html")
    assert re.search(r'<link[^>]+href="[^"]*assets/stepwise/execute\.css"', page)
    assert re.search(r'<script[^>]+src="[^"]*assets/stepwise/execute\.js"', page)
    assert site.exists("assets/stepwise/execute.js")
    assert commands_from_html(page) == SEED_COMMANDS
    article = site.html("virtualenv/").select_one("article")
    assert article is not None
    assert "{{" not in str(article)


def test_tabs_are_kept_with_preserve_tabs() -> None:
    """The plugin turns SuperFences' `preserve_tabs` on; marked fences keep their tabs too."""
    source = "1. Make:\n\n    ```bash\n    cat <<-EOF > Makefile\n    \tall:\n    \tEOF\n"
    source += "    ```{{execute}}"
    output = render(source, configs={"pymdownx.superfences": {"preserve_tabs": True}})
    assert commands_from_html(output) == ["cat <<-EOF > Makefile\n\tall:\n\tEOF"]
