"""The build cache: a warm build is byte-identical to a cold one, edit after edit.

One project is edited step by step (a body, a title, a date, a draft flag, mkdocs.yml, a
template, the plugin's version) and built after each step twice: into a project that keeps its
build cache from step to step, and into a copy built without the cache. The two site trees must
be equal file for file, and the INFO line of the warm build must show that the cache was used
(else the comparison proves nothing).
"""

from __future__ import annotations

from importlib import metadata

import pytest

from .buildcache_support import (
    DRAFT,
    HOOKS,
    POST,
    SERIES_INDEX,
    TEMPLATE,
    Project,
    part,
)


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

    # The site's own hooks: their code changes what every page becomes.
    project.hooks = HOOKS.format(signature="the team")
    converted, _, _, _ = project.check()
    assert converted == 0
    project.hooks = HOOKS.format(signature="the editors")
    converted, _, _, _ = project.check()
    assert converted == 0

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


def test_a_quiet_build_keeps_nothing_that_would_hide_a_warning(
    project: Project, caplog: pytest.LogCaptureFixture
) -> None:
    """`mkdocs build -q` drops warnings before any handler sees them, `--strict`'s counter
    included: what it converted and rendered must not be kept without them, or the next
    build would replay nothing and pass `--strict` with a dead link."""
    project.files["containers/part-2.md"] = part(2, "Cgroups", "See [the lost page](lost.md).")
    project.build("warm", cache=True, quiet=True)  # no warning reaches `--strict`
    with pytest.raises(Exception, match="strict"):
        project.build("warm", cache=True)
    assert [r for r in caplog.records if "lost.md" in r.getMessage()]
    with pytest.raises(Exception, match="strict"):
        project.build("warm", cache=True)  # kept now, and replayed


def test_raw_html_without_an_id_value_is_cached(project: Project) -> None:
    """`<span id>` (found in a Katacoda scenario's step) makes MkDocs note an anchor None."""
    project.files["containers/part-2.md"] = part(2, "Cgroups", "A <span id>bare</span> id.")
    project.check()
    converted, pages, _, _ = project.check()
    assert converted == pages
