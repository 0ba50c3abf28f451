"""Group posts into tutorial series and put each series' parts in reading order.

A post joins a series in one of two ways:

- by its folder, when the folder clearly is a series: it has an `index.md` (the landing page
  that names and describes it) and other posts, and it is no Hugo content section (see
  `is_series_folder`);
- by a `series:` key, in Hugo's taxonomy form (a string or a list), wherever the post lives.

A `series:` name that matches a folder series' title joins that folder series, so both ways of
writing can meet. Everything here is pure: posts in, series and problems out.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from .metadata import Problem
from .posts import SECTION_INDEX, Post, title_from_filename
from .slugs import Clash, SlugRegistry
from .slugs import slugify as slugify  # still importable from here, as before

# `2017/`, `09/`, `2017-09/`: Hugo blogs file posts by date.
_DATE_FOLDER = re.compile(r"\d{4}(?:-\d{1,2}){0,2}|\d{1,2}")


@dataclass
class Series:
    """One tutorial series. `parts` holds the src_uris of its visible parts, in reading order."""

    slug: str
    title: str
    landing_uri: str
    generated: bool
    """True when the plugin generates the landing page because the author did not write one."""
    description: str | None = None
    folder: str | None = None
    parts: list[str] = field(default_factory=list)
    difficulty: str | None = None
    time: str | None = None
    """How long the whole series takes, as its author put it (a scenario's `time`)."""
    part_minutes: dict[str, int] = field(default_factory=dict)
    """Minutes a part takes where its author said so; elsewhere the reading time is shown."""
    fixed_order: bool = False
    """The parts come in reading order already (a scenario's `index.json`)."""

    def position(self, src_uri: str) -> int:
        """1-based part number of a post in this series."""
        return self.parts.index(src_uri) + 1


@dataclass
class SeriesIndex:
    """All series of a site, with a lookup from a post to the series it belongs to."""

    series: list[Series]
    by_part: dict[str, list[Series]]
    by_landing: dict[str, Series]
    problems: list[tuple[str, Problem]]


_HIDDEN_LANDING = (
    "this landing page is not published but parts of its series are; "
    "they get a generated landing page instead"
)


def build_series(
    posts: Mapping[str, Post],
    visible: Collection[str],
    *,
    folder_series: bool = True,
    plain_folders: Collection[str] = (),
    series_dir: str = "series",
    scenarios: Sequence[Series] = (),
) -> SeriesIndex:
    """Find every series among `posts` and order its `visible` parts.

    `posts` holds every post, hidden ones included, so that a series whose parts are all drafts
    can be told apart from no series at all. Folders named in `plain_folders` (by their last
    path segment, e.g. `posts`) hold standalone posts, not a series. `scenarios` are series
    read from `index.json` files (see `scenarios.series`): their folders, and the folders below,
    form no folder series, and their pages join no other series.
    """
    finder = _SeriesFinder(posts, visible)
    # Folder series first: their titles decide which `series:` names they absorb.
    if folder_series:
        finder.add_folder_series(scenarios, plain_folders)
    finder.add_named_series(scenarios, series_dir)
    finder.add_scenarios(scenarios)
    return finder.index(visible)


class _SeriesFinder:
    """`build_series` in its phases: folder series, `series:` names, scenarios, then the parts
    each series shows, in order."""

    def __init__(self, posts: Mapping[str, Post], visible: Collection[str]) -> None:
        self.posts = posts
        self.visible = visible
        self.problems: list[tuple[str, Problem]] = []
        self.found: dict[str, Series] = {}
        self.members: dict[str, list[str]] = {}
        self.folder_of_title: dict[str, str] = {}  # slug of a folder series' title -> its key

    def series_for(self, key: str, make: Series) -> Series:
        if key not in self.found:
            self.found[key] = make
            self.members[key] = []
        return self.found[key]

    def add_folder_series(
        self, scenarios: Sequence[Series], plain_folders: Collection[str]
    ) -> None:
        posts = self.posts
        scenario_folders = [s.folder for s in scenarios if s.folder is not None]
        for folder, uris in _posts_by_folder(posts, scenario_folders).items():
            index = posts.get(_index_uri(posts, folder) or "")
            if index is None or not is_series_folder(folder, posts, plain_folders):
                continue
            if not index.meta.series_enabled:
                continue
            landing: Post | None = index
            if index.src_uri not in self.visible:
                # A draft (scheduled, expired) landing page must not lend its title and
                # description to the published parts: they get a generated landing page.
                if any(uri in self.visible for uri in uris):
                    self.problems.append((index.src_uri, Problem(_HIDDEN_LANDING)))
                landing = None
            title = landing.title if landing else title_from_filename(folder + "/index.md")
            key = "folder:" + folder
            slug = slugify(title)
            if slug in self.folder_of_title:
                other = self.folder_of_title[slug].removeprefix("folder:")
                self.problems.append(
                    (
                        index.src_uri,
                        Problem(
                            f"two series are titled '{title}': '{other}/' and '{folder}/'; "
                            f"give one of them another title"
                        ),
                    )
                )
            else:
                self.folder_of_title[slug] = key
            description = landing.meta.description or landing.meta.summary if landing else None
            landing_uri = landing.src_uri if landing else posixpath.join(folder, "index.md")
            self.series_for(
                key, Series(slug, title, landing_uri, landing is None, description, folder)
            )
            self.members[key].extend(uris)

    def add_named_series(self, scenarios: Sequence[Series], series_dir: str) -> None:
        posts = self.posts
        visible = self.visible
        claimed = {uri for s in scenarios for uri in (s.landing_uri, *s.parts)}
        addresses = SlugRegistry()
        for uri in sorted(posts):
            post = posts[uri]
            for name in post.meta.series if uri not in claimed else ():
                if slugify(name) in self.folder_of_title:
                    slug = slugify(name)
                    key = self.folder_of_title[slug]
                else:
                    slug, clash = addresses.slug(name)
                    key = "key:" + slug
                    if clash is not None:
                        self.problems.append((uri, _clash_problem(clash, post, series_dir)))
                landing = posixpath.join(series_dir, slug, "index.md")
                written = landing in posts and landing in visible
                if landing in posts and not written and uri in visible and key not in self.found:
                    self.problems.append((landing, Problem(_HIDDEN_LANDING)))
                series = self.series_for(key, Series(slug, name, landing, not written))
                if written and series.description is None and key.startswith("key"):
                    landing_meta = posts[series.landing_uri].meta
                    series.description = landing_meta.description or landing_meta.summary
                if uri not in self.members[key]:
                    self.members[key].append(uri)

    def add_scenarios(self, scenarios: Sequence[Series]) -> None:
        for scenario in scenarios:
            key = "scenario:" + (scenario.folder or "")
            self.series_for(key, scenario)
            self.members[key] = list(scenario.parts)

    def index(self, visible: Collection[str]) -> SeriesIndex:
        """Each series with the parts this build shows, in reading order."""
        result = SeriesIndex([], {}, {}, self.problems)
        for key, series in self.found.items():
            parts = [uri for uri in self.members[key] if uri != series.landing_uri]
            shown = [uri for uri in parts if uri in visible]
            if not shown:
                if parts and (series.generated or series.landing_uri in visible):
                    self.problems.append(
                        (
                            series.landing_uri if not series.generated else parts[0],
                            Problem(
                                f"series '{series.title}' has no published parts; it is left out"
                            ),
                        )
                    )
                continue
            if series.fixed_order:
                series.parts = shown
            else:
                series.parts = order_parts([self.posts[uri] for uri in shown], self.problems)
            result.series.append(series)
            result.by_landing[series.landing_uri] = series
            for uri in series.parts:
                result.by_part.setdefault(uri, []).append(series)
        result.series.sort(key=lambda s: s.title.lower())
        return result


def order_parts(parts: list[Post], problems: list[tuple[str, Problem]]) -> list[str]:
    """Order by `series_order`/`weight`, then date, then file name; report shared weights."""
    seen: dict[int, str] = {}
    for post in sorted(parts, key=lambda p: p.src_uri):
        order = part_order(post)
        if order is None:
            continue
        if order in seen:
            problems.append(
                (
                    post.src_uri,
                    Problem(
                        f"shares its series position ({order}) with '{seen[order]}'; "
                        "ordered by date, then file name",
                        key="weight",
                    ),
                )
            )
        else:
            seen[order] = post.src_uri
    return [post.src_uri for post in sorted(parts, key=_sort_key)]


def part_order(post: Post) -> int | None:
    """The explicit position: `series_order` (Blowfish) first, then Hugo's `weight`.

    Hugo treats a weight of 0 as unset, and so do we.
    """
    order = post.meta.series_order if post.meta.series_order is not None else post.meta.weight
    return order or None


_LATEST = dt.datetime.max.replace(tzinfo=dt.UTC)


def _sort_key(post: Post) -> tuple[bool, int, dt.datetime, str]:
    order = part_order(post)
    date = post.meta.date or _LATEST
    return (order is None, order or 0, date.astimezone(dt.UTC), post.src_uri)


def _posts_by_folder(
    posts: Mapping[str, Post], excluded: Sequence[str] = ()
) -> dict[str, list[str]]:
    """Folders below the docs root with at least one post besides their index page.

    Folders in `excluded`, and the folders below them, are left out.
    """
    folders: dict[str, list[str]] = {}
    for uri in sorted(posts):
        post = posts[uri]
        if any(post.folder == e or post.folder.startswith(e + "/") or not e for e in excluded):
            continue
        if post.folder and not post.is_index and not post.meta.series:
            folders.setdefault(post.folder, []).append(uri)
    return folders


def _clash_problem(clash: Clash, post: Post, series_dir: str) -> Problem:
    return Problem(
        f"series '{clash.name}' would share the address '{series_dir}/{clash.slug}/' "
        f"with series '{clash.other}'; it is published at '{series_dir}/{clash.given}/'",
        key="series",
        line=post.front.key_lines.get("series"),
    )


def is_series_folder(
    folder: str, posts: Mapping[str, Post], plain_folders: Collection[str] = ()
) -> bool:
    """Whether a folder of posts reads as a tutorial series rather than a Hugo blog section.

    A series folder has a landing page of its own (`index.md` or `README.md`, the default site's
    layout). A Hugo content section never is one: a folder with an `_index.md` (Hugo's branch
    bundle) or inside one, a folder named in `plain_folders` (`post/`, `blog/`, …) or inside one,
    and date folders such as `2017/09/`.
    """
    if _index_uri(posts, folder) is None:
        return False
    parts = folder.split("/")
    for depth in range(1, len(parts) + 1):
        ancestor = "/".join(parts[:depth])
        if parts[depth - 1] in plain_folders or _DATE_FOLDER.fullmatch(parts[depth - 1]):
            return False
        if posixpath.join(ancestor, SECTION_INDEX) in posts:
            return False
    return True


def _index_uri(posts: Mapping[str, Post], folder: str) -> str | None:
    for name in ("index.md", "README.md"):
        uri = posixpath.join(folder, name)
        if uri in posts:
            return uri
    return None
