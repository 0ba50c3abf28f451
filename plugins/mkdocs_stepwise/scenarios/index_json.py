"""Read Katacoda and Killercoda scenarios: a folder whose `index.json` lists its steps.

Both platforms describe a scenario the same way (their scenario documentation's `index.json`):

    {"title": "…", "description": "…", "difficulty": "Beginner", "time": "10 minutes",
     "details": {"intro": {"text": "intro.md"},
                 "steps": [{"title": "…", "text": "step1.md", "verify": "step1-verify.sh"}],
                 "finish": {"text": "finish.md"}}}

Katacoda keeps the step files next to `index.json` (`step1.md`, `01-setup.md`); Killercoda gives
each step a folder (`step1/text.md`, with `foreground.sh`, `background.sh` and `verify.sh`). Paths
in `index.json` are relative to the scenario folder either way.

Everything here is pure: text and file names in, a `Scenario` and its problems out. A broken
`index.json` never stops the build: a step whose file is missing or listed twice is left out with
a problem naming `index.json` and the step, and invalid JSON leaves the folder an ordinary one.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..frontmatter import scrub_surrogates
from ..metadata import Problem

INDEX_NAME = "index.json"
ANSWER_NAME = "answer.md"
"""A step's solution when it sits in the step's own folder (`steps/5/answer.md`)."""
LANDING_NAMES = ("index.md", "README.md")
"""A folder's own page, which is the scenario's landing page when there is one."""

SCRIPT_KEYS = {
    "verify": "verify",
    "foreground": "foreground",
    "background": "background",
    "code": "foreground",
}
"""Scripts a step may name -> their role (Katacoda's older `code` is the foreground script).

A static site shows `verify`; the others prepared the sandbox and ran unseen."""


@dataclass(frozen=True)
class Step:
    """One page of a scenario: the intro, a step, or the finish."""

    src_uri: str
    """The Markdown file, relative to `docs/`."""
    title: str | None = None
    """The title `index.json` gives the page; None when it gives none."""
    minutes: int | None = None
    """How long the step takes, when `index.json` says (`"time"` or `"duration"` of the step)."""
    scripts: Mapping[str, str] = field(default_factory=dict)
    """`verify`/`foreground`/`background` -> the script's src_uri, for scripts that exist."""
    answer: str | None = None
    """Katacoda's `answer`: a Markdown file with the step's solution."""

    @property
    def verify(self) -> str | None:
        return self.scripts.get("verify")


@dataclass
class Scenario:
    folder: str
    """The scenario's folder relative to `docs/` (`""` for the docs root)."""
    title: str
    description: str | None = None
    difficulty: str | None = None
    time: str | None = None
    """The time `index.json` states, as a reader should see it (`"10"` becomes `"10 minutes"`)."""
    intro: Step | None = None
    steps: list[Step] = field(default_factory=list)
    finish: Step | None = None
    problems: list[tuple[str, Problem]] = field(default_factory=list)
    """Warnings: what a reader will miss (missing or repeated files)."""
    notes: list[tuple[str, Problem]] = field(default_factory=list)
    """Things worth knowing that cost the reader nothing (scripts that are not there)."""

    @property
    def index_uri(self) -> str:
        return posixpath.join(self.folder, INDEX_NAME)

    @property
    def pages(self) -> list[Step]:
        """Intro, steps and finish, in reading order."""
        return [p for p in (self.intro, *self.steps, self.finish) if p is not None]

    @property
    def markdown_files(self) -> set[str]:
        """Every Markdown file the scenario uses, answers included."""
        uris = {page.src_uri for page in self.pages}
        return uris | {page.answer for page in self.pages if page.answer}

    def orphans(self, files: Iterable[str]) -> list[str]:
        """Markdown files in the scenario's folder that `index.json` does not list.

        Katacoda and Killercoda showed only what `index.json` lists; the rest of the folder
        (generated `preprocessed.md` copies, `init/init.md`, notes, old steps) was never a page.
        The folder's own `index.md` or `README.md` is kept: it is the scenario's landing page.
        """
        used = self.markdown_files | {posixpath.join(self.folder, name) for name in LANDING_NAMES}
        return sorted(
            uri
            for uri in files
            if uri.endswith(".md")
            and _is_below(posixpath.dirname(uri), self.folder)
            and uri not in used
        )


_MINUTES = re.compile(
    r"^\s*(?:about\s+|~\s*)?(?P<low>\d+)(?:\s*[-\u2013]\s*(?P<high>\d+))?\s*"
    r"(?P<unit>h|hrs?|hours?|m|mins?|minutes?)?\.?\s*$",
    re.IGNORECASE,
)


def parse_minutes(value: Any) -> int | None:
    """`"30 minutes"` -> 30, `"1 hour"` -> 60, `"15-20 min"` -> 20, `10` -> 10; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if value > 0 else None
    if not isinstance(value, str):
        return None
    match = _MINUTES.match(value)
    if not match:
        return None
    amount = int(match["high"] or match["low"])
    unit = (match["unit"] or "m").lower()
    return amount * 60 if unit.startswith("h") else amount


def describe_time(value: Any) -> str | None:
    """The scenario's time for readers: a bare number of minutes gets its unit."""
    if isinstance(value, bool) or value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if re.fullmatch(r"\d+", text):
        return f"{text} minute" + ("s" if text != "1" else "")
    return text


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


class _Reader:
    """Resolves the paths of one `index.json` and collects what is wrong with them."""

    def __init__(self, folder: str, existing_files: Iterable[str]) -> None:
        self.folder = folder
        self.index_uri = posixpath.join(folder, INDEX_NAME)
        self.existing = set(existing_files)
        self.problems: list[tuple[str, Problem]] = []
        self.notes: list[tuple[str, Problem]] = []
        self.used: dict[str, str] = {}
        """Markdown file -> the name of the page that uses it, to report repeats."""

    def problem(self, message: str) -> None:
        self.problems.append((self.index_uri, Problem(message)))

    def resolve(self, relative: str) -> str | None:
        """A path from `index.json` as a src_uri; None when it leaves the docs folder."""
        path = posixpath.normpath(posixpath.join(self.folder, relative.lstrip("/")))
        return None if path.startswith("../") or path == ".." else path

    def inside(self, relative: str) -> str | None:
        """A path from `index.json` inside the scenario's own folder, hidden files excluded.

        Scripts and answers are shown on the page: a path out of the folder could show any file
        of the site (a draft's source, `docs/.env`).
        """
        path = self.resolve(relative)
        if path is None or (self.folder and not path.startswith(self.folder + "/")):
            return None
        inner = path.removeprefix(self.folder + "/") if self.folder else path
        return None if any(part.startswith(".") for part in inner.split("/")) else path

    def page(self, entry: Any, name: str) -> Step | None:
        """Read the intro, a step or the finish; None (reported) when it cannot be shown."""
        if not isinstance(entry, Mapping):
            self.problem(f'{name} is not an object with a "text" file; it is left out')
            return None
        text = entry.get("text")
        if not isinstance(text, str) or not text.strip():
            self.problem(f'{name} names no "text" file; it is left out')
            return None
        src_uri = self.resolve(text.strip())
        if src_uri is None or not src_uri.endswith(".md"):
            self.problem(f"{name} names '{text}', which is not a Markdown file in the scenario")
            return None
        if src_uri not in self.existing:
            self.problem(f"{name} names '{text}', which does not exist; it is left out")
            return None
        if src_uri in self.used:
            self.problem(
                f"{name} repeats '{text}', already used by {self.used[src_uri]}; it is left out"
            )
            return None
        self.used[src_uri] = name
        return Step(
            src_uri=src_uri,
            title=_text(entry.get("title")),
            minutes=parse_minutes(entry.get("time", entry.get("duration"))),
            scripts=self.scripts(entry, name),
            answer=self.answer(entry.get("answer"), name) or self.answer_beside(src_uri),
        )

    def scripts(self, entry: Mapping[str, Any], name: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for key, role in SCRIPT_KEYS.items():
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                continue
            src_uri = self.inside(value.strip())
            if src_uri is None and self.resolve(value.strip()) in self.existing:
                self.problem(
                    f"the {key} script '{value}' of {name} is not a file of the scenario's "
                    "own folder; it is not shown"
                )
            elif src_uri is not None and src_uri in self.existing and not src_uri.endswith(".md"):
                found[role] = src_uri
            else:
                # Published scenario folders often lack their scripts; the page reads the same.
                message = f"the {key} script '{value}' of {name} does not exist"
                self.notes.append((self.index_uri, Problem(message)))
        return found

    def answer_beside(self, src_uri: str) -> str | None:
        """`steps/5/answer.md` next to `steps/5/text.md`: the step's solution, unlisted.

        Scenarios that give each step a folder keep its solution there (the text tells readers
        to "copy the solution from the Solution tab"); it is shown in its step, as a listed
        `answer` is, rather than dropped with the files `index.json` does not list.
        """
        folder = posixpath.dirname(src_uri)
        candidate = posixpath.join(folder, ANSWER_NAME)
        if folder == self.folder or candidate == src_uri or candidate not in self.existing:
            return None
        return candidate

    def answer(self, value: Any, name: str) -> str | None:
        if not isinstance(value, str) or not value.strip():
            return None
        src_uri = self.inside(value.strip())
        if src_uri is None and self.resolve(value.strip()) in self.existing:
            self.problem(
                f"the answer '{value}' of {name} is not a file of the scenario's own folder; "
                "no solution is shown"
            )
            return None
        if src_uri is None or src_uri not in self.existing:
            self.problem(f"the answer '{value}' of {name} does not exist; no solution is shown")
            return None
        if posixpath.basename(src_uri) in {"index.md", "README.md"} or not src_uri.endswith(".md"):
            self.problem(
                f"the answer '{value}' of {name} is not an answer file; no solution is shown"
            )
            return None
        return src_uri

    def drop_answers_that_are_pages(self, scenario: Scenario) -> None:
        """An answer file is hidden from the site: it must not be one of the scenario's pages."""

        def checked(page: Step | None) -> Step | None:
            if page is None or page.answer is None or page.answer not in self.used:
                return page
            self.problem(
                f"the answer '{page.answer}' is a page of the scenario "
                f"({self.used[page.answer]}); no solution is shown"
            )
            return replace(page, answer=None)

        scenario.intro = checked(scenario.intro)
        scenario.steps = [step for step in map(checked, scenario.steps) if step is not None]
        scenario.finish = checked(scenario.finish)


def read_scenario(
    folder: str, index_json_text: str, existing_files: Iterable[str]
) -> Scenario | None:
    """Read a scenario from its `index.json`; None when the file does not describe one.

    An `index.json` without `details.steps` is some other JSON file and is ignored silently; one
    that is not JSON at all is reported (on the scenario's problems) and ignored.
    """
    index_uri = posixpath.join(folder, INDEX_NAME)
    try:
        data = json.loads(index_json_text)
    except json.JSONDecodeError as error:
        problem = Problem(
            f"is not valid JSON ({error.msg}, column {error.colno}); "
            "the folder is not read as a scenario",
            line=error.lineno,
        )
        return Scenario(folder, "", problems=[(index_uri, problem)])
    data, scrubbed = scrub_surrogates(data)
    details = data.get("details") if isinstance(data, dict) else None
    steps = details.get("steps") if isinstance(details, dict) else None
    if not isinstance(steps, list):
        return None
    assert isinstance(data, dict) and isinstance(details, dict)
    reader = _Reader(folder, existing_files)
    if scrubbed:
        reader.problem("holds lone surrogates (\\ud800 to \\udfff); replaced by \ufffd")
    title = _text(data.get("title")) or _folder_title(folder)
    scenario = Scenario(
        folder,
        title,
        description=_text(data.get("description")),
        difficulty=_text(data.get("difficulty")),
        time=describe_time(data.get("time")),
    )
    if details.get("intro") is not None:
        scenario.intro = reader.page(details["intro"], "the intro")
    for number, entry in enumerate(steps, start=1):
        step_title = _text(entry.get("title")) if isinstance(entry, Mapping) else None
        name = f"step {number}" + (f" ('{step_title}')" if step_title else "")
        step = reader.page(entry, name)
        if step is not None:
            scenario.steps.append(step)
    if details.get("finish") is not None:
        scenario.finish = reader.page(details["finish"], "the finish")
    reader.drop_answers_that_are_pages(scenario)
    if not scenario.steps and steps:
        reader.problem("none of its steps can be shown")
    scenario.problems = reader.problems
    scenario.notes = reader.notes
    return scenario


def _folder_title(folder: str) -> str:
    name = posixpath.basename(folder) or "Scenario"
    return name.replace("-", " ").replace("_", " ").capitalize()


def discover(files: Iterable[str], read: Callable[[str], str]) -> list[Scenario]:
    """Every scenario among `files` (src_uris of the whole docs folder, not only Markdown).

    `read(src_uri)` returns a file's text. Scenarios with no step to show are left out, with their
    problems still attached, so the caller reports them: look at `.steps` to tell them apart.
    A scenario inside another scenario's folder belongs to the outer one and is not read.
    """
    all_files = sorted(files)
    found: list[Scenario] = []
    for uri in all_files:
        if posixpath.basename(uri) != INDEX_NAME:
            continue
        folder = posixpath.dirname(uri)
        if any(_is_below(folder, outer.folder) for outer in found if outer.steps):
            continue
        scenario = read_scenario(folder, read(uri), all_files)
        if scenario is not None:
            found.append(scenario)
    return found


def _is_below(folder: str, outer: str) -> bool:
    return outer == "" or folder == outer or folder.startswith(outer + "/")
