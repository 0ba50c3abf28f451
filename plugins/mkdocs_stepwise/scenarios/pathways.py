"""Katacoda pathways (courses): `<name>-pathway.json` lists scenarios kept in the folder `<name>/`.

    {"title": "Kubernetes", "description": "Kubernetes 101",
     "courses": [{"course_id": "k8s-hello", "title": "Hello K8s", "description": "…"}]}

A pathway becomes a page at `<name>/index.md` listing its scenarios in order, each linking to the
scenario's landing page with its description, difficulty and time: a series of series. Pure:
JSON text and the site's scenario series in, a `Pathway` (and the page's Markdown) out.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from ..frontmatter import scrub_surrogates, yaml_block
from ..metadata import Problem
from ..series import Series

SUFFIX = "-pathway.json"


@dataclass
class Pathway:
    src_uri: str
    """The `*-pathway.json` file."""
    folder: str
    """Where its scenarios live, and where its page goes."""
    title: str
    description: str | None = None
    courses: list[tuple[Series | str, str, str | None]] = field(default_factory=list)
    """(the scenario's series, or the address of a course hosted elsewhere, the title the
    pathway gives it, its description), in order."""
    problems: list[tuple[str, Problem]] = field(default_factory=list)

    @property
    def page_uri(self) -> str:
        return posixpath.join(self.folder, "index.md")


def read_pathway(src_uri: str, text: str, scenarios: Mapping[str, Series]) -> Pathway | None:
    """Read a pathway file; `scenarios` maps a scenario folder to its series.

    None when the file is not a pathway (no `courses` list); invalid JSON and courses whose
    scenario is not on the site are reported.
    """
    name = posixpath.basename(src_uri)[: -len(SUFFIX)]
    folder = posixpath.join(posixpath.dirname(src_uri), name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        problem = Problem(
            f"is not valid JSON ({error.msg}, column {error.colno})", line=error.lineno
        )
        return Pathway(src_uri, folder, "", problems=[(src_uri, problem)])
    data, scrubbed = scrub_surrogates(data)
    courses = data.get("courses") if isinstance(data, dict) else None
    if not isinstance(courses, list):
        return None
    assert isinstance(data, dict)
    pathway = Pathway(
        src_uri,
        folder,
        _text(data.get("title")) or name.replace("-", " ").capitalize(),
        _text(data.get("description")),
    )
    if scrubbed:
        _problem(pathway, "holds lone surrogates (\\ud800 to \\udfff); replaced by \ufffd")
    for number, course in enumerate(courses, start=1):
        course_id = course.get("course_id") if isinstance(course, dict) else None
        external = _external_link(course.get("external_link")) if isinstance(course, dict) else None
        if external is not None and not (isinstance(course_id, str) and course_id.strip()):
            # Katacoda's home-page pathways list courses hosted on another site this way.
            assert isinstance(course, dict)
            title = _text(course.get("title")) or external
            pathway.courses.append((external, title, _text(course.get("description"))))
            continue
        if not isinstance(course_id, str) or not course_id.strip():
            _problem(pathway, f'course {number} has no "course_id"; it is left out')
            continue
        assert isinstance(course, dict)
        series = next(
            (scenarios[path] for path in course_folders(src_uri, course) if path in scenarios),
            None,
        )
        if series is None:
            _problem(
                pathway,
                f"course {number} ('{course_id}') has no scenario in '{folder}/{course_id}/'; "
                "it is left out",
            )
            continue
        title = _text(course.get("title")) or series.title
        description = _text(course.get("description")) or series.description
        pathway.courses.append((series, title, description))
    return pathway


def course_folders(src_uri: str, course: Mapping[str, object]) -> list[str]:
    """Where a course's scenario may be, most likely first: Katacoda's `id` names the folder
    (`get-started/01-initialize` for `"id": "01-initialize", "course_id": "initialize"`), in
    the pathway's folder `<name>/` or, in repositories that keep scenarios at the top, beside
    the pathway file."""
    name = posixpath.basename(src_uri)[: -len(SUFFIX)]
    beside = posixpath.dirname(src_uri)
    ids = [v.strip() for v in (course.get("id"), course.get("course_id")) if isinstance(v, str)]
    return [
        posixpath.join(base, value)
        for base in (posixpath.join(beside, name), beside)
        for value in ids
        if value
    ]


_SAFE_URL = re.compile(r"https?://[^\s<>\"'`\\]+\Z")


def _external_link(value: object) -> str | None:
    """An `external_link` that can be a Markdown link target as it is: http(s), no spaces or
    characters that would end the target or open markup."""
    return value.strip() if isinstance(value, str) and _SAFE_URL.match(value.strip()) else None


def _problem(pathway: Pathway, message: str) -> None:
    pathway.problems.append((pathway.src_uri, Problem(message)))


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


_LINK_TEXT_SPECIALS = re.compile(r"([\\\[\]*_`])")


def pathway_markdown(pathway: Pathway) -> str:
    """The pathway's page: its description, then its scenarios as a numbered list of links."""
    front = {"title": pathway.title}
    if pathway.description:
        front["description"] = pathway.description
    lines = [yaml_block(front)]
    if pathway.description:
        lines += [escape_markdown(pathway.description), ""]
    for number, (target, title, description) in enumerate(pathway.courses, start=1):
        if isinstance(target, str):
            lines.append(f"{number}. [{escape_markdown(title)}](<{target}>)")
            facts = ""
        else:
            link = posixpath.relpath(target.landing_uri, pathway.folder)
            lines.append(f"{number}. [{escape_markdown(title)}]({link})")
            facts = " · ".join(
                escape_markdown(fact) for fact in (target.difficulty, target.time) if fact
            )
        details = [escape_markdown(description)] if description else []
        details += [f"*{facts}*"] if facts else []
        if details:
            lines += ["", "    " + " — ".join(details), ""]
    return "\n".join(lines) + "\n"


def escape_markdown(text: str) -> str:
    """Plain text as Markdown: emphasis and link syntax escaped, HTML shown as text.

    Python-Markdown does not treat `\\<` as an escape, so `<` and `&` become entities: a title in
    an imported pathway must never open a tag.
    """
    marked = _LINK_TEXT_SPECIALS.sub(r"\\\1", " ".join(text.split()))
    return html.escape(marked, quote=False)


def discover_pathways(
    files: Iterable[str], read: Callable[[str], str], scenarios: Iterable[Series]
) -> list[Pathway]:
    """Every pathway among `files` (all src_uris of the docs folder)."""
    by_folder = {s.folder: s for s in scenarios if s.folder is not None and s.fixed_order}
    found = []
    for uri in sorted(files):
        if uri.endswith(SUFFIX) and len(posixpath.basename(uri)) > len(SUFFIX):
            pathway = read_pathway(uri, read(uri), by_folder)
            if pathway is not None:
                found.append(pathway)
    return found
