"""Parsed posts kept across the rebuilds of one `mkdocs serve`.

Every build reads every post (`Catalogue.read`): series, listings and the navigation need all
of them before any page is rendered. Parsing front matter is most of that (YAML, dates, Hugo's
keys), about a quarter of a second for 1,000 posts, and a preview rebuild after one save parses
999 files that did not change. The plugin instance outlives the rebuilds, so it keeps each
file's parsed `Post` here and parses a file again only when its bytes differ.

The key is the file's content (a BLAKE2 digest of its bytes), not its time and size: a save
within the file system's time resolution that keeps the size is still seen, and reading the
bytes of 1,000 small files costs a few milliseconds. Callers get a copy they may change (the
scenario reader retitles posts), never the kept one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import replace

from .posts import Post, read_post


class PostCache:
    """`read_post` by src_uri, content and time zone, for as long as the plugin lives."""

    def __init__(self) -> None:
        self._posts: dict[str, tuple[bytes, str, Post]] = {}
        self.parsed = 0
        """How many posts the last build parsed (the others came from here); for tests."""

    def read(self, src_uri: str, raw: bytes, text: str, timezone: dt.tzinfo) -> Post:
        """`read_post(src_uri, text, timezone)`, where `text` is decoded from `raw`."""
        digest = hashlib.blake2b(raw, digest_size=16).digest()
        zone = str(timezone)
        kept = self._posts.get(src_uri)
        if kept is not None and kept[0] == digest and kept[1] == zone:
            return _copy(kept[2])
        post = read_post(src_uri, text, timezone)
        self.parsed += 1
        self._posts[src_uri] = (digest, zone, post)
        return _copy(post)

    def start_build(self, src_uris: Iterable[str]) -> None:
        """A build reads these files: forget the others (deleted, renamed), count afresh."""
        wanted = set(src_uris)
        for uri in [uri for uri in self._posts if uri not in wanted]:
            del self._posts[uri]
        self.parsed = 0


def _copy(post: Post) -> Post:
    """A copy whose fields can be reassigned and whose problem list can grow.

    What the plugin changes after reading a post is its title, its description (scenarios) and
    its problem list; the parsed front matter itself is never changed.
    """
    return replace(post, meta=replace(post.meta), problems=list(post.problems))
