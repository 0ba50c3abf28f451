"""Katacoda/Killercoda executable code: `{{execute}}`, `{{exec}}`, `{{copy}}`, `{{open}}`, `{{}}`.

A thin Python-Markdown extension over the pure parts:

- `rewrite.rewrite` turns fences closed with a marker into SuperFences headers with
  classes (a preprocessor at priority 27: after snippets (32) and whitespace normalisation (30),
  before SuperFences (25));
- `inline` turns marked code spans into `<code class="stepwise-execute ...">`;
- `commands.commands_from_html` reads the commands back out of rendered HTML.

`assets/execute.js` and `assets/execute.css` make the marked code clickable in the browser.
Use it standalone as `markdown_extensions: [stepwise.execute]` (with `pymdownx.superfences`).
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from ..pagecontext import warn
from .commands import commands_from_html
from .inline import BRACED_PRIORITY, BracedCodeInlineProcessor, MarkedCodeInlineProcessor
from .inline import PRIORITY as INLINE_PRIORITY
from .rewrite import rewrite, rewrite_page

__all__ = ["ExecuteExtension", "commands_from_html", "makeExtension", "rewrite"]

PREPROCESSOR_PRIORITY = 27


class ExecutePreprocessor(Preprocessor):
    """Rewrites marked fences, reports problems, and shields raw `<pre>` examples."""

    def run(self, lines: list[str]) -> list[str]:
        result = rewrite_page(lines)
        for problem in result.problems:
            warn(problem.message, line=problem.line)
        rewritten = result.lines
        # A raw `<pre>` block that holds marker text or a line SuperFences would open a fence on
        # stays raw HTML for Python-Markdown, but SuperFences runs first and, knowing no HTML,
        # would pair a fence inside it with one outside. Stash the block now, exactly as
        # Python-Markdown's raw HTML handling would later.
        for first, last in reversed(result.marked_raw_blocks):
            placeholder = self.md.htmlStash.store("\n".join(rewritten[first : last + 1]))
            rewritten[first : last + 1] = ["", placeholder, ""]
        return rewritten


class ExecuteExtension(Extension):
    """Python-Markdown extension `stepwise.execute`."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(
            ExecutePreprocessor(md), "stepwise_execute", PREPROCESSOR_PRIORITY
        )
        md.inlinePatterns.register(
            MarkedCodeInlineProcessor(), "stepwise_execute_code", INLINE_PRIORITY
        )
        md.inlinePatterns.register(
            BracedCodeInlineProcessor(), "stepwise_braced_code", BRACED_PRIORITY
        )


def makeExtension(**kwargs: Any) -> ExecuteExtension:
    """Entry point for `markdown_extensions: [mkdocs_stepwise.execute]`."""
    return ExecuteExtension(**kwargs)
