"""Turn a `Scenario` into a `Series`: its landing page, its parts, their titles and their URLs.

The landing page of a scenario is, in this order of preference:

1. the folder's own `index.md`/`README.md`, when the author wrote one (the intro is then part 1);
2. the intro, served at the scenario folder's URL: Katacoda's intro screen *is* a landing page
   (title, description, difficulty, time, a "Start" button), and an intro as a separate part
   would be a page to click through before the first step, often an empty one;
3. a page the plugin generates, when the scenario has no intro.

Step files have no front matter, so their titles come from `index.json`, then from the file's
first heading, then "Step N". The intro and the finish rarely have an `index.json` title, and their
first heading is often a sentence ("Congratulations! You have completed the scenario."): such a
heading stays in the text, and the page is called "Introduction" or "Finish".
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

from ..posts import Post, first_heading
from ..series import Series
from ..slugs import slugify
from .index_json import LANDING_NAMES, Scenario, Step

FINISH_TITLE = "Finish"
INTRO_TITLE = "Introduction"
TITLE_LENGTH = 80
"""A heading longer than this reads as a sentence, not as a title for a navigation entry."""
_SENTENCE_BREAK = re.compile(r"[.!?]\s+\S")


def landing_of(scenario: Scenario, posts: Mapping[str, Post]) -> tuple[str, bool]:
    """The landing page's src_uri, and whether the plugin must generate it."""
    for name in LANDING_NAMES:
        uri = posixpath.join(scenario.folder, name)
        if uri in posts and uri not in scenario.markdown_files:
            return uri, False
    if scenario.intro is not None:
        return scenario.intro.src_uri, False
    return posixpath.join(scenario.folder, "index.md"), True


def scenario_series(scenario: Scenario, posts: Mapping[str, Post]) -> Series:
    """The series a scenario reads as: its parts in `index.json` order."""
    landing, generated = landing_of(scenario, posts)
    parts = [page.src_uri for page in scenario.pages if page.src_uri != landing]
    return Series(
        slug=slugify(scenario.title),
        title=scenario.title,
        landing_uri=landing,
        generated=generated,
        description=scenario.description,
        folder=scenario.folder,
        parts=parts,
        difficulty=scenario.difficulty,
        time=scenario.time,
        part_minutes={p.src_uri: p.minutes for p in scenario.pages if p.minutes is not None},
        fixed_order=True,
    )


def retitle(scenario: Scenario, posts: Mapping[str, Post]) -> None:
    """Give the scenario's pages their titles (and the landing page its description)."""
    landing, _ = landing_of(scenario, posts)
    for page, fallback in _pages_with_fallbacks(scenario):
        post = posts.get(page.src_uri)
        if post is None:
            continue
        if page.src_uri == landing:
            post.title = scenario.title
            if not post.meta.description and scenario.description:
                post.meta.description = scenario.description
            continue
        heading = first_heading(post.front.body)
        if heading and page in (scenario.intro, scenario.finish) and not is_title_like(heading):
            heading = None
        post.title = page.title or post.meta.title or heading or fallback


def is_title_like(heading: str) -> bool:
    """Whether a heading reads as a title: short, one phrase, no full stop at its end."""
    text = heading.strip()
    return (
        len(text) <= TITLE_LENGTH
        and not text.endswith(".")
        and _SENTENCE_BREAK.search(text) is None
    )


def _pages_with_fallbacks(scenario: Scenario) -> list[tuple[Step, str]]:
    pages: list[tuple[Step, str]] = []
    if scenario.intro is not None:
        pages.append((scenario.intro, INTRO_TITLE))
    pages.extend((step, f"Step {number}") for number, step in enumerate(scenario.steps, start=1))
    if scenario.finish is not None:
        pages.append((scenario.finish, FINISH_TITLE))
    return pages


def destinations(scenario: Scenario, landing_uri: str) -> dict[str, str]:
    """Nicer output paths (`dest_uri`) for some pages of a scenario.

    The intro serving as landing page goes to the folder's URL (`quiz/intro.md` -> `quiz/`), and
    Killercoda's `step1/text.md` to `step1/` rather than `step1/text/`. The caller skips a
    destination another file already takes.
    """
    moved: dict[str, str] = {}
    for page in scenario.pages:
        if page.src_uri == landing_uri and scenario.intro and page is scenario.intro:
            moved[page.src_uri] = posixpath.join(scenario.folder, "index.html")
        elif posixpath.basename(page.src_uri) == "text.md":
            moved[page.src_uri] = posixpath.join(posixpath.dirname(page.src_uri), "index.html")
    return moved
