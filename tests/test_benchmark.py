"""scripts/benchmark.py works: its corpus is what it claims, and each kind of build succeeds.

No timings are asserted here (a loaded machine would make such tests flaky); the figures are the
benchmark's own report.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "benchmark.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["benchmark"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


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


def test_the_corpus_is_the_same_every_time(bench, tmp_path):
    for name in ("one", "two"):
        bench.write_corpus(bench.make_corpus(30, 4), tmp_path / name, "blog")
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_baseline_and_blog_get_markdown_plain_mkdocs_can_read(bench, tmp_path):
    corpus = bench.make_corpus(10, 2)
    for kind in ("baseline", "blog"):
        bench.write_corpus(corpus, tmp_path / kind, kind)
        text = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / kind).rglob("*.md"))
        assert "{{execute}}" not in text
        assert text.count("\n```\n") >= 4 * 10 * 2  # each fence still opens and closes
    blog_post = next((tmp_path / "blog" / "blog" / "posts").glob("*.md")).read_text()
    assert "\ndate: 2018-" in blog_post
    assert "<!-- more -->" in blog_post


def test_one_tiny_run_of_everything(bench, tmp_path, capsys):
    # --quick: one run and one edit; smaller still than its N=100.
    options = ["--quick", "--posts", "20", "--series", "4", "--no-double"]
    status = bench.main([*options, "--keep", str(tmp_path)])
    assert status == 0
    report = capsys.readouterr().out
    for kind in ("baseline", "stepwise", "blog"):
        assert re.search(rf"^{kind}\s+20\s+\d+\.\d+\s+\d+\.\d", report, re.M), report
    assert re.search(r"^preview\s+20\s+\d+\.\d+", report, re.M), report
    assert re.search(r"^  (PASS|MISS)  time  stepwise / baseline", report, re.M)
    assert re.search(r"^  (PASS|MISS)  peak memory", report, re.M)

    baseline = tmp_path / "baseline-20" / "site" / "s000-python" / "part-001" / "index.html"
    assert "{{execute}}" not in baseline.read_text(encoding="utf-8")
    stepwise = tmp_path / "stepwise-20" / "site" / "s000-python" / "part-001" / "index.html"
    assert "stepwise-series__part" in stepwise.read_text(encoding="utf-8")
    # The blog builds its posts under dated URLs, drafts left out (one of the 20 is a draft).
    blog_posts = list((tmp_path / "blog-20" / "site" / "blog").glob("20*/*/*/*/index.html"))
    assert len(blog_posts) == 19


def test_quick_means_a_hundred_posts_and_one_run_unless_told_otherwise(bench):
    quick = bench.parse_args(["--quick"])
    assert (quick.posts, quick.series, quick.runs, quick.edits) == (100, 10, 1, 1)
    full = bench.parse_args([])
    assert (full.posts, full.series, full.runs, full.edits) == (1000, 50, 3, 3)
    assert bench.parse_args(["--quick", "--runs", "2"]).runs == 2


def test_check_turns_a_missed_target_into_a_failure(bench):
    missed = bench.Target("x", 2.0, 1.0)
    met = bench.Target("y", 1.0, 1.0)
    assert not missed.met and met.met
    assert missed.line().startswith("  MISS") and met.line().startswith("  PASS")
