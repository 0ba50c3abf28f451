"""Hostile input must cost time and space in proportion to its size.

Each case is measured at two sizes, and the test asserts the ratio, not a time: doubling the
input of a linear parser doubles its time (about 2), a quadratic one quadruples it (about 4).
The sizes are small so the suite stays fast; the best of five runs evens out a busy machine.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any

import markdown
import pytest

from mkdocs_stepwise.blog import Blog
from mkdocs_stepwise.frontmatter import FrontMatterError, split
from mkdocs_stepwise.plugin import StepwisePlugin
from mkdocs_stepwise.shortcodes.parser import parse

from .blog_support import TAGS_PAGE, WITH_TAGS
from .conftest import BuiltSite, build_site

# Linear is 2; quadratic is 4. Between them, with room for a noisy machine.
MAX_RATIO = 3.0

EXTENSIONS: list[Any] = [
    "attr_list",
    "md_in_html",
    "admonition",
    "pymdownx.superfences",
    "pymdownx.highlight",
    "toc",
    "mkdocs_stepwise.shortcodes",
    "mkdocs_stepwise.katacoda",
    "mkdocs_stepwise.execute",
    "mkdocs_stepwise.safe_links",
]


def growth(
    make: Callable[[int], str], run: Callable[[str], object], n: int, factor: int = 2
) -> float:
    """How much longer `run` takes on `make(factor * n)` than on `make(n)`.

    The two sizes take turns, so a burst of load elsewhere on the machine hits both alike;
    the best of five runs of each counts. A busy machine can still disturb one measurement,
    so it is taken up to three times and the lowest ratio counts: a quadratic parser never
    gets below the limit, a linear one only fails if every attempt was disturbed.
    """
    small, large = make(n), make(factor * n)
    ratios = []
    for _ in range(3):
        best = {small: float("inf"), large: float("inf")}
        gc.disable()
        try:
            for _ in range(5):
                for text in (small, large):
                    start = time.perf_counter()
                    run(text)
                    best[text] = min(best[text], time.perf_counter() - start)
        finally:
            gc.enable()
        ratios.append(best[large] / best[small])
        if ratios[-1] < 1.5 * factor:
            break  # clearly linear: no need to measure again
    return min(ratios)


def convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


PARSER_CASES: dict[str, tuple[Callable[[int], str], int]] = {
    "tabbed-codeblock tabs without an end": (
        lambda n: "{{< tabbed-codeblock t >}}\n" + "<!-- tab js -->\nx\n" * n,
        1000,
    ),
    "quiz questions": (lambda n: ">>Q1: what<<\n=== a\n" * n, 600),
    "<!-- toc --> repeated": (lambda n: "<!-- toc -->\n" * n, 3000),
    "{{</* repeated": (lambda n: "{{</* " * n, 4000),
    "unclosed highlight calls": (lambda n: "{{< highlight go >}}\n" * n, 3000),
    'unclosed <pre class="file">': (
        lambda n: '<pre class="file" data-filename="a.js">\n' * n,
        2500,
    ),
}


@pytest.mark.parametrize("case", PARSER_CASES)
def test_parsers_stay_linear(case, plugin_warnings):
    make, n = PARSER_CASES[case]
    ratio = growth(make, convert, n)
    plugin_warnings.clear()  # each case is reported many times; that is not the point here
    assert ratio < MAX_RATIO, f"{case}: doubling the input took {ratio:.1f}x as long"


def alias_bomb(levels: int) -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "---\ntitle: x\n" + "\n".join(lines) + f"\nshowMeta: *a{levels - 1}\n---\nBody\n"


def test_yaml_alias_bombs_are_refused_at_once():
    def read(text: str) -> object:
        with pytest.raises(FrontMatterError, match="expand to more than"):
            split(text)
        return None

    # 9**8 values at 8 levels, 9**16 at 16: refused as fast as they are read.
    ratio = growth(lambda levels: alias_bomb(levels), read, 8)
    assert ratio < MAX_RATIO


def post_with(name: str, tags: int, categories: int) -> str:
    tag_list = ", ".join(f"{name}-t{i}" for i in range(tags))
    category_list = ", ".join(f"{name}-c{i}" for i in range(categories))
    return (
        f"---\ntitle: {name}\ndate: 2024-01-01\ntags: [{tag_list}]\n"
        f"categories: [{category_list}]\n---\nBody.\n"
    )


@pytest.fixture(scope="module")
def crowded_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, Blog]:
    """Posts with many tags and categories, at two sizes (4x the tags, 2x the categories); and
    the build's blog, taken before the plugin lets go of it at shutdown."""
    blogs: list[Blog] = []
    let_go = StepwisePlugin._let_go

    def keep_blog(plugin: StepwisePlugin) -> None:
        assert plugin.blog is not None
        blogs.append(plugin.blog)
        let_go(plugin)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(StepwisePlugin, "_let_go", keep_blog)
        site = build_site(
            tmp_path_factory.mktemp("crowded"),
            {
                "index.md": "# Home\n\n<!-- stepwise:posts -->\n",
                "tags.md": TAGS_PAGE,
                "posts/small.md": post_with("small", 500, 20),
                "posts/large.md": post_with("large", 2000, 40),
            },
            config=WITH_TAGS,
        )
    return site, blogs[0]


def test_where_a_posts_tags_are_listed_is_found_in_linear_time(crowded_site):
    _, blog = crowded_site
    post_of = {500: "posts/small.md", 2000: "posts/large.md"}  # 500 and 2,000 tags
    ratio = growth(post_of.__getitem__, blog._tag_urls, 500, factor=4)
    assert len(blog._tag_urls("posts/large.md")) == 2000
    assert blog._tag_urls("posts/small.md")["small-t7"] == "tags/#tag:small-t7"
    # Four times the tags: about 4 when linear, 16 when quadratic (noise on a busy machine
    # needs the wider gap at these small times).
    assert ratio < 8


def test_a_card_shows_a_bounded_number_of_categories_and_tags(crowded_site):
    """A post is on the page of each of its categories: its card there must not list them all."""
    site, _ = crowded_site

    def card_size(category: str) -> int:
        page = site.html(f"categories/{category}/")
        card = page.select_one(".stepwise-post-card")
        assert card is not None
        return len(str(card))

    assert card_size("large-c0") / card_size("small-c0") < 1.2
    card = site.html("categories/large-c0/").select_one(".stepwise-post-card")
    assert len(card.select(".stepwise-post-card__meta a")) == 5 + 1
    assert "and 35 more" in card.get_text()
    assert len(card.select(".md-tag")) == 12 and "1988 more tags" in card.get_text()


# The shortcode parser alone, where the rest of a page's conversion would hide its share.
TOKENIZER_CASES: dict[str, tuple[Callable[[int], str], int]] = {
    "unclosed highlight calls": (lambda n: "{{< highlight go >}}\n" * n, 3000),
    "{{</* repeated": (lambda n: "{{</* " * n, 6000),
    "<!-- toc --> repeated": (lambda n: "<!-- toc -->\n" * n, 3000),
}


@pytest.mark.parametrize("case", TOKENIZER_CASES)
def test_the_shortcode_parser_stays_linear(case):
    make, n = TOKENIZER_CASES[case]
    # Four times the input: about 4 when linear, 16 when quadratic; these runs are short, so
    # the wider gap keeps a busy machine from deciding the result.
    ratio = growth(make, lambda text: parse(text, verbatim={"highlight"}), n, factor=4)
    assert ratio < 8, f"{case}: four times the input took {ratio:.1f}x as long"
