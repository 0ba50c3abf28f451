"""The files a Hugo import will write, and the pages among them as the plugin will read them."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..posts import Post
from .writer import Output


@dataclass
class Plan:
    outputs: dict[str, Output] = field(default_factory=dict)
    """docs-relative target -> output."""
    origin: dict[str, str] = field(default_factory=dict)
    """docs-relative target -> source-relative file."""
    posts: dict[str, Post] = field(default_factory=dict)
    """docs-relative Markdown target -> the post as the plugin will read it."""
    translations: list[str] = field(default_factory=list)

    def add(self, target: str, output: Output, origin: str) -> None:
        self.outputs[target] = output
        self.origin[target] = origin

    def exists(self, target: str) -> bool:
        return target in self.outputs
