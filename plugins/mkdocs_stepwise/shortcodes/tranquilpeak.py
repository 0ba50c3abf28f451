"""The Tranquilpeak theme's shortcodes, in Material for MkDocs' vocabulary.

alert → admonition, hl-text → `<mark>`, image/wide-image → `<figure>`, codeblock → a titled
SuperFences block, tabbed-codeblock → content tabs (`=== "lang"`, pymdownx.tabbed), blockquote
and pullquote → `<blockquote>`, toc → `[TOC]`, jsfiddle → a link (offline-safe, no iframe).

`{{< >}}` calls insert their inner text as raw HTML, as Hugo does with `.Inner`; `{{% %}}`
calls render it as Markdown with the page's own parser (admonition syntax for alerts).
"""

from __future__ import annotations

import html
import re
import textwrap

from .hugo import code_language, fence, trim_code
from .images import image_url
from .output import (
    BlockHtml,
    BlockMarkdown,
    Inline,
    RenderContext,
    Rendered,
    ShortcodeSpec,
    as_written,
    attrs,
    checked_url,
    class_list,
    escape_text,
    safe_classes,
)
from .parser import Shortcode

# --- containers -----------------------------------------------------------------------------


def _container(
    node: Shortcode, ctx: RenderContext, element: str, classes: str, extra: str = ""
) -> Rendered:
    """A block element around the call's inner text, Markdown or raw HTML as the call says.

    `extra` is HTML appended inside the element (a quote's attribution). For Markdown inner
    text the opening and closing tags are stashed as paragraphs of their own, which
    Python-Markdown swaps back without a `<p>`; unlike md_in_html this also works inside list
    items and other indented blocks.
    """
    children = node.children or ()
    if node.tag.markdown:
        inner = ctx.markdown(children).strip("\n")
        opening = ctx.stash(f"<{element}{attrs(class_=classes)}>")
        closing = ctx.stash(f"{extra}</{element}>")
        return BlockMarkdown("\n\n".join(part for part in (opening, inner, closing) if part))
    inner = ctx.raw(children).strip()
    paragraph = f"<p>{inner}</p>" if inner else ""
    return BlockHtml(f"<{element}{attrs(class_=classes)}>{paragraph}{extra}</{element}>")


# Material's admonition types; Tranquilpeak documents info, success, warning and danger.
ADMONITION_TYPES = {
    "note", "abstract", "info", "tip", "success", "question",
    "warning", "failure", "danger", "bug", "example", "quote",
}  # fmt: skip


def render_alert(node: Shortcode, ctx: RenderContext) -> Rendered:
    """`{{< alert info|success|warning|danger [no-icon] >}}…{{< /alert >}}` → admonition."""
    params = [*node.tag.positional, *(value for _, value in node.tag.named)]
    kinds = [param for param in params if param != "no-icon"]
    kind = kinds[0].lower() if kinds else "info"
    if kind not in ADMONITION_TYPES:
        ctx.warn(f"alert type {kind!r} is not one of info, success, warning, danger", node.tag.line)
        kind = "note"
    no_icon = "stepwise-alert--no-icon" if "no-icon" in params else ""
    if node.tag.markdown:
        # Admonition syntax: an empty title ("") shows no title bar, as Tranquilpeak's alerts.
        inner = ctx.markdown(node.children or ()).strip("\n")
        header = f'!!! {class_list(kind, "stepwise-alert", no_icon)} ""'
        return BlockMarkdown(header + "\n" + textwrap.indent(inner, "    "))
    return _container(node, ctx, "div", class_list("admonition", kind, "stepwise-alert", no_icon))


def render_pullquote(node: Shortcode, ctx: RenderContext) -> Rendered:
    """`{{< pullquote [left|right] >}}…{{< /pullquote >}}` → a styled quote."""
    sides = [f"stepwise-pullquote--{name}" for name in safe_classes(" ".join(node.tag.positional))]
    return _container(node, ctx, "blockquote", class_list("stepwise-pullquote", *sides))


def _looks_like_url(value: str) -> bool:
    return value.startswith(("http://", "https://", "//"))


def _short_url(url: str) -> str:
    """A link's text when the quote names no source: host and path, shortened (as Hexo does)."""
    shown = re.sub(r"^(https?:)?//(www\.)?", "", url)
    return shown if len(shown) <= 40 else shown[:39] + "…"


