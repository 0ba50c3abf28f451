"""`stepwise import hugo|katacoda|killercoda …`: arguments, the run, the report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .report import Report, escape_terminal
from .writer import ImportRefused, Output, apply, check_folders


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "import",
        help="bring a Hugo site or a Katacoda/Killercoda repository over",
        description="Copy a Hugo site or scenario repository into a Stepwise site "
        "(docs/, mkdocs.yml, IMPORT.md). Existing files are kept unless --force is given; "
        "the source folder is never changed.",
    )
    kinds = parser.add_subparsers(dest="kind", required=True, metavar="KIND")
    hugo = kinds.add_parser("hugo", help="a Hugo site (content/, static/, its configuration)")
    hugo.add_argument("source", type=Path, metavar="SITE_DIR")
    for name in ("katacoda", "killercoda"):
        scenarios = kinds.add_parser(name, help=f"a {name.capitalize()} scenario repository")
        scenarios.add_argument("source", type=Path, metavar="REPO_DIR")
        scenarios.add_argument(
            "scenarios", nargs="*", metavar="SCENARIO", help="scenario folders (default: all)"
        )
    for sub in (hugo, *[kinds.choices[name] for name in ("katacoda", "killercoda")]):
        sub.add_argument(
            "--into",
            type=Path,
            default=Path("."),
            metavar="DIR",
            help="the Stepwise site to write (default: the current folder)",
        )
        sub.add_argument("--force", action="store_true", help="overwrite existing files")
        sub.add_argument(
            "--no-build",
            action="store_true",
            help="skip the trial build whose warnings the report lists",
        )
        sub.set_defaults(run=run)


def plan(args: argparse.Namespace) -> tuple[list[Output], Report]:
    if args.kind == "hugo":
        from .hugo import import_hugo

        return import_hugo(args.source, args.into)
    from .scenarios import import_scenarios

    return import_scenarios(args.source, args.into, args.scenarios, platform=args.kind)


def run(args: argparse.Namespace) -> int:
    """Plan, write, report. 2 when the import cannot start; content problems are reported."""
    try:
        check_folders(args.source, args.into)
        outputs, report = plan(args)
    except ImportRefused as error:
        print(f"stepwise import: {escape_terminal(str(error))}", file=sys.stderr)
        return 2
    args.into.mkdir(parents=True, exist_ok=True)
    apply(outputs, args.into, args.source, args.force, report)
    if not args.no_build:
        from .trial_build import trial_build

        report.build_warnings = trial_build(args.into)
    # IMPORT.md says what this run did, so it is written last, under the same rule.
    apply(
        [Output("IMPORT.md", content=report.markdown().encode())],
        args.into,
        args.source,
        args.force,
        report,
    )
    sys.stdout.write(report.text())
    return 0
