"""Write what an import planned, file by file, without overwriting anything unasked.

A target that already holds the same bytes is "unchanged"; one that holds other bytes is kept
unless `force` is given. So a second import into the same folder changes nothing, and an
author's edits after the first import survive a second one without `--force`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .report import Report


class ImportRefused(Exception):
    """A reason the import cannot start (shown as a message, never as a traceback)."""


@dataclass(frozen=True)
class Output:
    """One file of the imported site: copied from `source`, or with `content` written here."""

    target: str
    """Relative to the target folder, with `/` separators."""
    source: Path | None = None
    content: bytes | None = None

    def data(self) -> bytes:
        if self.content is not None:
            return self.content
        assert self.source is not None
        return self.source.read_bytes()


def check_folders(source: Path, into: Path) -> None:
    """Refuse target folders that would write into the source (or copy it into itself)."""
    if not source.is_dir():
        raise ImportRefused(f"{source} is not a folder")
    src = source.resolve()
    dst = into.resolve()
    if dst == src or src in dst.parents:
        raise ImportRefused(
            f"the target folder {into} is inside the source {source}; "
            "the import never writes into the source: choose another folder with --into"
        )
    if dst in src.parents and (dst / "docs" == src or dst / "docs" in src.parents):
        raise ImportRefused(
            f"the source {source} is inside {into}/docs, where the import writes: "
            "choose another folder with --into"
        )


def apply(outputs: list[Output], into: Path, source: Path, force: bool, report: Report) -> None:
    """Write `outputs` below `into`, recording each outcome on `report`."""
    root = into.resolve()
    protected = source.resolve()
    for output in outputs:
        target = (into / output.target).resolve()
        if root not in target.parents or target == protected or protected in target.parents:
            report.problem(output.target, "would be written outside the target folder; skipped")
            continue
        data = output.data()
        if target.exists() or target.is_symlink():
            if target.is_file() and target.read_bytes() == data:
                report.unchanged.append(output.target)
                continue
            if not force or not target.is_file():
                report.kept.append(output.target)
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.stepwise-import")
        temporary.write_bytes(data)
        os.replace(temporary, target)
        report.written.append(output.target)
