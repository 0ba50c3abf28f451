"""Benchmark the Stepwise site against plain MkDocs + Material, runs interleaved, with spread.

One command, `make bench` (or `.venv/bin/python scripts/benchmark.py`), generates a deterministic
corpus of Hugo/Katacoda-style posts into a temporary folder, in two shapes (20 series of 50
parts and 50 series of 20 at 1,000 posts), and builds each shape several ways:

- **baseline**: the same published posts (drafts left out, `{{execute}}` markers stripped),
  built by plain MkDocs + Material with `navigation.prune` and the default site's
  `markdown_extensions`, without Stepwise;
- **stepwise**: the default site's configuration, `stepwise` plugin included, from cold (no
  `site/`, no `.cache/`);
- **plain**: the same with `collapse_navigation: false`, so every part is in the navigation
  and nothing is rendered once per folder: the plugin's own cost, apart from what its smaller
  navigation saves;
- **warm**: stepwise again on a project built before, nothing changed;
- **edit**: stepwise again on a project built before, one post's body edited;
- **blog** (only with `--kinds`): Material's blog plugin on the same posts.

Each build runs `python -m mkdocs build` as a child process (not `-q`: a quiet build keeps
nothing in the plugin's cache, see `buildcache`); its wall time, CPU time and own
peak memory (`ru_maxrss` from `wait4`) are recorded. Runs are interleaved (every kind of every
shape once per round, round after round, every other round in reverse order), and the first
round is a warm-up that is not counted, so machine drift and a cold disk cache land on every
kind alike. Each figure is printed as
min / median / max; each ratio is taken per round (stepwise and baseline of the same round)
and printed the same way. A `mkdocs serve --dirty` then times edits (a post's title, a post's
body) from save to served page.

The exit code is 0 whatever the figures are (this is a report), unless `--check` is given.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = REPO / "mkdocs.yml"

Layout = Literal["baseline", "stepwise", "blog"]
Kind = Literal["baseline", "stepwise", "plain", "warm", "edit", "blog"]
KINDS: tuple[Kind, ...] = ("baseline", "stepwise", "plain", "warm", "edit", "blog")
DEFAULT_KINDS: tuple[Kind, ...] = ("baseline", "stepwise", "plain", "warm", "edit")
REFERENCE_POSTS = 1000
"""The size the cold, warm and preview targets are about, and the 10,000-post run compares with."""

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
                # One a day from 2018 at 1,000 posts; bigger corpora share days, so that every
                # post is in the past (a future one is not published by `mkdocs build`).
                date=dt.date(2018, 3, 5)
                + dt.timedelta(days=i * REFERENCE_POSTS // max(posts, REFERENCE_POSTS)),
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


def write_corpus(corpus: Corpus, docs: Path, kind: Layout) -> int:
    """Write the corpus into `docs` laid out for `kind`; returns the number of posts written.

    Every layout holds the same published posts: Stepwise and the blog plugin leave drafts out
    of a build, and plain MkDocs cannot, so the baseline never gets them.
    """
    files: dict[str, str | bytes] = {
        "index.md": HOME,
        "tags.md": TAGS_PAGE,
        "images/first.jpg": PLACEHOLDER_JPEG,
    }
    written = 0
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
            written += 1
    else:
        for series in corpus.series:
            landing = {"title": series.title, "description": series.description}
            files[f"{series.folder}/index.md"] = (
                _front_matter(landing) + f"# {series.title}\n\n{series.description}\n"
            )
        for post in corpus.posts:
            if kind == "baseline" and post.draft:
                continue
            body = post.body if kind == "stepwise" else strip_markers(post.body)
            files[post.path] = _front_matter(hugo_front_matter(post)) + body
            written += 1
    for name, content in files.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return written


# --------------------------------------------------------------------------------------------
# Configurations
# --------------------------------------------------------------------------------------------


def _plugin_name(entry: Any) -> str:
    return str(next(iter(entry))) if isinstance(entry, dict) else str(entry)


def layout_of(kind: Kind) -> Layout:
    return "baseline" if kind == "baseline" else "blog" if kind == "blog" else "stepwise"


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
    if layout_of(kind) == "stepwise":
        entry = stepwise[0] if stepwise else "stepwise"
        options = dict(entry.get("stepwise") or {}) if isinstance(entry, dict) else {}
        if kind == "plain":
            options["collapse_navigation"] = False
        plugins.append({"stepwise": options})
        # The default site's overrides extend the plugin's layout, so only these kinds use them.
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
    write_corpus(corpus, root / "docs", layout_of(kind))
    config = site_config(kind, default)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


# --------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------


def child_env() -> dict[str, str]:
    """The environment of every build: Python's bytecode cache on, as Python has it by default.

    With `PYTHONDONTWRITEBYTECODE` set (some CI images set it), the plugin's own modules,
    installed editable from `plugins/`, would be compiled from source in every build (90
    modules, about 1.5 % of a 1,000-post build), while Material's and MkDocs' come compiled
    from their installation: the warm-up round writes the plugin's cache instead.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_kib: int
    cpu_seconds: float = 0.0
    """User + system CPU time of the child: steadier than wall time on a shared machine."""


