"""Hugo's addresses of the imported pages: redirects where the new address differs, and
links written as Hugo addresses (which MkDocs cannot check) reported with the file they mean."""

from __future__ import annotations

import posixpath

from markdown.extensions.toc import slugify as toc_slugify

from ..blog import addresses, permalinks
from ..blog.redirects import redirect_page, relative_url
from ..posts import Post
from ..series import slugify
from . import hugo_content, hugo_mapping
from .hugo_plan import Plan
from .report import Report
from .writer import Output


def _facts(post: Post) -> permalinks.PageFacts:
    return permalinks.PageFacts(post.src_uri, post.title, post.meta.date, post.meta.slug)


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
        if new is not None and old.lower() != new.lower() and old.rstrip("/") != new.rstrip("/"):
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
    written = 0
    for old, new, title in redirects:
        target = "docs" + old + "index.html"
        if plan.exists(target) or _taken(plan, old):
            continue
        dest = old.lstrip("/") + "index.html"
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


def check_site_links(plan: Plan, by_address: dict[str, str], report: Report) -> None:
    """Links written as Hugo addresses: they work on the built site, but MkDocs checks links
    against files, so `--strict` fails on them; the report names the file each one means."""

    def exists(docs_path: str) -> bool:
        return plan.exists("docs/" + docs_path)

    for src_uri, post in sorted(plan.posts.items()):
        origin = plan.origin.get("docs/" + src_uri) or "docs/" + src_uri
        for line, path in hugo_content.site_links(post.front.body, post.front.body_line):
            bare = path.split("#", 1)[0].split("?", 1)[0]
            if not bare or bare == "/" or exists(bare.lstrip("/")):
                continue
            address = "/" + bare.strip("/") + "/"
            page = by_address.get(address) or by_address.get(address.lower())
            if page is None or not exists(page):
                if not posixpath.splitext(bare)[1] and page is None:
                    report.problem(origin, f"the link '{path}' is not a page of the site", line)
                continue
            relative = posixpath.relpath(page, posixpath.dirname(src_uri) or ".")
            report.problem(
                origin,
                f"the link '{path}' is Hugo's address of {page}; MkDocs checks links "
                f"against files: write it as ({relative})",
                line,
            )
