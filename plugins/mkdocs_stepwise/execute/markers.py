"""Katacoda and Killercoda action markers: `{{execute T2}}`, `{{exec interrupt}}`, `{{copy}}`, ...

A marker sits right after a closing code fence or an inline code span and says what a click on
that code does. This module only parses marker text and names the CSS classes that carry a
marker's meaning into the HTML; finding markers in a page is `fences`' job (closing fences)
and `inline`'s (code spans).

The meaning travels as CSS classes rather than `data-*` attributes because SuperFences drops
attributes other than classes from a fence header when `attr_list` is not enabled, and the
extension must work in both configurations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

# `{{execute T1 interrupt}}`, `{{ execute }}`, `{{exec}}`, `{{copy}}`, `{{open}}`, `{{}}`.
# The modifiers are kept loose here (any non-brace words) and sorted out by `parse_marker`.
MARKER_PATTERN = (
    # The modifiers end on a non-blank: a lazy `[^{}\n]*?` before `[ \t]*` was quadratic in a
    # run of blanks with no `}}` after it.
    r"\{\{[ \t]*(?:(?P<action>execute|exec|copy|open)\b"
    r"(?P<modifiers>(?:[ \t]*[^{}\n \t])*))?[ \t]*\}\}"
)
MARKER_RE = re.compile(MARKER_PATTERN, re.IGNORECASE)

_TERMINAL_RE = re.compile(r"T(?P<number>[1-9][0-9]?)", re.IGNORECASE)
_HOST_RE = re.compile(r"HOST(?P<number>[1-9][0-9]?)", re.IGNORECASE)
# A free modifier becomes a CSS class, so it must be a plain class name.
_CLASS_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")

CLASS_PREFIX = "stepwise"
NO_COPY_CLASS = "no-copy"
"""Material adds no copy button to code inside `.no-copy`; our script adds exactly one instead."""


_NUMBERED_CLASS_RE = re.compile(rf"{CLASS_PREFIX}-(?P<kind>terminal|host)-(?P<number>[0-9]+)")


class Action(Enum):
    """What clicking the code does."""

    EXECUTE = "execute"
    """Run it in a terminal; on this site: copy it, to paste into the reader's terminal."""
    COPY = "copy"
    """Copy it to the clipboard."""
    OPEN = "open"
    """Open the named file (Katacoda's editor); on this site: show the path as a chip."""
    NONE = "none"
    """Killercoda's `{{}}`: plain code that is deliberately not copyable."""


@dataclass(frozen=True)
class Marker:
    """A parsed marker."""

    action: Action
    terminal: int | None = None
    host: int | None = None
    interrupt: bool = False
    ctrl_seq: bool = False
    no_newline: bool = False
    no_check: bool = False
    """`no-check`: `stepwise check` skips this command; readers see nothing different."""
    extra_classes: tuple[str, ...] = ()

    def css_classes(self) -> list[str]:
        """The classes that carry this marker into the HTML, in a stable order."""
        if self.action is Action.NONE:
            return [NO_COPY_CLASS]
        classes = [f"{CLASS_PREFIX}-{self.action.value}"]
        if self.terminal is not None:
            classes.append(f"{CLASS_PREFIX}-terminal-{self.terminal}")
        if self.host is not None:
            classes.append(f"{CLASS_PREFIX}-host-{self.host}")
        if self.interrupt:
            classes.append(f"{CLASS_PREFIX}-interrupt")
        if self.ctrl_seq:
            classes.append(f"{CLASS_PREFIX}-ctrl-seq")
        if self.no_newline:
            classes.append(f"{CLASS_PREFIX}-no-newline")
        if self.no_check:
            classes.append(f"{CLASS_PREFIX}-no-check")
        classes.extend(self.extra_classes)
        return classes

    @classmethod
    def from_classes(cls, classes: Iterable[str]) -> Marker | None:
        """The marker `css_classes` gave these classes, free modifiers aside; None when they carry
        no action. The page's command reader finds only the classes: this is the one place that
        reads them back."""
        names = set(classes)
        action = next(
            (a for a in Action if a is not Action.NONE and f"{CLASS_PREFIX}-{a.value}" in names),
            None,
        )
        if action is None:
            # An author's own `.no-copy` on an execute block does not make it a `{{}}`.
            return cls(Action.NONE) if NO_COPY_CLASS in names else None
        numbers: dict[str, int] = {}
        for name in names:
            if found := _NUMBERED_CLASS_RE.fullmatch(name):
                numbers.setdefault(found["kind"], int(found["number"]))
        return cls(
            action,
            terminal=numbers.get("terminal"),
            host=numbers.get("host"),
            interrupt=f"{CLASS_PREFIX}-interrupt" in names,
            ctrl_seq=f"{CLASS_PREFIX}-ctrl-seq" in names,
            no_newline=f"{CLASS_PREFIX}-no-newline" in names,
            no_check=f"{CLASS_PREFIX}-no-check" in names,
        )


@dataclass(frozen=True)
class ParsedMarker:
    """A marker and the modifiers that could not be used (reported to the author)."""

    marker: Marker
    ignored: tuple[str, ...] = ()


def parse_marker(text: str) -> ParsedMarker | None:
    """Parse one whole marker such as `{{execute T2 interrupt}}`; None if `text` is not one."""
    match = MARKER_RE.fullmatch(text.strip())
    if match is None:
        return None
    return marker_from_match(match)


def marker_from_match(match: re.Match[str]) -> ParsedMarker:
    """The marker that a match of `MARKER_RE` (or a pattern embedding it) spells."""
    action_word = (match.group("action") or "").lower()
    if not action_word:
        return ParsedMarker(Marker(Action.NONE))
    action = Action.EXECUTE if action_word in ("execute", "exec") else Action(action_word)
    terminal: int | None = None
    host: int | None = None
    flags: set[str] = set()
    extra: list[str] = []
    ignored: list[str] = []
    for word in (match.group("modifiers") or "").split():
        lowered = word.lower()
        if (found := _TERMINAL_RE.fullmatch(word)) is not None:
            terminal = int(found["number"])
        elif (found := _HOST_RE.fullmatch(word)) is not None:
            host = int(found["number"])
        elif lowered in ("interrupt", "ctrl-seq", "no-newline", "no-check"):
            flags.add(lowered)
        elif _CLASS_NAME_RE.fullmatch(word) and word not in extra:
            extra.append(word)
        else:
            ignored.append(word)
    marker = Marker(
        action=action,
        terminal=terminal,
        host=host,
        interrupt="interrupt" in flags,
        ctrl_seq="ctrl-seq" in flags,
        no_newline="no-newline" in flags,
        no_check="no-check" in flags,
        extra_classes=tuple(extra),
    )
    return ParsedMarker(marker, tuple(ignored))
