"""Which front matter keys reach MkDocs and Material, and in what shape.

Material prints some `page.meta` values straight into HTML (MkDocs' Jinja environment does not
autoescape: `<meta name="author" content="{{ page.meta.author }}">`), includes a file named by
another (`{% include ".icons/" ~ page.meta.icon ~ ".svg" %}`), and MkDocs loads the template
`page.meta.template` names. Hugo front matter uses some of the same names for other things
(`icon = "🗞️"` is an emoji in Hugo), so a value that is harmless in Hugo can inject markup or
crash the build here.

Every key MkDocs or Material reads is in `KEYS`, with what it must look like; a value that does
not fit is reported (file, line, key) and dropped, never passed on. Keys neither of them reads
pass through untouched: other plugins may read them, and `tests/test_material_keys.py` walks
Material's templates so that a key Material starts to read is noticed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from .metadata import Problem

# Material's `hide:` understands these parts of a page.
HIDE_PARTS = frozenset({"navigation", "toc", "footer", "feedback", "path", "tags"})
# Material's icon names: `material/newspaper`, `fontawesome/solid/book`, `simple/python`.
_ICON_NAME = re.compile(r"[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)+")
# `status` becomes part of a class attribute (`md-status--new`).
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,40}")
_TEMPLATE_NAME = re.compile(r"[\w-]+(?:/[\w-]+)*\.html")
_SAFE_LOCATION = re.compile(r"(?:https?://|/|\.\.?/|[\w-])[^\s\"'<>\\`]*")
# Emoji are symbols, plus the joiners and variation selectors that combine them.
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_EMOJI_CATEGORIES = {"So", "Sk", "Mn", "Me", "Cf"}
_EMOJI_MAX_CHARS = 16
EMOJI_ICON_DIR = "stepwise-emoji"

# `config.extra.*`: the site's own mkdocs.yml, written by the site's owner, not by a post.
SITE_CONFIG_KEYS = frozenset(
    {
        "alternate",
        "analytics",
        "annotate",
        "consent",
        "generator",
        "homepage",
        "polyfills",
        "scope",
        "social",
        "status",
        "tags",
        "version",
    }
)


@dataclass
class Checked:
    """A page's front matter as Material may see it, and what was wrong."""

    meta: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)


