"""No lost work and no leaks: builds never write into docs/, and unpublished posts leave no trace.

The leak test plants a token in every field of a draft, a scheduled and an expired post, and
searches every file of the build (decompressing `sitemap.xml.gz`) and every file name for it. A
published twin, built from the same template, proves that the search would find each field.
"""

from __future__ import annotations

import gzip
import json
import logging

import pytest

from .blog_support import TAGS_PAGE
from .conftest import PluginWarnings, build_site, tree_hash, write_docs

# A post that uses `token` in every field that reaches some output: title, body, tags, a category
# and a series only it uses, an alias, a teaser, an execute command and a code span to copy.
POST = """
---
title: {token} title
date: {date}
{extra}
summary: {token} summary
tags: [{token}-tag]
categories: [{token}-category]
keywords: [{token}-keyword]
{series}aliases: [/{token}-alias/]
weight: {weight}
---

{token} teaser <!--more--> {token} body

```
echo {token}-command
```{{{{execute}}}}

Copy `{token}-copy`{{{{copy}}}}.
"""

UNPUBLISHED = {
    "zqxdraft": "draft: true",
    "zqxfuture": "",  # dated in the future below
    "zqxexpired": "expiryDate: 2001-01-01",
    "zqxdraftpart": "draft: true",
    # A draft landing page whose series has published parts.
    "zqxdraftlanding": "draft: true",
    # Files a scenario's `verify` and `answer` point at outside its folder.
    "zqxdotenv": "",
    "zqxplan": "draft: true",
}


def post(
    token: str, weight: int, extra: str = "", date: str = "2020-01-01", own_series: bool = True
) -> str:
    """A post in the folder's series, and in a series of its own when `own_series`."""
    series = f"series: {token}-series\n" if own_series else ""
    return POST.format(token=token, date=date, extra=extra, weight=weight, series=series)


FILES: dict[str, str | bytes] = {
    "index.md": "# Home\n\n<!-- stepwise:series-list -->\n\n<!-- stepwise:posts -->\n",
    "tags.md": TAGS_PAGE,
    "course/index.md": "---\ntitle: Course\n---\n\n<!-- stepwise:series-parts -->\n",
    "course/public.md": post("zqxpublic", 1),
    "course/draft.md": post("zqxdraft", 2, UNPUBLISHED["zqxdraft"]),
    "course/future.md": post("zqxfuture", 3, date="2999-01-01"),
    "course/expired.md": post("zqxexpired", 4, UNPUBLISHED["zqxexpired"]),
    # Parts of the folder's series only: the series' script must hold one and not the other.
    "course/public-part.md": post("zqxpublicpart", 5, own_series=False),
    "course/draft-part.md": post("zqxdraftpart", 6, UNPUBLISHED["zqxdraftpart"], own_series=False),
    "course2/index.md": "---\ntitle: zqxdraftlanding title\ndraft: true\n"
    "description: zqxdraftlanding description\n---\nzqxdraftlanding body\n",
    "course2/part.md": "---\ntitle: Course two part\n---\nRun `ls`{{execute}}.\n",
    ".env": "SECRET=zqxdotenv\n",
    "private/plan.md": "---\ntitle: zqxplan\ndraft: true\n---\nzqxplan body\n",
    "scenario/index.json": json.dumps(
        {
            "title": "Scenario",
            "details": {
                "intro": {"text": "intro.md"},
                "steps": [
                    {"title": "Step", "text": "step1.md", "verify": "../.env"},
                    {"title": "Two", "text": "step2.md", "answer": "../private/plan.md"},
                    {"title": "Three", "text": "step3.md", "answer": "../course/public.md"},
                    {"title": "Four", "text": "step4.md", "answer": "../index.md"},
                ],
            },
        }
    ),
    "scenario/step2.md": "Two.\n",
    "scenario/step3.md": "Three.\n",
    "scenario/step4.md": "Four.\n",
    "scenario/intro.md": "Intro.\n",
    "scenario/step1.md": "Run `ls`{{execute}}.\n\n{{< xkcd 1987 >}}\n\n{{< xkcd 99999 >}}\n",
}
CONFIG = {"plugins": ["search", "tags", {"stepwise": {}}]}


