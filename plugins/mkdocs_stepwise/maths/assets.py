"""Publish the vendored KaTeX under `assets/stepwise/katex/`, where `maths.js` loads it from."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from . import KATEX_DIR

KATEX_URI = "assets/stepwise/katex"


def add_katex_files(files: Files, config: MkDocsConfig) -> None:
    """KaTeX's script, styles and fonts, unless the site ships a file of the same name."""
    for path in sorted(KATEX_DIR.rglob("*")):
        if not path.is_file():
            continue
        uri = f"{KATEX_URI}/{path.relative_to(KATEX_DIR).as_posix()}"
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(path)))
