"""Hostile input: scripts smuggled in through front matter, captions, links and xkcd data.

One site holds every payload; every file the build writes is then checked by parsing it (HTML
with BeautifulSoup, `feed.xml` with ElementTree, JSON with `json`), not by searching strings:
escaped text such as `&lt;script&gt;` is harmless, an element or an attribute is not.
"""

from __future__ import annotations

import json
import logging
import re
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

from .blog_support import GIF, TAGS_PAGE
from .conftest import PluginWarnings, build_site

# Every payload calls `alert` (or names `pwned`): a script element that contains either, an
# event-handler attribute or a script URL anywhere in the output means the payload got through.
SCRIPT = "<script>alert('pwned')</script>"
BREAKOUT = '" onmouseover="alert(\'pwned\')" x="'
SINGLE_QUOTE_BREAKOUT = "https://example.org/b.jpg' onerror='alert(1)"
# Gallery lines are `url [thumbnail] ["caption"]`: the URL cannot hold a double quote.
GALLERY = "https://example.org/g.jpg?a=b'onmouseover='alert(1) \"<img src=x onerror=alert(1)>\""
IMG = "<img src=x onerror=alert('pwned')>"
HOSTILE = f"{SCRIPT} {BREAKOUT} {IMG}"
SCRIPT_URL_RE = re.compile(r"^\s*(javascript|vbscript|data(?!:image/))\s*:", re.IGNORECASE)
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "srcset")


def yaml_string(text: str) -> str:
    return json.dumps(text)  # JSON strings are YAML strings


XKCD_DATA = f"""
comics:
  - num: 353
    title: {yaml_string(SCRIPT)}
    alt: {yaml_string(IMG + BREAKOUT)}
    img: https://imgs.xkcd.com/comics/python.png
"""

CONTROL_TITLE = "Second \x1b[31mred\x1b[0m\x0b part\x07"
CAPTION = f"Caption {HOSTILE} [x](javascript:alert(1))"
EVIL_TITLE = "Evil " + HOSTILE + "\ntouch /tmp/pwned"
EVIL_POST = f"""
---
title: {yaml_string(EVIL_TITLE)}
description: {yaml_string("Description " + HOSTILE)}
summary: {yaml_string("Summary " + HOSTILE)}
date: 2024-01-02
tags: [{yaml_string(SCRIPT)}, {yaml_string(BREAKOUT)}, {yaml_string(IMG)}]
categories: [{yaml_string(SCRIPT)}, {yaml_string(BREAKOUT)}]
keywords: [{yaml_string(SCRIPT)}, {yaml_string(BREAKOUT)}]
coverImage: "javascript:alert('pwned')"
thumbnailImage: "  JavaScript:alert('pwned')"
coverCaption: {yaml_string("Caption " + HOSTILE + " [x](javascript:alert('pwned'))")}
aliases: [{yaml_string("/old/" + BREAKOUT + "/")}, "/older/"]
weight: 1
---

Opening words <!--more--> and the rest.

[a script link](javascript:alert('pwned')) [vb](vbscript:msgbox) [spaced]( JAVASCRIPT:alert(1))
[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
![image](javascript:alert('pwned')) ![fine](data:image/gif;base64,R0lGODlhAQABAAAAACw=)
[ref link][evil] [fine link](https://example.org/)

[evil]: javascript:alert('pwned')

{{{{< figure src="/images/first.jpg" caption="[me](javascript:alert(document.domain))" >}}}}

A paragraph with a handler.
{{: onmouseover="alert('pwned')" }}

## A heading {{ onclick=alert(1) }}

```
echo "a command"
```{{{{execute}}}}

{{{{< xkcd 353 >}}}}

[![](https://imgs.xkcd.com/comics/python_environment.png)](https://xkcd.com/1987/ "{IMG}")
"""

