"""The scenario repositories under `tests/fixtures/scenarios/`, built for real under --strict.

`openshift-console/` is a Katacoda scenario (`NN-name.md` steps, an answer file, placeholder
links to the OpenShift console, a second terminal, watchers, `ctrl-seq` and `interrupt`, `console`
fences with and without prompts, a heredoc indented with tabs, and files `index.json` does not
list). `grafana-traffic/` is a Killercoda one (`stepN/text.md`, `verify.sh`, fences nested in
list items, `{{TRAFFIC_HOST1_3000}}` links). Both are shaped like public repositories
(openshift-labs/learn-katacoda, grafana/killercoda) but written here.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .conftest import REPO, BuiltSite, build_site

FIXTURES = REPO / "tests" / "fixtures" / "scenarios"


@dataclass
class ScenarioSite:
    site: BuiltSite
    log: list[logging.LogRecord] = field(default_factory=list)

    def messages(self, level: int) -> list[str]:
        return [r.getMessage() for r in self.log if r.levelno == level]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def default_site_extensions() -> list[Any]:
    """The default site's `markdown_extensions` (magiclink and toc included), as users have them."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    return list(config["markdown_extensions"])


def build_scenarios(root: Path, config: dict[str, Any] | None = None) -> ScenarioSite:
    """Copy the fixtures (bytes as they are: tabs, no dedent) and build them under --strict,
    with the default site's Markdown extensions."""
    shutil.copytree(FIXTURES, root / "docs")
    config = {"markdown_extensions": default_site_extensions(), **(config or {})}
    handler = _Collect()
    logger = logging.getLogger("mkdocs.plugins.stepwise")
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        site = build_site(root, {"index.md": "# Scenarios\n"}, config=config)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
    return ScenarioSite(site, handler.records)


def iter_attributes(site: BuiltSite) -> Iterator[tuple[Path, str, str, str]]:
    """`(file, tag, attribute, value)` of every attribute of every built HTML page."""
    from bs4 import BeautifulSoup

    for path in site.site_dir.rglob("*.html"):
        for element in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all():
            for name, value in element.attrs.items():
                values = value if isinstance(value, list) else [value]
                for item in values:
                    yield path, element.name, name, str(item)
