"""Warm builds: reuse what an earlier build made of the pages whose inputs did not change.

Every MkDocs build converts every page's Markdown and renders every page's template again, even
when one post changed or none did. This cache keeps both results on disk (`.cache/stepwise/build/`
by default, see `store.py`), each under a key that is a digest of everything that went into it:

- **converted pages** (`pages/`): the key is the page's Markdown after every plugin had its say,
  its metadata, its address, and the build's *site inputs*: the Markdown configuration and the
  rest of `mkdocs.yml`, the versions of MkDocs, Material, Python-Markdown and their friends,
  the plugin's own code and version, the templates outside installed packages, every file of the
  site with its address (a link's target may appear or vanish) and the blog's addresses. A hit
  restores what `Page.render` would have set and replays the messages the conversion logged.
- **rendered pages** (`html/`): the key is the page as its template sees it (content after the
  listings were filled in, table of contents, metadata, neighbours, the plugin's view of its
  series, Material's tags, which navigation entries are active) plus the site inputs, the
  navigation and every page's title, address and metadata. A hit hands the template's earlier
  output to `on_post_page`, which runs as usual.

A build from the cache is byte-identical to a build without it: `tests/test_buildcache.py`
compares whole site trees after edits of a body, a title, a date, a draft flag, `mkdocs.yml`, a
template and the plugin's version. What cannot be fingerprinted with certainty is not cached:
a configuration value of an unknown kind turns the cache off for the build (INFO), a template
context value of an unknown kind leaves that page's template uncached. A page whose template
logged a warning is not cached either, so its warning is not lost on the next build; nor is
anything a quiet build (`mkdocs build -q`) makes, as it never sees the warnings it would replay.
`build_date_utc` is the one context value left out of the key (it changes every build; neither
Material nor Stepwise prints it); a site whose own templates print it should set `cache: false`.

MkDocs empties `site/` before every build but `--dirty` ones and writes every file again;
`keptsite.py` keeps the previous tree instead, leaves each page whose bytes did not change as it
is and deletes what this build did not make. Under `mkdocs serve --dirty` the plugin's
`incremental.py` leaves unchanged pages alone.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import material
import mkdocs
from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..blog import RenderListing
from ..catalogue import Rendered
from ..guard import OUTPUT_SLOT, describe
from .entries import Converted, LogLine
from .fingerprint import (
    Unfingerprintable,
    digest,
    digest_bytes,
    named_module_code,
    navigation_data,
    text_digest,
    toc_data,
    toc_from_data,
)
from .search import cache_search_index
from .store import Store

log = logging.getLogger("mkdocs.plugins.stepwise.buildcache")


PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "pymdown-extensions",
    "Markdown",
    "Pygments",
    "Jinja2",
    "PyYAML",
    "mkdocs-stepwise",
)
"""Whose version goes into every key (the plugin's own code also goes in, file by file)."""

# Configuration keys that do not change what a page becomes.
_UNUSED_CONFIG = frozenset({"site_dir", "config_file_path", "strict", "dev_addr", "watch"})
# Template context keys covered by the site's fingerprint, or (the build date) left out of it.
_SITE_CONTEXT = frozenset({"config", "nav", "pages", "build_date_utc", OUTPUT_SLOT})


@dataclass
class OutputSlot:
    """Hands a page's cached template output to the template, or its new output back."""

    cached: str | None = None
    rendered: str | None = None


@dataclass
class _Render:
    key: str
    slot: OutputSlot
    capture: _Capture


@dataclass
class Stats:
    converted: int = 0
    reused: int = 0
    rendered: int = 0
    reused_html: int = 0
    uncacheable: list[str] = field(default_factory=list)


class _Capture(logging.Handler):
    """Collects what is logged under `mkdocs` while one page is converted or rendered."""

    LEVEL = logging.INFO

    @classmethod
    def hears_all(cls) -> bool:
        """Whether messages at `LEVEL` reach a handler at all: `mkdocs build -q` raises the
        `mkdocs` logger to ERROR, and a warning it drops is never made, nor captured."""
        return logging.getLogger("mkdocs").isEnabledFor(cls.LEVEL)

    def __init__(self) -> None:
        super().__init__(self.LEVEL)
        self.lines: list[LogLine] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append((record.name, record.levelno, record.getMessage()))

    def __enter__(self) -> _Capture:
        logging.getLogger("mkdocs").addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger("mkdocs").removeHandler(self)


class BuildCache:
    """One build's use of the cache folder; made by `start`, driven by the plugin's events."""

    def __init__(self, store: Store, site: str) -> None:
        self.store = store
        self.site = site
        self.stats = Stats()
        self._pending: dict[str, tuple[str, Converted]] = {}
        self._restored: dict[str, Rendered | None] = {}
        self._renders: dict[str, _Render] = {}
        self._site_render: str | None = None
        self._memo: dict[int, tuple[Any, Any]] = {}
        # A quiet build reads entries but keeps none: the warnings an entry replays would be
        # missing from it, and the next build, quiet or not, would pass `--strict` on them.
        self._keeps = _Capture.hears_all()
        self._fields: dict[type, tuple[str, ...] | None] = {}  # a dataclass's, by type

    @classmethod
    def start(cls, root: Path, site_inputs: Iterable[Any]) -> BuildCache | None:
        """The cache for a build with these site inputs; None (and an INFO line) if they
        cannot be fingerprinted or the folder is not a cache."""
        try:
            site = digest(*site_inputs, summarize=_summarize_config)
        except Unfingerprintable as error:
            log.info("building without the build cache: the configuration holds %s", error)
            return None
        store = Store(root)
        return cls(store, site) if store.usable else None

    # --- conversion (on_page_markdown, Page.render, on_page_content) ---------------------

    def convert(
        self,
        page: Page,
        markdown: str,
        inputs: Iterable[Any],
        images: Callable[[], Mapping[str, Path]] | None = None,  # used since the last call
        publish: Callable[[Mapping[str, Path]], None] | None = None,
    ) -> None:
        """Before `page` is converted: restore it from the cache, or record its conversion."""
        uri = page.file.src_uri
        try:
            key = digest(self.site, uri, page.file.url, text_digest(markdown), page.meta, *inputs)
        except Unfingerprintable as error:
            self.stats.uncacheable.append(f"{uri} ({error})")
            return
        found = self.store.get("pages", key, _valid_converted)
        if found is not None:
            entry = Converted.from_plain(found)
            self._restored[uri] = entry.rendered
            self.stats.reused += 1
            _instead_of_render(page, lambda config, files: _restore(page, entry, files, publish))
            return

        convert = page.render  # guarded by `guard.contain_rendering`

        def record(config: MkDocsConfig, files: Files) -> None:
            if images:
                images()  # forget what earlier pages used
            with _Capture() as capture:
                convert(config, files)
            try:
                used = dict(images()) if images else {}
                self._pending[uri] = (key, _converted(page, capture.lines, used))
            except Exception as error:  # the page is built; it is only not kept
                self.stats.uncacheable.append(f"{uri} ({describe(error)})")

        self.stats.converted += 1
        if self._keeps:  # else nothing is recorded that would not be kept
            _instead_of_render(page, record)

    def converted(self, page: Page) -> tuple[bool, Rendered | None]:
        """(True, its facts) when `page` came from the cache; else (False, None)."""
        uri = page.file.src_uri
        if uri in self._restored:
            return True, self._restored.pop(uri)
        return False, None

    def store_converted(self, page: Page, rendered: Rendered | None) -> None:
        """After `on_page_content` recorded the facts of a page converted in this build."""
        pending = self._pending.pop(page.file.src_uri, None)
        if pending is not None:
            key, entry = pending
            entry.rendered = rendered
            self.store.put("pages", key, entry.to_plain())

    # --- templates (on_page_context, the template, on_post_page) -------------------------

    def context(self, context: TemplateContext, page: Page, nav: Navigation, files: Files) -> None:
        """Last in `on_page_context`: hand the template its cached output, if there is one."""
        uri = page.file.src_uri
        try:
            data = _context_data(context, page, nav)
            key = digest(self._site_rendering(nav, files), data, summarize=self._summarize)
        except Exception as error:  # Unfingerprintable, or a plugin's odd value: not cached
            self.stats.uncacheable.append(f"{uri} ({describe(error)})")
            return
        slot = OutputSlot(cached=self.store.get("html", key, _valid_html))
        context[OUTPUT_SLOT] = slot  # type: ignore[literal-required]
        if slot.cached is not None:
            self.stats.reused_html += 1
            return
        self.stats.rendered += 1
        if not self._keeps:
            return
        capture = _Capture()
        capture.__enter__()
        self._renders[uri] = _Render(key, slot, capture)

    def post_page(self, page: Page) -> None:
        """Keep the template's output, unless something was logged while it rendered."""
        render = self._renders.pop(page.file.src_uri, None)
        if render is None:
            return
        render.capture.__exit__()
        warned = any(level >= logging.WARNING for _, level, _ in render.capture.lines)
        if render.slot.rendered is not None and not warned:
            self.store.put("html", render.key, render.slot.rendered)

    def _summarize(self, value: Any) -> Any | None:
        """A dataclass as its fields. An immutable record that holds other objects (a post's
        card, shown on several listings) is fingerprinted once per build, and so is a tuple of
        records (a series' parts, shown on each of its pages); anything smaller is cheaper
        inline than in a `json.dumps` of its own."""
        kind = type(value)
        if kind not in self._fields:
            self._fields[kind] = _field_names(kind)
        names = self._fields[kind]
        if names is None:
            return _summarize_config(value)
        if not names:
            return None  # not a dataclass, a configuration or a plugin: `_plain` names it
        found = self._memo.get(id(value))
        if found is not None:
            return found[1]
        fields = {name: self._records(getattr(value, name)) for name in names}
        if not _frozen(value) or all(type(item) in _SCALARS for item in fields.values()):
            return ["data", _qualname(value), fields]
        summary = ["record", _qualname(value), digest(fields, summarize=self._summarize)]
        # Kept with its summary, so that its id is not reused within the build.
        self._memo[id(value)] = (value, summary)
        return summary

    def _records(self, value: Any) -> Any:
        if type(value) is not tuple or len(value) < _SHARED_RECORDS or not all(map(_frozen, value)):
            return value
        found = self._memo.get(id(value))
        if found is None:
            summary = ["records", digest(list(value), summarize=self._summarize)]
            # Kept with its summary, so that its id is not reused within the build.
            found = self._memo[id(value)] = (value, summary)
        return found[1]

    def _site_rendering(self, nav: Navigation, files: Files) -> str:
        """What every page's template can see of the whole site, once per build."""
        if self._site_render is None:
            pages = [
                [file.src_uri, file.page.url, file.page.title, file.page.meta]
                for file in files.documentation_pages()
                if file.page is not None
            ]
            self._site_render = digest(self.site, navigation_data(nav), pages)
        return self._site_render

    def listings(self, render: RenderListing, page: Page, base_url: str) -> RenderListing:
        """`render`, remembered: a listing is a function of its values, the page and the site
        (listing templates see nothing else, `blog.listing_renderer`). They are given the page
        for the `url` filter, but a site's override may print its title or metadata too."""
        shown = [page.file.src_uri, page.url, page.canonical_url, page.title, page.meta]

        def remembered(name: str, values: dict[str, Any]) -> str:
            try:
                key = digest(self.site, name, shown, base_url, values, summarize=self._summarize)
            except Unfingerprintable:
                return render(name, values)
            found = self.store.get("listings", key, _valid_html)
            if found is None:
                found = render(name, values)
                self.store.put("listings", key, found)
            return str(found)

        return remembered

    def cache_templates(self, env: Environment) -> None:
        """Compiled templates, Material's included, from the cache (Jinja checks each one's
        source before it uses the compiled code)."""
        folder = self.store.root / "jinja"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))

    def finish(self, *, prune: bool = True) -> None:
        for render in self._renders.values():
            render.capture.__exit__()
        self._renders.clear()
        self.store.finish(prune=prune)
        stats = self.stats
        log.info(
            "build cache: %d of %d pages converted from the cache, %d of %d rendered from it",
            stats.reused,
            stats.reused + stats.converted,
            stats.reused_html,
            stats.reused_html + stats.rendered,
        )
        if stats.uncacheable:
            log.debug("not cached: %s", "; ".join(stats.uncacheable))


