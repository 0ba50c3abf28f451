"""What the cache keeps of a converted page, as plain values (the store refuses classes).

`Converted` is everything MkDocs' `Page.render` leaves on a page and everything the plugin's
extensions hand on from it, so that restoring it is indistinguishable from converting again:

- the page's HTML, table of contents, title (from its first heading) and anchors, and the links
  to other pages' anchors MkDocs checks once every page is converted;
- the messages the conversion logged (a dead link warns on every build, cached or not);
- the facts listings and scripts take from the page (teaser, reading time, commands);
- the xkcd images the page self-hosts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..catalogue import Rendered
from ..execute.commands import Command, FileBlock

LogLine = tuple[str, int, str]
"""(logger name, level, message)"""


@dataclass
class Converted:
    content: str
    toc: list[Any]
    title: str | None
    anchors: list[str]
    links_to_anchors: dict[str, dict[str, str]] | None
    logs: list[LogLine] = field(default_factory=list)
    rendered: Rendered | None = None
    images: dict[str, str] = field(default_factory=dict)

    def to_plain(self) -> dict[str, Any]:
        return {
            "content": self.content,
            "toc": self.toc,
            "title": self.title,
            "anchors": self.anchors,
            "links_to_anchors": self.links_to_anchors,
            "logs": [list(line) for line in self.logs],
            "rendered": _rendered_to_plain(self.rendered) if self.rendered else None,
            "images": self.images,
        }

    @classmethod
    def from_plain(cls, value: Any) -> Converted:
        """Raises (TypeError, ValueError, KeyError) on anything but what `to_plain` wrote."""
        if not isinstance(value, dict):
            raise TypeError("not a mapping")
        content, title = value["content"], value["title"]
        if not isinstance(content, str) or not isinstance(title, str | None):
            raise TypeError("content or title")
        anchors = [_str(anchor) for anchor in value["anchors"]]
        links = value["links_to_anchors"]
        if links is not None:
            links = {
                _str(uri): {_str(a): _str(b) for a, b in found.items()}
                for uri, found in links.items()
            }
        logs = [(_str(name), _int(level), _str(text)) for name, level, text in value["logs"]]
        rendered = value["rendered"]
        return cls(
            content=content,
            toc=_toc(value["toc"]),
            title=title,
            anchors=anchors,
            links_to_anchors=links,
            logs=logs,
            rendered=_rendered_from_plain(rendered) if rendered is not None else None,
            images={_str(a): _str(b) for a, b in value["images"].items()},
        )


def _rendered_to_plain(rendered: Rendered) -> list[Any]:
    steps: list[list[Any]] = []
    for step in rendered.steps:
        if isinstance(step, Command):
            steps.append(["command", step.text, sorted(step.classes), step.inline])
        else:
            steps.append(["file", step.filename, step.target, step.marker, step.text])
    return [rendered.teaser, rendered.minutes, list(rendered.commands), steps]


def _rendered_from_plain(value: Any) -> Rendered:
    teaser, minutes, commands, plain_steps = value
    steps: list[Command | FileBlock] = []
    for step in plain_steps:
        if step[0] == "command":
            _, text, classes, inline = step
            steps.append(Command(_str(text), frozenset(map(_str, classes)), bool(inline)))
        elif step[0] == "file":
            _, filename, target, marker, text = step
            steps.append(
                FileBlock(
                    _str(filename),
                    _str(target),
                    None if marker is None else _str(marker),
                    _str(text),
                )
            )
        else:
            raise ValueError(f"unknown step {step[0]!r}")
    return Rendered(_str(teaser), _int(minutes), [_str(c) for c in commands], steps)


def _toc(value: Any) -> list[Any]:
    return [[_str(t), _str(i), _int(level), _toc(children)] for t, i, level, children in value]


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {type(value).__name__}")
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected a number, found {type(value).__name__}")
    return value