def render_blockquote(node: Shortcode, ctx: RenderContext) -> Rendered:
    """`{{< blockquote "Author" "source or link" "link title" >}}…` → quote with a footer."""
    tag = node.tag
    author, source, title = tag.get("author", 0), tag.get("source", 1), tag.get("title", 2)
    link = tag.get("link")
    if not link and _looks_like_url(source):
        link, source = source, title
    elif link:
        source = title or source
    cite = escape_text(source)
    if link:
        href = checked_url(link, ctx, tag.line, "quote source")
        cite = f"<a{attrs(href=href)}>{cite or escape_text(_short_url(link))}</a>"
    parts = [f"<strong>{escape_text(author)}</strong>"] if author else []
    if cite:
        parts.append(f"<cite>{cite}</cite>")
    footer = f"<footer>{', '.join(parts)}</footer>" if parts else ""
    return _container(node, ctx, "blockquote", "stepwise-blockquote", footer)


# --- inline ---------------------------------------------------------------------------------


def render_hl_text(node: Shortcode, ctx: RenderContext) -> Rendered:
    """`{{< hl-text red >}}text{{< /hl-text >}}` → `<mark class="stepwise-hl stepwise-hl--red">`."""
    colors = safe_classes(node.tag.get("color", 0))
    if node.tag.get("color", 0) and not colors:
        ctx.warn(f"{node.tag.get('color', 0)!r} is not a colour name", node.tag.line)
    opening = f'<mark class="{class_list("stepwise-hl", *(f"stepwise-hl--{c}" for c in colors))}">'
    children = node.children or ()
    if node.tag.markdown:
        return Inline(ctx.stash(opening) + ctx.markdown(children) + ctx.stash("</mark>"))
    return Inline(ctx.stash(opening + ctx.raw(children) + "</mark>"))


# --- images ---------------------------------------------------------------------------------

_CSS_LENGTH = re.compile(r"^\d+(\.\d+)?(px|%|em|rem|vw)?$")


def render_image(node: Shortcode, ctx: RenderContext) -> Rendered:
    """`{{< image classes="fancybox fig-50 right clear nocaption" src= thumbnail= title= >}}`.

    `fancybox` links the thumbnail to the full image, `nocaption` hides the title under it,
    `clear` starts a new row after it; the other classes (fig-NN widths, left, right) become
    `stepwise-image--NAME` classes styled in shortcodes.css.
    """
    tag, line = node.tag, node.tag.line
    classes = safe_classes(tag.get("classes"))
    src, title = tag.get("src"), tag.get("title")
    if not src:
        ctx.warn("image without `src`", line)
    full = image_url(src, ctx, line)
    thumbnail = tag.get("thumbnail")
    shown = image_url(thumbnail, ctx, line, "thumbnail") if thumbnail else full
    width = tag.get("thumbnail-width") or tag.get("thumbnailWidth")
    height = tag.get("thumbnail-height")
    style = "".join(
        f"{prop}: {value};"
        for prop, value in (("width", width), ("height", height))
        if value and _CSS_LENGTH.match(value)
    )
    image = f'<img{attrs(src=shown)} alt="{html.escape(title)}"{attrs(style=style)} loading="lazy">'
    if "fancybox" in classes:
        image = f"<a{attrs(href=full, title=title)}>{image}</a>"
    caption = (
        f"<figcaption>{escape_text(title)}</figcaption>"
        if title and "nocaption" not in classes
        else ""
    )
    modifiers = [f"stepwise-image--{c}" for c in classes if c not in {"fancybox", "nocaption"}]
    figure = f'<figure class="{class_list("stepwise-image", *modifiers)}">{image}{caption}</figure>'
    if "clear" in classes:
        figure += '<div class="stepwise-clear"></div>'
    return BlockHtml(figure)


def render_wide_image(node: Shortcode, ctx: RenderContext) -> Rendered:
    """`{{< wide-image src= title= >}}` → a figure as wide as the content."""
    tag = node.tag
    src, title = tag.get("src", 0), tag.get("title", 1)
    if not src:
        ctx.warn("wide-image without `src`", tag.line)
    image = f'<img{attrs(src=image_url(src, ctx, tag.line))} alt="{html.escape(title)}">'
    caption = f"<figcaption>{escape_text(title)}</figcaption>" if title else ""
    return BlockHtml(f'<figure class="stepwise-wide-image">{image}{caption}</figure>')


# --- code -----------------------------------------------------------------------------------


def render_codeblock(node: Shortcode, ctx: RenderContext) -> Rendered:
    """`{{< codeblock "title" lang "url" "link text" >}}` (or named) → a titled code block.

    SuperFences titles are text, so the source link goes in a line under the block.
    """
    tag = node.tag
    title, url = tag.get("title", 0), tag.get("url", 2)
    language = code_language(tag.get("lang", 1), ctx, tag.line)
    block = fence(trim_code(node.body or ""), language, {"title": title} if title else {})
    if url:
        href = checked_url(url, ctx, tag.line, "code source")
        text = tag.get("link-text", 3) or title or url
        link = (
            f'<p class="stepwise-codeblock-link"><a{attrs(href=href)}>{escape_text(text)}</a></p>'
        )
        block += "\n\n" + ctx.stash(link)
    return BlockMarkdown(block)


