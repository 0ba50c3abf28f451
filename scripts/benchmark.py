"""Benchmark the Stepwise site against plain MkDocs + Material and Material's blog plugin.

One command, `make bench` (or `.venv/bin/python scripts/benchmark.py`), generates a deterministic
corpus of Hugo/Katacoda-style posts into a temporary folder and builds it three ways:

- **baseline**: the same Markdown with the `{{execute}}` markers stripped, built by plain MkDocs +
  Material (`navigation.prune`, the default site's `markdown_extensions`), without Stepwise;
- **stepwise**: the default site's configuration, `stepwise` plugin included;
- **blog**: Material's blog plugin on the same posts, laid out as blog posts.

Each build runs `python -m mkdocs build -q` as a child process; its wall time and its own peak
memory (`ru_maxrss` from `wait4`, so one child's figure never leaks into another's) are recorded,
and the median of `--runs` builds is reported. The stepwise build is repeated at twice the posts
(and twice the series: authors grow a site by adding series) to show how it scales. Finally a
`mkdocs serve --dirty` is started on the stepwise corpus, one post's title is edited a few times,
and the time until the post and its neighbour show the new title is reported.

The exit code is 0 whatever the figures are (this is a report), unless `--check` is given.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = REPO / "mkdocs.yml"

Kind = Literal["baseline", "stepwise", "blog"]
KINDS: tuple[Kind, ...] = ("baseline", "stepwise", "blog")

# The seed's xkcd link, character for character (comic 1987 ships in the plugin's data file).
XKCD_LINK = (
    "[![](https://imgs.xkcd.com/comics/python_environment.png)](https://xkcd.com/1987/ "
    '"The Python environmental protection agency wants to seal it in a cement chamber, with '
    "pictorial messages to future civilizations warning them about the danger of using sudo to "
    'install random Python packages.")'
)
EXECUTE_CLOSE = "```{{execute}}"

# Word pools for titles, tags and text. Fixed lists and arithmetic on the post's number make the
# corpus the same on every run and every machine (no random module, no clock).
TOPICS = (
    "Python", "Docker", "Kubernetes", "Git", "Ansible", "Terraform", "PostgreSQL", "Redis",
    "Nginx", "Rust", "Go", "Node.js", "Bash", "systemd", "Prometheus", "Grafana", "Kafka",
    "Elasticsearch", "Vault", "Helm",
)  # fmt: skip
VERBS = (
    "Installing", "Configuring", "Testing", "Debugging", "Securing", "Scaling", "Monitoring",
    "Packaging", "Deploying", "Upgrading", "Backing up", "Tuning",
)  # fmt: skip
OBJECTS = (
    "the toolchain", "a first project", "environments", "dependencies", "the CLI", "a service",
    "the cluster", "logs", "users and permissions", "a release", "the cache", "the network",
)  # fmt: skip
TAGS = (
    "python", "development", "environment", "tutorial", "beginner", "tox", "pyenv", "devops",
    "linux", "containers", "cloud", "security", "testing", "networking", "databases", "shell",
)  # fmt: skip
CATEGORIES = ("python", "tutorial", "devops", "linux", "cloud", "databases")
COMMANDS = (
    "pip install virtualenv",
    "virtualenv -p python3 /var/projects/myproject/myprojectenv",
    "ls /var/projects/myproject/myprojectenv",
    "source /var/projects/myproject/myprojectenv/bin/activate",
    "docker run --rm -it debian:bookworm bash",
    "git clone https://example.test/project.git && cd project",
    "kubectl get pods --all-namespaces",
    "sudo systemctl restart nginx",
)
SENTENCES = (
    "When working with {topic}, it is a good practice to keep every project isolated from the "
    "others, so that an upgrade in one never breaks another.",
    "This step builds on the previous one: make sure the commands there worked before you go on.",
    "The system's copy belongs to the system; you should view it as off-limits and install your "
    "own next to it instead.",
    "Each command below has a copy button, so you can paste it into your terminal and follow "
    "along at your own pace.",
    "If something goes wrong, read the error message carefully: it usually names the file and "
    "the line that caused it.",
    "You can get away with changing global settings for a while, but in my experience it always "
    "comes back to bite you.",
)
# A few bytes standing in for the seed's cover image; the build copies it, nothing decodes it.
PLACEHOLDER_JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


# --------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeriesSpec:
    number: int
    folder: str
    title: str
    description: str


@dataclass(frozen=True)
class PostSpec:
    """One generated post; `body` carries Katacoda's `{{execute}}` markers."""

    number: int
    series: SeriesSpec
    part: int
    title: str
    date: dt.date
    draft: bool
    xkcd: bool
    tags: tuple[str, ...]
    categories: tuple[str, ...]
    keywords: tuple[str, ...]
    body: str

    @property
    def path(self) -> str:
        return f"{self.series.folder}/part-{self.part:03d}.md"

    @property
    def url(self) -> str:
        return f"{self.series.folder}/part-{self.part:03d}/"


