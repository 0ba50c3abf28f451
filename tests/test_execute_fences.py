# ruff: noqa: E501 - exact HTML rows are long
"""`stepwise.execute`'s fences: markers, Markdown -> exact HTML for every real-world spelling
from Katacoda and Killercoda scenarios, problems with their lines, and properties against the
real SuperFences (the marked-fence reader is SuperFences' own preprocessor with one rule more).
"""

from __future__ import annotations

import os
import re
import time
from typing import Any

import markdown
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from pymdownx.superfences import SuperFencesBlockPreprocessor

from mkdocs_stepwise.execute.fences import _blank_line, _may_separate, _touches
from mkdocs_stepwise.execute.markers import MARKER_PATTERN, MARKER_RE, Action, Marker, parse_marker
from mkdocs_stepwise.pagecontext import PageInfo, converting

from .test_execute_html import render

# --- markers ---------------------------------------------------------------------------------

EXECUTE = Marker(Action.EXECUTE)


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("{{execute}}", EXECUTE),
        ("{{ execute }}", EXECUTE),
        ("{{execute }}", EXECUTE),
        ("{{exec}}", EXECUTE),
        ("{{Execute}}", EXECUTE),
        ("{{execute T1}}", Marker(Action.EXECUTE, terminal=1)),
        ("{{execute T2 }}", Marker(Action.EXECUTE, terminal=2)),
        ("{{execute T4}}", Marker(Action.EXECUTE, terminal=4)),
        ("{{execute HOST1}}", Marker(Action.EXECUTE, host=1)),
        ("{{execute HOST2}}", Marker(Action.EXECUTE, host=2)),
        ("{{execute interrupt}}", Marker(Action.EXECUTE, interrupt=True)),
        ("{{exec interrupt}}", Marker(Action.EXECUTE, interrupt=True)),
        ("{{execute T1 interrupt}}", Marker(Action.EXECUTE, terminal=1, interrupt=True)),
        ("{{execute interrupt T1}}", Marker(Action.EXECUTE, terminal=1, interrupt=True)),
        ("{{execute   interrupt\tT3 }}", Marker(Action.EXECUTE, terminal=3, interrupt=True)),
        ("{{execute ctrl-seq}}", Marker(Action.EXECUTE, ctrl_seq=True)),
        ("{{execute no-newline}}", Marker(Action.EXECUTE, no_newline=True)),
        ("{{execute some-name}}", Marker(Action.EXECUTE, extra_classes=("some-name",))),
        (
            "{{execute T2 HOST2 big wide}}",
            Marker(Action.EXECUTE, terminal=2, host=2, extra_classes=("big", "wide")),
        ),
        ("{{copy}}", Marker(Action.COPY)),
        ("{{ copy }}", Marker(Action.COPY)),
        ("{{open}}", Marker(Action.OPEN)),
        ("{{}}", Marker(Action.NONE)),
        ("{{ }}", Marker(Action.NONE)),
    ],
)
def test_parse_marker(text: str, marker: Marker) -> None:
    parsed = parse_marker(text)
    assert parsed is not None
    assert parsed.marker == marker
    assert parsed.ignored == ()


@pytest.mark.parametrize(
    "text", ["{{executes}}", "{{run}}", "{execute}", "{{execute", "{{< figure >}}", "{{% x %}}"]
)
def test_not_a_marker(text: str) -> None:
    assert parse_marker(text) is None


def test_modifier_that_is_no_class_name_is_ignored_and_reported() -> None:
    parsed = parse_marker("{{execute T1 $weird}}")
    assert parsed is not None
    assert parsed.marker == Marker(Action.EXECUTE, terminal=1)
    assert parsed.ignored == ("$weird",)


@pytest.mark.parametrize(
    ("marker", "classes"),
    [
        (EXECUTE, ["stepwise-execute"]),
        (
            Marker(Action.EXECUTE, terminal=2, host=1, interrupt=True, extra_classes=("x",)),
            [
                "stepwise-execute",
                "stepwise-terminal-2",
                "stepwise-host-1",
                "stepwise-interrupt",
                "x",
            ],
        ),
        (
            Marker(Action.EXECUTE, ctrl_seq=True, no_newline=True),
            ["stepwise-execute", "stepwise-ctrl-seq", "stepwise-no-newline"],
        ),
        (Marker(Action.COPY), ["stepwise-copy"]),
        (Marker(Action.OPEN), ["stepwise-open"]),
        (Marker(Action.NONE), ["no-copy"]),
    ],
)
def test_css_classes(marker: Marker, classes: list[str]) -> None:
    assert marker.css_classes() == classes


