"""The reader's side of the default site in Chromium: accessibility, contrast, keyboard, no-JS.

The repository's own site is built as `mkdocs serve` builds it (the draft part is shown, with
its banner) and served on 127.0.0.1. axe-core (tests/vendor/axe.min.js, MPL-2.0) checks the
article area of every kind of page in the light and the dark scheme.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config

from .conftest import REPO, clipboard_page
from .serving import static_server

pytestmark = pytest.mark.browser

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SERIES = "python-environment-isolation/"
DRAFT = SERIES + "environment-isolation/"  # part 1 in the preview
PART = SERIES + "virtualenv-step/"  # part 3 in the preview: four commands and the xkcd panel
PAGES = {
    "home": "",
    "landing": SERIES,
    "draft part": DRAFT,
    "part": PART,
    "plain part": SERIES + "pyenv/",
    "tags": "tags/",
    "archive": "archive/",
    "categories": "categories/",
    "category": "categories/python/",
}
SCHEMES = ["light", "dark"]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site_dir = tmp_path_factory.mktemp("reader") / "site"
    site_dir.mkdir()
    with static_server(site_dir) as url:
        # `site_url` is this server, for Material's instant navigation (it reads sitemap.xml).
        cfg = load_config(
            config_file=str(REPO / "mkdocs.yml"), site_dir=str(site_dir), site_url=url
        )
        cfg.plugins.on_startup(command="serve", dirty=False)
        try:
            mkdocs_build.build(cfg, serve_url=url)
        finally:
            cfg.plugins.on_shutdown()
        yield url


def open_context(browser: Any, site_url: str, scheme: str = "light", **options: Any) -> Any:
    context = browser.new_context(base_url=site_url, color_scheme=scheme, **options)
    # No request leaves the machine: the xkcd image fails the way it does offline.
    context.route("**/*", lambda route: _local_only(route, site_url))
    return context


def _local_only(route: Any, site_url: str) -> None:
    if route.request.url.startswith(site_url):
        route.continue_()
    else:
        route.abort()


@pytest.fixture
def page(browser: Any, site_url: str) -> Iterator[Any]:
    with clipboard_page(open_context(browser, site_url), site_url) as page:
        yield page


def run_axe(page: Any, rules: list[str] | None = None, include: str = ".md-content") -> Any:
    """Serious and critical axe-core violations inside `include`, as (rule, target, summary)."""
    # Colours read half-way through a transition (a button just clicked) are not the page's.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async ([include, rules]) => {
          const options = {resultTypes: ["violations"]};
          if (rules) options.runOnly = {type: "rule", values: rules};
          const result = await axe.run({include: [[include]]}, options);
          return result.violations
            .filter(v => v.impact === "serious" || v.impact === "critical")
            .flatMap(v => v.nodes.map(n => [v.id, n.target.join(" "), n.failureSummary]));
        }""",
        [include, rules],
    )


def wait_until_enhanced(page: Any) -> None:
    """Material and our scripts have run: the palette is applied and blocks are decorated."""
    page.wait_for_function("document.body.hasAttribute('data-md-color-scheme')")
    if page.locator("pre code").count() and page.locator(".stepwise-execute").count():
        page.wait_for_selector(".stepwise-block")