@dataclass(frozen=True)
class Corpus:
    series: tuple[SeriesSpec, ...]
    posts: tuple[PostSpec, ...]

    def parts_of(self, series: SeriesSpec) -> list[PostSpec]:
        return [post for post in self.posts if post.series == series]


def make_corpus(posts: int, series: int) -> Corpus:
    """`posts` posts spread round-robin over `series` series, 2% of them drafts."""
    series = max(1, min(series, posts))
    all_series = tuple(
        SeriesSpec(
            number=k,
            folder=f"s{k:03d}-{TOPICS[k % len(TOPICS)].lower().replace('.', '')}",
            title=f"{TOPICS[k % len(TOPICS)]} step by step, volume {k // len(TOPICS) + 1}",
            description=f"A hands-on series on {TOPICS[k % len(TOPICS)]}, one command at a time.",
        )
        for k in range(series)
    )
    specs = []
    for i in range(posts):
        owner = all_series[i % series]
        topic = TOPICS[owner.number % len(TOPICS)]
        part = i // series + 1
        title = f"{VERBS[i % len(VERBS)]} {OBJECTS[(i // 3) % len(OBJECTS)]} with {topic}"
        specs.append(
            PostSpec(
                number=i,
                series=owner,
                part=part,
                title=f"{title} (part {part})",
                date=dt.date(2018, 3, 5) + dt.timedelta(days=i),
                # One draft in each run of 50 posts, at a different offset in each run, so
                # that drafts fall into different series whatever the number of series.
                draft=i % 50 == (i // 50 + 7) % 50,
                xkcd=i % 5 == 0,
                tags=tuple(TAGS[(i + j * 5) % len(TAGS)] for j in range(4 + i % 3)),
                categories=(CATEGORIES[i % len(CATEGORIES)], "tutorial"),
                keywords=(topic.lower(), "tutorial", "beginner", TAGS[i % len(TAGS)]),
                body=_body(i, topic),
            )
        )
    return Corpus(all_series, tuple(specs))


def _body(i: int, topic: str) -> str:
    def paragraph(start: int, count: int) -> str:
        return " ".join(
            SENTENCES[(start + n) % len(SENTENCES)].format(topic=topic) for n in range(count)
        )

    sections = [paragraph(i, 3), "", "<!--more-->", ""]
    for step in range(4):
        command = COMMANDS[(i + step) % len(COMMANDS)]
        # One fence in four ends with a blank line before the marker, as in the seed.
        blank = "\n" if (i + step) % 4 == 0 else ""
        sections += [
            f"## Step {step + 1}: {VERBS[(i + step) % len(VERBS)].lower()} {topic}",
            "",
            paragraph(i + step, 2 + step % 2) + f" Run `{command.split()[0]}` to check it.",
            "",
            "```",
            f"{command}{blank}",
            EXECUTE_CLOSE,
            "",
        ]
    if i % 5 == 0:
        sections += [XKCD_LINK, ""]
    return "\n".join(sections)


def _front_matter(data: dict[str, Any]) -> str:
    dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)
    return f"---\n{dumped}---\n\n"


def hugo_front_matter(post: PostSpec) -> dict[str, Any]:
    """Front matter as the seed writes it: Hugo keys plus Tranquilpeak's."""
    data: dict[str, Any] = {
        "title": post.title,
        "date": post.date,
        "weight": post.part,
        "categories": list(post.categories),
        "tags": list(post.tags),
        "keywords": list(post.keywords),
        "thumbnailImagePosition": "left",
        "thumbnailImage": "./images/first.jpg",
        "coverImage": "../../../images/first.jpg",
        "coverCaption": "Photo Credit https://unsplash.com/@claudelrheault",
        "showMeta": False,
    }
    if post.draft:
        data["draft"] = True
    return data


