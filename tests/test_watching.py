"""`mkdocs serve` watches docs/ with inotify where it sees every change, and polls elsewhere."""

from __future__ import annotations

import shutil
import sys

import pytest

from mkdocs_stepwise.watching import LOCAL_FILE_SYSTEMS, filesystem_type, natively_watchable

from .serving import Server, write_newer
from .test_preview import make_project, part

MOUNTINFO = [
    "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n",
    "40 27 0:50 / /mnt/c rw,noatime - 9p drvfs rw,dirsync,aname=drvfs\n",
    "41 27 0:51 / /home/me/shared rw - fuse.grpcfuse grpcfuse rw\n",
    "42 41 0:52 / /home/me/shared/local rw - tmpfs tmpfs rw\n",
    "43 27 0:53 / /srv/with\\040space rw - nfs4 server:/x rw\n",
    "garbage line without separator\n",
]


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/me/blog/docs", "ext4"),
        ("/mnt/c/Users/me/blog/docs", "9p"),
        ("/mnt/cd/docs", "ext4"),  # not inside /mnt/c
        ("/home/me/shared/blog", "fuse.grpcfuse"),
        ("/home/me/shared/local/blog", "tmpfs"),  # the deepest mount point wins
        ("/srv/with space/docs", "nfs4"),
    ],
)
def test_the_file_system_of_a_folder_is_its_deepest_mount(path, kind):
    assert filesystem_type(path, MOUNTINFO) == kind


def test_only_local_file_systems_are_watched_natively():
    assert {"9p", "nfs4", "fuse.grpcfuse", "virtiofs", "cifs", "vboxsf"}.isdisjoint(
        LOCAL_FILE_SYSTEMS
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")
def test_a_preview_on_a_local_disk_is_watched_natively_and_follows_every_change(tmp_path):
    if not natively_watchable(str(tmp_path)):
        pytest.skip(f"{tmp_path} is not on a local file system")
    project = make_project(tmp_path)
    docs = project / "docs"
    server = Server(project, "--dirty", "-v").start()
    try:
        server.wait_for(lambda: "with inotify" in server.log, 30, "the native watch")

        def rebuilds() -> int:
            return server.log.count("Detected file changes")

        def wait_for_rebuild(count: int, what: str) -> None:
            server.wait_for(
                lambda: server.log.count("Reloading browsers") >= count, 60, f"rebuild: {what}"
            )

        # An edit: one rebuild. Each rebuild reads every page; reading is not a change, or
        # each build would start the next one and the count below would run away.
        write_newer(docs / "course/part-2.md", part("Set it up", 2, "Text of part 2."))
        server.wait_for(lambda: "Set it up" in (server.get("course/part-3/") or ""), 60, "edit")
        wait_for_rebuild(1, "the edit")
        write_newer(docs / "other/a.md", part("Other A", 1, "Edited again."))
        server.wait_for(lambda: "Edited again." in (server.get("other/a/") or ""), 60, "edit")
        wait_for_rebuild(2, "the second edit")
        assert rebuilds() == 2, server.log

        # A new page, and a folder moved out of docs/ (one directory event under inotify).
        write_newer(docs / "course/part-5.md", part("Extra step", 5, "New page."))
        server.wait_for(lambda: "Extra step" in (server.get("course/part-4/") or ""), 60, "new")
        assert "Other A" in (server.get("tags/") or ""), "the tags page lists every post"
        shutil.move(docs / "other", tmp_path / "other-moved")
        server.wait_for(lambda: "Other A" not in (server.get("tags/") or "Other A"), 60, "move")
    finally:
        server.stop()
