"""A small project for the build cache's tests, built with the cache and without it."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import build_site

SERIES_INDEX = """\
---
title: Containers from scratch
description: Build a container runtime step by step.
---
Three parts.
"""


def part(number: int, title: str, body: str = "") -> str:
    return f"""\
---
title: "{title}"
date: 2024-03-0{number}
tags: [linux, containers]
---
## Step {number}

{body or f"Run the command of step {number}."}

```
echo step {number}
```{{{{execute}}}}

See [the next heading](#step-{number}) and [the first part](part-1.md#step-1).
"""


POST = """\
---
title: "Why namespaces"
date: 2024-01-15
categories: [essays]
tags: [linux]
---
Namespaces isolate what a process sees.

<!--more-->

The rest of the essay, with a comic: [xkcd 1987](https://xkcd.com/1987/).
"""

DRAFT = """\
---
title: "Cgroups, unfinished"
date: 2024-02-01
draft: true
---
Not ready.
"""

HOME = """\
---
title: Home
---
# Welcome

<!-- stepwise:posts -->
"""

FILES: dict[str, str] = {
    "index.md": HOME,
    "containers/index.md": SERIES_INDEX,
    "containers/part-1.md": part(1, "Namespaces"),
    "containers/part-2.md": part(2, "Cgroups"),
    "containers/part-3.md": part(3, "Pivot root"),
    "posts/why-namespaces.md": POST,
    "posts/cgroups.md": DRAFT,
}

TEMPLATE = """\
{% extends "base.html" %}
{% block announce %}Our new course is out.{% endblock %}
"""

HOOKS = """\
def on_page_markdown(markdown, **kwargs):
    return markdown + "\\n\\nSigned: {signature}\\n"
"""

_SUMMARY = re.compile(r"build cache: (\d+) of (\d+) pages converted from the cache, (\d+) of (\d+)")


class Project:
    """A project built with the cache (`warm`) and, for reference, without it (`cold`)."""

    def __init__(self, root: Path, caplog: pytest.LogCaptureFixture) -> None:
        self.root = root
        self.caplog = caplog
        self.files = dict(FILES)
        self.config: dict[str, Any] = {
            "plugins": ["search", "tags", {"stepwise": {}}],
            "theme": {"name": "material", "custom_dir": "overrides"},
            "markdown_extensions": ["attr_list", "pymdownx.superfences", {"toc": {}}],
        }
        self.template: str | None = None
        self.hooks: str | None = None
        self.builds = 0

    def build(self, name: str, *, cache: bool, quiet: bool = False) -> tuple[Path, tuple[int, ...]]:
        root = self.root / name
        (root / "overrides").mkdir(parents=True, exist_ok=True)
        if self.template is not None:
            (root / "overrides" / "main.html").write_text(self.template, encoding="utf-8")
        config = yaml.safe_load(yaml.safe_dump(self.config))
        if self.hooks is not None:
            (root / "hooks.py").write_text(self.hooks, encoding="utf-8")
            config["hooks"] = [str(root / "hooks.py")]
        config["theme"]["custom_dir"] = str(root / "overrides")
        config["plugins"][-1]["stepwise"]["cache"] = cache
        self.caplog.clear()
        # `quiet`: as `mkdocs build -q` sets it, and the summary is not logged.
        level = logging.ERROR if quiet else logging.INFO
        with self.caplog.at_level(level, logger="mkdocs"):
            site = build_site(root, self.files, config=config, use_overrides=False)
        counts: tuple[int, ...] = ()
        for record in self.caplog.records:
            if found := _SUMMARY.search(record.getMessage()):
                counts = tuple(int(n) for n in found.groups())
        return site.site_dir, counts

    def check(self) -> tuple[int, ...]:
        """Build both ways; the trees must be equal. Returns the warm build's cache counts."""
        cold, none = self.build("cold", cache=False)
        assert none == (), "a build with `cache: false` used the cache"
        warm, counts = self.build("warm", cache=True)
        assert counts, "the warm build printed no build cache summary"
        assert tree(warm) == tree(cold)
        return counts


def tree(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


def make_project(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> Project:
    # The sitemap's dates and its gzip header: equal in both builds, whatever the clock says.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    return Project(tmp_path, caplog)
