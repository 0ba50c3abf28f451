"""What the plugin keeps between the rebuilds of `mkdocs serve`: posts, templates, scripts.

Both must give exactly what a fresh build would: a changed file is read again, a deleted one
forgotten, an edited template compiled again.
"""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest

from mkdocs_stepwise.catalogue import Catalogue
from mkdocs_stepwise.longlived import freeze_what_is_alive
from mkdocs_stepwise.metadata import Problem
from mkdocs_stepwise.postcache import PostCache
from mkdocs_stepwise.posts import read_post
from mkdocs_stepwise.publishing import PublishingPolicy
from mkdocs_stepwise.series_script import MadeScripts, ScriptCommand, ScriptPart, series_script

from .conftest import PluginWarnings

UTC = ZoneInfo("UTC")


def post(title: str, body: str = "Body.") -> bytes:
    return f"---\ntitle: {title}\ndate: 2024-01-02\ntags: [a]\n---\n\n{body}\n".encode()


def read(cache: PostCache, files: dict[str, bytes], timezone: str = "UTC") -> Catalogue:
    return Catalogue.read(
        files.items(),
        policy=PublishingPolicy(),
        serving=True,
        timezone=timezone,
        now=dt.datetime(2025, 1, 1, tzinfo=UTC),
        post_cache=cache,
    )


def test_unchanged_files_are_not_parsed_again_and_read_as_a_fresh_parse():
    cache = PostCache()
    files = {f"s/part-{n}.md": post(f"Part {n}") for n in range(5)}
    first = read(cache, files)
    assert cache.parsed == 5
    second = read(cache, files)
    assert cache.parsed == 0
    for uri, raw in files.items():
        fresh = read_post(uri, raw.decode(), UTC)
        assert second.posts[uri] == fresh == first.posts[uri]


def test_a_changed_file_is_parsed_again_even_with_the_same_size():
    cache = PostCache()
    files = {"s/a.md": post("Alpha"), "s/b.md": post("Bravo")}
    read(cache, files)
    # Same length, same everything a time-and-size check would see.
    files["s/a.md"] = post("Omega")
    assert len(files["s/a.md"]) == len(post("Alpha"))
    catalogue = read(cache, files)
    assert cache.parsed == 1
    assert catalogue.posts["s/a.md"].title == "Omega"
    assert catalogue.posts["s/b.md"].title == "Bravo"


def test_added_and_deleted_files():
    cache = PostCache()
    read(cache, {"s/a.md": post("Alpha"), "s/b.md": post("Bravo")})
    catalogue = read(cache, {"s/a.md": post("Alpha"), "s/c.md": post("Charlie")})
    assert cache.parsed == 1
    assert set(catalogue.posts) == {"s/a.md", "s/c.md"}
    # b.md is forgotten: back again, it is parsed, not taken from an old build.
    catalogue = read(cache, {"s/a.md": post("Alpha"), "s/b.md": post("Bravo again")})
    assert cache.parsed == 1
    assert catalogue.posts["s/b.md"].title == "Bravo again"


def test_a_new_time_zone_parses_dates_again():
    cache = PostCache()
    files = {"s/a.md": post("Alpha")}
    utc = read(cache, files).posts["s/a.md"].meta.date
    tokyo = read(cache, files, timezone="Asia/Tokyo").posts["s/a.md"].meta.date
    assert cache.parsed == 1
    assert utc is not None and tokyo is not None and utc != tokyo


def test_changing_a_post_read_from_the_cache_does_not_change_the_next_build():
    cache = PostCache()
    files = {"s/a.md": post("Alpha")}
    first = read(cache, files).posts["s/a.md"]
    # What the plugin does to a read post: scenarios retitle it, problems are added.
    first.title = "Retitled"
    first.meta.description = "Set by a scenario"
    first.problems.append(Problem("added later"))
    second = read(cache, files).posts["s/a.md"]
    assert second.title == "Alpha"
    assert second.meta.description is None
    assert second.problems == []


def test_problems_are_reported_on_every_build(plugin_warnings: PluginWarnings):
    cache = PostCache()
    files = {"s/a.md": b"---\ntitle: [\n---\n\nBroken.\n"}
    for _ in range(2):
        read(cache, files)
        plugin_warnings.expect(r"^s/a\.md:3: invalid YAML front matter", count=1)


def test_series_scripts_are_made_again_only_when_their_input_changes():
    made = MadeScripts()
    parts = [
        ScriptPart(1, "Install", "https://x.test/s/1/", [ScriptCommand("apt install x")]),
        ScriptPart(2, "Run", "https://x.test/s/2/", [ScriptCommand("x --run")]),
    ]
    first = made.script("Series", "https://x.test/s/", parts)
    assert first == series_script("Series", "https://x.test/s/", parts)
    again = made.script("Series", "https://x.test/s/", [replace(p) for p in parts])
    assert again is first
    retitled = [parts[0], replace(parts[1], title="Run it")]
    assert made.script("Series", "https://x.test/s/", retitled) == series_script(
        "Series", "https://x.test/s/", retitled
    )
    assert "Run it" in made.script("Series", "https://x.test/s/", retitled)
    other = [parts[0], replace(parts[1], commands=[ScriptCommand("x --stop")])]
    assert "x --stop" in made.script("Series", "https://x.test/s/", other)
    assert "x --stop" not in made.script("Renamed", "https://x.test/s/", parts)


def test_what_the_first_build_left_alive_is_frozen_for_the_collector():
    kept = [object()]  # something alive
    before = gc.get_freeze_count()
    try:
        freeze_what_is_alive()
        assert gc.get_freeze_count() > before
        assert kept
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual


