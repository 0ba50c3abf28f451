"""The site's posts and series for one build: read once in `on_files`, used by every later event.

The catalogue knows which posts exist, which of them this build shows, which series they form,
and what each page's listing entry says once its HTML exists. The plugin's event handlers only
pass MkDocs objects in and out of it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from .execute.commands import Command, FileBlock
from .metadata import Problem
from .pagefacts import PageFacts, read_html
from .posts import Post, decode, read_post
from .publishing import PublishingPolicy, Status, Visibility, status_of, visibility
from .scenarios.index_json import Scenario
from .scenarios.series import retitle, scenario_series
from .series import Series, SeriesIndex, build_series

log = logging.getLogger("mkdocs.plugins.stepwise")


@dataclass
class Rendered:
    """What a listing shows about a page, taken from its HTML once."""

    teaser: str
    minutes: int
    commands: list[str] = field(default_factory=list)
    """The page's execute commands, in order, as "copy all" copies them."""
    steps: list[Command | FileBlock] = field(default_factory=list)
    """Every marked element and file block, in order, with its marker (for `stepwise check`
    and the series' shell script)."""


@dataclass
class Catalogue:
    posts: dict[str, Post]
    status: dict[str, Status]
    shown: dict[str, Visibility]
    series: SeriesIndex
    rendered: dict[str, Rendered] = field(default_factory=dict)

    @classmethod
    def read(
        cls,
        sources: Iterable[tuple[str, bytes]],
        *,
        policy: PublishingPolicy,
        serving: bool,
        timezone: str,
        now: dt.datetime | None = None,
        folder_series: bool = True,
        plain_folders: Sequence[str] = (),
        series_dir: str = "series",
        scenarios: Sequence[Scenario] = (),
    ) -> Catalogue:
        """Read every post from `(src_uri, raw bytes)` pairs and report what is wrong with them.

        `scenarios` (Katacoda/Killercoda `index.json` folders) become series in their own order,
        and give their pages the titles `index.json` names.
        """
        tz = ZoneInfo(timezone)
        now = now or dt.datetime.now(tz)
        posts: dict[str, Post] = {}
        for src_uri, raw in sources:
            text, problem = decode(raw)
            post = read_post(src_uri, text, tz)
            if problem:
                post.problems.insert(0, problem)
            posts[src_uri] = post
            report(src_uri, post.problems)
        status = {uri: status_of(post.meta, now) for uri, post in posts.items()}
        shown = {uri: visibility(s, policy, serving=serving) for uri, s in status.items()}
        visible = {uri for uri, v in shown.items() if v is not Visibility.HIDDEN}
        for scenario in scenarios:
            retitle(scenario, posts)
        index = build_series(
            posts,
            visible,
            folder_series=folder_series,
            plain_folders=plain_folders,
            series_dir=series_dir,
            scenarios=[scenario_series(s, posts) for s in scenarios if s.steps],
        )
        for uri, problem in index.problems:
            report(uri, [problem])
        return cls(posts, status, shown, index)

    def add_generated(self, src_uri: str, markdown: str) -> None:
        """Register a page the plugin generated (a series landing page)."""
        self.posts[src_uri] = read_post(src_uri, markdown)
        self.status[src_uri] = Status.PUBLISHED
        self.shown[src_uri] = Visibility.PUBLIC

    def is_hidden(self, src_uri: str) -> bool:
        return self.shown.get(src_uri) is Visibility.HIDDEN

    def is_preview_only(self, src_uri: str) -> bool:
        return self.shown.get(src_uri) is Visibility.PREVIEW

    def series_of(self, src_uri: str) -> list[Series]:
        return self.series.by_part.get(src_uri, [])

    def material_meta(self, src_uri: str) -> dict[str, Any]:
        """`page.meta` for MkDocs and Material: the author's keys plus the normalised ones.

        The author's keys stay (Material reads `hide`, `icon`, `status`, `template`, …); `title`,
        `description` and `tags` are replaced by the normalised values so that Material and its
        tags plugin see them whatever the case or format they were written in.
        """
        post = self.posts[src_uri]
        meta: dict[str, Any] = dict(post.front.data)
        # Material prints titles, descriptions and tags into HTML without escaping them (MkDocs'
        # Jinja environment does not autoescape), so they are handed over as escaped text: a
        # title can never open a tag or leave an attribute.
        meta["title"] = escape(post.title)
        description = post.meta.description or post.meta.summary
        if description:
            meta["description"] = escape(description)
        else:
            meta.pop("description", None)
        meta["tags"] = [escape(tag) for tag in post.meta.tags]
        if post.meta.keywords:
            meta["keywords"] = list(post.meta.keywords)
        return meta

    def record_rendered(
        self, src_uri: str, html: str, words_per_minute: int, facts: PageFacts | None = None
    ) -> None:
        """Note what listings and scripts need from a page: from `facts` read while its Markdown
        tree existed (`pagefacts`), else from its HTML."""
        post = self.posts.get(src_uri)
        summary = post.meta.summary if post else None
        facts = facts or read_html(html)
        self.rendered[src_uri] = Rendered(
            facts.teaser(summary), facts.minutes(words_per_minute), facts.commands, facts.steps
        )


def report(src_uri: str, problems: Iterable[Problem]) -> None:
    """One warning per problem, starting with the file (and line), as MkDocs' warnings do."""
    for problem in problems:
        where = f"{src_uri}:{problem.line}" if problem.line else src_uri
        log.warning("%s: %s", where, problem.message)
