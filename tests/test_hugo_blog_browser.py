"""The Hugo blog fixture in Chromium: math typeset by the site's own KaTeX, only where needed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import build_site, merge
from .serving import static_server
from .test_hugo_blog import CONFIG, fixture_files

INSTANT = ["navigation.instant", "navigation.footer"]

pytestmark = pytest.mark.browser

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("hugo-blog-browser")
    build_site(root, fixture_files(), config=merge(CONFIG, {"theme": {"features": INSTANT}}))
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


def test_the_language_switch_leads_to_each_translation(page: Any, site_url: str) -> None:
    page.goto(site_url + "post/2018/04/about-git/")
    assert page.locator("html").get_attribute("lang") == "vi"
    switch = page.get_by_role("navigation", name="Translations")
    switch.get_by_role("link", name="日本語").click()
    page.wait_for_url("**/ja/post/2018/04/about-git/")
    page.locator("article h1", has_text="Gitについて").wait_for()
    assert page.locator("html").get_attribute("lang") == "ja"
    current = switch.locator('[aria-current="page"]')
    assert current.inner_text() == "日本語"
    switch.get_by_role("link", name="English").click()
    page.wait_for_url("**/en-us/post/2018/04/about-git/")
    page.locator("article h1", has_text="About Git").wait_for()
    switch.get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_url("**/post/2018/04/about-git/")
    page.locator("article h1", has_text="Giới thiệu về Git").wait_for()
