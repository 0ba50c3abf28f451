"""`stepwise.xkcd`: xkcd comics as first-class panels.

Turns a comic linked to its page (the seed's `[![](…/comics/NAME.png)](https://xkcd.com/N/ "…")`),
a bare comic image, or a `{{< xkcd N >}}` shortcode line into a `<figure>` with the comic (filled-in
alt text, a 2x source when one exists), its number and title, its title text as a visible
caption, and the credit its license asks for. See `panel` for the HTML.

Two processors:

- a preprocessor (priority 28: after snippets at 32 and whitespace normalisation at 30, before
  the shortcodes extension and the execute markers at 27 and SuperFences at 25) that rewrites
  the shortcode into the linked-image form, leaves fenced code alone, and notes the line of every
  comic for warnings;
- a treeprocessor (priority 15, after inline parsing at 20) that replaces each comic standing on
  its own line with the panel. Working on the tree means code blocks and code spans, which hold
  text rather than `<a>`/`<img>` elements, are never touched.

An unknown comic keeps its Markdown rendering (a plain image or link) and gets a warning naming
the file and line. Without the plugin, the extension works standalone in `markdown_extensions`.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from ..fences import code_lines, put_raw_fences_back
from ..pagecontext import PageHolder, log
from .cache import XkcdCache
from .comics import SHIPPED_DATA_FILE, Comic, ComicCatalog, load_data_file
from .fetch import API_BASE, IMAGE_BASE
from .panel import Panel, panel_html
from .remote import XkcdRemote
from .source import ComicSource, Missing, publish_images
from .syntax import (
    Reference,
    comic_image_name,
    comic_number,
    parse_shortcode,
    references,
)

__all__ = [
    "XkcdExtension",
    "extension_for_site",
    "makeExtension",
    "publish_images",
    "xkcd_inputs",
]

PREPROCESSOR_PRIORITY = 28
TREEPROCESSOR_PRIORITY = 15
SHORTCODE_NAME = "xkcd"
"""The shortcode this extension owns; a general shortcodes extension should leave it alone."""

# Containers in which a comic that is their only content becomes a panel in place (a tight list
# item has no <p>). Anything else, e.g. a heading, keeps the plain image.
_FLOW_CONTAINERS = frozenset({"li", "dd", "td", "th", "div", "blockquote"})


_MENTION = re.compile("xkcd", re.IGNORECASE)
"""In every comic reference (`xkcd.com` links and images) and shortcode (`{{< xkcd N >}}`)."""


class _PageState:
    """What the preprocessor learnt about the page being converted, for the treeprocessor."""

    def __init__(self) -> None:
        self.lines: defaultdict[Reference, list[int]] = defaultdict(list)

    def note(self, reference: Reference, line: int) -> None:
        self.lines[reference].append(line)

    def line_of(self, reference: Reference) -> int | None:
        """The line of the next occurrence of `reference` (occurrences are met in order)."""
        lines = self.lines.get(reference)
        return lines.pop(0) if lines else None


class XkcdPreprocessor(Preprocessor):
    """Rewrites `{{< xkcd N >}}` lines and notes where every comic is."""

    def __init__(self, md: Markdown, source: ComicSource, state: _PageState) -> None:
        super().__init__(md)
        self.source = source
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        self.state.lines.clear()
        if not any(_MENTION.search(line) for line in lines):
            # Every form names xkcd: most pages have no comic, and need no reading of their code.
            return lines
        output: list[str] = []
        # One line out for each line in: later preprocessors count lines to name them.
        code = code_lines(lines, self.md)
        for index, (line, is_code) in enumerate(zip(lines, code, strict=True)):
            if is_code:
                output.append(line)
                continue
            shortcode = parse_shortcode(line)
            if shortcode is None:
                for reference in references(line):
                    self.state.note(reference, index + 1)
                output.append(line)
                continue
            comic = self.source.comic(shortcode.num)
            page_url = f"https://xkcd.com/{shortcode.num}/"
            if isinstance(comic, Missing):
                _report(comic, index + 1, self.source.pages)
                output.append(f"{shortcode.indent}[xkcd {shortcode.num}]({page_url})")
            else:
                self.state.note(shortcode.num, index + 1)
                output.append(f"{shortcode.indent}[![]({comic.img})]({page_url})")
        return output


class XkcdTreeprocessor(Treeprocessor):
    """Replaces comics that stand on their own line with panels."""

    def __init__(self, md: Markdown, source: ComicSource, state: _PageState) -> None:
        super().__init__(md)
        self.source = source
        self.state = state

    def run(self, root: etree.Element) -> None:
        comics = [
            child for parent in root.iter() for child in parent if _is_comic_element(parent, child)
        ]
        for element in comics:
            # Recomputed each time: splitting a paragraph moves the comics that follow.
            parents = {child: parent for parent in root.iter() for child in parent}
            self._replace(parents, element)

    def _replace(self, parents: dict[etree.Element, etree.Element], element: etree.Element) -> None:
        parent = parents[element]
        image = element if element.tag == "img" else element[0]
        num = comic_number(element.get("href", "")) if element.tag == "a" else None
        name = comic_image_name(image.get("src", ""))
        assert name is not None  # _is_comic_element checked it
        reference: Reference = num if num is not None else name
        comic = self.source.comic(num) if num is not None else self.source.comic_by_image(name)
        line = self.state.line_of(reference)
        if isinstance(comic, Missing):
            _report(comic, line, self.source.pages)
            return
        alt = html.unescape(image.get("alt", "")).strip() or comic.label
        # The author's hover text wins over the data file's: it is what they chose to show.
        title_text = html.unescape(element.get("title") or image.get("title") or "") or comic.alt
        if not _stands_alone(parent, element):
            # A comic in running text stays an image; it still deserves a real alt text. (The
            # serializer keeps `&amp;` as an entity, so this `&` is escaped exactly once.)
            if not image.get("alt", "").strip():
                image.set("alt", comic.label.replace("&", "&amp;"))
            return
        placeholder = self.md.htmlStash.store(panel_html(self._panel(comic, alt, title_text)))
        _put_block(parents, element, placeholder)

    def _panel(self, comic: Comic, alt: str, title_text: str) -> Panel:
        image = self.source.image(comic)
        return Panel(
            page_url=comic.page_url,
            label=comic.label,
            src=image.src,
            src2x=image.src2x,
            width=image.width,
            height=image.height,
            alt=alt,
            title_text=title_text,
        )


def _is_comic_element(parent: etree.Element, element: etree.Element) -> bool:
    """`<a href=xkcd page><img src=xkcd image></a>`, or an xkcd `<img>` not inside a link."""
    if element.tag == "a":
        return (
            comic_number(element.get("href", "")) is not None
            and len(element) == 1
            and element[0].tag == "img"
            and comic_image_name(element[0].get("src", "")) is not None
            and not (element.text or "").strip()
            and not (element[0].tail or "").strip()
        )
    return (
        element.tag == "img"
        and parent.tag != "a"
        and comic_image_name(element.get("src", "")) is not None
    )


def _text_before(parent: etree.Element, element: etree.Element) -> str:
    index = list(parent).index(element)
    return (parent.text if index == 0 else parent[index - 1].tail) or ""


def _stands_alone(parent: etree.Element, element: etree.Element) -> bool:
    """Whether `element` is on a line of its own: alone in its container, or a whole paragraph
    line (then the paragraph is split around it)."""
    before, after = _text_before(parent, element), element.tail or ""
    if parent.tag == "p":
        own_line_start = not before.strip(" ") or before.rstrip(" ").endswith("\n")
        own_line_end = not after.strip(" ") or after.lstrip(" ").startswith("\n")
        return own_line_start and own_line_end
    return parent.tag in _FLOW_CONTAINERS and len(parent) == 1 and not (before + after).strip()


def _put_block(
    parents: dict[etree.Element, etree.Element], element: etree.Element, placeholder: str
) -> None:
    """Put the panel's placeholder where `element` was, as a block of its own.

    Markdown's raw-HTML postprocessor swaps `<p>placeholder</p>` for the panel; in a paragraph
    the text before and after the comic's line stays in paragraphs of its own.
    """
    parent = parents[element]
    if parent.tag != "p":
        parent.remove(element)
        parent.text = placeholder
        return
    grandparent = parents[parent]
    children = list(parent)
    index = children.index(element)
    before = etree.Element("p")
    before.text = parent.text
    before.extend(children[:index])
    after = etree.Element("p")
    after.text = (element.tail or "").lstrip()
    after.extend(children[index + 1 :])
    _strip_end(before)
    panel = etree.Element("p")
    panel.text = placeholder
    position = list(grandparent).index(parent)
    grandparent.remove(parent)
    blocks = [block for block in (before, panel, after) if _has_content(block) or block is panel]
    blocks[-1].tail = parent.tail
    for offset, block in enumerate(blocks):
        grandparent.insert(position + offset, block)


def _strip_end(block: etree.Element) -> None:
    if len(block):
        block[-1].tail = (block[-1].tail or "").rstrip()
    else:
        block.text = (block.text or "").rstrip()


def _has_content(block: etree.Element) -> bool:
    return len(block) > 0 or bool((block.text or "").strip())


def _report(missing: Missing, line: int | None, pages: PageHolder) -> None:
    if missing.reported:
        log.info("%s; left as written", missing.reason)
    else:
        pages.warn(f"{missing.reason}; left as a plain image or link", line)


class XkcdExtension(Extension):
    """The Markdown extension; also usable standalone as `stepwise.xkcd`."""

    def __init__(
        self,
        *,
        api_base: str = API_BASE,
        image_base: str = IMAGE_BASE,
        pages: PageHolder | None = None,
        **kwargs: Any,
    ) -> None:
        self.pages = pages or PageHolder()
        self.config = {
            "fetch": [
                False,
                "Fetch unknown comics and their images from xkcd.com, and serve the "
                "images from the site. Default: False",
            ],
            "timeout": [3.0, "Seconds to wait for xkcd.com. Default: 3"],
            "cache_dir": [".cache/stepwise/xkcd", "Where fetched comics are kept."],
            "data_file": ["", "An extra data file (.json/.yml) of comics, over the shipped one."],
        }
        super().__init__(**kwargs)
        self.source = self._make_source(api_base, image_base)

    def _make_source(self, api_base: str, image_base: str) -> ComicSource:
        catalog = ComicCatalog()
        data_files = [SHIPPED_DATA_FILE]
        if self.getConfig("data_file"):
            data_files.append(Path(str(self.getConfig("data_file"))))
        for data_file in data_files:
            comics, problems = load_data_file(data_file)
            for problem in problems:
                log.warning("%s: %s", data_file, problem)
            catalog.add(comics)
        remote = None
        if self.getConfig("fetch"):
            remote = XkcdRemote(
                XkcdCache(Path(str(self.getConfig("cache_dir")))),
                timeout=float(self.getConfig("timeout")),
                api_base=api_base,
                image_base=image_base,
                pages=self.pages,
            )
        return ComicSource(catalog, remote, self.pages)

    def images_to_publish(self) -> dict[str, Path]:
        """Site-relative path -> cached file of every self-hosted image used so far."""
        return self.source.images_to_publish()

    def take_images_used(self) -> dict[str, Path]:
        """Site-relative path -> cached file of every self-hosted image used since the last
        call, whether an earlier page used it too or not."""
        return self.source.take_images_used()

    def publish(self, images: Mapping[str, Path]) -> None:
        """Self-host `images` as if a page converted in this build had used them."""
        self.source.publish(images)

    def extendMarkdown(self, md: Markdown) -> None:
        state = _PageState()
        md.preprocessors.register(
            XkcdPreprocessor(md, self.source, state), "stepwise_xkcd", PREPROCESSOR_PRIORITY
        )
        put_raw_fences_back(md)
        md.treeprocessors.register(
            XkcdTreeprocessor(md, self.source, state), "stepwise_xkcd", TREEPROCESSOR_PRIORITY
        )


def extension_for_site(
    *,
    config_dir: Path,
    fetch: bool = False,
    timeout: float = 3.0,
    cache_dir: str = ".cache/stepwise/xkcd",
    data_file: str | None = None,
    pages: PageHolder | None = None,
) -> XkcdExtension:
    """The extension as the plugin sets it up from its `xkcd:` options.

    Relative `cache_dir` and `data_file` paths are relative to the folder of mkdocs.yml, not to
    wherever `mkdocs` happens to be run from.
    """
    return XkcdExtension(
        fetch=fetch,
        timeout=timeout,
        cache_dir=str(config_dir / cache_dir),
        data_file=str(config_dir / data_file) if data_file else "",
        pages=pages,
    )


def makeExtension(**kwargs: Any) -> XkcdExtension:
    """Entry point for `markdown.Markdown(extensions=["mkdocs_stepwise.xkcd"])`."""
    return XkcdExtension(**kwargs)


def xkcd_inputs(
    config_dir: Path, enabled: bool, fetch: bool, data_file: str | None, cache_dir: str
) -> list[Any]:
    """What panels are made of besides the page, for the build cache's keys: the options, the
    data file's bytes and, when fetching, which comics are cached (and when)."""
    found: list[Any] = [enabled, fetch]
    if data_file:
        path = config_dir / data_file
        found.append(path.read_bytes() if path.is_file() else None)
    if fetch:
        cache = config_dir / cache_dir
        found.append(
            sorted(
                (str(path.relative_to(cache)), path.stat().st_size, path.stat().st_mtime_ns)
                for path in cache.rglob("*")
                if path.is_file()
            )
            if cache.is_dir()
            else None
        )
    return found
