"""The xkcd panel in a real MkDocs + Material site: built, then looked at in Chromium."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from .conftest import BASE_CONFIG, BuiltSite
from .xkcd_support import SEED_TITLE_TEXT, png

SEED_COMIC = (
    "[![](https://imgs.xkcd.com/comics/python_environment.png)]"
    f'(https://xkcd.com/1987/ "{SEED_TITLE_TEXT}")'
)

SEED_STEP = f"""\
# Create a virtual environment

```
virtualenv env
```{{{{execute}}}}

Your prompt now shows `(env)`.

{SEED_COMIC}
"""

SHORTCODE_STEP = """\
# The same comic, short

{{< xkcd 1987 >}}
"""

SITE_CONFIG: dict[str, Any] = {
    "markdown_extensions": [*BASE_CONFIG["markdown_extensions"], "stepwise.xkcd"],
    # No Google Fonts: the test machine has no network, and the panel must not need it.
    # A palette makes Material link its scheme styles; the test then switches the scheme.
    "theme": {"font": False, "palette": {"scheme": "default"}},
}


def comic_png() -> bytes:
    """A comic-like black-on-white drawing: a frame, a head and a diagonal line."""

    def pixel(x: int, y: int) -> int:
        frame = x < 4 or y < 4 or x > 395 or y > 295
        head = abs(math.hypot(x - 120, y - 100) - 30) < 2
        body = abs(x - 120) < 2 and 130 < y < 220
        line = abs((y - 40) - (x - 200) * 0.6) < 1.5 and 200 < x < 380
        return 0 if frame or head or body or line else 255

    return png(400, 300, pixel)


@pytest.fixture
def site(build) -> BuiltSite:
    built: BuiltSite = build(
        {"index.md": "# Home\n", "step.md": SEED_STEP, "short.md": SHORTCODE_STEP},
        config=SITE_CONFIG,
    )
    return built


def test_the_seed_and_the_shortcode_give_the_same_panel_in_a_built_site(site: BuiltSite) -> None:
    seed = site.html("step/").select_one("figure.stepwise-xkcd")
    short = site.html("short/").select_one("figure.stepwise-xkcd")
    assert seed is not None and short is not None
    assert str(seed) == str(short)
    assert seed.select_one(".stepwise-xkcd__text").get_text() == SEED_TITLE_TEXT
    image = seed.select_one("img")
    assert (image["alt"], image["title"]) == ("xkcd 1987: Python Environment", SEED_TITLE_TEXT)
    assert [a["href"] for a in seed.select("a")] == [
        "https://xkcd.com/1987/",
        "https://xkcd.com/1987/",
        "https://xkcd.com/1987/",
        "https://creativecommons.org/licenses/by-nc/2.5/",
    ]


def test_the_styles_are_published_and_linked(site: BuiltSite) -> None:
    assert site.exists("assets/stepwise/xkcd.css")
    links = [link["href"] for link in site.html("step/").select("link[rel=stylesheet]")]
    assert "../assets/stepwise/xkcd.css" in links


def luminance(css_color: str) -> float:
    """0 (black) to 255 (white), from `rgb(r, g, b)` or `rgba(r, g, b, a)`."""
    red, green, blue = (float(part) for part in css_color.split("(")[1].split(",")[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize(("width", "height"), [(1280, 900), (375, 740)], ids=["desktop", "phone"])
def test_the_panel_and_its_caption_are_visible(
    site: BuiltSite, browser: Any, tmp_path: Path, scheme: str, width: int, height: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    image = comic_png()
    # The comic comes from imgs.xkcd.com; nothing may leave the machine in a test.
    page.route(
        "**/*",
        lambda route: (
            route.fulfill(body=image, content_type="image/png")
            if route.request.url.startswith("https://imgs.xkcd.com/comics/")
            else route.continue_()
            if route.request.url.startswith("file://")
            else route.abort()
        ),
    )
    page.goto(site.path("step/index.html").as_uri())
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    figure = page.locator("figure.stepwise-xkcd")
    figure.scroll_into_view_if_needed()
    page.wait_for_function(
        "document.querySelector('figure.stepwise-xkcd img').naturalWidth > 0", timeout=5000
    )

    box = figure.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 200
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, "the panel overflows the page"
    comic = page.locator("figure.stepwise-xkcd img").bounding_box()
    assert comic is not None
    assert comic["width"] <= box["width"] and comic["width"] > 0.5 * min(400, box["width"] - 40)

    caption = page.locator(".stepwise-xkcd__text")
    assert caption.is_visible()
    assert caption.inner_text() == SEED_TITLE_TEXT
    assert page.locator(".stepwise-xkcd__title").inner_text() == "xkcd 1987: Python Environment"
    assert page.locator(".stepwise-xkcd__credit").inner_text() == (
        "xkcd.com by Randall Munroe, CC BY-NC 2.5"
    )
    caption_box = caption.bounding_box()
    assert caption_box is not None and caption_box["y"] > comic["y"] + comic["height"]

    # The comic sits on a white plate in both schemes; the caption follows the scheme.
    plate_box = page.locator(".stepwise-xkcd__comic").bounding_box()
    assert plate_box is not None and plate_box["width"] <= comic["width"] + 2 * 10 + 1, (
        "the white plate should hug the comic"
    )
    plate = page.locator(".stepwise-xkcd__comic").evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    assert plate == "rgb(255, 255, 255)"
    text_color = caption.evaluate("e => getComputedStyle(e).color")
    if scheme == "slate":
        assert luminance(text_color) > 150, text_color
    else:
        assert luminance(text_color) < 100, text_color

    figure.screenshot(path=str(tmp_path / f"xkcd-{scheme}-{width}.png"))
    page.screenshot(path=str(tmp_path / f"xkcd-page-{scheme}-{width}.png"), full_page=True)
    page.close()


def test_the_plugin_serves_cached_images_from_the_site(build, tmp_path: Path) -> None:
    cache = tmp_path / "xkcd-cache"
    (cache / "comics").mkdir(parents=True)
    one_x, two_x = png(40, 30), png(80, 60)
    (cache / "comics/python_environment.png").write_bytes(one_x)
    (cache / "comics/python_environment_2x.png").write_bytes(two_x)
    # Everything is in the data file or the cache, so the build makes no request at all.
    site = build(
        {"index.md": "# Home\n", "step.md": SEED_STEP},
        plugin={"xkcd": {"fetch": True, "cache_dir": str(cache)}},
    )
    image = site.html("step/").select_one("figure.stepwise-xkcd img")
    assert image is not None
    assert (image["src"], image["srcset"], image["width"], image["height"]) == (
        "../assets/xkcd/python_environment.png",
        "../assets/xkcd/python_environment_2x.png 2x",
        "40",
        "30",
    )
    assert site.path("assets/xkcd/python_environment.png").read_bytes() == one_x
    assert site.path("assets/xkcd/python_environment_2x.png").read_bytes() == two_x


def test_the_plugin_reads_the_authors_data_file(build, tmp_path: Path) -> None:
    data_file = tmp_path / "xkcd.yml"
    data_file.write_text(
        "comics:\n"
        "  - num: 353\n"
        "    title: Python\n"
        "    alt: I wrote 20 short programs in Python yesterday.\n"
        "    img: https://imgs.xkcd.com/comics/python.png\n",
        encoding="utf-8",
    )
    site = build(
        {"index.md": "# Home\n", "step.md": "# Step\n\n{{< xkcd 353 >}}\n"},
        plugin={"xkcd": {"data_file": str(data_file)}},
    )
    caption = site.html("step/").select_one("figure.stepwise-xkcd .stepwise-xkcd__text")
    assert caption is not None
    assert caption.get_text() == "I wrote 20 short programs in Python yesterday."
