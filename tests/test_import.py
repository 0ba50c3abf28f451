"""`stepwise import`: fixture Hugo sites and scenario repositories, imported and built.

Each fixture under tests/fixtures/import/ is imported once per module into a temporary
folder, then built under --strict with the real MkDocs; the tests read what a reader would see.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from mkdocs_stepwise.cli import main
from mkdocs_stepwise.importer.report import Report, escape_markdown
from mkdocs_stepwise.importer.site_config import base_settings, merge, set_plugin_options

from .conftest import REPO, PluginWarnings, tree_hash

FIXTURES = Path(__file__).parent / "fixtures" / "import"
# The tests build the imported sites themselves; the trial build has its own test.
NO_BUILD = ["--no-build"]


def _build(site: Path, strict: bool = True) -> Path:
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(config_file=str(site / "mkdocs.yml"), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build.build(config)
    finally:
        config.plugins.on_shutdown()
    return site / "site"


class Imported:
    def __init__(self, source: Path, into: Path, output: str) -> None:
        self.source = source
        self.into = into
        self.output = output

    @property
    def config(self) -> dict[str, Any]:
        loaded: dict[str, Any] = yaml.safe_load(
            (self.into / "mkdocs.yml").read_text(encoding="utf-8")
        )
        return loaded

    def html(self, path: str) -> BeautifulSoup:
        page = self.into / "site" / path
        if path.endswith("/") or path == "":
            page = page / "index.html"
        return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")

    def resolves(self, page: str, url: str) -> bool:
        folder = (
            (self.into / "site" / page).parent
            if not page.endswith("/")
            else self.into / "site" / page
        )
        return (folder / url.split("#")[0]).resolve().is_file()


def _import(
    tmp: Path, capsys: pytest.CaptureFixture[str], kind: str, fixture: str, *extra: str
) -> Imported:
    source = tmp / "source"
    shutil.copytree(FIXTURES / fixture, source)
    into = tmp / "site"
    assert main(["import", kind, str(source), *extra, "--into", str(into), *NO_BUILD]) == 0
    return Imported(source, into, capsys.readouterr().out)


def _import_module(
    tmp_path_factory: pytest.TempPathFactory, kind: str, fixture: str, *extra: str
) -> Imported:
    import contextlib
    import io

    tmp = tmp_path_factory.mktemp(fixture)
    source = tmp / "source"
    shutil.copytree(FIXTURES / fixture, source)
    into = tmp / "site"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["import", kind, str(source), *extra, "--into", str(into), *NO_BUILD]) == 0
    return Imported(source, into, out.getvalue())


@pytest.fixture(scope="module")
def toml_site(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    imported = _import_module(tmp_path_factory, "hugo", "hugo-toml")
    _build(imported.into)
    return imported


# --- the Tranquilpeak blog (TOML) ------------------------------------------------------------


def test_settings_map_to_mkdocs_yml(toml_site: Imported) -> None:
    config = toml_site.config
    assert config["site_name"] == "Field Notes"
    assert config["site_url"] == "https://blog.example.test/"
    assert config["site_author"] == "Ada Example"
    assert config["site_description"] == "Notes from the field"
    assert config["copyright"] == "© Ada Example"
    assert config["theme"]["language"] == "en"
    assert config["theme"]["favicon"] == "favicon.png"
    stepwise = next(p["stepwise"] for p in config["plugins"] if isinstance(p, dict))
    assert stepwise["permalinks"] == {"post": "/:year/:month/:slug/"}
    assert stepwise["posts_per_page"] == 7
    assert stepwise["folder_series"] is False
    assert stepwise["post_defaults"] == {"clearReading": True}
    assert config["extra"]["social"] == [
        {
            "icon": "fontawesome/brands/github",
            "link": "https://github.com/example",
            "name": "GitHub",
        }
    ]


def test_the_site_looks_like_stepwise(toml_site: Imported) -> None:
    """Same theme set-up and Markdown extensions as the repository's own site."""
    ours = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    imported = yaml.load((toml_site.into / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert imported["markdown_extensions"] == ours["markdown_extensions"]
    for key in ("features", "palette", "name"):
        assert imported["theme"][key] == ours["theme"][key]
    base = base_settings()
    assert [p if isinstance(p, str) else next(iter(p)) for p in base["plugins"]] == ours["plugins"]


def test_posts_keep_their_hugo_addresses(toml_site: Imported) -> None:
    site = toml_site.into / "site"
    assert (site / "2020/07/learning-go/index.html").is_file()
    assert (site / "2019/02/my-tools/index.html").is_file()  # slug fills :slug
    assert (site / "2018/05/a-trip-as-a-page-bundle/index.html").is_file()
    assert (site / "post/index.html").is_file()  # the section's _index.md
    section = toml_site.html("post/").get_text(" ")
    assert "Every note, newest first." in section and "Learning Go" in section
    assert (site / "colophon/index.html").is_file()
    title = toml_site.html("2020/07/learning-go/").find("h1")
    assert title is not None and "Learning Go" in title.get_text()
    # Tranquilpeak's site-wide clearReading = true: posts hide both sidebars.
    sidebars = toml_site.html("2020/07/learning-go/").select(".md-sidebar")
    assert sidebars and all(sidebar.has_attr("hidden") for sidebar in sidebars)


def test_links_written_as_addresses_lead_to_the_page(toml_site: Imported) -> None:
    page = toml_site.html("2020/07/learning-go/")
    link = page.find("a", string="note on tools")
    assert link is not None and link["href"] == "../../../2019/02/my-tools/#editors"


def test_pictures_resolve_as_in_hugo(toml_site: Imported) -> None:
    page = toml_site.html("2020/07/learning-go/")
    sources = [img["src"] for img in page.select("article img")]
    assert any(src.endswith("images/diagram.gif") for src in sources)
    for src in sources:
        if not src.startswith(("http", "//")):
            assert toml_site.resolves("2020/07/learning-go/", src), src
    bundle = toml_site.html("2018/05/a-trip-as-a-page-bundle/")
    view = [img["src"] for img in bundle.select("article img") if "view" in img["src"]]
    assert view and toml_site.resolves("2018/05/a-trip-as-a-page-bundle/", view[0])


def test_the_menu_becomes_the_navigation(toml_site: Imported) -> None:
    assert toml_site.config["nav"] == [
        {"Home": "index.md"},
        {"Categories": "categories/index.md"},
        {"Tags": "tags.md"},
        {"Archives": "archive/index.md"},
        {"Colophon": "colophon.md"},
    ]
    labels = [
        a.get_text(" ", strip=True)
        for a in toml_site.html("").select(".md-nav--primary a.md-nav__link")
    ]
    for label in ("Home", "Categories", "Tags", "Archives", "Colophon"):
        assert label in labels


def test_old_list_addresses_answer(toml_site: Imported) -> None:
    site = toml_site.into / "site"
    archives = (site / "archives/index.html").read_text()
    assert "url=../archive/" in archives
    # Series addresses keep their letters, as Hugo's did: the landing page is at the old address.
    series = (site / "series/reisen-über-land/index.html").read_text()
    assert "Reisen über Land" in series and "stepwise-landing" in series
    tag = (site / "tags/command-line/index.html").read_text()
    assert 'href="../#tag:command-line"' in tag


def test_home_lists_the_posts(toml_site: Imported) -> None:
    home = toml_site.html("")
    text = home.get_text(" ")
    assert "Learning Go" in text and "Tools I use" in text


def test_the_report_says_what_was_left_behind(toml_site: Imported) -> None:
    report = (toml_site.into / "IMPORT.md").read_text(encoding="utf-8")
    for line in (
        "layouts/",
        "themes/",
        "archetypes/",
        "disqusshortname",
        "params\\.sidebarbehavior",
    ):
        assert line in report, line
    assert "menu\\.main: About \\(/\\#about\\)" in report
    assert "Universal Analytics" in report
    assert "No problems found" in toml_site.output


def test_a_second_import_changes_nothing(toml_site: Imported, tmp_path: Path) -> None:
    before_source = tree_hash(toml_site.source)
    # Leave out the build output: compare the files the import writes.
    shutil.rmtree(toml_site.into / "site", ignore_errors=True)
    before = tree_hash(toml_site.into)
    (toml_site.into / "docs/colophon.md").write_text("Edited by the author.\n")
    edited = tree_hash(toml_site.into)
    again = ["import", "hugo", str(toml_site.source), "--into", str(toml_site.into), *NO_BUILD]
    assert main(again) == 0
    assert tree_hash(toml_site.into) == edited
    assert tree_hash(toml_site.source) == before_source
    assert main([*again, "--force"]) == 0
    assert tree_hash(toml_site.into) == before
    _build(toml_site.into)  # the module's other tests read the built site


# --- YAML, JSON, config/_default, languages --------------------------------------------------


def test_yaml_site_reports_content_problems_and_strict_names_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported = _import(tmp_path, capsys, "hugo", "hugo-yaml")
    config = imported.config
    assert config["site_name"] == "YAML & Co"
    assert config["theme"]["language"] == "de"
    assert config["nav"] == [
        {"Posts": "posts/index.md"},
        {"About": "about.md"},
        {"Zweiter Beitrag": "posts/second.md"},
    ]
    report = (imported.into / "IMPORT.md").read_text(encoding="utf-8")
    assert "content/posts/My First Post\\.md:8: the picture '/images/nope\\.png'" in report
    assert "content/posts/second\\.md:10: the link '/nowhere/' is not a page" in report
    assert "my\\-first\\-post/'" not in report  # a page's Hugo address: the link works
    assert "content/posts/My First Post.md:8" in imported.output
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        _build(imported.into)
    site = _build(imported.into, strict=False)
    # Hugo urlized the file's name; the page is published there, and links to it work.
    page = BeautifulSoup((site / "posts/my-first-post/index.html").read_text(), "html.parser")
    assert "Erster Beitrag" in page.get_text()
    second = BeautifulSoup((site / "posts/second/index.html").read_text(), "html.parser")
    link = second.find("a", string="the first post")
    assert link is not None and link["href"] == "../my-first-post/"


def test_json_config_and_config_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    imported = _import(tmp_path, capsys, "hugo", "hugo-json")
    config = imported.config
    assert config["site_name"] == "JSON Journal"
    assert config["site_description"] == "Kept in config/_default"
    assert config["nav"] == [
        {"Notes": "notes/index.md"},
        {"Elsewhere": "https://elsewhere.example.test/"},
    ]
    site = _build(imported.into)
    assert (site / "n/note-one/index.html").is_file()
    assert (site / "notes/index.html").is_file()


def test_multilingual_content_folders_become_suffixes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported = _import(tmp_path, capsys, "hugo", "hugo-multilingual")
    docs = imported.into / "docs"
    assert (docs / "post/hello.md").read_text().startswith("---\ntitle: Hello")
    assert "Bonjour" in (docs / "post/hello.fr.md").read_text()
    assert "こんにちは" in (docs / "post/hello.ja.md").read_text()
    assert (docs / "index.fr.md").is_file()
    assert imported.config["theme"]["language"] == "en"
    report = (imported.into / "IMPORT.md").read_text(encoding="utf-8")
    assert "translation post/hello\\.fr\\.md" in report
    assert "languages\\.ja" in report
    _build(imported.into)


# --- safety -------------------------------------------------------------------------------------


def test_never_writes_into_the_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "blog"
    shutil.copytree(FIXTURES / "hugo-toml", source)
    before = tree_hash(source)
    assert main(["import", "hugo", str(source), "--into", str(source / "out")]) == 2
    assert main(["import", "hugo", str(source), "--into", str(source)]) == 2
    assert "never writes into the source" in capsys.readouterr().err
    assert tree_hash(source) == before


def test_a_folder_that_is_not_a_site_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["import", "hugo", str(tmp_path / "empty"), "--into", str(tmp_path / "a")]) == 2
    assert main(["import", "katacoda", str(tmp_path / "empty"), "--into", str(tmp_path / "b")]) == 2
    assert main(["import", "hugo", str(tmp_path / "nowhere"), "--into", str(tmp_path / "c")]) == 2
    err = capsys.readouterr().err
    assert "is not a Hugo site" in err and "holds no scenario" in err and "is not a folder" in err
    assert not any((tmp_path / name).exists() for name in "abc")


def test_an_unreadable_config_is_a_problem_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "source"
    (source / "content").mkdir(parents=True)
    (source / "config.toml").write_text('title = "x"\nbaseURL = \n')
    assert main(["import", "hugo", str(source), "--into", str(tmp_path / "site")]) == 0
    assert "config.toml:2: cannot be read" in capsys.readouterr().out


def test_report_escapes_markdown() -> None:
    report = Report("Hugo site", "a", "b")
    report.problem("content/<script>*x*.md", "the picture '[x](javascript:1)' is missing", 3)
    text = report.markdown()
    assert "<script>" not in text and "[x](" not in text
    assert "content/\\<script\\>\\*x\\*\\.md:3" in text
    assert escape_markdown("a|b\n# c") == "a\\|b \\# c"


# --- scenario repositories -------------------------------------------------------------------


@pytest.fixture(scope="module")
def katacoda_site(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    imported = _import_module(
        tmp_path_factory, "katacoda", "katacoda-repo", "first-steps", "tour/basics"
    )
    _build(imported.into)
    return imported


def test_scenarios_and_shared_assets_are_copied(katacoda_site: Imported) -> None:
    docs = katacoda_site.into / "docs"
    assert (docs / "first-steps/index.json").is_file()
    assert (docs / "first-steps/assets/app.yaml").is_file()
    assert (docs / "assets/shared.gif").is_file()  # ../assets/shared.gif from the intro
    assert (docs / "first-steps/assets/logo.gif").is_file()  # ./assets/logo.gif, only shared
    assert not (docs / "assets/unused.gif").exists()
    assert (docs / "tour-pathway.json").is_file()
    assert not (docs / "broken").exists()  # not asked for
    assert not (docs / "first-steps/old-draft.md").exists()  # index.json does not list it
    landing = katacoda_site.html("first-steps/")
    image = next(img for img in landing.select("article img") if "shared" in img["src"])
    assert katacoda_site.resolves("first-steps/", image["src"])
    step = katacoda_site.html("first-steps/step1/")
    logo = next(img for img in step.select("article img") if "logo" in img["src"])
    assert katacoda_site.resolves("first-steps/step1/", logo["src"])
    assert step.select("[data-copy], .stepwise-execute, button")


def test_scenario_report(katacoda_site: Imported) -> None:
    assert katacoda_site.config["site_name"] == "Scenarios"  # README.md's title
    report = (katacoda_site.into / "IMPORT.md").read_text(encoding="utf-8")
    assert "a static site has none" in report
    assert "first\\-steps/old\\-draft\\.md: not a page of the scenario" in report
    assert "tools/" in report


def test_missing_files_of_index_json_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported = _import(tmp_path, capsys, "katacoda", "katacoda-repo")
    out = imported.output
    assert "broken/index.json:" in out and "step2.md" in out and "does not exist" in out
    assert "broken/index.json:" in out and "missing.yaml" in out
    assert "broken/step1.md:3: the picture './assets/gone.gif'" in out
    line = next(line for line in out.splitlines() if "step2.md" in line)
    assert "broken/index.json:6" in line


def test_killercoda_layout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    imported = _import(tmp_path, capsys, "killercoda", "killercoda-repo")
    docs = imported.into / "docs"
    assert (docs / "git-101/step1/verify.sh").is_file()
    assert (docs / "assets/diagram.gif").is_file()
    site = _build(imported.into)
    assert (site / "git-101/index.html").is_file()
    before = tree_hash(imported.into / "docs")
    assert main(["import", "killercoda", str(imported.source), "--into", str(imported.into)]) == 0
    assert tree_hash(imported.into / "docs") == before


def test_force_merges_an_existing_mkdocs_yml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    into = tmp_path / "site"
    into.mkdir()
    existing = (
        "site_name: Mine\n"
        "repo_url: https://git.example.test/me/blog\n"
        "theme:\n  name: material\n  logo: logo.png\n"
        "plugins:\n  - search\n  - stepwise:\n      drafts: never\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    )
    (into / "mkdocs.yml").write_text(existing)
    source = tmp_path / "source"
    shutil.copytree(FIXTURES / "hugo-json", source)
    assert main(["import", "hugo", str(source), "--into", str(into)]) == 0
    assert (into / "mkdocs.yml").read_text() == existing  # kept without --force
    assert "mkdocs.yml" in capsys.readouterr().out
    assert main(["import", "hugo", str(source), "--into", str(into), "--force"]) == 0
    merged = (into / "mkdocs.yml").read_text()
    assert "emoji_index: !!python/name:material.extensions.emoji.twemoji" in merged
    config = yaml.load(merged, Loader=yaml.BaseLoader)
    assert config["site_name"] == "JSON Journal"
    assert config["repo_url"] == "https://git.example.test/me/blog"
    assert config["theme"]["logo"] == "logo.png"
    stepwise = next(
        p["stepwise"] for p in config["plugins"] if isinstance(p, dict) and "stepwise" in p
    )
    assert stepwise["drafts"] == "never" and stepwise["permalinks"] == {"notes": "/n/:slug/"}
    assert "tags" in config["plugins"]
    _build(into)


def test_merge_keeps_extension_and_plugin_options_that_are_not_mappings() -> None:
    existing = {
        "markdown_extensions": [{"toc": 3}, {"pymdownx.tasklist": None}],
        "plugins": [{"stepwise": "yes"}],
    }
    imported = {"markdown_extensions": [{"toc": {"permalink": True}}, "pymdownx.tasklist"]}
    merged = merge(existing, imported)
    assert merged["markdown_extensions"] == [{"toc": 3}, {"pymdownx.tasklist": None}]
    set_plugin_options(merged, {"drafts": "never"})
    assert merged["plugins"] == [{"stepwise": {"drafts": "never"}}]


def test_the_trial_build_puts_every_strict_warning_in_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], plugin_warnings: PluginWarnings
) -> None:
    source = tmp_path / "source"
    shutil.copytree(FIXTURES / "katacoda-repo", source)
    into = tmp_path / "site"
    assert main(["import", "katacoda", str(source), "--into", str(into)]) == 0
    out = capsys.readouterr().out
    plugin_warnings.expect(r"^broken/index\.json: step 2 \('Two'\) names 'step2\.md'", count=1)
    report = (into / "IMPORT.md").read_text(encoding="utf-8")
    assert "## Warnings of a trial build" in report
    assert "broken/index\\.json: step 2 \\('Two'\\) names 'step2\\.md'" in report
    assert "A trial build warned" in out
    # Every warning --strict stops on is in the report.
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        _build(into)
    plugin_warnings.clear()
    clean = tmp_path / "clean"
    assert main(["import", "katacoda", str(source), "first-steps", "--into", str(clean)]) == 0
    assert "the site builds under --strict" in (clean / "IMPORT.md").read_text()


def test_symbolic_links_and_odd_names_stay_harmless(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("not for the site\n")
    source = tmp_path / "source"
    shutil.copytree(FIXTURES / "hugo-json", source)
    (source / "content/notes/leak.md").symlink_to(outside)
    (source / "content/notes/linked").symlink_to(tmp_path)
    odd = source / "content/notes/odd\x1b[31mname.md"
    odd.write_text("---\ntitle: Odd\n---\n\n![x](/images/\x1b[2Jgone.png)\n")
    into = tmp_path / "site"
    assert main(["import", "hugo", str(source), "--into", str(into), *NO_BUILD]) == 0
    out = capsys.readouterr().out
    assert not (into / "docs/notes/leak.md").exists()
    assert not (into / "docs/notes/linked").exists()
    assert "content/notes/leak.md: a symbolic link" in out
    assert "\x1b" not in out and "odd\\x1b[31mname.md" in out
    report = (into / "IMPORT.md").read_text(encoding="utf-8")
    assert "\x1b" not in report and "a symbolic link" in report


def test_content_folders_outside_the_site_are_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "private.md").write_text("---\ntitle: Private\n---\n")
    source = tmp_path / "source"
    (source / "content").mkdir(parents=True)
    (source / "content/a.md").write_text("---\ntitle: A\n---\n")
    (source / "static").symlink_to(elsewhere)
    (source / "hugo.toml").write_text(
        'title = "T"\n[languages.en]\ncontentDir = "content"\n'
        '[languages.fr]\ncontentDir = "../elsewhere"\n'
    )
    into = tmp_path / "site"
    assert main(["import", "hugo", str(source), "--into", str(into), *NO_BUILD]) == 0
    out = capsys.readouterr().out
    assert (into / "docs/a.md").is_file()
    assert not list(into.rglob("private*"))
    assert out.count("outside the site's folder") == 2


def test_absolute_content_folders_are_left_behind_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hugo takes an absolute `contentDir`/`staticDir`; the import named it with a traceback."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "private.md").write_text("---\ntitle: Private\n---\n")
    source = tmp_path / "source"
    (source / "content").mkdir(parents=True)
    (source / "hugo.toml").write_text(
        f'title = "T"\ncontentDir = "{elsewhere}"\nstaticDir = ["static", "{elsewhere}"]\n'
    )
    into = tmp_path / "site"
    assert main(["import", "hugo", str(source), "--into", str(into), *NO_BUILD]) == 0
    out = capsys.readouterr().out
    assert f"{elsewhere.as_posix()}: outside the site's folder" in out
    assert not list(into.rglob("private*"))


def test_redirects_are_written_only_below_docs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A tag's Hugo address becomes a redirect page; a tag `../../x` made it `into/x/`."""
    source = tmp_path / "source"
    (source / "content/post").mkdir(parents=True)
    (source / "hugo.toml").write_text('title = "T"\n[taxonomies]\ntag = "tags"\n')
    (source / "content/post/a.md").write_text(
        '---\ntitle: A\ndate: 2020-01-01\ntags: ["../../escape", "Go Lang"]\n---\nText.\n'
    )
    into = tmp_path / "site"
    assert main(["import", "hugo", str(source), "--into", str(into), *NO_BUILD]) == 0
    out = capsys.readouterr().out
    pages = sorted(p.relative_to(into).as_posix() for p in into.rglob("index.html"))
    assert all(page.startswith("docs/") for page in pages), pages
    assert "docs/tags/go-lang/index.html" in pages
    assert "/tags/../../escape/: no redirect from it" in out


def test_hostile_lines_are_read_in_linear_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Pictures and links are looked for line by line; each of these lines took minutes."""
    lines = [
        "![a](x " * 20_000,
        "![a](x" * 20_000,
        "<img " * 20_000,
        "{{< figure " * 20_000,
        "![" * 20_000,
        "[a](/x '" * 20_000,
        "[a](b '" * 20_000,
    ]
    source = tmp_path / "source"
    (source / "content").mkdir(parents=True)
    (source / "hugo.toml").write_text('title = "T"\n')
    body = "\n\n".join(lines)
    (source / "content/a.md").write_text(f"---\ntitle: A\n---\n![ok](/pic.png 'T')\n\n{body}\n")
    into = tmp_path / "site"
    assert main(["import", "hugo", str(source), "--into", str(into), *NO_BUILD]) == 0
    assert "the picture '/pic.png'" in capsys.readouterr().out


def test_an_absolute_content_folder_inside_the_site_is_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The source given relatively, its content folder absolutely: both name the same files."""
    source = tmp_path / "source"
    (source / "posts").mkdir(parents=True)
    (source / "posts/a.md").write_text("---\ntitle: A\n---\n")
    (source / "hugo.toml").write_text(f'title = "T"\ncontentDir = "{source / "posts"}"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["import", "hugo", "source", "--into", "site", *NO_BUILD]) == 0
    assert "1 files imported" in capsys.readouterr().out
    assert (tmp_path / "site/docs/a.md").is_file()


ODD_VALUES: list[object] = [None, 3, "x", [], ["a", 1], {}, {"a": [1, {"b": None}]}, True]
ODD_KEYS = [
    "title", "baseurl", "copyright", "languagecode", "defaultcontentlanguage", "languages",
    "menu", "menus", "taxonomies", "permalinks", "params", "author", "paginate", "pagination",
    "timezone", "uglyurls", "googleanalytics", "contentdir", "staticdir",
]  # fmt: skip


@pytest.mark.parametrize("key", ODD_KEYS)
def test_odd_configuration_values_never_crash(tmp_path: Path, key: str) -> None:
    from mkdocs_stepwise.importer.hugo import import_hugo

    source = tmp_path / "source"
    (source / "content/post").mkdir(parents=True)
    (source / "content/post/a.md").write_text("---\ntitle: A\ndate: 2020-01-01\nmenu: 3\n---\n")
    for value in ODD_VALUES:
        (source / "config.json").write_text(json.dumps({key: value, "menu": {"main": [value]}}))
        outputs, report = import_hugo(source, tmp_path / "site")
        assert any(output.target == "mkdocs.yml" for output in outputs)
        assert report.markdown().startswith("# Import of a Hugo site")


def test_a_repository_that_is_one_scenario(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """index.json at the top: its intro is the home page, no generated one hides it."""
    imported = _import(tmp_path, capsys, "katacoda", "katacoda-repo/first-steps")
    assert not (imported.into / "docs/index.md").exists()
    assert "index.json -> the series 'First steps'" in imported.output
    # Alone, the scenario lacks the repository's shared pictures: reported, with the line.
    assert "intro.md:3: the picture '../assets/shared.gif' is not in the repository" in (
        imported.output
    )
    site = _build(imported.into, strict=False)
    home = BeautifulSoup((site / "index.html").read_text(), "html.parser")
    assert "Welcome." in home.get_text()


def test_a_broken_existing_mkdocs_yml_is_kept_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    into = tmp_path / "site"
    into.mkdir()
    (into / "mkdocs.yml").write_text("site_name: [unclosed\n")
    source = tmp_path / "source"
    shutil.copytree(FIXTURES / "hugo-json", source)
    assert main(["import", "hugo", str(source), "--into", str(into), "--force"]) == 0
    out = capsys.readouterr().out
    assert (into / "mkdocs.yml").read_text() == "site_name: [unclosed\n"
    assert "mkdocs.yml: the existing file cannot be read" in out
    assert "the build stopped" in out
