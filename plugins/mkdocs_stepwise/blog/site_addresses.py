"""Links written as a page's address on the site (`/2020/07/learning-go/`), as Hugo authors
write them, lead to that page.

Hugo posts link to each other by address; MkDocs checks links against files, so under
`validation.links.absolute_links: relative_to_docs` such a link is "not found" although the
page is published right there. This treeprocessor runs just before MkDocs' own link rewriting
(`relpath`, priority 0) and replaces an address the build knows (where a page is published,
after `slug`, `url` and `permalinks`, one of its `aliases`, or an HTML file of `docs/` such as
the redirect pages `stepwise import` writes) by that file,
relative to the current page; MkDocs then checks and rewrites it like any other link.
Addresses the build does not know are left alone, for MkDocs to report.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .. import pagecontext


def address_key(path: str) -> str:
    """`/a/b/`, `/a/b`, `a/b/index.html` all as `a/b`; the home page is `""`."""
    bare = path.split("#", 1)[0].split("?", 1)[0].strip().lstrip("/")
    if bare.endswith("index.html"):
        bare = bare[: -len("index.html")]
    return bare.rstrip("/")


def page_link(href: str, addresses: Mapping[str, str], current_src: str | None) -> str | None:
    """The Markdown file `href` means, relative to the current page; None to leave it alone."""
    if not href.startswith("/") or href.startswith("//") or current_src is None:
        return None
    target = addresses.get(address_key(href))
    if target is None:
        return None
    rest = href[len(href.split("#", 1)[0]) :]
    relative = posixpath.relpath(target, posixpath.dirname(current_src) or ".")
    return relative + rest


class _SiteAddresses(Treeprocessor):
    def __init__(self, md: Markdown, extension: SiteAddressesExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: Element) -> None:
        addresses = self.extension.addresses
        if not addresses:
            return
        current = self.extension.pages.current().src_path
        for element in root.iter("a"):
            href = element.get("href")
            if href is None:
                continue
            link = page_link(href, addresses, current)
            if link is not None:
                element.set("href", link)


class SiteAddressesExtension(Extension):
    """`stepwise.site_addresses`; the plugin gives it the build's addresses in `on_files`."""

    def __init__(self, pages: pagecontext.PageHolder | None = None, **kwargs: object) -> None:
        self.addresses: dict[str, str] = {}
        self.pages = pages or pagecontext.PageHolder()
        super().__init__(**kwargs)

    def set_addresses(self, addresses: Mapping[str, str]) -> None:
        """`address_key` of each published address → the docs-relative Markdown file."""
        self.addresses = dict(addresses)

    def extendMarkdown(self, md: Markdown) -> None:
        # After everything that makes links (priority > 0), before MkDocs' `relpath` (0).
        md.treeprocessors.register(_SiteAddresses(md, self), "stepwise_site_addresses", 0.5)
