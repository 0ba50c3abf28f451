"""Read a Hugo site's configuration: `hugo.toml`/`config.toml` (or `.yaml`, `.yml`, `.json`)
at the top, and the `config/_default/` folder, merged the way Hugo merges them.

Hugo's keys are case-insensitive (`baseURL`, `baseurl`); every key is lower-cased here. In
`config/_default/`, `hugo.toml`/`config.toml` hold top-level settings and any other file is
the setting it is named after (`menus.toml` → `menus`, `params.yaml` → `params`,
`languages.toml` → `languages`); `menus.en.toml` is that language's menus.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .report import Issue

_ROOT_NAMES = ("hugo", "config")
_EXTENSIONS = (".toml", ".yaml", ".yml", ".json")


@dataclass
class HugoConfig:
    settings: dict[str, Any] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    """The configuration files read, relative to the site."""
    problems: list[Issue] = field(default_factory=list)

    def get(self, *path: str, default: Any = None) -> Any:
        """A setting by its (lower-case) key path, e.g. `get("params", "author")`."""
        value: Any = self.settings
        for key in path:
            if not isinstance(value, dict) or key not in value:
                return default
            value = value[key]
        return value


def lower_keys(value: Any) -> Any:
    """Every mapping key lower-cased, recursively (Hugo's keys are case-insensitive)."""
    if isinstance(value, dict):
        return {str(key).lower(): lower_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [lower_keys(item) for item in value]
    return value


def deep_merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """`extra` over `base`; mappings are merged key by key."""
    result = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = deep_merge(result[key], value)
        else:
            result[key] = value
    return result


def parse(name: str, text: str) -> dict[str, Any]:
    """One configuration file's settings; raises ValueError with a line when it cannot be read."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix == ".toml":
            data: Any = tomllib.loads(text)
        elif suffix == ".json":
            data = json.loads(text)
        else:
            data = yaml.safe_load(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(str(error)) from error
    except json.JSONDecodeError as error:
        raise ValueError(f"line {error.lineno}: {error.msg}") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise ValueError(f"{where}{getattr(error, 'problem', None) or error}") from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError("does not hold a table of settings")
    lowered: dict[str, Any] = lower_keys(data)
    return lowered


def _read(site: Path, path: Path, config: HugoConfig) -> dict[str, Any] | None:
    relative = path.relative_to(site).as_posix()
    config.files.append(relative)
    try:
        return parse(path.name, path.read_text(encoding="utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as error:
        text = str(error)
        found = re.search(r"\bline (\d+)", text)
        line = int(found[1]) if found else None
        text = re.sub(r"^line \d+: ", "", text)
        config.problems.append(Issue(relative, f"cannot be read: {text}", line))
        return None


def load(site: Path) -> HugoConfig:
    """The site's merged configuration (empty when it has none; that is reported)."""
    config = HugoConfig()
    for stem in _ROOT_NAMES:
        found = [site / f"{stem}{ext}" for ext in _EXTENSIONS if (site / f"{stem}{ext}").is_file()]
        if found:
            data = _read(site, found[0], config)
            config.settings = data or {}
            break
    default_dir = site / "config" / "_default"
    if default_dir.is_dir():
        for path in sorted(default_dir.iterdir()):
            if not path.is_file() or path.suffix.lower() not in _EXTENSIONS:
                continue
            data = _read(site, path, config)
            if data is None:
                continue
            stem = path.stem.lower()
            key, _, language = stem.partition(".")
            if key in _ROOT_NAMES:
                config.settings = deep_merge(config.settings, data)
            elif language:
                # `menus.en.toml`: that language's settings.
                wrapped = {"languages": {language: {key: data}}}
                config.settings = deep_merge(config.settings, lower_keys(wrapped))
            else:
                config.settings = deep_merge(config.settings, {key: data})
    if not config.files:
        config.problems.append(
            Issue(".", "no Hugo configuration (hugo.toml, config.toml, config.yaml, config.json)")
        )
    return config
