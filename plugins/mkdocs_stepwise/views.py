"""What the templates see: plain objects built from the catalogue for one page.

URLs here are site-relative (`File.url`); templates pass them through MkDocs' `url` filter, which
makes them relative to the page being rendered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from mkdocs.structure.files import Files

from .catalogue import Catalogue
from .execute.commands import EXECUTE_CLASS, Command
from .publishing import Status
from .series import Series
from .series_script import (
    ScriptCommand,
    ScriptPart,
    command_from_classes,
    script_path,
    series_script,
)

if TYPE_CHECKING:
    from .blog import PageExtras


@dataclass(frozen=True)
class PartView:
    number: int
    src_uri: str
    title: str
    url: str
    teaser: str
    minutes: int
    date: dt.datetime | None
    status: str | None
    """"Draft", "Scheduled" or "Expired" for a part shown only in the preview; else None."""
    estimated: bool = False
    """`minutes` is the author's estimate (a scenario step's time), not a reading time."""


@dataclass
class SeriesView:
    title: str
    url: str
    landing_uri: str
    description: str | None
    parts: tuple[PartView, ...]
    """A tuple: shared by every page of the series, and fingerprinted once (`buildcache`)."""
    current: int | None = None
    """The 1-based number of the page being rendered, when it is a part of this series."""
    difficulty: str | None = None
    time: str | None = None
    """The author's estimate for the whole series (a scenario's `time`), as written."""
    script_url: str | None = None
    """The series' shell script (site-relative), when its published parts have commands."""
    part_items: str = ""
    """The `<li>` items of the parts list in the series header of the page being rendered
    (`partlists.PartLists`); empty when the template renders them itself."""

    @property
    def total(self) -> int:
        return len(self.parts)

    @property
    def total_minutes(self) -> int:
        return sum(part.minutes for part in self.parts)

    @property
    def previous(self) -> PartView | None:
        return self.parts[self.current - 2] if self.current and self.current > 1 else None

    @property
    def next(self) -> PartView | None:
        return self.parts[self.current] if self.current and self.current < self.total else None


@dataclass
class PageView:
    """`stepwise` in the template context."""

    status: str | None = None
    preview_only: bool = False
    """The page is built for `mkdocs serve` only (a draft, scheduled or expired post)."""
    series: list[SeriesView] = field(default_factory=list)
    landing: SeriesView | None = None
    """The series whose landing page this is."""
    blog: PageExtras | None = None
    """The post header, social meta tags and feed links (`blog.Blog.page_context`)."""
    problems: list[str] = field(default_factory=list)
    """What is wrong with the page's front matter ("line 4: invalid YAML …"), for the preview's
    error banner; empty in a production build, where the warnings are the report."""


def problem_lines(catalogue: Catalogue, src_uri: str) -> list[str]:
    """The page's problems as the banner names them: line first, when known."""
    post = catalogue.posts.get(src_uri)
    if post is None:
        return []
    return [f"line {p.line}: {p.message}" if p.line else p.message for p in post.problems]


def _url(files: Files, src_uri: str) -> str:
    # `src_uris` rather than `get_file_from_path`: the URIs here are already in MkDocs' form,
    # and every page looks up every part of its series (PurePath costs more than the lookup).
    file = files.src_uris.get(src_uri)
    return file.url if file is not None else src_uri


class SeriesViews:
    """Each series' view, built once per build and shared by the pages that show it.

    Every part of a series shows the whole series (its "Part N of M" list, its pager), so
    building the view per page costs O(parts²) per series. The views are made on first use, at
    template time, when every page's teaser and reading time are known; a page gets a copy
    that differs only in which part is current.
    """

    def __init__(self, catalogue: Catalogue, files: Files) -> None:
        self.catalogue = catalogue
        self.files = files
        self._views: dict[int, tuple[SeriesView, dict[str, int]]] = {}

    def of(self, series: Series, current: str | None) -> SeriesView:
        found = self._views.get(id(series))
        if found is None:
            view = series_view(self.catalogue, series, self.files, None)
            positions = {part.src_uri: part.number for part in view.parts}
            found = self._views[id(series)] = (view, positions)
        shared, positions = found
        position = positions.get(current) if current is not None else None
        return replace(shared, current=position) if position is not None else shared


