"""The build cache, reviewed: inputs a page's conversion reads that its key once missed.

Each test edits the project so that a warm build from a stale entry would differ from a cold
build; `Project.check` compares the whole site trees.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .buildcache_support import HOME, POST, Project
from .xkcd_support import png


def test_a_comic_two_posts_show_stays_published_when_the_first_drops_it(
    project: Project, tmp_path: Path
) -> None:
    cache = tmp_path / "xkcd-cache"
    (cache / "comics").mkdir(parents=True)
    (cache / "comics/python_environment.png").write_bytes(png(40, 30))
    (cache / "comics/python_environment_2x.png").write_bytes(png(80, 60))
    project.config["plugins"][-1]["stepwise"]["xkcd"] = {"fetch": True, "cache_dir": str(cache)}
    comic = POST + "\n{{< xkcd 1987 >}}\n"
    project.files["posts/why-namespaces.md"] = comic
    # Converted before `why-namespaces.md`, which shows the same comic.
    project.files["posts/another-comic.md"] = comic.replace("Why namespaces", "Another comic")
    project.check()
    assert (project.root / "warm/site/assets/xkcd/python_environment.png").is_file()

    # The first post drops the comic; the second, unchanged, comes from the cache and still
    # shows it, so the image must still be published.
    project.files["posts/another-comic.md"] = POST.replace("Why namespaces", "Another comic")
    converted, _, _, _ = project.check()
    assert converted > 0


def test_a_sites_own_markdown_extension_named_in_mkdocs_yml_counts_by_its_code(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    monkeypatch.syspath_prepend(str(library))
    module = library / "review_signature.py"
    code = """\
from markdown import Extension
from markdown.postprocessors import Postprocessor


class Sign(Postprocessor):
    def run(self, text):
        return text + "<p>Signed: WORD</p>"


class SignExtension(Extension):
    def extendMarkdown(self, md):
        md.postprocessors.register(Sign(md), "review_signature", 0)


def makeExtension(**kwargs):
    return SignExtension(**kwargs)
"""
    module.write_text(code.replace("WORD", "first"), encoding="utf-8")
    monkeypatch.delitem(sys.modules, "review_signature", raising=False)
    project.config["markdown_extensions"].append("review_signature")
    project.check()

    module.write_text(code.replace("WORD", "second"), encoding="utf-8")
    monkeypatch.delitem(sys.modules, "review_signature")
    project.check()


def test_upgrading_any_installed_distribution_changes_the_versions_in_every_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A third-party plugin or Markdown extension (not one of `PACKAGES`) counts by its version.
    from mkdocs_stepwise.buildcache import versions

    packages = tmp_path / "site-packages"
    info = packages / "review_plugin-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: review-plugin\nVersion: 1.0\n")
    monkeypatch.syspath_prepend(str(packages))
    before = versions()
    assert before["review-plugin"] == "1.0"
    info.rename(packages / "review_plugin-1.1.dist-info")
    (packages / "review_plugin-1.1.dist-info/METADATA").write_text(
        "Metadata-Version: 2.1\nName: review-plugin\nVersion: 1.1\n"
    )
    assert versions() != before


def test_a_listing_template_of_the_sites_own_that_reads_the_page_is_rendered_again(
    project: Project,
) -> None:
    # Listing templates are given the page (for the `url` filter); a site's override may
    # print more of it than its address.
    cards = '<p class="for">Posts for {{ page.meta.audience }}</p>\n'
    for name in ("cold", "warm"):
        folder = project.root / name / "overrides/partials/stepwise"
        folder.mkdir(parents=True)
        (folder / "post-cards.html").write_text(cards, encoding="utf-8")
    project.files["index.md"] = HOME.replace("title: Home", "title: Home\naudience: admins")
    project.check()

    project.files["index.md"] = HOME.replace("title: Home", "title: Home\naudience: students")
    converted, pages, _, _ = project.check()
    assert converted == pages - 1


def test_a_cache_folder_that_cannot_be_listed_is_left_alone_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # A folder another user made (a container's root, say): listing it raises PermissionError.
    # Running as root here, so the refusal is simulated for that one folder.
    from mkdocs_stepwise.buildcache.store import Store

    root = tmp_path / "cache"
    root.mkdir()
    (root / "somefile").write_text("x")
    iterdir = Path.iterdir

    def refuse(self: Path) -> object:
        if self == root:
            raise PermissionError(13, "Permission denied", str(self))
        return iterdir(self)

    monkeypatch.setattr(Path, "iterdir", refuse)
    with caplog.at_level("INFO", logger="mkdocs.plugins.stepwise.buildcache"):
        store = Store(root)
    assert not store.usable
    assert "Permission denied" in caplog.text