@dataclass(frozen=True)
class Spread:
    """min / median / max of a few measurements."""

    low: float
    mid: float
    high: float

    @classmethod
    def of(cls, values: Iterable[float]) -> Spread:
        ordered = sorted(values)
        if not ordered:
            raise ValueError("no measurements")
        return cls(ordered[0], statistics.median(ordered), ordered[-1])

    def text(self, digits: int = 2) -> str:
        return f"{self.low:.{digits}f} / {self.mid:.{digits}f} / {self.high:.{digits}f}"


@dataclass
class Job:
    """One kind of build of one corpus, and the runs it has had so far."""

    shape: str
    kind: Kind
    posts: int
    """Published posts in the corpus (what every kind builds)."""
    project: Path
    corpus: Corpus
    runs: list[Run] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.shape} {self.kind}" + (
            f" @{self.posts}" if self.shape.startswith("@") else ""
        )

    def seconds(self) -> Spread:
        return Spread.of(run.seconds for run in self.runs)

    def cpu_seconds(self) -> Spread:
        return Spread.of(run.cpu_seconds for run in self.runs)

    def peak_mib(self) -> Spread:
        return Spread.of(run.peak_kib / 1024 for run in self.runs)


COLD_KINDS = frozenset({"baseline", "stepwise", "plain", "blog"})


def prepare(job: Job, round_number: int) -> None:
    """Put the project in the state its kind is measured in."""
    if job.kind in COLD_KINDS:
        # From nothing: no output, and no cache of any earlier build.
        shutil.rmtree(job.project / "site", ignore_errors=True)
        shutil.rmtree(job.project / ".cache", ignore_errors=True)
    elif job.kind == "edit":
        edit_body(job.project, job.corpus, round_number)
    # "warm": the previous round's build left everything in place; nothing changes.


