"""One page's failure is that page's problem: an error naming it, never a broken site.

MkDocs stops the whole build at the first exception any page raises, with a traceback. Imported
content is full of surprises, so whatever goes wrong while one page is processed (the plugin's
own events, any Markdown extension, the page's template) is reported as an error that starts
with the page's file, and the page is built without the part that failed. A plain build still
writes the rest of the site; `--strict` fails on the error.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from html import escape
from typing import Any, Concatenate, ParamSpec, TypeVar

from jinja2 import Template
from mkdocs.structure.pages import Page

OUTPUT_SLOT = "stepwise_cached_output"
"""The context key of a page's `buildcache.OutputSlot`."""

log = logging.getLogger("mkdocs.plugins.stepwise")

_MESSAGE_LIMIT = 200

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S")
V = TypeVar("V")


def describe(error: BaseException) -> str:
    """`ValueError: bad value`, cut short: an error may quote a huge or hostile input."""
    text = " ".join(str(error).split())
    if len(text) > _MESSAGE_LIMIT:
        text = text[: _MESSAGE_LIMIT - 3] + "..."
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def report(src_uri: str, error: BaseException, what: str) -> None:
    line = getattr(error, "line", None)
    where = f"{src_uri}:{line}" if isinstance(line, int) else src_uri
    log.error("%s: %s failed (%s); the page is built without it", where, what, describe(error))


def per_page_event(
    method: Callable[Concatenate[S, V, P], R],
) -> Callable[Concatenate[S, V, P], R | V]:
    """Wrap a plugin event `(self, value, *, page, …) -> value`: on error, report, pass `value`."""

    @functools.wraps(method)
    def wrapper(self: S, value: V, /, *args: P.args, **kwargs: P.kwargs) -> R | V:
        try:
            return method(self, value, *args, **kwargs)
        except Exception as error:
            page = kwargs.get("page")
            uri = page.file.src_uri if isinstance(page, Page) else "?"
            report(uri, error, f"stepwise ({method.__name__})")
            return value

    return wrapper


def contain_rendering(page: Page, render: Callable[[Any, Any], None] | None = None) -> None:
    """Make a failing Markdown conversion of `page` an error naming it, not an abort.

    `render(config, files)` converts the page; MkDocs' own `page.render` when not given.
    """
    render = render or page.render

    def guarded(config: Any, files: Any) -> None:
        try:
            render(config, files)
        except Exception as error:
            report(page.file.src_uri, error, "converting its Markdown")
            page.content = (
                '<p class="stepwise-broken">This page could not be converted; '
                "the build log names the problem.</p>"
            )
            page.toc = []  # type: ignore[assignment]

    setattr(page, "render", guarded)  # noqa: B010 - one instance, not the class


class ContainedTemplate(Template):
    """A page template whose rendering errors are reported for that page.

    The page then gets a bare document with its title and content, so its links still work.
    Templates rendered for no page (404, sitemap) fail as before.
    """

    def render(self, *args: Any, **kwargs: Any) -> str:
        # A page the build cache has the output of (`buildcache.OutputSlot`) is not rendered.
        given = args[0] if args and isinstance(args[0], dict) else kwargs
        slot = given.get(OUTPUT_SLOT)
        if slot is not None and slot.cached is not None:
            return str(slot.cached)
        try:
            output = super().render(*args, **kwargs)
            if slot is not None:
                slot.rendered = output
            return output
        except Exception as error:
            context = dict(*args, **kwargs)
            page = context.get("page")
            # Partials rendered into a page's content fail with the page's event instead.
            if not isinstance(page, Page) or (self.name or "").startswith("partials/"):
                raise
            report(page.file.src_uri, error, f"rendering the template {self.name}")
            title = escape(page.title or "")
            return (
                f'<!doctype html>\n<html><head><meta charset="utf-8"><title>{title}</title>'
                f"</head><body>\n{page.content or ''}\n</body></html>\n"
            )
