"""Markdown extension `stepwise.maths`: TeX math (`$…$`, `$$…$$`, `\\(…\\)`, `\\[…\\]`), as in Hugo.

Tranquilpeak and most Hugo themes render TeX in the browser with KaTeX (or MathJax). Here,
`pymdownx.arithmatex` (in its `generic` mode) finds the math and keeps it away from Markdown, and
KaTeX, served from the site itself (`assets/stepwise/katex/`, MIT licence, version 0.16.22),
typesets it in the reader's browser. KaTeX is loaded only by pages that have math:
`assets/stepwise/maths.js`, a few lines on every page, looks for arithmatex's output and loads
KaTeX then (also after Material's instant navigation).

This extension adds what imported posts need on top of arithmatex:

- a `$$` display block written right under a line of text (`ta có:` then `$$`) gets the blank
  lines arithmatex needs to see a block, as Hugo's renderer did not need them; lines inside code
  fences are left alone (`fences.outside_fences`);
- `$$…$$` inside a line of text (`$$ P(A) $$.`) is display math there too, as KaTeX's
  auto-render shows it on Hugo sites;
- `$ n $`, with spaces inside, is math, as KaTeX's auto-render reads it;
- math written for a renderer that took Markdown's backslash escapes out before KaTeX saw it
  (Hugo's Blackfriday: `A\\_{1,1} \\\\cr`) gets them taken out here too, so KaTeX sees what it
  saw then (`A_{1,1} \\cr`); a block is taken to be written so when it escapes an underscore
  (`\\_`) or writes `\\\\cr` or `\\\\\\\\`, which TeX itself never needs;
- a dollar amount is not math: `$5-$10` and `$50 a month, and $400` stay text (a closing `$`
  followed by a digit, or an opening `$` followed by a digit and a closing `$` after a space).

Dollar signs in inline code and in code blocks are never math: code is taken out before.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from pymdownx.arithmatex import ArithmatexExtension

from ..fences import outside_fences, put_raw_fences_back
from ..prefilter import needs

__all__ = [
    "KATEX_DIR",
    "MathsExtension",
    "display_blocks_apart",
    "is_price",
    "makeExtension",
    "unescape_markdown",
]

KATEX_DIR = Path(__file__).parent / "katex"
ARITHMATEX = "pymdownx.arithmatex"
ARITHMATEX_CONFIG: dict[str, Any] = {"generic": True, "smart_dollar": False}
"""What `stepwise.maths` needs of arithmatex: plain `\\(…\\)` and `\\[…\\]` for KaTeX, and
`$ n $` with spaces inside read as math, as KaTeX's auto-render on Hugo sites reads it (prices
are told apart by `NoPricesPattern`)."""

# Before SuperFences (25) and the execute markers (27); after the list rewrite (27.5).
PREPROCESSOR_PRIORITY = 26.5
INLINE_PRIORITY = 189.9  # arithmatex's own
TREE_PRIORITY = 19
_DISPLAY_IN_TEXT = r"(?<!\\)\$\$(?!\$)((?:\\.|[^\\$\x02\x03])+?)\$\$"
_DISPLAY_OPEN = re.compile(r"^(?P<indent>[ \t]*)\$\$")


def display_blocks_apart(lines: list[str], md: Markdown | None = None) -> list[str]:
    """Blank lines around `$$ … $$` blocks that start a line, where text touches them."""
    outside = set(outside_fences(lines, md))
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        opening = _DISPLAY_OPEN.match(line) if index in outside else None
        if opening is None:
            out.append(line)
            index += 1
            continue
        end = _closing_line(lines, index, outside)
        if end is None:
            out.append(line)
            index += 1
            continue
        if out and out[-1].strip():
            out.append("")
        out.extend(lines[index : end + 1])
        if end + 1 < len(lines) and lines[end + 1].strip():
            out.append("")
        index = end + 1
    return out


def _closing_line(lines: list[str], start: int, outside: set[int]) -> int | None:
    """The line that closes the `$$` opened at the start of line `start`, if it ends a line."""
    rest = lines[start].lstrip(" \t")[2:]
    if "$$" in rest:
        return start if rest.rstrip().endswith("$$") else None
    for index in range(start + 1, len(lines)):
        if index not in outside or not lines[index].strip():
            return None  # math never spans a code fence or a blank line
        if "$$" in lines[index]:
            return index if lines[index].rstrip().endswith("$$") else None
    return None


class DisplayBlocksPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any("$$" in line for line in lines):
            return lines
        return display_blocks_apart(lines, self.md)


class NoPricesPattern(InlineProcessor):
    """Arithmatex's inline pattern, except where the closing `$` is followed by a digit."""

    def __init__(self, inner: InlineProcessor) -> None:
        super().__init__(inner.pattern, inner.md)
        # Every inline math match holds a `$` (dollar syntax) or `\(` (round syntax).
        self.compiled_re = needs(inner.compiled_re, "$", "\\(")
        self.inner = inner

    def handleMatch(  # type: ignore[override]  # Python-Markdown's stubs know only Pattern's
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | str | None, int | None, int | None]:
        if is_price(m.group(0), data[m.end() : m.end() + 1]):
            return None, None, None
        return self.inner.handleMatch(m, data)


