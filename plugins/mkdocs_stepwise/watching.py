"""`mkdocs serve` notices a saved page at once, instead of at its next look every half second.

MkDocs' live-reload server watches files with watchdog's `PollingObserver`: every 0.5 s it lists
every file's time and size, so a save waits 0.25 s on average (up to 0.5 s) before a rebuild
starts, and the listing itself costs CPU that grows with the site. MkDocs chose polling because
native notifications are missing where files live on another machine or kernel: NFS or SMB
shares, WSL's Windows drives (`/mnt/c`, 9p), Docker Desktop's shared folders (virtiofs, gRPC
FUSE), VirtualBox shares. A preview that never updates is far worse than a slow one.

So `docs_dir`, and only it, moves to Linux's inotify when the folder is on a local file system
(ext4, XFS, Btrfs, tmpfs, overlayfs, ...: `LOCAL_FILE_SYSTEMS`, read from /proc/self/mountinfo);
anywhere else, and on other systems, MkDocs' polling stays. The configuration file, theme
folders and `watch:` paths keep MkDocs' observer.

inotify also reports files being opened and read. MkDocs' handler rebuilds on any event that is
not about a directory, and every build reads every page, so those events are filtered out, or
each build would start the next one. A directory moved out of `docs_dir` arrives as a single
directory event, which MkDocs ignores; it is passed on as a deleted file, as polling reports it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger
from watchdog.events import (
    DirDeletedEvent,
    FileAttribEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers.api import BaseObserver, ObservedWatch

log = get_plugin_logger("stepwise")

LOCAL_FILE_SYSTEMS = frozenset(
    {"ext2", "ext3", "ext4", "xfs", "btrfs", "f2fs", "jfs", "reiserfs", "zfs", "bcachefs"}
    | {"tmpfs", "ramfs", "overlay", "overlayfs"}
)
"""File systems on which inotify reports every change made to them (by this kernel, the only
one that can write to them)."""

CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileAttribEvent,  # `touch`, or a new modification time set by a tool
    FileClosedEvent,  # closed after writing
    FileDeletedEvent,
    FileMovedEvent,
    DirDeletedEvent,
]
"""The events that mean a file changed; not `FileOpenedEvent`/`FileClosedNoWriteEvent`."""


def filesystem_type(path: str, mountinfo: Iterable[str]) -> str | None:
    """The type of the file system `path` (absolute, symlinks resolved) is on, from the lines
    of /proc/self/mountinfo: the mount point that is the longest prefix of the path wins."""
    best: tuple[int, str] | None = None
    for line in mountinfo:
        fields, separator, rest = line.partition(" - ")
        parts = fields.split()
        if not separator or len(parts) < 5 or not rest.split():
            continue
        # Spaces and other special characters in mount points are written as octal escapes.
        mount_point = parts[4].encode("latin-1").decode("unicode_escape")
        inside = path == mount_point or path.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), rest.split()[0])
    return best[1] if best else None


def natively_watchable(path: str) -> bool:
    """Whether inotify sees every change under `path` (Linux, local file system)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as mounts:
            kind = filesystem_type(os.path.realpath(path), mounts)
    except OSError:
        return False
    return kind in LOCAL_FILE_SYSTEMS


class _ChangesOnly(FileSystemEventHandler):
    """Hands MkDocs' handler the events polling would have given it."""

    def __init__(self, handler: FileSystemEventHandler) -> None:
        super().__init__()
        self.handler = handler

    def dispatch(self, event: FileSystemEvent) -> None:
        if isinstance(event, DirDeletedEvent):
            # Moved out of the folder, or removed: its pages are gone.
            event = FileDeletedEvent(event.src_path)
        self.handler.dispatch(event)


def _native_observer() -> BaseObserver | None:
    try:
        from watchdog.observers.inotify import InotifyObserver
    except ImportError:  # not Linux
        return None

    class ChangesObserver(InotifyObserver):
        """Every handler scheduled here sees changes only (see the module's docstring)."""

        def schedule(
            self,
            event_handler: FileSystemEventHandler,
            path: str | Path,
            *,
            recursive: bool = False,
            event_filter: list[type[FileSystemEvent]] | None = None,
            follow_symlink: bool = False,
        ) -> ObservedWatch:
            return super().schedule(
                _ChangesOnly(event_handler),
                path,
                recursive=recursive,
                event_filter=CHANGES,
                follow_symlink=follow_symlink,
            )

    return ChangesObserver()


class NativeWatch:
    """Moves one folder of a `LiveReloadServer` to inotify; `stop()` when the server stops."""

    def __init__(self) -> None:
        self.observer: BaseObserver | None = None

    def start(self, server: LiveReloadServer, folder: str) -> bool:
        """Watch `folder` natively instead of by polling; False (and polling) when it cannot."""
        if not natively_watchable(folder):
            log.debug("%s is not on a local Linux file system: MkDocs polls it", folder)
            return False
        observer = _native_observer()
        if observer is None:
            return False
        try:
            # Try first, before the server is touched: inotify may be unavailable, or the
            # system's limit of watches (one per folder) reached.
            observer.start()
            observer.unschedule(observer.schedule(FileSystemEventHandler(), folder, recursive=True))
        except OSError as error:
            log.info("cannot watch %s natively (%s): MkDocs polls it", folder, error)
            observer.stop()
            return False
        polling = server.observer
        # `watch` and `unwatch` are the server's public way to (un)schedule its own handler;
        # pointing `server.observer` at the native observer for one call schedules it there.
        server.unwatch(folder)
        server.observer = observer  # type: ignore[assignment]  # typed as MkDocs creates it
        try:
            server.watch(folder)
        finally:
            server.observer = polling
        self.observer = observer
        log.debug("watching %s with inotify", folder)
        return True

    def stop(self, *_: Any) -> None:
        if self.observer is not None:
            self.observer.stop()
            self.observer.join()
            self.observer = None
