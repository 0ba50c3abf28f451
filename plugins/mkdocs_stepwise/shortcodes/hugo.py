"""Hugo's built-in shortcodes: figure, ref/relref, highlight, youtube, vimeo, gist.

Embeds are offline-safe. Videos are lazily loaded iframes (YouTube's privacy-enhanced
`youtube-nocookie.com` domain, Vimeo with `dnt=1`) with a plain link under them: readers keep
Hugo's in-page playback, nothing is fetched until the video nears the viewport, and the link
still leads to the video when the iframe cannot load (offline, feed readers, strict CSP).
Gists become a link to the gist: Hugo's `<script>` embed would run third-party code and shows
nothing offline.
"""

from __future__ import annotations

import html
import re

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
    escape_text,
    markdownify,
    safe_classes,
)
from .parser import Shortcode
from .refs import resolve_ref

# --- figure ---------------------------------------------------------------------------------


def render_figure(node: Shortcode, ctx: RenderContext) -> Rendered:
    """`{{< figure src= alt= link= title= caption= attr= attrlink= … >}}` as Hugo renders it."""
    tag, line = node.tag, node.tag.line
    src = tag.get("src", 0)
    if not src:
        ctx.warn("figure without `src`", line)
    caption, attr, title = tag.get("caption"), tag.get("attr"), tag.get("title")
    caption_html = markdownify(caption, ctx.page) if caption else ""
    alt = tag.get("alt") or re.sub(r"<[^>]*>", "", caption_html)
    image = (
        f'<img{attrs(src=image_url(src, ctx, line))} alt="{html.escape(alt)}"'
        f"{attrs(width=tag.get('width'), height=tag.get('height'), loading=tag.get('loading'))}>"
    )
    link = tag.get("link")
    if link:
        href = checked_url(link, ctx, line, "link")
        image = f"<a{attrs(href=href, target=tag.get('target'), rel=tag.get('rel'))}>{image}</a>"
    figcaption = ""
    if title or caption or attr:
        parts = [f"<h4>{escape_text(title)}</h4>"] if title else []
        if caption or attr:
            credit = markdownify(attr, ctx.page) if attr else ""
            if credit and tag.get("attrlink"):
                href = checked_url(tag.get("attrlink"), ctx, line, "attribution link")
                credit = f"<a{attrs(href=href)}>{credit}</a>"
            parts.append(f"<p>{' '.join(part for part in (caption_html, credit) if part)}</p>")
        figcaption = f"<figcaption>{''.join(parts)}</figcaption>"
    classes = " ".join(safe_classes(tag.get("class")))
    return BlockHtml(f"<figure{attrs(class_=classes)}>{image}{figcaption}</figure>")


# --- ref / relref ---------------------------------------------------------------------------


def render_ref(node: Shortcode, ctx: RenderContext) -> Rendered:
    """`{{< ref "path#anchor" >}}`: the `.md` path relative to this page, for a Markdown link;
    in HTML (an attribute, or a `{{< >}}` call's inner text) the page's URL."""
    target = node.tag.get("path", 0)
    if not target:
        ctx.warn(f"`{node.tag.source}` names no page", node.tag.line)
        return Inline("#")
    resolution = resolve_ref(target, ctx.page.src_path, ctx.known_pages)
    if resolution.problem:
        ctx.warn(resolution.problem, node.tag.line)
    if ctx.in_html():
        return Inline(resolution.url(ctx.page))
    return Inline(resolution.markdown_link(ctx.page.src_path))


# --- highlight ------------------------------------------------------------------------------

# Hugo's options that have no SuperFences equivalent; accepted without a word.
_IGNORED_HIGHLIGHT_OPTIONS = {
    "anchorlinenos",
    "guesssyntax",
    "hl_inline",
    "lineanchors",
    "linenumbersintable",
    "noclasses",
    "style",
    "tabwidth",
    "wrapperclass",
    "codefences",
}
_LANGUAGE = re.compile(r"^[\w#.+\-]*$")


def highlight_options(options: str) -> tuple[dict[str, str], list[str]]:
    """Hugo's `"linenos=table,hl_lines=2 3,linenostart=5"` as SuperFences options.

    Returns the options (`linenums`, `hl_lines`) and the names of unknown ones.
    """
    result: dict[str, str] = {}
    unknown: list[str] = []
    settings: dict[str, str] = {}
    for item in re.split(r",(?=\s*\w+\s*=)", options):
        key, _, value = item.partition("=")
        if key.strip():
            settings[key.strip().lower()] = value.strip().strip("\"'")
    linenos = settings.pop("linenos", "false").lower()
    start = settings.pop("linenostart", "1")
    if linenos in {"table", "inline", "true"}:
        result["linenums"] = start if start.isdigit() else "1"
    hl_lines = settings.pop("hl_lines", "")
    if hl_lines:
        numbers = re.sub(r"[\[\],]", " ", hl_lines).split()
        result["hl_lines"] = " ".join(n for n in numbers if re.match(r"^\d+(-\d+)?$", n))
    unknown = sorted(key for key in settings if key not in _IGNORED_HIGHLIGHT_OPTIONS)
    return result, unknown


