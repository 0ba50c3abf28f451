"""Tranquilpeak's `gallery:` front matter: `"url [thumbnail] [\"caption\"]"` per entry.

Real posts write all three forms: a bare URL, a URL and a caption, and a URL with a separate
thumbnail and a caption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ENTRY = re.compile(r'^(?P<url>[^\s"]+)(?:\s+(?P<thumb>[^\s"]+))?(?:\s+"(?P<caption>.*)")?\s*$')


@dataclass(frozen=True)
class GalleryEntry:
    url: str
    thumbnail: str | None = None
    caption: str | None = None


def parse_entry(text: str) -> GalleryEntry | None:
    """One gallery line; None when it is not of the documented form."""
    match = _ENTRY.match(text.strip())
    if match is None:
        return None
    return GalleryEntry(match["url"], match["thumb"], match["caption"] or None)