def output_texts(site) -> dict[str, str]:
    """Every output file's text (gzip files decompressed), keyed by its path in the site."""
    texts = {}
    for path in site.all_files():
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        texts[str(path.relative_to(site.site_dir))] = data.decode("utf-8", "replace").lower()
    return texts


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("leaks")
    write_docs(root / "docs", FILES)
    before = tree_hash(root / "docs")
    collected = PluginWarnings()
    logging.getLogger("mkdocs").addHandler(collected)
    try:
        site = build_site(root, {}, config=CONFIG, strict=False)
    finally:
        logging.getLogger("mkdocs").removeHandler(collected)
    # The only warnings: a series whose only post is unpublished is left out (the log is the
    # author's, not the site's).
    unknown_comic = collected.expect(r"^scenario/step1\.md:5: xkcd 99999 is not in the xkcd data")
    assert len(unknown_comic) == 1
    outside = collected.expect(r"^scenario/index\.json: the .* is not a file of the scenario's own")
    assert [message.split("'")[1] for message in outside] == [
        "../.env",
        "../private/plan.md",
        "../course/public.md",
        "../index.md",
    ]
    collected.expect(r"^course2/index\.md: this landing page is not published", count=1)
    assert sorted(collected.messages) == [
        f"{uri}: series '{title}' has no published parts; it is left out"
        for uri, title in [
            ("course/draft.md", "zqxdraft-series"),
            ("course/expired.md", "zqxexpired-series"),
            ("course/future.md", "zqxfuture-series"),
            # `private/` has no landing page of its own: no series, nothing to report.
        ]
    ]
    return site, before


def test_a_build_writes_nothing_into_docs_and_nothing_into_the_cache(built):
    site, before = built
    assert tree_hash(site.docs_dir) == before
    # xkcd fetching is off by default: comic 1987 comes from the shipped data, 99999 is reported,
    # and neither makes a cache.
    cache = site.docs_dir.parent / ".cache/stepwise"
    assert not (cache / "xkcd").exists()
    # The build cache holds what this build made, and so nothing of an unpublished post.
    entries = [path for path in (cache / "build").rglob("*") if path.is_file()]
    assert len(entries) > 10
    for path in entries:
        data = path.read_bytes()
        assert not [token for token in UNPUBLISHED if token.encode() in data], path
    assert site.exists("scenario/step1/index.html") and site.exists("zqxpublic-alias/index.html")


def test_the_published_twin_is_found_everywhere_the_search_looks(built):
    """Each place the leak test searches really carries a published post's token."""
    site, _ = built
    texts = output_texts(site)
    carriers = {path for path, text in texts.items() if "zqxpublic" in text}
    expected = {
        "course/public/index.html",
        "index.html",
        "sitemap.xml",
        "sitemap.xml.gz",
        "search/search_index.json",
        "feed.xml",
        "feed.json",
        "series/zqxpublic-series/zqxpublic-series.sh",
        "tags/index.html",
        "archive/index.html",
        "categories/index.html",
        "categories/zqxpublic-category/index.html",
        "series/zqxpublic-series/index.html",
        "zqxpublic-alias/index.html",
    }
    assert expected <= carriers, expected - carriers
    assert "echo zqxpublic-command" in texts["series/zqxpublic-series/zqxpublic-series.sh"]
    assert "echo zqxpublicpart-command" in texts["course/course.sh"]
    assert "zqxpublic-copy" in texts["course/public/index.html"]
    # A scenario's `answer` cannot take a page off the site.
    assert "course/public/" in texts["sitemap.xml"] and "index.html" in texts
    # The draft landing page's published part leads to a generated landing page that exists.
    home = site.html("")
    assert "course2/" in {a["href"] for a in home.select(".stepwise-series-list a[href]")}
    assert site.html("course2/").select_one("h1").get_text() == "Course2"


@pytest.mark.parametrize("token", sorted(UNPUBLISHED))
def test_an_unpublished_post_leaves_no_trace(built, token):
    site, _ = built
    leaks = [path for path, text in output_texts(site).items() if token in text or token in path]
    assert leaks == []
