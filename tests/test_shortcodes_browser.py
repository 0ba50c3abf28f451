"""Shortcode output in a built Material site, looked at in Chromium (shortcodes.css)."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import BuiltSite

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300">'
    '<rect width="400" height="300" fill="#468"/></svg>'
)

PAGE = """
# Shortcodes

{{< alert info >}}
With the info icon.
{{< /alert >}}

{{< alert warning no-icon >}}
Without an icon.
{{< /alert >}}

{{< image classes="fancybox fig-50" src="/images/a.svg" title="A" >}}
{{< image classes="clear fig-50" src="/images/b.svg" title="B" >}}
{{< image classes="fig-100" src="/images/c.svg" title="C" >}}

Some {{< hl-text red >}}highlighted{{< /hl-text >}} text.

{{< youtube w7Ft2ymGmfc >}}
"""


@pytest.fixture
def site(build) -> BuiltSite:
    built: BuiltSite = build(
        {
            "index.md": PAGE,
            "images/a.svg": SVG,
            "images/b.svg": SVG,
            "images/c.svg": SVG,
        },
        config={"theme": {"font": False}},
    )
    return built


def _open(browser: Any, site: BuiltSite, width: int) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": width, "height": 900})
    outside: list[str] = []

    def route(route: Any) -> None:
        # Offline: the page must hold up with every third-party request refused.
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.goto(site.path("index.html").as_uri())
    page.wait_for_function(
        "[...document.querySelectorAll('.stepwise-image img')].every(i => i.naturalWidth > 0)"
    )
    return page, outside


@pytest.mark.browser
def test_alert_icons_image_rows_and_video_frame(site: BuiltSite, browser: Any) -> None:
    page, _ = _open(browser, site, 1280)

    def before(selector: str, prop: str) -> str:
        return str(
            page.locator(selector).evaluate(
                f"e => getComputedStyle(e, '::before').getPropertyValue('{prop}')"
            )
        )

    assert before(".stepwise-alert.info", "mask-image").startswith('url("data:image/svg+xml')
    assert before(".stepwise-alert.info", "width") == "20px"
    assert before(".stepwise-alert--no-icon", "content") == "none"

    first, second, third = (page.locator(".stepwise-image").nth(n).bounding_box() for n in range(3))
    content = page.locator(".md-content .md-typeset").bounding_box()
    assert first["y"] == second["y"], "two fig-50 images share a row"
    assert second["x"] > first["x"] + first["width"] - 1
    assert second["x"] + second["width"] <= content["x"] + content["width"] + 1
    assert third["y"] >= second["y"] + second["height"], "`clear` starts a new row"
    assert third["width"] > 1.9 * first["width"]

    mark = page.locator("mark.stepwise-hl--red").evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    assert mark == "rgba(255, 23, 68, 0.25)"

    frame = page.locator(".stepwise-video__frame").bounding_box()
    assert abs(frame["height"] - frame["width"] * 9 / 16) < 2
    link = page.locator(".stepwise-video figcaption a")
    assert link.is_visible() and link.inner_text() == "Watch on YouTube"
    page.close()


@pytest.mark.browser
def test_phone_width_has_no_horizontal_overflow(site: BuiltSite, browser: Any) -> None:
    page, _ = _open(browser, site, 375)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow == 0
    first, second = (page.locator(".stepwise-image").nth(n).bounding_box() for n in range(2))
    assert first["y"] == second["y"], "two fig-50 images share a row on a phone too"
    frame = page.locator(".stepwise-video__frame").bounding_box()
    assert 300 < frame["width"] <= 375
    page.close()
