"""Image paths of Hugo front matter, and the restricted Markdown of cover captions."""

from __future__ import annotations

import pytest

from mkdocs_stepwise.blog.caption import render_caption
from mkdocs_stepwise.blog.images import Image, Unusable, absolute, resolve, site_path

EXISTING = {"images/first.jpg", "images/with space.jpg", "python/bundle.jpg"}


def exists(path: str) -> bool:
    return path in EXISTING


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("./images/first.jpg", "images/first.jpg"),
        ("../../../images/first.jpg", "images/first.jpg"),
        ("/images/first.jpg", "images/first.jpg"),
        ("images/first.jpg", "images/first.jpg"),
        ("images/./a/../first.jpg", "images/first.jpg"),
        ("images/first.jpg?v=2#x", "images/first.jpg"),
    ],
)
def test_local_paths_resolve_against_the_docs_root(value, expected):
    assert site_path(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("./images/first.jpg", Image("images/first.jpg", "images/first.jpg")),
        ("../../../images/first.jpg", Image("images/first.jpg", "images/first.jpg")),
        ("images/with space.jpg", Image("images/with%20space.jpg", "images/with space.jpg")),
        # Not at the root, but next to the post: a Hugo page bundle.
        ("bundle.jpg", Image("python/bundle.jpg", "python/bundle.jpg")),
        ("https://cdn.test/a.jpg", Image("https://cdn.test/a.jpg")),
        ("HTTP://cdn.test/a.jpg", Image("HTTP://cdn.test/a.jpg")),
        (
            "//d1u9biwaxjngwg.cloudfront.net/city.jpg",
            Image("//d1u9biwaxjngwg.cloudfront.net/city.jpg"),
        ),
        (None, None),
        ("", None),
    ],
)
def test_resolve(value, expected):
    assert resolve(value, "python/post.md", exists) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("images/nope.jpg", "image 'images/nope.jpg' not found in docs/"),
        ("../../../images/nope.jpg", "image 'images/nope.jpg' not found in docs/"),
        ("javascript:alert(1)", "image URL 'javascript:alert(1)' refused"),
        ("data:image/png;base64,AAAA", "image URL 'data:image/png;base64,AAAA' refused"),
        ("file:///etc/passwd", "image URL 'file:///etc/passwd' refused"),
        ("https:no-host.jpg", "image URL 'https:no-host.jpg' refused"),
        ("/", "'/' is not an image path"),
        (["a.jpg"], "should be an image path or URL, not list"),
    ],
)
def test_unusable_values_say_why(value, message):
    result = resolve(value, "python/post.md", exists)
    assert isinstance(result, Unusable)
    assert result.message.startswith(message)


@pytest.mark.parametrize(
    ("image", "site_url", "expected"),
    [
        (
            Image("images/a.jpg", "images/a.jpg"),
            "https://site.test/blog/",
            "https://site.test/blog/images/a.jpg",
        ),
        (
            Image("images/a.jpg", "images/a.jpg"),
            "https://site.test",
            "https://site.test/images/a.jpg",
        ),
        (Image("images/a.jpg", "images/a.jpg"), None, None),
        (Image("//cdn.test/a.jpg"), None, "https://cdn.test/a.jpg"),
        (Image("http://cdn.test/a.jpg"), "https://site.test/", "http://cdn.test/a.jpg"),
    ],
)
def test_absolute_urls_for_social_meta_and_feeds(image, site_url, expected):
    assert absolute(image, site_url) == expected


@pytest.mark.parametrize(
    ("markdown", "html", "refused"),
    [
        (
            "Photo Credit https://unsplash.com/@claudelrheault",
            'Photo Credit <a href="https://unsplash.com/@claudelrheault">'
            "https://unsplash.com/@claudelrheault</a>",
            [],
        ),
        (
            "By [Ann](https://ann.test/) *2018*",
            'By <a href="https://ann.test/">Ann</a> <em>2018</em>',
            [],
        ),
        ("[mail](mailto:a@b.test)", '<a href="mailto:a@b.test">mail</a>', []),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;", []),
        ('<img src=x onerror="alert(1)">', '&lt;img src=x onerror="alert(1)"&gt;', []),
        ("[click *me*](javascript:alert(1)) now", "click <em>me</em> now", ["javascript:alert(1)"]),
        ("[page](other.md)", "page", ["other.md"]),
        ("a ![logo](https://x.test/l.png) b", "a logo b", []),
        ("Tom & Jerry", "Tom &amp; Jerry", []),
        (
            "[a ![i](https://x.test/i.png) *b*](javascript:x) c",
            "a i <em>b</em> c",
            ["javascript:x"],
        ),
        ("**[x](ftp://h.test/f)**!", "<strong>x</strong>!", ["ftp://h.test/f"]),
        ("one\n\ntwo", "<p>one</p>\n<p>two</p>", []),
    ],
)
def test_captions_are_restricted_markdown(markdown, html, refused):
    caption = render_caption(markdown)
    assert caption.html == html
    assert caption.refused == refused
