"""Hugo menus: the main menu as MkDocs `nav`, Tranquilpeak's other menus as footer links."""

from __future__ import annotations

import posixpath
from typing import Any

from . import hugo_content, hugo_mapping
from .hugo_plan import Plan


def resolve(entry: hugo_mapping.MenuEntry, plan: Plan, by_address: dict[str, str]) -> str | None:
    """The nav target of a menu entry: a page of the site, an external link, or None."""
    if entry.page_ref:
        ref = entry.page_ref.strip().strip("/")
        for candidate in (ref, f"{ref}.md", f"{ref}/index.md", f"{ref}/_index.md"):
            target = hugo_content.target_name(candidate)
            if target in plan.posts:
                return target
        if entry.page_ref.strip() in {"/", ""}:
            return "index.md"
    url = (entry.url or "").strip()
    if not url:
        return None
    if url.startswith(("http://", "https://", "mailto:")):
        return url
    path = url.split("#", 1)[0].split("?", 1)[0]
    if "#" in url and path in {"", "/"}:
        return None  # `/#about`: a part of Tranquilpeak's home page.
    if path in {"", "/"}:
        return "index.md"
    if posixpath.splitext(path)[1]:
        return None  # `/index.xml`: a file Hugo's templates made.
    address = "/" + path.strip("/") + "/"
    return by_address.get(address) or by_address.get(address.lower())


def named_menu(settings: dict[str, Any], name: str, language: str) -> list[hugo_mapping.MenuEntry]:
    entries = []
    for key in ("menu", "menus"):
        menus = settings.get(key)
        items = menus.get(name) if isinstance(menus, dict) else None
        if isinstance(items, list):
            for item in items:
                entry = hugo_mapping.menu_entry(item, f"{key}.{name}")
                if entry is not None:
                    entries.append(entry)
    return entries


def link_reason(url: str | None) -> str:
    if url and url.rstrip("/").endswith("index.xml"):
        return "Hugo's RSS feed; the site's feeds are feed.xml and feed.json"
    return "not a link to another site"


def front_matter_menu(plan: Plan) -> list[hugo_mapping.MenuEntry]:
    """Pages that put themselves in the main menu (`menu: main` in front matter)."""
    entries = []
    for src_uri, post in sorted(plan.posts.items()):
        if src_uri in plan.translations:
            continue
        value = post.meta.theme.get("menu")
        weight = post.meta.weight or 0
        name = post.meta.link_title or post.title
        if value == "main" or (isinstance(value, list) and "main" in value):
            entries.append(
                hugo_mapping.MenuEntry(
                    name, page_ref=src_uri, weight=weight, source=f"{src_uri}: menu"
                )
            )
        elif isinstance(value, dict) and "main" in value:
            item = value["main"] if isinstance(value["main"], dict) else {}
            item_weight = item.get("weight", weight)
            entries.append(
                hugo_mapping.MenuEntry(
                    str(item.get("name") or name),
                    page_ref=src_uri,
                    weight=item_weight if isinstance(item_weight, int) else 0,
                    identifier=str(item.get("identifier") or name),
                    parent=item.get("parent") if isinstance(item.get("parent"), str) else None,
                    source=f"{src_uri}: menu",
                )
            )
    return entries
