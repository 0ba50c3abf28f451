"""The site's posts as an RSS 2.0 feed and a JSON Feed 1.1.

Pure functions from plain values to text: ElementTree does the XML escaping and `json` the JSON
escaping, so titles such as `Tom & Jerry <3` come out valid. URLs must already be absolute.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.utils import format_datetime

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
ATOM_NS = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Channel:
    title: str
    link: str
    """The site's home page."""
    description: str
    rss_url: str
    json_url: str
    language: str | None = None


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    date: dt.datetime
    summary: str
    tags: Sequence[str] = field(default_factory=tuple)
    categories: Sequence[str] = field(default_factory=tuple)
    image: str | None = None


def rss(channel: Channel, items: Sequence[Item]) -> str:
    """RSS 2.0, with an `atom:link rel="self"` as the RSS Advisory Board recommends."""
    ET.register_namespace("atom", ATOM_NS)
    root = ET.Element("rss", {"version": "2.0"})
    head = ET.SubElement(root, "channel")
    _text(head, "title", channel.title)
    _text(head, "link", channel.link)
    _text(head, "description", channel.description or channel.title)
    ET.SubElement(
        head,
        f"{{{ATOM_NS}}}link",
        {"href": channel.rss_url, "rel": "self", "type": "application/rss+xml"},
    )
    if channel.language:
        _text(head, "language", channel.language)
    _text(head, "generator", "Stepwise (MkDocs)")
    if items:
        _text(head, "lastBuildDate", format_datetime(max(i.date for i in items)))
    for item in items:
        entry = ET.SubElement(head, "item")
        _text(entry, "title", item.title)
        _text(entry, "link", item.url)
        _text(entry, "guid", item.url).set("isPermaLink", "true")
        _text(entry, "pubDate", format_datetime(item.date))
        _text(entry, "description", item.summary)
        for name in (*item.categories, *item.tags):
            _text(entry, "category", name)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def json_feed(channel: Channel, items: Sequence[Item]) -> str:
    """JSON Feed 1.1: every item has an `id` and `content_text`, as the specification requires."""
    feed: dict[str, object] = {
        "version": JSON_FEED_VERSION,
        "title": feed_text(channel.title),
        "home_page_url": channel.link,
        "feed_url": channel.json_url,
        "description": channel.description or channel.title,
    }
    if channel.language:
        feed["language"] = channel.language
    entries: list[dict[str, object]] = []
    for item in items:
        entry: dict[str, object] = {
            "id": item.url,
            "url": item.url,
            "title": feed_text(item.title),
            "content_text": feed_text(item.summary),
            "summary": feed_text(item.summary),
            "date_published": item.date.isoformat(),
        }
        if item.tags:
            entry["tags"] = list(item.tags)
        if item.image:
            entry["image"] = item.image
        entries.append(entry)
    feed["items"] = entries
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"


# Terminal colour codes (`ESC [ 31 m`) pasted into a title: dropped whole, not just their ESC.
_ANSI_SEQUENCE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
# What XML 1.0 allows in a document; anything else makes readers reject the whole feed.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def feed_text(text: str) -> str:
    """`text` without terminal escape sequences and without characters XML 1.0 forbids."""
    return _NOT_XML.sub("", _ANSI_SEQUENCE.sub("", text))


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = feed_text(text)
    return element
