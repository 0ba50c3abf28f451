"""`stepwise import hugo SITE_DIR`: a Hugo site's content, pictures and settings, as a Stepwise
site. See README "Importing" for what maps to what."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markdown.extensions.toc import slugify as toc_slugify

from ..blog import permalinks
from ..blog.redirects import redirect_page, relative_url
from ..posts import Post, decode, read_post
from ..series import slugify
from . import hugo_config, hugo_content, hugo_mapping, site_config
from .report import Report
from .writer import Output

POSTS_MARKER = "<!-- stepwise:posts -->"
TAGS_MARKER = "<!-- material/tags -->"
_SKIPPED_FOLDERS = {
    "layouts": "Hugo templates are not converted; the site uses Material with Stepwise's layout",
    "themes": "Hugo themes are not converted; the site uses Material with Stepwise's layout",
    "archetypes": "archetypes are templates for `hugo new`",
    "data": "Hugo data files are read by templates, which are not converted",
    "i18n": "Hugo translation strings belong to its templates",
    "assets": "Hugo Pipes assets (Sass, JavaScript bundles) belong to its templates",
    "resources": "Hugo's generated resources cache",
    "public": "Hugo's output; the site is built from content/ and static/ instead",
}


@dataclass
class _Plan:
    outputs: dict[str, Output] = field(default_factory=dict)
    """docs-relative target -> output."""
    origin: dict[str, str] = field(default_factory=dict)
    """docs-relative target -> source-relative file."""
    posts: dict[str, Post] = field(default_factory=dict)
    """docs-relative Markdown target -> the post as the plugin will read it."""
    translations: list[str] = field(default_factory=list)

    def add(self, target: str, output: Output, origin: str) -> None:
        self.outputs[target] = output
        self.origin[target] = origin

    def exists(self, target: str) -> bool:
        return target in self.outputs


def _material_languages() -> list[str]:
    import material

    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    return [path.stem for path in folder.glob("*.html")]


def _walk(folder: Path, report: Report, site: Path) -> list[Path]:
    """Every regular file below `folder`, sorted; hidden files and symbolic links skipped."""
    found: list[Path] = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.is_symlink():
            report.left_behind.append((relative, "a symbolic link; only regular files are copied"))
        elif path.is_file():
            found.append(path)
    return found


def import_hugo(site: Path, into: Path) -> tuple[list[Output], Report]:
    """Plan the import of the Hugo site at `site` into `into` (nothing is written here)."""
    report = Report("Hugo site", str(site), str(into))
    config = hugo_config.load(site)
    report.problems += config.problems
    settings = config.settings
    default_language, languages = hugo_mapping.languages(settings)
    codes = {lang.code: lang for lang in languages}
    taxonomies = hugo_mapping.taxonomies(settings)
    plan = _Plan()

    # --- content/ ---------------------------------------------------------------------------
    content_dir = hugo_mapping._text(settings.get("contentdir")) or "content"
    folders: list[tuple[str, str | None]] = []
    default_dir = codes[default_language].content_dir or content_dir
    folders.append((default_dir, None))
    for lang in languages[1:]:
        if lang.content_dir and lang.content_dir != default_dir:
            folders.append((lang.content_dir, lang.code))
    for folder_name, language in folders:
        folder = site / folder_name
        if not folder.is_dir():
            if language is None:
                report.problem(folder_name, "the site has no content folder")
            else:
                report.problem(folder_name, f"the content folder of '{language}' does not exist")
            continue
        for path in _walk(folder, report, site):
            rel = path.relative_to(folder).as_posix()
            origin = path.relative_to(site).as_posix()
            extension = path.suffix.lower()
            if extension in hugo_content.NOT_RENDERED:
                report.left_behind.append((origin, hugo_content.NOT_RENDERED[extension]))
                continue
            target = "docs/" + hugo_content.target_name(rel, language)
            if plan.exists(target):
                report.left_behind.append(
                    (origin, f"{plan.origin[target]} is copied to the same place, {target}")
                )
                continue
            plan.add(target, Output(target, source=path), origin)
            report.imported.append((origin, target))

    # --- static/ ----------------------------------------------------------------------------
    static_setting = settings.get("staticdir", "static")
    static_dirs = static_setting if isinstance(static_setting, list) else [static_setting]
    for static_name in [str(name) for name in static_dirs if isinstance(name, str)]:
        folder = site / static_name
        if not folder.is_dir():
            continue
        for path in _walk(folder, report, site):
            target = "docs/" + path.relative_to(folder).as_posix()
            origin = path.relative_to(site).as_posix()
            if plan.exists(target):
                report.left_behind.append(
                    (origin, f"the page file {plan.origin[target]} is copied to {target}")
                )
                continue
            plan.add(target, Output(target, source=path), origin)
            report.imported.append((origin, target))

    # --- what is not converted --------------------------------------------------------------
    for name, why in _SKIPPED_FOLDERS.items():
        if (site / name).is_dir():
            report.left_behind.append((f"{name}/", why))

    # --- read every page as the plugin will ------------------------------------------------
    timezone = hugo_mapping.valid_timezone(settings.get("timezone")) or "UTC"
    for target in sorted(plan.outputs):
        if not hugo_content.is_markdown(target):
            continue
        output = plan.outputs[target]
        text, problem = decode(output.data())
        src_uri = target.removeprefix("docs/")
        post = read_post(src_uri, text, timezone)
        plan.posts[src_uri] = post
        origin = plan.origin[target]
        if problem is not None:
            report.problem(origin, problem.message, problem.line)
        for issue in post.problems:
            report.problem(origin, issue.message, issue.line)
        if hugo_content.language_of(src_uri, codes) not in {None, default_language}:
            plan.translations.append(src_uri)

    # --- settings ---------------------------------------------------------------------------
    mapped = hugo_mapping.site_settings(
        settings,
        fallback_title=site.resolve().name,
        material_languages=_material_languages(),
        static_file=lambda value: next(
            (p for p in hugo_mapping.static_candidates(value) if plan.exists("docs/" + p)), None
        ),
    )
    hugo_mapping.permalinks(settings, taxonomies.values(), mapped)
    patterns: dict[str, str] = mapped.plugin.get("permalinks", {})
    for singular, plural in taxonomies.items():
        if plural in hugo_mapping.UNDERSTOOD_TAXONOMIES:
            mapped.map(f"taxonomies.{singular} = {plural}", f"front matter '{plural}'")
        else:
            mapped.leave(
                f"taxonomies.{singular} = {plural}",
                "Stepwise lists tags, categories and series only; the values stay in page.meta",
            )
    # Hugo taxonomies decide the series: folders are sections, not series.
    mapped.plugin["folder_series"] = False
    mapped.map("content sections", "stepwise folder_series: false (series come from `series`)")

    _home_and_sections(plan, settings, report, taxonomies)
    redirects = _old_addresses(plan, patterns, report, mapped, taxonomies)

    _check_site_links(plan, redirects, report)
    menu = hugo_mapping.menu_entries(settings, default_language) + _front_matter_menu(plan)
    nav = hugo_mapping.nav_from_menu(menu, lambda entry: _resolve(entry, plan, redirects), mapped)
    if nav:
        mapped.settings["nav"] = nav
    links = [
        entry for key in ("links", "misc") for entry in _named_menu(settings, key, default_language)
    ]
    social = hugo_mapping.social_links(links)
    if social:
        mapped.settings.setdefault("extra", {})["social"] = social
        mapped.map("menu.links", "extra.social (Material's footer links)")
    for entry in links:
        if not any(item["link"] == entry.url for item in social):
            mapped.leave(f"{entry.source}: {entry.name} ({entry.url})", _link_reason(entry.url))
    for src_uri in plan.translations:
        mapped.map(f"translation {src_uri}", "kept as a translation (Hugo filename suffix)")

    _check_pictures(plan, report)

    settings_out = site_config.base_settings()
    settings_out = site_config.merge(settings_out, mapped.settings)
    site_config.set_plugin_options(settings_out, mapped.plugin)
    report.mapped += mapped.mapped
    report.left_behind += mapped.left_behind
    outputs = list(plan.outputs.values())
    return outputs, _finish(outputs, settings_out, into, report)


def _finish(outputs: list[Output], settings: dict[str, Any], into: Path, report: Report) -> Report:
    outputs.append(config_output(settings, into, report))
    return report


# One wording for a new and a merged file, so that importing again gives the same IMPORT.md.
_CONFIG_WHY = "the site's configuration; an existing mkdocs.yml keeps its other settings"


def config_output(settings: dict[str, Any], into: Path, report: Report) -> Output:
    """mkdocs.yml: the imported settings, merged over an existing file when there is one."""
    existing = into / "mkdocs.yml"
    if existing.is_file():
        try:
            settings = site_config.merge(
                site_config.load(existing.read_text(encoding="utf-8")), settings
            )
            report.generated.append(("mkdocs.yml", _CONFIG_WHY))
        except (ValueError, UnicodeDecodeError, yaml.YAMLError) as error:
            report.problem("mkdocs.yml", f"the existing file cannot be read ({error}); kept")
            return Output("mkdocs.yml", content=existing.read_bytes())
    else:
        report.generated.append(("mkdocs.yml", _CONFIG_WHY))
    return Output("mkdocs.yml", content=site_config.dump(settings).encode())


def _home_and_sections(
    plan: _Plan, settings: dict[str, Any], report: Report, taxonomies: dict[str, str]
) -> None:
    """The home page lists the newest posts, and each section has a page at its address."""
    home = plan.posts.get("index.md")
    title = hugo_mapping._text(settings.get("title")) or "Home"
    if home is None:
        text = f"---\ntitle: {_yaml_text(title)}\n---\n\n{POSTS_MARKER}\n"
        _generate(plan, "docs/index.md", text, "the home page, listing the newest posts", report)
    elif POSTS_MARKER not in home.front.body:
        output = plan.outputs["docs/index.md"]
        text = output.data().decode("utf-8-sig", errors="replace").rstrip("\n")
        plan.outputs["docs/index.md"] = Output(
            "docs/index.md", content=f"{text}\n\n{POSTS_MARKER}\n".encode()
        )
        report.generated.append(
            ("docs/index.md", f"{plan.origin['docs/index.md']} with the newest posts listed below")
        )
    sections = sorted({uri.split("/", 1)[0] for uri in plan.posts if "/" in uri})
    for section in sections:
        if f"{section}/index.md" in plan.posts or any(
            plan.exists(f"docs/{section}/index.{ext}") for ext in ("markdown", "mdown")
        ):
            continue
        text = (
            f"---\ntitle: {_yaml_text(section.replace('-', ' ').title())}\n---\n\n{POSTS_MARKER}\n"
        )
        _generate(
            plan,
            f"docs/{section}/index.md",
            text,
            f"the section's list page at /{section}/, as Hugo made it",
            report,
        )
    if "tags" in taxonomies.values() and not (
        plan.exists("docs/tags.md") or "tags/index.md" in plan.posts
    ):
        text = f"---\ntitle: Tags\n---\n\n{TAGS_MARKER}\n"
        _generate(plan, "docs/tags.md", text, "the tags page (Material's tags plugin)", report)


def _yaml_text(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML strings.


def _generate(plan: _Plan, target: str, text: str, why: str, report: Report) -> None:
    plan.add(target, Output(target, content=text.encode()), "")
    src_uri = target.removeprefix("docs/")
    if hugo_content.is_markdown(target):
        plan.posts[src_uri] = read_post(src_uri, text)
    report.generated.append((target, why))


def _facts(post: Post) -> permalinks.PageFacts:
    return permalinks.PageFacts(post.src_uri, post.title, post.meta.date, post.meta.slug)


def _old_addresses(
    plan: _Plan,
    patterns: dict[str, str],
    report: Report,
    mapped: hugo_mapping.Mapped,
    taxonomies: dict[str, str],
) -> dict[str, str]:
    """Hugo address -> docs page for every page; redirects where MkDocs' address differs."""
    by_address: dict[str, str] = {}
    redirects: list[tuple[str, str, str]] = []  # (old address, new site path, title)
    for src_uri, post in sorted(plan.posts.items()):
        if src_uri in plan.translations:
            continue
        old = hugo_content.hugo_address(src_uri, _facts(post), post.meta.url, patterns)
        if old is None:
            continue
        by_address[old] = src_uri
        new = _mkdocs_address(src_uri, post, patterns)
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