def strip_markers(markdown: str) -> str:
    """What plain MkDocs can build: ```{{execute}} closing fences become plain ``` ones."""
    return markdown.replace(EXECUTE_CLOSE, "```")


HOME = """---
title: Stepwise
hide:
  - navigation
  - toc
---

# Stepwise

Hands-on tutorials, written in parts.

<!-- stepwise:series-list -->

Browse posts [by tag](tags.md).
"""
TAGS_PAGE = "---\ntitle: Tags\n---\n\n# Tags\n\n<!-- material/tags -->\n"


def write_corpus(corpus: Corpus, docs: Path, kind: Kind) -> int:
    """Write the corpus into `docs` laid out for `kind`; returns the number of posts written."""
    files: dict[str, str | bytes] = {
        "index.md": HOME,
        "tags.md": TAGS_PAGE,
        "images/first.jpg": PLACEHOLDER_JPEG,
    }
    if kind == "blog":
        files["blog/index.md"] = "# Blog\n"
        for post in corpus.posts:
            front: dict[str, Any] = {
                "title": post.title,
                "date": post.date,
                # The blog has no series; a category per series is its closest equivalent.
                "categories": [*post.categories, post.series.title],
                "tags": list(post.tags),
                "draft": post.draft,
            }
            body = strip_markers(post.body).replace("<!--more-->", "<!-- more -->")
            name = f"blog/posts/{post.series.folder}-part-{post.part:03d}.md"
            files[name] = _front_matter(front) + f"# {post.title}\n\n" + body
    else:
        for series in corpus.series:
            landing = {"title": series.title, "description": series.description}
            files[f"{series.folder}/index.md"] = (
                _front_matter(landing) + f"# {series.title}\n\n{series.description}\n"
            )
        for post in corpus.posts:
            body = post.body if kind == "stepwise" else strip_markers(post.body)
            files[post.path] = _front_matter(hugo_front_matter(post)) + body
    for name, content in files.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return len(corpus.posts)


# --------------------------------------------------------------------------------------------
# Configurations
# --------------------------------------------------------------------------------------------


def _plugin_name(entry: Any) -> str:
    return str(next(iter(entry))) if isinstance(entry, dict) else str(entry)


def site_config(kind: Kind, default: dict[str, Any]) -> dict[str, Any]:
    """The default site's configuration, adapted to one kind of build."""
    config = {k: v for k, v in default.items() if k not in {"nav", "watch", "docs_dir", "site_dir"}}
    theme = dict(config.get("theme") or {"name": "material"})
    features = list(theme.get("features") or [])
    if "navigation.prune" not in features:
        features.append("navigation.prune")
    theme["features"] = features
    custom_dir = theme.pop("custom_dir", None)
    plugins = [p for p in config.get("plugins") or [] if _plugin_name(p) != "stepwise"]
    stepwise = [p for p in default.get("plugins") or [] if _plugin_name(p) == "stepwise"]
    if kind == "stepwise":
        plugins += stepwise or ["stepwise"]
        # The default site's overrides extend the plugin's layout, so only this kind uses them.
        if custom_dir and (DEFAULT_CONFIG.parent / custom_dir).is_dir():
            theme["custom_dir"] = str((DEFAULT_CONFIG.parent / custom_dir).resolve())
    elif kind == "blog":
        plugins.insert(0, "blog")
    config["theme"] = theme
    config["plugins"] = plugins
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    config["site_url"] = config.get("site_url") or "https://stepwise.example/"
    return config


