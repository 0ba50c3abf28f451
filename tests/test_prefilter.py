"""Inline patterns skipped on text without their needles find exactly what they found before."""

from __future__ import annotations

import markdown
import pytest

from mkdocs_stepwise.maths import ARITHMATEX_CONFIG
from mkdocs_stepwise.prefilter import Prefiltered

TEXTS = [
    "no math here at all",
    "a price of $5 and $10",
    r"inline $x^2$ and \(y\) and \\\\$z$",
    r"escaped \$ dollar, backslashes \\\\\(a\) before round",
    "`ls`{{execute}} and `x`{{frobnicate}} and {{ braces }} alone",
    "$$ display $$ in text",
]


@pytest.mark.parametrize("name", ["arithmatex-inline", "stepwise_execute_code"])
def test_prefiltered_patterns_find_what_the_pattern_finds(name):
    md = markdown.Markdown(
        extensions=["pymdownx.arithmatex", "mkdocs_stepwise.maths", "mkdocs_stepwise.execute"],
        extension_configs={"pymdownx.arithmatex": ARITHMATEX_CONFIG},
    )
    prefiltered = md.inlinePatterns[name].getCompiledRegExp()
    assert isinstance(prefiltered, Prefiltered)
    found_any = False
    for text in TEXTS:
        for pos in range(len(text) + 1):
            ours = [m.span() for m in prefiltered.finditer(text, pos)]
            assert ours == [m.span() for m in prefiltered.pattern.finditer(text, pos)]
            found_any = found_any or bool(ours)
    assert found_any