def test_a_full_collection_during_a_build_frees_garbage_and_freezes_what_it_left(
    build, monkeypatch
):
    """Between the build's own freezes (here: while pages are written), what a full collection
    finds alive is frozen after it, so the next one does not walk it again; what it finds to
    be garbage is freed, not frozen. After the build the collector is as it was."""
    import weakref

    from mkdocs.commands import build as mkdocs_build

    class Cycle:
        pass

    seen: list[tuple[int, int, bool]] = []
    build_page = mkdocs_build._build_page

    def spy(*args, **kwargs):
        garbage = Cycle()
        garbage.me = garbage  # type: ignore[attr-defined]
        gone = weakref.ref(garbage)
        del garbage
        kept_here = [Cycle() for _ in range(100)]  # alive, and tracked by the collector
        before = gc.get_freeze_count()
        gc.collect(0)  # only a full collection freezes what it leaves: a young one may leave
        assert gc.get_freeze_count() == before  # garbage in older generations
        gc.collect()
        seen.append((before, gc.get_freeze_count(), gone() is None))
        assert kept_here
        return build_page(*args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", spy)
    callbacks = list(gc.callbacks)
    build({"index.md": "# Home\n", "a.md": "# A\n\nText.\n"})
    assert len(seen) == 2
    for before, after, freed in seen:
        assert after >= before + 100 and freed
    assert gc.callbacks == callbacks and gc.get_freeze_count() == 0


def test_a_build_left_unfinished_is_given_back_when_the_next_starts():
    """A build that ended without `finish()` (an exception past MkDocs' own handling) leaves
    neither its hook nor its frozen objects to the next one, which starts as the first did."""
    from mkdocs_stepwise.longlived import FrozenAsBuilt

    callbacks = list(gc.callbacks)
    frozen = FrozenAsBuilt()
    try:
        frozen.start()
        frozen.keep()
        assert frozen.active and gc.get_freeze_count() > 0
        frozen.start()  # no `finish()` in between
        assert frozen.active and gc.callbacks.count(frozen._after_collection) == 1
    finally:
        frozen.finish()
    assert gc.callbacks == callbacks and gc.get_freeze_count() == 0


def test_a_build_freezes_what_it_keeps_and_gives_it_back_at_the_end(build, monkeypatch, tmp_path):
    """`mkdocs build`: the collector skips what the build has kept so far; nothing stays frozen
    after it, and a failed build gives it back too."""
    from mkdocs.commands import build as mkdocs_build

    frozen_while_writing: list[int] = []
    build_page = mkdocs_build._build_page

    def spy(*args, **kwargs):
        frozen_while_writing.append(gc.get_freeze_count())
        return build_page(*args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", spy)
    files = {"index.md": "# Home\n", "a.md": "# A\n\nText.\n", "b.md": "# B\n\nText.\n"}
    build(files)
    assert len(frozen_while_writing) == 3 and min(frozen_while_writing) > 0
    assert gc.get_freeze_count() == 0

    frozen_while_writing.clear()
    build(files, command="serve")  # `mkdocs serve` freezes once, after its first build, instead
    assert frozen_while_writing == [0, 0, 0] and gc.get_freeze_count() == 0

    # A build that fails half-way, after every page was converted.
    hook = tmp_path / "failing_hook.py"
    hook.write_text("def on_env(env, config, files):\n    raise RuntimeError('broke')\n")
    callbacks = list(gc.callbacks)
    with pytest.raises(RuntimeError, match="broke"):
        build(files, config={"hooks": [str(hook)]})
    assert gc.get_freeze_count() == 0 and gc.callbacks == callbacks


def test_objects_someone_else_froze_stay_frozen(build):
    kept = [object()]
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        build({"index.md": "# Home\n"})
        assert gc.get_freeze_count() > before // 2 and kept  # not given back (some were freed)
    finally:
        gc.unfreeze()


def test_at_shutdown_the_plugin_lets_go_of_what_the_build_kept(build, monkeypatch):
    """MkDocs keeps the plugin until the process ends; after `on_shutdown` nothing of the build
    is reachable from it, not even through the pages Material's tags plugin still holds."""
    import weakref

    from mkdocs_stepwise.plugin import StepwisePlugin

    kept: dict[str, weakref.ref[object]] = {}
    let_go = StepwisePlugin._let_go

    def spy(plugin: StepwisePlugin) -> None:
        kept["catalogue"] = weakref.ref(plugin.catalogue)
        kept["converter"] = weakref.ref(plugin.converter)
        kept["blog"] = weakref.ref(plugin.blog)
        let_go(plugin)

    monkeypatch.setattr(StepwisePlugin, "_let_go", spy)
    files = {
        "index.md": "# Home\n",
        "tags.md": "# Tags\n\n<!-- material/tags -->\n",
        "course/part-1.md": "---\ntitle: One\ntags: [a]\n---\nText.\n",
        "course/part-2.md": "---\ntitle: Two\ntags: [a]\n---\nText.\n",
    }
    site = build(files, config={"plugins": ["search", "tags", "stepwise"]})
    plugin = site.config.plugins["stepwise"]
    assert plugin.catalogue is None and plugin.files is None and plugin.blog is None
    gc.collect()
    assert sorted(kept) == ["blog", "catalogue", "converter"]
    assert [name for name, ref in kept.items() if ref() is not None] == []
    # The next build (the same instance: MkDocs' plugin cache) starts as a new one would.
    assert build(files, config={"plugins": ["search", "tags", "stepwise"]}).exists("course/part-2/")
