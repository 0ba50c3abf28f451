"""The cache on disk: packs of entries, each entry found by its kind and key.

Content-addressed: an entry's key is the digest of everything that went into it, so an entry
is never updated, only written, read, and dropped when builds stop using it.

A build appends the entries it makes to one pack of its own (`packs/<name>.pack`) and, when it
finishes, writes the pack's index (`<name>.index`: kind → key → offset and length) next to
it. One file per build, not one per entry: creating a few thousand small files cost more
than the rest of the cache on the machines we measured (a third of a millisecond of system
time each). A pack without its index (a build that was killed) is never read, and is deleted
by a later build. When the packs hold much more than the last build used, that build copies
what it used into a new pack and deletes the old ones.

Entries and indexes are pickles of plain values only (str, int, lists, dicts, ...): the
unpickler refuses every class and function, so a hostile entry cannot run code. (Jinja's
compiled templates, `jinja/` beside the packs, are code: the folder is trusted as the project
is.) An entry or index that cannot be read is a miss, reported once per build at INFO level; a
folder that is not a Stepwise cache at all is left alone (neither read nor written).
"""

from __future__ import annotations

import io
import json
import logging
import mmap
import os
import pickle
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

log = logging.getLogger("mkdocs.plugins.stepwise.buildcache")

FORMAT = "stepwise-build-cache"
VERSION = 2
"""Bump when the shape of an entry changes: older caches are then started afresh, not misread."""
MANIFEST = "stepwise-cache.json"
PACKS = "packs"
COMPACT_ABOVE = 3
"""Packs are compacted when they hold more than this many times the bytes a build used
(`mkdocs serve` and `mkdocs build` see different drafts: each keeps its generation for a while)."""
MAX_PACKS = 8
ORPHAN_AGE = 3600.0
"""Seconds after which a pack without an index is taken for a killed build's and deleted."""

Location = tuple[str, int, int]
"""(pack name, offset, length)"""


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refusing {module}.{name}: entries hold plain values only")


def _load(data: bytes) -> Any:
    return _PlainUnpickler(io.BytesIO(data)).load()


