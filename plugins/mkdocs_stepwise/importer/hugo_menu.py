"""Hugo menus: the main menu as MkDocs `nav`, Tranquilpeak's other menus as footer links."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from . import hugo_content, hugo_mapping
from .hugo_plan import Plan


@dataclass(frozen=True)
class MenuEntry:
    name: str
    url: str | None = None
    page_ref: str | None = None
    weight: int = 0
    identifier: str | None = None
    parent: str | None = None
    source: str = "menu.main"


def menu_entries(settings: Mapping[str, Any], language: str) -> list[MenuEntry]:
    """The main menu of the site's configuration (the language's own menu when it has one)."""
    entries: list[MenuEntry] = []
    lang_table = settings.get("languages", {})
    lang = lang_table.get(language, {}) if isinstance(lang_table, dict) else {}
    for scope, where in (
        (lang if isinstance(lang, dict) else {}, f"languages.{language}."),
        (settings, ""),
    ):
        for key in ("menu", "menus"):
            menus = scope.get(key)
            main = menus.get("main") if isinstance(menus, dict) else None
            if isinstance(main, list):
                entries += [
                    e for e in (menu_entry(item, f"{where}{key}.main") for item in main) if e
                ]
        if entries:
            break
    return entries


def menu_entry(item: Any, source: str) -> MenuEntry | None:
    if not isinstance(item, dict):
        return None
    name = hugo_mapping.text_value(item.get("name")) or hugo_mapping.text_value(
        item.get("identifier")
    )
    if name is None:
        return None
    weight = item.get("weight")
    return MenuEntry(
        name,
        url=hugo_mapping.text_value(item.get("url")),
        page_ref=hugo_mapping.text_value(item.get("pageref")),
        weight=weight if isinstance(weight, int) and not isinstance(weight, bool) else 0,
        identifier=hugo_mapping.text_value(item.get("identifier")) or name,
        parent=hugo_mapping.text_value(item.get("parent")),
        source=source,
    )


def nav_from_menu(
    entries: list[MenuEntry], resolve: Callable[[MenuEntry], str | None], out: hugo_mapping.Mapped
) -> list[Any]:
    """MkDocs `nav` for the menu: pages it can find, external links; the rest reported."""
    ordered = sorted(entries, key=lambda e: (e.weight == 0, e.weight, e.name.lower()))
    children: dict[str, list[MenuEntry]] = {}
    for entry in ordered:
        if entry.parent:
            children.setdefault(entry.parent, []).append(entry)

    def item(entry: MenuEntry) -> Any:
        below = [
            i for i in (item(child) for child in children.get(entry.identifier or "", [])) if i
        ]
        target = resolve(entry)
        label = f"{entry.source}: {entry.name} ({entry.page_ref or entry.url or 'no address'})"
        if below:
            out.map(label, f"nav section '{entry.name}'")
            return {entry.name: ([target] if target else []) + below}
        if target is None:
            out.leave(label, "not a page of the imported site")
            return None
        out.map(label, f"nav: {target}")
        return {entry.name: target}

    known = {entry.identifier for entry in ordered}
    tops = [entry for entry in ordered if not entry.parent or entry.parent not in known]
    return [i for i in (item(entry) for entry in tops) if i is not None]


_SOCIAL_ICONS = {
    "github.com": "fontawesome/brands/github",
    "gitlab.com": "fontawesome/brands/gitlab",
    "twitter.com": "fontawesome/brands/x-twitter",
    "x.com": "fontawesome/brands/x-twitter",
    "linkedin.com": "fontawesome/brands/linkedin",
    "stackoverflow.com": "fontawesome/brands/stack-overflow",
    "facebook.com": "fontawesome/brands/facebook",
    "instagram.com": "fontawesome/brands/instagram",
    "youtube.com": "fontawesome/brands/youtube",
    "mastodon.social": "fontawesome/brands/mastodon",
}


def social_links(entries: Iterable[MenuEntry]) -> list[dict[str, str]]:
    """Material's `extra.social` for Tranquilpeak's `menu.links` that point to other sites."""
    social = []
    for entry in sorted(entries, key=lambda e: (e.weight, e.name)):
        url = entry.url or ""
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https", "mailto"}:
            continue
        host = parts.netloc.lower().removeprefix("www.")
        icon = _SOCIAL_ICONS.get(
            host,
            "fontawesome/solid/envelope" if parts.scheme == "mailto" else "fontawesome/solid/link",
        )
        social.append({"icon": icon, "link": url, "name": entry.name})
    return social


def resolve(entry: MenuEntry, plan: Plan, by_address: dict[str, str]) -> str | None:
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


def named_menu(settings: dict[str, Any], name: str, language: str) -> list[MenuEntry]:
    entries = []
    for key in ("menu", "menus"):
        menus = settings.get(key)
        items = menus.get(name) if isinstance(menus, dict) else None
        if isinstance(items, list):
            for item in items:
                entry = menu_entry(item, f"{key}.{name}")
                if entry is not None:
                    entries.append(entry)
    return entries


def link_reason(url: str | None) -> str:
    if url and url.rstrip("/").endswith("index.xml"):
        return "Hugo's RSS feed; the site's feeds are feed.xml and feed.json"
    return "not a link to another site"


def front_matter_menu(plan: Plan) -> list[MenuEntry]:
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
                MenuEntry(name, page_ref=src_uri, weight=weight, source=f"{src_uri}: menu")
            )
        elif isinstance(value, dict) and "main" in value:
            item = value["main"] if isinstance(value["main"], dict) else {}
            item_weight = item.get("weight", weight)
            entries.append(
                MenuEntry(
                    str(item.get("name") or name),
                    page_ref=src_uri,
                    weight=item_weight if isinstance(item_weight, int) else 0,
                    identifier=str(item.get("identifier") or name),
                    parent=item.get("parent") if isinstance(item.get("parent"), str) else None,
                    source=f"{src_uri}: menu",
                )
            )
    return entries
