"""Resolve the image paths of Hugo front matter (`coverImage`, `thumbnailImage`) the way Hugo does.

Hugo serves a theme's `static/` folder at the site root and Tranquilpeak passes these values
through `absURL`, so `./images/x.jpg` and `../../../images/x.jpg` both mean `/images/x.jpg`: the
`../` only existed because the blog's permalinks were `/:year/:month/:slug/`. Here the site root
is `docs/`. A path that is not found there is also looked up next to the post (a Hugo page
bundle). Absolute `http(s)://` and protocol-relative `//host/…` URLs stay as they are; every other
scheme (`javascript:`, `data:`, `file:`, …) is refused.

Everything here is pure: the caller says which docs-relative paths exist.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_ALLOWED_SCHEMES = {"http", "https"}


@dataclass(frozen=True)
class Image:
    """An image a template can show.

    `url` is either absolute (`https://…`, `//host/…`) or relative to the site root, to be passed
    through MkDocs' `url` filter; `path` is the docs-relative file for local images.
    """

    url: str
    path: str | None = None

    @property
    def is_local(self) -> bool:
        return self.path is not None


@dataclass(frozen=True)
class Unusable:
    """Why an image value cannot be shown; `message` completes `<file>: <key>: `."""

    message: str


def site_path(value: str) -> str:
    """The docs-relative path Hugo would serve for a local image value.

    >>> site_path("../../../images/first.jpg")
    'images/first.jpg'
    """
    path = value.strip().split("#", 1)[0].split("?", 1)[0]
    path = posixpath.normpath("/" + path.replace("\\", "/"))
    return path.lstrip("/")


def resolve(
    value: object, post_src_uri: str, exists: Callable[[str], bool]
) -> Image | Unusable | None:
    """The image a front matter value names; None when there is no value at all."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return Unusable(f"should be an image path or URL, not {type(value).__name__}")
    text = value.strip()
    if text.startswith("//"):
        return Image(text)
    match = _SCHEME.match(text)
    if match:
        scheme = match.group(0)[:-1].lower()
        if scheme in _ALLOWED_SCHEMES and urlsplit(text).netloc:
            return Image(text)
        return Unusable(f"image URL '{_shorten(text)}' refused: only http(s) URLs and paths work")
    path = site_path(text)
    if not path:
        return Unusable(f"'{text}' is not an image path")
    # A page bundle: the image sits next to the post. Only tried when the site root lacks it.
    bundled = posixpath.normpath(posixpath.join(posixpath.dirname(post_src_uri), text))
    for candidate in (path, bundled):
        if not candidate.startswith("../") and exists(candidate):
            return Image(quote(candidate), candidate)
    return Unusable(f"image '{path}' not found in docs/")


def absolute(image: Image, site_url: str | None) -> str | None:
    """The image's absolute URL, for OpenGraph and feeds; None when the site has no URL."""
    if image.url.startswith("//"):
        return "https:" + image.url
    if not image.is_local:
        return image.url
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + image.url


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