def fence(code: str, language: str = "", options: dict[str, str] | None = None) -> str:
    """A SuperFences fenced block for `code`, long enough not to be closed by the code."""
    longest = max((len(m.group()) for m in re.finditer(r"^[ \t]*(`{3,})", code, re.M)), default=0)
    marker = "`" * max(3, longest + 1)
    info = [language] if language else []
    for key, value in (options or {}).items():
        quote = "'" if '"' in value else '"'
        info.append(f"{key}={quote}{value.replace(quote, '')}{quote}")
    return f"{marker}{' '.join(info)}\n{code}\n{marker}"


def code_language(value: str, ctx: RenderContext, line: int) -> str:
    """A language name SuperFences accepts, lower-cased; a bad one is reported and dropped."""
    if _LANGUAGE.match(value):
        return value.lower()
    ctx.warn(f"{value!r} is not a language name; the code is shown without highlighting", line)
    return ""


def trim_code(body: str) -> str:
    """The inner text of a code shortcode without the line breaks next to its tags."""
    return body.strip("\n").rstrip()


def render_highlight(node: Shortcode, ctx: RenderContext) -> Rendered:
    """`{{< highlight lang "options" >}}code{{< /highlight >}}` as a SuperFences block."""
    tag = node.tag
    options, unknown = highlight_options(tag.get("options", 1))
    if unknown:
        ctx.warn(f"highlight option(s) {', '.join(unknown)} not supported; ignored", tag.line)
    language = code_language(tag.get("lang", 0), ctx, tag.line)
    return BlockMarkdown(fence(trim_code(node.body or ""), language, options))


# --- embeds ---------------------------------------------------------------------------------

_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]+$")


def _video(
    node: Shortcode, ctx: RenderContext, *, site: str, embed: str, page: str, numeric: bool
) -> Rendered:
    tag = node.tag
    video_id = tag.get("id", 0)
    if not _VIDEO_ID.match(video_id) or (numeric and not video_id.isdigit()):
        ctx.warn(f"{video_id!r} is not a {site} video id; shown as written", tag.line)
        return Inline(ctx.stash(as_written(tag.source)))
    title = tag.get("title")
    classes = " ".join(
        ["stepwise-video", f"stepwise-video--{site.lower()}", *safe_classes(tag.get("class"))]
    )
    frame = (
        f"<iframe{attrs(src=embed.format(id=video_id), title=title or f'{site} video')}"
        ' loading="lazy"'
        ' allow="encrypted-media; fullscreen; picture-in-picture"'
        ' referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>'
    )
    label = f"Watch “{escape_text(title)}” on {site}" if title else f"Watch on {site}"
    link = f"<a{attrs(href=page.format(id=video_id))}>{label}</a>"
    return BlockHtml(
        f'<figure{attrs(class_=classes)}><div class="stepwise-video__frame">{frame}</div>'
        f"<figcaption>{link}</figcaption></figure>"
    )


def render_youtube(node: Shortcode, ctx: RenderContext) -> Rendered:
    """`{{< youtube ID >}}` / `{{< youtube id=ID title=… >}}`."""
    start = node.tag.get("start")
    query = f"?start={start}" if start.isdigit() else ""
    return _video(
        node,
        ctx,
        site="YouTube",
        embed="https://www.youtube-nocookie.com/embed/{id}" + query,
        page="https://www.youtube.com/watch?v={id}",
        numeric=False,
    )


def render_vimeo(node: Shortcode, ctx: RenderContext) -> Rendered:
    """`{{< vimeo ID >}}` / `{{< vimeo id=ID title=… >}}`."""
    return _video(
        node,
        ctx,
        site="Vimeo",
        embed="https://player.vimeo.com/video/{id}?dnt=1",
        page="https://vimeo.com/{id}",
        numeric=True,
    )


_GIST_PART = re.compile(r"^[A-Za-z0-9_.-]+$")


def render_gist(node: Shortcode, ctx: RenderContext) -> Rendered:
    """`{{< gist user id [file] >}}` as a link to the gist (GitHub's file anchor for a file)."""
    tag = node.tag
    user, gist_id, filename = tag.get("user", 0), tag.get("id", 1), tag.get("file", 2)
    if not (_GIST_PART.match(user) and _GIST_PART.match(gist_id)):
        ctx.warn(f"`{tag.source}` needs a user and a gist id; shown as written", tag.line)
        return Inline(ctx.stash(as_written(tag.source)))
    url = f"https://gist.github.com/{user}/{gist_id}"
    label = f"{user}/{gist_id}"
    if filename:
        url += "#file-" + re.sub(r"[^a-z0-9_-]", "-", filename.lower())
        label += f" · {filename}"
    return BlockHtml(
        f'<p class="stepwise-embed stepwise-embed--gist"><a{attrs(href=url)}>'
        f"Gist {escape_text(label)}</a></p>"
    )


HUGO_SHORTCODES: dict[str, ShortcodeSpec] = {
    "figure": ShortcodeSpec(render_figure),
    "ref": ShortcodeSpec(render_ref),
    "relref": ShortcodeSpec(render_ref),
    "highlight": ShortcodeSpec(render_highlight, inner="verbatim"),
    "youtube": ShortcodeSpec(render_youtube),
    "vimeo": ShortcodeSpec(render_vimeo),
    "gist": ShortcodeSpec(render_gist),
}
