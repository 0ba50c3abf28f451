"""The MkDocs side of scenarios: find them among the site's files and place their pages.

`index_json.py` and `scenarios.series` are pure; this module is the thin layer that reads
MkDocs `File`s, logs the problems, and changes where some pages are written.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from ..metadata import Problem
from ..series import SeriesIndex
from .index_json import Scenario, discover
from .pages import ScenarioPages
from .pathways import discover_pathways, pathway_markdown
from .series import destinations

log = logging.getLogger("mkdocs.plugins.stepwise")


def read_scenarios(files: Files) -> list[Scenario]:
    """Every scenario of the site, with its problems logged as warnings and notes as info."""
    scenarios = discover((file.src_uri for file in files), lambda uri: _text(files, uri))
    for scenario in scenarios:
        for uri, problem in scenario.problems:
            log.warning("%s: %s", _where(uri, problem), problem.message)
        for uri, problem in scenario.notes:
            log.info("%s: %s", _where(uri, problem), problem.message)
    return [scenario for scenario in scenarios if scenario.steps]


def leave_out_orphans(files: Files, scenarios: list[Scenario]) -> set[str]:
    """Exclude the Markdown files of scenario folders that `index.json` does not list.

    Each one gets an INFO line, not a warning: the author did nothing wrong, the platform never
    showed these files either. Returns their src_uris.
    """
    uris = [file.src_uri for file in files]
    orphans: set[str] = set()
    for scenario in scenarios:
        for uri in scenario.orphans(uris):
            file = files.get_file_from_path(uri)
            if file is None or uri in orphans:
                continue
            file.inclusion = InclusionLevel.EXCLUDED
            orphans.add(uri)
            log.info(
                "%s: not published: %s does not list it (only listed steps are pages)",
                uri,
                scenario.index_uri,
            )
    return orphans


def place_scenarios(files: Files, scenarios: list[Scenario], index: SeriesIndex) -> ScenarioPages:
    """Give scenario pages their URLs, keep answers out of the page list, collect additions."""
    landing_by_folder = {s.folder: s.landing_uri for s in index.series if s.fixed_order}
    taken = {file.dest_uri for file in files}
    for scenario in scenarios:
        landing = landing_by_folder.get(scenario.folder)
        if landing is None:
            continue
        for src_uri, dest_uri in destinations(scenario, landing).items():
            file = files.get_file_from_path(src_uri)
            if file is None or dest_uri in taken:
                continue
            taken.discard(file.dest_uri)
            _move(file, dest_uri)
            taken.add(dest_uri)
        for page in scenario.pages:
            answer = files.get_file_from_path(page.answer) if page.answer else None
            if answer is not None:
                # Shown inside its step as the solution, not as a page of its own.
                answer.inclusion = InclusionLevel.EXCLUDED
    return ScenarioPages.build(
        scenarios, lambda uri: _text(files, uri), (file.src_uri for file in files)
    )


def add_pathway_pages(
    files: Files,
    config: MkDocsConfig,
    index: SeriesIndex,
    add_generated: Callable[[str, str], None],
) -> None:
    """A page for each Katacoda pathway (`<name>-pathway.json`) unless `<name>/index.md` exists.

    `add_generated(src_uri, markdown)` registers each page with the catalogue.
    """
    pathways = discover_pathways(
        (file.src_uri for file in files), lambda uri: _text(files, uri), index.series
    )
    for pathway in pathways:
        for uri, problem in pathway.problems:
            log.warning("%s: %s", _where(uri, problem), problem.message)
        if not pathway.courses or files.get_file_from_path(pathway.page_uri) is not None:
            continue
        content = pathway_markdown(pathway)
        file = File.generated(config, pathway.page_uri, content=content)
        file.generated_by = "stepwise"
        files.append(file)
        add_generated(pathway.page_uri, content)


def _move(file: File, dest_uri: str) -> None:
    file.dest_uri = dest_uri
    # `url` and `abs_dest_path` are derived from `dest_uri` once and cached.
    for derived in ("url", "abs_dest_path"):
        file.__dict__.pop(derived, None)


def _text(files: Files, src_uri: str) -> str:
    file = files.get_file_from_path(src_uri)
    if file is None:
        return ""
    return file.content_bytes.decode("utf-8-sig", errors="replace")


def _where(uri: str, problem: Problem) -> str:
    return f"{uri}:{problem.line}" if problem.line else posixpath.normpath(uri)
