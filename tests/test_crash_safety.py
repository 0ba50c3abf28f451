"""Whatever fails while one page is processed is an error naming that page, not an abort.

A plain build still writes every other page; `--strict` fails on the error.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from mkdocs_stepwise.views import page_view

from .conftest import BASE_CONFIG

FILES: dict[str, str | bytes] = {
    "index.md": "# Home\n\nWelcome.\n",
    "course/one.md": "---\ntitle: One\n---\nFirst part.\n",
    "course/two.md": "---\ntitle: Two\n---\nCRASH-HERE\n",
    "course/three.md": "---\ntitle: Three\ntemplate: crash.html\n---\nThird part.\n",
}


def config(tmp_path: Path) -> dict[str, object]:
    overrides = tmp_path / "theme"
    overrides.mkdir(exist_ok=True)
    # Extends the plugin's layout, then fails in the middle of the page.
    (overrides / "crash.html").write_text(
        '{% extends "main.html" %}{% block content %}{{ page.meta.nope.deeper }}{% endblock %}',
        encoding="utf-8",
    )
    return {
        "theme": dict(BASE_CONFIG["theme"], custom_dir=str(overrides)),
        "markdown_extensions": [*BASE_CONFIG["markdown_extensions"], "tests.crashing_extension"],
    }


def test_a_failing_page_is_reported_and_the_rest_builds(build, tmp_path, plugin_warnings):
    site = build(FILES, config=config(tmp_path), strict=False, use_overrides=False)
    plugin_warnings.expect(
        r"^course/two\.md: converting its Markdown failed \(ZeroDivisionError: the extension "
        r"broke on purpose\); the page is built without it$",
        count=1,
    )
    plugin_warnings.expect(
        r"^course/three\.md: rendering the template crash\.html failed \(UndefinedError: ",
        count=1,
    )
    assert site.html("course/one/").select_one("article").get_text(" ", strip=True)
    assert "could not be converted" in site.html("course/two/").get_text()
    three = site.html("course/three/")
    assert three.select_one("title").get_text() == "Three" and "Third part." in three.get_text()
    assert site.exists("index.html") and site.exists("sitemap.xml")


def test_strict_build_fails_on_it(build, tmp_path, plugin_warnings):
    with pytest.raises(Abort):
        build(FILES, config=config(tmp_path), use_overrides=False)
    plugin_warnings.expect(r"^course/two\.md: converting its Markdown failed")
    plugin_warnings.clear()


def test_a_failing_plugin_event_is_reported_for_its_page(build, monkeypatch, plugin_warnings):
    real = page_view

    def failing(catalogue, src_uri, *args, **kwargs):
        if src_uri == "course/one.md":
            raise KeyError("surprise " + "x" * 1000)
        return real(catalogue, src_uri, *args, **kwargs)

    monkeypatch.setattr("mkdocs_stepwise.plugin.page_view", failing)
    site = build(
        {"index.md": "# Home\n", "course/one.md": "# One\n", "course/two.md": "# Two\n"},
        strict=False,
    )
    [message] = plugin_warnings.expect(r"^course/one\.md: stepwise \(on_page_context\) failed")
    assert len(message) < 300
    assert "One" in site.html("course/one/").select_one("h1").get_text()
    assert site.exists("course/two/index.html")
