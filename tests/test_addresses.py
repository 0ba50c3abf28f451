"""Hugo's `slug`, `url` and `aliases`: where posts are published and where old links lead."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from mkdocs_stepwise.blog.addresses import (
    AddressError,
    alias_destination,
    slug_destination,
    url_destination,
)
from mkdocs_stepwise.blog.redirects import redirect_page, relative_url


@pytest.mark.parametrize(
    ("dest", "slug", "directory_urls", "expected"),
    [
        ("python/setup/index.html", "install", True, "python/install/index.html"),
        ("setup/index.html", "install", True, "install/index.html"),
        ("python/index.html", "snakes", True, "snakes/index.html"),
        ("python/setup.html", "install", False, "python/install.html"),
        ("python/setup/index.html", "/install/", True, "python/install/index.html"),
        ("python/setup/index.html", "a/b", True, AddressError),
        ("python/setup/index.html", "..", True, AddressError),
        ("index.html", "home", True, AddressError),
    ],
)
def test_slug_replaces_the_last_segment(dest, slug, directory_urls, expected):
    result = slug_destination(dest, slug, directory_urls)
    if expected is AddressError:
        assert isinstance(result, AddressError)
    else:
        assert result == expected


@pytest.mark.parametrize(
    ("url", "directory_urls", "expected"),
    [
        ("/guides/install/", True, "guides/install/index.html"),
        ("guides/install", True, "guides/install/index.html"),
        ("/guides/install", False, "guides/install.html"),
        ("/guides/install/", False, "guides/install/index.html"),
        ("/about.html", True, "about.html"),
        ("/", True, "index.html"),
        ("/a/../b/", True, "b/index.html"),
        ("/../etc/", True, AddressError),
        ("https://elsewhere.test/x/", True, AddressError),
        ("//elsewhere.test/x/", True, AddressError),
        ("/x/?page=2", True, AddressError),
    ],
)
def test_url_sets_the_whole_address(url, directory_urls, expected):
    result = url_destination(url, directory_urls)
    if expected is AddressError:
        assert isinstance(result, AddressError)
    else:
        assert result == expected


@pytest.mark.parametrize(
    ("alias", "folder", "expected"),
    [
        ("/2018/03/old-post/", "python", "2018/03/old-post/index.html"),
        ("/old.html", "python", "old.html"),
        ("old-post", "python", "python/old-post/index.html"),
        ("old-post", "", "old-post/index.html"),
        ("/", "python", AddressError),
        ("../../../x/", "python", AddressError),
        ("javascript:alert(1)", "", AddressError),
    ],
)
def test_alias_destinations(alias, folder, expected):
    result = alias_destination(alias, folder)
    if expected is AddressError:
        assert isinstance(result, AddressError)
    else:
        assert result == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("2018/03/old/index.html", "python/new/", "../../../python/new/"),
        ("old.html", "python/new/", "python/new/"),
        ("old/index.html", "./", "../"),
        ("a/index.html", "a/b.html", "b.html"),
    ],
)
def test_redirect_targets_are_relative(source, target, expected):
    assert relative_url(source, target) == expected


def test_redirect_page_escapes_its_values():
    html = redirect_page('new/"x"/', "https://site.test/new/", "Tom & </script>")
    assert 'content="0; url=new/&quot;x&quot;/"' in html
    assert '<link rel="canonical" href="https://site.test/new/">' in html
    assert 'location.replace("new/\\"x\\"/" + location.hash)' in html
    assert "Tom &amp; &lt;/script&gt;" in html
    assert html.count("</script>") == 1


POSTS = {
    "index.md": "# Home\n\nRead [setting up](python/setup.md) or [the guide](python/guide.md).\n",
    "python/index.md": "---\ntitle: Python\nseries: false\n---\n\n# Python\n",
    "python/setup.md": """
        ---
        title: Setting up
        date: 2018-03-05
        slug: install
        aliases:
          - /2018/03/setting-up/
          - old-setup
        ---

        See also [the guide](guide.md#step-1).
        """,
    "python/guide.md": """
        ---
        title: The guide
        date: 2018-03-06
        url: /guides/python/
        ---

        ## Step 1

        Back to [setting up](setup.md).
        """,
}


def test_slug_and_url_move_pages_and_links_follow(build):
    site = build(POSTS)
    assert site.exists("python/install/index.html")
    assert not site.exists("python/setup/index.html")
    assert site.exists("guides/python/index.html")
    assert not site.exists("python/guide/index.html")
    home = site.html("")
    assert [a["href"] for a in home.select("article p a")] == ["python/install/", "guides/python/"]
    setup = site.html("python/install/")
    assert setup.select_one("article p a[href*=guide]")["href"] == "../../guides/python/#step-1"
    guide = site.html("guides/python/")
    assert guide.select_one("article p a")["href"] == "../../python/install/"
    assert (
        guide.select_one('link[rel="canonical"]')["href"] == "https://example.test/guides/python/"
    )


def test_aliases_redirect_to_the_new_address(build):
    site = build(POSTS)
    for alias, target in [
        ("2018/03/setting-up/index.html", "../../../python/install/"),
        ("python/old-setup/index.html", "../install/"),
    ]:
        page = site.html(alias)
        refresh = page.select_one('meta[http-equiv="refresh"]')["content"]
        assert refresh == f"0; url={target}"
        assert page.select_one("body a")["href"] == target
        canonical = page.select_one('link[rel="canonical"]')["href"]
        assert canonical == "https://example.test/python/install/"
    # Redirect pages are not pages of the site: not in the sitemap, not searchable.
    assert "setting-up" not in site.text("sitemap.xml")


def test_bad_addresses_are_reported_and_ignored(build, plugin_warnings):
    files = {
        "a.md": "---\ntitle: A\nslug: b\n---\n\nA.\n",
        "b.md": "---\ntitle: B\naliases: [/a/, 'https://x.test/']\n---\n\nB.\n",
        "c.md": "---\ntitle: C\nurl: /../out/\n---\n\nC.\n",
    }
    site = build(files, strict=False)
    plugin_warnings.expect(r"^a\.md:3: slug: 'b/index\.html' is already the address of 'b\.md'$")
    plugin_warnings.expect(r"^b\.md:3: aliases: '/a/' is already the address of 'a\.md'$")
    plugin_warnings.expect(r"^b\.md:3: aliases: alias 'https://x\.test/' is not a path")
    plugin_warnings.expect(r"^c\.md:3: url: url '/\.\./out/' points outside the site$")
    assert site.html("a/").select_one("article h1").get_text(strip=True) == "A"
    assert site.exists("c/index.html")


def test_url_and_aliases_never_overwrite_the_sites_own_files(build, plugin_warnings):
    """Every address the build writes is taken before posts are placed; a clash names both."""
    from mkdocs_stepwise.site_assets import ASSETS_DIR

    claims = {
        "a.md": "url: /assets/stepwise/execute.js",
        "b.md": "aliases: [/assets/stepwise/progress.js/]",
        "c.md": "url: /sitemap.xml",
        "d.md": "url: /categories/",
        "e.md": "url: /feed.xml",
        "f.md": "aliases: [/feed.json/]",
        "g.md": "url: /404.html",
        "h.md": "url: /search/search_index.json",
        "i.md": "url: /archive/",
        "j.md": "url: /course/course.sh",
    }
    files = {
        "index.md": "# Home\n",
        "course/index.md": "# Course\n",
        "course/one.md": "# One\n\nRun `ls`{{execute}}.\n",
    }
    for name, claim in claims.items():
        files[name] = (
            f"---\ntitle: Post {name}\ndate: 2020-01-01\ncategories: [x]\n{claim}\n---\nB.\n"
        )
    site = build(
        files,
        strict=False,
        plugin={"feeds": True},
        config={"plugins": ["search", {"stepwise": {}}]},
    )
    warnings = plugin_warnings.expect(r"^[a-j]\.md:5: (url|aliases): .* is already the address")
    assert sorted(w.split(":")[0] for w in warnings) == sorted(claims)
    assert any("'assets/stepwise/execute.js' is already the address of" in w for w in warnings)
    for asset in ("execute.js", "progress.js"):
        assert site.text(f"assets/stepwise/{asset}") == (ASSETS_DIR / asset).read_text("utf-8")
    assert not site.exists("assets/stepwise/progress.js/index.html")
    ET.fromstring(site.text("sitemap.xml"))
    ET.fromstring(site.text("feed.xml"))
    assert json.loads(site.text("feed.json"))["items"]
    assert json.loads(site.text("search/search_index.json"))["docs"]
    assert site.html("categories/").select_one("h1").get_text() == "Categories"
    assert site.exists("a/index.html") and site.exists("c/index.html")
    assert site.text("course/course.sh").startswith("#!")