def edited_post(corpus: Corpus) -> PostSpec:
    """A published part in the middle of the first series: it has neighbours on both sides."""
    parts = [post for post in corpus.parts_of(corpus.series[0]) if not post.draft]
    return parts[len(parts) // 2]


def edit_body(project: Path, corpus: Corpus, round_number: int) -> None:
    """Change one post's body, differently in each round, as an author's save would."""
    post = edited_post(corpus)
    path = project / "docs" / post.path
    text = _front_matter(hugo_front_matter(post)) + post.body
    path.write_text(text + f"\nEdited in round {round_number}.\n", encoding="utf-8")


def build_once(project: Path) -> Run:
    """One `mkdocs build` in a child process: wall time and the child's own peak RSS.

    Not quiet: `-q` hides warnings from the plugin's cache too, which then keeps nothing, and
    a warm build would be a cold one. Its log goes to a file that is read only on failure."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml")]
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


def run_interleaved(
    jobs: Sequence[Job], runs: int, warmups: int, log: Callable[[str], None]
) -> None:
    """Round after round, every job once per round; the first `warmups` rounds are not kept.

    Every other counted round runs the jobs in reverse order (A B C, C B A, …): a machine that
    speeds up or slows down over a round then favours the first job of one round and the last
    of the next, instead of always the same kind; an even number of rounds has as many of each.
    Each job has its own project, so its state (a warm build's previous output) does not
    depend on the order."""
    for number in range(warmups + runs):
        counted = number >= warmups
        name = f"round {number - warmups + 1}/{runs}" if counted else "warm-up"
        forward = not counted or (number - warmups) % 2 == 0
        for job in jobs if forward else reversed(jobs):
            prepare(job, number)
            run = build_once(job.project)
            log(
                f"  {name:<11} {job.label:<18} {run.seconds:7.2f} s "
                f"({run.cpu_seconds:.2f} s CPU), {run.peak_kib / 1024:6.1f} MiB"
            )
            if counted:
                job.runs.append(run)


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


def wait_until(condition: Callable[[], bool], timeout: float, poll: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(poll)
    return False


def save_newer(path: Path, text: str) -> None:
    """Write `path` with a modification time the watcher cannot miss, without waiting for one.

    MkDocs' watcher polls file times and some file systems keep whole seconds, so the new time is
    at least a second past the old one (or now, when that is later).
    """
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    stamp = max(time.time_ns(), before + 1_000_000_000)
    os.utime(path, ns=(stamp, stamp))


EDIT_KINDS = ("title", "body")
"""What the preview edits: a post's title (shown on every part of its series, its landing page
and the listings: the most a one-line save can make a rebuild render) and a post's body."""


def cpu_seconds_of(pid: int) -> float | None:
    """User + system CPU seconds process `pid` has used so far, all threads (Linux only)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_edit(
    path: Path, change: Callable[[str], str], marker: str, urls: Sequence[str], pid: int
) -> tuple[float, float | None]:
    """Save `change(text)` to `path`; seconds until every page of `urls` shows `marker`, and the
    CPU seconds the server (`pid`) used meanwhile: on a shared machine the wall time also
    counts the time other processes held the CPU."""
    text = path.read_text(encoding="utf-8")

    def updated() -> bool:
        return all(marker in (fetch(url) or "") for url in urls)

    cpu_before = cpu_seconds_of(pid)
    started = time.monotonic()
    save_newer(path, change(text))
    if not wait_until(updated, 120):
        raise SystemExit(f"the edit never appeared on {urls}")
    seconds = time.monotonic() - started
    cpu_after = cpu_seconds_of(pid)
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    return seconds, cpu


def retitle(new_title: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        old = text.splitlines()[1]  # `title:` is the first key of the front matter
        return text.replace(old, f"title: {new_title}", 1)

    return change


def add_paragraph(paragraph: str) -> Callable[[str], str]:
    return lambda text: text.rstrip("\n") + f"\n\n{paragraph}\n"


# Python, with SIGINT as a terminal has it: a benchmark started by `nohup` or with `&` from a
# script ignores SIGINT, and so would the server it starts, which would then not stop on the
# Ctrl-C that `stop_serving` sends. The `-c` program restores it and becomes the real Python.
PYTHON_WITH_CTRL_C = [
    sys.executable,
    "-c",
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])",
]

SERVE_TEMP = "serve-tmp"
"""The preview server's TMPDIR, beside the projects in the work folder."""


def preview_latency(
    project: Path,
    corpus: Corpus,
    edits: int,
    warmups: int,
    log: Callable[[str], None],
    *,
    timeout: float = 600,
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Seconds from a save until the served pages show it, for each of `EDIT_KINDS`, and the
    CPU seconds the server used meanwhile (empty where the system does not tell).

    A new title must reach the post and its next part; a new paragraph, the post. Kinds
    alternate, each on part 2 of another series every time. The first `warmups` edits of each
    kind are made and not kept (the first rebuild of a server is slower).
    """
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [*PYTHON_WITH_CTRL_C, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"]
    latencies: dict[str, list[float]] = {kind: [] for kind in EDIT_KINDS}
    cpu_spent: dict[str, list[float]] = {kind: [] for kind in EDIT_KINDS}
    # The server builds into a temporary folder of its own: inside the work folder, it goes
    # with it even if the server has to be killed.
    temp = project.parent / SERVE_TEMP
    temp.mkdir(exist_ok=True)
    env = dict(child_env(), TMPDIR=str(temp))
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(
            command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            start = time.monotonic()
            if not wait_until(lambda: fetch(base) is not None, timeout, poll=0.5):
                raise SystemExit("mkdocs serve did not answer")
            log(f"  serve --dirty: first build {time.monotonic() - start:.1f} s")
            candidates = [
                parts
                for series in corpus.series
                if len(parts := [p for p in corpus.parts_of(series) if not p.draft]) >= 3
            ]
            if not candidates:
                raise SystemExit("the preview needs a series of at least 3 published parts")
            for edit in range(warmups + edits):
                for number, kind in enumerate(EDIT_KINDS):
                    # Part 2 of a series, a different series each time: part 3 shows its title.
                    parts = candidates[(edit * 7 + number * 3) % len(candidates)]
                    post, neighbour = parts[1], parts[2]
                    marker = f"Edited {kind} {edit + 1} of {post.series.folder}"
                    if kind == "title":
                        change, shown_on = retitle(marker), [post, neighbour]
                    else:
                        change, shown_on = add_paragraph(marker), [post]
                    urls = [base + shown.url for shown in shown_on]
                    latency, cpu = time_edit(
                        project / "docs" / post.path, change, marker, urls, process.pid
                    )
                    counted = edit >= warmups
                    if counted:
                        latencies[kind].append(latency)
                        if cpu is not None:
                            cpu_spent[kind].append(cpu)
                    name = f"{kind} edit {edit - warmups + 1}/{edits}" if counted else "warm-up"
                    cpu_text = "" if cpu is None else f" ({cpu:.2f} s CPU of the server)"
                    log(f"  {name} ({post.path}): {latency:.2f} s{cpu_text}")
        finally:
            if not stop_serving(process, timeout=30):
                log("  mkdocs serve did not stop within 30 s of Ctrl-C and was killed")
    return latencies, cpu_spent


def stop_serving(process: subprocess.Popen[Any], timeout: float) -> bool:
    """Stop `mkdocs serve` (started with `PYTHON_WITH_CTRL_C`) as Ctrl-C does: on SIGTERM it
    would die without removing the temporary site it builds into. Returns False if it had to
    be killed after `timeout` seconds."""
    if process.poll() is not None:
        return True
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return False
    return True


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------

LIMITS: dict[str, float] = {
    "cold": 1.10,
    "warm": 0.35,
    "edit": 0.45,
    "blog": 0.5,
    "preview": 1.0,
    "scale": 1.05,
    "memory": 1300.0,
}
"""Each target's limit (`--limit KEY=VALUE` overrides one). `scale` is per tenfold of posts
(10.5 times for 10,000 posts against 1,000); `memory` is in MB (10⁶ bytes)."""


@dataclass(frozen=True)
class Target:
    key: str
    name: str
    value: Spread
    limit: float
    """The median must not be above it."""

    @property
    def met(self) -> bool:
        return self.value.mid <= self.limit

    def line(self) -> str:
        verdict = "PASS" if self.met else "MISS"
        spread = f"[{self.value.low:.2f} .. {self.value.high:.2f}]"
        return (
            f"  {verdict}  {self.name:<46} {self.value.mid:7.2f}  {spread:<17} "
            f"(target <= {self.limit:g})"
        )


def paired(a: Job, b: Job, measure: Callable[[Run], float] = lambda run: run.seconds) -> Spread:
    """`a / b`, round by round: both builds of a round ran minutes apart, not a whole run."""
    return Spread.of(measure(x) / measure(y) for x, y in zip(a.runs, b.runs, strict=True))


def wall(run: Run) -> float:
    return run.seconds


def cpu(run: Run) -> float:
    return run.cpu_seconds


def targets(
    jobs: Sequence[Job],
    latencies: Mapping[str, Sequence[float]],
    limits: dict[str, float],
    posts: int,
    clock: str = "wall",
) -> tuple[list[Target], list[Target]]:
    """The targets, and the figures shown beside them for information (no verdict).

    Time ratios are judged on `clock`: wall time, or CPU time (user + system of the build),
    which other processes on a shared machine inflate far less; the other clock is shown too.
    """
    judged, other = (cpu, wall) if clock == "cpu" else (wall, cpu)
    other_name = "wall" if clock == "cpu" else "CPU"
    found: list[Target] = []
    info: list[Target] = []
    by = {(job.shape, job.kind): job for job in jobs if job.runs}
    shapes = list(dict.fromkeys(job.shape for job in jobs if not job.shape.startswith("@")))
    for shape in shapes:
        base = by.get((shape, "baseline"))
        cold = by.get((shape, "stepwise"))
        plain = by.get((shape, "plain"))
        blog = by.get((shape, "blog"))
        ratios = [
            ("cold", "cold: stepwise / baseline", cold, base),
            ("warm", "warm, nothing changed / baseline", by.get((shape, "warm")), base),
            ("edit", "warm, one post edited / baseline", by.get((shape, "edit")), base),
            ("blog", "stepwise / blog", cold, blog),
        ]
        for key, name, a, b in ratios:
            if a and b:
                found.append(Target(key, f"{shape} {name}", paired(a, b, judged), limits[key]))
                info.append(Target("", f"{shape} {name} ({other_name})", paired(a, b, other), 0))
        if base and plain:
            name = f"{shape} plain (full navigation) / baseline"
            info.append(Target("", name, paired(plain, base, judged), 0))
        if cold and plain:
            info.append(Target("", f"{shape} stepwise / plain", paired(cold, plain, judged), 0))
        if base and cold:
            memory = paired(cold, base, lambda run: float(run.peak_kib))
            info.append(Target("", f"{shape} peak memory: stepwise / baseline", memory, 0))
        reference = by.get(("@" + shape, "stepwise"))
        if cold and reference:
            limit = limits["scale"] * cold.posts / reference.posts
            name = f"{shape} stepwise at {cold.posts} / at {reference.posts} posts"
            found.append(Target("scale", name, paired(cold, reference, judged), round(limit, 3)))
            peak_mb = Spread.of(run.peak_kib * 1024 / 1e6 for run in cold.runs)
            name = f"{shape} peak memory at {cold.posts} posts (MB)"
            found.append(Target("memory", name, peak_mb, limits["memory"]))
    for kind, seconds in latencies.items():
        if seconds:
            name = f"preview at {posts} posts, {kind} edit: save to served (s)"
            found.append(Target("preview", name, Spread.of(seconds), limits["preview"]))
    return found, info


def parse_shapes(text: str) -> list[int]:
    try:
        shapes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of series counts: {text!r}") from None
    if not shapes or min(shapes) < 1:
        raise argparse.ArgumentTypeError(f"not a list of series counts: {text!r}")
    return shapes


def parse_limit(text: str) -> tuple[str, float]:
    key, _, value = text.partition("=")
    if key not in LIMITS:
        raise argparse.ArgumentTypeError(f"unknown target {key!r}: one of {', '.join(LIMITS)}")
    try:
        return key, float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--posts", type=int, help="posts in the corpus (N; default 1000)")
    parser.add_argument(
        "--series",
        type=parse_shapes,
        help="corpus shapes as series counts at 1,000 posts (default 20,50: 20 series of 50 "
        "parts, 50 of 20); more posts make more series of the same length",
    )
    parser.add_argument(
        "--runs", type=int, help="counted rounds of builds (default 6: three in each order)"
    )
    parser.add_argument("--warmups", type=int, help="rounds run first and not counted (default 1)")
    parser.add_argument(
        "--edits", type=int, help="counted preview edits of each kind, title and body (default 3)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="defaults for a smoke test: N=100, 1 round, 1 edit"
    )
    parser.add_argument("--no-serve", action="store_true", help="skip the preview latency")
    parser.add_argument(
        "--kinds",
        default=",".join(DEFAULT_KINDS),
        help="comma-separated subset of " + ",".join(KINDS) + " (default: all but blog)",
    )
    parser.add_argument(
        "--limit",
        type=parse_limit,
        action="append",
        default=[],
        metavar="TARGET=VALUE",
        help="change one target's limit ("
        + ", ".join(f"{k}={v:g}" for k, v in LIMITS.items())
        + ")",
    )
    parser.add_argument(
        "--clock",
        choices=["wall", "cpu"],
        default="wall",
        help="judge time ratios on wall time (default) or on the builds' CPU time",
    )
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    # Options given on the command line win over either set of defaults.
    defaults: dict[str, Any] = (
        {"posts": 100, "series": [5, 20], "runs": 1, "edits": 1} if args.quick else {}
    )
    defaults = {
        "posts": REFERENCE_POSTS, "series": [20, 50], "runs": 6, "warmups": 1, "edits": 3
    } | defaults  # fmt: skip
    for name, value in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    unknown = set(args.kinds.split(",")) - set(KINDS)
    if unknown:
        parser.error(f"unknown kinds: {', '.join(sorted(unknown))}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    kinds = [k for k in KINDS if k in args.kinds.split(",")]
    limits = LIMITS | dict(args.limit)
    default = load_default_config()

    def log(message: str) -> None:
        print(message, flush=True)

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="stepwise-bench-"))
    try:
        jobs: list[Job] = []
        for count in args.series:
            # Shapes are series counts at 1,000 posts; more posts make more series of the same
            # length (200 of 50 at 10,000), as a growing site adds series rather than parts.
            scaled = max(1, round(count * args.posts / REFERENCE_POSTS))
            corpus = make_corpus(args.posts, scaled if args.posts > REFERENCE_POSTS else count)
            parts = -(-len(corpus.posts) // len(corpus.series))
            shape = f"{len(corpus.series)}x{parts}"
            published = sum(not post.draft for post in corpus.posts)
            for kind in kinds:
                project = make_project(workdir / f"{shape}-{kind}", corpus, kind, default)
                jobs.append(Job(shape, kind, published, project, corpus))
            if args.posts > REFERENCE_POSTS and "stepwise" in kinds:
                # The scaling target compares with series of the same length at 1,000 posts.
                small = make_corpus(REFERENCE_POSTS, count)
                project = make_project(workdir / f"{shape}-reference", small, "stepwise", default)
                published = sum(not post.draft for post in small.posts)
                jobs.append(Job("@" + shape, "stepwise", published, project, small))
        log(
            f"Corpus: {args.posts} posts (2% drafts, left out by every kind), shapes "
            f"{', '.join(dict.fromkeys(j.shape for j in jobs))}, in {workdir}; "
            f"{os.cpu_count()} CPUs; {args.warmups} warm-up round(s), {args.runs} counted"
        )
        run_interleaved(jobs, args.runs, args.warmups, log)

        latencies: dict[str, list[float]] = {}
        preview_cpu: dict[str, list[float]] = {}
        stepwise_jobs = [job for job in jobs if job.kind == "stepwise" and job.shape[0] != "@"]
        if stepwise_jobs and not args.no_serve:
            # The longest series: a retitled part shows on the most pages.
            first = stepwise_jobs[0]
            latencies, preview_cpu = preview_latency(
                first.project, first.corpus, args.edits, 1, log
            )

        log("")
        log(
            f"{'build':<20} {'posts':>5}  {'wall s min / median / max':<27} "
            f"{'CPU s':>7} {'peak MiB':>9}"
        )
        for job in [job for job in jobs if job.runs]:  # `--runs 0`: the preview only
            log(
                f"{job.label:<20} {job.posts:>5}  {job.seconds().text():<27} "
                f"{job.cpu_seconds().mid:>7.2f} {job.peak_mib().mid:>9.1f}"
            )
        for edit_kind, seconds in latencies.items():
            cpu_spent = preview_cpu.get(edit_kind) or []
            cpu_text = f" {statistics.median(cpu_spent):7.2f}" if cpu_spent else ""
            log(
                f"{'preview, ' + edit_kind:<20} {args.posts:>5}  {Spread.of(seconds).text():<27}"
                f"{cpu_text}  (serve --dirty; CPU s: the server's, save to served)"
            )
        log("")
        log(
            f"        {'target (' + args.clock + ' time ratios per round)':<46} "
            f"{'median':>7}  {'[min .. max]':<17}"
        )
        found, info = targets(jobs, latencies, limits, args.posts, args.clock)
        for target in found:
            log(target.line())
        for figure in info:
            spread = f"[{figure.value.low:.2f} .. {figure.value.high:.2f}]"
            log(f"  info  {figure.name:<46} {figure.value.mid:7.2f}  {spread:<17} (not a target)")
        missed = [t for t in found if not t.met]
        return 1 if args.check and missed else 0
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
