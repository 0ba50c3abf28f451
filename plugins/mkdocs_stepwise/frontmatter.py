"""Split a post into front matter and body, in any of Hugo's three formats.

MkDocs reads only YAML front matter, silently ignores errors in it, and renders TOML `+++` and
JSON `{…}` blocks as text. Hugo authors use all three, so the plugin reads front matter itself.

Everything here is pure: text in, data out. Problems are raised as `FrontMatterError` with the
line they were found on (1-based, counted in the whole file).
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any, Literal

import yaml

# libyaml's parser when PyYAML was built with it (the wheels are): the same SafeLoader semantics
# and errors with line marks, several times faster, which matters on a site of a thousand posts.
_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# libyaml composes nested collections recursively in C: tens of thousands of `[` overflow the C
# stack and kill the process, where the pure-Python loader raises RecursionError. Real front
# matter nests a few levels, so only blocks with few flow brackets get the fast parser.
_FAST_LOADER_MAX_BRACKETS = 1000
# libyaml's emitter, likewise: a preview rebuild writes front matter for every listing page
# (hundreds on a large blog), and the pure-Python dumper took a third of a millisecond each.
# What it writes is flat data the plugin made, so its depth is never a question.
_FAST_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

Format = Literal["yaml", "toml", "json"]

BOM = "\ufeff"


def yaml_block(data: dict[str, Any]) -> str:
    """A YAML front matter block for a page the plugin or the importer writes.

    YAML's own writer, not JSON's: JSON escapes a character beyond U+FFFF as a surrogate pair,
    which YAML cannot read, and leaves DEL, C1 controls and U+2028 as they are, which YAML
    refuses or folds. This one quotes and escapes whatever needs it.
    """
    return f"---\n{yaml.dump(data, Dumper=_FAST_DUMPER, allow_unicode=True)}---\n"


_YAML_OPEN = re.compile(r"^---[ \t]*\r?$")
_YAML_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*\r?$")
_TOML_FENCE = re.compile(r"^\+\+\+[ \t]*\r?$")
_TOML_ERROR_LINE = re.compile(r"at line (\d+)")
# A top-level key at the start of a line: YAML `key:`, TOML `key =`, JSON `"key":`.
_KEY_LINE = re.compile(r"""^(?:"(?P<json>[^"]+)"\s*:|(?P<bare>[A-Za-z_][\w.-]*)\s*[:=])""")


