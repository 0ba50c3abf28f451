"""`file_at` answers what MkDocs' `Files.get_file_from_path` answers, for any path."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.structure.files import File, Files

from mkdocs_stepwise.sitefiles import file_at

_URIS = ["a.md", "a/b.md", "a/b/index.md", ".hidden/c.md", "a b/é.md", "x/..", "x/../y.md"]


def _files() -> Files:
    return Files([File(uri, "/docs", "/site", use_directory_urls=True) for uri in _URIS])


FILES = _files()


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "b", "a.md", "b.md", "index.md", ".", "..", "", ".hidden", "c.md"]),
        max_size=4,
    ).map("/".join)
    | st.text(alphabet="ab./\\ é", max_size=12)
    | st.sampled_from(_URIS)
)
def test_file_at_answers_as_mkdocs_does(path: str) -> None:
    assert file_at(FILES, path) is FILES.get_file_from_path(path)


def test_paths_mkdocs_normalises_are_found() -> None:
    # Each is one of the site's files only once `PurePath` has tidied it.
    tidied = [("./a.md", "a.md"), ("a//b.md", "a/b.md"), ("a/./b/index.md", "a/b/index.md")]
    for path, uri in tidied:
        found = file_at(FILES, path)
        assert found is not None and found.src_uri == uri
