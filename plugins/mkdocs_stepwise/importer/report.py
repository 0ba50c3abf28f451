"""What an import did: shown on the terminal and written as `IMPORT.md` beside `mkdocs.yml`.

Every value that came from the imported files (names, titles, messages) is escaped for the
output it goes to: Markdown for IMPORT.md, and control characters for the terminal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_markdown(text: str) -> str:
    """`text` as literal Markdown: every character Markdown could read as syntax is escaped."""
    flat = " ".join(str(text).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _CONTROL.sub("", flat))


def escape_terminal(text: str) -> str:
    """`text` without control characters that a terminal would act on (shown as `\\xNN`)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", str(text).replace("\n", " "))


@dataclass(frozen=True)
class Issue:
    """A problem in the imported content, with its file (relative to the source) and line."""

    file: str
    message: str
    line: int | None = None

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass
class Report:
    """Everything an import did, in the order the sections are written."""

    kind: str
    """`Hugo site`, `Katacoda repository`, `Killercoda repository`."""
    source: str
    into: str
    imported: list[tuple[str, str]] = field(default_factory=list)
    """(source file, target file), relative to the source and target folders."""
    generated: list[tuple[str, str]] = field(default_factory=list)
    """(target file, why it was written although the source has no such file)."""
    mapped: list[tuple[str, str]] = field(default_factory=list)
    """(source setting, what it became)."""
    left_behind: list[tuple[str, str]] = field(default_factory=list)
    """(source file or setting, why it did not come over)."""
    problems: list[Issue] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Target files that exist with other content and were not overwritten (no `--force`)."""
    build_warnings: list[str] | None = None
    """MkDocs' warnings in a trial build of the imported site; None when none was run."""

    def problem(self, file: str, message: str, line: int | None = None) -> None:
        self.problems.append(Issue(file, message, line))

    def markdown(self) -> str:
        """The report as IMPORT.md."""
        e = escape_markdown
        lines = [
            f"# Import of a {self.kind}",
            "",
            f"From `{_code(self.source)}` into `{_code(self.into)}`, by `stepwise import`.",
            "",
        ]
        lines += _section(
            "Problems in the content",
            [f"- {e(issue.where)}: {e(issue.message)}" for issue in self.problems],
            "None found.",
        )
        if self.build_warnings is not None:
            lines += _section(
                "Warnings of a trial build (mkdocs build --strict stops on these)",
                [f"- {e(message)}" for message in self.build_warnings],
                "None: the site builds under --strict.",
            )
        lines += _section(
            "Left behind",
            [f"- {e(what)}: {e(why)}" for what, why in self.left_behind],
            "Nothing.",
        )
        lines += _section(
            "Mapped settings",
            ["| from | to |", "|---|---|"] + [f"| {e(a)} | {e(b)} |" for a, b in self.mapped]
            if self.mapped
            else [],
            "No settings to map.",
        )
        lines += _section(
            "Files written for the site",
            [f"- {e(target)}: {e(why)}" for target, why in self.generated],
            "None.",
        )
        if self.kept:
            lines += _section(
                "Existing files kept (run again with --force to overwrite them)",
                [f"- {e(path)}" for path in self.kept],
                "",
            )
        lines += _section(
            f"Imported files ({len(self.imported)})",
            ["| source | target |", "|---|---|"]
            + [f"| {e(a)} | {e(b)} |" for a, b in self.imported]
            if self.imported
            else [],
            "None.",
        )
        return "\n".join(lines).rstrip("\n") + "\n"

    def text(self) -> str:
        """The report for the terminal: a summary, the problems, what was left behind."""
        t = escape_terminal
        out = [
            f"Imported a {self.kind} from {t(self.source)} into {t(self.into)}:",
            f"  {len(self.imported)} files imported, {len(self.generated)} written for the site;",
            f"  {len(self.written)} written, {len(self.unchanged)} already up to date,"
            f" {len(self.kept)} existing files kept" + (" (use --force)" if self.kept else ""),
        ]
        if self.mapped:
            out.append("Mapped:")
            out += [f"  {t(a)} -> {t(b)}" for a, b in self.mapped]
        if self.left_behind:
            out.append("Left behind:")
            out += [f"  {t(what)}: {t(why)}" for what, why in self.left_behind]
        if self.kept:
            out.append("Kept (not overwritten):")
            out += [f"  {t(path)}" for path in self.kept]
        if self.problems:
            out.append(f"Problems ({len(self.problems)}):")
            out += [f"  {t(issue.where)}: {t(issue.message)}" for issue in self.problems]
        else:
            out.append("No problems found in the content.")
        if self.build_warnings:
            out.append(f"A trial build warned {len(self.build_warnings)} times:")
            out += [f"  {t(message)}" for message in self.build_warnings]
        elif self.build_warnings is not None:
            out.append("A trial build passed with no warnings: the site builds under --strict.")
        return "\n".join(out) + "\n"


def _code(text: str) -> str:
    return escape_terminal(text).replace("`", "'")


def _section(title: str, body: list[str], empty: str) -> list[str]:
    return [f"## {title}", "", *(body or [empty]), ""]
