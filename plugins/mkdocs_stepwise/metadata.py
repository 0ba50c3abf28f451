"""Normalise Hugo-style front matter into one typed model, `PostMeta`.

Hugo looks keys up case-insensitively, accepts aliases for its dates, and treats every key it
does not reserve as a theme parameter (that is how Tranquilpeak reads `coverImage`). This module
does the same, and reports every value it cannot use as a `Problem` naming the key and its line,
instead of guessing silently or failing the build.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from .frontmatter import FrontMatter
from .problems import Problem as Problem  # re-exported: the type every finder uses

# Hugo's aliases, lower-cased: alias -> the key it stands for.
ALIASES = {
    "pubdate": "publishdate",
    "published": "publishdate",
    "unpublishdate": "expirydate",
    "modified": "lastmod",
    "series_weight": "series_order",
}

# Tranquilpeak's post parameters, in the spelling its templates use. Lower-cased lookups map back
# to these names, so templates can rely on one spelling whatever the author typed.
THEME_KEYS = (
    "thumbnailImage",
    "thumbnailImagePosition",
    "autoThumbnailImage",
    "coverImage",
    "coverSize",
    "coverCaption",
    "coverMeta",
    "metaAlignment",
    "showMeta",
    "showDate",
    "showTags",
    "showPagination",
    "showSocial",
    "showActions",
    "clearReading",
    "gallery",
)
_THEME_KEY_BY_LOWER = {key.lower(): key for key in THEME_KEYS}


def canonical_theme_keys(values: Mapping[str, Any]) -> dict[str, Any]:
    """Theme keys in their canonical spelling (`clearreading` → `clearReading`), as in posts."""
    return {_THEME_KEY_BY_LOWER.get(str(key).lower(), str(key)): v for key, v in values.items()}


@dataclass
class PostMeta:
    """Everything the plugin and the templates need to know about a post."""

    title: str | None = None
    link_title: str | None = None
    date: dt.datetime | None = None
    publish_date: dt.datetime | None = None
    expiry_date: dt.datetime | None = None
    lastmod: dt.datetime | None = None
    draft: bool = False
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    description: str | None = None
    summary: str | None = None
    slug: str | None = None
    url: str | None = None
    aliases: list[str] = field(default_factory=list)
    weight: int | None = None
    series: list[str] = field(default_factory=list)
    series_order: int | None = None
    series_enabled: bool = True
    """False when a folder's index.md says `series: false`: the folder is not a series."""
    theme: dict[str, Any] = field(default_factory=dict)
    """Tranquilpeak's keys (canonical spelling) and any other theme parameters."""


@dataclass
class Normalised:
    meta: PostMeta
    problems: list[Problem]


def normalise(front: FrontMatter, timezone: dt.tzinfo | str = "UTC") -> Normalised:
    """Turn raw front matter into a PostMeta, collecting a Problem for every unusable value."""
    tz = ZoneInfo(timezone) if isinstance(timezone, str) else timezone
    reader = _Reader(front, tz)
    meta = PostMeta()
    meta.title = reader.text("title")
    meta.link_title = reader.text("linktitle")
    meta.date = reader.date("date")
    meta.publish_date = reader.date("publishdate")
    meta.expiry_date = reader.date("expirydate")
    meta.lastmod = reader.date("lastmod")
    # Hugo's fallbacks: `date` comes from publishDate, then lastmod; publishDate from date.
    meta.date = meta.date or meta.publish_date or meta.lastmod
    meta.publish_date = meta.publish_date or meta.date
    meta.draft = reader.flag("draft")
    meta.tags = reader.strings("tags")
    meta.categories = reader.strings("categories")
    meta.keywords = reader.strings("keywords")
    meta.description = reader.text("description")
    meta.summary = reader.text("summary")
    meta.slug = reader.text("slug")
    meta.url = reader.text("url")
    meta.aliases = reader.strings("aliases")
    meta.weight = reader.integer("weight")
    meta.series_order = reader.integer("series_order")
    if reader.raw("series") is False:
        meta.series_enabled = False
    else:
        meta.series = reader.strings("series", single_is_list=True)
    meta.theme = reader.theme_params()
    return Normalised(meta, reader.problems)


_FALSE_WORDS = frozenset({"false", "no", "off", "0", ""})


