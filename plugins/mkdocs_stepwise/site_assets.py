"""The plugin's CSS and JavaScript: linked from every page and published with the site.

Every file in the package's `assets/` folder is served under `assets/stepwise/`; a feature adds
its styles or script by dropping a file there.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

ASSETS_DIR = Path(__file__).parent / "assets"
ASSETS_URI = "assets/stepwise"


def _assets() -> list[tuple[Path, str]]:
    return [(asset, f"{ASSETS_URI}/{asset.name}") for asset in sorted(ASSETS_DIR.iterdir())]


def link_assets(config: MkDocsConfig) -> None:
    """Link every stylesheet and script from every page (`extra_css`, `extra_javascript`)."""
    for asset, uri in _assets():
        if asset.suffix == ".css" and uri not in config.extra_css:
            config.extra_css.append(uri)
        elif asset.suffix == ".js" and uri not in map(str, config.extra_javascript):
            config.extra_javascript.append(uri)


def add_asset_files(files: Files, config: MkDocsConfig) -> None:
    """Publish the assets with the site, unless the site ships a file of the same name."""
    for asset, uri in _assets():
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(asset)))
