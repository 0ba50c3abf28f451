"""`mkdocs serve` as an author uses it: broken saves, recovery, and no writes to docs/."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import yaml

from .conftest import write_docs
from .serving import Server

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


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_broken_save_keeps_serving_and_fixing_recovers(tmp_path):
    project = make_project(tmp_path)
    before = tree_hash(project / "docs")
    server = Server(project).start()
    try:
        assert "Part one" in (server.get("course/one/") or "")
        assert "Part two" in (server.get("course/two/") or "")  # drafts are previewed
        assert tree_hash(project / "docs") == before  # serving wrote nothing into docs/

        post = project / "docs" / "course" / "one.md"
        time.sleep(1.1)  # a new mtime for the watcher
        post.write_text("---\ntitle: [broken\n---\nFirst.\n", encoding="utf-8")
        server.wait_for(lambda: "course/one.md:3: invalid YAML" in server.log, 60, "the error")
        assert "Traceback" not in server.log
        assert "Second." in (server.get("course/two/") or "")  # the rest is still served

        post.write_text("---\ntitle: Part one, fixed\nweight: 1\n---\nFirst.\n", encoding="utf-8")
        server.wait_for(
            lambda: "Part one, fixed" in (server.get("course/two/") or ""), 60, "the fixed title"
        )
    finally:
        server.stop()
