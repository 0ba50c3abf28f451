"""Recognising xkcd comics in Markdown source: pure functions over strings.

Three forms name a comic:

- a link to the comic's page around its image, as the seed writes it:
  `[![alt](https://imgs.xkcd.com/comics/NAME.png)](https://xkcd.com/N/ "title text")`;
- the bare image, `![alt](https://imgs.xkcd.com/comics/NAME.png)`;
- a Hugo shortcode on its own line: `{{< xkcd 1987 >}}`, `{{% xkcd 1987 %}}`,
  `{{< xkcd num="1987" >}}`.

The first two are found in the element tree after Markdown parsed them (so code blocks and code
spans are never touched); the shortcode is rewritten before parsing. `references()` finds the
line of every comic in the source, so that warnings can name it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .comics import IMAGE_URL

COMIC_PAGE = re.compile(r"^https?://(?:www\.)?xkcd\.com/(?P<num>[1-9][0-9]{0,5})/?$", re.IGNORECASE)

SHORTCODE = re.compile(
    r"""^(?P<indent>[ \t]*)\{\{(?P<open>[<%])\s*xkcd\s+
        (?:num\s*=\s*)?(?P<quote>["']?)(?P<num>[1-9][0-9]{0,5})(?P=quote)
        \s*(?P<close>[>%])\}\}[ \t]*$""",
    re.VERBOSE,
)
_CLOSING = {"<": ">", "%": "%"}

_REFERENCE = re.compile(
    r"https?://(?:www\.)?xkcd\.com/(?P<num>[1-9][0-9]{0,5})/?(?![\w/.])"
    r"|https?://imgs\.xkcd\.com/comics/(?P<name>[A-Za-z0-9][A-Za-z0-9_.()\-]*\.(?:png|jpe?g|gif))",
    re.IGNORECASE,
)
_CODE_SPAN = re.compile(r"(`+).+?\1")

Reference = int | str
"""A comic number (from a page link), or an image file name (from an image URL)."""


@dataclass(frozen=True)
class Shortcode:
    """An `xkcd` shortcode line."""

    indent: str
    num: int


def comic_number(url: str) -> int | None:
    """N for `https://xkcd.com/N/` (http, `www.` and the trailing slash optional), else None."""
    match = COMIC_PAGE.match(url.strip())
    return int(match.group("num")) if match else None


def comic_image_name(url: str) -> str | None:
    """NAME.png for `https://imgs.xkcd.com/comics/NAME.png` (or http), else None."""
    match = IMAGE_URL.match(url.strip())
    return match.group("name") if match else None


def parse_shortcode(line: str) -> Shortcode | None:
    """The `xkcd` shortcode that makes up all of `line`, if it does."""
    match = SHORTCODE.match(line)
    if not match or _CLOSING[match.group("open")] != match.group("close"):
        return None
    return Shortcode(indent=match.group("indent"), num=int(match.group("num")))


def references(line: str) -> list[Reference]:
    """The comics `line` links or shows, in order, ignoring code spans."""
    found: list[Reference] = []
    for match in _REFERENCE.finditer(_CODE_SPAN.sub("", line)):
        found.append(int(match.group("num")) if match.group("num") else match.group("name"))
    return found
