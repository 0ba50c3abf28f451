"""Clickable commands in a real browser: Debian's Chromium driven by Playwright.

Two real MkDocs + Material sites are built with the `stepwise` plugin (which adds the extension
and `assets/execute.{js,css}`): one with Material's `content.code.copy` feature, one without.
Both use `navigation.instant`. They are served on http://127.0.0.1, and every test reads the
real clipboard.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from mkdocs_stepwise.execute import commands_from_html

from .conftest import build_site, clipboard_page
from .serving import static_server

pytestmark = pytest.mark.browser

playwright_api = pytest.importorskip("playwright.sync_api")

STEP = """
# Step one

Install it:

```
pip install virtualenv

```{{execute}}
Then this, which needs a second terminal:

```bash
virtualenv -p python3 /var/projects/env
```{{execute T2 interrupt}}

```console
$ ls /var/projects/env
```{{execute HOST2}}

Copy `docker ps`{{copy}}, run `whoami`{{exec}}, press `^C`{{execute ctrl-seq}},
open `app/index.js`{{open}} and read `plain code`.

```
apiVersion: v1
```{{copy}}

<pre class="file" data-filename="app.js" data-target="insert" data-marker="#TODO">
console.log("hi");
</pre>

<pre class="file" data-filename="notes.txt" data-target="append">
one more line
</pre>

<pre class="file" data-filename="config.yml">
debug: true
</pre>

<pre class="file" data-target="clipboard">
Copy Me To The Clipboard!!
</pre>

A plain block:

```python
print("not a command")
```
"""

HOME = """
# Home

[Go to step one](step/index.md)
"""

ALL_COMMANDS = [
    "pip install virtualenv",
    "virtualenv -p python3 /var/projects/env",
    "ls /var/projects/env",
    "whoami",
]


PALETTES = [
    {"media": "(prefers-color-scheme: light)", "scheme": "default"},
    {"media": "(prefers-color-scheme: dark)", "scheme": "slate"},
]
MATERIAL_COPY_BUTTON = ".md-code__button[data-md-type=copy], .md-clipboard"


@dataclass(frozen=True)
class Site:
    url: str
    code_copy: bool
    """Whether Material's `content.code.copy` feature is on."""


@pytest.fixture(scope="module", params=[True, False], ids=["code.copy on", "code.copy off"])
def site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Site]:
    """A built site served on 127.0.0.1, with Material's `content.code.copy` on or off."""
    features = ["navigation.instant"] + (["content.code.copy"] if request.param else [])
    root = tmp_path_factory.mktemp("execute-site")
    with static_server(root / "site") as url:
        yield from _build_and_serve(root, url, features, code_copy=request.param)


def _build_and_serve(
    root: Path, url: str, features: list[str], *, code_copy: bool
) -> Iterator[Site]:
    # Material's instant navigation follows only links to pages in sitemap.xml, whose URLs it
    # reads with this page's scheme and host but the sitemap's port: `site_url` must match.
    build_site(
        root,
        {"index.md": HOME, "step/index.md": STEP},
        config={
            "site_url": url,
            "theme": {"name": "material", "features": features, "palette": PALETTES},
        },
    )
    yield Site(url, code_copy=code_copy)


@pytest.fixture
def page(browser: Any, site: Site) -> Iterator[Any]:
    with clipboard_page(browser.new_context(base_url=site.url), site.url) as page:
        yield page


def clipboard(page: Any) -> str:
    return str(page.evaluate("navigator.clipboard.readText()"))


def expect_clipboard(page: Any, expected: str) -> None:
    """Wait (briefly) for the asynchronous copy to land, then compare."""
    for _ in range(20):
        if clipboard(page) == expected:
            break
        page.wait_for_timeout(50)
    assert clipboard(page) == expected


def reset_clipboard(page: Any) -> None:
    page.evaluate("navigator.clipboard.writeText('(nothing)')")


def open_step(page: Any) -> None:
    page.goto("step/")
    page.wait_for_selector(".stepwise-block")
    reset_clipboard(page)


def test_every_block_has_exactly_one_copy_button(page: Any) -> None:
    open_step(page)
    blocks = page.locator(".stepwise-block")
    assert blocks.count() == 8  # three execute blocks, one {{copy}} block, four Katacoda files
    for index in range(blocks.count()):
        assert blocks.nth(index).locator("button").count() == 1


def test_material_button_only_on_plain_blocks_when_the_feature_is_on(page: Any, site: Site) -> None:
    open_step(page)
    feature_on = site.code_copy
    plain = page.locator("div.highlight:not(.stepwise-execute):not(.stepwise-copy)")
    assert plain.count() == 1
    assert plain.locator(MATERIAL_COPY_BUTTON).count() == (1 if feature_on else 0)
    assert page.locator(f".stepwise-block :is({MATERIAL_COPY_BUTTON})").count() == 0


def test_clicking_a_block_copies_exactly_the_command(page: Any) -> None:
    page.clock.install()  # the page's timers run on a clock the test moves, not on wall time
    open_step(page)
    # Stopped a second ahead: from here on the page's time moves only with `run_for`.
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    first = page.locator(".stepwise-block").first
    first.locator(".stepwise-block__header").click()
    expect_clipboard(page, "pip install virtualenv")
    button = first.locator(".stepwise-button")
    assert button.inner_text() == "Copied"
    page.clock.run_for(1700)
    assert button.inner_text() == "Copied"
    page.clock.run_for(500)  # past execute.js' FEEDBACK_MS (1.8 s)
    assert button.inner_text() == "Copy"


