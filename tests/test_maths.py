"""Math: the display-block spacing (pure), and Markdown -> HTML with arithmatex and prices."""

from __future__ import annotations

import markdown
import pytest

from mkdocs_stepwise.maths import (
    ARITHMATEX_CONFIG,
    MathsExtension,
    display_blocks_apart,
    is_price,
    unescape_markdown,
)


def test_display_blocks_get_blank_lines_where_text_touches_them() -> None:
    lines = ["ta có:", "$$", "x^2", "$$", "và", "$$y$$", "end"]
    assert display_blocks_apart(lines) == [
        "ta có:",
        "",
        "$$",
        "x^2",
        "$$",
        "",
        "và",
        "",
        "$$y$$",
        "",
        "end",
    ]


def test_code_and_unclosed_dollars_are_left_alone() -> None:
    lines = ["```sh", "echo $$", "x", "$$", "```", "costs $$ a lot", "text", "$$ never closed"]
    assert display_blocks_apart(lines) == lines


@pytest.mark.parametrize(
    ("text", "after", "price"),
    [
        ("$5 and $", "1", True),
        ("$50 a month, and a big one $", "4", True),
        ("$5-$", "1", True),
        ("$ n $", " ", False),
        ("$2^n$", ".", False),
        ("$x$", "", False),
        ("$$x$$", "1", False),
    ],
)
def test_prices(text: str, after: str, price: bool) -> None:
    assert is_price(text, after) is price


def test_math_written_for_a_markdown_first_renderer_is_unescaped() -> None:
    assert unescape_markdown(r"A\_{1, 1} & A\_{1, 2} \\cr") == r"A_{1, 1} & A_{1, 2} \cr"
    assert unescape_markdown(r"x_1 \\\\ x_2") == r"x_1 \\ x_2"
    # Plain TeX is left as it is: `\\` is a new line, `\{` a brace.
    assert unescape_markdown(r"a \\ b \{x\} \,") == r"a \\ b \{x\} \,"


def convert(text: str) -> str:
    return markdown.markdown(
        text,
        extensions=["pymdownx.superfences", "pymdownx.arithmatex", MathsExtension()],
        extension_configs={"pymdownx.arithmatex": ARITHMATEX_CONFIG},
    )


CASES = {
    "inline dollars": (
        "Let $x_i$ be *small*.",
        r'<p>Let <span class="arithmatex">\(x_i\)</span> be <em>small</em>.</p>',
    ),
    "round brackets": (r"So \(a + b\).", r'<p>So <span class="arithmatex">\(a + b\)</span>.</p>'),
    "square brackets": (r"\[ E = mc^2 \]", r'<div class="arithmatex">\[ E = mc^2 \]</div>'),
    "display under text": (
        "We have:\n$$\na = b\n$$\nso.",
        '<p>We have:</p>\n<div class="arithmatex">\\[\na = b\n\\]</div>\n<p>so.</p>',
    ),
    "prices": ("From $5-$10, or $20 and $30.", "<p>From $5-$10, or $20 and $30.</p>"),
    "a price range next to math": (
        "It costs $5-$10 when $n$ is 2.",
        r'<p>It costs $5-$10 when <span class="arithmatex">\(n\)</span> is 2.</p>',
    ),
    "display math inside text": (
        "So $$ P(A) < 1 $$. Or $$y$$",
        r'<p>So <span class="arithmatex">\[ P(A) &lt; 1 \]</span>. '
        r'Or <span class="arithmatex">\[y\]</span></p>',
    ),
    "spaces inside dollars": (
        "Let $ n \\in \\mathbb{N} $ be.",
        r'<p>Let <span class="arithmatex">\( n \in \mathbb{N} \)</span> be.</p>',
    ),
    "markdown-escaped math": (
        "$$\nA\\_{1} \\\\cr\n$$",
        '<div class="arithmatex">\\[\nA_{1} \\cr\n\\]</div>',
    ),
    "inline code": ("Run `echo $HOME $PATH`.", "<p>Run <code>echo $HOME $PATH</code>.</p>"),
}


@pytest.mark.parametrize("case", CASES)
def test_markdown_to_html(case: str) -> None:
    source, expected = CASES[case]
    assert convert(source) == expected
