"""The build cache: a warm build is byte-identical to a cold one, edit after edit.

One project is edited step by step (a body, a title, a date, a draft flag, mkdocs.yml, a
template, the plugin's version) and built after each step twice: into a project that keeps its
build cache from step to step, and into a copy built without the cache. The two site trees must
be equal file for file, and the INFO line of the warm build must show that the cache was used
(else the comparison proves nothing).
"""

from __future__ import annotations

import logging
import pickle
import re
import shutil
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_stepwise import cli
from mkdocs_stepwise.buildcache import store

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
        self.builds = 0

    def build(self, name: str, *, cache: bool) -> tuple[Path, tuple[int, ...]]:
        root = self.root / name
        (root / "overrides").mkdir(parents=True, exist_ok=True)
        if self.template is not None:
            (root / "overrides" / "main.html").write_text(self.template, encoding="utf-8")
        config = yaml.safe_load(yaml.safe_dump(self.config))
        config["theme"]["custom_dir"] = str(root / "overrides")
        config["plugins"][-1]["stepwise"]["cache"] = cache
        self.caplog.clear()
        with self.caplog.at_level(logging.INFO, logger="mkdocs"):
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
        assert _tree(warm) == _tree(cold)
        return counts


def _tree(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


@pytest.fixture
def project(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> Project:
    # The sitemap's dates and its gzip header: equal in both builds, whatever the clock says.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    return Project(tmp_path, caplog)


def test_warm_builds_equal_cold_builds_edit_after_edit(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    converted, pages, rendered, templates = project.check()
    assert converted == 0 and rendered == 0 and pages > 5 and templates > 5

    # Nothing changed: every page comes from the cache, converted and rendered.
    converted, pages, rendered, templates = project.check()
    assert (converted, rendered) == (pages, templates)

    # A body: that part is converted again; the other parts' HTML is reused.
    project.files["containers/part-2.md"] = part(2, "Cgroups", "Limit what a process may use.")
    converted, pages, rendered, templates = project.check()
    assert converted == pages - 1
    assert 0 < rendered < templates

    # A title: shown on every page's navigation and the series' pages, converted once.
    project.files["containers/part-1.md"] = part(1, "Namespaces, the basics")
    converted, pages, _, _ = project.check()
    assert converted >= pages - 2

    # A title in the navigation (a series'): on every page, though only one page converts.
    project.files["containers/index.md"] = SERIES_INDEX.replace("from scratch", "by hand")
    converted, pages, rendered, _ = project.check()
    assert converted == pages - 1 and rendered == 0

    # A post's title: in the navigation and on the listings.
    project.files["posts/why-namespaces.md"] = POST.replace("Why namespaces", "Namespaces, why")
    converted, pages, rendered, _ = project.check()
    assert converted == pages - 1 and rendered == 0

    # A date, then the draft flag both ways.
    project.files["posts/why-namespaces.md"] = project.files["posts/why-namespaces.md"].replace(
        "2024-01-15", "2023-12-24"
    )
    project.check()
    project.files["posts/cgroups.md"] = DRAFT.replace("draft: true", "draft: false")
    project.check()
    project.files["containers/part-3.md"] = part(3, "Pivot root").replace(
        "tags:", "draft: true\ntags:"
    )
    project.check()

    # mkdocs.yml: a Markdown option and the site's name.
    project.config["markdown_extensions"][-1] = {"toc": {"permalink": True}}
    project.config["site_name"] = "Renamed"
    converted, _, rendered, _ = project.check()
    assert converted == 0 and rendered == 0

    # A template in the site's own overrides.
    project.template = TEMPLATE
    _, _, rendered, _ = project.check()
    assert rendered == 0

    # Nothing changed again: all from the cache.
    converted, pages, rendered, templates = project.check()
    assert (converted, rendered) == (pages, templates)

    # The plugin's version: nothing from an older plugin is reused.
    real_version = metadata.version
    monkeypatch.setattr(
        metadata,
        "version",
        lambda name: "999.0" if name == "mkdocs-stepwise" else real_version(name),
    )
    converted, _, rendered, _ = project.check()
    assert converted == 0 and rendered == 0


def test_warnings_of_cached_pages_are_logged_again(
    project: Project, caplog: pytest.LogCaptureFixture
) -> None:
    """A dead link warns on every build: `--strict` must not pass because a page was cached."""
    project.files["containers/part-2.md"] = part(2, "Cgroups", "See [the lost page](lost.md).")

    def dead_links() -> list[str]:
        return [r.getMessage() for r in caplog.records if "lost.md" in r.getMessage()]

    with pytest.raises(Exception, match="strict"):
        project.build("warm", cache=True)
    assert len(dead_links()) == 1
    with pytest.raises(Exception, match="strict"):
        project.build("warm", cache=True)
    assert len(dead_links()) == 1
    assert any(
        "1 of" in r.getMessage() or "pages converted from the cache" in r.getMessage()
        for r in caplog.records
    )


def _entries(root: Path) -> list[Path]:
    return sorted(
        p for p in (root / ".cache/stepwise/build").rglob("*") if p.parent.name == "pages"
    )


def test_a_corrupt_entry_is_rebuilt_with_an_info_line(project: Project) -> None:
    project.check()
    entries = _entries(project.root / "warm")
    assert entries
    entries[0].write_bytes(b"\x80\x05not a pickle")
    entries[1].write_bytes(pickle.dumps({"content": 1}))
    project.check()
    messages = [r.getMessage() for r in project.caplog.records]
    assert any("2 build cache entries could not be read and were rebuilt" in m for m in messages)


class Boom:
    """Unpickling this would run `exec`: the cache must refuse it, not run it."""

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[str]]:
        return (exec, ("raise SystemExit('the cache ran code')",))


def test_a_hostile_entry_runs_no_code(project: Project) -> None:
    project.check()
    for entry in _entries(project.root / "warm"):
        entry.write_bytes(pickle.dumps(Boom()))
    converted, _, _, _ = project.check()
    assert converted == 0
    assert any("refusing builtins.exec" in r.getMessage() for r in project.caplog.records)


def test_a_foreign_folder_is_left_alone(project: Project) -> None:
    foreign = project.root / "warm/.cache/stepwise/build"
    foreign.mkdir(parents=True)
    (foreign / "notes.txt").write_text("someone else's")
    cold, _ = project.build("cold", cache=False)
    warm, counts = project.build("warm", cache=True)
    assert counts == ()  # not used
    assert _tree(warm) == _tree(cold)
    assert sorted(p.name for p in foreign.iterdir()) == ["notes.txt"]
    messages = [r.getMessage() for r in project.caplog.records]
    assert any("is not a Stepwise build cache" in m for m in messages)


def test_a_cache_of_another_format_version_is_started_afresh(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.check()
    monkeypatch.setattr(store, "VERSION", store.VERSION + 1)
    converted, _, rendered, _ = project.check()
    assert converted == 0 and rendered == 0
    assert any("another version of Stepwise" in r.getMessage() for r in project.caplog.records)


def test_old_entries_are_pruned(project: Project) -> None:
    """Each edit leaves unused entries behind; they are kept up to twice the used ones."""
    project.check()
    for n in range(6):
        project.files["containers/part-2.md"] = part(2, f"Cgroups {n}")
        project.check()
    pages = project.root / "warm/.cache/stepwise/build/pages"
    used = len(project.files) - 1  # the draft is not built
    assert len(list(pages.iterdir())) <= 3 * used + 1


def test_cache_dir_inside_docs_is_refused(tmp_path: Path, plugin_warnings: Any) -> None:
    build_site(
        tmp_path, {"index.md": "# Home\n"}, plugin={"cache_dir": "docs/.cache"}, strict=False
    )
    plugin_warnings.expect("cache_dir docs/.cache is inside docs_dir")
    assert not (tmp_path / "docs/.cache").exists()


@pytest.fixture(autouse=True)
def _no_stray_writes(tmp_path: Path) -> Iterator[None]:
    yield
    # The cache never lands in docs/.
    for docs in tmp_path.rglob("docs"):
        assert not any(p.name == ".cache" for p in docs.rglob("*"))


def test_stepwise_build_no_cache_neither_reads_nor_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`stepwise build --no-cache` is `mkdocs build` without the cache; plain `stepwise build`
    uses it; `--clear-cache` starts it afresh."""
    site = build_site(tmp_path, dict(FILES), plugin={"cache": True})
    cache = tmp_path / ".cache/stepwise/build"
    shutil.rmtree(cache)
    config = str(tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)

    assert cli.main(["build", "-f", config, "--strict", "--no-cache"]) == 0
    assert not cache.exists()
    assert (site.site_dir / "containers/part-1/index.html").is_file()
    assert "build cache" not in capsys.readouterr().err

    assert cli.main(["build", "-f", config, "--strict"]) == 0
    assert "build cache: 0 of" in capsys.readouterr().err
    assert cli.main(["build", "-f", config, "--strict"]) == 0
    assert re.search(r"build cache: (\d+) of \1 pages", capsys.readouterr().err)
    assert cli.main(["build", "-f", config, "--strict", "--clear-cache"]) == 0
    assert "build cache: 0 of" in capsys.readouterr().err
