"""Hugo's addresses of the imported pages: patterns that keep them, redirects where the new
address still differs, and the links MkDocs will not find, reported with what they mean."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote

from markdown.extensions.toc import slugify as toc_slugify

from ..blog import addresses, permalinks
from ..blog.redirects import redirect_page, relative_url
from ..blog.site_addresses import address_key
from ..posts import Post
from ..series import slugify
from . import hugo_content, hugo_mapping
from .hugo_plan import Plan
from .report import Report
from .writer import Output


def _facts(post: Post) -> permalinks.PageFacts:
    return permalinks.PageFacts(post.src_uri, post.title, post.meta.date, post.meta.slug)


DEFAULT_PATTERN = "/:sections/:slugorfilename/"


def default_patterns(plan: Plan, patterns: dict[str, str]) -> dict[str, str]:
    """Patterns for sections whose pages Hugo published elsewhere than MkDocs would.

    Hugo lower-cases and urlizes file names (`My Post.md` is `/posts/my-post/`); where a page's
    name differs from that, its section gets Hugo's default address as a pattern, so the page
    is published where it was (and links to it keep working).
    """
    added: dict[str, str] = {}
    branches = permalinks.branch_folders(plan.posts)
    for src_uri, post in sorted(plan.posts.items()):
        section = permalinks.section_of(src_uri) or "/"
        if src_uri in plan.translations or section in patterns or section in added:
            continue
        if permalinks.pattern_for(src_uri, {section: DEFAULT_PATTERN}, branches) is None:
            continue
        hugo = hugo_content.hugo_address(src_uri, _facts(post), post.meta.url, {}, branches)
        mkdocs = _mkdocs_address(src_uri, post, {}, branches)
        if hugo is not None and mkdocs is not None and hugo != mkdocs:
            added[section] = DEFAULT_PATTERN
    return added


def old_addresses(
    plan: Plan,
    patterns: dict[str, str],
    report: Report,
    mapped: hugo_mapping.Mapped,
    taxonomies: dict[str, str],
) -> dict[str, str]:
    """Hugo address -> docs page for every page; redirects where MkDocs' address differs."""
    by_address: dict[str, str] = {}
    redirects: list[tuple[str, str, str]] = []  # (old address, new site path, title)
    branches = permalinks.branch_folders(plan.posts)
    for src_uri, post in sorted(plan.posts.items()):
        if src_uri in plan.translations:
            continue
        old = hugo_content.hugo_address(src_uri, _facts(post), post.meta.url, patterns, branches)
        if old is None:
            continue
        by_address[old] = src_uri
        new = _mkdocs_address(src_uri, post, patterns, branches)
        if new is not None and old.rstrip("/") != new.rstrip("/"):
            redirects.append((old, new, post.title))
    # Tranquilpeak's archive and Hugo's taxonomy pages have other addresses in Stepwise.
    dated = [post for post in plan.posts.values() if post.meta.date is not None]
    if dated:
        by_address["/archives/"] = by_address["/archive/"] = "archive/index.md"
        if not any(path.startswith("/archives/") for path in by_address if path != "/archives/"):
            redirects.append(("/archives/", "/archive/", "Archive"))
    if "tags" in taxonomies.values():
        by_address["/tags/"] = "tags.md" if "tags.md" in plan.posts else "tags/index.md"
        for tag in sorted({t for post in plan.posts.values() for t in post.meta.tags}):
            anchor = "tag:" + toc_slugify(tag, "-")
            redirects.append((f"/tags/{permalinks.urlize(tag)}/", f"/tags/#{anchor}", tag))
    categories = sorted({c for post in plan.posts.values() for c in post.meta.categories})
    if categories:
        by_address["/categories/"] = "categories/index.md"
        for category in categories:
            old, new = (
                f"/categories/{permalinks.urlize(category)}/",
                f"/categories/{slugify(category)}/",
            )
            if old != new:
                redirects.append((old, new, category))
    if "series" in taxonomies.values():
        # A `series:` series lands at series/<slug>/ in Stepwise, /series/<urlized>/ in Hugo.
        for name in sorted({n for post in plan.posts.values() for n in post.meta.series}):
            old, new = f"/series/{permalinks.urlize(name)}/", f"/series/{slugify(name)}/"
            if old != new:
                redirects.append((old, new, name))
    written = 0
    for old, new, title in redirects:
        # A tag `../../x` or a `url: /../x/` names a folder outside docs/: no redirect there.
        dest = addresses.url_destination(old, True)
        if isinstance(dest, addresses.AddressError):
            report.left_behind.append((old, f"no redirect from it: {dest.message}"))
            continue
        target = "docs/" + dest
        if plan.exists(target) or _taken(plan, old):
            continue
        html = redirect_page(relative_url(dest, new.lstrip("/")), None, title)
        plan.add(target, Output(target, content=html.encode()), "")
        written += 1
    if written:
        report.generated.append(
            (
                "docs/**/index.html",
                f"{written} redirect pages from Hugo's addresses to the new ones",
            )
        )
        mapped.map("old addresses", f"{written} redirect pages (Hugo's addresses still answer)")
    return by_address