# --- Markdown -> HTML: one row per real-world spelling ----------------------------------------

CASES: list[tuple[str, str, str]] = [
    (
        "katacoda block",
        "```\npip install virtualenv\n```{{execute}}",
        '<div class="stepwise-execute no-copy highlight"><pre><span></span><code>pip install virtualenv\n</code></pre></div>',
    ),
    (
        "trailing blank lines",
        "```\nvirtualenv -p python3 env\n\n```{{execute}}\nnext",
        '<div class="stepwise-execute no-copy highlight"><pre><span></span><code>virtualenv -p python3 env\n</code></pre></div>\n<p>next</p>',
    ),
    (
        "language kept",
        '```sh\necho "Line 1"\n\necho "Line 2"\n```{{copy}}',
        '<div class="stepwise-copy no-copy highlight"><pre><span></span><code><span class="nb">echo</span><span class="w"> </span><span class="s2">"Line 1"</span>\n\n<span class="nb">echo</span><span class="w"> </span><span class="s2">"Line 2"</span>\n</code></pre></div>',
    ),
    (
        "spaces in marker",
        "```\nls\n```{{ execute }}",
        '<div class="stepwise-execute no-copy highlight"><pre><span></span><code>ls\n</code></pre></div>',
    ),
    (
        "terminal trailing space",
        "```\nls\n```{{execute T2 }}",
        '<div class="stepwise-execute stepwise-terminal-2 no-copy highlight"><pre><span></span><code>ls\n</code></pre></div>',
    ),
    (
        "modifiers any order",
        "```\ntop\n```{{execute interrupt T1}}",
        '<div class="stepwise-execute stepwise-terminal-1 stepwise-interrupt no-copy highlight"><pre><span></span><code>top\n</code></pre></div>',
    ),
    (
        "host",
        "```\nhostname\n```{{execute HOST2}}",
        '<div class="stepwise-execute stepwise-host-2 no-copy highlight"><pre><span></span><code>hostname\n</code></pre></div>',
    ),
    (
        "exec interrupt plain",
        "```plain\nuname -r\nwhoami\n```{{exec interrupt}}",
        '<div class="stepwise-execute stepwise-interrupt no-copy highlight"><pre><span></span><code>uname -r\nwhoami\n</code></pre></div>',
    ),
    (
        "{{}}",
        "```\nsecret\n```{{}}",
        '<div class="no-copy highlight"><pre><span></span><code>secret\n</code></pre></div>',
    ),
    (
        "open",
        "```\napp.js\n```{{open}}",
        '<div class="stepwise-open no-copy highlight"><pre><span></span><code>app.js\n</code></pre></div>',
    ),
    (
        "tildes",
        "~~~bash\nls\n~~~{{execute}}",
        '<div class="stepwise-execute no-copy highlight"><pre><span></span><code>ls\n</code></pre></div>',
    ),
    (
        "longer closing",
        "```\nls\n`````{{execute}}",
        '<div class="stepwise-execute no-copy highlight"><pre><span></span><code>ls\n</code></pre></div>',
    ),
    (
        "whitespace around marker",
        "```\nls\n```  {{execute}}  ",
        '<div class="stepwise-execute no-copy highlight"><pre><span></span><code>ls\n</code></pre></div>',
    ),
    (
        "title option",
        '```bash title="setup.sh"\n./setup.sh\n```{{execute}}',
        '<div class="stepwise-execute no-copy highlight"><span class="filename">setup.sh</span><pre><span></span><code>./setup.sh\n</code></pre></div>',
    ),
    (
        "list item 4",
        "1. Install:\n\n    ```\n    pip install x\n\n    ```{{exec}}\n\n2. Next",
        '<ol>\n<li>\n<p>Install:</p>\n<div class="stepwise-execute no-copy highlight"><pre><span></span><code>pip install x\n</code></pre></div>\n</li>\n<li>\n<p>Next</p>\n</li>\n</ol>',
    ),
    (
        "list item 3 killercoda",
        "1. Clone:\n\n   ```bash\n   git clone x\n   ```{{exec}}\n\n1. Change:\n\n   ```bash\n   cd x\n   ```{{exec}}",
        '<ol>\n<li>Clone:</li>\n</ol>\n<div class="stepwise-execute no-copy highlight"><pre><span></span><code>git<span class="w"> </span>clone<span class="w"> </span>x\n</code></pre></div>\n<ol>\n<li>Change:</li>\n</ol>\n<div class="stepwise-execute no-copy highlight"><pre><span></span><code><span class="nb">cd</span><span class="w"> </span>x\n</code></pre></div>',
    ),
    (
        "list item tight",
        "1.  Create:\n    ```bash\n    echo hi > a\n    ```{{exec}}\n\n2.  Run:\n    ```bash\n    cat a\n    ```{{exec}}",
        '<ol>\n<li>\n<p>Create:</p>\n<div class="stepwise-execute no-copy highlight"><pre><span></span><code><span class="nb">echo</span><span class="w"> </span>hi<span class="w"> </span>&gt;<span class="w"> </span>a\n</code></pre></div>\n</li>\n<li>\n<p>Run:</p>\n<div class="stepwise-execute no-copy highlight"><pre><span></span><code>cat<span class="w"> </span>a\n</code></pre></div>\n</li>\n</ol>',
    ),
    (
        "longer fence shows source",
        "````markdown\n```\nls\n```{{execute}}\n````",
        '<div class="highlight"><pre><span></span><code>```\nls\n```{{execute}}\n</code></pre></div>',
    ),
    (
        "tilde shows backtick source",
        "~~~\n```\nls\n```{{execute}}\n~~~",
        '<div class="highlight"><pre><span></span><code>```\nls\n```{{execute}}\n</code></pre></div>',
    ),
    (
        "indented code shows source",
        "Write this:\n\n    ```\n    ls\n    ```{{execute}}\n\nDone.",
        '<p>Write this:</p>\n<div class="highlight"><pre><span></span><code>```\nls\n```{{execute}}\n</code></pre></div>\n<p>Done.</p>',
    ),
    (
        "raw pre",
        '<pre>\n```sh\necho "Line 1"\n```{{copy}}\n</pre>',
        '<pre>\n```sh\necho "Line 1"\n```{{copy}}\n</pre>',
    ),
    (
        "two blocks",
        "```\na\n```{{execute T1}}\n```\nb\n```{{execute T2}}",
        '<div class="stepwise-execute stepwise-terminal-1 no-copy highlight"><pre><span></span><code>a\n</code></pre></div>\n<div class="stepwise-execute stepwise-terminal-2 no-copy highlight"><pre><span></span><code>b\n</code></pre></div>',
    ),
    (
        "prose touching",
        "You can install virtualenv using pip:\n```\npip install virtualenv\n```{{execute}}\n(if you're not root, prefix it with `sudo `.)",
        '<p>You can install virtualenv using pip:</p>\n<div class="stepwise-execute no-copy highlight"><pre><span></span><code>pip install virtualenv\n</code></pre></div>\n<p>(if you\'re not root, prefix it with <code>sudo</code>.)</p>',
    ),
    (
        "continuing paragraph indented",
        "Text:\n    ```\n    ls\n    ```{{execute}}",
        '<p>Text:\n    <div class="stepwise-execute no-copy highlight"><pre><span></span><code>ls\n</code></pre></div></p>',
    ),
    (
        "blockquote",
        "> ```\n> ls\n>\n> ```{{execute}}",
        '<blockquote>\n<div class="stepwise-execute no-copy highlight"><pre><span></span><code>ls\n</code></pre></div>\n</blockquote>',
    ),
    (
        "blockquote touching",
        "> Run:\n> ```\n> ls\n> ```{{execute}}\n> Done.",
        '<blockquote>\n<p>Run:</p>\n<div class="stepwise-execute no-copy highlight"><pre><span></span><code>ls\n</code></pre></div>\n<p>Done.</p>\n</blockquote>',
    ),
    (
        "quote deeper content",
        "> ```\n> > x\n> ```{{execute}}",
        '<blockquote>\n<div class="stepwise-execute no-copy highlight"><pre><span></span><code>&gt; x\n</code></pre></div>\n</blockquote>',
    ),
    (
        "backtick in braces",
        "```{a`b}\nls\n```{{execute}}\nafter",
        '<div class="stepwise-execute no-copy highlight"><pre><span></span><code>ls\n</code></pre></div>\n<p>after</p>',
    ),
    (
        "pre then fence",
        "<pre>\n```\n</pre>\n```\nls\n```{{execute}}",
        '<pre>\n```\n</pre>\n\n<div class="stepwise-execute no-copy highlight"><pre><span></span><code>ls\n</code></pre></div>',
    ),
    (
        "attrs container",
        '```bash {container="web"}\nkubectl get pods\n```{{exec}}',
        '<div class="stepwise-execute no-copy highlight"><pre><span></span><code>kubectl<span class="w"> </span>get<span class="w"> </span>pods\n</code></pre></div>',
    ),
]