class Store:
    """Entries of one build cache folder; `usable` is False when the folder is not ours."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.usable = True
        self.unreadable: list[str] = []
        self.used: dict[str, dict[str, Location]] = {}
        self._index: dict[str, dict[str, Location]] = {}
        self._maps: dict[str, mmap.mmap] = {}
        self._name = f"{time.time_ns():x}-{os.getpid()}"
        self._pack: BinaryIO | None = None
        self._new: dict[str, dict[str, tuple[int, int]]] = {}
        self._offset = 0
        self._open()
        if self.usable:
            self._read_indexes()

    # --- opening -------------------------------------------------------------------------

    def _open(self) -> None:
        manifest = self.root / MANIFEST
        try:
            occupied = self.root.is_dir() and any(self.root.iterdir())
        except OSError as error:  # another user's folder, say
            self.usable = False
            log.info("cannot read the build cache in %s (%s)", self.root, _reason(error))
            return
        if occupied:
            try:
                found = json.loads(manifest.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                self.usable = False
                reason = f"no {MANIFEST}" if not manifest.exists() else _reason(error)
                log.info(
                    "%s is not a Stepwise build cache (%s): building without it, and leaving "
                    "it as it is; delete it to let Stepwise use the folder",
                    self.root,
                    reason,
                )
                return
            if not isinstance(found, dict) or found.get("format") != FORMAT:
                self.usable = False
                log.info("%s holds another program's cache: building without it", self.root)
                return
            if found.get("version") == VERSION:
                return
            log.info("%s is from another version of Stepwise: starting it afresh", self.root)
            for folder in self.root.iterdir():
                if folder.is_dir():
                    for entry in folder.iterdir():
                        if entry.is_file():
                            entry.unlink(missing_ok=True)
        try:
            (self.root / PACKS).mkdir(parents=True, exist_ok=True)
            manifest.write_text(json.dumps({"format": FORMAT, "version": VERSION}) + "\n")
        except OSError as error:
            self.usable = False
            log.info("cannot create the build cache in %s (%s)", self.root, _reason(error))

    def _read_indexes(self) -> None:
        folder = self.root / PACKS
        try:
            indexes = sorted(folder.glob("*.index"))
        except OSError:
            return
        for path in indexes:
            name = path.stem
            try:
                found = _load(path.read_bytes())
                entries = _checked_index(found)
            except Exception as error:  # a corrupt index: its pack is not read
                self.unreadable.append(f"{path.name} ({_reason(error)})")
                continue
            for kind, keys in entries.items():
                into = self._index.setdefault(kind, {})
                for key, (offset, length) in keys.items():
                    into[key] = (name, offset, length)

    # --- entries -------------------------------------------------------------------------

    def get(self, kind: str, key: str, valid: Callable[[Any], bool]) -> Any | None:
        """The entry `key` of `kind`, or None; `valid` checks its shape."""
        if not self.usable:
            return None
        where = self._index.get(kind, {}).get(key)
        if where is None:
            return None
        try:
            value = _load(self._bytes(where))
            ok = valid(value)
        except Exception as error:  # a corrupt entry raises anything pickle can raise
            self.unreadable.append(f"{kind}/{key} ({_reason(error)})")
            ok = False
        if not ok:
            if not self.unreadable or not self.unreadable[-1].startswith(f"{kind}/{key}"):
                self.unreadable.append(f"{kind}/{key} (not an entry of this version)")
            del self._index[kind][key]
            return None
        self.used.setdefault(kind, {})[key] = where
        return value

    def _bytes(self, where: Location) -> bytes:
        name, offset, length = where
        pages = self._maps.get(name)
        if pages is None:
            with open(self.root / PACKS / f"{name}.pack", "rb") as pack:
                pages = self._maps[name] = mmap.mmap(pack.fileno(), 0, access=mmap.ACCESS_READ)
        if offset + length > len(pages):
            raise ValueError("the pack is shorter than its index says")
        return pages[offset : offset + length]

    def put(self, kind: str, key: str, value: Any) -> None:
        if not self.usable:
            return
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            if self._pack is None:
                self._pack = open(self.root / PACKS / f"{self._name}.pack", "wb")  # noqa: SIM115 - open for the whole build
            self._pack.write(data)
        except OSError as error:
            log.info("cannot write to the build cache in %s (%s)", self.root, _reason(error))
            self.usable = False
            return
        self._new.setdefault(kind, {})[key] = (self._offset, len(data))
        self.used.setdefault(kind, {})[key] = (self._name, self._offset, len(data))
        self._offset += len(data)

    # --- finishing -----------------------------------------------------------------------

    def finish(self, *, prune: bool = True) -> None:
        """Report unreadable entries, write this build's index, compact when worth it."""
        if self.unreadable:
            log.info(
                "%d build cache entries could not be read and were rebuilt: %s",
                len(self.unreadable),
                ", ".join(self.unreadable[:3]) + (", ..." if len(self.unreadable) > 3 else ""),
            )
        if not self.usable:
            self._close()
            return
        try:
            if self._pack is not None:
                self._pack.close()
                self._pack = None
                _write_index(self.root / PACKS / f"{self._name}.index", self._new)
            if prune:
                self._compact()
        except OSError as error:
            log.info("cannot write to the build cache in %s (%s)", self.root, _reason(error))
        finally:
            self._close()

    def _compact(self) -> None:
        folder = self.root / PACKS
        packs = {path.stem: path for path in folder.glob("*.pack")}
        indexed = {path.stem for path in folder.glob("*.index")}
        now = time.time()
        for name, path in packs.items():
            if name not in indexed and now - _mtime(path) > ORPHAN_AGE:
                path.unlink(missing_ok=True)  # a killed build's
        used_bytes = sum(length for keys in self.used.values() for _, _, length in keys.values())
        total = sum(_size(packs[name]) for name in indexed if name in packs)
        if len(indexed) <= 1 or (
            total <= COMPACT_ABOVE * max(used_bytes, 1) and len(indexed) <= MAX_PACKS
        ):
            return
        name = f"{time.time_ns():x}-{os.getpid()}-compact"
        index: dict[str, dict[str, tuple[int, int]]] = {}
        offset = 0
        with open(folder / f"{name}.pack", "wb") as pack:
            for kind, keys in self.used.items():
                for key, where in keys.items():
                    data = self._bytes(where)
                    pack.write(data)
                    index.setdefault(kind, {})[key] = (offset, len(data))
                    offset += len(data)
        _write_index(folder / f"{name}.index", index)
        for old in indexed:
            (folder / f"{old}.index").unlink(missing_ok=True)
            (folder / f"{old}.pack").unlink(missing_ok=True)

    def _close(self) -> None:
        if self._pack is not None:
            self._pack.close()
            self._pack = None
        for pages in self._maps.values():
            pages.close()
        self._maps.clear()


def _write_index(path: Path, index: dict[str, dict[str, tuple[int, int]]]) -> None:
    """Written aside and renamed: a reader sees a whole index or none."""
    new = path.with_suffix(f".new-{os.getpid()}")
    new.write_bytes(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(new, path)


def _checked_index(value: Any) -> dict[str, dict[str, tuple[int, int]]]:
    if not isinstance(value, dict):
        raise TypeError("not an index")
    checked: dict[str, dict[str, tuple[int, int]]] = {}
    for kind, keys in value.items():
        if not isinstance(kind, str) or not isinstance(keys, dict):
            raise TypeError("not an index")
        into = checked[kind] = {}
        for key, where in keys.items():
            offset, length = where
            if not isinstance(key, str) or not all(
                isinstance(n, int) and n >= 0 for n in (offset, length)
            ):
                raise TypeError("not an index")
            into[key] = (offset, length)
    return checked


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _reason(error: BaseException) -> str:
    return str(error) or type(error).__name__
