"""Addresses made from names (series, categories): they keep their letters, and never collide.

`pymdownx.slugs`, as Material recommends (and as its tags plugin does), keeps the letters of
every script: `機械学習入門` stays `機械学習入門`, `Xác Suất` becomes `xác-suất`. Names that differ
only in case are one name, as in Hugo; two different names whose slugs would be the same get
distinct addresses (`c`, `c-2`) and the clash is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pymdownx.slugs import slugify as _pymdownx_slugify

_SLUG = _pymdownx_slugify(case="lower")
_REPEATED_DASH = re.compile(r"-{2,}")


# A slug names a folder and a script (`<slug>.sh`): short enough for any file system.
MAX_SLUG = 100


def slugify(text: str, fallback: str = "series") -> str:
    """A URL segment that keeps the name's letters: `Python environment` -> `python-environment`.

    At most `MAX_SLUG` characters, cut at a word boundary where there is one.
    """
    slug = _REPEATED_DASH.sub("-", _SLUG(text, "-")).strip("-")
    if len(slug) > MAX_SLUG:
        cut = slug[: MAX_SLUG + 1]
        slug = (cut.rsplit("-", 1)[0] if "-" in cut[MAX_SLUG // 2 :] else cut[:MAX_SLUG]).strip("-")
    return slug or fallback


@dataclass
class Clash:
    name: str
    other: str
    slug: str
    """The address both would have had."""
    given: str
    """The address `name` got instead."""


@dataclass
class SlugRegistry:
    """Hands out one address per name, in the order names are met."""

    fallback: str = "series"
    _by_name: dict[str, str] = field(default_factory=dict)
    _owner: dict[str, str] = field(default_factory=dict)

    def slug(self, name: str) -> tuple[str, Clash | None]:
        """The address of `name`, and the clash it caused the first time it was met (if any)."""
        key = name.strip().casefold()
        if key in self._by_name:
            return self._by_name[key], None
        wanted = slugify(name, self.fallback)
        given, number = wanted, 1
        while given in self._owner:
            number += 1
            given = f"{wanted}-{number}"
        clash = Clash(name, self._owner[wanted], wanted, given) if given != wanted else None
        self._by_name[key] = given
        self._owner[given] = name
        return given, clash

    def known(self, name: str) -> str | None:
        return self._by_name.get(name.strip().casefold())