@pytest.mark.parametrize(("source", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_marked_fences_render(source: str, expected: str) -> None:
    assert render(source) == expected


# --- problems, with the line to fix ----------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "````\nls\n```{{execute}}",
            [
                r"^a\.md:1: the code fence opened here \(````\) is never closed: the marked fence "
                r"on line 3 needs at least 4 '`' characters"
            ],
        ),
        (
            "- item\n\n    ```\n    ls\n```{{execute}}\n\n```\nx\n```",
            [
                r"^a\.md:3: the code fence opened here \(```\) is not closed before line 5, which is less indented"
            ],
        ),
        (
            "text\n```{{execute}}\nmore",
            [r"^a\.md:2: the marker '\{\{execute\}\}' closes no code fence"],
        ),
        ("```\nls\n```{{execute T1 $x}}", [r"^a\.md:3: ignored marker modifiers: \$x"]),
        # A typo: two backticks open nothing, so the closing fence opens a fence that never ends.
        (
            "Intro\n\n``bash\nls\n```{{execute}}\n\n```\ncode",
            [
                r"^a\.md:5: the marker '\{\{execute\}\}' closes no code fence",
                r"^a\.md:7: the code fence opened here \(```\) is never closed$",
            ],
        ),
        (
            "Intro\n\n```bash\nls\n\nMore text",
            [r"^a\.md:3: the code fence opened here \(```\) is never closed$"],
        ),
    ],
    ids=[
        "too short",
        "closing fence outside the list item",
        "stray",
        "modifier",
        "typo",
        "unclosed",
    ],
)
def test_problems_name_the_file_and_line(
    source: str, expected: list[str], plugin_warnings: Any
) -> None:
    with converting(PageInfo("a.md", "a/")):
        render(source)
    assert len(plugin_warnings.messages) == len(expected), plugin_warnings.messages
    for pattern in expected:
        plugin_warnings.expect(pattern, count=1)


