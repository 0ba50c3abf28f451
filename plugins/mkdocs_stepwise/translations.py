"""Hugo translations: `foo.md`, `foo.ja.md`, `foo.en-us.md` (or one `translationKey`) are one post.

Hugo names a translation by a language suffix before `.md`; pages in different folders or with
different names are joined by the same `translationKey` in their front matter. The site's default
language is Material's `theme.language`: a file without a suffix is written in it.

Of each group, the *primary* version is the one in the default language (else the first by file
name); it alone is listed (series, home page, archive, categories, feeds). The others are
published under their language (`ja/post/foo/`, as Hugo publishes them, so they never clash with
the primary's address) and every version links to all the others.

Pure functions: file names and keys in, groups out.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import material

# `ja`, `en-us`, `zh-hant`, `pt-BR`: a primary language subtag, optionally a region or script.
_SUFFIX = re.compile(r"^(?P<base>.+)\.(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)\.md$")

# How the language switch names each language, in that language.
NAMES = {
    "ar": "العربية",
    "de": "Deutsch",
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "it": "Italiano",
    "ja": "日本語",
    "ko": "한국어",
    "nl": "Nederlands",
    "pl": "Polski",
    "pt": "Português",
    "ru": "Русский",
    "tr": "Türkçe",
    "uk": "Українська",
    "vi": "Tiếng Việt",
    "zh": "中文",
}


@functools.cache  # the installed Material does not change during a run
def material_languages() -> frozenset[str]:
    """The languages Material has its interface in (`partials/languages/*.html`), lower case."""
    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    return frozenset(path.stem.lower() for path in folder.glob("*.html"))


def normalise(code: str) -> str:
    """`en_US`, `en-us` -> `en-US` (BCP 47's usual spelling, as `<html lang>` wants it)."""
    primary, _, rest = code.replace("_", "-").partition("-")
    if not rest:
        return primary.lower()
    return f"{primary.lower()}-{rest.upper() if len(rest) == 2 else rest.title()}"


def language_name(code: str) -> str:
    return NAMES.get(code.split("-")[0].lower(), code)


def interface_language(code: str, available: Collection[str]) -> str | None:
    """The closest language Material has an interface in: `en-US` -> `en`, `zh-TW` -> `zh-tw`."""
    lowered = code.lower()
    for candidate in (lowered, lowered.split("-")[0]):
        if candidate in available:
            return candidate
    return None


def split_language(src_uri: str, known: Collection[str]) -> tuple[str, str | None]:
    """`post/foo.ja.md` -> (`post/foo.md`, `ja`); a suffix that is no known language stays."""
    match = _SUFFIX.match(src_uri)
    if match is None:
        return src_uri, None
    lang = match.group("lang")
    if lang.lower().replace("_", "-").split("-")[0] not in known:
        return src_uri, None
    return f"{match.group('base')}.md", normalise(lang)


@dataclass(frozen=True)
class Version:
    src_uri: str
    language: str


@dataclass
class Translations:
    """One post in several languages; `versions[0]` is the primary (listed) one."""

    versions: list[Version] = field(default_factory=list)

    @property
    def primary(self) -> Version:
        return self.versions[0]

    def language_of(self, src_uri: str) -> str:
        return next(v.language for v in self.versions if v.src_uri == src_uri)


def group_translations(
    keys: Mapping[str, str | None], default_language: str, known: Collection[str]
) -> dict[str, Translations]:
    """Every page that has translations -> its group. `keys` maps src_uri -> `translationKey`.

    Pages are grouped by `translationKey` when they have one, else by their name without the
    language suffix. A page alone in its group is left out, unless its name has a language
    suffix: it has no translations, but a language of its own.
    """
    default = normalise(default_language)
    groups: dict[str, list[Version]] = {}
    for uri in sorted(keys):
        base, lang = split_language(uri, known)
        key = keys[uri]
        group_key = f"key:{key}" if key else f"file:{base}"
        groups.setdefault(group_key, []).append(Version(uri, lang or default))
    result: dict[str, Translations] = {}
    for versions in groups.values():
        languages = {v.language for v in versions}
        # A page alone keeps a group of its own when its name says its language (`about.ja.md`).
        alone_with_suffix = len(versions) == 1 and _has_suffix(versions[0].src_uri, known)
        if len(languages) < 2 and not alone_with_suffix:
            continue
        # The default language first, then the file without a suffix, then by file name.
        versions.sort(
            key=lambda v: (v.language != default, _has_suffix(v.src_uri, known), v.src_uri)
        )
        group = Translations(versions)
        for version in versions:
            result[version.src_uri] = group
    return result


def _has_suffix(src_uri: str, known: Collection[str]) -> bool:
    return split_language(src_uri, known)[1] is not None


def translated_destination(dest_uri: str, language: str | None) -> str:
    """`post/foo.ja/index.html` (where MkDocs puts `foo.ja.md`) -> `ja/post/foo/index.html`.

    Without a language (the primary version), the suffix only goes: `post/foo/index.html`.
    """
    folder, name = posixpath.split(dest_uri)
    if name == "index.html":
        folder = _drop_suffix(folder)
        # `index.ja.md` and `_index.ja.md` are their folder's page, as `index.md` is.
        if posixpath.basename(folder) in {"index", "_index"}:
            folder = posixpath.dirname(folder)
    else:
        stem, ext = posixpath.splitext(name)
        name = _drop_suffix(stem) + ext
    return (
        posixpath.join(language.lower(), folder, name) if language else posixpath.join(folder, name)
    )


def _drop_suffix(path: str) -> str:
    head, tail = posixpath.split(path)
    stem = tail.rsplit(".", 1)[0] if "." in tail else tail
    return posixpath.join(head, stem)
