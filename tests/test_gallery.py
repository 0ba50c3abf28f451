"""Tranquilpeak's `gallery:` front matter, parsed and shown under the post."""

from __future__ import annotations

import pytest

from mkdocs_stepwise.blog.gallery import GalleryEntry, parse_entry


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("//cdn.test/a.jpg", GalleryEntry("//cdn.test/a.jpg")),
        ('//cdn.test/a.jpg "A car"', GalleryEntry("//cdn.test/a.jpg", None, "A car")),
        (
            '//cdn.test/a.jpg //cdn.test/a-small.jpg "A car"',
            GalleryEntry("//cdn.test/a.jpg", "//cdn.test/a-small.jpg", "A car"),
        ),
        ("images/a.jpg images/a-t.jpg", GalleryEntry("images/a.jpg", "images/a-t.jpg")),
        ('"only a caption"', None),
    ],
)
def test_entries(text, entry):
    assert parse_entry(text) == entry


def test_gallery_is_shown_under_the_post(build, plugin_warnings):
    site = build(
        {
            "index.md": "# Home\n",
            "images/car.jpg": b"\xff\xd8\xff\xe0 not really a jpeg",
            "post.md": """
                ---
                title: Gallery
                date: 2020-01-01
                gallery:
                - ./images/car.jpg "A <b>car</b>"
                - //cdn.test/big.jpg //cdn.test/small.jpg
                - javascript:alert(1) "evil"
                ---
                Text.
                """,
        },
        strict=False,
    )
    plugin_warnings.expect(r"^post\.md:4: gallery: image URL 'javascript:alert\(1\)' refused")
    items = site.html("post/").select(".stepwise-gallery__item")
    assert [(a.a["href"], a.img["src"]) for a in items] == [
        ("../images/car.jpg", "../images/car.jpg"),
        ("//cdn.test/big.jpg", "//cdn.test/small.jpg"),
    ]
    assert items[0].figcaption.text == "A <b>car</b>"  # text, not markup
    # A thumbnail without a caption is still a link with a name.
    assert [item.img["alt"] for item in items] == ["A <b>car</b>", "Image 2 of 2"]