def _instead_of_render(page: Page, replacement: Callable[[MkDocsConfig, Files], None]) -> None:
    """Have MkDocs call `replacement` instead of converting the page.

    MkDocs converts every page in `_populate_page` with no event to skip it; an instance
    attribute shadows `Page.render` for this page of this build (as `guard.contain_rendering`
    does, whose guarded conversion `convert` calls on a miss).
    """
    page.render = replacement  # type: ignore[method-assign,assignment]


def _restore(
    page: Page,
    entry: Converted,
    files: Files,
    publish: Callable[[Mapping[str, Path]], None] | None,
) -> None:
    """What `Page.render` sets, from the cache; and the messages it logged, again."""
    page.content = entry.content
    page.toc = toc_from_data(entry.toc)
    page._title_from_render = entry.title
    page.present_anchor_ids = set(entry.anchors)
    if entry.links_to_anchors is not None:
        page.links_to_anchors = {}
        for uri, anchors in entry.links_to_anchors.items():
            target = files.get_file_from_path(uri)
            if target is not None:
                page.links_to_anchors[target] = dict(anchors)
    for name, level, text in entry.logs:
        logging.getLogger(name).log(level, "%s", text)
    if publish is not None and entry.images:
        publish({site_path: Path(cached) for site_path, cached in entry.images.items()})


