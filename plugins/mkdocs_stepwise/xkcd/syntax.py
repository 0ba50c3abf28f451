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

_FENCE_OPEN = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
# A Katacoda marker after a closing fence (```{{execute}}) still closes it for our purposes: the
# execute extension, which runs after this one, turns it into a proper fence.
_FENCE_CLOSE_REST = re.compile(r"^[ \t]*(?:\{\{[^{}]*\}\})?[ \t]*$")

_CONTAINER = re.compile(r"^[ \t]*(?:[-*+]|[0-9]+[.)]|!!!|\?\?\?\+?|===\+?|>)(?:[ \t]|$)")

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


def code_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it is code: in a fenced block, or an indented code block."""
    fenced = fenced_lines(lines)
    return [fenced[index] or _indented_code(lines, index, fenced) for index in range(len(lines))]


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _indented_code(lines: list[str], index: int, fenced: list[bool]) -> bool:
    """Whether an indented line is code rather than the content of a list item or admonition.

    An approximation of what the block parser will decide: a line indented by four or more
    is code when it follows a blank line and the closest less-indented line above it does not
    open a container (list item, admonition, details, content tab, block quote).
    """
    indent = _indent(lines[index])
    if indent < 4 or not lines[index].strip():
        return False
    previous = index - 1
    while previous >= 0 and lines[previous].strip() and _indent(lines[previous]) >= 4:
        previous -= 1  # the earlier lines of the same indented block
    if previous >= 0 and lines[previous].strip():
        return False  # a paragraph's continuation line, not code
    for above in range(previous, -1, -1):
        if lines[above].strip() and not fenced[above] and _indent(lines[above]) < indent:
            return not _CONTAINER.match(lines[above])
    return True


def fenced_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block (fence lines included).

    CommonMark rules: a fence closes with the same character, at least as many times, and
    nothing else on the line; a backtick fence's info string cannot contain a backtick. So a
    four-backtick fence that shows a three-backtick example stays one block.
    """
    inside: list[bool] = []
    fence: str | None = None
    for line in lines:
        match = _FENCE_OPEN.match(line)
        if fence is None:
            if match and not (match.group("fence")[0] == "`" and "`" in match.group("info")):
                fence = match.group("fence")
                inside.append(True)
            else:
                inside.append(False)
            continue
        inside.append(True)
        if (
            match
            and match.group("fence")[0] == fence[0]
            and len(match.group("fence")) >= len(fence)
            and _FENCE_CLOSE_REST.match(match.group("info"))
        ):
            fence = None
    return inside
