"""Script URLs in Markdown links and images are neutralised: `[x](javascript:alert(1))`.

Python-Markdown keeps any link target as written, and neither MkDocs nor Material sanitise
HTML, so a `javascript:` link in an imported post would run in the reader's browser on a click.
Links and images written in Markdown (inline, reference and `attr_list`'s `{href=…}`) lose a
`javascript:`, `vbscript:` or non-image `data:` target, keep their text, and are reported;
`on…` event handlers that `attr_list` would add (`{: onclick=… }`) are dropped too. Raw
HTML is left alone: writing `<a href="javascript:…">` by hand is the author's explicit choice.

Use it standalone as `markdown_extensions: [stepwise.safe_links]`.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .pagecontext import PageHolder

__all__ = ["SafeLinksExtension", "is_script_url", "makeExtension"]

# After `attr_list` (8) and after `unescape` (0), which puts escaped characters back into
# attribute values: the check must see the URL the browser will see.
PRIORITY = -10

# Browsers drop tabs and newlines anywhere in a URL and strip leading controls and spaces
# before they read the scheme, so `java\tscript:` is `javascript:`.
_IGNORED_BY_BROWSERS_RE = re.compile(r"[\t\n\r]")
_CONTROLS_AND_SPACE = "".join(map(chr, range(0x21)))
_SCRIPT_SCHEME_RE = re.compile(r"(?:javascript|vbscript|data):", re.IGNORECASE)
# Images are never run as scripts (not even SVG inside <img>); as link targets, only bitmaps.
_SAFE_DATA_IMAGE_RE = re.compile(r"data:image/(?:png|gif|jpeg|webp|avif);", re.IGNORECASE)
# Attributes browsers load or follow. `attr_list` can put any of them on any element.
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "srcset")


def is_script_url(url: str, *, image: bool = False) -> bool:
    """Whether a browser would run `url` (an attribute value, entities allowed) as a script."""
    seen = _IGNORED_BY_BROWSERS_RE.sub("", html.unescape(url)).lstrip(_CONTROLS_AND_SPACE)
    if not _SCRIPT_SCHEME_RE.match(seen):
        return False
    if image:
        return not seen.lower().startswith("data:image/")
    return not _SAFE_DATA_IMAGE_RE.match(seen)


class SafeLinksTreeprocessor(Treeprocessor):
    """Drops script URLs and event handlers (`attr_list`'s `{onclick=…}`), reporting each."""

    def __init__(self, md: Markdown, pages: PageHolder) -> None:
        super().__init__(md)
        self.pages = pages

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attribute in list(element.attrib):
                value = element.attrib[attribute]
                shown = value if len(value) <= 60 else value[:57] + "..."
                if attribute.lower().startswith("on"):
                    del element.attrib[attribute]
                    self.pages.warn(
                        f"{attribute} {shown!r} removed: event handlers are not allowed"
                    )
                elif attribute.lower() in _URL_ATTRIBUTES and is_script_url(
                    value, image=element.tag == "img"
                ):
                    del element.attrib[attribute]
                    self.pages.warn(
                        f"{attribute} {shown!r} removed: "
                        "script URLs are not allowed in links and images"
                    )


class SafeLinksExtension(Extension):
    """Python-Markdown extension `stepwise.safe_links`."""

    def __init__(self, pages: PageHolder | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pages = pages or PageHolder()

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.treeprocessors.register(
            SafeLinksTreeprocessor(md, self.pages), "stepwise_safe_links", PRIORITY
        )


def makeExtension(**kwargs: Any) -> SafeLinksExtension:
    return SafeLinksExtension(**kwargs)
