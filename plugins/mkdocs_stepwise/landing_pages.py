"""Series landing pages: generated when the author wrote none, and filled with their listings.

Authors place listings with HTML comments, which survive Markdown conversion untouched:
`<!-- stepwise:series-parts -->` on a landing page (appended when absent) and
`<!-- stepwise:series-list -->` on any page for cards of every series. Listings are filled at
template time, once every page's HTML exists, so parts' teasers and reading times are known.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .catalogue import Catalogue
from .frontmatter import yaml_block
from .scenarios.pathways import escape_markdown
from .views import PageView, SeriesViews, all_series

SERIES_PARTS_MARKER = "<!-- stepwise:series-parts -->"
SERIES_LIST_MARKER = "<!-- stepwise:series-list -->"


def landing_markdown(title: str, description: str | None) -> str:
    """The source of a generated landing page: its title, its description, its parts."""
    front = {"title": title, **({"description": description} if description else {})}
    # Descriptions are plain text (front matter, `index.json`), never Markdown or HTML.
    body = f"{escape_markdown(description)}\n\n" if description else ""
    return f"{yaml_block(front)}\n{body}{SERIES_PARTS_MARKER}\n"


def add_landing_pages(files: Files, config: MkDocsConfig, catalogue: Catalogue) -> None:
    """Generate the landing pages authors did not write, in memory (never in `docs/`)."""
    for series in catalogue.series.series:
        written = files.get_file_from_path(series.landing_uri)
        if written is not None and series.generated and catalogue.is_hidden(written.src_uri):
            files.remove(written)  # an unpublished landing page: left out of this build
            written = None
        if series.generated and written is None:
            content = landing_markdown(series.title, series.description)
            file = File.generated(config, series.landing_uri, content=content)
            file.generated_by = "stepwise"
            files.append(file)
            catalogue.add_generated(series.landing_uri, content)


def fill_listings(
    content: str,
    env: Environment,
    context: dict[str, Any],
    view: PageView,
    views: SeriesViews,
) -> str:
    """Replace the listing markers of a page's HTML with the rendered listings."""
    if view.landing is not None:
        template = env.get_template("partials/stepwise/series-parts.html")
        html = template.render(dict(context, stepwise=view))
        if SERIES_PARTS_MARKER in content:
            content = content.replace(SERIES_PARTS_MARKER, html, 1)
        else:
            content += html
    if SERIES_LIST_MARKER in content:
        template = env.get_template("partials/stepwise/series-list.html")
        cards = all_series(views.catalogue, views.files, views)
        html = template.render(dict(context, stepwise=view, all_series=cards))
        content = content.replace(SERIES_LIST_MARKER, html, 1)
    return content
