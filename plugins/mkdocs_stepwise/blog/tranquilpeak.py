"""Tranquilpeak's post parameters, checked once per post and turned into what templates need.

The plugin reads these in `on_files`, once per visible post, so that each problem (a missing
image, a refused caption link, a misspelt option) is reported once per build, naming the file,
the line and the key, instead of once per page that lists the post.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..metadata import Problem, canonical_theme_keys, describe_value
from ..posts import Post
from .caption import render_caption
from .gallery import parse_entry
from .images import Image, Unusable, resolve

THUMBNAIL_POSITIONS = ("left", "right", "top", "bottom")
COVER_SIZES = ("partial", "full")
COVER_META = ("in", "out")
ALIGNMENTS = ("left", "center", "right")


@dataclass(frozen=True)
class Cover:
    image: Image
    size: str = "partial"
    """`partial` (60% of the screen height) or `full`."""
    caption_html: str | None = None
    meta_inside: bool = True
    """Title and date over the cover (`coverMeta: in`, Tranquilpeak's default)."""


@dataclass(frozen=True)
class GalleryImage:
    image: Image
    thumbnail: Image
    caption: str | None = None


@dataclass(frozen=True)
class PostTheme:
    """A post's presentation options, with Tranquilpeak's defaults filled in."""

    cover: Cover | None = None
    thumbnail: Image | None = None
    """The listing card's image: `thumbnailImage`, else the cover unless `autoThumbnailImage`."""
    thumbnail_position: str = "bottom"
    alignment: str = "left"
    show_meta: bool = True
    show_date: bool = True
    show_tags: bool = True
    show_pagination: bool = True
    clear_reading: bool = False
    """Tranquilpeak's reading mode without sidebars: Material's navigation and toc are hidden."""
    gallery: list[GalleryImage] = field(default_factory=list)
    """Tranquilpeak's `gallery:` images, shown as a grid under the post."""
    problems: list[Problem] = field(default_factory=list)

    @property
    def hidden_parts(self) -> list[str]:
        """Material's `hide:` entries this post asks for."""
        hidden = [
            part
            for part, shown in (("tags", self.show_tags), ("footer", self.show_pagination))
            if not shown
        ]
        return hidden + (["navigation", "toc"] if self.clear_reading else [])


class _Options:
    """Typed access to `PostMeta.theme`, recording a Problem for each unusable value."""

    def __init__(self, post: Post, defaults: Mapping[str, Any]) -> None:
        # A site-wide default fills only the keys the post leaves out, as in Tranquilpeak.
        self.params: Mapping[str, Any] = {**defaults, **post.meta.theme}
        self.lines = post.front.key_lines
        self.problems: list[Problem] = []

    def problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(f"{key}: {message}", key, self.lines.get(key.lower())))

    def choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        value = self.params.get(key)
        if value is None or value == "":
            return default
        text = str(value).strip().lower() if isinstance(value, str) else ""
        if text in choices:
            return text
        shown = describe_value(value)
        self.problem(key, f"should be one of {', '.join(choices)}, not {shown}; using {default}")
        return default

    def flag(self, key: str, default: bool = True) -> bool:
        value = self.params.get(key)
        if value is None or isinstance(value, bool):
            return default if value is None else value
        text = str(value).strip().lower() if isinstance(value, str) else ""
        if text in {"true", "false"}:
            return text == "true"
        self.problem(key, f"should be true or false, not {describe_value(value)}")
        return default

    def image(
        self, key: str, post: Post, exists: Callable[[str], bool], value: object = None
    ) -> Image | None:
        found = resolve(self.params.get(key) if value is None else value, post.src_uri, exists)
        if isinstance(found, Unusable):
            self.problem(key, found.message)
            return None
        return found


def read_theme(
    post: Post, exists: Callable[[str], bool], defaults: Mapping[str, Any] | None = None
) -> PostTheme:
    """Check a post's Tranquilpeak options; `exists` says whether a docs-relative file exists.

    `defaults` are the site's values for keys the post does not set (the `post_defaults` option).
    """
    options = _Options(post, canonical_theme_keys(defaults or {}))
    cover: Cover | None = None
    cover_image = options.image("coverImage", post, exists)
    if cover_image is not None:
        caption_text = options.params.get("coverCaption")
        caption_html = None
        if caption_text is not None and str(caption_text).strip():
            caption = render_caption(str(caption_text))
            caption_html = caption.html
            for href in caption.refused:
                options.problem(
                    "coverCaption", f"link '{href}' refused: only http(s) and mailto links work"
                )
        cover = Cover(
            cover_image,
            options.choice("coverSize", COVER_SIZES, "partial"),
            caption_html,
            options.choice("coverMeta", COVER_META, "in") == "in",
        )
    thumbnail = options.image("thumbnailImage", post, exists)
    if thumbnail is None and cover is not None and options.flag("autoThumbnailImage"):
        thumbnail = cover.image
    return PostTheme(
        cover=cover,
        thumbnail=thumbnail,
        thumbnail_position=options.choice("thumbnailImagePosition", THUMBNAIL_POSITIONS, "bottom"),
        alignment=options.choice("metaAlignment", ALIGNMENTS, "left"),
        show_meta=options.flag("showMeta"),
        show_date=options.flag("showDate"),
        show_tags=options.flag("showTags"),
        show_pagination=options.flag("showPagination"),
        clear_reading=options.flag("clearReading", default=False),
        gallery=_gallery(options, post, exists),
        problems=options.problems,
    )


def _gallery(options: _Options, post: Post, exists: Callable[[str], bool]) -> list[GalleryImage]:
    entries = options.params.get("gallery")
    if entries is None or entries == "":
        return []
    if not isinstance(entries, list):
        options.problem("gallery", 'should be a list of lines: url [thumbnail] ["caption"]')
        return []
    images = []
    for text in entries:
        entry = parse_entry(str(text)) if isinstance(text, str) else None
        if entry is None:
            options.problem("gallery", f"cannot read the entry {text!r}")
            continue
        image = options.image("gallery", post, exists, entry.url)
        thumbnail = (
            options.image("gallery", post, exists, entry.thumbnail) if entry.thumbnail else image
        )
        if image is not None and thumbnail is not None:
            images.append(GalleryImage(image, thumbnail, entry.caption))
    return images
