"""The site's posts and series for one build: read once in `on_files`, used by every later event.

The catalogue knows which posts exist, which of them this build shows, which series they form,
and what each page's listing entry says once its HTML exists. The plugin's event handlers only
pass MkDocs objects in and out of it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from .execute.commands import Command, FileBlock
from .guard import report as crashed
from .material_keys import Checked, MaterialKeys
from .metadata import Problem
from .pagefacts import PageFacts, read_html
from .postcache import PostCache
from .posts import Post, decode, read_post
from .publishing import PublishingPolicy, Status, Visibility, status_of, visibility
from .scenarios.index_json import Scenario
from .scenarios.series import retitle, scenario_series
from .series import Series, SeriesIndex, build_series
from .translations import Translations, group_translations, material_languages

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
    translations: dict[str, Translations] = field(default_factory=dict)
    """Pages with translations -> their group (`translations.py`)."""
    checked_meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    """The author's front matter as MkDocs and Material may see it (`material_keys.py`)."""

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
        default_language: str = "en",
        material_keys: MaterialKeys | None = None,
        post_cache: PostCache | None = None,
    ) -> Catalogue:
        """Read every post from `(src_uri, raw bytes)` pairs and report what is wrong with them.

        `scenarios` (Katacoda/Killercoda `index.json` folders) become series in their own order,
        and give their pages the titles `index.json` names. `post_cache` keeps parsed posts
        from one build to the next (`mkdocs serve`).
        """
        tz = ZoneInfo(timezone)
        now = now or dt.datetime.now(tz)
        posts: dict[str, Post] = {}
        checked_meta: dict[str, dict[str, Any]] = {}
        keys = material_keys or MaterialKeys()
        sources = list(sources)
        cache = post_cache or PostCache()
        cache.start_build(src_uri for src_uri, _ in sources)
        for src_uri, raw in sources:
            text, problem = decode(raw)
            try:
                post = cache.read(src_uri, raw, text, tz)
                checked = keys.check(post.front.data, post.front.key_lines)
            except Exception as error:
                # A value nothing foresaw: the page builds with its front matter as text.
                crashed(src_uri, error, "reading its front matter")
                post = read_post(src_uri, "\n" + text, tz)
                checked = Checked({})
            if problem:
                post.problems.insert(0, problem)
            post.problems.extend(checked.problems)
            checked_meta[src_uri] = checked.meta
            posts[src_uri] = post
            report(src_uri, post.problems)
        status = {uri: status_of(post.meta, now) for uri, post in posts.items()}
        shown = {uri: visibility(s, policy, serving=serving) for uri, s in status.items()}
        visible = {uri for uri, v in shown.items() if v is not Visibility.HIDDEN}
        for scenario in scenarios:
            retitle(scenario, posts)
        translations = group_translations(
            {uri: _translation_key(post) for uri, post in posts.items()},
            default_language,
            material_languages(),
        )
        # A translation is the same post in another language: only the primary joins a series.
        originals = {
            uri: post
            for uri, post in posts.items()
            if uri not in translations or translations[uri].primary.src_uri == uri
        }
        index = build_series(
            originals,
            visible,
            folder_series=folder_series,
            plain_folders=plain_folders,
            series_dir=series_dir,
            scenarios=[scenario_series(s, posts) for s in scenarios if s.steps],
        )
        for uri, problem in index.problems:
            report(uri, [problem])
        return cls(
            posts, status, shown, index, translations=translations, checked_meta=checked_meta
        )

    def add_generated(self, src_uri: str, markdown: str) -> None:
        """Register a page the plugin generated (a series landing page)."""
        post = self.posts[src_uri] = read_post(src_uri, markdown)
        # The plugin wrote this front matter: a problem in it is the plugin's, and it would
        # otherwise cost the page its title without a word.
        note = " (in front matter the plugin generated)"
        report(src_uri, [replace(p, message=p.message + note) for p in post.problems])
        self.status[src_uri] = Status.PUBLISHED
        self.shown[src_uri] = Visibility.PUBLIC

    def is_hidden(self, src_uri: str) -> bool:
        return self.shown.get(src_uri) is Visibility.HIDDEN

    def is_preview_only(self, src_uri: str) -> bool:
        return self.shown.get(src_uri) is Visibility.PREVIEW

    def is_translation(self, src_uri: str) -> bool:
        """A version of a post in another language than its primary (listed) version."""
        group = self.translations.get(src_uri)
        return group is not None and group.primary.src_uri != src_uri

    def series_of(self, src_uri: str) -> list[Series]:
        return self.series.by_part.get(src_uri, [])

    def material_meta(self, src_uri: str) -> dict[str, Any]:
        """`page.meta` for MkDocs and Material: the author's keys plus the normalised ones.

        The author's keys stay, checked (`material_keys.py`: Material reads `hide`, `icon`,
        `status`, `template`, …); `title`, `description` and `tags` are replaced by the
        normalised values so that Material and its tags plugin see them whatever the case or
        format they were written in.
        """
        post = self.posts[src_uri]
        checked = self.checked_meta.get(src_uri)
        meta: dict[str, Any] = dict(checked if checked is not None else post.front.data)
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


def _translation_key(post: Post) -> str | None:
    """Hugo's `translationKey` (front matter keys are case-insensitive here)."""
    for key, value in post.front.data.items():
        if str(key).lower() == "translationkey" and isinstance(value, str | int) and str(value):
            return str(value)
    return None


def report(src_uri: str, problems: Iterable[Problem]) -> None:
    """One warning per problem, starting with the file (and line), as MkDocs' warnings do."""
    for problem in problems:
        where = f"{src_uri}:{problem.line}" if problem.line else src_uri
        log.warning("%s: %s", where, problem.message)
