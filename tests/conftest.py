"""Shared fixtures: real MkDocs builds into temporary folders, and a guard against stray warnings.

Every test runs under `plugin_warnings`: a warning logged under `mkdocs.plugins.stepwise` that the
test did not claim with `plugin_warnings.expect(...)` fails the test (the idea comes from
oprypin's plugins, whose test suites fail on any unexpected warning).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import logging
import os
import re
import sys
import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

import pytest
import yaml
from bs4 import BeautifulSoup

# mkdocs.yml settings merge as the importer merges a Hugo site's configuration.
from mkdocs_stepwise.importer.hugo_config import deep_merge

if TYPE_CHECKING:
    from .buildcache_support import Project

merge = deep_merge

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

REPO = Path(__file__).resolve().parent.parent


@functools.cache
def benchmark_module() -> ModuleType:
    """`scripts/benchmark.py`, loaded once: its tests, and its way of starting and stopping
    `mkdocs serve`, which the test server shares."""
    spec = importlib.util.spec_from_file_location("benchmark", REPO / "scripts" / "benchmark.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["benchmark"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


class PluginWarnings(logging.Handler):
    """Collects warnings from the plugin's logger; each must be claimed by the test."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith("mkdocs.plugins.stepwise"):
            self.records.append(record)

    @property
    def messages(self) -> list[str]:
        return [record.getMessage() for record in self.records]

    def expect(self, pattern: str, count: int | None = None) -> list[str]:
        """Claim the warnings matching `pattern` (a regex); fail if there are none."""
        matching = [r for r in self.records if re.search(pattern, r.getMessage())]
        assert matching, f"no warning matches {pattern!r}; got {self.messages}"
        if count is not None:
            assert len(matching) == count, [r.getMessage() for r in matching]
        self.records = [r for r in self.records if r not in matching]
        return [r.getMessage() for r in matching]

    def clear(self) -> None:
        self.records.clear()


@pytest.fixture(autouse=True)
def plugin_warnings() -> Iterator[PluginWarnings]:
    handler = PluginWarnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
    assert not handler.records, f"unexpected plugin warnings: {handler.messages}"


@dataclass
class BuiltSite:
    """A site built into a temporary folder."""

    site_dir: Path
    docs_dir: Path
    config: Any
    errors: list[str] = field(default_factory=list)

    def path(self, relative: str) -> Path:
        return self.site_dir / relative

    def exists(self, relative: str) -> bool:
        return self.path(relative).exists()

    def html(self, relative: str) -> BeautifulSoup:
        """Parse a built page, e.g. `series/part/index.html` or `series/part/`."""
        if relative.endswith("/") or relative == "":
            relative += "index.html"
        return BeautifulSoup(self.path(relative).read_text(encoding="utf-8"), "html.parser")

    def text(self, relative: str) -> str:
        return self.path(relative).read_text(encoding="utf-8")

    def all_files(self) -> list[Path]:
        return sorted(p for p in self.site_dir.rglob("*") if p.is_file())


def tree_hash(folder: Path) -> str:
    """One digest of every path and file below `folder`: equal digests, untouched tree."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def write_docs(docs_dir: Path, files: Mapping[str, str | bytes]) -> None:
    for name, content in files.items():
        target = docs_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")


BASE_CONFIG: dict[str, Any] = {
    "site_name": "Test site",
    "site_url": "https://example.test/",
    "theme": {"name": "material", "features": ["navigation.footer"]},
    "markdown_extensions": [
        "attr_list",
        "tables",
        "md_in_html",
        "admonition",
        "pymdownx.details",
        "pymdownx.superfences",
        {"pymdownx.tabbed": {"alternate_style": True}},
        "pymdownx.highlight",
    ],
}


def build_site(
    root: Path,
    files: dict[str, str | bytes],
    *,
    config: dict[str, Any] | None = None,
    plugin: dict[str, Any] | None = None,
    strict: bool = True,
    command: Literal["build", "serve"] = "build",
    use_overrides: bool = True,
) -> BuiltSite:
    """Build a real site from `files` (docs-relative path -> content) into `root/site`.

    `plugin` holds the `stepwise` plugin's options. `command="serve"` runs the plugin as it runs
    under `mkdocs serve` (drafts shown with a banner), without starting a server.
    """
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    docs_dir = root / "docs"
    write_docs(docs_dir, files)
    settings = merge(BASE_CONFIG, config or {})
    if use_overrides:
        settings["theme"] = dict(settings["theme"], custom_dir=str(REPO / "overrides"))
    plugins = settings.pop("plugins", None)
    if plugins is None:
        plugins = ["search", {"stepwise": plugin or {}}]
    settings["plugins"] = plugins
    settings["docs_dir"] = str(docs_dir)
    settings["site_dir"] = str(root / "site")
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings), encoding="utf-8")

    cfg = load_config(config_file=str(config_file), strict=strict)
    cfg.plugins.on_startup(command=command, dirty=False)
    try:
        mkdocs_build.build(cfg, serve_url="http://127.0.0.1:8000/" if command == "serve" else None)
    finally:
        cfg.plugins.on_shutdown()
    return BuiltSite(site_dir=root / "site", docs_dir=docs_dir, config=cfg)


@pytest.fixture
def build(tmp_path: Path):
    """`build(files, **options)` builds a site under this test's temporary folder."""
    counter = iter(range(1000))

    def _build(files: dict[str, str | bytes], **options: Any) -> BuiltSite:
        return build_site(tmp_path / f"build{next(counter)}", files, **options)

    return _build


def shared_build(
    factory: pytest.TempPathFactory, files: dict[str, str | bytes], **options: Any
) -> BuiltSite:
    """A build for a module-scoped fixture: several tests read one site instead of each building it.

    The `plugin_warnings` guard is per test and is not yet listening when a module fixture runs,
    so this build has its own: any plugin warning fails it.
    """
    handler = PluginWarnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        site = build_site(factory.mktemp("shared"), files, **options)
    finally:
        logger.removeHandler(handler)
    assert not handler.records, f"unexpected plugin warnings: {handler.messages}"
    return site


@pytest.fixture
def project(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> Project:
    """A small blog and series built with the build cache and without it (`buildcache_support`)."""
    from .buildcache_support import make_project  # it builds with `build_site`, from here

    return make_project(tmp_path, caplog, monkeypatch)


@pytest.fixture(scope="session")
def tranquilpeak_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """Tranquilpeak's example posts (`blog_support.POSTS`), built once for every module that
    only reads them (covers, listings, feeds)."""
    from .blog_support import POSTS, WITH_TAGS

    return shared_build(tmp_path_factory, POSTS, config=WITH_TAGS)


@pytest.fixture(scope="session")
def tranquilpeak_preview(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The same posts as `mkdocs serve` builds them: drafts included, with a banner."""
    from .blog_support import POSTS, WITH_TAGS

    return shared_build(tmp_path_factory, POSTS, config=WITH_TAGS, command="serve")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Debian Chromium for the whole run (Playwright never downloads a browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        try:
            yield chromium
        finally:
            chromium.close()


@contextlib.contextmanager
def clipboard_page(context: Any, url: str) -> Iterator[Any]:
    """A page of `context` that may read and write the clipboard; the test fails on any script
    error the page raised. The context is closed afterwards."""
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page
    finally:
        context.close()
    assert errors == []
