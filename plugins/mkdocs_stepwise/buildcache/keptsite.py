"""Warm builds: keep the previous build's output files, write only those whose bytes changed.

MkDocs empties `site/` before every build but `--dirty` ones, then writes every page again. On
a warm build of a 1,000-post site that is the largest cost left: creating a folder and a file
costs about 1 ms here, reading a file back to compare it 0.05 ms. So the previous tree is kept
and every page's output compared with the file already there, within MkDocs' own rules:

1. `on_pre_build`: `clean_directory` leaves hidden entries alone ("we never copy files that are
   hidden"). The site's top-level folders are moved into the hidden `.stepwise-previous`, so
   the cleaning only deletes the few top-level files (`index.html`, `404.html`, sitemaps).
2. first in `on_files`, right after the cleaning: the folders are moved back, and every file
   in them noted with its inode and `ctime` (which no write, rename or `utime` leaves as it
   was). A marker file is made before, so every noted `ctime` is older than this build.
3. `on_env`, before MkDocs writes anything: an old file where this build needs a folder, or
   an old folder where it needs a file, is deleted (MkDocs would fail on it).
4. last in `on_post_page`: a page whose output equals its file's bytes returns "", and MkDocs
   leaves the file alone (its "Page skipped" INFO line is dropped for those pages).
5. last in `on_post_build`: a noted file that was neither kept nor written since (its `ctime`
   and inode unchanged) is deleted, then folders left empty: the tree is the one a clean
   build makes, whoever wrote to it (MkDocs, Material, other plugins), with no list of outputs
   to keep in step.

A symlink, or anything but a file or a folder, is deleted when noted: MkDocs never makes one,
and writing a page through one would write outside `site/`. A build killed between 1 and 2
leaves `.stepwise-previous` behind; the next build deletes it first. Any failure (a folder
that cannot be moved, a read-only site) falls back to what MkDocs does: that part is cleaned
and written again.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..guard import describe

log = logging.getLogger("mkdocs.plugins.stepwise.buildcache")

ASIDE = ".stepwise-previous"
MARKER = "marker"


@dataclass
class _Noted:
    ino: int
    ctime_ns: int
    size: int


class _QuietSkips(logging.Filter):
    """Drops MkDocs' "Page skipped" INFO line for the pages whose file was kept."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno == logging.INFO and record.msg in self.messages)


