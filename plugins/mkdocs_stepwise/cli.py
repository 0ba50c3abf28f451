"""The `stepwise` command: a small dispatcher; each subcommand lives in its own subpackage."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="stepwise", description="Tools for Stepwise sites.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    from .importer.command import add_parser as add_import

    add_import(commands)
    args = parser.parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