def _taken(plan: _Plan, address: str) -> bool:
    """Whether a page of the imported site is published at `address` by default."""
    base = address.strip("/")
    candidates = [f"{base}.md", f"{base}/index.md"] if base else ["index.md"]
    return any(candidate in plan.posts for candidate in candidates)


def _mkdocs_address(src_uri: str, post: Post, patterns: dict[str, str]) -> str | None:
    """Where the plugin will publish the page (directory URLs)."""
    from ..blog import addresses

    if post.meta.url:
        dest: str | addresses.AddressError = addresses.url_destination(post.meta.url, True)
    elif (pattern := permalinks.pattern_for(src_uri, patterns)) is not None:
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


def _resolve(entry: hugo_mapping.MenuEntry, plan: _Plan, by_address: dict[str, str]) -> str | None:
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


def _named_menu(settings: dict[str, Any], name: str, language: str) -> list[hugo_mapping.MenuEntry]:
    entries = []
    for key in ("menu", "menus"):
        menus = settings.get(key)
        items = menus.get(name) if isinstance(menus, dict) else None
        if isinstance(items, list):
            for item in items:
                entry = hugo_mapping._entry(item, f"{key}.{name}")
                if entry is not None:
                    entries.append(entry)
    return entries


def _link_reason(url: str | None) -> str:
    if url and url.rstrip("/").endswith("index.xml"):
        return "Hugo's RSS feed; the site's feeds are feed.xml and feed.json"
    return "not a link to another site"


def _front_matter_menu(plan: _Plan) -> list[hugo_mapping.MenuEntry]:
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


def _check_pictures(plan: _Plan, report: Report) -> None:
    """Report every local picture a page names that the imported site does not have."""

    def exists(docs_path: str) -> bool:
        return plan.exists("docs/" + docs_path)

    for src_uri, post in sorted(plan.posts.items()):
        origin = plan.origin.get("docs/" + src_uri) or "docs/" + src_uri
        for key in ("coverImage", "thumbnailImage"):
            value = post.meta.theme.get(key)
            if isinstance(value, str) and value.strip():
                found = hugo_content.picture_resolves(value, src_uri, exists, from_root=True)
                if found is False:
                    line = post.front.key_lines.get(key.lower())
                    report.problem(origin, f"{key}: the picture '{value}' is not in the site", line)
        for line, url, shortcode in hugo_content.image_references(
            post.front.body, post.front.body_line
        ):
            found = hugo_content.picture_resolves(url, src_uri, exists, from_root=shortcode)
            if found is False:
                report.problem(origin, f"the picture '{url}' is not in the site", line)


def _check_site_links(plan: _Plan, by_address: dict[str, str], report: Report) -> None:
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
