"""`stepwise check [SERIES…]`: the command line.

Exit codes: 0 when every checked part passed, 1 when one failed, 2 when nothing could be checked
(a bad `mkdocs.yml`, an unknown series, no container engine for `--container`).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from .collect import CheckError, build_site, select
from .report import junit, plan_text, summary, terminal_safe
from .runner import FAILED, Options, run_series
from .sandbox import SandboxError

DESCRIPTION = """\
Run the commands of a tutorial series the way a reader would: in order, one persistent bash per
terminal (T1-T4, HOST1/HOST2), file blocks written, servers and watchers stopped with Ctrl+C
where the tutorial interrupts them, each part's verify script run after it. Commands run in a
fresh temporary HOME with a cleaned environment; they still run as you (see the README)."""


def _positive(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number of seconds")
    return value


def _part_number(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("parts are numbered from 1")
    return value


def add_parser(subcommands: Any) -> argparse.ArgumentParser:
    """Add `check` to the `stepwise` command's subcommands."""
    parser: argparse.ArgumentParser = subcommands.add_parser(
        "check",
        help="run a series' commands as a reader would and report the step that breaks",
        description=DESCRIPTION,
    )
    parser.add_argument(
        "series",
        nargs="*",
        metavar="SERIES",
        help="a series by folder (python-environment-isolation) or landing address; default: all",
    )
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")
    parser.add_argument("--part", type=_part_number, action="append", help="check only part N")
    parser.add_argument(
        "--from", dest="first", type=_part_number, default=1, help="start at part N"
    )
    parser.add_argument("--drafts", action="store_true", help="check draft parts too")
    parser.add_argument(
        "--timeout", type=_positive, default=300.0, help="seconds per command (default 300)"
    )
    parser.add_argument(
        "--budget", type=_positive, default=3600.0, help="seconds for the whole run (default 3600)"
    )
    parser.add_argument(
        "--settle",
        type=_positive,
        default=1.0,
        help="seconds of quiet after which a server or watcher left running counts as up",
    )
    parser.add_argument("--keep", action="store_true", help="keep the sandbox folder")
    parser.add_argument(
        "--container", metavar="IMAGE", help="run the terminals in docker/podman containers"
    )
    parser.add_argument("--junit", metavar="FILE", help="write JUnit XML for CI")
    parser.add_argument(
        "--list", action="store_true", help="print what would run, with page lines; run nothing"
    )
    parser.set_defaults(run=run)
    return parser


def _progress(line: str) -> None:
    print(terminal_safe(line), flush=True)


def run(args: argparse.Namespace) -> int:
    # Material's banner about MkDocs 2.0 says nothing about the tutorials being checked.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        site = build_site(args.config_file, drafts=args.drafts)
        plans = select(site, args.series)
    except CheckError as error:
        print(f"stepwise check: {error}", file=sys.stderr)
        return 2
    if not plans:
        print("stepwise check: the site has no series", file=sys.stderr)
        return 2
    if args.list:
        print(plan_text(plans), end="")
        return 0
    options = Options(
        timeout=args.timeout,
        budget=args.budget,
        settle=args.settle,
        parts=set(args.part) if args.part else None,
        first=args.first,
        keep=args.keep,
        container=args.container,
    )
    if args.container is None and hasattr(os, "geteuid") and os.geteuid() == 0:
        print(
            "stepwise check: warning: running as root without --container; the commands can "
            "change anything on this machine",
            file=sys.stderr,
        )
    try:
        results = run_series(plans, options, _progress)
    except SandboxError as error:
        print(f"stepwise check: {error}", file=sys.stderr)
        return 2
    print()
    print(summary(results), end="", flush=True)
    if args.junit:
        Path(args.junit).write_text(junit(results), encoding="utf-8")
    failed = any(part.status == FAILED for result in results for part in result.parts)
    checked = any(part.status != "skipped" for result in results for part in result.parts)
    return 1 if failed or not checked else 0
