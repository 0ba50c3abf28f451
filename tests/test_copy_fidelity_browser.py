"""Every copy button copies exactly what the author wrote: a real `--strict` build of a step
shaped like real Killercoda and Katacoda steps (tests/fixtures/copy-fidelity/step.md: fences in
list items, console sessions with and without prompts, tabs, terminals, keystrokes), served
and clicked in Chromium, button by button, with the clipboard compared each time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mkdocs_stepwise.execute import commands_from_html

from .conftest import build_site, clipboard_page
from .serving import static_server
from .test_execute_browser import clipboard, expect_clipboard, reset_clipboard

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")

STEP = (Path(__file__).parent / "fixtures" / "copy-fidelity" / "step.md").read_text("utf-8")

# What each button and chip copies, in page order: the fence body as written (dedented by its
# list indentation only, tabs kept), the prompted lines of a console session without prompts.
COPIED = [
    "kubectl create namespace flower",
    "kubectl get ns flower",
    "kubectl get pods -A",
    "nginx -t",
    "uname -r\nwhoami",
    "docker ps --all",
    "cat <<-EOF > Makefile\n\tall:\n\t\techo built\n\tEOF",
    "echo quoted",
    "kubectl get pods -w",
    "kubectl get pods",
    "sleep 1d",
    "hostname",
]
COMMANDS = [COPIED[i] for i in (0, 1, 2, 3, 4, 5, 6, 8, 9, 11)]  # {{execute}}/{{exec}} only
BUTTONS = ".stepwise-block__header .stepwise-button, code.stepwise-chip"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("copy-fidelity")
    with static_server(root / "site") as url:
        build_site(
            root,
            {"index.md": "# Home\n", "deploy.md": STEP},
            config={"site_url": url, "theme": {"name": "material", "features": []}},
        )
        yield url


@pytest.fixture
def page(browser: Any, site_url: str) -> Iterator[Any]:
    with clipboard_page(browser.new_context(base_url=site_url), site_url) as page:
        page.goto("deploy/")
        page.wait_for_selector(".stepwise-block")
        yield page


def test_every_button_copies_the_source_command(page: Any) -> None:
    buttons = page.locator(BUTTONS)
    assert buttons.count() == len(COPIED)
    for index, expected in enumerate(COPIED):
        reset_clipboard(page)
        buttons.nth(index).click()
        expect_clipboard(page, expected)


def test_the_page_lists_the_same_commands(page: Any) -> None:
    assert commands_from_html(page.content()) == COMMANDS
    page.locator(".stepwise-copy-all button").click()
    expect_clipboard(page, "\n".join(COMMANDS))


def test_keystrokes_are_an_instruction_not_a_button(page: Any) -> None:
    keys = page.locator(".stepwise-keys")
    assert keys.inner_text() == "Press Ctrl+C in Terminal 1"
    assert keys.locator("code, button").count() == 0
    reset_clipboard(page)
    keys.click()
    assert clipboard(page) == "(nothing)"


def test_chips_show_their_terminal_and_interrupt_as_blocks_do(page: Any) -> None:
    badges = page.locator(".stepwise-chip-badge").all_inner_texts()
    assert badges == ["Terminal 1", "Terminal 1", "Host 2"]
    note = page.locator(".stepwise-chip-note")
    assert note.inner_text() == "Ctrl+C in Terminal 1 first, then"
    assert note.is_visible()
    blocks = page.locator(".stepwise-block .stepwise-badge").all_inner_texts()
    assert blocks == ["Terminal 2", "Host 2", "Terminal 2"]


def test_a_keystroke_block_is_an_instruction_too(page: Any) -> None:
    block = page.locator(".stepwise-block").last
    assert block.locator(".stepwise-block__label").inner_text() == "Press Ctrl+C in Terminal 2"
    assert block.locator("button").count() == 0
    reset_clipboard(page)
    block.click()
    assert clipboard(page) == "(nothing)"


def test_a_block_never_copies_an_empty_string(page: Any) -> None:
    page.evaluate(
        """() => {
        const code = document.querySelector('.stepwise-block code');
        code.querySelectorAll('span').forEach(s => s.remove());
        code.textContent = '';
    }"""
    )
    reset_clipboard(page)
    button = page.locator(".stepwise-block__header .stepwise-button").first
    button.click()
    page.wait_for_function(
        "document.querySelector('.stepwise-block__header .stepwise-button').innerText"
        " === 'Nothing to copy'"
    )
    assert clipboard(page) == "(nothing)"