def _taken(plan: Plan, address: str) -> bool:
    """Whether a page of the imported site is published at `address` by default."""
    base = address.strip("/")
    candidates = [f"{base}.md", f"{base}/index.md"] if base else ["index.md"]
    return any(candidate in plan.posts for candidate in candidates)


def _mkdocs_address(
    src_uri: str, post: Post, patterns: dict[str, str], branches: set[str]
) -> str | None:
    """Where the plugin will publish the page (directory URLs)."""

    if post.meta.url:
        dest: str | addresses.AddressError = addresses.url_destination(post.meta.url, True)
    elif (pattern := permalinks.pattern_for(src_uri, patterns, branches)) is not None:
        path = permalinks.expand(pattern, _facts(post))
        if isinstance(path, addresses.AddressError):
            return None
        dest = addresses.url_destination(path, True)
    else:
        stem = posixpath.splitext(src_uri)[0]
        default = (
            stem.removesuffix("index") + "index.html"
            if posixpath.basename(stem) in {"index", "README"}
            else f"{stem}/index.html"
        )
        dest = (
            addresses.slug_destination(default, post.meta.slug, True) if post.meta.slug else default
        )
    if isinstance(dest, addresses.AddressError):
        return None
    return hugo_content.mkdocs_address(dest)


def published_addresses(plan: Plan, patterns: dict[str, str]) -> dict[str, str]:
    """Where the plugin will publish each page, and its aliases (`address_key` -> page)."""
    found: dict[str, str] = {}
    branches = permalinks.branch_folders(plan.posts)
    for src_uri, post in sorted(plan.posts.items()):
        new = _mkdocs_address(src_uri, post, patterns, branches)
        if new is not None:
            found.setdefault(address_key(new), src_uri)
        for alias in post.meta.aliases:
            dest = addresses.alias_destination(alias, post.folder)
            if not isinstance(dest, addresses.AddressError):
                found.setdefault(address_key(dest), src_uri)
    return found


def check_links(
    plan: Plan, by_address: dict[str, str], published: dict[str, str], report: Report
) -> None:
    """Report the links MkDocs will not find. A link written as a page's address works (the
    plugin's `site_addresses`); one written as an old Hugo address that moved, or to nothing,
    does not; the report says which file to link instead, when there is one."""

    def exists(docs_path: str) -> bool:
        return plan.exists("docs/" + docs_path)

    for src_uri, post in sorted(plan.posts.items()):
        origin = plan.origin.get("docs/" + src_uri) or "docs/" + src_uri
        for line, path in hugo_content.site_links(post.front.body, post.front.body_line):
            bare = path.split("#", 1)[0].split("?", 1)[0]
            key = address_key(bare)
            if exists(bare.lstrip("/")) or key in published or exists(f"{key}/index.html"):
                continue
            address = "/" + bare.strip("/") + "/"
            page = by_address.get(address) or by_address.get(address.lower())
            if page is not None and exists(page):
                relative = posixpath.relpath(page, posixpath.dirname(src_uri) or ".")
                message = (
                    f"the link '{path}' is Hugo's address of {page}, which has moved; "
                    f"a redirect answers there, but MkDocs checks links: write ({relative})"
                )
            elif posixpath.splitext(bare)[1]:
                message = f"the link '{path}' is not a file of the site"
            else:
                message = f"the link '{path}' is not a page of the site"
            report.problem(origin, message, line)
        for line, path in hugo_content.relative_links(post.front.body, post.front.body_line):
            bare = unquote(path.split("#", 1)[0].split("?", 1)[0])
            target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), bare))
            if posixpath.splitext(bare)[1] and not exists(target):
                report.problem(origin, f"the link '{path}' is not a file of the site", line)
