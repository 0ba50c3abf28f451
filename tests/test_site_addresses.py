"""Links written as a page's address on the site (Hugo style) lead to that page."""

from __future__ import annotations

import pytest

from mkdocs_stepwise.blog.site_addresses import address_key, page_link


@pytest.mark.parametrize(
    ("path", "key"),
    [("/a/b/", "a/b"), ("/a/b", "a/b"), ("a/b/index.html", "a/b"), ("/", ""), ("/a/?x=1#t", "a")],
)
def test_address_key(path, key):
    assert address_key(path) == key


def test_page_link():
    addresses = {"2020/07/go": "post/go.md", "": "index.md"}
    assert page_link("/2020/07/go/#part", addresses, "post/other.md") == "go.md#part"
    assert page_link("/", addresses, "post/other.md") == "../index.md"
    assert page_link("/elsewhere/", addresses, "post/other.md") is None
    assert page_link("//cdn.test/x", addresses, "post/other.md") is None
    assert page_link("relative/", addresses, "post/other.md") is None
    assert page_link("/2020/07/go/", addresses, None) is None


def test_addresses_aliases_and_html_files_resolve_under_strict(build):
    site = build(
        {
            "index.md": (
                "# Home\n\n[Go](/2020/07/learning-go/) [Old](/old/go/) "
                "[Static](/legacy/) [Slugged](/pages/vim-tricks/#usage)\n"
            ),
            "posts/go.md": (
                "---\ntitle: Learning Go\ndate: 2020-07-21\naliases: [/old/go/]\n---\n\nGo.\n"
            ),
            "pages/vim.md": "---\ntitle: Vim\nslug: vim-tricks\n---\n\n## Usage\n\nVim.\n",
            "legacy/index.html": "<!doctype html><title>Legacy</title>\n",
        },
        config={"validation": {"links": {"absolute_links": "relative_to_docs"}}},
        plugin={"permalinks": {"posts": "/:year/:month/:slug/"}, "folder_series": False},
    )
    links = {a.get_text(): a["href"] for a in site.html("").select("article a")}
    assert links["Go"] == "2020/07/learning-go/"
    assert links["Old"] == "2020/07/learning-go/"
    assert links["Static"] == "legacy/"
    assert links["Slugged"] == "pages/vim-tricks/#usage"
