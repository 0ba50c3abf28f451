"""`stepwise import hugo SITE_DIR`: a Hugo site's content, pictures and settings, as a Stepwise
site. See README "Importing" for what maps to what."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

import yaml

from ..frontmatter import yaml_block
from ..posts import decode, read_post
from . import hugo_addresses, hugo_config, hugo_content, hugo_mapping, hugo_menu, site_config
from .hugo_plan import Plan
from .report import Report
from .writer import ImportRefused, Output

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


def _material_languages() -> list[str]:
    import material

    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    return [path.stem for path in folder.glob("*.html")]


def _inside(site: Path, folder: Path, report: Report) -> Path | None:
    """A folder the configuration names, as a path below `site`; None when it is elsewhere
    (never read there).

    Spelt below `site` so that its files' paths relative to the site can be taken, even when
    the configuration names it absolutely (`contentDir = "/srv/blog/content"`)."""
    root = site.resolve()
    target = folder.resolve()
    if target == root or root in target.parents:
        return site / target.relative_to(root)
    # `site / "/srv/content"` is the absolute path itself, which `relative_to` refuses.
    shown = folder.relative_to(site) if folder.is_relative_to(site) else folder
    report.left_behind.append(
        (shown.as_posix(), "outside the site's folder; the import reads only inside it")
    )
    return None


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
    if not config.files and not (site / "content").is_dir():
        raise ImportRefused(
            f"{site} is not a Hugo site: it has neither a configuration "
            "(hugo.toml, config.toml, config.yaml, config.json) nor a content/ folder"
        )
    config_dir = site / "config"
    if config_dir.is_dir():
        for environment in sorted(config_dir.iterdir()):
            if environment.is_dir() and environment.name != "_default":
                report.left_behind.append(
                    (
                        f"config/{environment.name}/",
                        "settings for one Hugo environment; config/_default/ was read",
                    )
                )
    report.problems += config.problems
    settings = config.settings
    default_language, languages = hugo_mapping.languages(settings)
    codes = {lang.code: lang for lang in languages}
    taxonomies = hugo_mapping.taxonomies(settings)
    plan = Plan()

    _copy_content(site, settings, languages, plan, report)
    _copy_static(site, settings, plan, report)
    for name, why in _SKIPPED_FOLDERS.items():
        if (site / name).is_dir():
            report.left_behind.append((f"{name}/", why))
    _read_pages(plan, settings, codes, default_language, report)
    mapped = _map_settings(site, settings, taxonomies, plan)
    patterns: dict[str, str] = mapped.plugin.get("permalinks", {})
    _home_and_sections(plan, settings, report, taxonomies)
    redirects = hugo_addresses.old_addresses(plan, patterns, report, mapped, taxonomies)
    published = hugo_addresses.published_addresses(plan, patterns)
    hugo_addresses.check_links(plan, redirects, published, report)
    _navigation(settings, default_language, plan, redirects, mapped)
    _check_pictures(plan, report)

    settings_out = site_config.base_settings()
    settings_out = site_config.merge(settings_out, mapped.settings)
    site_config.set_plugin_options(settings_out, mapped.plugin)
    report.mapped += mapped.mapped
    report.left_behind += mapped.left_behind
    outputs = list(plan.outputs.values())
    return outputs, _finish(outputs, settings_out, into, report)


def _copy_content(
    site: Path,
    settings: dict[str, Any],
    languages: list[hugo_mapping.Language],
    plan: Plan,
    report: Report,
) -> None:
    """content/ (and each language's own content folder) into docs/."""
    content_dir = hugo_mapping.text_value(settings.get("contentdir")) or "content"
    folders: list[tuple[str, str | None]] = []
    default_dir = languages[0].content_dir or content_dir
    folders.append((default_dir, None))
    for lang in languages[1:]:
        if lang.content_dir and lang.content_dir != default_dir:
            folders.append((lang.content_dir, lang.code))
    for folder_name, language in folders:
        inside = _inside(site, site / folder_name, report)
        if inside is None:
            continue
        folder = inside
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


def _copy_static(site: Path, settings: dict[str, Any], plan: Plan, report: Report) -> None:
    """static/ (`staticDir`) into docs/, so `/images/x.jpg` resolves as it did."""
    static_setting = settings.get("staticdir", "static")
    static_dirs = static_setting if isinstance(static_setting, list) else [static_setting]
    for static_name in [str(name) for name in static_dirs if isinstance(name, str)]:
        folder = _inside(site, site / static_name, report)
        if folder is None or not folder.is_dir():
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


def _read_pages(
    plan: Plan,
    settings: dict[str, Any],
    codes: dict[str, hugo_mapping.Language],
    default_language: str,
    report: Report,
) -> None:
    """Read every Markdown page as the plugin will, and note translations."""
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


def _map_settings(
    site: Path, settings: dict[str, Any], taxonomies: dict[str, str], plan: Plan
) -> hugo_mapping.Mapped:
    """The configuration as MkDocs settings and plugin options (addresses included)."""
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
    for section, pattern in hugo_addresses.default_patterns(plan, patterns).items():
        patterns[section] = pattern
        mapped.map(
            f"Hugo's addresses in {section}",
            f"stepwise permalinks: {section}: {pattern} (file names urlized, as Hugo did)",
        )
    if patterns:
        mapped.plugin["permalinks"] = patterns
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

    return mapped


def _navigation(
    settings: dict[str, Any],
    default_language: str,
    plan: Plan,
    redirects: dict[str, str],
    mapped: hugo_mapping.Mapped,
) -> None:
    """The main menu as `nav`, Tranquilpeak's other menus as footer links, translations."""
    menu = hugo_menu.menu_entries(settings, default_language) + hugo_menu.front_matter_menu(plan)
    nav = hugo_menu.nav_from_menu(
        menu, lambda entry: hugo_menu.resolve(entry, plan, redirects), mapped
    )
    if nav:
        mapped.settings["nav"] = nav
    links = [
        entry
        for key in ("links", "misc")
        for entry in hugo_menu.named_menu(settings, key, default_language)
    ]
    social = hugo_menu.social_links(links)
    if social:
        mapped.settings.setdefault("extra", {})["social"] = social
        mapped.map("menu.links", "extra.social (Material's footer links)")
    for entry in links:
        if not any(item["link"] == entry.url for item in social):
            mapped.leave(
                f"{entry.source}: {entry.name} ({entry.url})", hugo_menu.link_reason(entry.url)
            )
    for src_uri in plan.translations:
        mapped.map(f"translation {src_uri}", "kept as a translation (Hugo filename suffix)")


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
    plan: Plan, settings: dict[str, Any], report: Report, taxonomies: dict[str, str]
) -> None:
    """The home page lists the newest posts, and each section has a page at its address."""
    home = plan.posts.get("index.md")
    title = hugo_mapping.text_value(settings.get("title")) or "Home"
    if home is None:
        text = f"{yaml_block({'title': title})}\n{POSTS_MARKER}\n"
        _generate(plan, "docs/index.md", text, "the home page, listing the newest posts", report)
    # Hugo's list pages (`_index.md`) show their posts under their text.
    for src_uri, post in sorted(plan.posts.items()):
        origin = plan.origin.get(f"docs/{src_uri}", "")
        if posixpath.basename(origin).startswith("_index.") and POSTS_MARKER not in post.front.body:
            _list_posts(plan, f"docs/{src_uri}", report)
    sections = sorted({uri.split("/", 1)[0] for uri in plan.posts if "/" in uri})
    for section in sections:
        if f"{section}/index.md" in plan.posts or any(
            plan.exists(f"docs/{section}/index.{ext}") for ext in ("markdown", "mdown")
        ):
            continue
        text = f"{yaml_block({'title': section.replace('-', ' ').title()})}\n{POSTS_MARKER}\n"
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


def _list_posts(plan: Plan, target: str, report: Report) -> None:
    """Append the list of newest posts to a copied list page, as Hugo showed it."""
    text = plan.outputs[target].data().decode("utf-8-sig", errors="replace").rstrip("\n")
    plan.outputs[target] = Output(target, content=f"{text}\n\n{POSTS_MARKER}\n".encode())
    report.generated.append((target, f"{plan.origin[target]} with the newest posts listed below"))


def _generate(plan: Plan, target: str, text: str, why: str, report: Report) -> None:
    plan.add(target, Output(target, content=text.encode()), "")
    src_uri = target.removeprefix("docs/")
    if hugo_content.is_markdown(target):
        plan.posts[src_uri] = read_post(src_uri, text)
    report.generated.append((target, why))


def _check_pictures(plan: Plan, report: Report) -> None:
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
