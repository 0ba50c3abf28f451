"""OpenGraph and Twitter card `<meta>` tags for a page, as link previews in chats and social
networks read them. Pure: plain values in, `(attribute, name, content)` triples out; the template
writes them and escapes the content.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SocialPage:
    title: str
    site_name: str
    url: str | None
    """The page's absolute URL (MkDocs' `page.canonical_url`); None without a `site_url`."""
    description: str | None = None
    image: str | None = None
    """Absolute URL of the cover (or thumbnail)."""
    published: dt.datetime | None = None
    modified: dt.datetime | None = None
    tags: Sequence[str] = field(default_factory=tuple)
    section: str | None = None
    """The first category, as `article:section`."""


def social_meta(page: SocialPage) -> list[tuple[str, str, str]]:
    """`("property"|"name", key, content)` for each tag; an article when the page has a date."""
    tags: list[tuple[str, str, str]] = [
        ("property", "og:title", page.title),
        ("property", "og:site_name", page.site_name),
        ("property", "og:type", "article" if page.published else "website"),
    ]
    if page.url:
        tags.append(("property", "og:url", page.url))
    if page.description:
        tags.append(("property", "og:description", page.description))
    if page.image:
        tags.append(("property", "og:image", page.image))
    if page.published:
        tags.append(("property", "article:published_time", page.published.isoformat()))
        if page.modified:
            tags.append(("property", "article:modified_time", page.modified.isoformat()))
        if page.section:
            tags.append(("property", "article:section", page.section))
        tags.extend(("property", "article:tag", tag) for tag in page.tags)
    card = "summary_large_image" if page.image else "summary"
    tags.append(("name", "twitter:card", card))
    tags.append(("name", "twitter:title", page.title))
    if page.description:
        tags.append(("name", "twitter:description", page.description))
    if page.image:
        tags.append(("name", "twitter:image", page.image))
    return tags
