"""Every copy button of the scenario fixtures, clicked in Chromium, copies what the author wrote.

The fixtures (tests/fixtures/scenarios) are built for real under --strict and served on
127.0.0.1. Each copy target of each step page (blocks and chips) is clicked and the real
clipboard is compared with the command as it stands in the Markdown source: tabs kept, console
blocks without a prompt copied whole, fences nested in list items as blocks, and `^C`
(`ctrl-seq`) an instruction rather than a chip.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from .scenario_fixtures import build_scenarios
from .serving import static_server

pytestmark = pytest.mark.browser

playwright_api = pytest.importorskip("playwright.sync_api")


@dataclass(frozen=True)
class Target:
    """One copy target: a block or a chip, found by text it shows, and what it must copy."""

    kind: str  # "block" or "chip"
    shows: str
    copies: str
    nth: int = 0


KATACODA = "openshift-console"
KILLERCODA = "grafana-traffic"

PAGES: dict[str, list[Target]] = {
    f"{KATACODA}/01-logging-in/": [
        Target("chip", "developer", "developer"),
        Target("chip", "developer", "developer", nth=1),
        Target("chip", "oc login", "oc login -u developer -p developer https://[[HOST_IP]]:6443"),
        Target("chip", "oc whoami", "oc whoami"),
    ],
    f"{KATACODA}/02-deploying/": [
        Target("block", "oc new-project", "oc new-project myproject"),
        Target(
            "block",
            "cat <<-EOF",
            "cat <<-EOF > check.sh\n\t#!/bin/sh\n\toc get pods\n\tEOF",
        ),
        Target("block", "oc apply", "oc apply -f /root/app.yaml"),
        Target("block", "oc get pods -o wide", "oc get pods -o wide"),
        Target("block", "oc logs -f web", "oc logs -f web"),
    ],
    f"{KATACODA}/03-watching/": [
        Target("chip", "oc get pods -w", "oc get pods -w"),
        Target("chip", "oc get routes", "oc get routes"),
        Target("chip", "logs done", 'echo "logs done"'),
        # The answer file, shown as the step's solution.
        Target("chip", "oc get pods", "oc get pods", nth=1),
    ],
    f"{KILLERCODA}/step1/": [
        Target(
            "block", "git clone", "git clone https://github.com/grafana/tutorial-environment.git"
        ),
        Target("block", "cd tutorial-environment", "cd tutorial-environment"),
        Target("block", "docker-compose up -d", "docker-compose up -d"),
        Target("chip", "docker-compose up -d", "docker-compose up -d"),
        Target("block", "docker-compose ps", "docker-compose ps"),
    ],
    f"{KILLERCODA}/step2/": [
        Target("chip", "up", "up"),
        Target("chip", "web", "web"),
        Target("block", '{container="web"}', '{container="web"}'),
        Target("block", "sum(rate", 'sum(rate({container="web"}[1m]))'),
        Target("block", "curl -s", "curl -s '{{TRAFFIC_HOST1_9090}}/api/v1/query?query=up'"),
        Target("block", "docker-compose logs", "docker-compose logs -f grafana"),
    ],
}
SELECTORS = {"block": "article .stepwise-block", "chip": "article code.stepwise-chip"}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("scenario-browser")
    with static_server(root / "site") as url:
        build_scenarios(root, config={"site_url": url})
        yield url


class Reader:
    """One browser tab for the whole module: it moves to a page only when a test needs another."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def at(self, url: str) -> Any:
        if not self.page.url.endswith("/" + url):
            self.page.goto(url)
            self.page.wait_for_selector("article .stepwise-block, article code.stepwise-chip")
            # Solutions sit in collapsed <details>; a reader opens them before copying.
            self.page.evaluate(
                "document.querySelectorAll('article details').forEach(d => d.open = true)"
            )
        return self.page


@pytest.fixture(scope="module")
def reader(browser: Any, site_url: str) -> Iterator[Reader]:
    context = browser.new_context(base_url=site_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    tab = Reader(context.new_page())
    try:
        yield tab
    finally:
        context.close()
    assert tab.errors == []


NOTHING = "(nothing copied yet)"


def copy(page: Any, target: Any, kind: str) -> str:
    """Click a target (a block's button, or the chip) and return what reached the clipboard."""
    page.evaluate("text => navigator.clipboard.writeText(text)", NOTHING)
    (target.locator(".stepwise-button") if kind == "block" else target).click()
    page.wait_for_function(
        "async before => (await navigator.clipboard.readText()) !== before",
        arg=NOTHING,
        timeout=5000,
    )
    return str(page.evaluate("navigator.clipboard.readText()"))


def _target_params() -> list[Any]:
    params = []
    for url, targets in PAGES.items():
        for target in targets:
            name = f"{url}{target.kind}:{target.shows}:{target.nth}"
            params.append(pytest.param(url, target, id=name))
    return params


@pytest.mark.parametrize(("url", "target"), _target_params())
def test_each_copy_target_copies_its_source(reader: Reader, url: str, target: Target) -> None:
    page = reader.at(url)
    found = page.locator(SELECTORS[target.kind]).filter(has_text=target.shows)
    assert found.count() > target.nth, f"no {target.kind} shows {target.shows!r}"
    assert copy(page, found.nth(target.nth), target.kind) == target.copies


@pytest.mark.parametrize("url", list(PAGES))
def test_every_copy_target_of_the_page_in_order(reader: Reader, url: str) -> None:
    """All of a page's blocks and chips, clicked in page order: nothing more, nothing less."""
    page = reader.at(url)
    targets = page.locator("article .stepwise-block, article code.stepwise-chip")
    copied = []
    for index in range(targets.count()):
        target = targets.nth(index)
        kind = "block" if "stepwise-block" in (target.get_attribute("class") or "") else "chip"
        copied.append((kind, copy(page, target, kind)))
    assert copied == [(t.kind, t.copies) for t in PAGES[url]]
