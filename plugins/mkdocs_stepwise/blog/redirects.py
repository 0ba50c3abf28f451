"""Small HTML pages that send visitors from an old address (Hugo's `aliases`) to the new one.

Hugo writes the same kind of page for aliases. The target is relative, so the redirect also works
under `mkdocs serve` and when the site is served from a sub-path; the canonical link is absolute
when the site has a `site_url`, so search engines move their index to the new address.
"""

from __future__ import annotations

import html
import json
import posixpath


def relative_url(from_dest: str, to_url: str) -> str:
    """The URL of site-relative `to_url` as seen from the file `from_dest` (e.g. `a/index.html`)."""
    base = posixpath.dirname(from_dest)
    relative = posixpath.relpath(to_url or ".", base or ".")
    if (to_url.endswith("/") or to_url == "") and not relative.endswith("/"):
        relative += "/"
    return relative


def redirect_page(target: str, canonical: str | None, title: str) -> str:
    """The HTML of a redirect page to `target` (a URL relative to the redirect page)."""
    href = html.escape(target, quote=True)
    link = html.escape(canonical or target, quote=True)
    # json.dumps gives a valid JS string; `</` is broken up so it cannot end the script element.
    script_target = json.dumps(target).replace("</", "<\\/")
    name = html.escape(title)
    return (
        "<!doctype html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>Redirecting to {name}</title>\n"
        f'<link rel="canonical" href="{link}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f"<script>location.replace({script_target} + location.hash)</script>\n"
        "</head>\n"
        "<body>\n"
        f'<p>This page has moved to <a href="{href}">{name}</a>.</p>\n'
        "</body>\n"
        "</html>\n"
    )
