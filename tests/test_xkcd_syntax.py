"""Table tests of the pure parts of the xkcd panel: syntax, data validation, HTML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mkdocs_stepwise.xkcd.cache import is_image, png_size
from mkdocs_stepwise.xkcd.comics import (
    SHIPPED_DATA_FILE,
    Comic,
    ComicCatalog,
    ComicDataError,
    comic_from_mapping,
    load_data_file,
    parse_data_file,
)
from mkdocs_stepwise.xkcd.fetch import origin
from mkdocs_stepwise.xkcd.panel import Panel, panel_html
from mkdocs_stepwise.xkcd.syntax import (
    Shortcode,
    comic_image_name,
    comic_number,
    parse_shortcode,
    references,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://xkcd.com/1987/", 1987),
        ("https://xkcd.com/1987", 1987),
        ("http://xkcd.com/1987/", 1987),
        ("https://www.xkcd.com/1987/", 1987),
        ("HTTPS://XKCD.COM/353/", 353),
        ("https://xkcd.com/0/", None),
        ("https://xkcd.com/1987/info.0.json", None),
        ("https://m.xkcd.com/1987/", None),
        ("https://xkcd.com.evil.example/1987/", None),
        ("https://evil.example/?https://xkcd.com/1987/", None),
        ("https://xkcd.com/", None),
    ],
)
def test_comic_number(url: str, expected: int | None) -> None:
    assert comic_number(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://imgs.xkcd.com/comics/python_environment.png", "python_environment.png"),
        ("http://imgs.xkcd.com/comics/python_environment_2x.png", "python_environment_2x.png"),
        ("https://imgs.xkcd.com/comics/a_(b).jpg", "a_(b).jpg"),
        ("https://imgs.xkcd.com/comics/../secret.png", None),
        ("https://imgs.xkcd.com/comics/.hidden.png", None),
        ("https://imgs.xkcd.com/comics/sub/x.png", None),
        ("https://imgs.xkcd.com/comics/x.svg", None),
        ("https://imgs.xkcd.com.evil.example/comics/x.png", None),
        ("https://xkcd.com/comics/x.png", None),
    ],
)
def test_comic_image_name(url: str, expected: str | None) -> None:
    assert comic_image_name(url) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("{{< xkcd 1987 >}}", Shortcode("", 1987)),
        ("{{% xkcd 1987 %}}", Shortcode("", 1987)),
        ('{{< xkcd num="1987" >}}', Shortcode("", 1987)),
        ("{{< xkcd num='42' >}}", Shortcode("", 42)),
        ("{{< xkcd num = 42 >}}", Shortcode("", 42)),
        ("    {{<xkcd 7>}}  ", Shortcode("    ", 7)),
        ("{{< xkcd 1987 %}}", None),
        ("{{< xkcd \"1987' >}}", None),
        ("{{< xkcd >}}", None),
        ("{{< xkcd 0 >}}", None),
        ("{{< youtube 1987 >}}", None),
        ("See {{< xkcd 1987 >}}", None),
        ("`{{< xkcd 1987 >}}`", None),
    ],
)
def test_parse_shortcode(line: str, expected: Shortcode | None) -> None:
    assert parse_shortcode(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            '[![](https://imgs.xkcd.com/comics/a.png)](https://xkcd.com/12/ "t")',
            ["a.png", 12],
        ),
        ("![x](http://imgs.xkcd.com/comics/b_2x.png)", ["b_2x.png"]),
        ("see [it](https://www.xkcd.com/9) and `https://xkcd.com/10/`", [9]),
        ("https://xkcd.com/1987/info.0.json", []),
        ("nothing here", []),
    ],
)
def test_references(line: str, expected: list[int | str]) -> None:
    assert references(line) == expected


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"title": "T", "alt": "a", "img": "https://imgs.xkcd.com/comics/t.png"}, "missing 'num'"),
        (
            {"num": "x", "title": "T", "alt": "a", "img": "https://imgs.xkcd.com/comics/t.png"},
            "'num'",
        ),
        (
            {"num": True, "title": "T", "alt": "a", "img": "https://imgs.xkcd.com/comics/t.png"},
            "'num'",
        ),
        ({"num": 1, "alt": "a", "img": "https://imgs.xkcd.com/comics/t.png"}, "missing 'title'"),
        ({"num": 1, "title": "T", "img": "https://imgs.xkcd.com/comics/t.png"}, "missing 'alt'"),
        (
            {"num": 1, "title": 5, "alt": "a", "img": "https://imgs.xkcd.com/comics/t.png"},
            "'title'",
        ),
        ({"num": 1, "title": "T", "alt": "a"}, "missing 'img'"),
        ({"num": 1, "title": "T", "alt": "a", "img": "https://example.com/t.png"}, "'img'"),
        (
            {
                "num": 1,
                "title": "T",
                "alt": "a",
                "img": "https://imgs.xkcd.com/comics/t.png",
                "img2x": "javascript:alert(1)",
            },
            "'img2x'",
        ),
        (
            {
                "num": 1,
                "title": "T",
                "alt": "a",
                "img": "https://imgs.xkcd.com/comics/t.png",
                "width": -3,
            },
            "'width'",
        ),
        (["not", "a", "mapping"], "expected a mapping"),
    ],
)
def test_comic_from_mapping_rejects(data: object, error: str) -> None:
    with pytest.raises(ComicDataError, match=error):
        comic_from_mapping(data)


def test_comic_from_api_json() -> None:
    api = {
        "month": "4", "num": 1987, "link": "", "year": "2018", "news": "",
        "safe_title": "Python Environment", "transcript": "", "alt": "Hover.",
        "img": "http://imgs.xkcd.com/comics/python_environment.png",
        "title": "Python Environment", "day": "30",
    }  # fmt: skip
    assert comic_from_mapping(api) == Comic(
        num=1987,
        title="Python Environment",
        safe_title="Python Environment",
        alt="Hover.",
        img="https://imgs.xkcd.com/comics/python_environment.png",
        year=2018,
        month=4,
        day=30,
    )


def test_the_shipped_data_file() -> None:
    comics, problems = load_data_file(SHIPPED_DATA_FILE)
    assert problems == []
    catalog = ComicCatalog(comics)
    comic = catalog.get(1987)
    assert comic is not None
    assert (comic.title, comic.img, comic.img2x, (comic.year, comic.month, comic.day)) == (
        "Python Environment",
        "https://imgs.xkcd.com/comics/python_environment.png",
        "https://imgs.xkcd.com/comics/python_environment_2x.png",
        (2018, 4, 30),
    )
    assert comic.alt.startswith("The Python environmental protection agency")
    assert comic.label == "xkcd 1987: Python Environment"
    assert catalog.by_image_name("python_environment_2x.png") is comic
    assert catalog.by_image_name("python.png") is None


def test_parse_data_file_reports_each_bad_entry() -> None:
    text = json.dumps(
        {"comics": [{"num": 1, "title": "A", "alt": "", "img": "https://imgs.xkcd.com/comics/a.png"},
                    {"num": 2}]}
    )  # fmt: skip
    comics, problems = parse_data_file(text, suffix=".json")
    assert [comic.num for comic in comics] == [1]
    assert problems == ["comics[1]: missing 'title'; entry ignored"]
    assert parse_data_file("comics: [", suffix=".yml")[1][0].startswith("not valid YAML")
    assert parse_data_file('{"comics": 3}', suffix=".json") == ([], ["expected a 'comics' list"])


def test_later_data_wins_in_the_catalog(tmp_path: Path) -> None:
    base = comic_from_mapping(
        {"num": 1, "title": "Old", "alt": "", "img": "https://imgs.xkcd.com/comics/a.png"}
    )
    new = comic_from_mapping(
        {"num": 1, "title": "New", "alt": "", "img": "https://imgs.xkcd.com/comics/a.png"}
    )
    catalog = ComicCatalog([base])
    catalog.add([new])
    assert catalog.get(1) is new
    assert len(catalog) == 1


def test_panel_html_escapes_everything() -> None:
    panel = Panel(
        page_url="https://xkcd.com/5/",
        label='xkcd 5: <b>"Bold" & co</b>',
        src="assets/xkcd/a.png",
        alt='x"><script>',
        title_text="1 < 2 & 'q'",
        src2x="assets/xkcd/a_2x.png",
        width=100,
        height=50,
    )
    assert panel_html(panel) == (
        '<figure class="stepwise-xkcd">\n'
        '<a class="stepwise-xkcd__comic" href="https://xkcd.com/5/"><img src="assets/xkcd/a.png"'
        ' srcset="assets/xkcd/a_2x.png 2x" alt="x&quot;&gt;&lt;script&gt;"'
        ' title="1 &lt; 2 &amp; &#x27;q&#x27;" width="100" height="50" loading="lazy"'
        ' decoding="async" /></a>\n'
        "<figcaption>\n"
        '<p class="stepwise-xkcd__title"><a href="https://xkcd.com/5/">'
        "xkcd 5: &lt;b&gt;&quot;Bold&quot; &amp; co&lt;/b&gt;</a></p>\n"
        '<p class="stepwise-xkcd__text">1 &lt; 2 &amp; &#x27;q&#x27;</p>\n'
        '<p class="stepwise-xkcd__credit"><a href="https://xkcd.com/5/">xkcd.com</a> by Randall'
        ' Munroe, <a href="https://creativecommons.org/licenses/by-nc/2.5/" rel="license">'
        "CC BY-NC 2.5</a></p>\n"
        "</figcaption>\n"
        "</figure>"
    )


def test_panel_html_without_title_text_has_no_empty_caption_line() -> None:
    panel = Panel(page_url="https://xkcd.com/5/", label="xkcd 5: A", src="a.png", alt="A",
                  title_text="")  # fmt: skip
    html = panel_html(panel)
    assert "stepwise-xkcd__text" not in html
    assert " title=" not in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://xkcd.com/1987/info.0.json", "https://xkcd.com"),
        ("HTTPS://IMGS.XKCD.COM:443/comics/", "https://imgs.xkcd.com"),
        ("http://127.0.0.1:8123/x", "http://127.0.0.1:8123"),
        ("http://user@xkcd.com.evil.example/", "http://xkcd.com.evil.example"),
    ],
)
def test_origin(url: str, expected: str) -> None:
    assert origin(url) == expected


PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\xec\x00\x00\x01\xe7"


@pytest.mark.parametrize(
    ("data", "image", "size"),
    [
        (PNG_HEADER, True, (492, 487)),
        (b"\xff\xd8\xff\xe0JFIF", True, None),
        (b"GIF89a....", True, None),
        (b"<!doctype html>", False, None),
        (b"", False, None),
    ],
)
def test_image_sniffing(data: bytes, image: bool, size: tuple[int, int] | None) -> None:
    assert (is_image(data), png_size(data)) == (image, size)
