"""The blog side of a Stepwise site: Hugo/Tranquilpeak presentation on top of Material.

One `Blog` per build, made in `on_files` from the catalogue. The plugin calls it from its events:

- `Blog.prepare` (`on_files`): check every visible post's Tranquilpeak options once, move posts
  to the address their `slug`/`url` asks for, generate the category and archive pages (out of
  the navigation) and the redirect pages for `aliases`;
- `extend_meta` (`on_page_markdown`): Material's `hide:` for `showTags`/`showPagination: false`;
- `page_context` (`on_page_context`): the post header, social meta tags and listings;
- `write_feeds` (`on_post_build`): `feed.xml` (RSS 2.0) and `feed.json` (JSON Feed 1.1).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from jinja2 import Environment
from material.plugins.tags.plugin import TagsPlugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .. import translations
from ..catalogue import Catalogue, report
from ..frontmatter import yaml_block
from ..metadata import Problem
from ..posts import Post
from ..publishing import Visibility
from ..series_script import script_path
from ..sitefiles import file_at
from . import addresses, feeds, images, listings, permalinks, sections
from .listings import Link, ListingPage, PostCard
from .post_header import PostHeader, has_h1, insert_header
from .redirects import redirect_page, relative_url
from .site_addresses import address_key
from .social_meta import SocialPage, social_meta
from .tranquilpeak import PostTheme, read_theme

RSS_URI = "feed.xml"
JSON_FEED_URI = "feed.json"
GENERATED_BY = "stepwise"
# A page at the site's root address: MkDocs' home page, or Hugo's home section page.
HOME_SOURCES = ("index.md", "README.md", "_index.md")


@dataclass(frozen=True)
class BlogOptions:
    per_page: int = 10
    """Post cards per page on the home page and the category pages."""
    archive_per_page: int = 20
    feeds: bool = True
    feed_items: int = 20
    permalinks: dict[str, str] = field(default_factory=dict)
    """Hugo's `permalinks`: section -> address pattern."""
    post_defaults: dict[str, Any] = field(default_factory=dict)
    """Tranquilpeak keys for posts that do not set them."""


RenderListing = Callable[[str, dict[str, Any]], str]
"""Renders a listing template (name, values) for the page at hand."""


def listing_renderer(env: Environment, context: Mapping[str, Any]) -> RenderListing:
    """Listing templates see their values and what MkDocs' `url` filter needs, nothing else:
    their output is a function of exactly that (the build cache relies on it)."""
    base = {"page": context.get("page"), "base_url": context.get("base_url", "")}

    def render(name: str, values: dict[str, Any]) -> str:
        return env.get_template(name).render({**base, **values})

    return render


@dataclass
class PageExtras:
    """`stepwise.blog` in the template context."""

    post: PostHeader | None = None
    social: list[tuple[str, str, str]] = field(default_factory=list)
    feeds: list[tuple[str, str]] = field(default_factory=list)
    """`(MIME type, site-relative URL)` of the site's feeds, for `<link rel="alternate">`."""
    translation: TranslationView | None = None
    """The page's language and its other versions, when it has translations."""


@dataclass(frozen=True)
class Alternate:
    language: str
    name: str
    url: str
    current: bool


@dataclass(frozen=True)
class TranslationView:
    """`stepwise.blog.translation`: what `<html lang>`, hreflang links and the switch show."""

    language: str
    """The page's language, for `<html lang>` (`en-US`)."""
    interface: str | None
    """The Material interface language closest to it (`en`), None when Material has none."""
    alternates: list[Alternate]


# Files written after the pages, by MkDocs and its search plugin.
SITE_FILES = {
    "sitemap.xml": "sitemap",
    "sitemap.xml.gz": "compressed sitemap",
    "404.html": "404 page",
    "search/search_index.json": "search index",
}