_TAB = re.compile(
    r"<!--[ \t]*tab[ \t]+(\w*)[ \t]*-->[ \t]*\n(.*?)<!--[ \t]*endtab[ \t]*-->", re.S | re.I
)


def tabbed_markdown(tabs: list[tuple[str, str]]) -> str:
    """pymdownx.tabbed content tabs, one fenced block per `(language, code)`."""
    return "\n\n".join(
        f'=== "{language or "text"}"\n\n' + textwrap.indent(fence(code, language), "    ")
        for language, code in tabs
    )


def render_tabbed_codeblock(node: Shortcode, ctx: RenderContext) -> Rendered:
    """`{{< tabbed-codeblock "title" [url] >}}` with `<!-- tab lang -->…<!-- endtab -->`.

    Emitted as pymdownx.tabbed Markdown so SuperFences highlights each tab and Material's
    `alternate_style` tabs render it; the title (linked when a URL is given) goes above.
    """
    tag, body = node.tag, node.body or ""
    tabs = [
        (code_language(match.group(1), ctx, tag.line), trim_code(match.group(2)))
        for match in _TAB.finditer(body)
    ]
    leftover = trim_code(_TAB.sub("", body))
    if leftover:
        ctx.warn(
            "text outside `<!-- tab lang -->…<!-- endtab -->` shown in a tab of its own", tag.line
        )
        tabs.append(("", leftover))
    parts = []
    title, url = tag.get("title", 0), tag.get("url", 1)
    if title:
        label = escape_text(title)
        if url:
            label = f"<a{attrs(href=checked_url(url, ctx, tag.line, 'code source'))}>{label}</a>"
        parts.append(ctx.stash(f'<p class="stepwise-codeblock-title">{label}</p>'))
    if tabs:
        parts.append(tabbed_markdown(tabs))
    return BlockMarkdown("\n\n".join(parts))


# --- the rest -------------------------------------------------------------------------------


# The toc extension replaces each marker by searching its parent's children: thousands of
# markers took quadratic time, on a page that needs one table of contents, or a few.
MAX_TOCS = 5


def render_toc(node: Shortcode, ctx: RenderContext) -> Rendered:
    """`{{< toc >}}` and Hexo's `<!-- toc -->`: the toc extension's marker, a few per page."""
    ctx.tocs += 1
    if ctx.tocs == MAX_TOCS + 1:
        ctx.warn(
            f"more than {MAX_TOCS} tables of contents on one page; the rest are left out",
            node.tag.line,
        )
    return BlockMarkdown("[TOC]" if ctx.tocs <= MAX_TOCS else "")


_FIDDLE = re.compile(r"^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$")


def render_jsfiddle(node: Shortcode, ctx: RenderContext) -> Rendered:
    """`{{< jsfiddle ID >}}` → a link to the fiddle (an iframe would need the network)."""
    fiddle = node.tag.get("id", 0).strip("/")
    if not _FIDDLE.match(fiddle):
        ctx.warn(f"{fiddle!r} is not a JSFiddle id; shown as written", node.tag.line)
        return Inline(ctx.stash(as_written(node.tag.source)))
    url = f"https://jsfiddle.net/{fiddle}/"
    return BlockHtml(
        f'<p class="stepwise-embed stepwise-embed--jsfiddle"><a{attrs(href=url)}>'
        f"JSFiddle {escape_text(fiddle)}</a></p>"
    )


TRANQUILPEAK_SHORTCODES: dict[str, ShortcodeSpec] = {
    "alert": ShortcodeSpec(render_alert, inner="parsed"),
    "hl-text": ShortcodeSpec(render_hl_text, inner="parsed"),
    "image": ShortcodeSpec(render_image),
    "wide-image": ShortcodeSpec(render_wide_image),
    "tabbed-codeblock": ShortcodeSpec(render_tabbed_codeblock, inner="verbatim"),
    "codeblock": ShortcodeSpec(render_codeblock, inner="verbatim"),
    "blockquote": ShortcodeSpec(render_blockquote, inner="parsed"),
    "pullquote": ShortcodeSpec(render_pullquote, inner="parsed"),
    "toc": ShortcodeSpec(render_toc),
    "jsfiddle": ShortcodeSpec(render_jsfiddle),
}