def test_a_page_that_opens_the_fence_is_handed_its_own_page(plugin_warnings: Any) -> None:
    """The extension names the page it was handed, whatever the fallback says."""
    from mkdocs_stepwise.execute import ExecuteExtension
    from mkdocs_stepwise.pagecontext import PageHolder

    extension = ExecuteExtension(pages=PageHolder(PageInfo("steps/step2.md", "steps/step2/")))
    md = markdown.Markdown(extensions=["pymdownx.superfences", extension])
    with converting(PageInfo("other.md", "other/")):
        md.convert("text\n```{{exec}}")
    plugin_warnings.expect(r"^steps/step2\.md:2: the marker", count=1)


def test_stray_markers_are_reported_ten_times_then_counted(plugin_warnings: Any) -> None:
    with converting(PageInfo("a.md", "a/")):
        render("\n".join(["```{{execute}}"] * 25))
    plugin_warnings.expect(
        r"^a\.md:\d+: the marker '\{\{execute\}\}' closes no code fence", count=10
    )
    plugin_warnings.expect(r"^a\.md:25: 15 more markers on this page close no code fence", count=1)


def test_without_superfences_listed_the_extension_registers_it() -> None:
    output = markdown.markdown("```\nls\n```{{execute}}", extensions=["stepwise.execute"])
    assert output.startswith('<div class="stepwise-execute no-copy highlight"><pre>')


