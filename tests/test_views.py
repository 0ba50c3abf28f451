"""What the templates see: each series' view is built once per build, whatever its length."""

from __future__ import annotations

from typing import Any

from mkdocs_stepwise import views


def part(title: str, weight: int) -> str:
    return f"---\ntitle: {title}\nweight: {weight}\n---\n\nText of {title}.\n"


def course(folder: str, parts: int) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {f"{folder}/index.md": f"---\ntitle: {folder}\n---\n"}
    for n in range(1, parts + 1):
        files[f"{folder}/part-{n}.md"] = part(f"{folder} {n}", n)
    return files


def test_each_series_view_is_built_once_per_build_and_each_page_sees_its_own_part(
    build, monkeypatch
):
    built: list[str] = []
    real = views.series_view

    def counting(catalogue: Any, series: Any, files: Any, current: str | None) -> Any:
        built.append(series.title)
        return real(catalogue, series, files, current)

    monkeypatch.setattr(views, "series_view", counting)
    files = {
        "index.md": "# Home\n\n<!-- stepwise:series-list -->\n",
        **course("long", 12),
        **course("short", 3),
    }
    site = build(files)
    # Not once per page of the series (12 parts, a landing page and the home page's cards).
    assert sorted(built) == ["long", "short"]

    for n in (1, 7, 12):
        page = site.html(f"long/part-{n}/")
        assert f"Part {n} of 12" in page.get_text(" ", strip=True)
    home = site.html("").get_text(" ", strip=True)
    assert "long" in home and "short" in home
