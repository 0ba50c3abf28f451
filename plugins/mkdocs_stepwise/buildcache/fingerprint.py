"""Fingerprints: a stable digest of plain values, configurations and template contexts.

A cache key must change whenever anything that can change the output changes, and must not
change between two processes that see the same inputs. So values are written as JSON with
sorted keys, objects as plain values that name their kind and contents, and hashed (`digest`).
What cannot be written so with certainty (an object of an unknown kind, a cycle) raises
`Unfingerprintable`: the caller then builds without the cache rather than with a key that
might miss an input.

Pure functions of the standard library and MkDocs' structure classes; no state.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import hashlib
import json
import re
import sys
import types
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePath
from typing import Any

from markdown import Extension
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.theme import Theme

_RECORD_MODULES = ("material.plugins.tags.structure.",)
"""Packages whose objects in a template context are plain records: their attributes are their
value (Material's tags and their links)."""


class Unfingerprintable(Exception):
    """A value whose every input cannot be named with certainty."""


Summarize = Callable[[Any], Any | None]
"""Replaces a value by its canonical form (a digest of it, say), or returns None to decline."""


def digest(*parts: Any, summarize: Summarize | None = None) -> str:
    """A hex digest of `parts`.

    `json.dumps` walks the plain parts (dicts, lists, text, numbers) at C speed, with sorted
    keys; everything else goes through `summarize`, then `_plain`, which name it by kind and
    contents. A cycle, or keys that cannot be sorted, make the value `Unfingerprintable`.
    """

    def default(value: Any) -> Any:
        if summarize is not None:
            summary = summarize(value)
            if summary is not None:
                return summary
        return _plain(value)

    try:
        text = json.dumps(
            parts,
            default=default,
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )
    except (TypeError, ValueError, RecursionError) as error:
        raise Unfingerprintable(str(error) or type(error).__name__) from error
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def text_digest(text: str) -> str:
    """A long text (a page's Markdown or HTML) by its digest: JSON would escape it first."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def digest_bytes(chunks: Iterable[bytes]) -> str:
    hasher = hashlib.blake2b(digest_size=20)
    for chunk in chunks:
        hasher.update(len(chunk).to_bytes(8, "big"))
        hasher.update(chunk)
    return hasher.hexdigest()


def _plain(value: Any) -> Any:
    """A value JSON cannot write, as plain values that name its kind and hold its contents
    (which may in turn be such values: `json.dumps` comes back here for them)."""
    if isinstance(value, bytes):
        return ["bytes", digest_bytes([value])]
    if isinstance(value, enum.Enum):
        return ["enum", _qualname(type(value)), value.value]
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return [type(value).__name__, value.isoformat()]
    if isinstance(value, PurePath):
        return ["path", str(value)]
    if isinstance(value, re.Pattern):
        return ["re", value.pattern, value.flags]
    if isinstance(value, Page):
        return ["page", value.file.src_uri, value.url, value.title]
    if isinstance(value, File):
        return ["file", value.src_uri, value.url]
    if isinstance(value, Section):
        return ["section", value.title]
    if isinstance(value, Link):
        return ["link", value.title, value.url]
    if isinstance(value, AnchorLink | TableOfContents):
        return ["toc", toc_data(value)]
    if isinstance(value, Navigation):
        return ["nav", navigation_data(value)]
    if isinstance(value, Theme):
        items = dict(value.items())
        return ["theme", value.name, list(value.dirs), sorted(value.static_templates), items]
    if isinstance(value, Extension):
        # An instance a plugin added: its kind and its options (not its live collaborators),
        # and its code when it is the site's own.
        module = sys.modules.get(type(value).__module__)
        return ["extension", _qualname(type(value)), value.getConfigs(), _own_code(module)]
    if isinstance(value, Mapping):
        return ["map", {str(key): item for key, item in value.items()}]
    if isinstance(value, set | frozenset):
        return ["set", sorted(json.dumps(item, default=_plain, sort_keys=True) for item in value)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {field.name: getattr(value, field.name) for field in dataclasses.fields(value)}
        return ["data", _qualname(type(value)), fields]
    if isinstance(value, functools.partial):
        return ["partial", value.func, value.args, value.keywords]
    if isinstance(value, types.FunctionType):
        # A function's code and what it closes over (`slugify(case="lower")`'s `case`).
        # The site's own function (`!!python/name:` in mkdocs.yml) also by its module's code.
        cells = [cell.cell_contents for cell in value.__closure__ or ()]
        code = _own_code(sys.modules.get(value.__module__))
        return ["function", _qualname(value), cells, value.__defaults__, code]
    if isinstance(value, types.BuiltinFunctionType | type):
        return ["callable", _qualname(value)]
    if isinstance(value, types.ModuleType):
        # `hooks:` in mkdocs.yml: the site's own code, which can change anything.
        return ["module", value.__name__, _own_code(value)]
    if type(value).__module__.startswith(_RECORD_MODULES) and hasattr(value, "__dict__"):
        return ["object", _qualname(type(value)), vars(value)]
    if _qualname(type(value)) == "babel.core.Locale":
        return ["locale", str(value)]  # MkDocs' `theme.locale`
    raise Unfingerprintable(f"a value of type {_qualname(type(value))}")


def named_module_code(name: str) -> str | None:
    """The code of the module a site names in `mkdocs.yml` (`module` or `module:Class`, a
    Markdown extension), if it is the site's own; installed ones count by their version."""
    return _own_code(sys.modules.get(name.split(":", 1)[0]))


def _own_code(module: types.ModuleType | None) -> str | None:
    """The digest of a module's file, unless it is installed (its package's version counts)."""
    path = getattr(module, "__file__", None)
    if not path or any(part in ("site-packages", "dist-packages") for part in Path(path).parts):
        return None
    try:
        return digest_bytes([Path(path).read_bytes()])
    except OSError:
        return None


def _qualname(thing: Any) -> str:
    return f"{getattr(thing, '__module__', '?')}.{getattr(thing, '__qualname__', '?')}"


def toc_data(toc: AnchorLink | TableOfContents | Iterable[AnchorLink]) -> list[Any]:
    """A table of contents as nested `[title, id, level, children]` lists (also what the cache
    stores: `toc_from_data` makes it a `TableOfContents` again)."""
    items = [toc] if isinstance(toc, AnchorLink) else list(toc)
    return [[link.title, link.id, link.level, toc_data(link.children)] for link in items]


def toc_from_data(data: list[Any]) -> TableOfContents:
    return TableOfContents(_links(data))


def _links(data: list[Any]) -> list[AnchorLink]:
    links = []
    for title, anchor, level, children in data:
        link = AnchorLink(title, anchor, level)
        link.children = _links(children)
        links.append(link)
    return links


def navigation_data(nav: Navigation) -> list[Any]:
    """What the navigation shows: every item's kind, title, address and Material's keys."""
    return [_item_data(item) for item in nav.items]


def _item_data(item: Any) -> Any:
    if isinstance(item, Section):
        return ["section", item.title, [_item_data(child) for child in item.children]]
    if isinstance(item, Page):
        return ["page", item.file.src_uri, item.url, item.title, item.meta]
    if isinstance(item, Link):
        return ["link", item.title, item.url]
    raise Unfingerprintable(f"a navigation item of type {_qualname(type(item))}")