def test_superfences_listed_after_the_extension_is_a_clear_error() -> None:
    with pytest.raises(RuntimeError, match=r"must come after pymdownx\.superfences"):
        markdown.markdown("x", extensions=["stepwise.execute", "pymdownx.superfences"])


LEXED = """\
```
ls
```{{execute}}

```bash
echo one
```

```
pwd
```

```bash
echo two
```

```nosuchlanguage
x = 1
```
"""


@pytest.mark.parametrize("guess_lang", [False, True])
def test_fences_of_one_language_share_a_lexer(guess_lang: bool, monkeypatch: Any) -> None:
    """Pygments is asked once per language (`lexers.py`), and the page is what it is with a
    lexer per block; guessing from the code keeps a lexer per block."""
    import pymdownx.highlight

    import mkdocs_stepwise.execute.fences

    extensions = ["pymdownx.highlight", "pymdownx.superfences", "stepwise.execute"]
    configs = {"pymdownx.highlight": {"guess_lang": guess_lang}}
    with monkeypatch.context() as unpatched:
        unpatched.setattr(mkdocs_stepwise.execute.fences, "reusing_lexers", lambda h: h)
        fresh = markdown.markdown(LEXED, extensions=extensions, extension_configs=configs)
    asked: list[str] = []
    original = pymdownx.highlight.get_lexer_by_name

    def counting(alias: str, **options: Any) -> Any:
        asked.append(alias)
        return original(alias, **options)

    monkeypatch.setattr(pymdownx.highlight, "get_lexer_by_name", counting)
    md = markdown.Markdown(extensions=extensions, extension_configs=configs)
    reused = md.convert(LEXED)
    assert reused == fresh
    assert reused.count('<span class="nb">echo</span>') == 2
    if guess_lang:
        assert asked.count("bash") == 2
    else:
        # Once per language: None, then `text`, for the fences without one; the unknown one,
        # then `text` for it.
        assert sorted(map(str, asked)) == ["None", "bash", "nosuchlanguage", "text", "text"]
        asked.clear()
        assert md.reset().convert(LEXED) == fresh
        assert asked == []  # the next page of the build


@pytest.mark.parametrize(
    ("page", "size"),
    [
        (lambda n: ["```", *["```{{execute}}"] * n], 1000),
        (lambda n: ["```bash", *["ls", "```{{execute}}", "```"] * n], 1000),
        (lambda n: ["<pre>", *["```{{execute}}", "```"] * n], 600),
        (lambda n: ["Text:", *["    ```", "    ls", "    ```{{execute}}"] * n], 200),
        (lambda n: ["`ls`{{execute" + " " * (20 * n) + "x", "```{{copy" + " " * (20 * n)], 1000),
    ],
    ids=[
        "one fence, then markers",
        "many blocks",
        "raw pre never closed",
        "indented blocks",
        "marker never closed",
    ],
)
def test_reading_stays_linear(page: Any, size: int, plugin_warnings: Any) -> None:
    """Four times the lines take about four times as long (a quadratic reader: sixteen)."""

    def seconds(n: int) -> float:
        source = "\n".join(page(n))
        best = float("inf")
        for _ in range(3):  # the best of three: the machine is shared
            started = time.perf_counter()
            markdown.markdown(  # without Pygments, which would take most of the time
                source,
                extensions=["pymdownx.highlight", "pymdownx.superfences", "stepwise.execute"],
                extension_configs={"pymdownx.highlight": {"use_pygments": False}},
            )
            best = min(best, time.perf_counter() - started)
        return best

    small, large = seconds(size), seconds(4 * size)
    plugin_warnings.clear()
    assert large / small < 10, (small, large)


# --- properties against the real SuperFences -------------------------------------------------