def load_default_config() -> dict[str, Any]:
    data = yaml.safe_load(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise SystemExit(f"{DEFAULT_CONFIG}: not a mapping")
    return data


def make_project(root: Path, corpus: Corpus, kind: Kind, default: dict[str, Any]) -> Path:
    """A folder with `docs/` and `mkdocs.yml` for one kind of build."""
    root.mkdir(parents=True, exist_ok=True)
    write_corpus(corpus, root / "docs", kind)
    config = site_config(kind, default)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


# --------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------


def child_env() -> dict[str, str]:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_kib: int
    cpu_seconds: float = 0.0
    """User + system CPU time of the child: steadier than wall time on a shared machine."""


@dataclass
class Result:
    kind: str
    posts: int
    runs: list[Run] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(run.cpu_seconds for run in self.runs)

    @property
    def peak_mib(self) -> float:
        return statistics.median(run.peak_kib for run in self.runs) / 1024


def build_once(project: Path) -> Run:
    """One `mkdocs build -q` in a child process: wall time and the child's own peak RSS."""
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=project, env=child_env(), stdout=subprocess.DEVNULL, stderr=errors
        )
        # wait4 reports this child's rusage alone (RUSAGE_CHILDREN would be a running maximum).
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            output = errors.read().decode("utf-8", "replace")
            raise SystemExit(f"build failed in {project} ({process.returncode}):\n{output}")
    return Run(seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)  # maxrss: KiB


