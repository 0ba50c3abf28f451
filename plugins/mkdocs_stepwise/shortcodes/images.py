"""Images in `figure`, `image` and `wide-image` shortcodes: resolved and checked as covers are.

`{{< figure src="/images/x.jpg" >}}`, `src="../../images/x.jpg"` and `src="images/x.jpg"` find
`docs/images/x.jpg` the way Hugo finds a cover (`blog.images.resolve`: the site root first, then
next to the post, as in a page bundle), and a local image that is not there is reported with the
file and line. http(s) URLs stay as they are; refused schemes become `#` (`checked_url`).

The plugin hands the site's files over with the page (`PageHolder.known_files`, once per build).
Without that list (plain Markdown use) paths are used as written, unchecked.
"""

from __future__ import annotations

from ..blog.images import Image, resolve
from .output import RenderContext, checked_url, is_safe_url


def image_url(src: str, ctx: RenderContext, line: int, what: str = "image") -> str:
    """The `src` a shortcode's `<img>` (or its link to the full image) should get."""
    files = ctx.known_files
    text = src.strip()
    if files is None or not text or not is_safe_url(text) or ctx.page.src_path is None:
        return checked_url(text, ctx, line, what)
    found = resolve(text, ctx.page.src_path, files.__contains__)
    if isinstance(found, Image) and found.is_local:
        return ctx.page.relative_url(found.url)
    if found is not None and not isinstance(found, Image):
        ctx.warn(f"{what}: {found.message}", line)
    return checked_url(text, ctx, line, what)
