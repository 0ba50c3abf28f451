"""A file of the build by its docs-relative URI, without MkDocs' path normalisation per lookup.

`Files.get_file_from_path` normalises its argument with `PurePath` on every call, which is most
of its cost; listings and series pages ask thousands of times, nearly always with a URI that is
already MkDocs' own (`File.src_uri`). Such a URI is a key of `Files.src_uris` as it is; a URI
that `PurePath` would change (an empty or `.` part) still goes through MkDocs' lookup, so the
answer is MkDocs' in every case. The blog asks about every post's images, most of which are not
files of the site: those answers no longer cost a `PurePath` each either.
"""

from __future__ import annotations

import re

from mkdocs.structure.files import File, Files

# What `PurePath(uri).as_posix()` may rewrite: a `.` part or an empty one (`a//b`, `a/`, `/`),
# and a backslash (a separator on Windows).
_NOT_AS_IS = re.compile(r"(?:^|/)\.?(?:/|$)|\\")


def file_at(files: Files, src_uri: str) -> File | None:
    """`files.get_file_from_path(src_uri)`, with a direct lookup first."""
    found = files.src_uris.get(src_uri)
    if found is not None or not _NOT_AS_IS.search(src_uri):
        return found
    return files.get_file_from_path(src_uri)