@dataclass
class KeptSite:
    """One build's reuse of the output folder `site_dir` (see the module's docstring)."""

    site_dir: str
    noted: dict[str, _Noted] = field(default_factory=dict)
    kept: set[str] = field(default_factory=set)
    written_over: int = 0
    _quiet: _QuietSkips = field(default_factory=_QuietSkips)
    _moved: list[str] = field(default_factory=list)

    # --- 1. before MkDocs cleans the folder ----------------------------------------------

    def set_aside(self) -> None:
        """Move the top-level folders where MkDocs' cleaning does not go."""
        aside = os.path.join(self.site_dir, ASIDE)
        try:
            if os.path.lexists(aside):
                _remove(aside)  # a killed build's
            entries = sorted(os.listdir(self.site_dir))
        except OSError:
            return  # no site yet, or one we cannot read: MkDocs does as it always does
        folders = [
            name
            for name in entries
            if not name.startswith(".") and _is_folder(os.path.join(self.site_dir, name))
        ]
        if not folders:
            return
        try:
            os.mkdir(aside)
            for name in folders:
                os.rename(os.path.join(self.site_dir, name), os.path.join(aside, name))
                self._moved.append(name)
        except OSError as error:
            log.info("cannot keep the previous site's files (%s): writing all", describe(error))
        logging.getLogger("mkdocs.commands.build").addFilter(self._quiet)

    # --- 2. after the cleaning --------------------------------------------------------------

    def put_back(self) -> None:
        """Move the folders back and note every file in them."""
        aside = os.path.join(self.site_dir, ASIDE)
        if not os.path.isdir(aside):
            return
        back: list[str] = []
        try:
            for name in self._moved:
                os.rename(os.path.join(aside, name), os.path.join(self.site_dir, name))
                back.append(name)
            # Made after the moves: each file in the folders was written before it.
            marker = os.path.join(aside, MARKER)
            with open(marker, "xb"):
                pass
            now = os.lstat(marker).st_ctime_ns
        except OSError as error:
            log.info("cannot keep the previous site's files (%s): writing all", describe(error))
            now = None
        _remove(aside)  # what could not be moved back is cleaned, as MkDocs would have
        self._moved.clear()
        if now is None:
            return
        for name in back:
            self._note(os.path.join(self.site_dir, name), now)

    def _note(self, folder: str, now: int) -> None:
        stack = [folder]
        while stack:
            try:
                with os.scandir(stack.pop()) as entries:
                    for entry in entries:
                        if entry.is_dir(follow_symlinks=False):
                            stack.append(entry.path)
                            continue
                        found = entry.stat(follow_symlinks=False)
                        if not stat.S_ISREG(found.st_mode):
                            os.unlink(entry.path)  # a symlink, a pipe: no build makes one
                        elif found.st_ctime_ns < now:
                            self.noted[entry.path] = _Noted(
                                found.st_ino, found.st_ctime_ns, found.st_size
                            )
                        # else: written while we looked; not ours to judge, it stays
            except OSError:
                continue

    # --- 3. before MkDocs writes ----------------------------------------------------------

    def make_room(self, outputs: Iterable[str]) -> None:
        """Delete old files where this build needs folders, old folders where it needs files."""
        if not self.noted:
            return
        folders = {self.site_dir}
        for path in self.noted:
            folder = os.path.dirname(path)
            while folder not in folders:
                folders.add(folder)
                folder = os.path.dirname(folder)
        for output in outputs:
            if output in folders:
                self._delete_folder(output)
            parent = os.path.dirname(output)
            while parent not in folders and len(parent) > len(self.site_dir):
                if parent in self.noted:
                    self._delete_file(parent)
                    break
                parent = os.path.dirname(parent)

    def _delete_folder(self, folder: str) -> None:
        prefix = folder + os.sep
        for path in [path for path in self.noted if path.startswith(prefix)]:
            del self.noted[path]
        _remove(folder)

    def _delete_file(self, path: str) -> None:
        del self.noted[path]
        with contextlib.suppress(OSError):
            os.unlink(path)

    # --- 4. each page, last -----------------------------------------------------------------

    def output(self, output: str, path: str, src_uri: str) -> str:
        """`output`, or "" when the file at `path` already holds exactly its bytes."""
        noted = self.noted.get(path)
        if noted is None or not output.strip():
            return output
        data = output.encode("utf-8", errors="xmlcharrefreplace")  # as MkDocs writes it
        if len(data) != noted.size or _read(path) != data:
            self.written_over += 1
            return output
        self.kept.add(path)
        self._quiet.messages.add(f"Page skipped: '{src_uri}'. Generated empty output.")
        return ""

    # --- 5. after every plugin wrote its files ------------------------------------------

    def sweep(self) -> int:
        """Delete what the previous build wrote and this one did not; the number deleted."""
        emptied: set[str] = set()
        deleted = 0
        for path, noted in self.noted.items():
            if path in self.kept:
                continue
            try:
                found = os.lstat(path)
            except OSError:
                continue
            if found.st_ino == noted.ino and found.st_ctime_ns == noted.ctime_ns:
                try:
                    os.unlink(path)
                except OSError:
                    continue
                deleted += 1
                emptied.add(os.path.dirname(path))
        for folder in sorted(emptied, key=len, reverse=True):
            while len(folder) > len(self.site_dir):
                try:
                    os.rmdir(folder)  # only if empty
                except OSError:
                    break
                folder = os.path.dirname(folder)
        return deleted

    def finish(self) -> None:
        logging.getLogger("mkdocs.commands.build").removeFilter(self._quiet)
        aside = os.path.join(self.site_dir, ASIDE)
        if os.path.lexists(aside):
            _remove(aside)  # the build failed before the folders came back: cleaned


def _is_folder(path: str) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as file:
            return file.read()
    except OSError:
        return None


def _remove(path: str) -> None:
    if _is_folder(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            os.unlink(path)