def _converted(page: Page, logs: list[LogLine], images: Mapping[str, Path]) -> Converted:
    links = page.links_to_anchors
    return Converted(
        content=page.content or "",
        toc=toc_data(page.toc),
        title=page._title_from_render,
        # MkDocs notes `<span id>` (no value) as None, which no link can name.
        anchors=sorted(a for a in page.present_anchor_ids or () if isinstance(a, str)),
        links_to_anchors=(
            {target.src_uri: dict(anchors) for target, anchors in links.items()}
            if links is not None
            else None
        ),
        logs=logs,
        images={path: str(cached) for path, cached in images.items()},
    )


def _valid_converted(value: Any) -> bool:
    Converted.from_plain(value)  # raises on anything else
    return True


def _valid_html(value: Any) -> bool:
    return isinstance(value, str)


def _context_data(context: TemplateContext, page: Page, nav: Navigation) -> list[Any]:
    """The page's own part of its template's inputs (the site's part is `_site_rendering`)."""
    data: list[Any] = [_page_data(page, nav)]
    for name, value in sorted(context.items()):
        if name != "page" and name not in _SITE_CONTEXT:
            data.append([name, value])
    return data


def _page_data(page: Page, nav: Navigation) -> list[Any]:
    return [
        page.file.src_uri,
        page.file.inclusion.value,
        page.url,
        page.canonical_url,
        page.abs_url,
        page.edit_url,
        page.title,
        page.meta,
        text_digest(page.content or ""),
        toc_data(page.toc),
        page.is_homepage,
        page.update_date,
        page.previous_page,
        page.next_page,
        [ancestor.title for ancestor in page.ancestors],
        _active(nav.items),
    ]


