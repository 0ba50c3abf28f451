"""Quizzes and reader progress in a real browser: Debian's Chromium driven by Playwright.

A real Material site (with `navigation.instant`) is built with a Katacoda scenario and served on
http://127.0.0.1 by `http.server` in a thread.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import build_site
from .serving import static_server

pytestmark = pytest.mark.browser

playwright_api = pytest.importorskip("playwright.sync_api")

INDEX = {
    "title": "Quiz scenario",
    "difficulty": "Beginner",
    "time": "12 minutes",
    "details": {
        "intro": {"text": "intro.md"},
        "steps": [
            {"title": "Answer", "text": "step1.md", "time": "5"},
            {"title": "Choose", "text": "step2.md", "time": "4"},
            {"title": "Wrap up", "text": "step3.md", "time": "3"},
        ],
    },
}

FILES: dict[str, str | bytes] = {
    "index.md": "# Home\n\n[The scenario](quiz/intro.md)\n",
    "quiz/index.json": json.dumps(INDEX),
    "quiz/intro.md": "Three short steps.\n",
    "quiz/step1.md": ">>Q1: Enter the exact string test<<\n=== test\n",
    "quiz/step2.md": ">>Q2: Pick both<<\n[*] One\n[*] Two\n[ ] Three\n",
    "quiz/step3.md": "Done soon.\n",
}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("progress")
    with static_server(root / "site") as url:
        # Material's instant navigation follows only links found in sitemap.xml, read with the
        # sitemap's port: `site_url` must be this server's URL.
        config: dict[str, Any] = {
            "site_url": url,
            "theme": {"name": "material", "features": ["navigation.instant", "navigation.footer"]},
        }
        build_site(root, FILES, config=config)
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    # A fresh context per test: its own, empty localStorage.
    context = browser.new_context()
    try:
        yield context.new_page()
    finally:
        context.close()


def test_free_text_quiz_gives_feedback(page: Any, site_url: str) -> None:
    page.goto(site_url + "quiz/step1/")
    form = page.locator("form.stepwise-quiz")
    feedback = form.locator(".stepwise-quiz__feedback")
    form.locator("input").fill("tset")
    form.locator("button").click()
    playwright_api.expect(feedback).to_have_text("Not quite. Check your answer and try again.")
    playwright_api.expect(form).to_have_class("stepwise-quiz stepwise-quiz--wrong")
    form.locator("input").fill(" test ")
    playwright_api.expect(feedback).to_have_text("")
    form.locator("input").press("Enter")
    playwright_api.expect(feedback).to_have_text("Correct!")
    playwright_api.expect(form).to_have_class("stepwise-quiz stepwise-quiz--right")


def test_multiple_choice_quiz_needs_every_right_box(page: Any, site_url: str) -> None:
    page.goto(site_url + "quiz/step2/")
    form = page.locator("form.stepwise-quiz")
    feedback = form.locator(".stepwise-quiz__feedback")
    form.locator("button").click()
    playwright_api.expect(feedback).to_have_text("Answer the question first.")
    form.get_by_label("One").check()
    form.locator("button").click()
    playwright_api.expect(feedback).to_have_text("Not quite. Check your answer and try again.")
    form.get_by_label("Two").check()
    form.locator("button").click()
    playwright_api.expect(feedback).to_have_text("Correct!")


def test_progress_survives_reload_and_instant_navigation(page: Any, site_url: str) -> None:
    page.goto(site_url + "quiz/")
    progress = page.locator(".stepwise-landing [data-stepwise-progress]")
    playwright_api.expect(progress).to_have_text("0 of 3 done · 12 min remaining")

    page.goto(site_url + "quiz/step1/")
    button = page.locator("[data-stepwise-toggle]")
    playwright_api.expect(button).to_have_text("Mark this part as done")
    button.click()
    playwright_api.expect(button).to_have_attribute("aria-pressed", "true")
    page.reload()
    playwright_api.expect(page.locator("[data-stepwise-toggle]")).to_have_attribute(
        "aria-pressed", "true"
    )
    header = page.locator(".stepwise-series [data-stepwise-progress]")
    playwright_api.expect(header).to_have_text("1 of 3 done · 7 min remaining")

    # From here on, Material's instant navigation swaps pages without reloading the document.
    page.evaluate("window.__same_document = true")
    page.locator("a.stepwise-series__title").click()
    page.wait_for_url(site_url + "quiz/")
    playwright_api.expect(progress).to_have_text("1 of 3 done · 7 min remaining")
    parts = page.locator("li.stepwise-part")
    playwright_api.expect(parts.first).to_have_class("stepwise-part stepwise-part--done")
    playwright_api.expect(parts.nth(0).locator("[data-stepwise-done-mark]")).to_be_visible()
    playwright_api.expect(parts.nth(1).locator("[data-stepwise-done-mark]")).to_be_hidden()
    page.locator("a.stepwise-part__link", has_text="Wrap up").click()
    page.wait_for_url(site_url + "quiz/step3/")
    page.locator("[data-stepwise-toggle]").click()
    page.locator("a.stepwise-series__title").click()
    page.wait_for_url(site_url + "quiz/")
    playwright_api.expect(progress).to_have_text("2 of 3 done · 4 min remaining")
    assert page.evaluate("window.__same_document") is True

    # Undo one part.
    page.locator("a.stepwise-part__link", has_text="Answer").click()
    page.wait_for_url(site_url + "quiz/step1/")
    page.locator("[data-stepwise-toggle]").click()
    playwright_api.expect(page.locator("[data-stepwise-toggle]")).to_have_attribute(
        "aria-pressed", "false"
    )
    page.goto(site_url + "quiz/")
    playwright_api.expect(progress).to_have_text("1 of 3 done · 9 min remaining")