def is_price(text: str, after: str) -> bool:
    """Whether `$…$` (and the character after it) is two amounts of money, not math.

    `$5 and $10` (a digit after the closing `$`) and `$50 a month, and $` (a digit after the
    opening `$`, a space before the closing one) are prices; `$ n $` and `$2^n$` are math.
    """
    if not text.startswith("$") or text.startswith("$$") or len(text) < 3:
        return False
    return after.isdigit() or (text[1].isdigit() and text[-2].isspace())


class DisplayInTextPattern(InlineProcessor):
    """`$$…$$` in the middle of text: display math, marked up as arithmatex marks up blocks."""

    def __init__(self, md: Markdown | None = None) -> None:
        super().__init__(_DISPLAY_IN_TEXT, md)
        self.compiled_re = needs(self.compiled_re, "$$")

    def handleMatch(  # type: ignore[override]  # Python-Markdown's stubs know only Pattern's
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | str | None, int | None, int | None]:
        element = etree.Element("span", {"class": "arithmatex"})
        element.text = AtomicString(f"\\[{m.group(1)}\\]")
        return element, m.start(0), m.end(0)


_MARKDOWN_ESCAPED = re.compile(r"\\_|\\\\cr\b|\\\\\\\\")
_BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape_markdown(tex: str) -> str:
    """TeX as a Markdown-first renderer handed it to KaTeX, if it was written for one."""
    if not _MARKDOWN_ESCAPED.search(tex):
        return tex
    return _BACKSLASH_ESCAPE.sub(r"\1", tex)


class MarkdownEscapesTreeprocessor(Treeprocessor):
    """Applies `unescape_markdown` to the TeX inside arithmatex's generic output."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            text = element.text
            if element.get("class") != "arithmatex" or not text or len(text) < 4:
                continue
            if text[:2] in {"\\(", "\\["} and text[-2:] in {"\\)", "\\]"}:
                inner = unescape_markdown(text[2:-2])
                element.text = AtomicString(text[:2] + inner + text[-2:])


class MathsExtension(Extension):
    """Python-Markdown extension `stepwise.maths` (adds arithmatex when it is missing)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        if "arithmatex-inline" not in md.inlinePatterns:
            ArithmatexExtension(**ARITHMATEX_CONFIG).extendMarkdown(md)
        md.preprocessors.register(
            DisplayBlocksPreprocessor(md), "stepwise_maths_blocks", PREPROCESSOR_PRIORITY
        )
        put_raw_fences_back(md)
        md.inlinePatterns.register(
            DisplayInTextPattern(md),
            "stepwise_maths_display",
            INLINE_PRIORITY + 0.05,
        )
        # After the inline patterns (20), which make the inline math elements.
        md.treeprocessors.register(
            MarkdownEscapesTreeprocessor(md), "stepwise_maths_escapes", TREE_PRIORITY
        )
        inline = md.inlinePatterns["arithmatex-inline"]
        if isinstance(inline, InlineProcessor):
            # Same name, same place: the wrapped pattern replaces arithmatex's own.
            wrapped = NoPricesPattern(inline)
            md.inlinePatterns.register(wrapped, "arithmatex-inline", INLINE_PRIORITY)


def makeExtension(**kwargs: Any) -> MathsExtension:
    return MathsExtension(**kwargs)
