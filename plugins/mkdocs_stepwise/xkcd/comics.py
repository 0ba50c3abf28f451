"""What we know about an xkcd comic, and the data files that record it.

A `Comic` is the subset of xkcd's `info.0.json` the panel needs, plus two facts the API does not
give: whether a 2x image exists (`img2x`) and the 1x image's size (`width`, `height`), which let the
page reserve the comic's space before it loads. The same validation applies to the shipped data
file, an author's data file and a fetched `info.0.json`, so a bad entry anywhere is reported the
same way and never reaches the page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

IMAGE_URL = re.compile(
    r"^https?://imgs\.xkcd\.com/comics/(?P<name>[A-Za-z0-9][A-Za-z0-9_.()\-]*\.(?:png|jpe?g|gif))$",
    re.IGNORECASE,
)
"""An image on imgs.xkcd.com. The name doubles as a file name in the cache and in the site, so it
must not contain a `/` nor start with a dot."""

SHIPPED_DATA_FILE = Path(__file__).parent / "data" / "xkcd.json"


class ComicDataError(ValueError):
    """A data entry or an API answer that does not describe a comic."""


@dataclass(frozen=True)
class Comic:
    """One xkcd comic, with the fields the panel shows."""

    num: int
    title: str
    safe_title: str
    alt: str
    """The title text (xkcd calls it `alt`; browsers show it on hover)."""
    img: str
    img2x: str | None = None
    width: int | None = None
    height: int | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def page_url(self) -> str:
        """The comic's own page, which the license asks us to link."""
        return comic_page_url(self.num)

    @property
    def label(self) -> str:
        """`xkcd 1987: Python Environment`: the heading, and the alt text of the image."""
        return f"xkcd {self.num}: {self.safe_title}"

    @property
    def image_name(self) -> str:
        """The file name of the 1x image, e.g. `python_environment.png`."""
        name = image_name(self.img)
        assert name is not None  # checked by comic_from_mapping
        return name


def comic_page_url(num: int) -> str:
    """`https://xkcd.com/N/`."""
    return f"https://xkcd.com/{num}/"


def image_name(url: str) -> str | None:
    """The file name of an imgs.xkcd.com comic image, or None for any other URL."""
    match = IMAGE_URL.match(url)
    return match.group("name") if match else None


def comic_from_mapping(data: Mapping[str, Any]) -> Comic:
    """Validate one comic (a data file entry or an `info.0.json` answer).

    Accepts the API's shapes (`year` as a digit string) and our own (`img2x`, `width`,
    `height`). Raises `ComicDataError` naming the first bad field.
    """
    if not isinstance(data, Mapping):
        raise ComicDataError(f"expected a mapping, got {type(data).__name__}")
    num = _positive_int(data, "num", required=True)
    assert num is not None
    title = _text(data, "title") or _text(data, "safe_title")
    if not title:
        raise ComicDataError("missing 'title'")
    safe_title = _text(data, "safe_title") or title
    alt = _text(data, "alt")
    if alt is None:
        raise ComicDataError("missing 'alt' (the title text)")
    img = _image_url(data, "img", required=True)
    assert img is not None
    return Comic(
        num=num,
        title=title,
        safe_title=safe_title,
        alt=alt,
        img=img,
        img2x=_image_url(data, "img2x", required=False),
        width=_positive_int(data, "width"),
        height=_positive_int(data, "height"),
        year=_positive_int(data, "year"),
        month=_positive_int(data, "month"),
        day=_positive_int(data, "day"),
    )


def _text(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ComicDataError(f"'{key}' must be a string, got {type(value).__name__}")
    return value


def _positive_int(data: Mapping[str, Any], key: str, *, required: bool = False) -> int | None:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise ComicDataError(f"missing '{key}'")
        return None
    # xkcd's API writes dates as strings ("2018"); booleans are ints in Python but not here.
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ComicDataError(f"'{key}' must be a positive integer, got {value!r}")
    return value


def _image_url(data: Mapping[str, Any], key: str, *, required: bool) -> str | None:
    value = data.get(key)
    if value is None or value is False or value == "":
        if required:
            raise ComicDataError(f"missing '{key}'")
        return None
    if not isinstance(value, str) or image_name(value) is None:
        raise ComicDataError(f"'{key}' must be an https://imgs.xkcd.com/comics/ image URL")
    # Always reference https: the panel must not cause mixed-content requests.
    return re.sub(r"^http:", "https:", value, flags=re.IGNORECASE)


def parse_data_file(text: str, *, suffix: str) -> tuple[list[Comic], list[str]]:
    """Comics from a data file's text (`.json` or `.yml`/`.yaml`), and one problem per bad entry.

    The file is `{"comics": [ {num, title, alt, img, ...}, ... ]}`; a bare list is accepted too.
    """
    try:
        document = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as error:
        return [], [f"not valid {'JSON' if suffix == '.json' else 'YAML'}: {error}"]
    entries = document.get("comics") if isinstance(document, dict) else document
    if not isinstance(entries, list):
        return [], ["expected a 'comics' list"]
    comics: list[Comic] = []
    problems: list[str] = []
    for index, entry in enumerate(entries):
        try:
            comics.append(comic_from_mapping(entry))
        except ComicDataError as error:
            problems.append(f"comics[{index}]: {error}; entry ignored")
    return comics, problems


def load_data_file(path: Path) -> tuple[list[Comic], list[str]]:
    """`parse_data_file` for a file on disk; a missing or unreadable file is one problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [], [f"cannot read the xkcd data file: {error}"]
    return parse_data_file(text, suffix=path.suffix.lower())


class ComicCatalog:
    """Comics by number and by image name; later additions win (author data over shipped)."""

    def __init__(self, comics: Iterable[Comic] = ()) -> None:
        self._by_num: dict[int, Comic] = {}
        self.add(comics)

    def add(self, comics: Iterable[Comic]) -> None:
        for comic in comics:
            self._by_num[comic.num] = comic

    def get(self, num: int) -> Comic | None:
        return self._by_num.get(num)

    def by_image_name(self, name: str) -> Comic | None:
        """The comic whose 1x or 2x image is `name` (e.g. `python_environment.png`)."""
        for comic in self._by_num.values():
            if name in (comic.image_name, image_name(comic.img2x or "")):
                return comic
        return None

    def __iter__(self) -> Iterator[Comic]:
        return iter(self._by_num.values())

    def __len__(self) -> int:
        return len(self._by_num)
