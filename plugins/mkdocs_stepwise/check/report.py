"""The checker's report: a summary a person can act on, and JUnit XML for CI.

Pure: results in, text out. Output is the terminals' raw bytes as text, so it is cleaned before
it is shown (carriage-return progress bars, colour codes) and, for XML, stripped of characters
XML 1.0 cannot hold even escaped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from .plan import SeriesPlan, Step, is_watcher
from .runner import FAILED, PASSED, SKIPPED, Failure, PartResult, SeriesResult, interrupted_next

TAIL_LINES = 30
LINE_WIDTH = 300
"""Longer output lines (a full-screen program's redraws) are cut in the report."""
_ANSI = re.compile(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]")
# Control characters left after the colour codes (a bell, NUL, a stray escape) would act on the
# terminal that shows the report; they are shown as U+FFFD instead.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def terminal_safe(text: str) -> str:
    """Text for a terminal: no escape sequences or control characters from titles or commands
    (a page can hold anything), newlines and tabs kept."""
    return _CONTROL.sub("\ufffd", _ANSI.sub("", text))


def clean_output(output: str) -> list[str]:
    """Output lines as a terminal would show them: colours dropped, `\\r` rewrites applied."""
    lines = []
    for line in _ANSI.sub("", output).split("\n"):
        line = line.rstrip("\r")
        line = _CONTROL.sub("\ufffd", line.rsplit("\r", 1)[-1])
        lines.append(line if len(line) <= LINE_WIDTH else line[:LINE_WIDTH] + " …")
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def tail(output: str, count: int = TAIL_LINES) -> list[str]:
    return clean_output(output)[-count:]


def _counts(parts: Sequence[PartResult]) -> dict[str, int]:
    return {status: sum(p.status == status for p in parts) for status in (PASSED, FAILED, SKIPPED)}


def summary(results: Sequence[SeriesResult]) -> str:
    """Per part: passed, failed or skipped; then each series' first failure in detail."""
    lines: list[str] = []
    failures: list[tuple[str, PartResult, Failure]] = []
    for result in results:
        lines.append(f"{result.plan.title}")
        for part in result.parts:
            reason = f" ({part.reason})" if part.reason else ""
            lines.append(f"  {part.status:7} part {part.part.number}: {part.part.title}{reason}")
        first = next((p for p in result.parts if p.failure is not None), None)
        if first is not None and first.failure is not None:
            failures.append((result.plan.title, first, first.failure))
        if result.sandbox:
            lines.append(f"  sandbox kept in {result.sandbox}")
    for title, part, failure in failures:
        lines += ["", *failure_text(part, failure, series_title=title)]
    everything = [part for result in results for part in result.parts]
    counts = _counts(everything)
    lines += ["", f"{counts[PASSED]} passed, {counts[FAILED]} failed, {counts[SKIPPED]} skipped"]
    if not counts[PASSED] and not counts[FAILED]:
        lines.append("No part was checked.")
    return terminal_safe("\n".join(lines)) + "\n"


def failure_text(
    part: PartResult, failure: Failure, heading: str = "First failure", series_title: str = ""
) -> list[str]:
    series = f" of {series_title}" if series_title else ""
    lines = [f'{heading}: part {part.part.number}{series}, "{part.part.title}"']
    if failure.where:
        lines.append(f"  at {failure.where}")
    if failure.step is not None:
        terminal = f" (terminal {failure.step.terminal})"
        command = failure.step.text.splitlines() or [""]
        lines.append(f"  command{terminal}:")
        lines += [f"    {line}" for line in command]
    lines.append(f"  {failure.reason}")
    if failure.status is not None and str(failure.status) not in failure.reason:
        lines.append(f"  exit code {failure.status}")
    output = tail(failure.output)
    if output:
        lines.append(f"  last {len(output)} lines of output:")
        lines += [f"    | {line}" for line in output]
    return lines


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def junit(results: Sequence[SeriesResult]) -> str:
    """JUnit XML: a test suite per series, a test case per part."""
    suites = ET.Element("testsuites", name="stepwise check")
    for result in results:
        counts = _counts(result.parts)
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=_xml_text(result.plan.title),
            tests=str(len(result.parts)),
            failures=str(counts[FAILED]),
            errors="0",
            skipped=str(counts[SKIPPED]),
            time=f"{sum(p.seconds for p in result.parts):.3f}",
        )
        for part in result.parts:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=_xml_text(result.plan.slug),
                name=_xml_text(f"part {part.part.number}: {part.part.title}"),
                file=_xml_text(part.part.page),
                time=f"{part.seconds:.3f}",
            )
            if part.failure is not None:
                element = ET.SubElement(case, "failure", message=_xml_text(part.reason))
                element.text = _xml_text("\n".join(failure_text(part, part.failure, "Failed")))
            elif part.status == SKIPPED:
                ET.SubElement(case, "skipped", message=_xml_text(part.reason))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def plan_text(plans: Sequence[SeriesPlan]) -> str:
    """What `--list` prints: every part's steps with their line, terminal and what happens."""
    lines: list[str] = []
    for plan in plans:
        lines.append(f"{plan.title} ({plan.folder or plan.url}, {len(plan.parts)} parts)")
        follow = interrupted_next(plan.parts)
        for part in plan.parts:
            note = f"; skipped: {part.skip}" if part.skip else ""
            lines.append(f"  part {part.number}: {part.title} ({part.page}{note})")
            lines += [f"    {problem}" for problem in part.problems]
            for step in part.steps:
                lines.append("    " + _step_line(step, follow.get(id(step), False)))
            if part.verify_path:
                lines.append(f"    then verify: {part.verify_path}")
    return terminal_safe("\n".join(lines)) + "\n"


def _step_line(step: Step, interrupted: bool) -> str:
    where = "setup" if step.hidden else f":{step.line}" if step.line else ":?"
    if step.file is not None:
        what = f"{step.file.target} {step.file.filename}"
        if step.file.marker:
            what += f" at {step.file.marker}"
        return f"{where:7} file {what}"
    flags = []
    if step.interrupt:
        flags.append("Ctrl+C first")
    if step.kind == "command" and (interrupted or is_watcher(step.text)):
        flags.append("keeps running")
    first = step.text.splitlines()[0] if step.text else ""
    more = f" (+{len(step.text.splitlines()) - 1} lines)" if "\n" in step.text else ""
    flag_text = f" [{', '.join(flags)}]" if flags else ""
    kind = {"keys": "keys ", "type": "type "}.get(step.kind, "")
    return f"{where:7} {step.terminal:5} {kind}{first}{more}{flag_text}"