class _Reader:
    """Case-insensitive access to front matter, with type checks that record problems."""

    def __init__(self, front: FrontMatter, tz: dt.tzinfo) -> None:
        self.front = front
        self.tz = tz
        self.problems: list[Problem] = []
        self.values: dict[str, tuple[str, Any]] = {}
        for key, value in front.data.items():
            lower = key.lower()
            canonical = ALIASES.get(lower, lower)
            # An explicit key wins over its alias, whatever the order they were written in.
            if canonical not in self.values or lower == canonical:
                self.values[canonical] = (key, value)

    def raw(self, name: str) -> Any:
        return self.values.get(name, (name, None))[1]

    def _problem(self, name: str, message: str) -> None:
        key = self.values[name][0]
        line = self.front.key_lines.get(key.lower())
        self.problems.append(Problem(f"'{key}' {message}", key, line))

    def text(self, name: str) -> str | None:
        value = self.raw(name)
        if value is None or value == "":
            return None
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            return str(value)
        self._problem(name, f"should be text, not {_describe(value)}")
        return None

    def flag(self, name: str) -> bool:
        value = self.raw(name)
        if value is None or isinstance(value, bool):
            return bool(value)
        self._problem(name, f"should be true or false, not {_describe(value)}")
        # Err on the side of caution: anything but an explicit "false" keeps a draft a draft.
        return not _is_scalar(value) or str(value).strip().lower() not in _FALSE_WORDS

    def integer(self, name: str) -> int | None:
        value = self.raw(name)
        if value is None or value == "":
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
            return int(value)
        self._problem(name, f"should be a whole number, not {_describe(value)}")
        return None

    def strings(self, name: str, *, single_is_list: bool = False) -> list[str]:
        value = self.raw(name)
        if value is None or value == "":
            return []
        if isinstance(value, list):
            items = [str(item).strip() for item in value if _is_scalar(item)]
            if len(items) != len(value):
                self._problem(name, "should be a list of words or phrases")
            return [item for item in items if item]
        if _is_scalar(value):
            if not single_is_list:
                self._problem(
                    name, f"should be a list, e.g. [{_describe(value)}]; read as one item"
                )
            return [str(value).strip()]
        self._problem(name, f"should be a list, not {_describe(value)}")
        return []

    def date(self, name: str) -> dt.datetime | None:
        value = self.raw(name)
        if value is None or value == "":
            # Real posts carry an empty `date:`; Hugo treats it as absent, and so do we.
            return None
        parsed = parse_date(value, self.tz)
        if parsed is None and not is_zero_date(value):
            self._problem(name, f"is not a date: {_describe(value)} (write e.g. 2018-03-05)")
        return parsed

    def theme_params(self) -> dict[str, Any]:
        params: dict[str, Any] = {}
        nested = self.raw("params")
        sources: list[Mapping[str, Any]] = [nested] if isinstance(nested, Mapping) else []
        sources.append({key: value for key, value in self.values.values()})
        for source in sources:
            for key, value in source.items():
                lower = str(key).lower()
                if lower in _RESERVED and source is not nested:
                    continue
                params.setdefault(_THEME_KEY_BY_LOWER.get(lower, str(key)), value)
        return params


_RESERVED = {
    "title",
    "linktitle",
    "date",
    "publishdate",
    "expirydate",
    "lastmod",
    "draft",
    "tags",
    "categories",
    "keywords",
    "description",
    "summary",
    "slug",
    "url",
    "aliases",
    "weight",
    "series",
    "series_order",
    "params",
    *ALIASES,
}


def parse_date(value: Any, tz: dt.tzinfo) -> dt.datetime | None:
    """A datetime from YAML/TOML date values or ISO-like text; naive values mean the site's zone."""
    result: dt.datetime | None = None
    if isinstance(value, dt.datetime):
        result = value
    elif isinstance(value, dt.date):
        result = dt.datetime.combine(value, dt.time())
    elif isinstance(value, str):
        text = value.strip().replace("Z", "+00:00")
        for parse in _DATE_PARSERS:
            try:
                result = parse(text)
                break
            except ValueError:
                continue
    if result is None or is_zero_date(result):
        return None
    result = result if result.tzinfo else result.replace(tzinfo=tz)
    try:
        # Every later comparison converts to UTC: a date at the edge of the calendar would
        # overflow there (9999-12-31 in New York), so it is refused here.
        result.astimezone(dt.UTC)
    except OverflowError:
        return None
    return result


def is_zero_date(value: Any) -> bool:
    """Hugo's zero date, `0001-01-01`: Hugo writes it for "no date", and so means it."""
    if isinstance(value, dt.date):
        return (value.year, value.month, value.day) == (1, 1, 1)
    return isinstance(value, str) and value.strip().startswith("0001-01-01")


_DATE_PARSERS: tuple[Callable[[str], dt.datetime], ...] = (
    dt.datetime.fromisoformat,
    lambda text: dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S %z"),
    lambda text: dt.datetime.strptime(text, "%Y/%m/%d"),
)


def _is_scalar(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def describe_value(value: Any) -> str:
    """A value for a message: containers by their kind, scalars cut to 60 characters.

    Never `str()` a container: YAML aliases can make a small file hold a huge one.
    """
    if isinstance(value, dict):
        return "a set of keys"
    if isinstance(value, list | tuple | set):
        return "a list"
    text = repr(value) if isinstance(value, str | int | float | bool) else type(value).__name__
    return text if len(text) <= 60 else text[:57] + "..."


_describe = describe_value