class Blog:
    def __init__(
        self,
        catalogue: Catalogue,
        files: Files,
        config: MkDocsConfig,
        options: BlogOptions,
        *,
        serving: bool,
    ) -> None:
        self.catalogue = catalogue
        self.files = files
        self.config = config
        self.options = options
        self.serving = serving
        self.themes: dict[str, PostTheme] = {}
        self.posts: list[str] = []
        self.categories: list[listings.Category] = []
        self.listing_pages: dict[str, ListingPage] = {}
        self.sections: dict[str, list[str]] = {}
        """Hugo section pages (`post/_index.md`) and the posts each lists, newest first."""
        self.alias_pages: dict[str, str] = {}
        """Destination of each alias redirect page -> the src_uri of the post it leads to."""
        self._cards: dict[str, PostCard] = {}
        self._category_slugs: dict[str, str] = {}
        """A category name, case folded, -> the address segment of its page."""

    # --- on_files ---------------------------------------------------------------------------

    @classmethod
    def prepare(
        cls,
        catalogue: Catalogue,
        files: Files,
        config: MkDocsConfig,
        options: BlogOptions,
        *,
        serving: bool,
    ) -> Blog:
        blog = cls(catalogue, files, config, options, serving=serving)
        shown = [uri for uri in catalogue.posts if blog._included(uri)]
        for uri in shown:
            blog.themes[uri] = theme = read_theme(
                catalogue.posts[uri], blog._is_file, options.post_defaults
            )
            report(uri, theme.problems)
        blog._place_translations(shown)
        blog._place_sections(shown)
        blog.posts = listings.listed_posts(catalogue, blog._included)
        blog.sections = {
            uri: sections.section_posts(uri, blog.posts)
            for uri in shown
            if sections.is_section_page(uri)
        }
        # Generated pages first: a post's `url` or alias must not take their addresses.
        blog._add_listing_pages()
        blog._move(shown)
        blog._add_home_page()
        blog._check_tags()
        blog._add_redirects(shown)
        return blog

    def _included(self, src_uri: str) -> bool:
        """Whether this build writes the page: hidden posts are excluded files."""
        file = file_at(self.files, src_uri)
        if file is None or self.catalogue.shown.get(src_uri) is Visibility.HIDDEN:
            return False
        return self._written(file)

    def _written(self, file: File) -> bool:
        included = file.inclusion.is_in_serve() if self.serving else file.inclusion.is_included()
        return bool(included)

    def _is_file(self, src_uri: str) -> bool:
        file = file_at(self.files, src_uri)
        return file is not None and not file.is_documentation_page()

    def _place_translations(self, shown: Iterable[str]) -> None:
        """Publish each translation under its language (`ja/post/foo/`), as Hugo does."""
        taken = {file.dest_uri: file for file in self.files if self._written(file)}
        known = translations.material_languages()
        for uri in shown:
            file = file_at(self.files, uri)
            group = self.catalogue.translations.get(uri)
            if file is None or group is None:
                continue
            language = group.language_of(uri)
            if self.catalogue.is_translation(uri):
                dest = translations.translated_destination(file.dest_uri, language)
            elif translations.split_language(uri, known)[1] is not None:
                # The listed version keeps the plain address, without its suffix.
                dest = translations.translated_destination(file.dest_uri, None)
            else:
                continue
            other = taken.get(dest)
            if other is not None and other is not file:
                message = f"'{dest}' is already the address of '{other.src_uri}'"
                report(uri, [Problem(f"translation ({language}): {message}")])
                continue
            taken.pop(file.dest_uri, None)
            _set_dest(file, dest)
            taken[dest] = file

    def _translation(self, uri: str) -> TranslationView | None:
        group = self.catalogue.translations.get(uri)
        if group is None:
            return None
        alternates = [
            Alternate(
                version.language,
                translations.language_name(version.language),
                self._url(version.src_uri),
                version.src_uri == uri,
            )
            for version in group.versions
            if self._included(version.src_uri)
        ]
        language = group.language_of(uri)
        interface = translations.interface_language(language, translations.material_languages())
        return TranslationView(language, interface, alternates if len(alternates) > 1 else [])

    def _place_sections(self, shown: Iterable[str]) -> None:
        """Publish each Hugo `_index.md` at its folder's address, as Hugo does."""
        taken = {file.dest_uri: file for file in self.files if self._written(file)}
        for uri in shown:
            file = file_at(self.files, uri)
            if file is None or not sections.is_section_page(uri):
                continue
            dest = sections.section_destination(uri)
            other = taken.get(dest)
            if other is not None and other is not file:
                report(
                    uri,
                    [
                        Problem(
                            f"'{other.src_uri}' already is the page of this folder; "
                            f"this section page stays at '{file.url}'"
                        )
                    ],
                )
                continue
            taken.pop(file.dest_uri, None)
            _set_dest(file, dest)
            taken[dest] = file

    def _move(self, shown: Iterable[str]) -> None:
        """Publish posts at the address their `url` or `slug` asks for (`url` wins, as in Hugo)."""
        # A draft left out of this build does not hold on to its address.
        taken = self._taken()
        directory_urls = self.config.use_directory_urls
        branches = (
            permalinks.branch_folders(self.catalogue.posts) if self.options.permalinks else set()
        )
        for uri in shown:
            post = self.catalogue.posts[uri]
            meta = post.meta
            file = file_at(self.files, uri)
            pattern = permalinks.pattern_for(uri, self.options.permalinks, branches)
            if file is None or not (meta.url or meta.slug or pattern):
                continue
            key = "url" if meta.url else "slug" if pattern is None else "date"
            if meta.url:
                dest = addresses.url_destination(meta.url, directory_urls)
            elif pattern is not None:
                dest = self._permalink(pattern, post, directory_urls)
            else:
                dest = addresses.slug_destination(file.dest_uri, meta.slug or "", directory_urls)
            if isinstance(dest, addresses.AddressError):
                self._problem(uri, key, dest.message)
                continue
            if key != "slug" and self.catalogue.is_translation(uri):
                # A translation's `url` and permalink live under its language, as in Hugo.
                language = self.catalogue.translations[uri].language_of(uri)
                dest = f"{language.lower()}/{dest}"
            taken.remove(file.dest_uri)
            other = taken.owner(dest)
            if other is not None:
                taken.add(file.dest_uri, f"'{uri}'")
                self._problem(uri, key, f"'{dest}' is already the address of {other}")
                continue
            _set_dest(file, dest)
            taken.add(dest, f"'{uri}'")

    def _taken(self) -> addresses.TakenAddresses:
        """Every address this build writes so far -> what is there, for messages.

        MkDocs and the plugin write some files after the pages (sitemap, search index, feeds,
        404 page): those addresses are taken from the start.
        """
        taken = addresses.TakenAddresses()
        for dest, what in SITE_FILES.items():
            taken.add(dest, f"the {what}")
        if self._feeds_wanted():
            taken.add("feed.xml", "the RSS feed")
            taken.add("feed.json", "the JSON feed")
        for file in self.files:
            if self._written(file):
                taken.add(file.dest_uri, f"'{file.src_uri}'")
        for series in self.catalogue.series.series:
            landing = file_at(self.files, series.landing_uri)
            if landing is not None:
                script = script_path(landing.dest_uri, series.slug)
                taken.add(script, f"the shell script of the series '{series.title}'")
        return taken

    @staticmethod
    def _permalink(pattern: str, post: Post, directory_urls: bool) -> str | addresses.AddressError:
        facts = permalinks.PageFacts(post.src_uri, post.title, post.meta.date, post.meta.slug)
        path = permalinks.expand(pattern, facts)
        if isinstance(path, addresses.AddressError):
            return path
        return addresses.url_destination(path, directory_urls)

    def _problem(self, uri: str, key: str, message: str) -> None:
        line = self.catalogue.posts[uri].front.key_lines.get(key)
        report(uri, [Problem(f"{key}: {message}", key, line)])

    def _add_listing_pages(self) -> None:
        self.categories, problems = listings.categories(self.catalogue, self.posts)
        for uri, problem in problems:
            report(uri, [problem])
        # Hugo folds the case of category names: `Code` and `code` are one category.
        self._category_slugs = {c.name.strip().casefold(): c.slug for c in self.categories}
        archive = listings.plan_listing_pages(self.posts, [], self.options.archive_per_page)
        by_category = listings.plan_listing_pages([], self.categories, self.options.per_page)
        for listing in archive + by_category:
            if file_at(self.files, listing.src_uri) is not None:
                continue  # The author's own page wins; it can hold a listing marker.
            # Out of the navigation: the home page, post headers and cards link to them.
            file = File.generated(
                self.config,
                listing.src_uri,
                content=listing.markdown(),
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
            file.generated_by = GENERATED_BY
            self.files.append(file)
            self.listing_pages[listing.src_uri] = listing

    def _add_home_page(self) -> None:
        """A blog copied without a home page (Hugo's theme made it) gets one: the newest posts."""
        if not self.posts or any(file_at(self.files, name) is not None for name in HOME_SOURCES):
            return
        # Plain text: the catalogue escapes titles for Material, as for every post.
        content = f"{yaml_block({'title': self.config.site_name})}\n{listings.POSTS_MARKER}\n"
        file = File.generated(self.config, "index.md", content=content)
        file.generated_by = GENERATED_BY
        self.files.append(file)
        self.catalogue.add_generated("index.md", content)

    def _check_tags(self) -> None:
        """Warn when two different tags would share one address on Material's tags pages."""
        plugin = _tags_plugin(self.config)
        if plugin is None:
            return
        slugify = plugin.config.tags_slugify
        separator = plugin.config.tags_slugify_separator
        owner: dict[str, str] = {}
        for uri in reversed(self.posts):
            post = self.catalogue.posts[uri]
            for tag in post.meta.tags:
                slug = slugify(tag, separator)
                other = owner.setdefault(slug, tag)
                if other.casefold() != tag.casefold():
                    line = post.front.key_lines.get("tags")
                    anchor = plugin.config.tags_slugify_format.format(slug=slug)
                    message = (
                        f"tag '{tag}' would share the address '#{anchor}' of the tags page "
                        f"with tag '{other}'; rename one of them"
                    )
                    report(uri, [Problem(message, "tags", line)])

    def _add_redirects(self, shown: Iterable[str]) -> None:
        taken = self._taken()
        for uri in shown:
            post = self.catalogue.posts[uri]
            target = file_at(self.files, uri)
            if target is None:
                continue
            for alias in post.meta.aliases:
                dest = addresses.alias_destination(alias, post.folder)
                if isinstance(dest, addresses.AddressError):
                    self._problem(uri, "aliases", dest.message)
                    continue
                if self.catalogue.is_translation(uri):
                    # As in Hugo, a translation's old addresses live under its language.
                    language = self.catalogue.translations[uri].language_of(uri)
                    dest = f"{language.lower()}/{dest}"
                other = taken.owner(dest)
                if other is not None:
                    self._problem(uri, "aliases", f"'{alias}' is already the address of {other}")
                    continue
                html = redirect_page(
                    relative_url(dest, target.url), self._absolute(target.url), post.title
                )
                file = File.generated(self.config, dest, content=html)
                file.generated_by = GENERATED_BY
                self.files.append(file)
                taken.add(dest, f"an alias of '{uri}'")
                self.alias_pages[dest] = uri

    def site_addresses(self) -> dict[str, str]:
        """Every address a page of this build answers at (and its aliases) -> its src_uri."""
        found = {
            address_key(file.dest_uri): file.src_uri
            for file in self.files.documentation_pages()
            if self._written(file)
        }
        for dest, uri in self.alias_pages.items():
            found.setdefault(address_key(dest), uri)
        # HTML files of docs/ (such as the redirect pages `stepwise import` writes).
        for file in self.files:
            static_html = file.dest_uri.endswith(".html") and not file.is_documentation_page()
            if static_html and not file.generated_by and self._written(file):
                found.setdefault(address_key(file.dest_uri), file.src_uri)
        return found

    def _absolute(self, url: str) -> str | None:
        site_url = self.config.site_url
        return site_url.rstrip("/") + "/" + url.removeprefix("./") if site_url else None

    # --- on_page_markdown -------------------------------------------------------------------

    def extend_meta(self, src_uri: str, meta: dict[str, Any]) -> None:
        """Add Material's `hide:` entries for `showTags: false` and `showPagination: false`."""
        theme = self.themes.get(src_uri)
        if theme is None or not theme.hidden_parts:
            return
        hide = meta.get("hide")
        listed = [str(item) for item in hide] if isinstance(hide, list) else []
        meta["hide"] = listed + [part for part in theme.hidden_parts if part not in listed]

    # --- on_page_context --------------------------------------------------------------------

    def page_context(
        self,
        page: Page,
        env: Environment,
        context: dict[str, Any],
        render: RenderListing | None = None,
    ) -> PageExtras:
        """Everything the blog adds to a page; also fills `page.content` with listings.

        `render` renders a listing's template (the build cache hands one that remembers)."""
        uri = page.file.src_uri
        extras = PageExtras(feeds=self._feed_links(), translation=self._translation(uri))
        post = self.catalogue.posts.get(uri)
        theme = self.themes.get(uri)
        if post is not None and theme is not None:
            extras.post = PostHeader(
                post.title,
                post.meta.date,
                self._category_links(post.meta.categories),
                theme,
                author_h1=has_h1(page.content or ""),
                minutes=rendered.minutes if (rendered := self.catalogue.rendered.get(uri)) else 0,
            )
            if not theme.show_pagination:
                page.previous_page = page.next_page = None
        extras.social = self._social(page, extras.post)
        if page.content is not None:
            template_context = dict(context, post_header=extras.post)
            if extras.post is not None:
                meta = env.get_template("partials/stepwise/post-meta.html").render(template_context)
                page.content = insert_header(page.content, extras.post, meta)
            page.content = self._fill(page, render or listing_renderer(env, context))
        return extras

    def _fill(self, page: Page, render: RenderListing) -> str:
        content = page.content or ""
        listing = self.listing_pages.get(page.file.src_uri)
        if listings.POSTS_MARKER in content and page.file.src_uri not in self.sections:
            cards = self.cards(self.posts[: self.options.per_page])
            html = render(
                "partials/stepwise/post-cards.html", {"cards": cards, "more": self._more_links()}
            )
            content = content.replace(listings.POSTS_MARKER, html, 1)
        section = self.sections.get(page.file.src_uri)
        if section is not None:
            html = render(
                "partials/stepwise/post-cards.html", {"cards": self.cards(section), "more": []}
            )
            if listings.POSTS_MARKER in content:
                content = content.replace(listings.POSTS_MARKER, html, 1)
            else:
                content += html
        if listing is not None and listings.LISTING_MARKER in content:
            html = render(f"partials/stepwise/{listing.kind}.html", self._listing_context(listing))
            content = content.replace(listings.LISTING_MARKER, html, 1)
        return content

    def _more_links(self) -> list[Link]:
        """Links under the newest posts: the archive and the categories, named for what they are
        (not buttons that read like "more posts")."""
        links = []
        archive = listings.page_uri(listings.ARCHIVE_DIR, 1)
        if archive in self.listing_pages:
            links.append(Link("Archive: every post by year", self._url(archive)))
        categories = f"{listings.CATEGORIES_DIR}/index.md"
        if categories in self.listing_pages:
            links.append(Link("All categories", self._url(categories)))
        return links

    def _listing_context(self, listing: ListingPage) -> dict[str, Any]:
        cards = self.cards(listing.posts)
        pager = {
            "previous": self._url(listing.previous) if listing.previous else None,
            "next": self._url(listing.next) if listing.next else None,
            "number": listing.number,
            "total": len(listing.siblings),
        }
        return {
            "cards": cards,
            "years": listings.by_year(cards),
            "pager": pager,
            # Each category with its count and its newest posts: a page to browse, not a bare list.
            "categories": [
                (Link(c.name, self._url(c.landing_uri)), len(c.posts), self.cards(c.posts[:3]))
                for c in (self.categories if listing.kind == "categories" else [])
            ],
        }

    def cards(self, uris: Iterable[str]) -> list[PostCard]:
        return [self._card(uri) for uri in uris]

    def _card(self, uri: str) -> PostCard:
        # Once per build: a post is on several listings (home, its categories, the archive, the
        # feeds), and Material's tags plugin is slow to answer where its tags are listed. Cards
        # are only asked for once every page has been rendered, so they cannot go stale.
        card = self._cards.get(uri)
        if card is None:
            card = self._cards[uri] = listings.post_card(
                self.catalogue,
                uri,
                url_of=self._url,
                theme=self.themes.get(uri),
                tag_urls=self._tag_urls(uri),
                category_url=self._category_url,
            )
        return card

    def _url(self, src_uri: str) -> str:
        file = file_at(self.files, src_uri)
        return file.url if file is not None else src_uri

    def _category_links(self, names: Iterable[str]) -> list[Link]:
        return [Link(name, self._category_url(name)) for name in names]

    def _category_url(self, name: str) -> str | None:
        slug = self._category_slugs.get(name.strip().casefold())
        if slug is None:
            return None
        uri = f"{listings.CATEGORIES_DIR}/{slug}/index.md"
        known = uri in self.listing_pages or file_at(self.files, uri) is not None
        return self._url(uri) if known else None

    def _tag_urls(self, src_uri: str) -> dict[str, str]:
        """Where Material's tags plugin lists each tag of a post (its closest tags page)."""
        file = file_at(self.files, src_uri)
        plugin = _tags_plugin(self.config)
        if plugin is None or file is None or file.page is None:
            return {}
        mapping = plugin.mappings.get(file.page)
        if mapping is None:
            return {}
        # What `plugin.listings & mapping` answers (each tag's closest listing), but with one
        # pass per listing: Material's asks every listing about every tag, which is quadratic
        # in the tags of a post (10,000 tags took a minute).
        manager = plugin.listings
        urls: dict[str, str] = {}
        for listing in manager.closest(mapping):
            for tag in listing & mapping:
                if tag.name not in urls:
                    page_url = urlparse(listing.page.url or ".", allow_fragments=False)
                    urls[tag.name] = page_url._replace(fragment=manager._slugify(tag)).geturl()
        return urls

    def _social(self, page: Page, header: PostHeader | None) -> list[tuple[str, str, str]]:
        uri = page.file.src_uri
        post = self.catalogue.posts.get(uri)
        theme = self.themes.get(uri)
        image = None
        if theme is not None:
            chosen = theme.cover.image if theme.cover else theme.thumbnail
            image = images.absolute(chosen, self.config.site_url) if chosen else None
        # `page.title` and `page.meta["description"]` hold the HTML-escaped text handed to
        # Material; the meta tags escape what they are given, so they get the plain text.
        description = unescape(str(page.meta.get("description") or "")) or None
        rendered = self.catalogue.rendered.get(uri)
        if not description and rendered is not None and header is not None:
            description = rendered.teaser
        meta = post.meta if post is not None else None
        return social_meta(
            SocialPage(
                title=unescape(page.title or "") or self.config.site_name,
                site_name=self.config.site_name,
                url=page.canonical_url,
                description=str(description) if description else None,
                image=image,
                published=meta.date if meta is not None else None,
                modified=meta.lastmod if meta is not None else None,
                tags=list(meta.tags) if meta is not None else [],
                section=meta.categories[0] if meta is not None and meta.categories else None,
            )
        )

    # --- feeds ------------------------------------------------------------------------------

    def _feeds_wanted(self) -> bool:
        return self.options.feeds and bool(self.config.site_url) and bool(self.posts)

    def _feed_links(self) -> list[tuple[str, str]]:
        if not self._feeds_wanted():
            return []
        return [("application/rss+xml", RSS_URI), ("application/feed+json", JSON_FEED_URI)]

    def write_feeds(self, site_dir: str) -> None:
        """Write `feed.xml` and `feed.json`: public posts only, even in a preview."""
        if not self._feeds_wanted():
            return
        site_url = str(self.config.site_url).rstrip("/") + "/"
        public = [u for u in self.posts if self.catalogue.shown[u] is Visibility.PUBLIC]
        newest = self.cards(public[: self.options.feed_items])
        items = [self._feed_item(card, site_url) for card in newest]
        channel = feeds.Channel(
            title=self.config.site_name,
            link=site_url,
            description=self.config.site_description or self.config.site_name,
            rss_url=site_url + RSS_URI,
            json_url=site_url + JSON_FEED_URI,
            language=_language(self.config),
        )
        root = Path(site_dir)
        (root / RSS_URI).write_text(feeds.rss(channel, items), encoding="utf-8")
        (root / JSON_FEED_URI).write_text(feeds.json_feed(channel, items), encoding="utf-8")

    def _feed_item(self, card: PostCard, site_url: str) -> feeds.Item:
        image = images.absolute(card.thumbnail, site_url) if card.thumbnail else None
        return feeds.Item(
            title=card.title,
            url=site_url + card.url.removeprefix("./"),
            date=card.date,
            summary=card.teaser,
            tags=[tag.name for tag in card.tags],
            categories=[category.name for category in card.categories],
            image=image,
        )


def _set_dest(file: File, dest_uri: str) -> None:
    """Move a file; `url` and `abs_dest_path` are cached from `dest_uri`, so they are dropped."""
    file.dest_uri = dest_uri
    for derived in ("url", "abs_dest_path"):
        file.__dict__.pop(derived, None)


def _tags_plugin(config: MkDocsConfig) -> Any:
    for plugin in config.plugins.values():
        if isinstance(plugin, TagsPlugin) and plugin.config.enabled:
            return plugin
    return None


def _language(config: MkDocsConfig) -> str | None:
    language = config.theme.get("language")
    return str(language) if language else None
