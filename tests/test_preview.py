"""`mkdocs serve --dirty`: an edit shows up everywhere it should, and only those pages rebuild."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import write_docs
from .serving import Server, write_newer


def part(title: str, weight: int, text: str) -> str:
    return f"---\ntitle: {title}\nweight: {weight}\ntags: [demo]\n---\n\n{text}\n"


COURSE = ["Install it", "Configure it", "Use it", "Remove it"]
DOCS = {
    "index.md": "---\ntitle: Home\n---\n\n# Home\n\n<!-- stepwise:series-list -->\n",
    "course/index.md": "---\ntitle: Course\ndescription: Four steps.\n---\n",
    **{
        f"course/part-{n}.md": part(title, n, f"Text of part {n}.")
        for n, title in enumerate(COURSE, start=1)
    },
    "other/index.md": "---\ntitle: Other\n---\n",
    "other/a.md": part("Other A", 1, "First other."),
    "other/b.md": part("Other B", 2, "Second other."),
    "about.md": "---\ntitle: About\n---\n\nAbout this site.\n",
    "tags.md": "---\ntitle: Tags\n---\n\n<!-- material/tags -->\n",
}


def make_project(root: Path) -> Path:
    write_docs(root / "docs", DOCS)
    config = {
        "site_name": "Preview",
        "site_url": "https://preview.test/",
        "theme": {"name": "material", "features": ["navigation.footer", "navigation.prune"]},
        "plugins": ["search", "tags", "stepwise"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root


def site_dir(server: Server) -> Path:
    found = re.search(r"Config value 'site_dir' = '([^']+)'", server.log)
    assert found, "`-v` logs the site folder mkdocs serve writes to"
    return Path(found.group(1))


Outputs = dict[str, int]


def outputs(server: Server) -> Outputs:
    """Every page's URL and the modification time of its HTML, as the server holds them now."""
    site = site_dir(server)
    return {
        str(page.parent.relative_to(site)) + "/": page.stat().st_mtime_ns
        for page in site.rglob("index.html")
    }


def rebuilt_pages(server: Server, before: Outputs) -> set[str]:
    """The pages (URLs) whose HTML the latest rebuild wrote: new, or written since `before`."""

    def latest() -> str:
        return server.log.rsplit("Detected file changes", 1)[-1]

    server.wait_for(lambda: "Reloading browsers" in latest(), 60, "the end of the rebuild")
    return {url for url, mtime in outputs(server).items() if before.get(url) != mtime}


def save(server: Server, path: Path, text: str) -> Outputs:
    """Write `path` as an author's editor would; returns the outputs before, for `rebuilt_pages`."""
    before = outputs(server)
    write_newer(path, text)
    return before


def test_a_new_title_reaches_the_series_and_only_the_pages_that_show_it(tmp_path):
    project = make_project(tmp_path)
    server = Server(project, "--dirty", "-v").start()
    try:
        assert "Configure it" in (server.get("course/part-3/") or "")
        docs = project / "docs"
        saved = save(server, docs / "course/part-2.md", part("Set it up", 2, "Text of part 2."))

        server.wait_for(
            lambda: "Set it up" in (server.get("course/part-3/") or ""), 60, "the neighbour"
        )
        for page in ["course/part-1/", "course/part-2/", "course/part-4/", "course/"]:
            html = server.get(page) or ""
            assert "Set it up" in html, page
            assert "Configure it" not in html, page
        # The landing page lists the parts by title; the neighbours link to it in their pagers.
        pager = server.get("course/part-1/") or ""
        assert re.search(r'rel="next"[^>]*>.*?Set it up', pager, re.S)
        assert rebuilt_pages(server, saved) == {
            "./",
            "course/",
            "course/part-1/",
            "course/part-2/",
            "course/part-3/",
            "course/part-4/",
            "tags/",
        }
        # The tags page lists the new title, and still every page that was not rebuilt.
        tags = server.get("tags/") or ""
        assert "Set it up" in tags and "Configure it" not in tags
        assert all(title in tags for title in ["Install it", "Use it", "Other A", "Other B"])
        # Pages that were not rebuilt still show the full navigation, with every title.
        assert "Other" in (server.get("about/") or "")

        # A body edit elsewhere touches the other series only.
        saved = save(server, docs / "other/a.md", part("Other A", 1, "First other, edited."))
        server.wait_for(
            lambda: "First other, edited." in (server.get("other/a/") or ""), 60, "the edit"
        )
        assert rebuilt_pages(server, saved) == {"./", "other/", "other/a/", "other/b/", "tags/"}
        # MkDocs warns that dirty builds get navigation and links wrong; here they do not.
        assert "A 'dirty' build is being performed" not in server.log
    finally:
        server.stop()


