"""One Markdown instance per build converts every page as a fresh instance per page would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
from mkdocs.config import load_config

from mkdocs_stepwise import converter

# Every page has what an extension numbers or collects per document (footnotes, tabs, quiz
# questions, heading ids, abbreviations, numbered code blocks), so that state left over from
# the page before would show in the next one.
PAGE = """
---
title: {title}
---

## Setup

Text with a footnote[^note] and an abbreviation: HTML.

*[HTML]: Hyper Text Markup Language

[^note]: The note of {title}.

=== "One"

    First tab.

=== "Two"

    Second tab.

```bash linenums="1"
echo {title}
```{{{{execute}}}}

>>Q1: Enter the string test<<
=== test

- [x] done
- [ ] to do

!!! note
    An admonition with `inline code`{{{{copy}}}}.

{{{{< alert info >}}}}
A shortcode.
{{{{< /alert >}}}}

## Setup

The same heading again.
"""

FILES = {
    "index.md": "# Home\n\nWelcome.\n",
    "course/index.md": "---\ntitle: Course\n---\n",
    "course/one.md": PAGE.format(title="One"),
    "course/two.md": PAGE.format(title="Two"),
    "course/three.md": PAGE.format(title="Three"),
    "notes.md": PAGE.format(title="Notes"),
}

EXTENSIONS = [
    {"toc": {"permalink": True}},
    "abbr",
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
]


def site_files(site: Any) -> dict[str, bytes]:
    return {
        str(path.relative_to(site.site_dir)): path.read_bytes()
        for path in site.all_files()
        if path.suffix in {".html", ".json", ".xml", ".sh"}
    }


def test_pages_converted_by_one_instance_are_byte_for_byte_those_of_fresh_instances(
    build, monkeypatch
):
    created: list[markdown.Markdown] = []
    original_init = markdown.Markdown.__init__

    def counting_init(self: markdown.Markdown, *args: Any, **kwargs: Any) -> None:
        created.append(self)
        original_init(self, *args, **kwargs)

    monkeypatch.setattr(markdown.Markdown, "__init__", counting_init)
    config = {"markdown_extensions": EXTENSIONS}
    shared = build(FILES, config=config)
    shared_instances = len(created)

    created.clear()
    monkeypatch.setattr(converter, "MIRRORED_MKDOCS", frozenset())
    fresh = build(FILES, config=config)

    assert len(created) >= len(FILES)  # MkDocs' own: one per page
    assert shared_instances < len(FILES)
    pages = site_files(fresh)
    one = pages["course/one/index.html"].decode()
    assert 'id="fn:note"' in one and "stepwise-quiz-1" in one and 'id="setup_1"' in one
    assert site_files(shared) == pages


def config_with(tmp_path: Path, names: list[str], configs: dict[str, Any] | None = None) -> Any:
    (tmp_path / "docs").mkdir(exist_ok=True)
    settings = tmp_path / "mkdocs.yml"
    settings.write_text("site_name: x\n", encoding="utf-8")
    config = load_config(config_file=str(settings))
    config["markdown_extensions"] = names
    config["mdx_configs"] = configs or {}
    return config


def test_only_extensions_known_to_reset_share_an_instance(tmp_path):
    assert converter.reusable(config_with(tmp_path, ["toc", "pymdownx.superfences"]))
    assert converter.reusable(config_with(tmp_path, ["stepwise.execute", "mkdocs_stepwise.xkcd"]))
    # Someone else's extension may keep state from one page to the next: MkDocs' way for all.
    assert not converter.reusable(config_with(tmp_path, ["toc", "tests.crashing_extension"]))
    # Footnote ids numbered per document count the instance's resets.
    unique = {"footnotes": {"UNIQUE_IDS": True}}
    assert not converter.reusable(config_with(tmp_path, ["footnotes"], unique))