def _active(items: Iterable[Any]) -> list[Any]:
    """The navigation entries marked active (the page, its sections, a series' landing page)."""
    found = []
    for item in items:
        if item.active:
            if isinstance(item, Section):
                found.append(["section", item.title, _active(item.children)])
            else:
                found.append([type(item).__name__, item.title, item.url])
    return found


# A tuple of this many immutable records or more is digested once per build (a series' parts);
# shorter ones (a post's tags) cost less inline than a digest of their own.
_SHARED_RECORDS = 8
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _field_names(kind: type) -> tuple[str, ...] | None:
    """A dataclass's field names; None for a configuration or a plugin (`_summarize_config`),
    () for any other type. Asked once per type and build: `isinstance` with an ABC is slow."""
    if dataclasses.is_dataclass(kind):
        return tuple(f.name for f in dataclasses.fields(kind))
    if issubclass(kind, MkDocsConfig | BasePlugin):
        return None
    return ()


def _frozen(value: Any) -> bool:
    params = getattr(value, "__dataclass_params__", None)
    return params is not None and params.frozen and not isinstance(value, type)


def _qualname(value: Any) -> str:
    return f"{type(value).__module__}.{type(value).__qualname__}"


def _summarize_config(value: Any) -> Any | None:
    if isinstance(value, MkDocsConfig):
        base = Path(value.config_file_path or ".").parent
        items = {key: item for key, item in value.items() if key not in _UNUSED_CONFIG}
        docs = Path(value.docs_dir)
        items["docs_dir"] = str(docs.relative_to(base)) if docs.is_relative_to(base) else str(docs)
        return ["mkdocs", items]
    if isinstance(value, BasePlugin):
        return ["plugin", _qualname(value), value.config]
    return None


