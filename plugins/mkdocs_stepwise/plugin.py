"""The `stepwise` MkDocs plugin: a thin layer of events over the modules that do the work.

Order of events in a build, and what each one does here:

1. `on_config`: add the Markdown extensions, the templates and the assets.
2. `on_files`: read every post once (front matter, publishing rules, series), hide what this
   build must not show, and generate missing series landing pages.
3. `on_nav`: list series, not their parts, in the navigation.
4. `on_page_read_source` / `on_page_markdown`: hand MkDocs the body and the normalised metadata.
5. `on_page_content`: note each page's teaser, reading time and commands (read from its tree).
6. `on_page_context`: prev/next within the series, and the series listings.

Around 4-6, the build cache (`buildcache/`) restores pages whose inputs did not change instead of
converting them, and hands their templates the output they rendered before.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, DictLoader, Environment
from markdown import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext
from pymdownx import slugs

from . import pagecontext
from .blog import Blog, BlogOptions, listing_renderer
from .blog.listings import POSTS_MARKER
from .blog.site_addresses import SiteAddressesExtension
from .buildcache import BuildCache, start_build_cache, tree_digest
from .buildcache.keptsite import KeptSite
from .catalogue import Catalogue, report
from .config import StepwiseConfig
from .converter import PageConverter
from .execute import ExecuteExtension
from .guard import ContainedTemplate, contain_rendering, describe, per_page_event
from .headings import HeadingsExtension
from .incremental import IncrementalBuilds, pages_showing_posts, quiet_dirty_build_warning
from .katacoda import KatacodaExtension
from .landing_pages import SERIES_LIST_MARKER, add_landing_pages, fill_listings
from .lists import ListsExtension
from .longlived import FrozenAsBuilt, freeze_what_is_alive
from .material_keys import MaterialKeys
from .maths import ARITHMATEX, ARITHMATEX_CONFIG, MathsExtension
from .maths.assets import add_katex_files
from .metadata import Problem
from .navcache import cache_navigation
from .navigation import (
    collapse_series,
    group_series,
    link_landing,
    link_within_series,
    mark_series_in_nav,
    series_categories,
)
from .pagefacts import PageFactsExtension
from .partlists import PartLists
from .postcache import PostCache
from .publishing import PublishingPolicy
from .safe_links import SafeLinksExtension
from .scenarios.files import (
    add_pathway_pages,
    leave_out_orphans,
    place_scenarios,
    read_scenarios,
)
from .scenarios.pages import ScenarioPages
from .series_script import MadeScripts, series_script
from .shortcodes import ShortcodesExtension
from .site_assets import add_asset_files, link_assets
from .views import SeriesViews, page_view, problem_lines, series_scripts
from .watching import NativeWatch
from .xkcd import XkcdExtension, extension_for_site, publish_images, xkcd_inputs

log = get_plugin_logger("stepwise")  # `mkdocs.plugins.stepwise`, as every module logs

PACKAGE_DIR = Path(__file__).parent
# The build cache's events run after every other plugin's (Material's lowest is -100), so that
# its keys see the page as the others left it.
CACHE_PRIORITY = -1000
# The kept site's `on_post_page` compares the output MkDocs is about to write, so it has the last
# word; its `on_files` puts the previous site back before any other plugin looks at it.
LAST = -10_000
FIRST = 10_000
# Material's tags plugin lists tagged pages where a page says <!-- material/tags ... -->.
TAGS_MARKER = "<!-- material/tags"


class StepwisePlugin(BasePlugin[StepwiseConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.dirty = False
        # Survives the rebuilds of `mkdocs serve --dirty`, which it makes correct (and fast).
        self.incremental = IncrementalBuilds()
        # Parsed posts, kept from one build to the next and parsed again when their bytes change.
        self.post_cache = PostCache()
        self.native_watch = NativeWatch()
        self.made_scripts = MadeScripts()  # `serve`: series scripts, made again when they change
        self.catalogue: Catalogue | None = None
        self.files: Files | None = None
        self.env: Environment | None = None
        self.nav: Navigation | None = None
        self.blog: Blog | None = None
        self.scenario_pages: ScenarioPages | None = None
        self.xkcd: XkcdExtension | None = None
        self.material_keys = MaterialKeys()
        # The landing page marked active while one of its parts is rendered (`on_post_page`).
        self.marked_in_nav: Page | None = None
        # Handed to every extension we create: the page being converted, and every page.
        self.pages = pagecontext.PageHolder()
        self.site_addresses: SiteAddressesExtension | None = None
        self.series_views: SeriesViews | None = None
        self.part_lists: PartLists | None = None
        self.page_facts = PageFactsExtension(pages=self.pages)
        # One Markdown instance converts every page of a build (reset between pages).
        self.converter = PageConverter()
        self.build_cache: BuildCache | None = None
        self.kept_site: KeptSite | None = None
        self.code_digest: str | None = None  # this process's plugin code, for the build cache
        self.frozen = FrozenAsBuilt()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty
        if dirty and self.serving:
            quiet_dirty_build_warning()

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        # A save is seen at once, not at MkDocs' next poll (up to 0.5 s later): `watching.py`.
        self.native_watch.start(server, config.docs_dir)
        # After the first build: later rebuilds' garbage collections skip what it left alive.
        freeze_what_is_alive()
        return server

    def on_shutdown(self) -> None:
        self.native_watch.stop()
        self._let_go()

    def _let_go(self) -> None:
        """Drop everything the builds kept, as a new instance would have it.

        MkDocs keeps this instance in its plugin cache until the process ends, and the
        interpreter's teardown of a build's posts, pages and caches cost 0.2-0.3 s after a
        1,000-post `mkdocs build`; freed here, they cost a hundredth of that. The pages
        themselves outlive us (Material's tags plugin holds them): each one's `render`, which
        we replaced, would keep our converter and all it reaches alive with them.
        """
        self.frozen.finish()  # a build stopped by Ctrl+C ran no `on_build_error`
        for file in self.files or ():
            if file.page is not None:
                file.page.__dict__.pop("render", None)
        code_digest = self.code_digest
        self.__init__()  # type: ignore[misc]
        self.code_digest = code_digest

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # After the site's own overrides, before Material: a site's `main.html` may extend
        # `stepwise/layout.html`, and Material's templates stay reachable underneath.
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, str(PACKAGE_DIR / "templates"))
        link_assets(config)
        self._add_markdown_extensions(config)
        _unicode_anchors(config)
        return config

    def _add_markdown_extensions(self, config: MkDocsConfig) -> None:
        """Add our extensions, except those the site already lists in `markdown_extensions`."""
        listed = {str(name) for name in config.markdown_extensions}
        if self.config.math and ARITHMATEX not in listed:
            # Before `stepwise.maths`, which wraps arithmatex's inline pattern.
            config.markdown_extensions.append(ARITHMATEX)
            config.mdx_configs[ARITHMATEX] = dict(ARITHMATEX_CONFIG)
        self.xkcd = None
        self.page_facts = PageFactsExtension(pages=self.pages)
        candidates: list[tuple[bool, str, Callable[[], Extension]]] = [
            (self.config.execute, "execute", lambda: ExecuteExtension(pages=self.pages)),
            (self.config.shortcodes, "shortcodes", lambda: ShortcodesExtension(pages=self.pages)),
            (True, "katacoda", lambda: KatacodaExtension(pages=self.pages)),
            # Always: readers must never run a script an imported post's link smuggles in.
            (True, "safe_links", lambda: SafeLinksExtension(pages=self.pages)),
            (self.config.xkcd.enabled, "xkcd", lambda: self._make_xkcd(config)),
            (self.config.commonmark_lists, "lists", ListsExtension),
            (self.config.math, "maths", MathsExtension),
            # Always: a post's title is its one <h1>, whatever headings its body has.
            (
                True,
                "headings",
                lambda: HeadingsExtension(pages=self.pages, title_of=self._title_of),
            ),
            (True, "site_addresses", self._make_site_addresses),
            # Always: each page's teaser, reading time and commands, read from its tree.
            (True, "page_facts", lambda: self.page_facts),
        ]
        if self.config.execute and "pymdownx.superfences" in listed:
            # Python-Markdown expands tabs before any extension runs; SuperFences can keep them
            # in fenced code, and a command copied with its tabs still works (`<<-` heredocs,
            # Makefiles). A site that sets `preserve_tabs` itself keeps its choice.
            superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
            superfences.setdefault("preserve_tabs", True)
        for enabled, name, make in candidates:
            if enabled and not {f"stepwise.{name}", f"mkdocs_stepwise.{name}"} & listed:
                # Python-Markdown takes Extension instances as well as names.
                config.markdown_extensions.append(make())  # type: ignore[arg-type]

    def _make_site_addresses(self) -> SiteAddressesExtension:
        """One for the whole build: `on_files` tells it where every page is published."""
        self.site_addresses = SiteAddressesExtension(pages=self.pages)
        return self.site_addresses

    def _make_xkcd(self, config: MkDocsConfig) -> XkcdExtension:
        """One xkcd extension for the whole build: it collects the images to self-host."""
        options = self.config.xkcd
        self.xkcd = extension_for_site(
            config_dir=Path(config.config_file_path or ".").parent,
            fetch=options.fetch,
            timeout=options.timeout,
            cache_dir=options.cache_dir,
            data_file=options.data_file,
            pages=self.pages,
        )
        return self.xkcd

    def _title_of(self, src_uri: str) -> str | None:
        post = self.catalogue.posts.get(src_uri) if self.catalogue is not None else None
        return post.title if post is not None else None

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.serving:
            self.frozen.start()
        self.kept_site = None
        if self.config.cache and not self.dirty:
            # MkDocs empties site/ next; the previous output is kept to be compared with.
            self.kept_site = KeptSite(os.path.normpath(config.site_dir))
            self.kept_site.set_aside()

    @event_priority(FIRST)
    def _put_site_back(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.kept_site is not None:
            self.kept_site.put_back()
        return files

    def _read_posts(self, files: Files, *, config: MkDocsConfig) -> Files:
        scenarios = read_scenarios(files)
        orphans = leave_out_orphans(files, scenarios)
        pages = [
            file
            for file in files.documentation_pages()
            if not file.generated_by and file.src_uri not in orphans
        ]
        sources = _readable_sources(files, pages)
        pages = [file for file in pages if file.src_uri in sources]
        self.series_views = None
        self.material_keys = MaterialKeys(theme_dirs=list(config.theme.dirs))
        self.catalogue = catalogue = Catalogue.read(
            sources.items(),
            policy=PublishingPolicy.from_options(
                self.config.drafts, self.config.future, self.config.expired
            ),
            serving=self.serving,
            timezone=self.config.timezone,
            folder_series=self.config.folder_series,
            plain_folders=self.config.plain_folders,
            series_dir=self.config.series_dir,
            scenarios=scenarios,
            default_language=str(config.theme.get("language") or "en"),
            material_keys=self.material_keys,
            post_cache=self.post_cache if self.serving else None,  # a build reads each once
        )
        for file in pages:
            if catalogue.is_hidden(file.src_uri):
                file.inclusion = InclusionLevel.EXCLUDED
            elif catalogue.is_preview_only(file.src_uri):
                # MkDocs builds DRAFT pages for `mkdocs serve` only, and nowhere in `build`.
                file.inclusion = InclusionLevel.DRAFT
        add_landing_pages(files, config, catalogue)
        self.scenario_pages = place_scenarios(files, scenarios, catalogue.series)
        add_pathway_pages(files, config, catalogue.series, catalogue.add_generated)
        # Before the blog places posts: a post's `url` must not take an asset's address.
        add_asset_files(files, config)
        if self.config.math:
            add_katex_files(files, config)
        self.blog = Blog.prepare(
            catalogue,
            files,
            config,
            BlogOptions(
                per_page=self.config.posts_per_page,
                archive_per_page=self.config.archive_per_page,
                feeds=self.config.feeds,
                feed_items=self.config.feed_items,
                permalinks=dict(self.config.permalinks),
                post_defaults=dict(self.config.post_defaults),
            ),
            serving=self.serving,
        )
        if self.site_addresses is not None:
            self.site_addresses.set_addresses(self.blog.site_addresses())
        # `{{< ref "name" >}}` resolves Hugo-style bare names against every page of this build.
        self.pages.known_pages = frozenset(file.src_uri for file in files.documentation_pages())
        # Images in `figure`/`image` shortcodes are checked against the site's files.
        self.pages.known_files = frozenset(file.src_uri for file in files)
        self.files = files
        self.build_cache = self._start_build_cache(files, config)
        self.frozen.keep()  # the site read: posts, series, the blog's pages
        return files

    on_files = CombinedEvent(_put_site_back, _read_posts)

    def _start_build_cache(self, files: Files, config: MkDocsConfig) -> BuildCache | None:
        if not self.config.cache:
            return None
        if self.code_digest is None:
            self.code_digest = tree_digest(PACKAGE_DIR)
        options = self.config.xkcd
        config_dir = Path(config.config_file_path or ".").parent
        return start_build_cache(
            config,
            files,
            cache_dir=self.config.cache_dir,
            code=self.code_digest,
            extra=[
                self.site_addresses.addresses if self.site_addresses is not None else None,
                xkcd_inputs(
                    config_dir, options.enabled, options.fetch, options.data_file, options.cache_dir
                ),
                self.serving,
            ],
        )

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.catalogue is not None and not config.nav and self.config.collapse_navigation:
            collapse_series(nav, self.catalogue.series)
            if self.config.group_series_above > 0:
                self._group_series(nav, self.catalogue, config)
        self.nav = nav
        if self.dirty and self.catalogue is not None:
            self._plan_dirty_build(nav, files, config, self.catalogue)
        return nav

    def _group_series(self, nav: Navigation, catalogue: Catalogue, config: MkDocsConfig) -> None:
        if "navigation.indexes" in (config.theme.get("features") or ()):
            # Material would take a section's first landing page (an `index.md`) for the
            # section's own page: the section would lead to that series and drop it from its list.
            log.info("navigation: series are not grouped by category with navigation.indexes")
            return
        categories_of = {uri: post.meta.categories for uri, post in catalogue.posts.items()}
        categories = series_categories(catalogue.series, categories_of)
        above = self.config.group_series_above
        made = group_series(nav, categories, above)
        if made:
            log.info(
                "navigation: more than %d series side by side, grouped into %d sections by "
                "category (the option group_series_above)",
                above,
                made,
            )

    def _plan_dirty_build(
        self, nav: Navigation, files: Files, config: MkDocsConfig, catalogue: Catalogue
    ) -> None:
        """Under `--dirty`, render only the changed pages and the pages that show them."""
        listings = self.blog.listing_pages if self.blog is not None else {}
        shown_lists = {uri: listing.posts for uri, listing in listings.items()}
        if self.blog is not None:
            shown_lists.update(self.blog.sections)
        shows = pages_showing_posts(
            catalogue,
            site_wide_markers=[SERIES_LIST_MARKER, POSTS_MARKER, TAGS_MARKER],
            listings=shown_lists,
        )
        decided = self.incremental.prepare(files, nav, catalogue, shows)
        log.debug("dirty build renders %s: %s", decided.summary, decided.reason)
        self.incremental.fill_skipped(
            files, catalogue, config, self._page_meta, serving=self.serving
        )

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        contain_rendering(page, functools.partial(self.converter.render, page))
        return page

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        post = self.catalogue.posts.get(page.file.src_uri) if self.catalogue else None
        return post.markdown if post is not None else None

    # Before Material's tags plugin (-50), which reads `tags` from page.meta in this event.
    @event_priority(50)
    @per_page_event
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        src_uri = page.file.src_uri
        self.pages.page = pagecontext.PageInfo(src_uri, page.file.url)
        if self.catalogue is not None and src_uri in self.catalogue.posts:
            page.meta = self._page_meta(src_uri)
            markdown = self.catalogue.posts[src_uri].with_file_line_numbers(markdown)
        if self.scenario_pages is not None:
            markdown = self.scenario_pages.decorate(src_uri, markdown)
        return markdown

    # Last (Material's plugins go down to -100): the key is the Markdown every plugin has had
    # its say on.
    @event_priority(CACHE_PRIORITY)
    @per_page_event
    def _page_markdown_cached(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.build_cache is not None:
            xkcd = self.xkcd
            self.build_cache.convert(
                page,
                markdown,
                [self._title_of(page.file.src_uri)],
                images=xkcd.take_images_used if xkcd else None,
                publish=xkcd.publish if xkcd else None,
            )
        return markdown

    on_page_markdown = CombinedEvent(on_page_markdown, _page_markdown_cached)

    def _page_meta(self, src_uri: str) -> dict[str, Any]:
        assert self.catalogue is not None
        meta = self.catalogue.material_meta(src_uri)
        if self.blog is not None:
            self.blog.extend_meta(src_uri, meta)
        return meta

    @per_page_event
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        uri = page.file.src_uri
        restored, rendered = self.build_cache.converted(page) if self.build_cache else (False, None)
        if self.catalogue is not None:
            if restored:
                if rendered is not None:
                    self.catalogue.rendered[uri] = rendered
            else:
                facts = self.page_facts.take(uri)
                self.catalogue.record_rendered(uri, html, self.config.words_per_minute, facts)
        if self.build_cache is not None and not restored:
            found = self.catalogue.rendered.get(uri) if self.catalogue is not None else None
            self.build_cache.store_converted(page, found)
        self.pages.page = None
        self.frozen.keep()  # what the page keeps until the end of the build
        return html

    # First (Material's tags plugin renders its listings at 100): every template compiled in
    # this build, Material's included, is compiled once and then read from the cache.
    @event_priority(150)
    def _env_cached(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.build_cache is not None:
            self.build_cache.cache_templates(env)
        return env

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self.env = env
        self.frozen.keep()  # every page converted, the navigation made
        if self.kept_site is not None:
            # MkDocs writes from here on: no old file may stand where it needs a folder.
            self.kept_site.make_room(
                file.abs_dest_path
                for file in files
                if (file.inclusion.is_in_serve() if self.serving else file.inclusion.is_included())
            )
        # A page whose template fails is reported and built bare; the others build as usual.
        env.template_class = ContainedTemplate
        if env.cache is not None:
            env.cache.clear()
        if self.material_keys.emoji_icons:
            # Hugo's emoji `icon`s, drawn where Material includes `.icons/<name>.svg`.
            loaders: list[BaseLoader] = [DictLoader(self.material_keys.emoji_icons)]
            env.loader = ChoiceLoader(loaders + ([env.loader] if env.loader else []))
        if self.nav is not None and self.config.collapse_navigation:
            # Parts are not in the navigation: render it once per folder for them, not per page.
            cache_navigation(env, self.nav)
        # A series header lists every part: each item is rendered once per series and folder.
        self.part_lists = PartLists(env)
        return env

    on_env = CombinedEvent(_env_cached, on_env)  # type: ignore[assignment]

    @per_page_event
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if self.catalogue is None or self.files is None:
            return context
        if self.series_views is None:
            # Once per build, at the first page's template: every page's HTML exists by then.
            self.series_views = SeriesViews(self.catalogue, self.files)
        view = page_view(self.catalogue, page.file.src_uri, self.files, self.series_views)
        if self.serving:
            view.problems = problem_lines(self.catalogue, page.file.src_uri)
        if self.part_lists is not None:
            view.series = self.part_lists.fill(view.series, page)
        context["stepwise"] = view  # type: ignore[typeddict-unknown-key]
        if view.series:
            link_within_series(page, view.series[0], self.files)
            self.marked_in_nav = mark_series_in_nav(view.series[0], self.files)
        elif view.landing is not None:
            link_landing(page, view.landing, self.files)
        if page.content is not None and self.env is not None:
            # An empty landing page (content "") still lists its parts.
            page.content = fill_listings(
                page.content, self.env, dict(context), view, self.series_views
            )
        if self.blog is not None and self.env is not None:
            render = listing_renderer(self.env, context)
            if self.build_cache is not None:
                render = self.build_cache.listings(render, page, context["base_url"])
            view.blog = self.blog.page_context(page, self.env, dict(context), render)
        return context

    # Last: the cached output stands for the page as every plugin left it for its template.
    @event_priority(CACHE_PRIORITY)
    @per_page_event
    def _page_context_cached(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if self.build_cache is not None and self.files is not None:
            self.build_cache.context(context, page, nav, self.files)
        return context

    on_page_context = CombinedEvent(on_page_context, _page_context_cached)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.marked_in_nav is not None:
            self.marked_in_nav.active = False
            self.marked_in_nav = None
        if self.build_cache is not None:
            self.build_cache.post_page(page)
        return output

    @event_priority(LAST)
    def _keep_unchanged_file(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.kept_site is None:
            return output
        return self.kept_site.output(output, page.file.abs_dest_path, page.file.src_uri)

    on_post_page = CombinedEvent(on_post_page, _keep_unchanged_file)  # type: ignore[assignment]

    def on_build_error(self, *, error: Exception) -> None:
        self.frozen.finish()
        if self.kept_site is not None:
            self.kept_site.finish()
            self.kept_site = None
        self._forget_build_state()
        if self.build_cache is not None:
            self.build_cache.finish(prune=False)
            self.build_cache = None

    def _forget_build_state(self) -> None:
        """The extensions outlive a build (serve, tests): leave them no page of an old one."""
        self.converter.finished()
        self.pages.page = None
        self.pages.known_pages = None
        self.pages.known_files = None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._forget_build_state()
        if self.blog is not None:
            self.blog.write_feeds(config.site_dir)
        if self.xkcd is not None:
            publish_images(self.xkcd.images_to_publish(), Path(config.site_dir))
        if self.catalogue is not None and self.files is not None:
            site_url = config.site_url or ""
            make = self.made_scripts.script if self.serving else series_script
            scripts = series_scripts(self.catalogue, self.files, site_url, make)
            for path, text in scripts.items():
                target = Path(config.site_dir, path)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        if self.build_cache is not None:
            # A dirty build skips most pages: what it did not use is not stale.
            self.build_cache.finish(prune=not self.dirty)
            self.build_cache = None
        if self.dirty:
            self.incremental.finished()  # last: a build that failed is not compared with

    # Last: every plugin has written its files, so what is left of the previous site is stale.
    @event_priority(LAST)
    def _sweep_site(self, *, config: MkDocsConfig) -> None:
        if self.kept_site is not None:
            deleted = self.kept_site.sweep()
            self.kept_site.finish()
            log.debug(
                "site: %d files kept as they were, %d written over, %d stale ones deleted",
                len(self.kept_site.kept),
                self.kept_site.written_over,
                deleted,
            )
            self.kept_site = None
        self.frozen.finish()

    on_post_build = CombinedEvent(on_post_build, _sweep_site)  # type: ignore[assignment]


def _unicode_anchors(config: MkDocsConfig) -> None:
    """Heading anchors keep their letters (`#1-định-nghĩa`), unless the site chose a slugify.

    Python-Markdown's default drops every letter outside ASCII, so in-page links of posts in
    Vietnamese, Japanese or French break; `pymdownx.slugs` is what Material recommends.
    """
    toc = config.mdx_configs.setdefault("toc", {})
    toc.setdefault("slugify", slugs.slugify(case="lower"))


def _readable_sources(files: Files, pages: list[File]) -> dict[str, bytes]:
    """Each page's bytes; a page that cannot be read (deleted while `serve` builds) is left out.

    Bytes, not text: undecodable files are reported by the catalogue instead of crashing here.
    """
    sources: dict[str, bytes] = {}
    for file in pages:
        try:
            sources[file.src_uri] = file.content_bytes
        except OSError as error:
            message = f"cannot be read ({describe(error)}); left out of this build"
            report(file.src_uri, [Problem(message)])
            files.remove(file)
    return sources
