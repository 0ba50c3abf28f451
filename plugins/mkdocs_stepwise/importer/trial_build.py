"""Build the imported site once, into a temporary folder, and collect MkDocs' warnings.

The import's own checks find what it can see in the files (missing pictures, links, index.json
entries); the plugin and MkDocs find the rest while they build (unknown shortcodes, broken front
matter values, anchors). Running the build here puts every problem that `mkdocs build --strict`
would stop on into the report, with the file and line the warning names.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message not in self.messages:
            self.messages.append(message)


def trial_build(site: Path) -> list[str]:
    """The warnings of a `mkdocs build` of `site/mkdocs.yml` (nothing is written into `site`)."""
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    # Only this handler reports: the messages go into the report, not onto the terminal.
    propagate, logger.propagate = logger.propagate, False
    try:
        with tempfile.TemporaryDirectory(prefix="stepwise-import-") as site_dir:
            config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=site_dir)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build.build(config)
            finally:
                config.plugins.on_shutdown()
    # A diagnosis: whatever stops the build is reported, never shown as a traceback.
    except Exception as error:
        collect.messages.append(f"the build stopped: {error}")
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate
    return collect.messages