FILES: dict[str, str | bytes] = {
    # Keys Material prints itself: `author` in a meta tag, `subtitle` in the navigation.
    "index.md": f"---\nauthor: {yaml_string(BREAKOUT + SCRIPT)}\nsubtitle: {yaml_string(IMG)}\n"
    f"status: {yaml_string(BREAKOUT)}\n---\n"
    "# Home\n\n<!-- stepwise:series-list -->\n\n<!-- stepwise:posts -->\n",
    "tags.md": TAGS_PAGE,
    "images/first.jpg": GIF,
    "course/index.md": f"---\ntitle: {yaml_string('Course ' + HOSTILE)}\n"
    f"description: {yaml_string(HOSTILE)}\n---\n",
    "course/evil.md": EVIL_POST,
    # Colour codes pasted from a terminal and a vertical tab: XML 1.0 forbids both.
    "course/second.md": f"---\ntitle: {yaml_string(CONTROL_TITLE)}\nweight: 2\n"
    f"series: {yaml_string(HOSTILE)}\n"
    f"coverImage: /images/first.jpg\ncoverCaption: {yaml_string(CAPTION)}\n"
    f"date: 2024-01-03\n---\nBody.\n",
    "course/third.md": "---\ntitle: Third\nweight: 3\n"
    f"linkTitle: {yaml_string('Link ' + HOSTILE)}\n"
    f"coverImage: {yaml_string('https://example.org/a.jpg' + BREAKOUT)}\ncoverMeta: in\n"
    f"thumbnailImage: {yaml_string(SINGLE_QUOTE_BREAKOUT)}\n"
    f"gallery: [{yaml_string(GALLERY)}]\n"
    f"slug: {yaml_string('third' + BREAKOUT)}\ndate: 2024-01-04\n---\nBody.\n",
    "paths/hello/index.json": json.dumps(
        {
            "title": "Scenario " + HOSTILE,
            "description": HOSTILE,
            "details": {
                "intro": {"text": "intro.md"},
                "steps": [{"title": "Step " + HOSTILE, "text": "step1.md"}],
            },
        }
    ),
    "paths/hello/intro.md": "Intro.\n",
    # Without an intro, the landing page is generated and shows the description.
    "paths/nointro/index.json": json.dumps(
        {
            "title": "No intro",
            "description": "Described " + HOSTILE,
            "details": {"steps": [{"title": "Only", "text": "step1.md"}]},
        }
    ),
    "paths/nointro/step1.md": "Only step.\n",
    "paths/hello/step1.md": "Run it:\n\n```\nls\n```{{execute}}\n",
    "paths-pathway.json": json.dumps(
        {
            "title": "Pathway " + HOSTILE,
            "description": "Pathway " + HOSTILE,
            "courses": [{"course_id": "hello", "title": "Course " + HOSTILE}],
        }
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("hostile")
    data_file = root / "xkcd.yml"
    data_file.write_text(XKCD_DATA, encoding="utf-8")
    # Module-scoped: the per-test `plugin_warnings` guard is not listening yet, so collect here.
    collected = PluginWarnings()
    logging.getLogger("mkdocs").addHandler(collected)
    try:
        built = build_site(
            root,
            FILES,
            config={
                "plugins": ["search", "tags", {"stepwise": {"xkcd": {"data_file": str(data_file)}}}]
            },
            strict=False,
        )
    finally:
        logging.getLogger("mkdocs").removeHandler(collected)
    built.errors = collected.messages
    return built


def dangers_in_html(markup: str) -> Iterator[str]:
    """What in `markup` would run a script when a browser shows it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)  # short texts, URLs
        soup = BeautifulSoup(markup, "html.parser")
    for element in soup.find_all(True):
        if element.name == "script" and re.search(r"alert|pwned", element.get_text()):
            yield f"script element: {element}"
        for name, value in element.attrs.items():
            values = value if isinstance(value, list) else [value]
            if name.lower().startswith("on"):
                yield f"event handler {name}={value!r} on <{element.name}>"
            if name.lower() in URL_ATTRIBUTES and any(SCRIPT_URL_RE.match(v) for v in values):
                yield f"script URL {name}={value!r} on <{element.name}>"
        if element.name == "meta" and element.get("http-equiv", "").lower() == "refresh":
            url = str(element.get("content", "")).partition("url=")[2]
            if SCRIPT_URL_RE.match(url):
                yield f"refresh to a script URL: {element}"


def json_strings(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a JSON document, with the key it sits under."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from json_strings(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item, key)


# Fields that feed readers and Material's search UI show as HTML. Feed titles, summaries and
# tags are plain text in both formats (JSON Feed says so; RSS readers treat `title` as text), so
# they are escaped once, as XML or JSON, and must not be escaped twice.
HTML_FIELDS = {"description", "content_html", "title", "text"}
PLAIN_FEED_FIELDS = {"title", "summary", "tags", "content_text", "category"}


def dangers_in_file(path: Path) -> Iterator[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    feed = path.name in {"feed.xml", "feed.json"}
    if path.suffix == ".html":
        yield from dangers_in_html(text)
    elif path.suffix == ".xml":
        for element in ET.fromstring(text).iter():
            tag = element.tag.rpartition("}")[2]
            if tag in HTML_FIELDS and not (feed and tag in PLAIN_FEED_FIELDS):
                yield from dangers_in_html(element.text or "")
            for value in [element.text or "", *element.attrib.values()]:
                if SCRIPT_URL_RE.match(value):
                    yield f"script URL in <{tag}>: {value!r}"
    elif path.suffix == ".json":
        for key, value in json_strings(json.loads(text)):
            if key in HTML_FIELDS and not (feed and key in PLAIN_FEED_FIELDS):
                yield from dangers_in_html(value)
            if SCRIPT_URL_RE.match(value):
                yield f"script URL in JSON {key}: {value!r}"
    elif path.suffix == ".sh":
        for line in text.splitlines():
            if "pwned" in line and not line.startswith("#"):
                yield f"title broke out of its comment: {line!r}"


def test_the_payloads_reach_the_pages_they_attack(site):
    """The test is only meaningful if the payloads are on the pages, as harmless text."""
    evil = site.html("course/evil/")
    assert "Evil <script>" in evil.select_one("h1").get_text()
    assert "<script>" in evil.select_one('meta[name="description"]')["content"]
    # Meta tags carry the plain title, escaped once: a preview shows "<script>", not "&lt;".
    title = " ".join(EVIL_TITLE.split())
    assert " ".join(evil.select_one('meta[property="og:title"]')["content"].split()) == title
    assert " ".join(evil.select_one('meta[name="twitter:title"]')["content"].split()) == title
    category = site.html("categories/alertpwned/")  # pymdownx.slugs drops the tags
    assert category.select_one("h1").get_text() == f"Category: {SCRIPT}"
    assert category.select_one('meta[property="og:title"]')["content"] == f"Category: {SCRIPT}"
    home = site.html("")
    assert "Evil <script>" in home.get_text()
    assert home.select_one('meta[name="author"]')["content"] == BREAKOUT + SCRIPT
    assert IMG in home.select_one(".md-nav small").get_text()
    assert "Link <script>" in home.get_text()  # linkTitle on the post cards
    # The slug is a path segment with quotes; MkDocs URL-quotes it wherever it is linked.
    third = site.html("course/third" + BREAKOUT + "/")
    assert any("third%22%20onmouseover" in a["href"] for a in home.select("a[href]"))
    assert third.select_one(".stepwise-cover__image")["src"].endswith(BREAKOUT)
    assert (
        third.select_one(".stepwise-gallery figcaption").get_text()
        == "<img src=x onerror=alert(1)>"
    )
    assert SCRIPT in site.html("tags/").get_text()
    assert "Scenario <script>" in site.html("paths/hello/").get_text()
    assert "Described " + HOSTILE in site.html("paths/nointro/").select_one("article").get_text()
    assert site.html("paths/").select_one("h1").get_text() == "Pathway " + HOSTILE
    feed_titles = [
        item.findtext("title") for item in ET.fromstring(site.text("feed.xml")).iter("item")
    ]
    assert "Second red part" in feed_titles
    cover = site.html("course/second/").select_one("figcaption")
    assert cover is not None and cover.get_text() == f"Caption {HOSTILE} x"
    caption = evil.select_one("figure.stepwise-xkcd .stepwise-xkcd__text")
    assert caption is not None and IMG in caption.get_text()
    assert any(site.path("categories").rglob("index.html"))
    assert site.exists("older/index.html")
    assert site.exists("feed.xml") and site.exists("feed.json")
    scripts = "".join(path.read_text(encoding="utf-8") for path in site.site_dir.rglob("*.sh"))
    assert "# Part 1: Evil <script>" in scripts and "touch /tmp/pwned" in scripts
    assert site.exists("old/" + BREAKOUT + "/index.html")  # an odd address, but only a path
    search = json.loads(site.text("search/search_index.json"))["docs"]
    titles = [BeautifulSoup(doc["title"], "html.parser").get_text() for doc in search]
    assert any(title.startswith("Evil <script>") for title in titles)


def test_no_output_file_runs_a_payload(site):
    generated = [
        path
        for path in site.all_files()
        # Files copied from docs/ as they are (a scenario's index.json) are the author's.
        if not (site.docs_dir / path.relative_to(site.site_dir)).exists()
    ]
    found = {
        str(path.relative_to(site.site_dir)): dangers
        for path in generated
        if path.suffix in {".html", ".xml", ".json", ".sh"}
        and (dangers := list(dangers_in_file(path)))
    }
    assert found == {}
    assert {"feed.xml", "feed.json", "search/search_index.json"} <= {
        str(path.relative_to(site.site_dir)) for path in generated
    }


def test_script_links_in_posts_are_neutralised_and_others_kept(site):
    body = site.html("course/evil/").select_one("article")
    hrefs = {a.get_text(): a.get("href") for a in body.select("a")}
    for text in ("a script link", "vb", "spaced", "data", "ref link"):
        assert hrefs[text] in (None, "#"), text
    assert hrefs["fine link"] == "https://example.org/"
    images = {img.get("alt"): img.get("src") for img in body.select("img")}
    assert images["fine"].startswith("data:image/gif;base64,")
    assert not images["image"]


def test_refused_images_and_removed_links_are_reported(site):
    assert sorted(site.errors) == sorted(
        [
            "index.md:4: 'status' should be a status name such as new or deprecated, not "
            f"{BREAKOUT!r}; ignored",
            "course/evil.md:9: coverImage: image URL 'javascript:alert('pwned')' refused: "
            "only http(s) URLs and paths work",
            "course/evil.md:10: thumbnailImage: image URL 'JavaScript:alert('pwned')' refused: "
            "only http(s) URLs and paths work",
            "course/second.md:6: coverCaption: link 'javascript:alert(1)' refused: "
            "only http(s) and mailto links work",
            *(
                f"course/evil.md: {attribute} {url!r} removed: script URLs are not allowed in "
                "links and images"
                for attribute, url in [
                    ("href", "javascript:alert("),
                    ("href", "vbscript:msgbox"),
                    ("href", "JAVASCRIPT:alert(1)"),
                    ("href", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
                    ("src", "javascript:alert("),
                    ("href", "javascript:alert('pwned')"),
                    ("href", "javascript:alert(document.domain)"),
                ]
            ),
            "course/evil.md: onmouseover \"alert('pwned')\" removed: "
            "event handlers are not allowed",
            "course/evil.md: onclick 'alert(1)' removed: event handlers are not allowed",
        ]
    )
