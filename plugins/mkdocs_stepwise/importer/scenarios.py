"""`stepwise import katacoda|killercoda REPO_DIR [SCENARIO…]`: scenario folders, the shared
pictures they use, and pathways, copied into `docs/` as they are.

A scenario is a folder whose `index.json` lists steps. Its whole folder is copied (scripts and
`assets/` included: the plugin shows `verify` scripts and resolves `assets/` pictures). A
picture a step takes from outside its folder (a repository-wide `assets/`) is copied too, to
the same place relative to the step, so the link works unchanged; a bare `assets/x.png` that
only the shared folder has goes into the scenario's own `assets/`, where the plugin looks.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any

from ..posts import first_heading
from ..scenarios.index_json import INDEX_NAME, Scenario, read_scenario
from ..scenarios.pathways import SUFFIX, course_folders
from . import hugo_content, site_config
from .hugo import config_output
from .report import Report
from .writer import ImportRefused, Output

_ASSET_REST = re.compile(r"(?:^|/)assets/(.+)$")


def _files(repo: Path, report: Report) -> list[str]:
    found = []
    for path in sorted(repo.rglob("*")):
        relative = path.relative_to(repo)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_symlink():
            report.left_behind.append((relative.as_posix(), "a symbolic link; not copied"))
        elif path.is_file():
            found.append(relative.as_posix())
    return found


def _line_of(text: str, needle: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle and needle in line:
            return number
    return None


def find_scenarios(repo: Path, files: list[str], report: Report) -> list[Scenario]:
    """Every scenario of the repository (outermost folders with a steps-listing index.json)."""
    found: list[Scenario] = []
    for uri in files:
        if posixpath.basename(uri) != INDEX_NAME:
            continue
        folder = posixpath.dirname(uri)
        if any(folder == s.folder or folder.startswith(s.folder + "/") for s in found if s.folder):
            continue
        text = (repo / uri).read_text(encoding="utf-8-sig", errors="replace")
        scenario = read_scenario(folder, text, files)
        if scenario is None:
            continue
        for file, problem in scenario.problems:
            needle = re.search(r"'([^']+)'", problem.message)
            line = problem.line or (_line_of(text, needle[1]) if needle else None)
            report.problem(file, problem.message, line)
        found.append(scenario)
    return found


def _check_assets(repo: Path, scenario: Scenario, files: set[str], report: Report) -> None:
    """Katacoda's `details.assets` lists files copied into the sandbox from `assets/`."""
    index = posixpath.join(scenario.folder, INDEX_NAME)
    text = (repo / index).read_text(encoding="utf-8-sig", errors="replace")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return
    assets = data.get("details", {}).get("assets") if isinstance(data, dict) else None
    if not isinstance(assets, dict):
        return
    for host, entries in assets.items():
        for entry in entries if isinstance(entries, list) else []:
            name = entry.get("file") if isinstance(entry, dict) else None
            if not isinstance(name, str) or not name.strip():
                continue
            if "*" in name:
                continue
            path = posixpath.normpath(posixpath.join(scenario.folder, "assets", name))
            if path not in files:
                report.problem(
                    index,
                    f"the asset '{name}' for {host} is not in {scenario.folder or '.'}/assets/",
                    _line_of(text, f'"{name}"'),
                )


