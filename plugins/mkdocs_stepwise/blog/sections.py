"""Hugo content sections: `post/_index.md` is the landing page of `post/`, listing its posts.

In Hugo every folder with an `_index.md` (a *branch bundle*) is a section; its page lives at the
folder's address and lists the regular pages below it. Pure functions: which files are section
pages, where they are published, and which posts each one lists.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from ..posts import SECTION_INDEX


def is_section_page(src_uri: str) -> bool:
    return posixpath.basename(src_uri) == SECTION_INDEX


def section_folder(src_uri: str) -> str:
    """`post/_index.md` -> `post`; the docs root's `_index.md` -> `""`."""
    return posixpath.dirname(src_uri)


def section_destination(src_uri: str) -> str:
    """Where a section page is published: the folder's own address (`post/index.html`)."""
    return posixpath.join(section_folder(src_uri), "index.html")


def section_posts(src_uri: str, posts: Iterable[str]) -> list[str]:
    """The posts below a section page's folder, at any depth, in the order given."""
    folder = section_folder(src_uri)
    prefix = folder + "/" if folder else ""
    return [uri for uri in posts if uri.startswith(prefix) and uri != src_uri]