def series_view(
    catalogue: Catalogue, series: Series, files: Files, current: str | None
) -> SeriesView:
    parts = []
    for number, uri in enumerate(series.parts, start=1):
        post = catalogue.posts[uri]
        rendered = catalogue.rendered.get(uri)
        status = catalogue.status[uri]
        estimate = series.part_minutes.get(uri)
        parts.append(
            PartView(
                number=number,
                src_uri=uri,
                title=post.meta.link_title or post.title,
                url=_url(files, uri),
                teaser=rendered.teaser if rendered else "",
                minutes=estimate or (rendered.minutes if rendered else 0),
                date=post.meta.date,
                status=None if status is Status.PUBLISHED else status.label,
                estimated=estimate is not None,
            )
        )
    position = series.position(current) if current is not None and current in series.parts else None
    return SeriesView(
        series.title,
        _url(files, series.landing_uri),
        series.landing_uri,
        series.description,
        tuple(parts),
        position,
        series.difficulty,
        series.time,
        _script_url(catalogue, series, files),
    )


def _script_url(catalogue: Catalogue, series: Series, files: Files) -> str | None:
    """Where `_script` puts the series' script, without writing the script (every page asks)."""
    landing = files.src_uris.get(series.landing_uri)
    if landing is None or not any(_published_commands(catalogue, uri) for uri in series.parts):
        return None
    return script_path(landing.dest_uri, series.slug)


def _published_commands(catalogue: Catalogue, uri: str) -> list[ScriptCommand]:
    """A part's commands for the script; drafts previewed under `mkdocs serve` have none."""
    rendered = catalogue.rendered.get(uri)
    if rendered is None or catalogue.status[uri] is not Status.PUBLISHED:
        return []
    return [
        command_from_classes(step.text, step.classes)
        for step in rendered.steps
        if isinstance(step, Command) and EXECUTE_CLASS in step.classes
    ]


def _published_script_parts(catalogue: Catalogue, series: Series, files: Files) -> list[ScriptPart]:
    parts = []
    for number, uri in enumerate(series.parts, start=1):
        if commands := _published_commands(catalogue, uri):
            title = catalogue.posts[uri].title
            parts.append(ScriptPart(number, title, _url(files, uri), commands))
    return parts


def _script(
    catalogue: Catalogue,
    series: Series,
    files: Files,
    site_url: str = "",
    make: Callable[[str, str, Sequence[ScriptPart]], str] = series_script,
) -> tuple[str, str]:
    """`(site-relative path, text)` of a series' shell script; `("", "")` when it has none."""
    parts = _published_script_parts(catalogue, series, files)
    landing = files.get_file_from_path(series.landing_uri)
    if not parts or landing is None:
        return "", ""
    parts = [ScriptPart(p.number, p.title, site_url + p.url, p.commands) for p in parts]
    text = make(series.title, site_url + landing.url, parts)
    return script_path(landing.dest_uri, series.slug), text


def series_scripts(
    catalogue: Catalogue,
    files: Files,
    site_url: str,
    make: Callable[[str, str, Sequence[ScriptPart]], str] = series_script,
) -> dict[str, str]:
    """Every series' shell script, by its site-relative path (`make` writes one's text)."""
    scripts = {}
    for series in catalogue.series.series:
        path, text = _script(catalogue, series, files, site_url, make)
        if path:
            scripts[path] = text
    return scripts


def page_view(
    catalogue: Catalogue, src_uri: str, files: Files, views: SeriesViews | None = None
) -> PageView:
    views = views or SeriesViews(catalogue, files)
    status = catalogue.status.get(src_uri, Status.PUBLISHED)
    view = PageView(
        status=None if status is Status.PUBLISHED else status.label,
        preview_only=catalogue.is_preview_only(src_uri),
    )
    view.series = [views.of(series, src_uri) for series in catalogue.series_of(src_uri)]
    landing = catalogue.series.by_landing.get(src_uri)
    if landing is not None:
        view.landing = views.of(landing, None)
    return view


def all_series(
    catalogue: Catalogue, files: Files, views: SeriesViews | None = None
) -> list[SeriesView]:
    views = views or SeriesViews(catalogue, files)
    return [views.of(s, None) for s in catalogue.series.series]
