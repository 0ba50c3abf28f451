"""scripts/benchmark.py works: its corpus is what it claims, runs interleave, `--check` fails on
a missed target.

No timings are asserted here (a loaded machine would make such tests flaky); the figures are the
benchmark's own report. The tiny runs use `--limit` to make a target impossible or certain.
"""

from __future__ import annotations

import re
import signal
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import benchmark_module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return benchmark_module()


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_corpus_is_shaped_like_the_seeds(bench, tmp_path):
    corpus = bench.make_corpus(100, 10)
    assert len(corpus.posts) == 100
    assert len(corpus.series) == 10
    assert sum(post.draft for post in corpus.posts) == 2  # 2%
    bench.write_corpus(corpus, tmp_path / "docs", "stepwise")

    posts = sorted((tmp_path / "docs").glob("s*/part-*.md"))
    assert len(posts) == 100
    texts = [p.read_text(encoding="utf-8") for p in posts]
    assert all(text.count("```{{execute}}") == 4 for text in texts)
    with_xkcd = [text for text in texts if bench.XKCD_LINK in text]
    assert len(with_xkcd) == 20  # every fifth post
    assert "https://xkcd.com/1987/" in bench.XKCD_LINK
    first = texts[0]
    for key in ("title:", "date: 2018-", "categories:", "tags:", "keywords:", "coverImage:"):
        assert f"\n{key}" in first, key
    assert "thumbnailImagePosition: left" in first


def test_a_big_corpus_is_all_in_the_past(bench):
    """A post dated after the build is not published (`future: serve`): at 10,000 posts, six in
    ten were, and the 10,000-post run measured 4,000 pages."""
    import datetime as dt

    corpus = bench.make_corpus(10000, 200)
    assert max(post.date for post in corpus.posts) < dt.date(2026, 1, 1)
    assert bench.make_corpus(1000, 20).posts[999].date == dt.date(2018, 3, 5) + dt.timedelta(999)


def test_the_corpus_is_the_same_every_time(bench, tmp_path):
    for name in ("one", "two"):
        bench.write_corpus(bench.make_corpus(30, 4), tmp_path / name, "blog")
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_baseline_and_blog_get_markdown_plain_mkdocs_can_read(bench, tmp_path):
    corpus = bench.make_corpus(10, 2)
    for kind in ("baseline", "blog"):
        written = bench.write_corpus(corpus, tmp_path / kind, kind)
        text = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / kind).rglob("*.md"))
        assert "{{execute}}" not in text
        assert text.count("\n```\n") >= 4 * written * 2  # each fence still opens and closes
    blog_post = next((tmp_path / "blog" / "blog" / "posts").glob("*.md")).read_text()
    assert "\ndate: 2018-" in blog_post
    assert "<!-- more -->" in blog_post


def test_every_kind_builds_the_same_published_posts(bench, tmp_path):
    corpus = bench.make_corpus(100, 10)
    drafts = [post for post in corpus.posts if post.draft]
    assert len(drafts) == 2
    written = {
        layout: bench.write_corpus(corpus, tmp_path / layout, layout)
        for layout in ("baseline", "stepwise", "blog")
    }
    # The baseline cannot leave drafts out, so it never gets them; the others leave them out.
    assert written["baseline"] == 98
    assert not (tmp_path / "baseline" / drafts[0].path).exists()
    assert (tmp_path / "stepwise" / drafts[0].path).exists()


def test_the_plain_kind_turns_navigation_collapsing_off(bench):
    default = bench.load_default_config()

    def stepwise_options(kind):
        config = bench.site_config(kind, default)
        entries = [p for p in config["plugins"] if isinstance(p, dict) and "stepwise" in p]
        return entries[0]["stepwise"] if entries else None

    assert stepwise_options("baseline") is None
    assert stepwise_options("stepwise").get("collapse_navigation", True) is True
    assert stepwise_options("plain")["collapse_navigation"] is False
    features = bench.site_config("baseline", default)["theme"]["features"]
    assert "navigation.prune" in features


def test_runs_are_interleaved_after_a_warm_up_that_is_not_counted(bench, tmp_path, monkeypatch):
    order = []
    fake = iter(range(1, 100))

    def build_once(project):
        order.append(project.name)
        return bench.Run(float(next(fake)), 1024)

    monkeypatch.setattr(bench, "build_once", build_once)
    corpus = bench.make_corpus(10, 2)
    jobs = [
        bench.Job("2x5", kind, 10, bench.make_project(tmp_path / kind, corpus, kind, {}), corpus)
        for kind in ("baseline", "stepwise", "edit")
    ]
    bench.run_interleaved(jobs, runs=2, warmups=1, log=lambda message: None)
    # Counted rounds alternate in order, so that drift within a round favours no kind.
    forward = ["baseline", "stepwise", "edit"]
    assert order == forward + forward + forward[::-1]
    # The warm-up round (1, 2, 3) is dropped; each ratio pairs builds of the same round.
    assert [run.seconds for run in jobs[0].runs] == [4.0, 9.0]
    assert [run.seconds for run in jobs[1].runs] == [5.0, 8.0]
    assert bench.paired(jobs[1], jobs[0]) == bench.Spread(8 / 9, (5 / 4 + 8 / 9) / 2, 5 / 4)
    assert jobs[0].seconds() == bench.Spread(4.0, 6.5, 9.0)
    edited = (tmp_path / "edit" / "docs" / bench.edited_post(corpus).path).read_text()
    assert edited.endswith("Edited in round 2.\n")  # a different body before every build


