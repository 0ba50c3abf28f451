"""`stepwise build [--no-cache] …`: `mkdocs build`, with the plugin's build cache under control.

MkDocs' own command line has no room for a plugin's flags, so this one loads the configuration
as `mkdocs build` does, sets the `stepwise` plugin's `cache` option when asked, and builds.
"""

from __future__ import annotations

import argparse
import logging
import shutil
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort, ConfigurationError


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "build",
        help="mkdocs build, with or without the build cache",
        description="Build the site as `mkdocs build` does. The stepwise plugin reuses what "
        "earlier builds made of unchanged pages (its `cache` option, on by default); "
        "--no-cache builds every page afresh.",
    )
    parser.add_argument("-f", "--config-file", metavar="FILE", help="mkdocs.yml to use")
    parser.add_argument("-d", "--site-dir", metavar="DIR", help="where to write the site")
    parser.add_argument(
        "-s", "--strict", action="store_true", default=None, help="fail on warnings"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
    parser.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the build cache"
    )
    parser.add_argument(
        "--clear-cache",
        action="store_true",
        help="delete the build cache first (then build with a fresh one)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    logger = logging.getLogger("mkdocs")
    saved = logger.level, logger.propagate, list(logger.handlers)
    _log_like_mkdocs(logging.WARNING if args.quiet else logging.INFO)
    try:
        return _build(args)
    finally:  # as it was, for callers in the same process (tests)
        logger.level, logger.propagate, logger.handlers = saved[0], saved[1], saved[2]


def _build(args: argparse.Namespace) -> int:
    from mkdocs.commands import build
    from mkdocs.config import load_config

    try:
        config = load_config(
            config_file=args.config_file, site_dir=args.site_dir, strict=args.strict
        )
    except (ConfigurationError, Abort) as error:
        logging.getLogger("mkdocs").error("%s", error)
        return 1
    plugin = config.plugins.get("stepwise")
    if plugin is None:
        logging.getLogger("mkdocs").error("the site does not use the stepwise plugin")
        return 1
    options = plugin.config
    if args.clear_cache:
        folder = Path(config.config_file_path or ".").parent / options["cache_dir"]
        shutil.rmtree(folder, ignore_errors=True)
    if args.no_cache:
        options["cache"] = False
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build.build(config)
    except Abort as error:
        logging.getLogger("mkdocs").error("%s", error)
        return 1
    finally:
        config.plugins.on_shutdown()
    return 0


def _log_like_mkdocs(level: int) -> None:
    """What `mkdocs` sets up before a command: its messages on stderr, `INFO    -  …`."""
    from mkdocs.__main__ import ColorFormatter

    logger = logging.getLogger("mkdocs")
    logger.setLevel(level)
    logger.propagate = False
    stream = logging.StreamHandler()
    stream.setFormatter(ColorFormatter())
    logger.addHandler(stream)