def start_build_cache(
    config: MkDocsConfig, files: Files, *, cache_dir: str, code: str, extra: list[Any]
) -> BuildCache | None:
    """The build cache of this build, keyed by the site's inputs; None when it cannot be used.

    `code` is the plugin's own files (`tree_digest`), `extra` what else the plugin's
    conversions read besides the page (the blog's addresses, the xkcd data).
    """
    root = (Path(config.config_file_path or ".").parent / cache_dir).resolve()
    if root.is_relative_to(Path(config.docs_dir).resolve()):
        log.warning(
            "cache_dir %s is inside docs_dir, and the plugin never writes there: "
            "building without the build cache",
            cache_dir,
        )
        return None
    site_inputs = [
        versions(),
        code,
        [tree_digest(Path(folder)) for folder in _own_template_dirs(config)],
        config,
        # Extensions named by a string: the site's own count by their code (installed ones
        # by their distribution's version, in `versions`).
        [
            [name, named_module_code(name)]
            for name in config.markdown_extensions
            if isinstance(name, str)
        ],
        [(f.src_uri, f.url, f.inclusion.value, f.generated_by or "") for f in files],
        *extra,
    ]
    cache = BuildCache.start(root, site_inputs)
    if cache is not None:
        cache_search_index(config.plugins, cache.store, cache.site)
    return cache


def _own_template_dirs(config: MkDocsConfig) -> list[str]:
    """Theme folders whose files go into the keys: not the plugin's own (its code digest has
    them) nor installed themes' (their version has them)."""
    installed = [
        Path(__file__).parent.parent,
        Path(material.__file__).parent,
        Path(mkdocs.__file__).parent,
    ]
    return [
        folder
        for folder in config.theme.dirs
        if not any(Path(folder).resolve().is_relative_to(base.resolve()) for base in installed)
    ]


def versions() -> dict[str, str]:
    """Python's version and every installed distribution's: a site's other plugins, Markdown
    extensions and themes change its pages when they are upgraded (25 ms for 50 of them)."""
    found = {"python": sys.version}
    for package in PACKAGES:
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = ""
    for distribution in metadata.distributions():
        name = distribution.metadata["Name"]
        if name and name not in found:
            found[str(name)] = distribution.version
    return found


def tree_digest(folder: Path) -> str:
    """Every file under `folder` (names and bytes), but compiled Python."""
    chunks: list[bytes] = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            chunks.append(path.relative_to(folder).as_posix().encode())
            chunks.append(path.read_bytes())
    return digest_bytes(chunks)