def measure(kind: Kind, project: Path, posts: int, runs: int, log: Callable[[str], None]) -> Result:
    result = Result(kind, posts)
    for number in range(runs):
        run = build_once(project)
        log(
            f"  {kind:<9} N={posts:<5} run {number + 1}/{runs}: "
            f"{run.seconds:7.2f} s ({run.cpu_seconds:.2f} s CPU), {run.peak_kib / 1024:6.1f} MiB"
        )
        result.runs.append(run)
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_until(condition: Callable[[], bool], timeout: float, poll: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(poll)
    return False


def time_edit(path: Path, new_title: str, shown_on: Sequence[PostSpec], base: str) -> float:
    """Retitle the post at `path`; seconds until every page of `shown_on` shows the new title."""
    text = path.read_text(encoding="utf-8")
    old = text.splitlines()[1]  # `title:` is the first key of the front matter
    urls = [base + post.url for post in shown_on]

    def updated() -> bool:
        return all(new_title in (fetch(url) or "") for url in urls)

    time.sleep(1.1)  # the saved file must get a newer mtime than the last build
    started = time.monotonic()
    path.write_text(text.replace(old, f"title: {new_title}", 1), encoding="utf-8")
    if not wait_until(updated, 120):
        raise SystemExit(f"the edited title never appeared on {urls}")
    return time.monotonic() - started


def preview_latency(
    project: Path,
    corpus: Corpus,
    edits: int,
    log: Callable[[str], None],
    *,
    dirty: bool = True,
    timeout: float = 600,
) -> list[float]:
    """Seconds from saving a post with a new title until it and its next part show that title."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    if dirty:
        command.append("--dirty")
    latencies: list[float] = []
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(
            command, cwd=project, env=child_env(), stdout=output, stderr=subprocess.STDOUT
        )
        try:
            start = time.monotonic()
            if not wait_until(lambda: fetch(base) is not None, timeout, poll=0.5):
                raise SystemExit("mkdocs serve did not answer")
            mode = "serve --dirty" if dirty else "serve"
            log(f"  {mode}: first build {time.monotonic() - start:.1f} s")
            published = [post for post in corpus.posts if not post.draft]
            candidates = [
                parts
                for series in corpus.series
                if len(parts := [p for p in corpus.parts_of(series) if p in published]) >= 3
            ]
            if not candidates:
                raise SystemExit("the preview needs a series of at least 3 published parts")
            for edit in range(edits):
                # Part 2 of a series, a different series each time: part 3 shows its title.
                parts = candidates[(edit * 7) % len(candidates)]
                post, neighbour = parts[1], parts[2]
                mode_name = "dirty" if dirty else "full"
                new_title = f"Edited title {edit + 1} ({mode_name}) of {post.series.folder}"
                latency = time_edit(
                    project / "docs" / post.path, new_title, [post, neighbour], base
                )
                latencies.append(latency)
                log(f"  edit {edit + 1}/{edits} ({post.path}): {latency:.2f} s")
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    return latencies


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    name: str
    value: float
    limit: float

    @property
    def met(self) -> bool:
        return self.value <= self.limit

    def line(self) -> str:
        verdict = "PASS" if self.met else "MISS"
        return f"  {verdict}  {self.name:<38} {self.value:6.2f}  (target <= {self.limit:g})"


def targets(
    results: dict[str, Result], doubled: Result | None, latency: float | None
) -> list[Target]:
    found = []
    a, b, c = (results.get(kind) for kind in KINDS)
    if a and b:
        found.append(Target("time  stepwise / baseline", b.seconds / a.seconds, 1.10))
    if b and c:
        found.append(Target("time  stepwise / blog", b.seconds / c.seconds, 0.5))
    if b and doubled:
        name = f"time  stepwise 2N / N ({doubled.posts}/{b.posts})"
        found.append(Target(name, doubled.seconds / b.seconds, 2.1))
    if a and b:
        found.append(Target("peak memory  stepwise / baseline", b.peak_mib / a.peak_mib, 1.3))
    if latency is not None:
        found.append(Target("preview: edit to updated page (s)", latency, 2.0))
    return found


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--posts", type=int, help="posts in the corpus (N; default 1000)")
    parser.add_argument("--series", type=int, help="series at N posts (K; default 50)")
    parser.add_argument("--runs", type=int, help="builds per measurement (median; default 3)")
    parser.add_argument("--edits", type=int, help="edits for the preview latency (default 3)")
    parser.add_argument(
        "--quick", action="store_true", help="defaults for a smoke test: N=100, K=10, 1 run, 1 edit"
    )
    parser.add_argument("--no-double", action="store_true", help="skip the build at 2N")
    parser.add_argument("--no-serve", action="store_true", help="skip the preview latency")
    parser.add_argument(
        "--full-serve", action="store_true", help="also time one edit under plain `mkdocs serve`"
    )
    parser.add_argument(
        "--kinds", default=",".join(KINDS), help="comma-separated subset of " + ",".join(KINDS)
    )
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    # Options given on the command line win over either set of defaults.
    defaults = {"posts": 100, "series": 10, "runs": 1, "edits": 1} if args.quick else {}
    defaults = {"posts": 1000, "series": 50, "runs": 3, "edits": 3} | defaults
    for name, value in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    kinds = [k for k in KINDS if k in args.kinds.split(",")]
    default = load_default_config()

    def log(message: str) -> None:
        print(message, flush=True)

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="stepwise-bench-"))
    try:
        corpus = make_corpus(args.posts, args.series)
        log(
            f"Corpus: {len(corpus.posts)} posts in {len(corpus.series)} series, "
            f"{sum(p.draft for p in corpus.posts)} drafts, in {workdir}; "
            f"{os.cpu_count()} CPUs, {args.runs} run(s) each"
        )
        results: dict[str, Result] = {}
        for kind in kinds:
            project = make_project(workdir / f"{kind}-{args.posts}", corpus, kind, default)
            results[kind] = measure(kind, project, args.posts, args.runs, log)
        doubled = None
        if "stepwise" in kinds and not args.no_double:
            big = make_corpus(args.posts * 2, args.series * 2)
            project = make_project(workdir / f"stepwise-{args.posts * 2}", big, "stepwise", default)
            doubled = measure("stepwise", project, args.posts * 2, args.runs, log)
        latency = None
        if "stepwise" in kinds and not args.no_serve:
            project = workdir / f"stepwise-{args.posts}"
            latencies = preview_latency(project, corpus, args.edits, log)
            latency = statistics.median(latencies)
            if args.full_serve:
                full = preview_latency(project, corpus, 1, log, dirty=False)
                log(f"  plain mkdocs serve (rebuilds everything): {full[0]:.2f} s per edit")

        log("")
        log(f"{'build':<10} {'posts':>6} {'median s':>9} {'CPU s':>7} {'peak MiB':>9}  runs (s)")
        for result in [*results.values(), *([doubled] if doubled else [])]:
            runs = ", ".join(f"{run.seconds:.2f}" for run in result.runs)
            log(
                f"{result.kind:<10} {result.posts:>6} {result.seconds:>9.2f} "
                f"{result.cpu_seconds:>7.2f} {result.peak_mib:>9.1f}  {runs}"
            )
        if latency is not None:
            log(f"preview    {args.posts:>6} {latency:>9.2f}  (serve --dirty, edit to reload)")
        log("")
        found = targets(results, doubled, latency)
        for target in found:
            log(target.line())
        a, b = results.get("baseline"), results.get("stepwise")
        if a and b:
            # Not a target, a cross-check: CPU time is not inflated by other processes.
            ratio = b.cpu_seconds / a.cpu_seconds
            log(f"  info  {'CPU time  stepwise / baseline':<38} {ratio:6.2f}  (not a target)")
        missed = [t for t in found if not t.met]
        return 1 if args.check and missed else 0
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
