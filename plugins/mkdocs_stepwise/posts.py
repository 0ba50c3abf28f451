"""Read one post: decode it, split its front matter, normalise it, and settle its title.

This is the one place a post's source is parsed. The plugin calls `read_post` once per file in
`on_files` (series need every post's metadata before the navigation is built) and hands the
result back to MkDocs later, so nothing is parsed twice.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field, replace
from typing import Any

from .fences import outside_fences
from .frontmatter import FrontMatter, FrontMatterError, scrub_surrogates, split
from .metadata import PostMeta, Problem, normalise

SECTION_INDEX = "_index.md"
"""Hugo's branch bundle: the landing page of a content section, listing the section's posts."""

_ATX_HEADING = re.compile(r"^#[ \t]+(?P<title>.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^=+[ \t]*$")


@dataclass
class Post:
    """A documentation page as the plugin sees it."""

    src_uri: str
    meta: PostMeta
    front: FrontMatter
    title: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def folder(self) -> str:
        return posixpath.dirname(self.src_uri)

    @property
    def is_index(self) -> bool:
        """A folder's landing page: `index.md`, `README.md` or Hugo's section page `_index.md`."""
        return posixpath.basename(self.src_uri) in {"index.md", "README.md", SECTION_INDEX}

    @property
    def markdown(self) -> str:
        """The Markdown MkDocs should convert: the body, front matter blanked out."""
        return self.front.padded_body()

    def with_file_line_numbers(self, markdown: str) -> str:
        """Put back the blank lines MkDocs strips from the start of `markdown`.

        MkDocs' front matter reader ends in `lstrip("\n")`, which would shift every line number
        a Markdown extension reports by the length of the front matter.
        """
        padded = self.markdown
        wanted = len(padded) - len(padded.lstrip("\n"))
        present = len(markdown) - len(markdown.lstrip("\n"))
        return "\n" * max(0, wanted - present) + markdown


def decode(raw: bytes) -> tuple[str, Problem | None]:
    """UTF-8 text, with a byte-order mark removed; undecodable bytes become U+FFFD, reported."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        text = raw.decode("utf-8-sig", errors="replace")
        return text, Problem("is not valid UTF-8; undecodable bytes were replaced", line=line)


def read_post(src_uri: str, text: str, timezone: dt.tzinfo | str = "UTC") -> Post:
    """Parse a post. Unreadable front matter is reported and the page still builds as text."""
    problems: list[Problem] = []
    try:
        front = split(text)
    except FrontMatterError as error:
        problems.append(Problem(error.message, line=error.line))
        # Keep the whole file as the body: the author sees their broken block on the page.
        front = FrontMatter(None, {}, text.removeprefix("\ufeff"))
    data: dict[str, Any] = {}
    scrubbed = False
    for key, value in front.data.items():
        clean_key, key_changed = scrub_surrogates(key)
        data[clean_key], changed = scrub_surrogates(value)
        if changed or key_changed:
            scrubbed = True
            line = front.key_lines.get(str(clean_key).lower())
            problems.append(
                Problem(f"'{clean_key}' holds a lone surrogate; replaced by \ufffd", key, line)
            )
    if scrubbed:
        front = replace(front, data=data)
    normalised = normalise(front, timezone)
    problems.extend(normalised.problems)
    meta = normalised.meta
    title = meta.title or first_heading(front.body) or title_from_filename(src_uri)
    return Post(src_uri, meta, front, title, problems)


def first_heading(markdown: str) -> str | None:
    """The first level-1 heading (ATX or setext) outside code fences."""
    lines = markdown.splitlines()
    previous = ""
    for index in outside_fences(lines):
        line = lines[index]
        heading = _ATX_HEADING.match(line)
        if heading:
            return heading.group("title").strip()
        if _SETEXT_UNDERLINE.match(line) and previous.strip():
            return previous.strip()
        previous = line
    return None


def title_from_filename(src_uri: str) -> str:
    """`python-env_setup.md` -> `Python env setup`, as MkDocs does for pages without a title."""
    name = posixpath.splitext(posixpath.basename(src_uri))[0]
    if name in {"index", "README", "_index"}:
        name = posixpath.basename(posixpath.dirname(src_uri)) or "Home"
    title = name.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title
