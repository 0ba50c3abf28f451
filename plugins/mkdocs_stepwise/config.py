"""The `stepwise` plugin's options, as written under `plugins:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from .blog.permalinks import check_pattern

_PUBLISH_CHOICES = ("never", "serve", "always")


class _Permalinks(c.DictOfItems[str]):
    """Hugo's `permalinks` table; a pattern with a token Stepwise cannot fill is a config error
    (it would move every post of its section somewhere unintended)."""

    def run_validation(self, value: object) -> dict[str, str]:
        patterns = super().run_validation(value)
        for section, pattern in patterns.items():
            problem = check_pattern(pattern)
            if problem is not None:
                raise base.ValidationError(f"{section}: {problem}")
        return patterns


class XkcdConfig(base.Config):
    """Options of the xkcd panel (`xkcd:` under the plugin)."""

    enabled = c.Type(bool, default=True)
    """Render xkcd links, images and `{{< xkcd N >}}` as panels."""

    data_file = c.Optional(c.Type(str))
    """A YAML or JSON file of extra comic metadata, merged over the comics the plugin ships."""

    fetch = c.Type(bool, default=False)
    """Fetch metadata and images of unknown comics from xkcd.com (off: builds need no network)."""

    cache_dir = c.Type(str, default=".cache/stepwise/xkcd")
    """Where fetched metadata and images are kept between builds."""

    timeout = c.Type(float, default=3.0)
    """Seconds to wait for xkcd.com before falling back to the cache."""


class StepwiseConfig(base.Config):
    """Options of the `stepwise` plugin."""

    drafts = c.Choice(_PUBLISH_CHOICES, default="serve")
    """Show posts with `draft: true`: `never`, only under `mkdocs serve`, or `always` (Hugo -D)."""

    future = c.Choice(_PUBLISH_CHOICES, default="serve")
    """Show posts whose `date`/`publishDate` is still to come (Hugo's -F)."""

    expired = c.Choice(_PUBLISH_CHOICES, default="serve")
    """Show posts whose `expiryDate` has passed (Hugo's -E)."""

    timezone = c.Type(str, default="UTC")
    """The zone of dates written without one, as Hugo's `timeZone` (e.g. `Europe/Berlin`)."""

    folder_series = c.Type(bool, default=True)
    """Treat a folder with an `index.md` (which names it) and other posts as a series; Hugo
    sections (`_index.md`, `plain_folders`, date folders like `2017/09/`) never are one."""

    plain_folders = c.ListOfItems(c.Type(str), default=["post", "posts", "blog", "page"])
    """Folders (by name) that hold standalone posts, not a series: Hugo's usual content sections."""

    series_dir = c.Type(str, default="series")
    """Where landing pages of series made with the `series:` key are generated."""

    collapse_navigation = c.Type(bool, default=True)
    """List each series once in the navigation (by its landing page, not its parts), and render
    the navigation once per folder for the pages not in it. `false` lists every page, as MkDocs
    does, and renders the navigation for every page: slower on large sites (the benchmark uses it
    to tell the plugin's own cost from what the smaller navigation saves)."""

    group_series_above = c.Type(int, default=30)
    """When one level of the navigation would list more than this many series, they are put
    into sections by category (a series' first category: its landing page's, else its first
    part's that has one); series without a category stay where they are. Material prints every
    entry of the navigation's top level into every page, so a site of hundreds of series side by
    side grows with pages times series, and its readers scan a sidebar hundreds of entries long.
    `0` never groups. Only with `collapse_navigation`, no `nav` in mkdocs.yml, and without
    Material's `navigation.indexes` (a group's first landing page would become the section's)."""

    words_per_minute = c.Type(int, default=265)
    """Reading speed for the reading times shown on series pages."""

    execute = c.Type(bool, default=True)
    """Render Katacoda/Killercoda `{{execute}}`, `{{copy}}`, … markers as copy buttons."""

    commonmark_lists = c.Type(bool, default=True)
    """Read lists as CommonMark (Hugo, Katacoda) does: a list may follow a paragraph without a
    blank line, and items are indented to their text (2 or 3 spaces), not to 4."""

    math = c.Type(bool, default=True)
    """Render `$…$`, `$$…$$`, `\\(…\\)` and `\\[…\\]` as math (arithmatex and KaTeX, served
    from the site; pages without math load no KaTeX)."""

    shortcodes = c.Type(bool, default=True)
    """Render Hugo and Tranquilpeak shortcodes (`{{< figure >}}`, `{{< alert >}}`, …)."""

    posts_per_page = c.Type(int, default=10)
    """Post cards per page on the home page (`<!-- stepwise:posts -->`) and category pages."""

    archive_per_page = c.Type(int, default=20)
    """Posts per page of the archive by year."""

    feeds = c.Type(bool, default=True)
    """Write an RSS 2.0 feed (`feed.xml`) and a JSON Feed (`feed.json`); needs `site_url`."""

    feed_items = c.Type(int, default=20)
    """How many of the newest published posts the feeds hold."""

    permalinks = _Permalinks(c.Type(str), default={})
    """Hugo's `permalinks`: per section (first folder), the address pattern of its pages, e.g.
    `post: /:year/:month/:slug/`; `stepwise import hugo` copies them from the Hugo config."""

    post_defaults = c.Type(dict, default={})
    """Tranquilpeak keys every post has unless it sets them (Tranquilpeak's site-wide `params`),
    e.g. `{clearReading: true, thumbnailImagePosition: left, autoThumbnailImage: true}`."""

    xkcd = c.SubConfig(XkcdConfig)
    """The xkcd panel's options."""

    cache = c.Type(bool, default=True)
    """Reuse what earlier builds made of pages whose inputs did not change (their converted
    Markdown and rendered template), kept in `cache_dir`. A build from the cache is
    byte-identical to one without; `stepwise build --no-cache` skips it for one build."""

    cache_dir = c.Type(str, default=".cache/stepwise/build")
    """Where the build cache lives, relative to the folder of mkdocs.yml (never inside
    `docs/`). Keep it between CI runs to make CI builds warm (see the README)."""
