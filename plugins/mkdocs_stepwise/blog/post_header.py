"""The top of a post page: its title, date and categories, below or over the cover image.

Material writes the page title itself only when the content has no `<h1>`, and has no place for
a date. So the plugin puts the title (unless the author wrote one) and the date line at the top of
the content, and the templates put them over the cover instead when `coverMeta: in` asks for it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field

from .listings import Link, format_date
from .tranquilpeak import PostTheme

_H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)

# Material adds `<h1>{{ page.title }}</h1>` when the content has no "<h1". When the title is over
# the cover, this comment is what tells Material the page already has its heading.
TITLE_ON_COVER = "<!-- stepwise: the page's <h1> is over the cover image -->"


@dataclass(frozen=True)
class PostHeader:
    """What the templates show of a post above its text."""

    title: str
    date: dt.datetime | None
    categories: list[Link] = field(default_factory=list)
    theme: PostTheme = field(default_factory=PostTheme)
    author_h1: bool = False
    """True when the content starts with the author's own `<h1>`."""
    minutes: int = 0
    """The post's reading time, shown on its page as on its card (0: not known, not shown)."""

    @property
    def date_text(self) -> str:
        return format_date(self.date) if self.date else ""

    @property
    def show_date(self) -> bool:
        return self.date is not None and self.theme.show_meta and self.theme.show_date

    @property
    def show_categories(self) -> bool:
        return bool(self.categories) and self.theme.show_meta

    @property
    def has_meta(self) -> bool:
        return self.show_date or self.show_categories or self.show_minutes

    @property
    def show_minutes(self) -> bool:
        return self.minutes > 0 and self.show_date  # the date line carries it, as on cards

    @property
    def meta_on_cover(self) -> bool:
        return self.theme.cover is not None and self.theme.cover.meta_inside

    @property
    def title_on_cover(self) -> bool:
        return self.meta_on_cover and not self.author_h1


def has_h1(content: str) -> bool:
    return "<h1" in content


def insert_header(content: str, header: PostHeader, meta_html: str) -> str:
    """The page content with the title and the date line (`meta_html`) at its top.

    Nothing changes for a page with nothing to show, so plain documentation pages stay as they
    are. The date line goes right after the author's `<h1>` when there is one.
    """
    if header.title_on_cover:
        return TITLE_ON_COVER + content
    if header.meta_on_cover or not header.has_meta:
        return content
    match = _H1_END.search(content)
    if match:
        return content[: match.end()] + meta_html + content[match.end() :]
    align = header.theme.alignment
    title = html.escape(header.title)
    return f'<h1 class="stepwise-align--{align}">{title}</h1>{meta_html}{content}'
