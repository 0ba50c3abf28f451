"""Hugo settings to MkDocs settings: pure functions over the lower-cased Hugo configuration.

Each function returns what it mapped and what it left behind (with the reason), so the report
can say exactly what became of every setting.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..blog.permalinks import check_pattern
from ..blog.tranquilpeak import THUMBNAIL_POSITIONS

DEFAULT_TAXONOMIES = {"tag": "tags", "category": "categories"}
# Front matter keys Stepwise reads as taxonomies (the plural names Hugo uses by default).
UNDERSTOOD_TAXONOMIES = {"tags", "categories", "series"}

# Settings that only shape Hugo's build or its theme; they are listed as left behind.
_HUGO_ONLY = {
    "theme": "Hugo themes are not converted; the site uses Material with Stepwise's layout",
    "themesdir": "Hugo themes are not converted",
    "outputs": "Hugo output formats; Stepwise writes HTML pages, feed.xml and feed.json",
    "outputformats": "Hugo output formats",
    "mediatypes": "Hugo media types",
    "markup": "Hugo's Markdown renderer settings; the site uses Python-Markdown's extensions",
    "pygmentscodefences": "code highlighting is pymdownx.highlight's",
    "pygmentsstyle": "code highlighting is pymdownx.highlight's",
    "pygmentsuseclasses": "code highlighting is pymdownx.highlight's",
    "publishdir": "MkDocs writes to site/ (site_dir)",
    "contentdir": "its files were copied into docs/",
    "staticdir": "its files were copied into docs/",
    "layoutdir": "Hugo templates are not converted",
    "archetypedir": "archetypes are templates for `hugo new`",
    "datadir": "Hugo data files are read by templates, which are not converted",
    "i18ndir": "Hugo translation strings belong to its templates",
    "module": "Hugo modules are not converted",
    "disqusshortname": "Material shows comments only through a template override",
    "enableemoji": "emoji shortcodes need pymdownx.emoji, which the site does not enable",
    "summarylength": "teasers end at <!--more-->, else `summary`, else the opening words",
    "enablerobotstxt": "MkDocs writes no robots.txt",
    "enablegitinfo": "dates come from front matter only",
    "disablekinds": "every kind of page is built",
    "related": "related content is a Hugo template feature",
    "imaging": "Hugo image processing is not converted",
    "minify": "MkDocs does not minify",
    "privacy": "Hugo's privacy settings belong to its templates",
    "services": "Hugo's services belong to its templates",
    "sitemap": "MkDocs writes sitemap.xml itself",
    "security": "Hugo's security policy",
    "build": "Hugo build settings",
    "caches": "Hugo build settings",
    "frontmatter": "Stepwise reads date, publishDate, expiryDate and lastmod as Hugo does",
    "canonifyurls": "absolute links are resolved against docs/ instead",
    "relativeurls": "MkDocs writes relative links",
    "buildfuture": "see the plugin's `future` option",
    "builddrafts": "see the plugin's `drafts` option",
    "buildexpired": "see the plugin's `expired` option",
}
# Settings mapped by `site_settings` itself.
_MAPPED = {
    "title",
    "baseurl",
    "copyright",
    "languagecode",
    "defaultcontentlanguage",
    "defaultcontentlanguageinsubdir",
    "languages",
    "menu",
    "menus",
    "taxonomies",
    "permalinks",
    "params",
    "author",
    "paginate",
    "pagination",
    "timezone",
    "uglyurls",
    "googleanalytics",
}


@dataclass
class Mapped:
    """The result of mapping: MkDocs settings, plugin options, and the report's lines."""

    settings: dict[str, Any] = field(default_factory=dict)
    plugin: dict[str, Any] = field(default_factory=dict)
    mapped: list[tuple[str, str]] = field(default_factory=list)
    left_behind: list[tuple[str, str]] = field(default_factory=list)

    def map(self, source: str, target: str) -> None:
        self.mapped.append((source, target))

    def leave(self, source: str, why: str) -> None:
        self.left_behind.append((source, why))


@dataclass(frozen=True)
class Language:
    code: str
    content_dir: str | None = None
    """The folder of this language's content, when the site keeps one per language."""
    name: str | None = None
    weight: int = 0


