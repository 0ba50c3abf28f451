"""The on-disk cache of xkcd metadata and images (`.cache/stepwise/xkcd/` by default).

Layout: `json/N.json` holds xkcd's `info.0.json` answer as received, `comics/NAME` the images.
Comics never change once published, so entries never expire. Files are written atomically, so
an interrupted build leaves either the old file or the new one, never half an image. Anything
unreadable or invalid in the cache counts as absent and is fetched again.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .comics import Comic, ComicDataError, comic_from_mapping

_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")


def is_image(data: bytes) -> bool:
    """Whether `data` starts like a PNG, JPEG or GIF (an HTML error page does not)."""
    return data.startswith(_IMAGE_SIGNATURES)


def png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG's IHDR chunk, or None for anything else."""
    if len(data) < 24 or not data.startswith(_IMAGE_SIGNATURES[0]) or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return (width, height) if width and height else None


class XkcdCache:
    """Metadata and images under one folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def json_path(self, num: int) -> Path:
        return self.root / "json" / f"{num}.json"

    def image_path(self, name: str) -> Path:
        return self.root / "comics" / name

    def read_comic(self, num: int) -> Comic | None:
        """The cached metadata of comic `num`, or None when absent or unusable."""
        return _comic_from_file(self.json_path(num))

    def comics(self) -> Iterator[Comic]:
        """Every usable cached comic (to find a comic by its image name)."""
        for path in sorted((self.root / "json").glob("*.json")):
            comic = _comic_from_file(path)
            if comic is not None:
                yield comic

    def read_image(self, name: str) -> Path | None:
        """The cached image file, when there is one that looks like an image."""
        path = self.image_path(name)
        try:
            with path.open("rb") as file:
                head = file.read(32)
        except OSError:
            return None
        return path if is_image(head) else None

    def image_size(self, name: str) -> tuple[int, int] | None:
        """Width and height of a cached PNG (enough of the header is read, not the image)."""
        try:
            with self.image_path(name).open("rb") as file:
                return png_size(file.read(32))
        except OSError:
            return None

    def write(self, path: Path, data: bytes) -> None:
        """Write `data` to `path` atomically; a cache that cannot be written is not an error."""
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as file:
                    file.write(data)
                os.replace(temporary, path)
            except OSError:
                Path(temporary).unlink(missing_ok=True)
                raise


def _comic_from_file(path: Path) -> Comic | None:
    try:
        return comic_from_mapping(json.loads(path.read_bytes()))
    except (OSError, ValueError, ComicDataError):
        # ValueError covers bad JSON and bad UTF-8; ComicDataError is one too, named for clarity.
        return None