# --- Accessibility: axe-core over the article area ---------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_serious_accessibility_violations_on_any_page_type(
    browser: Any, site_url: str, scheme: str
) -> None:
    context = open_context(browser, site_url, scheme)
    page = context.new_page()
    try:
        found = {}
        for kind, path in PAGES.items():
            page.goto(path)
            wait_until_enhanced(page)
            expected = "slate" if scheme == "dark" else "default"
            assert page.evaluate("document.body.dataset.mdColorScheme") == expected
            found[kind] = run_axe(page)
        assert found == {kind: [] for kind in PAGES}
    finally:
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_plugins_own_elements_reach_aa_contrast_in_every_state(
    browser: Any, site_url: str, scheme: str
) -> None:
    """Colour contrast of every stepwise-* element, also once a part is done and a copy made."""
    context = open_context(browser, site_url, scheme)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    own = '[class*="stepwise-"]'
    try:
        page.goto(PART)
        wait_until_enhanced(page)
        page.get_by_role("button", name="Mark this part as done").click()
        done = page.locator(".stepwise-done__button")
        expect(done).to_have_attribute("aria-pressed", "true")
        # Still focused after the click, away from the pointer: it shows the done state.
        page.mouse.move(0, 0)
        assert done.evaluate("el => el === document.activeElement")
        assert run_axe(page, ["color-contrast"], ".stepwise-done") == []
        background = done.evaluate("el => getComputedStyle(el).backgroundColor")
        assert background == "rgb(0, 112, 47)"
        done.hover()
        assert run_axe(page, ["color-contrast"], ".stepwise-done") == []
        page.mouse.move(0, 0)
        button = page.get_by_role("button", name="Copy: pip install virtualenv")
        button.click()
        expect(button.locator(".stepwise-button__label")).to_have_text("Copied")
        assert run_axe(page, ["color-contrast"], own) == []
        page.goto(SERIES)
        wait_until_enhanced(page)
        expect(page.locator(".stepwise-part__done:visible")).to_have_count(1)
        assert run_axe(page, ["color-contrast"], own) == []
        # Non-text contrast (WCAG 1.4.11): the focus ring of a command block, 3:1 at least.
        page.goto(PART)
        wait_until_enhanced(page)
        focus_on(page, "Copy: pip install virtualenv")
        ring = page.evaluate(
            """() => {
              const block = document.querySelector(".stepwise-block");
              const style = getComputedStyle(block);
              return [style.outlineStyle, parseFloat(style.outlineWidth), style.outlineColor,
                      getComputedStyle(document.body).backgroundColor];
            }"""
        )
        style, width, color, background = ring
        assert style == "solid" and width >= 2
        assert contrast(page, color, background) >= 3
        # Imported posts are full of commented code: Material's code colours, as adjusted,
        # on a probe of each token in a command block, checked by axe like everything else.
        page.evaluate(
            """(tokens) => {
              const code = document.querySelector(".stepwise-block pre code");
              for (const token of tokens) {
                const probe = document.createElement("span");
                probe.className = "stepwise-probe";
                probe.textContent = token;
                probe.style.color = `var(--md-code-hl-${token}-color)`;
                code.appendChild(probe);
              }
            }""",
            ["comment", "punctuation", "operator", "constant", "number", "keyword", "string"],
        )
        assert page.locator(".stepwise-probe").count() == 7
        assert run_axe(page, ["color-contrast"], ".stepwise-probe") == []
    finally:
        context.close()


def contrast(page: Any, first: str, second: str) -> float:
    """WCAG contrast of colour `first` on the opaque background `second`."""
    return float(
        page.evaluate(
            """([a, b]) => {
              // The canvas resolves any CSS colour; a translucent foreground is drawn over the
              // (opaque) background, as the reader sees it.
              const canvas = document.createElement("canvas").getContext("2d");
              const rgb = (...colours) => { canvas.clearRect(0, 0, 1, 1);
                colours.forEach(c => { canvas.fillStyle = c; canvas.fillRect(0, 0, 1, 1); });
                return canvas.getImageData(0, 0, 1, 1).data; };
              const lum = (data) => { const [r, g, b] = Array.from(data).slice(0, 3).map(v => {
                v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
              const [x, y] = [lum(rgb(b, a)), lum(rgb(b))].sort((p, q) => q - p);
              return (x + 0.05) / (y + 0.05);
            }""",
            [first, second],
        )
    )


# --- Keyboard and screen readers -----------------------------------------------------------------


