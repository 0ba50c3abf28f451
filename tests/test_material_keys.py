"""Front matter keys that MkDocs and Material read are checked before they reach them.

Hugo front matter shares names with Material's (`icon`, `hide`, `status`, `template`,
`search`, `author`, `subtitle`): a value that is fine in Hugo must never crash the build or put
markup into a page. The first test walks Material's own templates and plugins, so that a key
Material starts to read in a new version is noticed.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from mkdocs_stepwise.material_keys import SITE_CONFIG_KEYS, MaterialKeys, known_keys

MATERIAL = Path(material.__file__).parent
# `page.meta.icon`, `nav_item.meta["icon"]`, `page.meta.get("search")`, `config.extra.status`.
META_USE = re.compile(
    r"""\b(?:page|nav_item|item)\.meta(?:\.(?!get\b|__)(\w+)\b(?!\()|\[["'](\w+)["']\]|\.get\(\s*["'](\w+)["'])"""
)
EXTRA_USE = re.compile(r"""config\.extra(?:\.(\w+)|\[["'](\w+)["']\])""")


def uses(pattern: re.Pattern[str], paths: list[Path]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in paths:
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            key = next(group for group in match.groups() if group)
            found.setdefault(key, set()).add(str(path.relative_to(MATERIAL)))
    return found


def test_every_key_materials_templates_read_is_in_the_table():
    templates = [p for p in (MATERIAL / "templates").rglob("*.html") if ".icons" not in p.parts]
    plugins = list((MATERIAL / "plugins").rglob("*.py"))
    meta = uses(META_USE, templates + plugins)
    # The walk itself works: these are keys Material is known to read.
    assert {"author", "subtitle", "icon", "hide", "status", "description"} <= meta.keys()
    unknown = {key: files for key, files in meta.items() if key not in set(known_keys())}
    # Keys Material's own plugins set and read back (the blog plugin, the meta plugin's
    # `__extends`), never front matter.
    unknown = {
        k: v
        for k, v in unknown.items()
        if not (k.startswith("__") or all("plugins/blog" in f for f in v))
    }
    assert unknown == {}
    extra = uses(EXTRA_USE, templates)
    assert {"status", "social"} <= extra.keys()
    assert set(extra) - SITE_CONFIG_KEYS == set()


@pytest.fixture
def keys(tmp_path: Path) -> MaterialKeys:
    (tmp_path / ".icons/material").mkdir(parents=True)
    (tmp_path / ".icons/material/newspaper.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "main.html").write_text("", encoding="utf-8")
    return MaterialKeys(theme_dirs=[str(tmp_path)])


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("author", '"><script>x</script>', "&quot;&gt;&lt;script&gt;x&lt;/script&gt;"),
        ("author", ["Ann", "Bo <b>"], "Ann, Bo &lt;b&gt;"),
        ("subtitle", "<img src=x onerror=alert(2)>", "&lt;img src=x onerror=alert(2)&gt;"),
        ("hide", ["toc", "navigation"], ["toc", "navigation"]),
        ("hide", "toc", ["toc"]),
        ("icon", "material/newspaper", "material/newspaper"),
        ("status", "new", "new"),
        ("template", "main.html", "main.html"),
        ("search", {"exclude": True}, {"exclude": True}),
        ("search", {"boost": 2}, {"boost": 2}),
        ("comments", True, True),
        ("location", "https://example.org/x", "https://example.org/x"),
    ],
)
def test_usable_values_pass_escaped(keys, key, value, expected):
    checked = keys.check({key: value}, {})
    assert checked.problems == []
    assert checked.meta == {key: expected}


@pytest.mark.parametrize(
    ("key", "value", "reason"),
    [
        ("author", {"name": "x"}, "should be text, not a set of keys"),
        ("hide", ["toc", 3], "lists 3, not one of"),
        ("hide", True, "lists True"),
        ("icon", "material/no-such-icon", "names no icon Material has"),
        ("icon", "../../../etc/passwd", "neither an icon name"),
        ("icon", 42, "should be an icon name"),
        ("status", '" onclick="x', "should be a status name"),
        ("template", "../../secret.html", "should name a template"),
        ("template", "missing.html", "names a template the theme does not have"),
        ("template", ["main.html"], "should name a template"),
        ("search", "exclude", "should be a set of keys"),
        ("search", {"boost": "high"}, "only exclude: true/false and boost: a number work"),
        ("search", {"boost": float("nan")}, "only exclude: true/false and boost: a number work"),
        ("search", {"boost": float("inf")}, "only exclude: true/false and boost: a number work"),
        ("comments", "yes", "should be true or false"),
        ("location", "javascript:alert(1)", "should be an http(s) URL or a path"),
    ],
)
def test_unusable_values_are_reported_and_dropped(keys, key, value, reason):
    checked = keys.check({"Other": 1, key.capitalize(): value}, {key: 7})
    assert checked.meta == {"Other": 1}
    [problem] = checked.problems
    assert problem.line == 7 and problem.key == key.capitalize()
    assert reason in problem.message and problem.message.endswith("; ignored")


def test_a_long_value_is_not_copied_whole_into_the_message(keys):
    [problem] = keys.check({"icon": "x" * 100_000}, {}).problems
    assert len(problem.message) < 200


def test_an_emoji_icon_becomes_an_icon_that_shows_the_emoji(keys):
    checked = keys.check({"icon": "🗞️"}, {})
    assert checked.problems == []
    name = checked.meta["icon"]
    assert name == "stepwise-emoji/1f5de-fe0f"
    assert "🗞️</text></svg>" in keys.emoji_icons[f".icons/{name}.svg"]


HUGO_KEYS_PAGE = """\
+++
title = "News"
icon = "🗞️"
subtitle = "Hugo's newsroom"
+++
# News

Body.
"""


def test_a_site_with_hugo_keys_builds_and_shows_the_emoji(build, plugin_warnings):
    site = build(
        {
            "index.md": "# Home\n",
            "news.md": HUGO_KEYS_PAGE,
            "broken.md": "---\ntitle: Broken\nicon: no/such-icon\ntemplate: nope.html\n"
            "hide: [toc, 5]\nsearch: yes\nstatus: [new]\n---\nBody.\n",
        },
        strict=False,
    )
    warnings = plugin_warnings.expect(r"^broken\.md:\d+: '\w+' ")
    assert [w.split(":")[1] + w.split("'")[1] for w in warnings] == [
        "3icon",
        "4template",
        "5hide",
        "6search",
        "7status",
    ]
    news = site.html("news/")
    link = news.select_one('.md-nav a[href="./"]')
    assert link is not None and "🗞️" in link.select_one("svg text").get_text()
    assert "Hugo's newsroom" in link.select_one("small").get_text()
    broken = site.html("broken/")
    assert broken.select_one("h1").get_text() == "Broken"
    assert broken.select_one(".md-sidebar--secondary") is not None  # `hide` was dropped


def test_strict_build_fails_naming_the_file(build, plugin_warnings):
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        build({"index.md": "# Home\n", "bad.md": "---\nicon: '../../x'\n---\nBody.\n"})
    plugin_warnings.expect(r"^bad\.md:2: 'icon' is neither an icon name")