def import_scenarios(
    repo: Path, into: Path, wanted: list[str], *, platform: str
) -> tuple[list[Output], Report]:
    """Plan the import of a scenario repository (nothing is written here)."""
    report = Report(f"{platform.capitalize()} repository", str(repo), str(into))
    files = _files(repo, report)
    file_set = set(files)
    scenarios = find_scenarios(repo, files, report)
    if not scenarios and not report.problems:
        raise ImportRefused(
            f"{repo} holds no scenario: no folder has an index.json that lists steps"
        )
    if wanted:
        chosen = []
        for name in wanted:
            key = name.strip().strip("/")
            match = [s for s in scenarios if s.folder == key or posixpath.basename(s.folder) == key]
            if not match:
                report.problem(
                    name, "is not a scenario folder (no index.json with steps) of the repository"
                )
            chosen += [s for s in match if s not in chosen]
        scenarios = chosen
    outputs: dict[str, Output] = {}

    def copy(source: str, target: str) -> None:
        if target in outputs:
            return
        outputs[target] = Output(target, source=repo / source)
        report.imported.append((source, target))

    for scenario in scenarios:
        if not scenario.steps:
            report.left_behind.append((scenario.folder or ".", "none of its steps can be shown"))
            continue
        prefix = scenario.folder + "/" if scenario.folder else ""
        pages = scenario.markdown_files
        for uri in files:
            if not uri.startswith(prefix) or posixpath.basename(uri).endswith(SUFFIX):
                continue
            if hugo_content.is_markdown(uri) and uri not in pages:
                # Drafts, generated sources, notes: the platform never showed them.
                report.left_behind.append((uri, "not a page of the scenario (index.json omits it)"))
                continue
            copy(uri, "docs/" + uri)
        _check_assets(repo, scenario, file_set, report)
        for page in scenario.pages:
            _pictures(repo, page.src_uri, scenario, file_set, copy, report)
        if data := _environment(repo, scenario):
            report.left_behind.append(
                (
                    f"{scenario.index_uri}: environment",
                    f"the sandbox ({data}): a static site has none",
                )
            )

    imported = {s.folder for s in scenarios if s.steps}
    for uri in files:
        if not uri.endswith(SUFFIX) or len(posixpath.basename(uri)) <= len(SUFFIX):
            continue
        courses, problem = _pathway_courses(repo / uri)
        if problem:
            report.problem(uri, problem)
            continue
        missing = [
            str(course.get("id") or course.get("course_id"))
            for course in courses
            if not any(path in imported for path in course_folders(uri, course))
        ]
        if missing:
            report.left_behind.append(
                (uri, f"its courses are not among the imported scenarios: {', '.join(missing)}")
            )
        else:
            copy(uri, "docs/" + uri)

    top = sorted({s.folder.split("/", 1)[0] for s in scenarios if s.folder})
    for name in sorted({uri.split("/", 1)[0] for uri in files if "/" in uri} - set(top)):
        if not any(target.startswith(f"docs/{name}/") for target in outputs):
            report.left_behind.append(
                (f"{name}/", "not a scenario, and no scenario uses its files")
            )

    # A scenario at the top of the repository has its intro as the home page already.
    at_top = any(scenario.folder == "" for scenario in scenarios)
    if not at_top and "docs/index.md" not in outputs and not (into / "docs/index.md").exists():
        outputs["docs/index.md"] = Output("docs/index.md", content=_home(scenarios).encode())
        report.generated.append(("docs/index.md", "a home page listing the scenarios"))
    settings = site_config.base_settings()
    heading = _readme_title(repo)
    settings["site_name"] = heading or repo.resolve().name
    source = "README.md's title" if heading else "the repository's folder name"
    report.mapped.append((source, f"site_name: {settings['site_name']}"))
    for scenario in scenarios:
        if scenario.steps:
            report.mapped.append((scenario.index_uri, f"the series '{scenario.title}'"))
    result = list(outputs.values())
    result.append(config_output(settings, into, report))
    return result, report


def _environment(repo: Path, scenario: Scenario) -> str | None:
    try:
        data: Any = json.loads((repo / scenario.index_uri).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return None
    environment = data.get("environment") or data.get("backend") if isinstance(data, dict) else None
    if isinstance(environment, dict):
        image = environment.get("imageid") or environment.get("imageId")
        return f"image '{image}'" if isinstance(image, str) else "a sandbox"
    return None


def _pathway_courses(path: Path) -> tuple[list[dict[str, Any]], str | None]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as error:
        return [], f"cannot be read as JSON ({error})"
    courses = data.get("courses") if isinstance(data, dict) else None
    if not isinstance(courses, list):
        return [], 'has no "courses" list'
    return [c for c in courses if isinstance(c, dict)], None


def _pictures(
    repo: Path, page: str, scenario: Scenario, files: set[str], copy: Any, report: Report
) -> None:
    text = (repo / page).read_text(encoding="utf-8-sig", errors="replace")
    folder = posixpath.dirname(page)
    for line, url, _ in hugo_content.image_references(text, 1):
        value = url.split("#", 1)[0].split("?", 1)[0]
        if not value or re.match(r"^[a-z][a-z0-9+.\-]*:|^//", value, re.IGNORECASE):
            continue
        path = posixpath.normpath(
            value.lstrip("/") if value.startswith("/") else posixpath.join(folder, value)
        )
        if path in files:
            copy(path, "docs/" + path)  # Outside the scenario: copied to the same place.
            continue
        rest = _ASSET_REST.search(value)
        own = posixpath.join(scenario.folder, "assets", rest[1]) if rest else None
        if own and own in files:
            continue  # The plugin resolves `assets/…` to the scenario's own folder.
        shared = posixpath.join("assets", rest[1]) if rest else None
        if shared and shared in files:
            copy(shared, "docs/" + own if own else "docs/" + shared)
            continue
        report.problem(page, f"the picture '{url}' is not in the repository", line)


def _readme_title(repo: Path) -> str | None:
    """The first `# heading` of the repository's README.md, if it has one."""
    readme = repo / "README.md"
    if not readme.is_file() or readme.is_symlink():
        return None
    return first_heading(readme.read_text(encoding="utf-8-sig", errors="replace"))


def _home(scenarios: list[Scenario]) -> str:
    return "---\ntitle: Scenarios\n---\n\n<!-- stepwise:series-list -->\n"