def test_front_matter_that_reorders_a_series_rebuilds_everything(tmp_path):
    project = make_project(tmp_path)
    server = Server(project, "--dirty", "-v").start()
    try:
        # Part 4 moves to the front: every page's "Part N of 4" and pager changes.
        saved = save(
            server, project / "docs/course/part-4.md", part("Remove it", -1, "Text of part 4.")
        )
        server.wait_for(
            lambda: "Remove it" in (server.get("course/") or "").split("Install it")[0],
            60,
            "the new order",
        )
        assert {"about/", "other/b/"} <= rebuilt_pages(server, saved)
    finally:
        server.stop()


def test_a_draft_part_keeps_its_place_when_another_part_is_edited(tmp_path):
    project = make_project(tmp_path)
    docs = project / "docs"
    draft = "---\ntitle: Draft part\nweight: 5\ndraft: true\n---\n\nDraft words " + "word " * 600
    write_docs(docs, {"course/part-5.md": draft})
    server = Server(project, "--dirty", "-v").start()
    try:
        landing = server.get("course/") or ""
        assert "Draft words" in landing and "3 min read" in landing
        saved = save(server, docs / "course/part-2.md", part("Configure it", 2, "Edited body."))
        server.wait_for(lambda: "Edited body." in (server.get("course/part-2/") or ""), 60, "edit")
        rebuilt_pages(server, saved)
        landing = server.get("course/") or ""
        assert "Draft words" in landing, "the draft is still listed"
        assert "3 min read" in landing and "0 min" not in landing
        # The part after the draft would link back to it; the last part links to the draft.
        part4 = server.get("course/part-4/") or ""
        assert re.search(r'rel="next"[^>]*>.*?Draft part', part4, re.S)
        assert "None" not in part4
        assert "Draft part" in (server.get("course/part-5/") or "")
    finally:
        server.stop()


def built_pages(site: Path) -> dict[str, str]:
    return {
        str(page.relative_to(site)): page.read_text(encoding="utf-8")
        for page in sorted(site.rglob("*.html"))
    }


@pytest.mark.parametrize("build_cache", [False, True])
def test_every_page_of_a_preview_after_edits_is_what_a_full_build_makes(tmp_path, build_cache):
    """Parsed posts kept in memory, and conversions and compiled templates restored from
    `.cache/stepwise/`, leave no trace in the output."""
    project = make_project(tmp_path / "project")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"][-1] = {"stepwise": {"cache": build_cache}}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    docs = project / "docs"
    server = Server(project, "--dirty", "-v").start()
    try:
        edits = [  # (file, new text, a page that shows the change, what it shows)
            # A first heading that repeats the title is dropped (headings.py); once the title
            # changes, the same Markdown converts to a page that keeps it.
            (
                "course/part-2.md",
                part("Configure it", 2, "# Configure it\n\nPart 2."),
                "course/part-2/",
                "Part 2.",
            ),
            (
                "course/part-2.md",
                part("Set it up", 2, "# Configure it\n\nPart 2."),
                "course/part-3/",
                "Set it up",
            ),
            (
                "course/part-3.md",
                part("Use it", 3, "New, [link](part-1.md)."),
                "course/part-3/",
                "New,",
            ),
            ("other/a.md", part("Other A2", 1, "First other."), "other/b/", "Other A2"),
        ]
        for number, (path, text, shown_on, marker) in enumerate(edits, start=1):
            write_newer(docs / path, text)

            def shown(page: str = shown_on, marker: str = marker) -> bool:
                return marker in (server.get(page) or "")

            def rebuilt(count: int = number) -> bool:
                return server.log.count("Reloading browsers") >= count

            server.wait_for(shown, 60, path)
            server.wait_for(rebuilt, 60, "the end of the rebuild")
        last = server.log.split("Detected file changes")[-1]
        assert "dirty build renders every page" not in last
        # other/b and other/index show the new title: with the build cache, their Markdown is
        # not converted again.
        if build_cache:
            reused = re.search(r"build cache: (\d+) of \d+ pages converted from the cache", last)
            assert reused and int(reused.group(1)) >= 2, last
        served = built_pages(site_dir(server))
    finally:
        server.stop()
    # The same docs, built from scratch with the address the server used.
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_url"] = server.url
    config["plugins"][-1] = {"stepwise": {"cache": False}}  # from scratch, not from the cache
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    fresh = tmp_path / "fresh"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(fresh)],
        cwd=project,
        check=True,
    )
    expected = built_pages(fresh)
    assert served.keys() == expected.keys()
    different = [page for page in expected if served[page] != expected[page]]
    assert not different, different
