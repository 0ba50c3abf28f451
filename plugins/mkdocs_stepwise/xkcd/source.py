"""Where a comic's metadata and image come from, in order of preference.

Metadata: the data files (the author's over the shipped one), then, with fetching on, the
cache and xkcd.com. Images: with fetching on, a cached or freshly downloaded copy served from
the site itself under `assets/xkcd/` (so readers' browsers make no third-party request, as with
Material's privacy plugin); otherwise, or when that fails, the imgs.xkcd.com URL.

Each comic and image is looked up once per build; the answer, good or bad, is remembered.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..pagecontext import PageHolder, log
from .comics import Comic, ComicCatalog, image_name
from .fetch import FetchError, NotFound, Unreachable
from .remote import XkcdRemote

SITE_FOLDER = "assets/xkcd"
"""Self-hosted images are published here, relative to the site root."""


@dataclass(frozen=True)
class Missing:
    """Why a comic could not be found."""

    reason: str
    reported: bool = False
    """True when the cause was already logged (the one "xkcd.com is unreachable" warning)."""


@dataclass(frozen=True)
class ComicImage:
    """The `<img>` sources of a comic, as seen from the current page."""

    src: str
    src2x: str | None
    width: int | None
    height: int | None


class ComicSource:
    """Comics by number or image name, and their images; `remote` is None when fetching is off."""

    def __init__(
        self,
        catalog: ComicCatalog,
        remote: XkcdRemote | None = None,
        pages: PageHolder | None = None,
    ) -> None:
        self.catalog = catalog
        self.remote = remote
        self.pages = pages or PageHolder()
        self._comics: dict[int, Comic | Missing] = {}
        self._by_image: dict[str, Comic | Missing] = {}
        self._self_hosted: dict[str, str | None] = {}
        self._publish: dict[str, Path] = {}
        # Every self-hosted image used since `take_images_used`, seen before or not: a page
        # the build cache keeps must name all the images it shows (another page that showed
        # one first may be edited and stop showing it).
        self._used: dict[str, Path] = {}

    def comic(self, num: int) -> Comic | Missing:
        """The comic numbered `num`, or why there is none."""
        if num not in self._comics:
            self._comics[num] = self._find(num)
        return self._comics[num]

    def comic_by_image(self, name: str) -> Comic | Missing:
        """The comic whose image file is `name` (e.g. `python_environment.png`)."""
        if name not in self._by_image:
            self._by_image[name] = self._find_by_image(name)
        return self._by_image[name]

    def _find_by_image(self, name: str) -> Comic | Missing:
        found = self.catalog.by_image_name(name)
        if found is None and self.remote is not None:
            found = ComicCatalog(self.remote.cache.comics()).by_image_name(name)
        if found is not None:
            return found
        where = "the xkcd data files or the cache" if self.remote else "the xkcd data files"
        return Missing(
            f"no xkcd comic with the image {name} in {where}; link it to its page "
            "([![](image)](https://xkcd.com/N/)) or add it to the data file"
        )

    def image(self, comic: Comic) -> ComicImage:
        """Self-hosted sources when fetching is on and the image is at hand, else remote ones."""
        remote_image = ComicImage(comic.img, comic.img2x, comic.width, comic.height)
        if self.remote is None:
            return remote_image
        one_x = self._host(comic.img, fallback="linking imgs.xkcd.com instead")
        if one_x is None:
            return remote_image
        # A remote 2x next to a self-hosted 1x would undo the privacy on high-DPI screens.
        two_x = self._host(comic.img2x, fallback="no 2x image") if comic.img2x else None
        # The file this site serves knows its size best; the data's size is for the remote one.
        size: tuple[int | None, int | None] = self.remote.cache.image_size(comic.image_name) or (
            comic.width,
            comic.height,
        )
        page = self.pages.current()
        return ComicImage(
            src=page.relative_url(one_x),
            src2x=page.relative_url(two_x) if two_x else None,
            width=size[0],
            height=size[1],
        )

    def images_to_publish(self) -> dict[str, Path]:
        """Site-relative path -> cached file, for every self-hosted image used so far."""
        return dict(self._publish)

    def take_images_used(self) -> dict[str, Path]:
        """Site-relative path -> cached file of every self-hosted image used since the last
        call (the build cache calls it around each page's conversion)."""
        used, self._used = self._used, {}
        return used

    def publish(self, images: Mapping[str, Path]) -> None:
        """Self-host `images` too (those of a page the build cache restored)."""
        self._publish.update(images)

    def _find(self, num: int) -> Comic | Missing:
        found = self.catalog.get(num)
        if found is not None:
            return found
        if self.remote is None:
            return Missing(
                f"xkcd {num} is not in the xkcd data file; add it there (option data_file) "
                "or turn on fetching (option fetch)"
            )
        try:
            return self.remote.comic(num)
        except NotFound as error:
            return Missing(f"xkcd {num} does not exist ({error})")
        except Unreachable:
            return Missing(f"xkcd {num} is unknown offline", reported=True)
        except FetchError as error:
            return Missing(f"cannot get xkcd {num}: {error}")

    def _host(self, url: str, *, fallback: str) -> str | None:
        """The site path of the self-hosted copy of `url`, or None (reported once per image,
        saying what the page does instead: `fallback`)."""
        if url in self._self_hosted:
            known = self._self_hosted[url]
            if known is not None:
                self._used[known] = self._publish[known]
            return known
        assert self.remote is not None
        site_path: str | None = None
        try:
            cached = self.remote.image(url)
        except Unreachable:
            pass
        except FetchError as error:
            self.pages.warn(f"cannot serve {url} from the site ({error}); {fallback}")
        else:
            site_path = f"{SITE_FOLDER}/{image_name(url)}"
            self._publish[site_path] = self._used[site_path] = cached
        self._self_hosted[url] = site_path
        return site_path


def publish_images(images: Mapping[str, Path], site_dir: Path) -> list[Path]:
    """Copy `images` (site-relative path -> cached file) into `site_dir`; returns what was written.

    Called by the plugin in `on_post_build` with `images_to_publish()`.
    """
    written: list[Path] = []
    for site_path, cached in sorted(images.items()):
        target = site_dir / site_path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, target)
        except OSError as error:
            log.warning("cannot publish the xkcd image %s: %s", site_path, error)
            continue
        written.append(target)
    return written
