"""The build cache's folder: corrupt, hostile, foreign and outdated caches, pruning, the
`cache_dir` guard and `stepwise build --no-cache`. (Byte-identity: `test_buildcache.py`.)"""

from __future__ import annotations

import os
import pickle
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mkdocs_stepwise import cli
from mkdocs_stepwise.buildcache import store

from .buildcache_support import FILES, Project, part, tree
from .conftest import build_site


def _packs(root: Path) -> Path:
    return root / ".cache/stepwise/build/packs"


def _index(pack: Path) -> dict[str, dict[str, tuple[int, int]]]:
    found: dict[str, dict[str, tuple[int, int]]] = store._load(
        pack.with_suffix(".index").read_bytes()
    )
    return found


def test_a_corrupt_entry_is_rebuilt_with_an_info_line(project: Project) -> None:
    project.build("warm", cache=True)
    [pack] = _packs(project.root / "warm").glob("*.pack")
    pages = _index(pack)["pages"]
    (offset, length), (offset2, _) = list(pages.values())[:2]
    data = bytearray(pack.read_bytes())
    data[offset : offset + length] = b"\x80\x05not a pickle".ljust(length, b".")
    data[offset2 : offset2 + 2] = b"\x00\x00"
    pack.write_bytes(bytes(data))
    project.check()
    messages = [r.getMessage() for r in project.caplog.records]
    assert any("2 build cache entries could not be read and were rebuilt" in m for m in messages)


def test_a_cut_pack_and_a_corrupt_index_are_rebuilt(project: Project) -> None:
    project.build("warm", cache=True)
    [pack] = _packs(project.root / "warm").glob("*.pack")
    pack.write_bytes(pack.read_bytes()[:1000])  # as if the disk filled up
    converted, pages, _, _ = project.check()
    assert converted < pages
    project.files["containers/part-2.md"] = part(2, "Cgroups, again")
    project.check()
    for index in _packs(project.root / "warm").glob("*.index"):
        index.write_bytes(b"garbage")
    converted, _, rendered, _ = project.check()
    assert converted == 0 and rendered == 0
    messages = [r.getMessage() for r in project.caplog.records]
    assert any("could not be read and were rebuilt" in m for m in messages)


class Boom:
    """Unpickling this would run `exec`: the cache must refuse it, not run it."""

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[str]]:
        return (exec, ("raise SystemExit('the cache ran code')",))


def test_a_hostile_entry_runs_no_code(project: Project) -> None:
    project.build("warm", cache=True)
    [pack] = _packs(project.root / "warm").glob("*.pack")
    boom = pickle.dumps(Boom())
    index = {kind: {key: (0, len(boom)) for key in keys} for kind, keys in _index(pack).items()}
    pack.write_bytes(boom)
    pack.with_suffix(".index").write_bytes(pickle.dumps(index))
    converted, _, _, _ = project.check()
    assert converted == 0
    assert any("refusing builtins.exec" in r.getMessage() for r in project.caplog.records)
    # An index that is itself hostile is refused too.
    pack.with_suffix(".index").write_bytes(boom)
    project.check()
    assert any("refusing builtins.exec" in r.getMessage() for r in project.caplog.records)


def test_a_foreign_folder_is_left_alone(project: Project) -> None:
    foreign = project.root / "warm/.cache/stepwise/build"
    foreign.mkdir(parents=True)
    (foreign / "notes.txt").write_text("someone else's")
    cold, _ = project.build("cold", cache=False)
    warm, counts = project.build("warm", cache=True)
    assert counts == ()  # not used
    assert tree(warm) == tree(cold)
    assert sorted(p.name for p in foreign.iterdir()) == ["notes.txt"]
    messages = [r.getMessage() for r in project.caplog.records]
    assert any("is not a Stepwise build cache" in m for m in messages)


def test_a_cache_of_another_format_version_is_started_afresh(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.build("warm", cache=True)
    monkeypatch.setattr(store, "VERSION", store.VERSION + 1)
    converted, _, rendered, _ = project.check()
    assert converted == 0 and rendered == 0
    assert any("another version of Stepwise" in r.getMessage() for r in project.caplog.records)


def test_packs_are_compacted(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every build that changes something adds a pack; they are merged before they pile up,
    keeping what the last build used, and a killed build's pack is deleted."""
    monkeypatch.setattr(store, "MAX_PACKS", 2)
    packs = _packs(project.root / "warm")
    for n in range(store.MAX_PACKS + 2):
        project.files["containers/part-2.md"] = part(2, f"Cgroups {n}")
        project.build("warm", cache=True)
    assert 1 <= len(list(packs.glob("*.index"))) <= store.MAX_PACKS
    orphan = packs / "0-1.pack"
    orphan.write_bytes(b"half a build")
    os.utime(orphan, (1, 1))
    converted, pages, rendered, templates = project.check()
    assert (converted, rendered) == (pages, templates)
    assert not orphan.exists()


def test_cache_dir_inside_docs_is_refused(tmp_path: Path, plugin_warnings: Any) -> None:
    build_site(
        tmp_path, {"index.md": "# Home\n"}, plugin={"cache_dir": "docs/.cache"}, strict=False
    )
    plugin_warnings.expect("cache_dir docs/.cache is inside docs_dir")
    assert not (tmp_path / "docs/.cache").exists()


@pytest.fixture(autouse=True)
def _no_stray_writes(tmp_path: Path) -> Iterator[None]:
    yield
    # The cache never lands in docs/.
    for docs in tmp_path.rglob("docs"):
        assert not any(p.name == ".cache" for p in docs.rglob("*"))


def test_stepwise_build_no_cache_neither_reads_nor_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`stepwise build --no-cache` is `mkdocs build` without the cache; plain `stepwise build`
    uses it; `--clear-cache` starts it afresh."""
    site = build_site(tmp_path, dict(FILES), plugin={"cache": True})
    cache = tmp_path / ".cache/stepwise/build"
    shutil.rmtree(cache)
    config = str(tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)

    assert cli.main(["build", "-f", config, "--strict", "--no-cache"]) == 0
    assert not cache.exists()
    assert (site.site_dir / "containers/part-1/index.html").is_file()
    assert "build cache" not in capsys.readouterr().err

    assert cli.main(["build", "-f", config, "--strict"]) == 0
    assert "build cache: 0 of" in capsys.readouterr().err
    assert cli.main(["build", "-f", config, "--strict"]) == 0
    assert re.search(r"build cache: (\d+) of \1 pages", capsys.readouterr().err)
    assert cli.main(["build", "-f", config, "--strict", "--clear-cache"]) == 0
    assert "build cache: 0 of" in capsys.readouterr().err