@dataclass
class MaterialKeys:
    """Checks a post's front matter against what MkDocs and Material can use.

    `theme_dirs` are searched for templates and `.icons/`; `statuses` are the site's
    `extra.status` names. Emoji icons found on the way are collected in `emoji_icons`
    (template name -> SVG source) for the Jinja loader.
    """

    theme_dirs: list[str] = field(default_factory=list)
    emoji_icons: dict[str, str] = field(default_factory=dict)

    def check(self, data: Mapping[str, Any], key_lines: Mapping[str, int]) -> Checked:
        checked = Checked({})
        for key, value in data.items():
            rule = KEYS.get(key.lower())
            if rule is None:
                checked.meta[key] = value
                continue
            try:
                result = rule(self, value)
            except _Refused as refused:
                line = key_lines.get(key.lower())
                checked.problems.append(Problem(f"'{key}' {refused.reason}; ignored", key, line))
                continue
            if result is not None:
                checked.meta[key.lower()] = result
        return checked

    # --- rules ----------------------------------------------------------------------------

    def normalised_elsewhere(self, value: Any) -> None:
        """`metadata.py` checks these and `Catalogue.material_meta` sets them, escaped."""
        return None

    def text(self, value: Any) -> str:
        if isinstance(value, list) and value and all(_is_scalar(item) for item in value):
            return escape(", ".join(str(item) for item in value))
        if not _is_scalar(value):
            raise _Refused(f"should be text, not {_describe(value)}")
        return escape(str(value))

    def hide(self, value: Any) -> list[str]:
        items = value if isinstance(value, list) else [value]
        unknown = [item for item in items if not (isinstance(item, str) and item in HIDE_PARTS)]
        if unknown:
            known = ", ".join(sorted(HIDE_PARTS))
            raise _Refused(f"lists {_describe(unknown[0])}, not one of {known}")
        return [str(item) for item in items]

    def icon(self, value: Any) -> str:
        if not isinstance(value, str):
            raise _Refused(f"should be an icon name, not {_describe(value)}")
        name = value.strip()
        if _ICON_NAME.fullmatch(name):
            if any(Path(d, ".icons", name + ".svg").is_file() for d in self.theme_dirs):
                return name
            raise _Refused(f"names no icon Material has: {_describe(value)}")
        if _is_emoji(name):
            # Hugo themes print `icon` as text: show the emoji where Material shows icons.
            icon = f"{EMOJI_ICON_DIR}/" + "-".join(f"{ord(char):x}" for char in name)
            self.emoji_icons[f".icons/{icon}.svg"] = emoji_svg(name)
            return icon
        raise _Refused(
            f"is neither an icon name (material/newspaper) nor an emoji: {_describe(value)}"
        )

    def status(self, value: Any) -> str:
        if isinstance(value, str) and _TOKEN.fullmatch(value):
            return value
        raise _Refused(f"should be a status name such as new or deprecated, not {_describe(value)}")

    def template(self, value: Any) -> str:
        if not isinstance(value, str) or not _TEMPLATE_NAME.fullmatch(value):
            raise _Refused(f"should name a template such as main.html, not {_describe(value)}")
        if not any(Path(d, value).is_file() for d in self.theme_dirs):
            raise _Refused(f"names a template the theme does not have: {_describe(value)}")
        return value

    def search(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, Mapping):
            raise _Refused(f"should be a set of keys (exclude, boost), not {_describe(value)}")
        result: dict[str, Any] = {}
        for key, item in value.items():
            usable = (key == "exclude" and isinstance(item, bool)) or (
                key == "boost" and _is_number(item)
            )
            if not usable:
                raise _Refused(
                    f"has {key}: {_describe(item)}; "
                    "only exclude: true/false and boost: a number work"
                )
            result[key] = item
        return result

    def settings(self, value: Any) -> dict[str, Any]:
        """A set of plain settings (Material's social plugin reads `social: {cards: false}`)."""
        if isinstance(value, Mapping) and all(
            _is_scalar(item) or isinstance(item, bool) for item in value.values()
        ):
            return {str(key): item for key, item in value.items()}
        raise _Refused(f"should be a set of plain settings, not {_describe(value)}")

    def flag(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise _Refused(f"should be true or false, not {_describe(value)}")
        return value

    def location(self, value: Any) -> str:
        if isinstance(value, str) and _SAFE_LOCATION.fullmatch(value):
            scheme = _SCHEME.match(value)
            if scheme is None or scheme.group(1).lower() in {"http", "https"}:
                return value
        raise _Refused(f"should be an http(s) URL or a path, not {_describe(value)}")


class _Refused(ValueError):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# Lower-cased key -> the rule its value must pass. `title`, `description`, `tags` and
# `keywords` are replaced by the normalised, escaped values in `Catalogue.material_meta`; they
# are listed so that the table names every key Material reads.
KEYS: dict[str, Callable[[MaterialKeys, Any], Any]] = {
    "title": MaterialKeys.normalised_elsewhere,
    "description": MaterialKeys.normalised_elsewhere,
    "tags": MaterialKeys.normalised_elsewhere,
    "keywords": MaterialKeys.normalised_elsewhere,
    "author": MaterialKeys.text,
    "subtitle": MaterialKeys.text,
    "revision_date": MaterialKeys.text,
    "git_revision_date_localized": MaterialKeys.text,
    "git_creation_date_localized": MaterialKeys.text,
    "hide": MaterialKeys.hide,
    "icon": MaterialKeys.icon,
    "status": MaterialKeys.status,
    "template": MaterialKeys.template,
    "search": MaterialKeys.search,
    "social": MaterialKeys.settings,
    "comments": MaterialKeys.flag,
    "location": MaterialKeys.location,
}


def emoji_svg(emoji: str) -> str:
    """An icon-sized SVG that shows `emoji` as text, for Material's icon slots."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" role="img" '
        f'aria-label="{escape(emoji)}"><text x="12" y="13" font-size="18" '
        f'text-anchor="middle" dominant-baseline="middle">{escape(emoji)}</text></svg>'
    )


def _is_emoji(text: str) -> bool:
    return (
        0 < len(text) <= _EMOJI_MAX_CHARS
        and any(unicodedata.category(char) == "So" for char in text)
        and all(
            unicodedata.category(char) in _EMOJI_CATEGORIES or char == "\u200d" for char in text
        )
    )


def _is_scalar(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    # `.nan` / `.inf` would reach search_index.json as NaN / Infinity, which is not JSON.
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _describe(value: Any) -> str:
    if isinstance(value, dict | Mapping):
        return "a set of keys"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def known_keys() -> Iterable[str]:
    """Every `page.meta` key this table decides about."""
    return KEYS.keys()
