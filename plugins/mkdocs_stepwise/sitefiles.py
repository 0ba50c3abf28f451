"""A file of the build by its docs-relative URI, without MkDocs' path normalisation per lookup.

`Files.get_file_from_path` normalises its argument with `PurePath` on every call, which is most
of its cost; listings and series pages ask thousands of times, nearly always with a URI that is
already MkDocs' own (`File.src_uri`). Such a URI is a key of `Files.src_uris` as it is; anything
else still goes through MkDocs' lookup, so the answer is MkDocs' in every case.
"""

from __future__ import annotations

from mkdocs.structure.files import File, Files


def file_at(files: Files, src_uri: str) -> File | None:
    """`files.get_file_from_path(src_uri)`, with a direct lookup first."""
    return files.src_uris.get(src_uri) or files.get_file_from_path(src_uri)
