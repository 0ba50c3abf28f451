"""Converting Markdown with the shortcodes extension and the default site's extension set."""

from __future__ import annotations

import textwrap
from typing import Any

import markdown

from mkdocs_stepwise import pagecontext
from mkdocs_stepwise.shortcodes import ShortcodesExtension

# The default site's markdown_extensions (mkdocs.yml), toc with permalinks.
EXTENSIONS: list[Any] = [
    "attr_list",
    "md_in_html",
    "admonition",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
    "pymdownx.highlight",
    "toc",
]
EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {
    "pymdownx.tabbed": {"alternate_style": True},
    "toc": {"permalink": True},
}

PAGE = pagecontext.PageInfo("posts/post.md", "posts/post/")


def new_markdown(**options: Any) -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[*EXTENSIONS, ShortcodesExtension(**options)],
        extension_configs=EXTENSION_CONFIGS,
    )


def convert(source: str, page: pagecontext.PageInfo = PAGE, **options: Any) -> str:
    """`source` (dedented) to HTML, as the page `page`."""
    with pagecontext.converting(page):
        return new_markdown(**options).convert(textwrap.dedent(source).strip("\n"))


def preprocess(source: str, page: pagecontext.PageInfo = PAGE) -> str:
    """What the shortcodes preprocessor hands on to the next preprocessor."""
    md = new_markdown()
    with pagecontext.converting(page):
        lines = md.preprocessors["stepwise_shortcodes"].run(source.split("\n"))
    return "\n".join(lines)


def placeholder(index: int) -> str:
    """The htmlStash placeholder of the `index`-th stored HTML block."""
    return markdown.util.HTML_PLACEHOLDER % index


def html(text: str) -> str:
    """An expected HTML string written as an indented triple-quoted block."""
    return textwrap.dedent(text).strip("\n")