def text_value(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def material_language(code: str, available: Iterable[str]) -> str | None:
    """Material's name for a Hugo language code: `en-us` → `en`, `pt-br` → `pt-BR`."""
    by_lower = {name.lower(): name for name in available}
    wanted = code.strip().lower().replace("_", "-")
    if wanted in by_lower:
        return by_lower[wanted]
    base = wanted.split("-", 1)[0]
    return by_lower.get(base)


def languages(settings: Mapping[str, Any]) -> tuple[str, list[Language]]:
    """The default language code and every configured language (the default first)."""
    default = text_value(settings.get("defaultcontentlanguage"))
    table = settings.get("languages")
    found: list[Language] = []
    if isinstance(table, dict):
        for code, entry in table.items():
            entry = entry if isinstance(entry, dict) else {}
            weight = entry.get("weight")
            found.append(
                Language(
                    str(code),
                    text_value(entry.get("contentdir")),
                    text_value(entry.get("languagename")),
                    weight if isinstance(weight, int) and not isinstance(weight, bool) else 0,
                )
            )
    if default is None:
        default = (
            min(found, key=lambda lang: lang.weight).code
            if len(found) > 1
            else found[0].code
            if found
            else text_value(settings.get("languagecode")) or "en"
        )
    default = default.lower()
    if not any(lang.code == default for lang in found):
        found.append(Language(default))
    found.sort(key=lambda lang: (lang.code != default, lang.weight, lang.code))
    return default, found


def taxonomies(settings: Mapping[str, Any]) -> dict[str, str]:
    """Singular → plural taxonomy names (Hugo's defaults when the site names none)."""
    table = settings.get("taxonomies")
    if not isinstance(table, dict):
        return dict(DEFAULT_TAXONOMIES)
    return {str(k): str(v).lower() for k, v in table.items() if text_value(v)}


def permalinks(settings: Mapping[str, Any], plural_taxonomies: Iterable[str], out: Mapped) -> None:
    """Hugo's `[permalinks]` (old form, or `[permalinks.page]`) as the plugin's `permalinks`."""
    table = settings.get("permalinks")
    if not isinstance(table, dict):
        return
    terms = set(plural_taxonomies)
    pages: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            if key == "page":
                pages |= {str(k): v for k, v in value.items() if isinstance(v, str)}
            else:
                out.leave(
                    f"permalinks.{key}",
                    "only the addresses of pages are kept; lists and terms have Stepwise's own",
                )
            continue
        if not isinstance(value, str):
            continue
        if key in terms:
            out.leave(
                f"permalinks.{key}",
                "taxonomy pages have Stepwise's addresses (tags page, categories/<name>/)",
            )
            continue
        pages[str(key)] = value
    for section, pattern in pages.items():
        problem = check_pattern(pattern)
        if problem is not None:
            out.leave(f"permalinks.{section}", f"{problem}; its pages keep their folder address")
            continue
        out.plugin.setdefault("permalinks", {})[section] = pattern
        out.map(f"permalinks.{section} = {pattern}", f"stepwise permalinks: {section}: {pattern}")


def valid_timezone(value: Any) -> str | None:
    """`value` when it names a time zone Python knows, else None."""
    zone = text_value(value)
    if zone is None:
        return None
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return zone


def site_url(value: Any) -> str | None:
    """An absolute http(s) base URL with a trailing slash, or None."""
    text = text_value(value)
    if text is None:
        return None
    parts = urlsplit(text)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    return text if text.endswith("/") else text + "/"


def _author(settings: Mapping[str, Any]) -> str | None:
    params = settings.get("params") if isinstance(settings.get("params"), dict) else {}
    assert isinstance(params, dict)
    for value in (settings.get("author"), params.get("author")):
        if isinstance(value, dict):
            name = text_value(value.get("name"))
            if name:
                return name
        elif text_value(value):
            return text_value(value)
    return None


def site_settings(
    settings: Mapping[str, Any],
    *,
    fallback_title: str,
    material_languages: Iterable[str],
    static_file: Callable[[str], str | None],
) -> Mapped:
    """Everything but navigation and addresses: title, URL, author, language, params, …"""
    out = Mapped()
    title = text_value(settings.get("title"))
    out.settings["site_name"] = title or fallback_title
    out.map(
        "title",
        f"site_name: {out.settings['site_name']}"
        if title
        else "site_name: the folder's name (no title)",
    )
    url = site_url(settings.get("baseurl"))
    if url:
        out.settings["site_url"] = url
        out.map("baseURL", f"site_url: {url}")
    elif settings.get("baseurl") is not None:
        out.leave(
            "baseURL", "not an absolute http(s) address; set site_url for feeds and canonical links"
        )
    params = settings.get("params") if isinstance(settings.get("params"), dict) else {}
    assert isinstance(params, dict)
    description = text_value(params.get("description")) or text_value(params.get("subtitle"))
    if description:
        out.settings["site_description"] = description
        out.map("params.description", "site_description")
    author = _author(settings)
    if author:
        out.settings["site_author"] = author
        out.map("author.name", f"site_author: {author}")
    copyright_text = text_value(settings.get("copyright"))
    if copyright_text:
        out.settings["copyright"] = copyright_text.replace("{year}", str(dt.date.today().year))
        out.map("copyright", "copyright")
    default, langs = languages(settings)
    material = material_language(default, material_languages)
    if material:
        out.settings.setdefault("theme", {})["language"] = material
        out.map(f"default language {default}", f"theme.language: {material}")
    else:
        out.leave(f"default language {default}", "Material has no such language; English is used")
    for lang in langs[1:]:
        out.map(
            f"languages.{lang.code}",
            f"translations: pages named *.{lang.code}.md",
        )
    if settings.get("defaultcontentlanguageinsubdir") is True:
        out.leave(
            "defaultContentLanguageInSubdir",
            f"pages of '{default}' are at the site root, not under /{default}/",
        )
    if settings.get("uglyurls") is True:
        out.settings["use_directory_urls"] = False
        out.map("uglyURLs = true", "use_directory_urls: false")
    zone = valid_timezone(settings.get("timezone"))
    if zone:
        out.plugin["timezone"] = zone
        out.map("timeZone", f"stepwise timezone: {zone}")
    elif settings.get("timezone") is not None:
        out.leave("timeZone", f"'{settings.get('timezone')}' is not a known time zone")
    per_page = settings.get("paginate")
    pagination = settings.get("pagination")
    if isinstance(pagination, dict):
        per_page = pagination.get("pagersize", per_page)
    if isinstance(per_page, int) and not isinstance(per_page, bool) and per_page > 0:
        out.plugin["posts_per_page"] = per_page
        out.map("paginate", f"stepwise posts_per_page: {per_page}")
    analytics = text_value(settings.get("googleanalytics"))
    if analytics and analytics.upper().startswith("G-"):
        out.settings.setdefault("extra", {})["analytics"] = {
            "provider": "google",
            "property": analytics,
        }
        out.map("googleAnalytics", "extra.analytics (Material)")
    elif analytics:
        out.leave("googleAnalytics", "Universal Analytics (UA-) stopped collecting data in 2023")
    favicon = text_value(params.get("favicon"))
    if favicon:
        found = static_file(favicon)
        if found:
            out.settings.setdefault("theme", {})["favicon"] = found
            out.map("params.favicon", f"theme.favicon: {found}")
        else:
            out.leave("params.favicon", f"'{favicon}' is not a file of the site")
    defaults = post_defaults(params, out)
    if defaults:
        out.plugin["post_defaults"] = defaults
    for key in sorted(params):
        if key not in {"description", "subtitle", "author", "favicon"} | set(_POST_DEFAULTS):
            out.leave(f"params.{key}", _param_reason(key))
    for key in sorted(settings):
        if key in _MAPPED:
            continue
        out.leave(key, _HUGO_ONLY.get(key, "a Hugo setting with no MkDocs counterpart"))
    return out


# Tranquilpeak's site-wide params that are defaults of post keys Stepwise reads.
_POST_DEFAULTS = {
    "clearreading": ("clearReading", None),
    "autothumbnailimage": ("autoThumbnailImage", None),
    "thumbnailimageposition": ("thumbnailImagePosition", set(THUMBNAIL_POSITIONS)),
}


def post_defaults(params: Mapping[str, Any], out: Mapped) -> dict[str, Any]:
    """Tranquilpeak's `clearReading`, `autoThumbnailImage` and `thumbnailImagePosition` as the
    plugin's `post_defaults`; a value Tranquilpeak would not accept is reported."""
    found: dict[str, Any] = {}
    for lower, (key, choices) in _POST_DEFAULTS.items():
        if lower not in params:
            continue
        value = params[lower]
        if choices is None and isinstance(value, bool):
            found[key] = value
        elif choices is not None and isinstance(value, str) and value.strip().lower() in choices:
            found[key] = value.strip().lower()
        else:
            out.leave(f"params.{key}", f"{value!r} is not a value Tranquilpeak accepts")
            continue
        out.map(f"params.{key}", f"stepwise post_defaults: {key}: {found[key]}")
    return found


_TRANQUILPEAK_LAYOUT = {
    "sidebarbehavior",
    "covermeta",
    "coverimage",
    "imagegallery",
    "hierarchicalcategories",
    "syntaxhighlighter",
    "sharingoptions",
    "datepicker",
    "dateformat",
    "header",
    "footer",
    "customcss",
    "customjs",
    "keywords",
}


def _param_reason(key: str) -> str:
    if key in _TRANQUILPEAK_LAYOUT:
        return "a Tranquilpeak layout setting; Material's layout has no counterpart"
    return "a theme parameter; Hugo templates read it, and they are not converted"


def static_candidates(value: str) -> list[str]:
    """Docs-relative paths a theme's `static`-relative value can mean."""
    path = posixpath.normpath("/" + value.strip()).lstrip("/")
    return [path] if path and not re.match(r"^[a-z][a-z0-9+.-]*:", value.strip(), re.I) else []
