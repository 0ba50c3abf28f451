"""Table tests of the pure parts of `stepwise.execute`: markers, fence headers, `rewrite`.

Every real-world spelling from Katacoda and Killercoda scenarios has a row here; the fixture
strings are written out in this file.
"""

from __future__ import annotations

import re
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_stepwise.execute import rewrite
from mkdocs_stepwise.execute_markers import MARKER_RE, Action, Marker, parse_marker
from mkdocs_stepwise.execute_rewrite import Problem, annotate_info, rewrite_page


def lines(text: str) -> list[str]:
    return textwrap.dedent(text).strip("\n").split("\n")


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


# --- fence headers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("info", "annotated"),
    [
        ("", " {.text .a .b}"),
        ("   ", " {.text .a .b}"),
        ("bash", "bash {.a .b}"),
        (" bash ", " bash {.a .b}"),
        (".bash", ".bash {.a .b}"),
        ("bash {hl_lines='1'}", "bash {hl_lines='1' .a .b}"),
        (" {.bash}", " {.bash .a .b}"),
        ("{ .bash .x }", "{ .bash .x .a .b}"),
        ('{ title="x" }', '{.text  title="x" .a .b}'),
        ('bash title="x y"', 'bash {title="x y" .a .b}'),
        ('bash hl_lines="1 2" linenums="1"', 'bash {hl_lines="1 2" linenums="1" .a .b}'),
        ('title="x"', '{.text title="x" .a .b}'),
    ],
)
def test_annotate_info(info: str, annotated: str) -> None:
    assert annotate_info(info, ["a", "b"]) == annotated


@pytest.mark.parametrize("info", ["bash{x}", "bash foo!", "{{execute}}x"])
def test_annotate_info_rejects_headers_superfences_cannot_read(info: str) -> None:
    assert annotate_info(info, ["a"]) is None


# --- rewrite: one row per real-world spelling ------------------------------------------------

