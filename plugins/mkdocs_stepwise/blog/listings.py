"""Blog listings: which pages are posts, post cards, categories, and paginated listing pages.

A post is a dated page that is neither the home page nor a series landing page, and that this
build shows (the catalogue decides; hidden posts never reach a listing). Listings show what was
recorded from each post's HTML when it was converted (`Catalogue.rendered`): no post's Markdown
is converted twice.

Listing pages are generated in `on_files` (`categories/…`, `archive/…`); the plan for them is
made here, from the catalogue alone.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..catalogue import Catalogue
from ..frontmatter import yaml_block
from ..metadata import Problem
from ..posts import Post
from ..publishing import Status, Visibility
from ..slugs import Clash, SlugRegistry
from .images import Image
from .sections import is_section_page
from .tranquilpeak import PostTheme

# The marker authors put on a page for the newest posts; generated listing pages carry their own.
POSTS_MARKER = "<!-- stepwise:posts -->"
LISTING_MARKER = "<!-- stepwise:listing -->"

HOME_PAGES = {"index.md", "README.md"}
ARCHIVE_DIR = "archive"
CATEGORIES_DIR = "categories"


@dataclass(frozen=True)
class Link:
    name: str
    url: str | None
    """Site-relative, for MkDocs' `url` filter; None when there is nothing to link to."""


@dataclass(frozen=True)
class PostCard:
    """A post as a listing shows it."""

    src_uri: str
    title: str
    url: str
    date: dt.datetime
    teaser: str
    minutes: int
    tags: list[Link]
    categories: list[Link]
    thumbnail: Image | None
    thumbnail_position: str
    status: str | None
    """"Draft", "Scheduled" or "Expired" for a post shown only in the preview."""
    more_tags: int = 0
    more_categories: int = 0
    """How many tags and categories the card leaves out (the post's own page shows them all)."""

    @property
    def date_text(self) -> str:
        return format_date(self.date)


@dataclass(frozen=True)
class Category:
    name: str
    slug: str
    posts: list[str]

    @property
    def landing_uri(self) -> str:
        return f"{CATEGORIES_DIR}/{self.slug}/index.md"


