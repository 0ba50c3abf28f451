"""Where a post is published, and the old addresses that redirect to it: Hugo's `slug`, `url`
and `aliases`.

- `slug` replaces the last segment of the page's address: `python/setup.md` with `slug: install`
  is published at `python/install/`.
- `url` sets the whole address, from the site root: `url: /guides/install/`. A value ending in a
  file name (`/about.html`) is that file; anything else is a folder with an `index.html`.
- `aliases` are old addresses. As in Hugo, an alias with a leading `/` starts at the site root and
  one without starts in the post's folder.

Pure functions from values to destination paths (relative to the site directory); a value that
would leave the site, or is not a path at all, gives an `AddressError` to report.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:|^//")


@dataclass(frozen=True)
class AddressError:
    message: str


# File systems allow 255 bytes per name; leave room for `.html` and MkDocs' own suffixes.
MAX_SEGMENT_BYTES = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _shown(value: str) -> str:
    """`value` for a message: control characters visible, and never more than 60 characters."""
    text = repr(value)[1:-1]
    return text if len(text) <= 60 else text[:57] + "..."


def segment_problem(path: str) -> str | None:
    """Why `path` cannot be a file name on disk, or None."""
    if _CONTROL.search(path):
        return "holds a control character"
    if any(
        len(part.encode("utf-8", "surrogatepass")) > MAX_SEGMENT_BYTES for part in path.split("/")
    ):
        return f"has a path segment longer than {MAX_SEGMENT_BYTES} bytes"
    return None


def _clean(value: str, base: str) -> str | AddressError:
    """A site-relative path for `value`, resolved against folder `base` unless it starts at `/`."""
    text = value.strip()
    if not text or _SCHEME.match(text) or "\\" in text or "?" in text or "#" in text:
        return AddressError(f"'{_shown(value)}' is not a path on this site")
    problem = segment_problem(text)
    if problem:
        return AddressError(f"'{_shown(value)}' {problem}")
    joined = text if text.startswith("/") else posixpath.join("/", base, text)
    path = posixpath.normpath(joined)
    # `..` that climbs above the root is the author's mistake, not a path to clamp silently.
    if _climbs_out(joined):
        return AddressError(f"'{_shown(value)}' points outside the site")
    return path.lstrip("/")


def _climbs_out(path: str) -> bool:
    depth = 0
    for part in path.split("/"):
        if part == "..":
            depth -= 1
            if depth < 0:
                return True
        elif part and part != ".":
            depth += 1
    return False


def destination(path: str, use_directory_urls: bool) -> str:
    """The file a site path is served from: `a/b` -> `a/b/index.html`, `a/b.html` stays."""
    if path == "":
        return "index.html"
    if posixpath.splitext(path)[1]:
        return path
    return f"{path}/index.html" if use_directory_urls else f"{path}.html"


def slug_destination(dest_uri: str, slug: str, use_directory_urls: bool) -> str | AddressError:
    """`dest_uri` with its last address segment replaced by `slug`."""
    name = slug.strip().strip("/")
    if not name or "/" in name or name in {".", ".."} or _SCHEME.match(name) or "\\" in name:
        return AddressError(f"slug '{_shown(slug)}' should be one path segment, e.g. 'my-post'")
    problem = segment_problem(name)
    if problem:
        return AddressError(f"slug '{_shown(slug)}' {problem}")
    folder, filename = posixpath.split(dest_uri)
    if use_directory_urls and filename == "index.html":
        parent = posixpath.dirname(folder)
        if not folder:
            return AddressError("the home page's address cannot be changed with a slug")
        return posixpath.join(parent, name, "index.html")
    extension = posixpath.splitext(filename)[1]
    return posixpath.join(folder, name + extension)


def url_destination(url: str, use_directory_urls: bool) -> str | AddressError:
    """The destination file for Hugo's `url` key."""
    path = _clean(url, "")
    if isinstance(path, AddressError):
        return AddressError(f"url {path.message}")
    return destination(path, use_directory_urls or url.strip().endswith("/"))


def alias_destination(alias: str, post_folder: str) -> str | AddressError:
    """The file that redirects from an old address; aliases are always folders or files."""
    path = _clean(alias, post_folder)
    if isinstance(path, AddressError):
        return AddressError(f"alias {path.message}")
    if path == "":
        return AddressError(f"alias '{alias}' would replace the home page")
    return destination(path, use_directory_urls=True)


class TakenAddresses:
    """The files a build writes, by destination, and who writes each (for messages).

    Two addresses clash when they are the same file, or when one would be a folder of the
    other (`a/1.5` as a file and `a/1.5/index.html`): the file system allows only one.
    """

    def __init__(self) -> None:
        self.files: dict[str, str] = {}
        self.folders: dict[str, str] = {}

    def add(self, dest: str, owner: str) -> None:
        self.files[dest] = owner
        folder = posixpath.dirname(dest)
        while folder and folder not in self.folders:
            self.folders[folder] = owner
            folder = posixpath.dirname(folder)

    def remove(self, dest: str) -> None:
        self.files.pop(dest, None)

    def owner(self, dest: str) -> str | None:
        """Who already takes `dest` (or a folder or file in its way); None when it is free."""
        if dest in self.files:
            return self.files[dest]
        if dest in self.folders:
            return self.folders[dest]
        folder = posixpath.dirname(dest)
        while folder:
            if folder in self.files:
                return self.files[folder]
            folder = posixpath.dirname(folder)
        return None
