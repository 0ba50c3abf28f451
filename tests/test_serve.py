"""`mkdocs serve` as an author uses it: broken saves, recovery, and no writes to docs/."""

from __future__ import annotations

import signal
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from .conftest import tree_hash, write_docs
from .serving import Server, write_newer

DOCS = {
    "index.md": "# Home\n\n<!-- stepwise:series-list -->\n",
    "course/index.md": "---\ntitle: Course\n---\n",
    "course/one.md": "---\ntitle: Part one\nweight: 1\n---\nFirst.\n",
    "course/two.md": "---\ntitle: Part two\nweight: 2\ndraft: true\n---\nSecond.\n",
}


def make_project(root: Path) -> Path:
    write_docs(root / "docs", DOCS)
    config = {
        "site_name": "Serve",
        "theme": {"name": "material"},
        "plugins": ["search", "stepwise"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root


def test_broken_save_keeps_serving_and_fixing_recovers(tmp_path):
    project = make_project(tmp_path)
    before = tree_hash(project / "docs")
    server = Server(project).start()
    try:
        assert "Part one" in (server.get("course/one/") or "")
        assert "Part two" in (server.get("course/two/") or "")  # drafts are previewed
        assert tree_hash(project / "docs") == before  # serving wrote nothing into docs/

        post = project / "docs" / "course" / "one.md"
        write_newer(post, "---\ntitle: [broken\n---\nFirst.\n")
        server.wait_for(lambda: "course/one.md:3: invalid YAML" in server.log, 60, "the error")
        assert "Traceback" not in server.log
        assert "Second." in (server.get("course/two/") or "")  # the rest is still served

        write_newer(post, "---\ntitle: Part one, fixed\nweight: 1\n---\nFirst.\n")
        server.wait_for(
            lambda: "Part one, fixed" in (server.get("course/two/") or ""), 60, "the fixed title"
        )
    finally:
        server.stop()


SCENARIO = {
    "scenario/index.json": (
        '{"title": "Scenario", "details": {"intro": {"text": "intro.md"},'
        ' "steps": [{"title": "Step one", "text": "step1.md"}]}}'
    ),
    "scenario/intro.md": "Intro.\n",
    "scenario/step1.md": "First step.\n",
}


def test_broken_index_json_keeps_serving_and_fixing_recovers(tmp_path):
    project = make_project(tmp_path)
    write_docs(project / "docs", SCENARIO)
    server = Server(project).start()
    try:
        assert "Part 1 of" in (server.get("scenario/step1/") or "")
        index = project / "docs" / "scenario" / "index.json"
        write_newer(index, '{"title": "Scenario",\n "details": {')
        server.wait_for(
            lambda: "scenario/index.json:2: is not valid JSON" in server.log, 60, "the error"
        )
        assert "Traceback" not in server.log
        assert "First." in (server.get("course/one/") or "")  # the rest is still served
        # An invalid index.json leaves an ordinary folder: the steps are still pages.
        assert "First step." in (server.get("scenario/step1/") or "")

        write_newer(index, SCENARIO["scenario/index.json"].replace("Scenario", "Fixed"))
        server.wait_for(lambda: "Fixed" in (server.get("scenario/step1/") or ""), 60, "the fix")
        assert "Traceback" not in server.log
    finally:
        server.stop()


def is_held(url: str) -> bool:
    """Whether the server holds a request for `url` without answering it."""
    try:
        with urllib.request.urlopen(url, timeout=3):
            return False
    except TimeoutError:
        return True
    except urllib.error.URLError as error:
        return isinstance(error.reason, TimeoutError)


def test_strict_serve_never_shows_a_failed_build_and_fixing_recovers(tmp_path):
    """MkDocs' own rule under `serve --strict`: pages wait until a rebuild passes.

    A warning aborts the rebuild; MkDocs then holds every request ("the server will appear
    stuck") rather than serve the pages of a build that failed. Fixing the file releases them.
    """
    project = make_project(tmp_path)
    server = Server(project, "--strict").start()
    try:
        assert "Part one" in (server.get("course/one/") or "")
        post = project / "docs" / "course" / "one.md"
        write_newer(post, "---\ntitle: [broken\n---\nFirst.\n")
        server.wait_for(lambda: "Aborted with 1 warnings in strict mode" in server.log, 60, "abort")
        assert "course/one.md:3: invalid YAML" in server.log
        assert "Traceback" not in server.log
        assert is_held(server.url + "course/one/")  # not served from the failed build

        write_newer(post, "---\ntitle: Part one, fixed\nweight: 1\n---\nFirst.\n")
        server.wait_for(
            lambda: "Part one, fixed" in (server.get("course/one/") or ""), 60, "the fixed title"
        )
        assert "Traceback" not in server.log
    finally:
        server.stop()


@pytest.mark.parametrize("ignoring_ctrl_c", [False, True])
def test_stopping_the_server_leaves_no_temporary_site_behind(tmp_path, ignoring_ctrl_c):
    # `mkdocs serve` builds into a folder of its own under TMPDIR and removes it when stopped
    # as Ctrl-C stops it; stopped with SIGTERM it left a copy of the site per run behind.
    # A test run started with SIGINT ignored (`nohup`, `&` in a script) passes that on to the
    # processes it starts: the server must stop on Ctrl-C all the same.
    project = make_project(tmp_path / "project")
    temp = tmp_path / "tmp"
    temp.mkdir()
    before = signal.getsignal(signal.SIGINT)
    if ignoring_ctrl_c:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # what the server inherits
    try:
        server = Server(project, temp_dir=temp).start()
    finally:
        signal.signal(signal.SIGINT, before)
    try:
        assert "Part one" in (server.get("course/one/") or "")
        assert any(temp.iterdir())  # the site is being served from here
    finally:
        server.stop()
    assert server.process is not None and server.process.returncode == 0
    assert not any(temp.iterdir())