@dataclass(frozen=True)
class ListingPage:
    """One generated listing page: `kind` is `archive`, `category` or `categories`."""

    src_uri: str
    kind: str
    title: str
    posts: list[str] = field(default_factory=list)
    number: int = 1
    siblings: list[str] = field(default_factory=list)
    """The src_uris of all pages of this listing, page 1 first (for the pager)."""
    category: str | None = None

    def markdown(self) -> str:
        # Material prints `page.title` unescaped, and a category's name is the author's text:
        # the title is handed over escaped, as `Catalogue.material_meta` hands over post titles.
        front = {"title": html.escape(self.title), "search": {"exclude": True}}
        return f"{yaml_block(front)}\n{LISTING_MARKER}\n"

    @property
    def previous(self) -> str | None:
        return self.siblings[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.siblings[self.number] if self.number < len(self.siblings) else None


def format_date(date: dt.datetime) -> str:
    """`March 5, 2018`, the way Tranquilpeak writes dates."""
    return f"{date:%B} {date.day}, {date.year}"


def listed_posts(catalogue: Catalogue, included: Callable[[str], bool]) -> list[str]:
    """The posts a listing may show, newest first; `included` says which pages this build has.

    A dated `folder/index.md` is a post (a Hugo leaf bundle) unless it is a series' landing page;
    a Hugo section page (`_index.md`) never is one, nor a post's translation (its primary
    version is listed).
    """
    series = catalogue.series.by_landing
    found = [
        uri
        for uri, post in catalogue.posts.items()
        if post.meta.date is not None
        and uri not in HOME_PAGES
        and uri not in series
        and not is_section_page(uri)
        and not catalogue.is_translation(uri)
        and catalogue.shown.get(uri) is not Visibility.HIDDEN
        and included(uri)
    ]
    return sorted(found, key=lambda uri: (_date(catalogue, uri), uri), reverse=True)


def _date(catalogue: Catalogue, uri: str) -> dt.datetime:
    date = catalogue.posts[uri].meta.date
    assert date is not None
    return date.astimezone(dt.UTC)


def categories(
    catalogue: Catalogue, posts: Sequence[str]
) -> tuple[list[Category], list[tuple[str, Problem]]]:
    """Every category of `posts` (newest first within each), by name, case folded as Hugo does.

    Names keep their letters in their addresses (`categories/開発/`); two names that would share
    one get two, and the clash is reported on the post that brought the second name.
    """
    addresses = SlugRegistry(fallback="category")
    names: dict[str, str] = {}
    members: dict[str, dict[str, None]] = {}  # oldest first, each post once (an ordered set)
    problems: list[tuple[str, Problem]] = []
    # Oldest first, so that a category keeps its address when newer posts bring a clash.
    for uri in reversed(posts):
        for name in catalogue.posts[uri].meta.categories:
            slug, clash = addresses.slug(name)
            if clash is not None:
                problems.append((uri, _clash_problem(clash, catalogue.posts[uri])))
            names.setdefault(slug, name)
            members.setdefault(slug, {})[uri] = None
    found = sorted(
        (Category(names[slug], slug, list(reversed(uris))) for slug, uris in members.items()),
        key=lambda category: category.name.lower(),
    )
    return found, problems


def _clash_problem(clash: Clash, post: Post) -> Problem:
    return Problem(
        f"category '{clash.name}' would share the address '{CATEGORIES_DIR}/{clash.slug}/' "
        f"with category '{clash.other}'; it is published at '{CATEGORIES_DIR}/{clash.given}/'",
        key="categories",
        line=post.front.key_lines.get("categories"),
    )


def paginate(items: Sequence[str], per_page: int) -> list[list[str]]:
    """`items` in pages of `per_page`; an empty listing still has one (empty) page."""
    size = max(1, per_page)
    return [list(items[start : start + size]) for start in range(0, len(items), size)] or [[]]


def page_uri(folder: str, number: int) -> str:
    """`archive/index.md` for page 1, `archive/page/2/index.md` after it (Hugo's scheme)."""
    return f"{folder}/index.md" if number == 1 else f"{folder}/page/{number}/index.md"


def plan_listing_pages(
    posts: Sequence[str], found: Sequence[Category], per_page: int
) -> list[ListingPage]:
    """The archive (if there are posts) and the category pages (if there are categories)."""
    pages: list[ListingPage] = []
    if posts:
        pages.extend(_paginated(ARCHIVE_DIR, "archive", "Archive", posts, per_page, None))
    if found:
        pages.append(ListingPage(f"{CATEGORIES_DIR}/index.md", "categories", "Categories"))
    for category in found:
        folder = f"{CATEGORIES_DIR}/{category.slug}"
        title = f"Category: {category.name}"
        pages.extend(_paginated(folder, "category", title, category.posts, per_page, category.slug))
    return pages


def _paginated(
    folder: str,
    kind: str,
    title: str,
    posts: Sequence[str],
    per_page: int,
    category: str | None,
) -> list[ListingPage]:
    chunks = paginate(posts, per_page)
    uris = [page_uri(folder, number) for number in range(1, len(chunks) + 1)]
    return [
        ListingPage(
            uri,
            kind,
            title if number == 1 else f"{title} (page {number})",
            chunk,
            number,
            uris,
            category,
        )
        for number, (uri, chunk) in enumerate(zip(uris, chunks, strict=True), start=1)
    ]


def by_year(cards: Sequence[PostCard]) -> list[tuple[int, list[PostCard]]]:
    """Cards grouped under their year, in the order given (newest first)."""
    return [
        (year, list(group)) for year, group in itertools.groupby(cards, key=lambda c: c.date.year)
    ]


# A card shows this many tags and categories. A post is on the card lists of all its
# categories, so a post with 2,000 categories listing them all on each made 4 million links.
CARD_TAGS = 12
CARD_CATEGORIES = 5


def post_card(
    catalogue: Catalogue,
    uri: str,
    *,
    url_of: Callable[[str], str],
    theme: PostTheme | None,
    tag_urls: Mapping[str, str],
    category_url: Callable[[str], str | None],
) -> PostCard:
    """The card of one post. `url_of` gives a page's site-relative URL from its src_uri,
    `category_url` a category's page from its name."""
    post = catalogue.posts[uri]
    assert post.meta.date is not None
    rendered = catalogue.rendered.get(uri)
    status = catalogue.status.get(uri, Status.PUBLISHED)
    theme = theme or PostTheme()
    return PostCard(
        src_uri=uri,
        title=post.meta.link_title or post.title,
        url=url_of(uri),
        date=post.meta.date,
        teaser=rendered.teaser if rendered else (post.meta.summary or ""),
        minutes=rendered.minutes if rendered else 0,
        tags=[Link(tag, tag_urls.get(tag)) for tag in post.meta.tags[:CARD_TAGS]],
        categories=[
            Link(name, category_url(name)) for name in post.meta.categories[:CARD_CATEGORIES]
        ],
        more_tags=max(0, len(post.meta.tags) - CARD_TAGS),
        more_categories=max(0, len(post.meta.categories) - CARD_CATEGORIES),
        thumbnail=theme.thumbnail,
        thumbnail_position=theme.thumbnail_position,
        status=None if status is Status.PUBLISHED else status.label,
    )
