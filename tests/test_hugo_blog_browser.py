"""The Hugo blog fixture in Chromium: math typeset by the site's own KaTeX, only where needed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import BASE_CONFIG, build_site
from .serving import static_server
from .test_hugo_blog import fixture_files

pytestmark = pytest.mark.browser

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("hugo-blog-browser")
    build_site(
        root,
        fixture_files(),
        config={
            "markdown_extensions": [*BASE_CONFIG["markdown_extensions"], "toc"],
            "theme": {"features": ["navigation.instant"]},
        },
    )
    with static_server(root / "site") as url:
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.requests = requests
    try:
        yield page
    finally:
        page.close()


def test_math_is_typeset_offline_with_katex(page: Any, site_url: str) -> None:
    page.goto(site_url + "post/2017/10/matrix/")
    inline = page.locator("span.arithmatex .katex").first
    inline.wait_for()
    assert "m\u00d7n" in inline.inner_text().replace(" ", "").replace("\n", "")
    display = page.locator("div.arithmatex .katex-display").first
    display.wait_for()
    box = display.bounding_box()
    assert box is not None and box["height"] > 30  # a typeset matrix, not a line of TeX
    assert "\\begin" not in page.locator("article").inner_text()
    # KaTeX came from the site itself (Material's web font is its own business).
    outside = [u for u in page.requests if u.startswith("http") and not u.startswith(site_url)]
    assert not [u for u in outside if "katex" in u.lower() or "mathjax" in u.lower()]
    assert any(url.endswith("katex/katex.min.js") for url in page.requests)


def test_pages_without_math_load_no_katex(page: Any, site_url: str) -> None:
    page.goto(site_url + "post/2017/09/redis/")
    page.locator("article h1").wait_for()
    page.wait_for_load_state("load")
    assert not [url for url in page.requests if "katex" in url]
    assert page.evaluate("typeof window.katex") == "undefined"


def test_math_is_typeset_after_instant_navigation(page: Any, site_url: str) -> None:
    page.goto(site_url + "post/")
    page.locator(".stepwise-post-card__title a", has_text="Ma trận").click()
    page.locator("span.arithmatex .katex").first.wait_for()
    assert page.url.endswith("post/2017/10/matrix/")