def tiny(tmp_path, *options):
    """Arguments for a run of the real script on a corpus small enough for the test suite."""
    return ["--posts", "20", "--series", "4", "--runs", "1", "--keep", str(tmp_path), *options]


def test_one_tiny_run_of_everything_with_check(bench, tmp_path, capsys):
    # Run as `nohup make bench &` runs it, with SIGINT ignored: the preview's server is still
    # stopped as Ctrl-C stops it (below). An impossible cold target: --check must turn the
    # MISS into exit status 1.
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        status = bench.main(tiny(tmp_path, "--edits", "1", "--check", "--limit", "cold=0.01"))
    finally:
        signal.signal(signal.SIGINT, before)
    report = capsys.readouterr().out
    assert status == 1, report
    for kind in ("baseline", "stepwise", "plain", "warm", "edit"):
        figures = r"\d+\.\d+ / \d+\.\d+ / \d+\.\d+"
        assert re.search(rf"^4x5 {kind}\s+19\s+{figures}\s+\d+\.\d+", report, re.M), report
    assert re.search(r"^  warm-up\s+4x5 baseline", report, re.M)  # one warm-up, discarded
    for kind in ("title", "body"):
        assert re.search(rf"^preview, {kind}\s+20\s+\d", report, re.M), report
        assert re.search(rf"^  (PASS|MISS)  preview at 20 posts, {kind} edit", report, re.M)
    assert re.search(r"^  MISS  4x5 cold: stepwise / baseline .*\(target <= 0\.01\)$", report, re.M)
    for name in ("warm, nothing changed / baseline", "warm, one post edited / baseline"):
        assert re.search(rf"^  (PASS|MISS)  4x5 {name}\s+\d+\.\d+  \[\d", report, re.M), name
    assert re.search(r"^  info  4x5 plain \(full navigation\) / baseline", report, re.M)
    # The preview's server built into a folder of the run's, and was stopped so that it
    # removed what it built there (stopped with SIGTERM, it left a copy of the site).
    assert not any((tmp_path / bench.SERVE_TEMP).iterdir())
    assert "was killed" not in report
    # The warm kinds' builds filled the plugin's cache (a quiet build would keep nothing in it,
    # and a "warm" build would be a cold one): every page's output is in its packs.
    for kind in ("warm", "edit"):
        packs = tmp_path / f"4x5-{kind}" / ".cache" / "stepwise" / "build" / "packs"
        kept = b"".join(pack.read_bytes() for pack in packs.glob("*.pack"))
        assert kept.count(b"</html>") >= 19, kind

    baseline = tmp_path / "4x5-baseline" / "site" / "s000-python" / "part-001" / "index.html"
    assert "{{execute}}" not in baseline.read_text(encoding="utf-8")
    stepwise = tmp_path / "4x5-stepwise" / "site" / "s000-python" / "part-001" / "index.html"
    assert "stepwise-series__part" in stepwise.read_text(encoding="utf-8")
    plain = tmp_path / "4x5-plain" / "site" / "s000-python" / "part-001" / "index.html"
    # Without collapsing, the parts are in the navigation.
    assert "part-002/" in plain.read_text(encoding="utf-8").split("md-nav--primary", 1)[1]


def test_check_passes_when_every_target_is_met(bench, tmp_path, capsys):
    options = ["--kinds", "baseline,stepwise", "--no-serve", "--warmups", "0"]
    status = bench.main(tiny(tmp_path, *options, "--check", "--limit", "cold=1000"))
    report = capsys.readouterr().out
    assert status == 0, report
    assert re.search(r"^  PASS  4x5 cold: stepwise / baseline", report, re.M)
    assert "MISS" not in report


def test_quick_means_a_hundred_posts_and_one_round_unless_told_otherwise(bench):
    quick = bench.parse_args(["--quick"])
    assert (quick.posts, quick.runs, quick.warmups, quick.edits) == (100, 1, 1, 1)
    full = bench.parse_args([])
    assert (full.posts, full.series, full.runs, full.warmups) == (1000, [20, 50], 6, 1)
    assert bench.parse_args(["--quick", "--runs", "2"]).runs == 2
    assert bench.parse_args(["--limit", "cold=1.2"]).limit == [("cold", 1.2)]
    with pytest.raises(SystemExit):
        bench.parse_args(["--limit", "speed=1"])


def test_a_target_is_judged_on_its_median(bench):
    missed = bench.Target("cold", "x", bench.Spread(0.9, 1.2, 1.3), 1.1)
    met = bench.Target("cold", "y", bench.Spread(1.0, 1.05, 1.4), 1.1)
    assert not missed.met and met.met
    assert missed.line().startswith("  MISS") and met.line().startswith("  PASS")
    assert "[1.00 .. 1.40]" in met.line()


def test_time_ratios_can_be_judged_on_cpu_time(bench, tmp_path):
    corpus = bench.make_corpus(10, 2)

    def job(kind, runs):
        return bench.Job("2x5", kind, 10, tmp_path, corpus, [bench.Run(*run) for run in runs])

    # Wall time says 2.0 (another process held the machine); CPU time says 1.05.
    base = job("baseline", [(10.0, 1024, 10.0)])
    cold = job("stepwise", [(20.0, 1024, 10.5)])
    on_wall, _ = bench.targets([base, cold], {}, bench.LIMITS, 10)
    on_cpu, info = bench.targets([base, cold], {}, bench.LIMITS, 10, "cpu")
    assert [(t.value.mid, t.met) for t in on_wall] == [(2.0, False)]
    assert [(t.value.mid, t.met) for t in on_cpu] == [(1.05, True)]
    assert any(
        t.name == "2x5 cold: stepwise / baseline (wall)" and t.value.mid == 2.0 for t in info
    )