def focus_on(page: Any, name: str) -> None:
    """Tab from the top of the page until the control named `name` has the focus."""
    page.locator("body").focus()
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == name:
            return
    raise AssertionError(f"Tab never reached {name!r}")


def test_one_tab_stop_per_command_block_named_after_its_command(page: Any) -> None:
    page.goto(PART)
    wait_until_enhanced(page)
    blocks = page.locator(".stepwise-block")
    assert blocks.count() == 4
    stops = page.evaluate(
        """() => Array.from(document.querySelectorAll(".stepwise-block")).map(block =>
             [block, ...block.querySelectorAll("*")].filter(el => el.tabIndex >= 0 &&
               !el.disabled && el.getClientRects().length).length)"""
    )
    assert stops == [1, 1, 1, 1]
    names = [blocks.nth(i).locator("button").get_attribute("aria-label") for i in range(4)]
    assert names == [
        "Copy: pip install virtualenv",
        "Copy: virtualenv -p python3 /var/projects/myproject/myprojectenv",
        "Copy: ls /var/projects/myproject/myprojectenv",
        "Copy: source /var/projects/myproject/myprojectenv/bin/activate",
    ]
    focus_on(page, "Copy: pip install virtualenv")
    page.keyboard.press("Tab")
    name = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert name == "Copy: virtualenv -p python3 /var/projects/myproject/myprojectenv"
    page.keyboard.press("Enter")
    expect(page.locator(".stepwise-block").nth(1).locator(".stepwise-button__label")).to_have_text(
        "Copied"
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == "virtualenv -p python3 /var/projects/myproject/myprojectenv"


# --- Copy glitches ----------------------------------------------------------------------------


def test_double_click_selects_a_word_and_copies_nothing(page: Any) -> None:
    page.goto(PART)
    wait_until_enhanced(page)
    page.evaluate(
        """() => {
          const blocks = Array.from(document.querySelectorAll(".stepwise-block"));
          window.copiedBlocks = [];
          new MutationObserver(records => records.forEach(r => {
            if (r.target.classList.contains("stepwise-copied")) {
              window.copiedBlocks.push(blocks.indexOf(r.target.closest(".stepwise-block")));
            }
          })).observe(document.querySelector(".md-content"),
                      {attributes: true, subtree: true, attributeFilter: ["class"]});
        }"""
    )
    # The middle of the word "install" in the first command.
    x, y = page.evaluate(
        """() => {
          const text = document.querySelector(".stepwise-block code").firstChild;
          const node = text.nodeType === 3 ? text : text.firstChild;
          const range = document.createRange();
          const start = node.textContent.indexOf("install");
          range.setStart(node, start); range.setEnd(node, start + 7);
          const rect = range.getBoundingClientRect();
          return [rect.x + rect.width / 2, rect.y + rect.height / 2];
        }"""
    )
    page.mouse.dblclick(x, y)
    assert page.evaluate("window.getSelection().toString()") == "install"
    # A later copy lands after anything the double click could have started.
    second = page.locator(".stepwise-block").nth(2)
    second.locator(".stepwise-block__header").click()
    expect(second.locator(".stepwise-button__label")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == (
        "ls /var/projects/myproject/myprojectenv"
    )
    assert set(page.evaluate("window.copiedBlocks")) == {2}


def test_the_copy_button_keeps_its_width_when_it_says_copied(page: Any) -> None:
    page.goto(PART)
    wait_until_enhanced(page)
    button = page.get_by_role("button", name="Copy: pip install virtualenv")
    before = button.bounding_box()
    button.click()
    expect(button.locator(".stepwise-button__label")).to_have_text("Copied")
    after = button.bounding_box()
    assert before is not None and after is not None
    assert (after["width"], after["x"]) == (before["width"], before["x"])


# --- Without JavaScript ---------------------------------------------------------------------------


def test_without_javascript_commands_stay_text_and_controls_vanish(
    browser: Any, site_url: str
) -> None:
    context = open_context(browser, site_url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(PART)
        code = page.locator(".md-content pre code", has_text="pip install virtualenv")
        expect(code).to_be_visible()
        assert code.evaluate("el => getComputedStyle(el).userSelect") != "none"
        # Select the command by hand, as a reader without JavaScript copies it.
        selected = code.evaluate(
            """el => { const range = document.createRange(); range.selectNodeContents(el);
                 const selection = getSelection(); selection.removeAllRanges();
                 selection.addRange(range); return selection.toString(); }"""
        )
        assert selected.strip() == "pip install virtualenv"
        article = page.locator(".md-content")
        expect(article.locator("button:visible")).to_have_count(0)
        expect(article.locator(".stepwise-copy-all")).to_have_count(0)
        expect(article.locator("[data-stepwise-progress]:visible")).to_have_count(0)
        expect(article.locator(".stepwise-done:visible")).to_have_count(0)
        page.goto(SERIES)
        expect(page.locator("[data-stepwise-progress]:visible")).to_have_count(0)
        expect(page.locator("[data-stepwise-done-mark]:visible")).to_have_count(0)
        expect(page.get_by_role("link", name="Start with part 1")).to_be_visible()
    finally:
        context.close()


# --- Stylesheets do not depend on their order ----------------------------------------------

COMPUTED = [
    "color",
    "background-color",
    "border-top-color",
    "border-left-color",
    "display",
    "font-weight",
    "outline-style",
]


def styles_of_our_elements(page: Any) -> Any:
    return page.evaluate(
        """(properties) => Array.from(document.querySelectorAll('[class*="stepwise-"]')).map(el => {
             const style = getComputedStyle(el);
             return [el.className, ...properties.map(p => style.getPropertyValue(p))];
           })""",
        COMPUTED,
    )


def reverse_our_stylesheets(page: Any) -> None:
    """Inline the plugin's stylesheets in the reverse order of the links."""
    page.evaluate(
        """async () => {
          const links = Array.from(document.querySelectorAll('link[href*="assets/stepwise/"]'));
          const texts = await Promise.all(links.map(l => fetch(l.href).then(r => r.text())));
          links.forEach(l => l.remove());
          texts.reverse().forEach(text => {
            const style = document.createElement("style");
            style.textContent = text;
            document.head.appendChild(style);
          });
        }"""
    )


@pytest.mark.parametrize("path", [SERIES, PART, ""])
def test_styles_do_not_depend_on_the_order_of_the_stylesheets(page: Any, path: str) -> None:
    page.goto(PART)
    wait_until_enhanced(page)
    page.get_by_role("button", name="Mark this part as done").click()
    page.goto(path)
    wait_until_enhanced(page)
    links = page.locator('link[href*="assets/stepwise/"][rel="stylesheet"]')
    assert links.count() >= 5
    before = styles_of_our_elements(page)
    reverse_our_stylesheets(page)
    assert styles_of_our_elements(page) == before


def test_badges_and_done_parts_keep_their_own_colours(page: Any) -> None:
    page.goto(PART)
    wait_until_enhanced(page)
    page.get_by_role("button", name="Mark this part as done").click()
    page.goto(SERIES)
    wait_until_enhanced(page)
    draft = page.locator(".stepwise-status--draft")
    assert draft.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 145, 0)"
    done = page.locator("li.stepwise-part--done")
    expect(done).to_have_count(1)
    border = done.evaluate("el => getComputedStyle(el).borderTopColor")
    assert border == "rgb(0, 112, 47)"


# --- Reading aids, navigation, layout -----------------------------------------------------


def test_the_landing_page_continues_with_the_first_part_not_done(page: Any) -> None:
    page.goto(SERIES)
    wait_until_enhanced(page)
    start = page.locator("[data-stepwise-start]")
    expect(start).to_have_text("Start with part 1")
    for path in [DRAFT, SERIES + "pyenv/"]:
        page.goto(path)
        page.get_by_role("button", name="Mark this part as done").click()
        expect(page.locator(".stepwise-done__button")).to_have_attribute("aria-pressed", "true")
    page.goto(SERIES)
    expect(start).to_have_text("Continue with part 3")
    assert (start.get_attribute("href") or "").endswith("virtualenv-step/")
    start.click()
    page.wait_for_url("**/" + PART)


def test_a_part_page_marks_its_series_in_the_navigation(page: Any) -> None:
    page.goto(PART)
    wait_until_enhanced(page)
    active = page.locator(".md-sidebar--primary li.md-nav__item--active > a.md-nav__link")
    expect(active).to_have_text("Python environment isolation")
    plain = page.locator(".md-sidebar--primary a.md-nav__link", has_text="Tags")
    colour = active.evaluate("el => getComputedStyle(el).color")
    assert colour != plain.evaluate("el => getComputedStyle(el).color")


def test_the_series_header_has_a_visible_aligned_disclosure(page: Any) -> None:
    page.goto(PART)
    wait_until_enhanced(page)
    summary = page.locator(".stepwise-series__parts > summary")
    assert summary.evaluate("el => getComputedStyle(el).display") == "list-item"
    assert summary.evaluate("el => getComputedStyle(el).listStyleType") == "disclosure-closed"
    position = page.locator(".stepwise-series__position").bounding_box()
    box = summary.bounding_box()
    assert position is not None and box is not None
    assert abs(position["x"] - box["x"]) < 1
    summary.click()
    expect(page.locator(".stepwise-series__parts li")).to_have_count(5)


def test_on_a_phone_the_landing_buttons_stack_with_a_gap_and_one_width(
    browser: Any, site_url: str
) -> None:
    context = open_context(browser, site_url, viewport={"width": 390, "height": 800})
    page = context.new_page()
    try:
        page.goto(SERIES)
        wait_until_enhanced(page)
        buttons = page.locator(".stepwise-landing__actions .md-button")
        first, second = buttons.nth(0).bounding_box(), buttons.nth(1).bounding_box()
        assert first is not None and second is not None
        assert first["width"] == second["width"]
        assert second["y"] - (first["y"] + first["height"]) >= 8
    finally:
        context.close()


def test_the_xkcd_panel_without_its_image(page: Any) -> None:
    page.goto(PART)
    wait_until_enhanced(page)
    image = page.locator(".stepwise-xkcd__comic img")
    assert (image.get_attribute("width"), image.get_attribute("height")) == ("492", "487")
    offline = page.locator(".stepwise-xkcd__offline")
    expect(offline).to_be_visible()
    expect(image).to_be_hidden()
    expect(offline).to_contain_text("xkcd 1987: Python Environment")
    box = offline.bounding_box()
    assert box is not None
    assert box["width"] == pytest.approx(492, abs=1)
    assert box["height"] == pytest.approx(487, abs=1)
    # The title text is shown once, in the caption.
    expect(page.locator(".stepwise-xkcd__text")).to_contain_text("sudo to install random")
    assert page.locator(".stepwise-xkcd").inner_text().count("Python environmental") == 1


def test_draft_card_tags_are_not_styled_as_links(page: Any) -> None:
    page.goto("")
    wait_until_enhanced(page)
    draft = page.locator(".stepwise-post-card", has=page.locator(".stepwise-status--draft"))
    tags = draft.locator(".stepwise-post-card__tag")
    assert tags.count() > 0
    assert draft.locator(".md-tag").count() == 0
    style = "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).cursor]"
    assert tags.first.evaluate(style) == ["rgba(0, 0, 0, 0)", "auto"]
    link = page.locator(".stepwise-post-card a.md-tag").first
    assert link.evaluate(style)[0] != "rgba(0, 0, 0, 0)"  # a linked tag is a chip