class FrontMatterError(ValueError):
    """Front matter that cannot be read. `line` is 1-based in the whole file."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class FrontMatter:
    """A post, split. `body_line` is the file line the body starts on."""

    format: Format | None
    data: dict[str, Any]
    body: str
    body_line: int = 1
    key_lines: dict[str, int] = field(default_factory=dict)
    """The file line of each top-level key, lower-cased, for messages that name a key."""

    def padded_body(self) -> str:
        """The body with the front matter replaced by blank lines.

        Markdown ignores leading blank lines, and keeping them means a line number that a
        Markdown extension reports is also the line number in the author's file.
        """
        return "\n" * (self.body_line - 1) + self.body


def split(text: str) -> FrontMatter:
    """Separate front matter from the body. Raises FrontMatterError on unreadable front matter."""
    text = text.removeprefix(BOM)
    lines = text.splitlines(keepends=True)
    if not lines:
        return FrontMatter(None, {}, text)
    first = lines[0]
    if _YAML_OPEN.match(first):
        return _split_fenced(lines, "yaml", _YAML_CLOSE)
    if _TOML_FENCE.match(first):
        return _split_fenced(lines, "toml", _TOML_FENCE)
    if first.lstrip().startswith("{"):
        return _split_json(text)
    return FrontMatter(None, {}, text)


def _split_fenced(lines: list[str], fmt: Format, closing: re.Pattern[str]) -> FrontMatter:
    for index in range(1, len(lines)):
        if closing.match(lines[index]):
            block = "".join(lines[1:index])
            data = _parse_yaml(block) if fmt == "yaml" else _parse_toml(block)
            body_line = index + 2
            return FrontMatter(
                fmt,
                data,
                "".join(lines[index + 1 :]),
                body_line,
                _key_lines(lines[1:index], first_line=2),
            )
    fence = lines[0].strip()
    raise FrontMatterError(f"front matter opened with '{fence}' is never closed", line=1)


def _parse_yaml(block: str) -> dict[str, Any]:
    try:
        brackets = block.count("[") + block.count("{")
        loader = _FAST_LOADER if brackets <= _FAST_LOADER_MAX_BRACKETS else yaml.SafeLoader
        data = yaml.load(block, Loader=loader)
        if "*" in block:
            _check_expansion(data, block)
    except FrontMatterError:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # The mark counts from the block's first line, which is line 2 of the file.
        line = mark.line + 2 if mark is not None else None
        raise FrontMatterError(f"invalid YAML front matter: {error.problem}", line) from None
    except (yaml.YAMLError, ValueError, RecursionError) as error:
        raise FrontMatterError(f"invalid YAML front matter: {error}", 1) from None
    return _as_mapping(data)


# YAML aliases share one value between many places: eight levels of nine aliases make a
# 445-byte block hold 43 million strings, which any code that walks or prints it pays for.
# Real front matter repeats a list or two; more than this many values is refused.
MAX_EXPANDED_VALUES = 10_000
_ALIAS = re.compile(r"(?<![\w&*])\*[^\s,\[\]{}]+")


def _check_expansion(data: Any, block: str) -> None:
    """Raise FrontMatterError when `data`, with aliases expanded, holds too many values."""
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()

    def size(value: Any) -> int:
        if not isinstance(value, list | dict):
            return 1
        key = id(value)
        if key in sizes:
            return sizes[key]
        if key in in_progress:  # an alias inside its own anchor: infinitely deep
            return MAX_EXPANDED_VALUES + 1
        in_progress.add(key)
        items = value.values() if isinstance(value, dict) else value
        total = 1
        for item in items:
            total += size(item)
            if total > MAX_EXPANDED_VALUES:
                break
        in_progress.discard(key)
        sizes[key] = total
        return total

    if size(data) > MAX_EXPANDED_VALUES:
        found = _ALIAS.search(block)
        line = block[: found.start()].count("\n") + 2 if found else 1
        raise FrontMatterError(
            f"YAML aliases (*name) expand to more than {MAX_EXPANDED_VALUES:,} values; "
            "write the values out instead",
            line,
        )


def _parse_toml(block: str) -> dict[str, Any]:
    try:
        return tomllib.loads(block)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _TOML_ERROR_LINE.search(message)
        line = int(found.group(1)) + 1 if found else None
        reason = _TOML_ERROR_LINE.split(message)[0].rstrip(" (")
        raise FrontMatterError(f"invalid TOML front matter: {reason}", line) from None


def _split_json(text: str) -> FrontMatter:
    start = len(text) - len(text.lstrip())
    try:
        data, end = json.JSONDecoder().raw_decode(text, start)
    except json.JSONDecodeError as error:
        raise FrontMatterError(f"invalid JSON front matter: {error.msg}", error.lineno) from None
    except (ValueError, RecursionError) as error:
        # Pathological input: numbers too long to convert, or nesting too deep to parse.
        raise FrontMatterError(f"invalid JSON front matter: {error}", 1) from None
    # The body starts on the line after the closing brace.
    newline = text.find("\n", end)
    rest = "" if newline == -1 else text[newline + 1 :]
    block_lines = text[:end].splitlines()
    return FrontMatter(
        "json",
        _as_mapping(data),
        rest,
        len(block_lines) + 1,
        _key_lines([line.strip() for line in block_lines], first_line=1),
    )


def _as_mapping(data: Any) -> dict[str, Any]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            f"front matter must be a set of 'key: value' pairs, not a {type(data).__name__}", 2
        )
    return {str(key): value for key, value in data.items()}


def _key_lines(lines: list[str], first_line: int) -> dict[str, int]:
    found: dict[str, int] = {}
    for offset, line in enumerate(lines):
        match = _KEY_LINE.match(line)
        if match:
            key = (match.group("json") or match.group("bare")).lower()
            found.setdefault(key, first_line + offset)
    return found


_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub_surrogates(value: Any) -> tuple[Any, bool]:
    """`value` with lone surrogates (`"\\ud800"` in JSON) replaced by U+FFFD; whether any were.

    They cannot be written as UTF-8, so a feed or a script holding one fails to be written.
    """
    if isinstance(value, str):
        scrubbed = _SURROGATE.sub("\ufffd", value)
        return scrubbed, scrubbed != value
    if isinstance(value, list):
        pairs = [scrub_surrogates(item) for item in value]
        return [item for item, _ in pairs], any(changed for _, changed in pairs)
    if isinstance(value, dict):
        result: dict[Any, Any] = {}
        changed = False
        for key, item in value.items():
            clean_key, key_changed = scrub_surrogates(key)
            clean_item, item_changed = scrub_surrogates(item)
            result[clean_key] = clean_item
            changed = changed or key_changed or item_changed
        return result, changed
    return value, False