def test_clicking_the_button_copies_and_prompts_are_left_out(page: Any) -> None:
    open_step(page)
    block = page.locator(".stepwise-block").nth(2)
    assert block.locator(".stepwise-badge").inner_text() == "Host 2"
    block.locator(".stepwise-button").click()
    expect_clipboard(page, "ls /var/projects/env")


def test_terminal_badge_and_interrupt_note(page: Any) -> None:
    open_step(page)
    block = page.locator(".stepwise-block").nth(1)
    assert block.locator(".stepwise-block__label").inner_text() == "Run in terminal"
    assert block.locator(".stepwise-badge").inner_text() == "Terminal 2"
    assert "Ctrl+C" in block.locator(".stepwise-block__note").inner_text()
    block.locator(".stepwise-block__header").click()
    expect_clipboard(page, "virtualenv -p python3 /var/projects/env")


def test_keyboard(page: Any) -> None:
    open_step(page)
    # A block's one tab stop is its Copy button, named after the command.
    page.get_by_role("button", name="Copy: pip install virtualenv").focus()
    page.keyboard.press("Enter")
    expect_clipboard(page, "pip install virtualenv")
    reset_clipboard(page)
    page.locator(".stepwise-block").nth(1).locator("button").focus()
    page.keyboard.press(" ")
    expect_clipboard(page, "virtualenv -p python3 /var/projects/env")
    reset_clipboard(page)
    page.locator("code.stepwise-chip", has_text="whoami").focus()
    page.keyboard.press("Enter")
    expect_clipboard(page, "whoami")
    # The block itself is not a second tab stop.
    assert page.locator(".stepwise-block").first.get_attribute("tabindex") is None


def test_chips(page: Any) -> None:
    open_step(page)
    chip = page.locator("code.stepwise-chip", has_text="docker ps")
    chip.click()
    expect_clipboard(page, "docker ps")
    assert chip.get_attribute("data-stepwise-feedback") == "Copied"
    page.locator("code.stepwise-chip", has_text="whoami").click()
    expect_clipboard(page, "whoami")
    opened = page.locator("code.stepwise-open")
    assert opened.inner_text() == "app/index.js"
    assert opened.get_attribute("role") is None  # a chip that shows a path, not a button
    plain = page.locator("code", has_text="plain code")
    assert plain.get_attribute("class") is None


def test_copy_block_and_katacoda_files(page: Any) -> None:
    open_step(page)
    copy_block = page.locator(".stepwise-block--copy", has_text="apiVersion")
    copy_block.locator(".stepwise-block__header").click()
    expect_clipboard(page, "apiVersion: v1")
    labels = page.locator(".stepwise-block:has(pre.file) .stepwise-block__label")
    assert labels.all_inner_texts() == [
        "Insert at #TODO in app.js",
        "Append to notes.txt",
        "Replace config.yml",
        "Copy",
    ]
    file_block = page.locator(".stepwise-block", has=page.locator("pre.file[data-filename]"))
    file_block = file_block.first
    file_block.locator(".stepwise-button").click()
    expect_clipboard(page, 'console.log("hi");')
    plain_file = page.locator(".stepwise-block", has_text="Copy Me To The Clipboard")
    assert plain_file.locator(".stepwise-block__label").inner_text() == "Copy"
    plain_file.locator(".stepwise-block__header").click()
    expect_clipboard(page, "Copy Me To The Clipboard!!")


def test_copy_all_commands(page: Any) -> None:
    open_step(page)
    button = page.locator(".stepwise-copy-all button")
    assert button.inner_text() == "Copy all 4 commands"
    button.click()
    expect_clipboard(page, "\n".join(ALL_COMMANDS))
    assert commands_from_html(page.content()) == ALL_COMMANDS


def test_after_instant_navigation(page: Any) -> None:
    page.goto("./")
    page.wait_for_function("window.document$ !== undefined")
    page.evaluate("window.stepwiseSamePage = true")
    page.get_by_text("Go to step one").click()
    page.wait_for_selector(".stepwise-block")
    # Instant navigation swapped the content without reloading the page.
    assert page.evaluate("window.stepwiseSamePage") is True
    reset_clipboard(page)
    page.locator(".stepwise-block").first.locator("button").click()
    expect_clipboard(page, "pip install virtualenv")
    assert page.locator(".stepwise-copy-all").count() == 1
    assert page.locator(".stepwise-block").first.locator("button").count() == 1


def test_fallback_without_the_clipboard_api(page: Any) -> None:
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.goto("step/")
    page.wait_for_selector(".stepwise-block")
    page.locator(".stepwise-block").first.locator(".stepwise-block__header").click()
    assert page.locator(".stepwise-block .stepwise-button").first.inner_text() == "Copied"
    reader = page.context.new_page()
    reader.goto("./")
    expect_clipboard(reader, "pip install virtualenv")


def test_light_and_dark_schemes_use_material_colours(page: Any) -> None:
    open_step(page)
    block = page.locator(".stepwise-block").first
    style = "e => getComputedStyle(e).backgroundColor"
    light = block.evaluate(style)
    # Material animates colour changes: without transitions the new colours apply at once.
    page.add_style_tag(content="* { transition: none !important; }")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    dark = block.evaluate(style)
    assert light != dark
    assert dark == page.locator(".stepwise-block pre > code").first.evaluate(style)
