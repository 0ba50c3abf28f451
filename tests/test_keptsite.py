"""The kept site: a warm build leaves unchanged output files alone and deletes stale ones.

Each test builds a real site twice or more into the same `site/` (the cache on, as by default)
and compares the tree with a build of the same docs into an empty folder without the cache.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from mkdocs_stepwise.buildcache import keptsite

from .buildcache_support import tree
from .conftest import BuiltSite, build_site

PART = """\
---
title: "{title}"
date: 2024-03-0{number}
---
## Step {number}

```
echo step {number}
```{{{{execute}}}}
"""

DOCS: dict[str, str | bytes] = {
    "index.md": "# Home\n\nWelcome.\n",
    "series/index.md": "---\ntitle: A series\n---\nThree parts.\n",
    "series/part-1.md": PART.format(title="One", number=1),
    "series/part-2.md": PART.format(title="Two", number=2),
    "series/part-3.md": PART.format(title="Three", number=3),
    "about.md": "# About\n\nUs.\n",
}


class Site:
    """Docs built warm into `root/warm` (the same folder each time) and cold for reference."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs = dict(DOCS)
        self.builds = 0

    def _build(self, name: str, *, cache: bool) -> BuiltSite:
        root = self.root / name
        shutil.rmtree(root / "docs", ignore_errors=True)
        return build_site(
            root,
            self.docs,
            plugin={"cache": cache, "cache_dir": str(root / "cache")},
        )

    def warm(self) -> BuiltSite:
        return self._build("warm", cache=True)

    def check(self) -> BuiltSite:
        """Build warm, then cold into a new folder: the trees must be equal."""
        warm = self.warm()
        self.builds += 1
        cold_root = self.root / f"cold-{self.builds}"
        cold = self._build(cold_root.name, cache=False)
        assert tree(warm.site_dir) == tree(cold.site_dir)
        return warm


def stamps(site: Path) -> dict[str, tuple[int, int]]:
    """Each file's inode and modification time: what a rewrite changes."""
    found = {}
    for path in site.rglob("*"):
        if path.is_file():
            info = path.stat()
            found[str(path.relative_to(site))] = (info.st_ino, info.st_mtime_ns)
    return found


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Site:
    # The sitemap's dates and its gzip header: equal in every build, whatever the clock says.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    return Site(tmp_path)


def test_unchanged_pages_are_not_written_again(
    site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    first = site.check()
    before = stamps(first.site_dir)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        again = site.check()
    after = stamps(again.site_dir)
    pages = [name for name in before if name.endswith(".html") and name != "404.html"]
    assert len(pages) >= 5
    # The pages' files are the very same files; only MkDocs' top-level ones are new.
    unchanged = [name for name in pages if before[name] == after[name]]
    assert sorted(unchanged) == sorted(name for name in pages if "/" in name)
    assert not [r for r in caplog.records if "Page skipped" in r.getMessage()]

    # One part's body: its file is written, the others' are not.
    site.docs["series/part-3.md"] = PART.format(title="Three", number=3) + "\nMore.\n"
    after_edit = stamps(site.check().site_dir)
    assert after_edit["series/part-3/index.html"] != after["series/part-3/index.html"]
    assert after_edit["about/index.html"] == after["about/index.html"]


def test_a_removed_page_and_a_new_draft_leave_no_file(site: Site) -> None:
    site.check()
    del site.docs["about.md"]
    site.docs["series/part-2.md"] = PART.format(title="Two", number=2).replace(
        "date:", "draft: true\ndate:"
    )
    warm = site.check()
    assert not (warm.site_dir / "about").exists()
    assert not (warm.site_dir / "series" / "part-2").exists()
    leaked = [p for p in warm.site_dir.rglob("*") if p.is_file() and b"Two" in p.read_bytes()]
    assert not [p for p in leaked if p.suffix in (".html", ".xml", ".json", ".sh")]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # A page's folder where a file now goes, and an old file where a folder now goes.
        ({"notes.md": "# Notes\n"}, {"notes": b"plain text, no extension\n"}),
        ({"notes": b"plain text, no extension\n"}, {"notes/index.md": "# Notes\n"}),
    ],
)
def test_a_file_where_a_folder_was_and_back(
    site: Site, before: dict[str, Any], after: dict[str, Any]
) -> None:
    site.docs.update(before)
    site.check()
    for name in before:
        del site.docs[name]
    site.docs.update(after)
    site.check()


def test_what_a_clean_build_keeps_or_deletes_outside_the_pages(site: Site, tmp_path: Path) -> None:
    warm = site.check()
    outside = tmp_path / "outside.html"
    outside.write_text("not the site's\n", encoding="utf-8")
    page = warm.site_dir / "about" / "index.html"
    page.unlink()
    page.symlink_to(outside)  # a page's file, now a link out of the site
    (warm.site_dir / ".git").mkdir()
    (warm.site_dir / ".git" / "HEAD").write_text("ref\n", encoding="utf-8")
    (warm.site_dir / "assets" / ".junk").write_text("x\n", encoding="utf-8")
    (warm.site_dir / "series" / "stray.txt").write_text("x\n", encoding="utf-8")
    # A build killed while the folders were set aside.
    (warm.site_dir / ".stepwise-previous" / "old").mkdir(parents=True)
    before = stamps(warm.site_dir)

    warm = site.warm()
    # The leftover is no reason to write everything again.
    assert stamps(warm.site_dir)["series/part-1/index.html"] == before["series/part-1/index.html"]
    assert outside.read_text(encoding="utf-8") == "not the site's\n"
    assert not page.is_symlink() and b"About" in page.read_bytes()
    assert (warm.site_dir / ".git" / "HEAD").exists()  # MkDocs keeps hidden top-level entries
    assert not (warm.site_dir / "assets" / ".junk").exists()
    assert not (warm.site_dir / "series" / "stray.txt").exists()
    assert not (warm.site_dir / ".stepwise-previous").exists()
    shutil.rmtree(warm.site_dir / ".git")
    cold = build_site(tmp_path / "reference", site.docs, plugin={"cache": False})
    assert tree(warm.site_dir) == tree(cold.site_dir)


def test_without_the_cache_every_file_is_written(site: Site) -> None:
    first = site._build("plain", cache=False)
    before = stamps(first.site_dir)
    again = site._build("plain", cache=False)
    after = stamps(again.site_dir)
    assert all(before[name] != after[name] for name in before if name.endswith(".html"))


@pytest.mark.parametrize("failing_call", [1, 3])
def test_a_folder_that_cannot_be_moved_is_cleaned_and_written(
    site: Site, monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    """The first move aside, or the first move back (site/ has two folders), fails."""
    site.check()
    calls = 0
    real_rename = os.rename

    def rename(source: str, target: str) -> None:
        nonlocal calls
        calls += 1
        if calls == failing_call:
            raise PermissionError(13, "Permission denied", source)
        real_rename(source, target)

    monkeypatch.setattr(os, "rename", rename)
    warm = site.check()
    assert calls >= failing_call
    assert not (warm.site_dir / keptsite.ASIDE).exists()
