"""The HTML of an xkcd panel: a pure function of what the panel shows.

    <figure class="stepwise-xkcd">
      <a class="stepwise-xkcd__comic" href="https://xkcd.com/N/"><img ...></a>
      <figcaption>
        <p class="stepwise-xkcd__title"><a href="https://xkcd.com/N/">xkcd N: Title</a></p>
        <p class="stepwise-xkcd__text">the title text</p>
        <p class="stepwise-xkcd__credit">xkcd.com by Randall Munroe, CC BY-NC 2.5 (both linked)</p>
      </figcaption>
    </figure>

The title text is both the image's hover `title` and a visible caption: hover text cannot be
reached on a touch screen. The credit line is what the comic's license (CC BY-NC 2.5) asks for.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

LICENSE_NAME = "CC BY-NC 2.5"
LICENSE_URL = "https://creativecommons.org/licenses/by-nc/2.5/"
AUTHOR = "Randall Munroe"


@dataclass(frozen=True)
class Panel:
    """Everything a panel shows, as plain text (escaping is done here, once)."""

    page_url: str
    """The comic's page on xkcd.com, which both the comic and its title link to."""
    label: str
    """`xkcd 1987: Python Environment`."""
    src: str
    alt: str
    title_text: str
    src2x: str | None = None
    width: int | None = None
    height: int | None = None


def _attributes(pairs: list[tuple[str, str | int | None]]) -> str:
    return "".join(f' {name}="{escape(str(value))}"' for name, value in pairs if value is not None)


def panel_html(panel: Panel) -> str:
    """The `<figure>` for `panel`, every text and attribute escaped."""
    image = "<img{} />".format(
        _attributes(
            [
                ("src", panel.src),
                ("srcset", f"{panel.src2x} 2x" if panel.src2x else None),
                ("alt", panel.alt),
                ("title", panel.title_text or None),
                ("width", panel.width),
                ("height", panel.height),
                ("loading", "lazy"),
                ("decoding", "async"),
            ]
        )
    )
    href = escape(panel.page_url)
    lines = [
        '<figure class="stepwise-xkcd">',
        f'<a class="stepwise-xkcd__comic" href="{href}">{image}</a>',
        "<figcaption>",
        f'<p class="stepwise-xkcd__title"><a href="{href}">{escape(panel.label)}</a></p>',
    ]
    if panel.title_text:
        lines.append(f'<p class="stepwise-xkcd__text">{escape(panel.title_text)}</p>')
    lines += [
        f'<p class="stepwise-xkcd__credit"><a href="{href}">xkcd.com</a> by {AUTHOR}, '
        f'<a href="{LICENSE_URL}" rel="license">{LICENSE_NAME}</a></p>',
        "</figcaption>",
        "</figure>",
    ]
    return "\n".join(lines)