CASES: list[tuple[str, str, str]] = [
    (
        "katacoda block",
        """
        ```
        pip install virtualenv
        ```{{execute}}
        """,
        """
        ``` {.text .stepwise-execute .no-copy}
        pip install virtualenv
        ```
        """,
    ),
    (
        "trailing blank lines move below the closing fence",
        """
        ```
        virtualenv -p python3 env

        ```{{execute}}
        next
        """,
        """
        ``` {.text .stepwise-execute .no-copy}
        virtualenv -p python3 env
        ```

        next
        """,
    ),
    (
        "language kept",
        """
        ```sh
        echo "Line 1"

        echo "Line 2"
        ```{{copy}}
        """,
        """
        ```sh {.stepwise-copy .no-copy}
        echo "Line 1"

        echo "Line 2"
        ```
        """,
    ),
    (
        "spaces inside the marker",
        """
        ```
        ls
        ```{{ execute }}
        """,
        """
        ``` {.text .stepwise-execute .no-copy}
        ls
        ```
        """,
    ),
    (
        "terminal with a trailing space",
        """
        ```
        ls
        ```{{execute T2 }}
        """,
        """
        ``` {.text .stepwise-execute .stepwise-terminal-2 .no-copy}
        ls
        ```
        """,
    ),
    (
        "modifiers in any order",
        """
        ```
        top
        ```{{execute interrupt T1}}
        """,
        """
        ``` {.text .stepwise-execute .stepwise-terminal-1 .stepwise-interrupt .no-copy}
        top
        ```
        """,
    ),
    (
        "host",
        """
        ```
        hostname
        ```{{execute HOST2}}
        """,
        """
        ``` {.text .stepwise-execute .stepwise-host-2 .no-copy}
        hostname
        ```
        """,
    ),
    (
        "killercoda exec interrupt, named language",
        """
        ```plain
        uname -r
        whoami
        ```{{exec interrupt}}
        """,
        """
        ```plain {.stepwise-execute .stepwise-interrupt .no-copy}
        uname -r
        whoami
        ```
        """,
    ),
    (
        "killercoda {{}} on a fence: not copyable",
        """
        ```
        secret
        ```{{}}
        """,
        """
        ``` {.text .no-copy}
        secret
        ```
        """,
    ),
    (
        "open",
        """
        ```
        app.js
        ```{{open}}
        """,
        """
        ``` {.text .stepwise-open .no-copy}
        app.js
        ```
        """,
    ),
    (
        "tildes",
        """
        ~~~bash
        ls
        ~~~{{execute}}
        """,
        """
        ~~~bash {.stepwise-execute .no-copy}
        ls
        ~~~
        """,
    ),
    (
        "longer closing fence (CommonMark) is cut to the opening fence's length",
        """
        ```
        ls
        `````{{execute}}
        """,
        """
        ``` {.text .stepwise-execute .no-copy}
        ls
        ```
        """,
    ),
    (
        "whitespace between fence and marker",
        """
        ```
        ls
        ```  {{execute}}  
        """,  # noqa: W291 - the trailing spaces are the point
        """
        ``` {.text .stepwise-execute .no-copy}
        ls
        ```    
        """,  # noqa: W291
    ),
    (
        "existing attributes and options",
        """
        ```bash title="setup.sh"
        ./setup.sh
        ```{{execute}}
        """,
        """
        ```bash {title="setup.sh" .stepwise-execute .no-copy}
        ./setup.sh
        ```
        """,
    ),
    (
        "fence in a list item (indented)",
        """
        1. Install:

            ```
            pip install x

            ```{{exec}}

        2. Next
        """,
        """
        1. Install:

            ``` {.text .stepwise-execute .no-copy}
            pip install x
            ```


        2. Next
        """,
    ),
    (
        "admonition",
        """
        !!! note

            ```
            ls
            ```{{execute}}
        """,
        """
        !!! note

            ``` {.text .stepwise-execute .no-copy}
            ls
            ```
        """,
    ),
    (
        "details",
        """
        ??? note "Solution"

            ```
            kubectl create namespace flower
            ```{{exec}}
        """,
        """
        ??? note "Solution"

            ``` {.text .stepwise-execute .no-copy}
            kubectl create namespace flower
            ```
        """,
    ),
    (
        "content tab",
        """
        === "Linux"

            ```
            ls
            ```{{execute}}
        """,
        """
        === "Linux"

            ``` {.text .stepwise-execute .no-copy}
            ls
            ```
        """,
    ),
    (
        "blockquote (blank lines stay inside: SuperFences would wrap a trailing `>` line)",
        """
        > ```
        > ls
        >
        > ```{{execute}}
        """,
        """
        > ``` {.text .stepwise-execute .no-copy}
        > ls
        >
        > ```
        """,
    ),
    (
        "a longer fence shows marker source verbatim",
        """
        ````markdown
        ```
        ls
        ```{{execute}}
        ````
        """,
        """
        ````markdown
        ```
        ls
        ```{{execute}}
        ````
        """,
    ),
    (
        "a tilde fence shows backtick marker source verbatim",
        """
        ~~~
        ```
        ls
        ```{{execute}}
        ~~~
        """,
        """
        ~~~
        ```
        ls
        ```{{execute}}
        ~~~
        """,
    ),
    (
        "an indented code block shows marker source verbatim",
        """
        Write this:

            ```
            ls
            ```{{execute}}

        Done.
        """,
        """
        Write this:

            ```
            ls
            ```{{execute}}

        Done.
        """,
    ),
    (
        "raw <pre> HTML shows marker source verbatim",
        """
        <pre>
        ```sh
        echo "Line 1"
        ```{{copy}}
        </pre>
        """,
        """
        <pre>
        ```sh
        echo "Line 1"
        ```{{copy}}
        </pre>
        """,
    ),
    (
        "inline markers are left to the inline processor",
        """
        Run `ls`{{execute}} and ``a `b` c``{{copy}}.
        """,
        """
        Run `ls`{{execute}} and ``a `b` c``{{copy}}.
        """,
    ),
    (
        "unmarked fences are untouched",
        """
        ```python
        print(1)
        ```
        """,
        """
        ```python
        print(1)
        ```
        """,
    ),
    (
        "two blocks in a row",
        """
        ```
        a
        ```{{execute T1}}
        ```
        b
        ```{{execute T2}}
        """,
        """
        ``` {.text .stepwise-execute .stepwise-terminal-1 .no-copy}
        a
        ```

        ``` {.text .stepwise-execute .stepwise-terminal-2 .no-copy}
        b
        ```
        """,
    ),
    (
        "prose touching a block is separated from it (else it shares the block's paragraph)",
        """
        You can install virtualenv using pip:
        ```
        pip install virtualenv
        ```{{execute}}
        (if you're not already logged in as root, prefix it with `sudo `.)
        """,
        """
        You can install virtualenv using pip:

        ``` {.text .stepwise-execute .no-copy}
        pip install virtualenv
        ```

        (if you're not already logged in as root, prefix it with `sudo `.)
        """,
    ),
    (
        "a fence continuing a paragraph gets no blank line before: it would become indented code",
        """
        Text:
            ```
            ls
            ```{{execute}}
        """,
        """
        Text:
            ``` {.text .stepwise-execute .no-copy}
            ls
            ```
        """,
    ),
    (
        "a blockquote keeps its blank lines inside, and text after still gets separated",
        """
        > ```
        > ls
        >
        > ```{{execute}}
        > Done.
        """,
        """
        > ``` {.text .stepwise-execute .no-copy}
        > ls
        >
        > ```
        >
        > Done.
        """,
    ),
    (
        "in a blockquote, the separator is a `>` line",
        """
        > Run:
        > ```
        > ls
        > ```{{execute}}
        > Done.
        """,
        """
        > Run:
        >
        > ``` {.text .stepwise-execute .no-copy}
        > ls
        > ```
        >
        > Done.
        """,
    ),
]


