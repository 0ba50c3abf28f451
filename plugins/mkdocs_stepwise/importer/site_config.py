"""The `mkdocs.yml` an import writes: the default Stepwise site's set-up plus the mapped values.

`base_settings()` mirrors the repository's own `mkdocs.yml` (theme, features, palettes, plugins,
Markdown extensions), so an imported site looks like Stepwise; a test keeps the two equal.
`merge()` puts imported values over an existing configuration without dropping the author's
other keys; unknown YAML tags (`!!python/name:…`, `!ENV`) survive the round trip.
"""

from __future__ import annotations

import copy
from typing import Any

import yaml

# The order keys are written in; others follow in their own order.
_KEY_ORDER = (
    "site_name",
    "site_url",
    "site_description",
    "site_author",
    "copyright",
    "use_directory_urls",
    "theme",
    "plugins",
    "markdown_extensions",
    "validation",
    "nav",
    "extra",
)


def base_settings() -> dict[str, Any]:
    """A fresh copy of the settings every imported site starts from."""
    return {
        "theme": {
            "name": "material",
            "features": [
                "navigation.instant",
                "navigation.footer",
                "navigation.prune",
                "content.code.copy",
            ],
            "palette": [
                {
                    "media": "(prefers-color-scheme: light)",
                    "scheme": "default",
                    "toggle": {"icon": "material/weather-night", "name": "Switch to dark mode"},
                },
                {
                    "media": "(prefers-color-scheme: dark)",
                    "scheme": "slate",
                    "toggle": {"icon": "material/weather-sunny", "name": "Switch to light mode"},
                },
            ],
        },
        "plugins": ["search", "tags", "stepwise"],
        "markdown_extensions": [
            {"toc": {"permalink": True}},
            "attr_list",
            "tables",
            "footnotes",
            "md_in_html",
            "admonition",
            "pymdownx.details",
            "pymdownx.superfences",
            {"pymdownx.tabbed": {"alternate_style": True}},
            "pymdownx.highlight",
            "pymdownx.inlinehilite",
            "pymdownx.tilde",
            {"pymdownx.tasklist": {"custom_checkbox": True}},
            "pymdownx.magiclink",
        ],
        # Hugo and Katacoda write `/images/x.jpg` for `static/images/x.jpg`: MkDocs resolves such
        # links against docs/ (and checks them) instead of leaving them to the web server.
        "validation": {"links": {"absolute_links": "relative_to_docs"}},
    }


def set_plugin_options(settings: dict[str, Any], options: dict[str, Any]) -> None:
    """Give the `stepwise` entry of `plugins` these options (kept in the list's order)."""
    plugins = settings.setdefault("plugins", [])
    for index, entry in enumerate(plugins):
        name = entry if isinstance(entry, str) else next(iter(entry), None)
        if name == "stepwise":
            current = entry.get("stepwise") if isinstance(entry, dict) else None
            # `- stepwise: 3` is no set of options: the import's options replace it.
            current = current if isinstance(current, dict) else {}
            plugins[index] = {"stepwise": {**current, **options}}
            return
    plugins.append({"stepwise": dict(options)})


def _name(entry: Any) -> str | None:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict) and len(entry) == 1:
        return str(next(iter(entry)))
    return None


def _merge_named_list(old: list[Any], new: list[Any]) -> list[Any]:
    """Plugins or Markdown extensions: the old list, new entries added, new options merged."""
    result = list(old)
    names = [_name(entry) for entry in result]
    for entry in new:
        name = _name(entry)
        if name not in names:
            result.append(entry)
            names.append(name)
        elif isinstance(entry, dict):
            index = names.index(name)
            current = result[index]
            options = current.get(name) if isinstance(current, dict) else None
            added = entry[name]
            if options is not None and not isinstance(options, dict):
                continue  # the author's own value (`- toc: 3`) is not a mapping: keep it
            if added is not None and not isinstance(added, dict):
                continue
            result[index] = {name: {**(options or {}), **(added or {})}}
    return result


def merge(existing: dict[str, Any], imported: dict[str, Any]) -> dict[str, Any]:
    """`existing` with the imported settings put over it; the author's other keys stay."""
    result = copy.deepcopy(existing)
    for key, value in imported.items():
        old = result.get(key)
        if key in {"plugins", "markdown_extensions"} and isinstance(old, list):
            result[key] = _merge_named_list(old, value)
        elif key == "theme" and isinstance(old, dict) and old.get("name") == "material":
            # The author's Material set-up wins; the import adds what it maps (the language).
            result[key] = {**value, **old, **{k: v for k, v in value.items() if k == "language"}}
        elif isinstance(old, dict) and isinstance(value, dict):
            result[key] = {**old, **value}
        else:
            result[key] = value
    return result


class _Tagged:
    """A YAML value with a tag this module does not interpret (`!!python/name:…`, `!ENV`)."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag = tag
        self.value = value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        return _Tagged(tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(tag, loader.construct_sequence(node, deep=True))
    assert isinstance(node, yaml.MappingNode)
    return _Tagged(tag, loader.construct_mapping(node, deep=True))


def _represent_tagged(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_Loader.add_multi_constructor("!", _construct_tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_Dumper.add_representer(_Tagged, _represent_tagged)


def load(text: str) -> dict[str, Any]:
    """An existing mkdocs.yml; raises `yaml.YAMLError` or `ValueError` when it is not a mapping."""
    data = yaml.load(text, Loader=_Loader)  # A SafeLoader subclass: no Python objects.
    if not isinstance(data, dict):
        raise ValueError("mkdocs.yml does not hold a mapping of settings")
    return data


def dump(settings: dict[str, Any]) -> str:
    """The settings as YAML, the usual keys first."""
    ordered = {key: settings[key] for key in _KEY_ORDER if key in settings}
    ordered |= {key: value for key, value in settings.items() if key not in ordered}
    text: str = yaml.dump(
        ordered, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False
    )
    return "# Written by `stepwise import`; see IMPORT.md for what was mapped.\n" + text
