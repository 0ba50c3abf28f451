"""Hugo's `permalinks`: the address of every page of a content section, from a pattern.

A Hugo site that wrote `[permalinks] post = "/:year/:month/:slug/"` published
`content/post/learning-go.md` (dated July 2020) at `/2020/07/learning-go/`; the plugin's
`permalinks` option takes the same table so those addresses keep working:

```yaml
plugins:
  - stepwise:
      permalinks:
        post: /:year/:month/:slug/
```

The key is the section: the first folder below `docs/` (`""` or `/` for pages at the top).
A page's own `url` still wins, as in Hugo; its `slug` fills `:slug`. The section's own page
(`post/index.md`, Hugo's `_index.md`) keeps its address, and so does the `index.md` of any
folder with pages below it (a nested section); any other `index.md` is a page bundle and takes
the name of its folder.

Pure functions: the facts of one page in, a site path (or an `AddressError`) out.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from .addresses import AddressError

_TOKEN = re.compile(r":([a-z]+)")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
_DATE_TOKENS = {"year", "month", "monthname", "day", "weekday", "weekdayname", "yearday"}
_KNOWN = _DATE_TOKENS | {
    "section",
    "sections",
    "title",
    "slug",
    "filename",
    "slugorfilename",
    "contentbasename",
    "slugorcontentbasename",
}


@dataclass(frozen=True)
class PageFacts:
    """What a permalink pattern can ask about one page."""

    src_uri: str
    title: str
    date: dt.datetime | None = None
    slug: str | None = None


def section_of(src_uri: str) -> str:
    """The Hugo section of a docs-relative page: its first folder, `""` at the top."""
    return src_uri.split("/", 1)[0] if "/" in src_uri else ""


def branch_folders(src_uris: Iterable[str]) -> set[str]:
    """Folders whose `index.md` is a section's page (Hugo's `_index.md`), not a page bundle:
    those with other pages below them (a leaf bundle holds no pages, only its resources)."""
    branches: set[str] = set()
    for uri in src_uris:
        folder, name = posixpath.split(uri)
        if name in {"index.md", "README.md", "_index.md"}:
            folder = posixpath.dirname(folder)
        while folder:
            branches.add(folder)
            folder = posixpath.dirname(folder)
    return branches


def pattern_for(
    src_uri: str, permalinks: Mapping[str, str], branches: Collection[str] = ()
) -> str | None:
    """The pattern that applies to `src_uri`, or None (section pages keep their address).

    `branches` are the folders that hold other pages (see `branch_folders`): their `index.md`
    is a section page, which Hugo's page permalinks leave alone.
    """
    section = section_of(src_uri)
    pattern = permalinks.get(section)
    if pattern is None and section == "":
        pattern = permalinks.get("/")
    if pattern is None:
        return None
    folder, name = posixpath.split(src_uri)
    if name == "_index.md":
        return None  # Hugo's section page, wherever it is.
    if name in {"index.md", "README.md"} and (folder.count("/") == 0 or folder in branches):
        return None  # The section's own list page (or the home page).
    return pattern


def check_pattern(pattern: str) -> str | None:
    """A message when `pattern` uses a token this plugin cannot fill, else None."""
    unknown = sorted({t for t in _TOKEN.findall(pattern) if t not in _KNOWN})
    if unknown:
        listed = ", ".join(f":{token}" for token in unknown)
        return f"permalink '{pattern}' uses {listed}, which Stepwise does not know"
    return None


def urlize(text: str) -> str:
    """Hugo's `urlize`: letters, digits and `./_+~#%-` kept, spaces to one hyphen, lower case.

    >>> urlize("Hello, World!")
    'hello-world'
    """
    out: list[str] = []
    pending_hyphen = False
    for char in text:
        if _allowed(char):
            if pending_hyphen and char != "-":
                out.append("-")
            pending_hyphen = False
            out.append(char)
        elif char.isspace() and out and out[-1] != "-":
            pending_hyphen = True
    return "".join(out).lower()


def _allowed(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in {"L", "N", "M"} or char in "./_+~#%-"


def _filename(src_uri: str) -> str:
    folder, name = posixpath.split(src_uri)
    if name in {"index.md", "README.md"} and folder:
        return posixpath.basename(folder)  # A page bundle is named after its folder.
    return posixpath.splitext(name)[0]


def expand(pattern: str, page: PageFacts) -> str | AddressError:
    """The site path `pattern` gives `page` (e.g. `/2020/07/learning-go/`)."""
    problem = check_pattern(pattern)
    if problem is not None:
        return AddressError(problem)
    tokens = set(_TOKEN.findall(pattern))
    date = page.date
    if tokens & _DATE_TOKENS and date is None:
        return AddressError(f"permalink '{pattern}' needs a date, and the page has none")
    filename = urlize(_filename(page.src_uri))
    slug = urlize(page.slug) if page.slug and page.slug.strip() else urlize(page.title)
    folder = posixpath.dirname(page.src_uri)
    if posixpath.basename(page.src_uri) in {"index.md", "README.md"}:
        folder = posixpath.dirname(folder)  # A page bundle's sections are its parent's.
    values = {
        "section": urlize(section_of(page.src_uri)),
        "sections": urlize(folder),
        "title": urlize(page.title),
        "slug": slug,
        "filename": filename,
        "contentbasename": filename,
        "slugorfilename": urlize(page.slug) if page.slug else filename,
        "slugorcontentbasename": urlize(page.slug) if page.slug else filename,
    }
    if date is not None:
        values |= {
            "year": f"{date.year:04d}",
            "month": f"{date.month:02d}",
            "monthname": _MONTHS[date.month - 1],
            "day": f"{date.day:02d}",
            "weekday": str(date.isoweekday() % 7),
            "weekdayname": _DAYS[date.isoweekday() % 7],
            "yearday": str(date.timetuple().tm_yday),
        }
    path = _TOKEN.sub(lambda match: values[match.group(1)], pattern)
    if not path.startswith("/"):
        path = "/" + path
    # `/post/:slug` and `/post/:slug/` are the same folder in Hugo.
    return re.sub(r"/{2,}", "/", path)