@pytest.mark.parametrize(("source", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rewrite(source: str, expected: str) -> None:
    result = rewrite_page(lines(source))
    assert result.lines == lines(expected)
    assert result.problems == []


@pytest.mark.parametrize("source", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_rewrite_is_idempotent(source: str) -> None:
    once = rewrite(lines(source))
    assert rewrite(once) == once


def test_rewrite_drops_only_markers() -> None:
    """What `rewrite` removes is exactly the markers (it only adds headers and blank lines)."""
    source = lines(
        """
        Intro
        ```sh
        ls

        ```{{execute T2 interrupt}}
        Outro `a`{{copy}}
        """
    )
    removed = "".join(source).replace(" ", "")
    kept = "".join(rewrite(source)).replace(" ", "")
    for added in ("{.stepwise-execute.stepwise-terminal-2.stepwise-interrupt.no-copy}",):
        kept = kept.replace(added, "", 1)
    assert kept == removed.replace("{{executeT2interrupt}}", "", 1)


@pytest.mark.parametrize(
    ("source", "problems"),
    [
        (
            """
            ````
            ls
            ```{{execute}}
            """,
            [Problem(1, "needs at least 4 '`' characters")],
        ),
        (
            """
            - item

                ```
                ls
            ```{{execute}}
            """,
            [Problem(3, "the marked fence on line 5")],
        ),
        (
            """
            text
            ```{{execute}}
            more
            """,
            [Problem(2, "closes no code fence")],
        ),
        (
            """
            ```
            ls
            ```{{execute T1 $x}}
            """,
            [Problem(3, "ignored marker modifiers: $x")],
        ),
    ],
)
def test_problems(source: str, problems: list[Problem]) -> None:
    result = rewrite_page(lines(source))
    assert [p.line for p in result.problems] == [p.line for p in problems]
    for found, expected in zip(result.problems, problems, strict=True):
        assert expected.message in found.message


def test_stray_marker_is_escaped_so_superfences_does_not_open_a_fence() -> None:
    result = rewrite_page(["text", "```{{execute}}", "more"])
    assert result.lines == ["text", "\\```{{execute}}", "more"]
    assert rewrite(result.lines) == result.lines


def test_unclosed_fence_without_markers_is_not_ours() -> None:
    result = rewrite_page(["```", "ls"])
    assert result.lines == ["```", "ls"]
    assert result.problems == []


def test_raw_pre_blocks_with_markers_are_reported_for_stashing() -> None:
    source = lines(
        """
        <pre>`echo`{{copy}}</pre>

        <pre class="file" data-filename="a.txt">
        no markers here
        </pre>

        <pre>
        `i`{{execute no-newline}}
        </pre>
        """
    )
    assert rewrite_page(source).marked_raw_blocks == [(0, 0), (6, 8)]


# --- properties over generated pages ---------------------------------------------------------

LINE_PARTS = [
    "",
    "    ",
    "> ",
    "- ",
    "1. ",
    "!!! note",
    '=== "Tab"',
    "text",
    "```",
    "````",
    "~~~",
    "```bash",
    "``` {.x}",
    "```{{execute}}",
    "```{{ exec T2 interrupt }}",
    "````{{copy}}",
    "~~~{{open}}",
    "```{{}}",
    "<pre>",
    "</pre>",
    "`ls`{{execute}}",
]
pages = st.lists(
    st.lists(st.sampled_from(LINE_PARTS), min_size=1, max_size=3).map("".join), max_size=25
)


def significant(text: str) -> str:
    """The characters `rewrite` promises to keep: all but markers, whitespace and fence runs."""
    return re.sub(r"\s|`|~", "", MARKER_RE.sub("", text))


def is_subsequence(needle: str, haystack: str) -> bool:
    characters = iter(haystack)
    return all(character in characters for character in needle)


@settings(max_examples=300, deadline=None)
@given(pages)
def test_rewrite_properties(page: list[str]) -> None:
    once = rewrite_page(page)
    assert rewrite(once.lines) == once.lines  # idempotent
    assert is_subsequence(significant("\n".join(page)), significant("\n".join(once.lines)))
    for first, last in once.marked_raw_blocks:
        assert once.lines[first].lstrip().lower().startswith("<pre")
        assert "</pre>" in once.lines[last].lower()
