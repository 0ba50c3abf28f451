"""The blog pages in Chromium: thumbnails where the posts ask, and the cover's height."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .blog_support import GIF, HOME
from .conftest import build_site
from .serving import static_server

pytestmark = pytest.mark.browser

playwright_api = pytest.importorskip("playwright.sync_api")

POSITIONS = ("left", "right", "top", "bottom")


def post(number: int, position: str) -> str:
    return (
        f"---\ntitle: Thumbnail {position}\ndate: 2020-01-{number:02}\n"
        f"thumbnailImage: ./images/thumb.gif\nthumbnailImagePosition: {position}\n"
        f"coverImage: ../../images/thumb.gif\ncoverSize: {'full' if number == 1 else 'partial'}\n"
        "---\n\nSome text for the teaser of this post.\n"
    )


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("blog-site")
    files: dict[str, str | bytes] = {"index.md": HOME, "images/thumb.gif": GIF}
    for number, position in enumerate(POSITIONS, start=1):
        files[f"{position}.md"] = post(number, position)
    build_site(root, files)
    with static_server(root / "site") as url:
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        yield page
    finally:
        page.close()


def test_thumbnails_sit_where_the_posts_ask(page: Any, site_url: str) -> None:
    page.goto(site_url)
    for position in POSITIONS:
        card = page.locator(f".stepwise-post-card--thumbnail-{position}")
        thumbnail = card.locator(".stepwise-post-card__thumbnail img").bounding_box()
        body = card.locator(".stepwise-post-card__body").bounding_box()
        assert thumbnail is not None and body is not None
        assert thumbnail["width"] > 0 and thumbnail["height"] > 0
        placed = {
            "left": thumbnail["x"] + thumbnail["width"] <= body["x"],
            "right": thumbnail["x"] >= body["x"] + body["width"],
            "top": thumbnail["y"] + thumbnail["height"] <= body["y"],
            "bottom": thumbnail["y"] >= body["y"] + body["height"],
        }
        assert [side for side, true in placed.items() if true] == [position]


@pytest.mark.parametrize(("slug", "share"), [("left", 1.0), ("right", 0.6)])
def test_cover_spans_the_width_at_the_asked_height(
    page: Any, site_url: str, slug: str, share: float
) -> None:
    page.goto(f"{site_url}{slug}/")
    frame = page.locator(".stepwise-cover__frame").bounding_box()
    assert frame is not None
    assert frame["width"] == 1280
    assert abs(frame["height"] - 800 * share) < 1
    title = page.locator(".stepwise-cover__title").bounding_box()
    assert title is not None
    assert frame["y"] < title["y"] < frame["y"] + frame["height"]
