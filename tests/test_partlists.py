"""Series header items rendered once per series and folder are what each page renders itself."""

from __future__ import annotations

from typing import Any

import pytest

from mkdocs_stepwise import partlists
from mkdocs_stepwise.partlists import PartLists


def part(title: str, weight: int, series: str | None = None) -> str:
    key = f"series: [{series}]\n" if series else ""
    return f"---\ntitle: {title}\n{key}weight: {weight}\n---\n\nText of {title}.\n"


SITE = {
    "index.md": "# Home\n",
    # Siblings in one folder: each shares the others' links.
    "course/index.md": "---\ntitle: Course\n---\n",
    **{f"course/part-{n}.md": part(f"Part {n}", n) for n in range(1, 6)},
    # A series across folders: at the root, side by side, one part below another part's
    # address (`deep/` and `deep/er/`), and one deeper down.
    "alpha.md": part("Alpha", 1, "Spread"),
    "deep.md": part("Deep", 2, "Spread"),
    "deep/er.md": part("Deeper", 3, "Spread"),
    "deep/est/most.md": part("Deepest", 4, "Spread"),
    "other/side.md": part("Side", 5, "Spread"),
    "other/view.md": part("View", 6, "Spread"),
}


def html_files(site: Any) -> dict[str, str]:
    return {
        str(path.relative_to(site.site_dir)): path.read_text(encoding="utf-8")
        for path in site.all_files()
        if path.suffix == ".html"
    }


@pytest.mark.parametrize("directory_urls", [True, False])
def test_shared_items_are_byte_for_byte_what_each_page_renders(build, monkeypatch, directory_urls):
    links: list[str] = []
    real_link = PartLists._link

    def counting_link(self: PartLists, part: Any, *args: Any, **kwargs: Any) -> str:
        links.append(part.url)
        return real_link(self, part, *args, **kwargs)

    monkeypatch.setattr(PartLists, "_link", counting_link)
    config = {"use_directory_urls": directory_urls}
    shared = build(SITE, config=config)
    # The template's own loop, one `url` filter per item and page.
    monkeypatch.setattr(PartLists, "fill", lambda self, series, page: series)
    reference = build(SITE, config=config)

    pages = html_files(reference)
    suffix = "/index.html" if directory_urls else ".html"
    assert 'aria-current="page"><strong>Part 3</strong>' in pages[f"course/part-3{suffix}"]
    assert "stepwise-series__parts" in pages[f"deep/er{suffix}"]
    assert html_files(shared) == pages
    # Far fewer links rendered than one per part on each page of each series.
    assert len(links) < 5 * 5 + 6 * 6
    # The five parts of one folder: each link once, whatever the number of pages.
    course = [url for url in links if url.startswith("course/")]
    assert len(course) == 5


def test_a_page_at_the_root_shares_nothing():
    assert partlists._folders("") == ()
    assert partlists._folders("index.html") == ()
    assert partlists._folders("a/b/") == ("a", "b")
    assert partlists._folders("a/b.html") == ("a",)