class RecordingSuperFences(SuperFencesBlockPreprocessor):  # type: ignore[misc]
    """The unmodified SuperFences reader, noting which lines open fences and where blocks are."""

    def search_nested(self, lines: list[str]) -> list[str]:
        self.index = -1
        self.openers: list[tuple[int, str]] = []  # line, fence
        self.blocks: list[tuple[int, int]] = []
        self.reading_fence = False
        result: list[str] = super().search_nested(lines)
        if self.fence is not None and not self.reading_fence:  # opened on the last line
            self.openers.append((self.index, self.fence))
        return result

    def parse_whitespace(self, line: str) -> str:
        self.index += 1
        self.reading_fence = False
        return super().parse_whitespace(line)  # type: ignore[no-any-return]

    def parse_fence_line(self, line: str) -> tuple[str, str]:
        if not self.reading_fence:
            self.openers.append((self.index, self.fence))
        self.reading_fence = True
        self.index += 1
        return super().parse_fence_line(line)  # type: ignore[no-any-return]

    def process_nested_block(self, ws: str, content: str, start: int, end: int) -> None:
        self.blocks.append((start, end))
        self.clear()

    def reassemble(self, lines: list[str]) -> list[str]:
        return lines


def superfences_reading(lines: list[str], extensions: list[str]) -> RecordingSuperFences:
    md = markdown.Markdown(extensions=extensions)
    reader = RecordingSuperFences(md)
    original: Any = md.preprocessors["fenced_code_block"]
    reader.config, reader.extension = original.config, original.extension
    reader.get_hl_settings()
    reader.clear()
    reader.stack = []
    reader.search_nested(lines)
    return reader


_MARKED_LINE_RE = re.compile(
    r"(?P<prefix>[ \t>]*)(?P<fence>`{3,}|~{3,})[ \t]*" + MARKER_PATTERN + r"[ \t]*", re.IGNORECASE
)
_OUR_CLASSES_RE = re.compile(r"\s*\b(?:stepwise-[\w-]+|no-copy)\b")


def without_our_classes(html: str) -> str:
    html = re.sub(
        r'class="([^"]*)"', lambda m: f'class="{_OUR_CLASSES_RE.sub("", m[1]).strip()}"', html
    )
    return html.replace(' class=""', "")


LINE_PARTS = [
    "",
    "    ",
    "> ",
    "- ",
    "1. ",
    "!!! note",
    "??? tip",
    '=== "Tab"',
    "text",
    "```",
    "````",
    "~~~",
    "```bash",
    "``` {.x}",
    '```sh title="a"',
    "\t",
]
generated_lines = st.lists(st.sampled_from(LINE_PARTS), min_size=1, max_size=3).map("".join)
# Random lines rarely line up into a marked fence, so pages also get whole ones: an opening
# fence, a body and a (mostly marked) closing fence, all behind one container prefix.
marked_fences = st.builds(
    lambda prefix, opener, body, closer: [prefix + line for line in (opener, *body, closer)],
    st.sampled_from(["", "  ", "   ", "    ", "        ", "> ", "> > ", ">", "\t"]),
    st.sampled_from(["```", "````", "~~~", "```bash", "``` {.x}", '```sh title="a"', "```{a`b}"]),
    st.lists(generated_lines, max_size=2),
    st.sampled_from(
        ["```{{execute}}", "````{{copy}}", "~~~{{open}}", "```{{}}", "```{{exec T2}}", "```"]
    ),
)
pages = st.lists(
    st.one_of(generated_lines.map(lambda line: [line]), marked_fences), max_size=12
).map(lambda chunks: [line for chunk in chunks for line in chunk])

SITE_CONFIGURATIONS = [
    ["pymdownx.superfences"],
    ["pymdownx.superfences", "pymdownx.quotes"],
    ["admonition", "pymdownx.details", "pymdownx.tabbed", "pymdownx.superfences"],
    ["attr_list", "md_in_html", "admonition", "pymdownx.details", "pymdownx.superfences"],
    [
        "attr_list",
        "md_in_html",
        "admonition",
        "pymdownx.details",
        "pymdownx.tabbed",
        "pymdownx.quotes",
        "pymdownx.superfences",
    ],
]


