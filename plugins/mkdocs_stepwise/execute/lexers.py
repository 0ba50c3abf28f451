"""One Pygments lexer per language for all of a Markdown instance's fences, as Sphinx does.

pymdownx's `Highlight` asks Pygments for a new lexer for every code block, and
`get_lexer_by_name` finds it by walking Pygments' table of several hundred lexers, checking
each one's aliases: about 90 µs for `text` (a fence without a language, the commonest kind in
tutorials), near the end of the table. At four fences a post that is a few percent of a cold
1,000-post build. A lexer holds only its options, and highlighting does not change it, so
SuperFences' preprocessor keeps the ones it made (`MarkedFencesPreprocessor.get_hl_settings`
hands SuperFences `reusing_lexers(Highlight)` as its highlighter class; SuperFences asks the
highlight extension for that class precisely so that it can be another one).

Only when the language alone decides the lexer: with `guess_lang`, a fence whose language
Pygments does not know is lexed by what its code looks like, and gets a lexer of its own.
"""

from __future__ import annotations

import functools
from typing import Any

from pymdownx.highlight import Highlight

Lexers = dict[tuple[str, bool], tuple[Any, str]]
"""`(language, stripnl)` → what `Highlight.get_lexer` returned: the lexer and its name."""


class _ReusingHighlight(Highlight):  # type: ignore[misc]
    """pymdownx's `Highlight`, taking its lexers from `lexers` when it can."""

    def __init__(self, *args: Any, lexers: Lexers, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lexers = lexers

    def get_lexer(self, src: str, language: str, inline: bool, stripnl: bool) -> tuple[Any, str]:
        guessing = self.guess_lang  # 0 (the default), True, "block" or "inline"
        if guessing is True or guessing == ("inline" if inline else "block"):
            # The code may decide (`Highlight.get_lexer`'s own test).
            return super().get_lexer(src, language, inline, stripnl)  # type: ignore[no-any-return]
        key = (language, stripnl)
        found = self.lexers.get(key)
        if found is None:
            found = self.lexers[key] = super().get_lexer(src, language, inline, stripnl)
        return found


def reusing_lexers(highlighter: Any) -> Any:
    """`highlighter` (a class SuperFences instantiates per block) sharing one lexer cache; a
    highlighter other than pymdownx's own is returned as it is."""
    if highlighter is not Highlight:
        return highlighter
    return functools.partial(_ReusingHighlight, lexers={})
