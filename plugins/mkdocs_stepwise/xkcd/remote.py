"""xkcd.com seen through the cache: each comic and image is downloaded at most once, ever.

The first time the network fails (refused, timed out, no DNS) this logs ONE warning and stops
trying for the rest of the build, so a site with fifty comics on an aeroplane costs one short
timeout and one line in the log, not fifty of each.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..pagecontext import PageHolder
from .cache import XkcdCache, is_image
from .comics import Comic, ComicDataError, comic_from_mapping, image_name
from .fetch import (
    API_BASE,
    IMAGE_BASE,
    MAX_IMAGE_BYTES,
    MAX_JSON_BYTES,
    BadResponse,
    FetchError,
    Unreachable,
    http_get,
    origin,
)


class XkcdRemote:
    """Metadata and images of xkcd comics: from the cache, else from xkcd.com (then cached).

    `api_base` and `image_base` exist so that tests can point them at a local server; nothing
    else is ever contacted, and the site's configuration cannot change them.
    """

    def __init__(
        self,
        cache: XkcdCache,
        *,
        timeout: float = 3.0,
        api_base: str = API_BASE,
        image_base: str = IMAGE_BASE,
        max_json_bytes: int = MAX_JSON_BYTES,
        max_image_bytes: int = MAX_IMAGE_BYTES,
        pages: PageHolder | None = None,
    ) -> None:
        self.pages = pages or PageHolder()
        self.cache = cache
        self.timeout = timeout
        self.api_base = api_base.rstrip("/") + "/"
        self.image_base = image_base.rstrip("/") + "/"
        self.max_json_bytes = max_json_bytes
        self.max_image_bytes = max_image_bytes
        self.allowed_origins = frozenset({origin(self.api_base), origin(self.image_base)})
        self.unreachable: str | None = None
        """Why the network failed, once it has; no request is made after that."""

    def comic(self, num: int) -> Comic:
        """The metadata of comic `num`. Raises `NotFound`, `BadResponse` or `Unreachable`."""
        cached = self.cache.read_comic(num)
        if cached is not None:
            return cached
        url = f"{self.api_base}{num}/info.0.json"
        data = self._get(url, self.max_json_bytes)
        try:
            comic = comic_from_mapping(json.loads(data))
        except (ValueError, ComicDataError) as error:
            raise BadResponse(f"{url} is not an xkcd comic's JSON: {error}") from None
        if comic.num != num:
            raise BadResponse(f"{url} describes comic {comic.num}, not {num}")
        self.cache.write(self.cache.json_path(num), data)
        return comic

    def image(self, url: str) -> Path:
        """The cached file of an imgs.xkcd.com image, downloading it first if needed."""
        name = image_name(url)
        if name is None:
            raise BadResponse(f"refused to fetch {url}: not an imgs.xkcd.com comic image")
        cached = self.cache.read_image(name)
        if cached is not None:
            return cached
        source = f"{self.image_base}comics/{name}"
        data = self._get(source, self.max_image_bytes)
        if not is_image(data):
            raise BadResponse(f"{source} is not a PNG, JPEG or GIF image")
        path = self.cache.image_path(name)
        self.cache.write(path, data)
        if self.cache.read_image(name) is None:
            raise FetchError(f"cannot write the cache file {path}")
        return path

    def _get(self, url: str, max_bytes: int) -> bytes:
        if self.unreachable is not None:
            raise Unreachable(self.unreachable)
        try:
            return http_get(
                url,
                allowed_origins=self.allowed_origins,
                timeout=self.timeout,
                max_bytes=max_bytes,
            )
        except Unreachable as error:
            self.unreachable = str(error)
            self.pages.warn(
                f"xkcd.com is unreachable ({error}); for the rest of this build, xkcd comics "
                "come from the cache and the data files, and their images from imgs.xkcd.com"
            )
            raise
