"""A Markdown extension that fails on purpose, for the crash-safety tests."""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor


class _Crash(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if any("CRASH-HERE" in line for line in lines):
            raise ZeroDivisionError("the extension broke on purpose")
        return lines


class CrashingExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_Crash(md), "crash", 100)


def makeExtension(**kwargs: Any) -> CrashingExtension:
    return CrashingExtension(**kwargs)
