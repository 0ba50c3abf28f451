"""Katacoda/Killercoda executable code: `{{execute}}`, `{{exec}}`, `{{copy}}`, `{{open}}`, `{{}}`.

A thin Python-Markdown extension over the parts:

- `fences` puts a subclass of SuperFences' block preprocessor in the place of SuperFences' own,
  so that a fence closed with a marker is a SuperFences block with the marker's classes;
- `inline` turns marked code spans into `<code class="stepwise-execute ...">`;
- `commands.commands_from_html` reads the commands back out of rendered HTML.

`assets/execute.js` and `assets/execute.css` make the marked code clickable in the browser.
SuperFences is required: used standalone (`markdown_extensions: [stepwise.execute]`), the
extension registers `pymdownx.superfences` itself when the list does not name it before.
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from ..pagecontext import PageHolder
from ..problems import Problem
from .commands import commands_from_html
from .fences import MarkedFencesPreprocessor, install
from .inline import BRACED_PRIORITY, BracedCodeInlineProcessor, MarkedCodeInlineProcessor
from .inline import PRIORITY as INLINE_PRIORITY

__all__ = ["ExecuteExtension", "commands_from_html", "makeExtension"]

CHECK_PRIORITY = 25.5
"""Just before SuperFences (25): checks that the marked-fence reader is the one that runs."""


class SuperFencesOrderCheck(Preprocessor):
    """Fails clearly when `pymdownx.superfences` was registered after this extension (it then
    replaced our reader with its own, and every marked fence would swallow the page)."""

    def run(self, lines: list[str]) -> list[str]:
        if not isinstance(self.md.preprocessors["fenced_code_block"], MarkedFencesPreprocessor):
            raise RuntimeError(
                "stepwise.execute must come after pymdownx.superfences in markdown_extensions"
            )
        return lines


class ExecuteExtension(Extension):
    """Python-Markdown extension `stepwise.execute`."""

    def __init__(self, pages: PageHolder | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pages = pages or PageHolder()
        """The page being converted, which the plugin hands over."""

    def report(self, problem: Problem) -> None:
        self.pages.warn(problem.message, problem.line)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        if not install(md, self.report):
            md.registerExtensions(["pymdownx.superfences"], {})
            install(md, self.report)
        md.preprocessors.register(SuperFencesOrderCheck(md), "stepwise_execute", CHECK_PRIORITY)
        md.inlinePatterns.register(
            MarkedCodeInlineProcessor(self.pages), "stepwise_execute_code", INLINE_PRIORITY
        )
        md.inlinePatterns.register(
            BracedCodeInlineProcessor(), "stepwise_braced_code", BRACED_PRIORITY
        )


def makeExtension(**kwargs: Any) -> ExecuteExtension:
    """Entry point for `markdown_extensions: [mkdocs_stepwise.execute]`."""
    return ExecuteExtension(**kwargs)
