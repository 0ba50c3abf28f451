"""Build the site in-process, as `mkdocs build` does, and take the series from the plugin.

The checker runs what the copy buttons copy, so it asks the build for it rather than reading
Markdown itself: the plugin's catalogue holds every series in reading order and, per page, the
records its command reader took from the rendered HTML (the reader "copy all" and the series
script use). The site is built into a temporary folder that is removed afterwards; `docs/` is
only read.
"""

from __future__ import annotations

import os
import posixpath
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from ..catalogue import Catalogue
from ..plugin import StepwisePlugin
from ..publishing import Status
from ..series import Series
from .plan import Part, SeriesPlan, apply_options, check_options, locate_lines, steps_from_records


class CheckError(Exception):
    """A problem that stops the checker before it runs anything (bad config, unknown series)."""


@dataclass
class Site:
    config: MkDocsConfig
    series: list[SeriesPlan]
    site_url: str


def build_site(config_file: str, *, drafts: bool) -> Site:
    """Build the site into a temporary folder and plan every series."""
    try:
        config = load_config(config_file=config_file)
    except (MkDocsException, OSError) as error:
        raise CheckError(f"{config_file}: {error}") from error
    plugin = config.plugins.get("stepwise")
    if not isinstance(plugin, StepwisePlugin):
        raise CheckError(f"{config_file}: the `stepwise` plugin is not enabled")
    if drafts:
        plugin.config.drafts = "always"
    with tempfile.TemporaryDirectory(prefix="stepwise-check-site-") as site_dir:
        config.site_dir = site_dir
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build.build(config)
            # Before `on_shutdown`, which lets go of what the build kept.
            if plugin.catalogue is None or plugin.files is None:
                raise CheckError("the site built no pages")
            plans = [
                _plan(plugin, plugin.catalogue, series, config)
                for series in plugin.catalogue.series.series
            ]
        except MkDocsException as error:
            raise CheckError(f"the site does not build: {error}") from error
        finally:
            config.plugins.on_shutdown()
    return Site(config, plans, config.site_url or "")


def _page_path(config: MkDocsConfig, src_uri: str) -> str:
    path = Path(config.docs_dir, src_uri)
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)


def _plan(
    plugin: StepwisePlugin, catalogue: Catalogue, series: Series, config: MkDocsConfig
) -> SeriesPlan:
    assert plugin.files is not None
    landing = plugin.files.src_uris.get(series.landing_uri)
    plan = SeriesPlan(
        series.title,
        series.slug,
        series.folder,
        series.landing_uri,
        landing.url if landing is not None else "",
    )
    for number, uri in enumerate(series.parts, start=1):
        post = catalogue.posts[uri]
        rendered = catalogue.rendered.get(uri)
        file = plugin.files.src_uris.get(uri)
        records = rendered.steps if rendered is not None else []
        steps, _ = steps_from_records(records)
        steps = locate_lines(post.markdown, steps)
        options = check_options(post.front.data)
        part = Part(
            number,
            post.meta.link_title or post.title,
            uri,
            _page_path(config, uri),
            file.url if file is not None else "",
            apply_options(steps, options),
            draft=catalogue.status.get(uri) is Status.DRAFT,
        )
        part.problems = list(options.problems)
        if options.skip_part:
            part.skip = "`check: {skip: true}` in its front matter"
        additions = plugin.scenario_pages.pages.get(uri) if plugin.scenario_pages else None
        if additions is not None and additions.verify_script is not None:
            part.verify = additions.verify_script
            verify_uri = additions.verify_uri or posixpath.join(posixpath.dirname(uri), "verify")
            part.verify_path = _page_path(config, verify_uri)
        plan.parts.append(part)
    return plan


def select(site: Site, names: list[str]) -> list[SeriesPlan]:
    """The series the command line names (by folder, landing address or slug); all without one."""
    if not names:
        return site.series
    chosen: list[SeriesPlan] = []
    for name in names:
        match = next((plan for plan in site.series if _names(plan, name, site.site_url)), None)
        if match is None:
            known = ", ".join(sorted(_label(plan) for plan in site.series)) or "none"
            raise CheckError(f"no series called {name!r}; the site's series: {known}")
        if match not in chosen:
            chosen.append(match)
    return chosen


def _label(plan: SeriesPlan) -> str:
    return plan.folder if plan.folder else "/" + plan.url


def _names(plan: SeriesPlan, name: str, site_url: str) -> bool:
    wanted = name.strip()
    if site_url and wanted.startswith(site_url):
        wanted = wanted[len(site_url) :]
    wanted = wanted.removeprefix("docs/").strip("/")
    candidates = {plan.slug, plan.url.strip("/"), plan.url.removesuffix("index.html").strip("/")}
    if plan.folder is not None:
        candidates.add(plan.folder.strip("/"))
    return wanted in candidates
