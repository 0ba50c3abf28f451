"""The `stepwise` command: a small dispatcher over subcommands that live in their subpackages."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .buildcache import command as build_command
from .check import command as check_command
from .importer import command as import_command


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="stepwise", description=__doc__)
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build_command.add_parser(subcommands)
    check_command.add_parser(subcommands)
    import_command.add_parser(subcommands)
    args = parser.parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