def check_against_superfences(page: list[str], extensions: list[str]) -> None:
    """The page with the execute extension reads and renders as the real SuperFences reads and
    renders the same page with the markers taken off the closing fences, but for two rules of
    ours: a marker where a fence would open opens none, and a marked closing fence may be
    longer than its opening fence. Classes and the blank lines around marked blocks aside."""
    normalised = [line.expandtabs(4) for line in page]  # as Python-Markdown hands it on
    marked = {
        index: match
        for index, line in enumerate(normalised)
        if (match := _MARKED_LINE_RE.fullmatch(line))
    }
    # Markers come off the lines SuperFences closes a fence on; elsewhere they stay text.
    closers = set(marked)
    for _ in range(2):
        plain = [
            f"{m['prefix']}{m['fence']}" if (m := marked.get(index)) and index in closers else line
            for index, line in enumerate(normalised)
        ]
        theirs = superfences_reading(plain, extensions)
        previous, closers = closers, {end - 1 for _, end in theirs.blocks} & set(marked)
    assume(closers == previous)
    # Where our two rules apply, the readings differ by design; and a marker left in prose
    # pairs code spans its own way (`inline`). The golden rows cover those.
    in_blocks = {index for first, end in theirs.blocks for index in range(first, end)}
    block_end = dict(theirs.blocks)
    longer = any(
        first < index < block_end.get(first, len(plain))
        and marked[index]["fence"] != fence
        and marked[index]["fence"].startswith(fence)
        for first, fence in theirs.openers
        for index in marked
    )
    opens_on_marker = any(index in marked for index, _ in theirs.openers)
    assume(set(marked) <= in_blocks and not longer and not opens_on_marker)
    ours_md = markdown.Markdown(extensions=[*extensions, "stepwise.execute"])
    ours = ours_md.convert("\n".join(page))
    # The same blank lines around marked blocks, put into the page SuperFences reads.
    marked_blocks = [(first, end) for first, end in theirs.blocks if end - 1 in closers]
    separated = list(plain)
    for first, end in reversed(marked_blocks):
        if _touches(plain, end):
            separated.insert(end, _blank_line(plain[first]))
        if _touches(plain, first - 1) and _may_separate(plain, first):
            separated.insert(first, _blank_line(plain[first]))
    expected = markdown.markdown("\n".join(separated), extensions=extensions)
    # A marker that ends up in prose after a code span: `attr_list` reads it as an attribute
    # list (`<code _execute>`), where the execute extension makes a chip. Not a fence matter.
    assume(re.search(r"<code [^>]*\b_(?:execute|exec|copy|open)\b", expected) is None)
    # Marker text shows where it is no marker (in code shown as source, on lines that close
    # nothing); the oracle page keeps it only where SuperFences closes no fence on its line.
    assert MARKER_RE.sub("", without_our_classes(ours)) == MARKER_RE.sub("", expected)
    # Every marked block SuperFences closes carries the marker's classes (or is shown as source
    # by an indented code block, which has no classes).
    assert len(re.findall(r'class="[^"]*\bno-copy\b', ours)) <= len(marked_blocks)


@settings(
    # STEPWISE_EXAMPLES=2000 explores further (a run of 2,000 found nothing).
    max_examples=int(os.environ.get("STEPWISE_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
@given(page=pages, extensions=st.sampled_from(SITE_CONFIGURATIONS))
@example(
    page=["> ````", "> ```{{execute}}", "", "```", "```{{execute}}", "```", "```{{execute}}"],
    extensions=["pymdownx.superfences", "pymdownx.quotes"],
)
@example(page=["```", "> text", "```", "```{{execute}}"], extensions=["pymdownx.superfences"])
@example(
    page=[
        "> > ````",
        "> > ```{{execute}}",
        "    ```",
        "    ```{{execute}}",
        "    ```",
        "",
        "    ````",
    ],
    extensions=[
        "attr_list",
        "md_in_html",
        "admonition",
        "pymdownx.details",
        "pymdownx.superfences",
    ],
)
def test_marked_fences_are_superfences_blocks(
    page: list[str], extensions: list[str], plugin_warnings: Any
) -> None:
    assume(not (page and page[0].isspace()))  # Python-Markdown keeps a first line of spaces
    try:
        check_against_superfences(page, extensions)
    finally:
        plugin_warnings.clear()  # problems with generated pages are the golden rows' business
