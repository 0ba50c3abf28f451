"""The cache on disk: one file per entry, named by its key, in `<cache_dir>/<kind>/`.

Content-addressed: an entry's name is the digest of everything that went into it, so an entry
is never updated, only written, read, and pruned when no build has used it for a while.

Entries are pickles of plain values only (str, int, lists, dicts, ...): the unpickler refuses
every class and function, so a hostile cache file cannot run code. An entry that cannot be read
(truncated, another format) is a miss, reported once per build at INFO level; so is a folder
that is not a Stepwise cache at all, which is then left alone (neither read nor written).
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.plugins.stepwise.buildcache")

FORMAT = "stepwise-build-cache"
VERSION = 1
"""Bump when the shape of an entry changes: older entries are then dropped, not misread."""
MANIFEST = "stepwise-cache.json"
KEEP_UNUSED = 2
"""Entries no build used lately are pruned beyond this many times the entries this build used
(`mkdocs serve` and `mkdocs build` see different drafts, so each keeps its own generation)."""


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refusing {module}.{name}: entries hold plain values only")


class Store:
    """Entries of one build cache folder; `usable` is False when the folder is not ours."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.usable = True
        self.unreadable: list[str] = []
        self.used: dict[str, set[str]] = {}
        self.written = 0
        self._folders: set[str] = set()
        self._open()

    def _open(self) -> None:
        manifest = self.root / MANIFEST
        if self.root.is_dir() and any(self.root.iterdir()):
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
            for kind in self.root.iterdir():
                if kind.is_dir():
                    for entry in kind.iterdir():
                        entry.unlink(missing_ok=True)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            manifest.write_text(json.dumps({"format": FORMAT, "version": VERSION}) + "\n")
        except OSError as error:
            self.usable = False
            log.info("cannot create the build cache in %s (%s)", self.root, _reason(error))

    def get(self, kind: str, key: str, valid: Callable[[Any], bool]) -> Any | None:
        """The entry `key` of `kind`, or None; `valid` checks its shape."""
        if not self.usable:
            return None
        path = self.root / kind / key
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            value = _PlainUnpickler(io.BytesIO(data)).load()
            ok = valid(value)
        except Exception as error:  # a corrupt file raises anything pickle can raise
            self.unreadable.append(f"{kind}/{key} ({_reason(error)})")
            ok = False
        if not ok:
            if not self.unreadable or not self.unreadable[-1].startswith(f"{kind}/{key}"):
                self.unreadable.append(f"{kind}/{key} (not an entry of this version)")
            path.unlink(missing_ok=True)
            return None
        self.used.setdefault(kind, set()).add(key)
        return value

    def put(self, kind: str, key: str, value: Any) -> None:
        if not self.usable:
            return
        folder = self.root / kind
        try:
            if kind not in self._folders:
                folder.mkdir(parents=True, exist_ok=True)
                self._folders.add(kind)
            # Written in place, not renamed into it: a build killed mid-write leaves a
            # truncated entry, which the next build reads as corrupt and rebuilds; and two
            # builds writing one key write the same bytes (the key is their digest).
            (folder / key).write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError as error:
            log.info("cannot write to the build cache in %s (%s)", folder, _reason(error))
            self.usable = False
            return
        self.used.setdefault(kind, set()).add(key)
        self.written += 1

    def finish(self, *, prune: bool = True) -> None:
        """Report unreadable entries, mark what this build used, prune what none used lately."""
        if self.unreadable:
            log.info(
                "%d build cache entries could not be read and were rebuilt: %s",
                len(self.unreadable),
                ", ".join(self.unreadable[:3]) + (", ..." if len(self.unreadable) > 3 else ""),
            )
        if not self.usable or not prune:
            return
        for kind, keys in self.used.items():
            folder = self.root / kind
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                if entry.name in keys:
                    # Last used now: pruning goes by modification time.
                    _touch(entry.path)
            unused = [e for e in entries if e.name not in keys]
            allowed = KEEP_UNUSED * len(keys)
            if len(unused) > allowed:
                unused.sort(key=_mtime, reverse=True)
                for entry in unused[allowed:]:
                    Path(entry.path).unlink(missing_ok=True)


def _touch(path: str) -> None:
    with contextlib.suppress(OSError):
        os.utime(path)


def _mtime(entry: os.DirEntry[str]) -> float:
    try:
        return entry.stat().st_mtime
    except OSError:
        return 0.0


def _reason(error: BaseException) -> str:
    return str(error) or type(error).__name__
