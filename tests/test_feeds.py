"""The RSS 2.0 feed and the JSON Feed 1.1 of the site's posts."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import xml.etree.ElementTree as ET

from mkdocs_stepwise.blog.feeds import Channel, Item, json_feed, rss

from .blog_support import CDN, POSTS, WITH_TAGS, dated_posts

CHANNEL = Channel(
    title="Tom & Jerry's <blog>",
    link="https://site.test/",
    description="Cats & mice",
    rss_url="https://site.test/feed.xml",
    json_url="https://site.test/feed.json",
)
ITEM = Item(
    title='1 < 2 & "quotes"',
    url="https://site.test/post/",
    date=dt.datetime(2018, 3, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    summary="Teaser <b>not HTML</b>",
    tags=["python", "tox"],
    categories=["tutorial"],
    image="https://site.test/images/a.jpg",
)


def test_rss_is_valid_xml_with_the_required_elements():
    root = ET.fromstring(rss(CHANNEL, [ITEM]))
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel is not None
    assert channel.findtext("title") == "Tom & Jerry's <blog>"
    assert channel.findtext("link") == "https://site.test/"
    assert channel.findtext("description") == "Cats & mice"
    atom = channel.find("{http://www.w3.org/2005/Atom}link")
    assert atom is not None and atom.get("rel") == "self"
    assert atom.get("href") == "https://site.test/feed.xml"
    (item,) = channel.findall("item")
    assert item.findtext("title") == '1 < 2 & "quotes"'
    assert item.findtext("link") == "https://site.test/post/"
    guid = item.find("guid")
    assert guid is not None and guid.text == "https://site.test/post/"
    assert guid.get("isPermaLink") == "true"
    assert item.findtext("pubDate") == "Mon, 05 Mar 2018 09:30:00 +0100"
    assert email.utils.parsedate_to_datetime(item.findtext("pubDate") or "") == ITEM.date
    assert item.findtext("description") == "Teaser <b>not HTML</b>"
    assert [c.text for c in item.findall("category")] == ["tutorial", "python", "tox"]


def test_json_feed_has_the_required_members():
    feed = json.loads(json_feed(CHANNEL, [ITEM]))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "Tom & Jerry's <blog>"
    assert feed["feed_url"] == "https://site.test/feed.json"
    (item,) = feed["items"]
    assert item["id"] == item["url"] == "https://site.test/post/"
    assert item["content_text"] == "Teaser <b>not HTML</b>"
    assert item["date_published"] == "2018-03-05T09:30:00+01:00"
    assert item["tags"] == ["python", "tox"]
    assert item["image"] == "https://site.test/images/a.jpg"


def test_an_empty_feed_is_still_valid():
    channel = ET.fromstring(rss(CHANNEL, [])).find("channel")
    assert channel is not None and channel.findall("item") == []
    assert json.loads(json_feed(CHANNEL, []))["items"] == []


def test_the_site_feeds_list_published_posts_newest_first(tranquilpeak_site):
    site = tranquilpeak_site
    channel = ET.fromstring(site.text("feed.xml")).find("channel")
    assert channel is not None
    assert channel.findtext("title") == "Test site"
    assert channel.findtext("link") == "https://example.test/"
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == [
        "Welcome to Tranquilpeak",
        "Cover image showcase",
        "Hidden tag section showcase",
        "Hidden pagination showcase",
        "Local cover",
    ]
    assert items[1].findtext("link") == "https://example.test/cover-image-showcase/"
    assert items[1].findtext("pubDate") == "Wed, 13 May 2015 00:00:00 +0000"
    text = items[1].findtext("description")
    assert text == "A post with a cover image. Its title and date are below the cover."
    feed = json.loads(site.text("feed.json"))
    assert [i["title"] for i in feed["items"]][:2] == [
        "Welcome to Tranquilpeak",
        "Cover image showcase",
    ]
    assert feed["items"][0]["image"] == f"https:{CDN}/welcome-to-tranquilpeak/city-750.jpg"
    assert feed["items"][4]["image"] == "https://example.test/images/first.jpg"
    head = site.html("")
    links = {a["type"]: a["href"] for a in head.select('head link[rel="alternate"]')}
    assert links == {"application/rss+xml": "feed.xml", "application/feed+json": "feed.json"}


def test_previews_leave_drafts_out_of_the_feeds(tranquilpeak_preview):
    site = tranquilpeak_preview
    assert "Unfinished" in site.html("").get_text()
    assert "Unfinished" not in site.text("feed.xml")
    assert "Unfinished" not in site.text("feed.json")


def test_no_feeds_without_a_site_url_or_posts(build):
    site = build(POSTS, config={**WITH_TAGS, "site_url": None})
    assert not site.exists("feed.xml")
    assert site.html("").select('head link[rel="alternate"]') == []
    site = build({"index.md": "# Docs\n"})
    assert not site.exists("feed.xml")


def test_feeds_hold_the_newest_twenty_posts(build):
    site = build(dated_posts(25))
    channel = ET.fromstring(site.text("feed.xml")).find("channel")
    assert channel is not None
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == [f"Post {n:02}" for n in range(25, 5, -1)]
    assert len(json.loads(site.text("feed.json"))["items"]) == 20


def test_control_characters_never_make_the_feed_invalid():
    """Colour codes pasted from a terminal, a vertical tab, a bell: XML 1.0 forbids them."""
    dirty = Item(
        title="Red \x1b[1;31mwarning\x1b[0m\x0b now\x07",
        url="https://site.test/post/",
        date=ITEM.date,
        summary="Line\x0cbreak \x00 and \ufffe",
        tags=["a\x1bb"],
    )
    item = ET.fromstring(rss(CHANNEL, [dirty])).find("channel/item")
    assert item is not None
    assert item.findtext("title") == "Red warning now"
    assert item.findtext("description") == "Linebreak  and "
    assert [c.text for c in item.findall("category")] == ["ab"]
    assert json.loads(json_feed(CHANNEL, [dirty]))["items"][0]["title"] == "Red warning now"
