"""Run a series' parts in order, as a reader would, and record what passed and what broke.

Reader semantics (see the README, "Checking a series"):

- each terminal is one persistent shell (`terminal.Terminal`), for the whole series;
- a command runs until it ends, except one that the next step in its terminal interrupts
  (`{{execute interrupt}}`, a `^C` key block) and a watcher (`is_watcher`): those keep running
  while the reader goes on (in other terminals), until that interrupt or the terminal's next
  command, when they get Ctrl+C. Before going on, the checker waits until such a command has
  been quiet for `settle` seconds (or has ended), as a reader waits for a server to say it is up;
- after a part's steps, its verify script runs; a non-zero exit fails the part;
- a part that fails ends the series: the parts after it are skipped, since they build on it.
"""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .plan import CONTROL_KEYS, Part, SeriesPlan, Step, is_watcher
from .sandbox import Sandbox
from .terminal import Terminal, pump

PASSED, FAILED, SKIPPED = "passed", "failed", "skipped"
_DONE_ECHO = re.compile(r"""\becho\s+["']?done\b""")
"""A Katacoda verify script that says `done` when the step is done."""
SETTLE_PATIENCE = 10.0
"""Seconds the checker waits at most for a command left running to become quiet."""
INTERRUPT_GRACE = 10.0
"""Seconds a command gets to end after Ctrl+C before the checker gives up on it."""


@dataclass
class Options:
    timeout: float = 300.0
    """Seconds one command may take."""
    budget: float = 3600.0
    """Seconds the whole run may take."""
    settle: float = 1.0
    """Seconds of quiet after which a command left running (a server, a watcher) counts as up."""
    parts: set[int] | None = None
    """Part numbers to run (`--part`); None: all."""
    first: int = 1
    """The first part to run (`--from`)."""
    keep: bool = False
    container: str | None = None


@dataclass
class Failure:
    reason: str
    step: Step | None = None
    status: int | None = None
    output: str = ""
    where: str = ""
    """`page:line` of the step, or the verify script's path."""


@dataclass
class PartResult:
    part: Part
    status: str
    reason: str = ""
    seconds: float = 0.0
    failure: Failure | None = None


@dataclass
class SeriesResult:
    plan: SeriesPlan
    parts: list[PartResult] = field(default_factory=list)
    sandbox: str | None = None
    """The kept sandbox folder (`--keep`)."""


@dataclass
class _Background:
    """A command left running in a terminal."""

    ident: int
    step: Step
    part: Part
    watcher: bool


class _BudgetSpent(Exception):
    pass


class SeriesRun:
    """One series in one fresh sandbox."""

    def __init__(
        self,
        plan: SeriesPlan,
        options: Options,
        deadline: float,
        progress: Callable[[str], None],
    ) -> None:
        self.plan = plan
        self.options = options
        self.deadline = deadline
        self.progress = progress
        self.background: dict[str, _Background] = {}
        self.sandbox: Sandbox | None = None

    def selected(self, part: Part) -> bool:
        if self.options.parts is not None:
            return part.number in self.options.parts
        return part.number >= self.options.first

    def run(self) -> SeriesResult:
        result = SeriesResult(self.plan)
        chosen = [part for part in self.plan.parts if self.selected(part)]
        follow = interrupted_next(chosen)
        broken: str | None = None
        total = len(self.plan.parts)
        try:
            for part in self.plan.parts:
                label = f"  part {part.number}/{total} {part.title}"
                if not self.selected(part):
                    result.parts.append(PartResult(part, SKIPPED, "not selected"))
                    continue
                if broken is not None:
                    result.parts.append(PartResult(part, SKIPPED, broken))
                    self.progress(f"{label}: skipped ({broken})")
                    continue
                if part.skip is not None:
                    result.parts.append(PartResult(part, SKIPPED, part.skip))
                    self.progress(f"{label}: skipped ({part.skip})")
                    continue
                if not part.steps and part.verify is None and not part.problems:
                    result.parts.append(PartResult(part, SKIPPED, "no commands"))
                    self.progress(f"{label}: skipped (no commands)")
                    continue
                started = time.monotonic()
                failure = self.run_part(part, follow)
                seconds = time.monotonic() - started
                if failure is None:
                    result.parts.append(PartResult(part, PASSED, seconds=seconds))
                    self.progress(f"{label}: passed ({seconds:.1f} s)")
                else:
                    result.parts.append(PartResult(part, FAILED, failure.reason, seconds, failure))
                    self.progress(f"{label}: FAILED ({failure.reason})")
                    broken = f"part {part.number} failed"
        finally:
            if self.sandbox is not None:
                self.sandbox.close()
                if self.options.keep:
                    result.sandbox = str(self.sandbox.root)
        return result

    # -- a part --------------------------------------------------------------------------------

    def run_part(self, part: Part, follow: dict[int, bool]) -> Failure | None:
        if part.problems:
            return Failure("; ".join(part.problems), where=part.page)
        try:
            if self.sandbox is None:
                self.sandbox = Sandbox(keep=self.options.keep, container=self.options.container)
            for step in part.steps:
                failure = self.run_step(part, step, follow.get(id(step), False))
                if failure is not None:
                    return failure
            failure = self.check_background(part)
            if failure is None and part.verify is not None:
                failure = self.run_verify(part)
            return failure
        except _BudgetSpent:
            return Failure(f"the run's budget of {self.options.budget:g} s ran out")
        except (OSError, ValueError, subprocess.SubprocessError) as error:
            # A file block that cannot be written, a container engine that fails.
            return Failure(str(error), where=part.page)

    def where(self, part: Part, step: Step) -> str:
        if step.hidden:
            return f"{part.page} (front matter `check.setup`)"
        return f"{part.page}:{step.line}" if step.line is not None else part.page

    def terminal(self, name: str) -> Terminal:
        assert self.sandbox is not None
        terminal = self.sandbox.terminal(name)
        if not terminal.ready:
            self.wait(terminal, lambda: terminal.ready or terminal.closed, 30.0)
            if not terminal.ready:
                raise OSError(f"the shell of terminal {name} did not start")
        return terminal

    def wait(self, terminal: Terminal, until: Callable[[], bool], seconds: float) -> bool:
        """Pump every terminal until `until()`; `_BudgetSpent` when the run's budget ends first."""
        assert self.sandbox is not None
        deadline = min(time.monotonic() + seconds, self.deadline)
        done = pump(list(self.sandbox.terminals.values()), until, deadline)
        if not done and time.monotonic() >= self.deadline:
            raise _BudgetSpent
        return done

    def run_step(self, part: Part, step: Step, interrupted_next: bool) -> Failure | None:
        assert self.sandbox is not None
        if step.kind == "file":
            assert step.file is not None
            try:
                self.sandbox.write_file(step.terminal, step.file)
            except ValueError as error:
                return Failure(str(error), step, where=self.where(part, step))
            return None
        terminal = self.terminal(step.terminal)
        if step.kind in ("keys", "type") and not step.is_interrupt:
            return self.press(terminal, part, step)
        failure = self.settle_running(terminal, step)
        if failure is not None or step.kind != "command":
            return failure
        ident = terminal.start(step.text)
        watcher = is_watcher(step.text)
        if watcher or interrupted_next:
            return self.leave_running(terminal, part, step, ident, watcher)
        timeout = self.options.timeout
        self.wait(terminal, lambda: ident in terminal.finished or terminal.closed, timeout)
        if ident not in terminal.finished and terminal.closed:
            return Failure(
                f"the shell of terminal {terminal.name} ended (an `exit`?); the terminals "
                "must stay open for the commands after it",
                step,
                None,
                terminal.output_so_far(),
                self.where(part, step),
            )
        if ident not in terminal.finished:
            output = terminal.output_so_far()
            self.interrupt(terminal, ident)
            return Failure(
                f"did not finish within {self.options.timeout:g} s (--timeout); if it is meant "
                "to keep running, mark the command after it `interrupt`",
                step,
                None,
                output,
                self.where(part, step),
            )
        return self.judge(part, step, terminal.finished[ident].status, terminal, ident)

    def press(self, terminal: Terminal, part: Part, step: Step) -> Failure | None:
        """Type keys into the program left running in the terminal; with none, there is no one
        to receive them (at the shell's prompt they would become part of the next command)."""
        running = self.background.get(terminal.name)
        if running is None:
            return None
        if running.ident in terminal.finished:
            del self.background[terminal.name]
            status = terminal.finished[running.ident].status
            return self.judge(running.part, running.step, status, terminal, running.ident)
        keys = CONTROL_KEYS.get(step.text.strip().upper()) if step.kind == "keys" else step.text
        if keys:
            terminal.keys(keys)
        return None

    def judge(
        self, part: Part, step: Step, status: int, terminal: Terminal, ident: int
    ) -> Failure | None:
        if status == 0:
            return None
        return Failure(
            f"exit code {status}",
            step,
            status,
            terminal.finished[ident].output,
            self.where(part, step),
        )

    def leave_running(
        self, terminal: Terminal, part: Part, step: Step, ident: int, watcher: bool
    ) -> Failure | None:
        """Let a server or watcher start: until it ends or has been quiet for `settle` s."""
        settle = self.options.settle

        def settled() -> bool:
            quiet = time.monotonic() - max(terminal.last_output, terminal.started_at)
            return ident in terminal.finished or quiet >= settle

        # A server that logs all the time is never quiet: go on after a while, as a reader would.
        patience = min(self.options.timeout, max(SETTLE_PATIENCE, 5 * settle))
        self.wait(terminal, settled, patience)
        if ident in terminal.finished:
            return self.judge(part, step, terminal.finished[ident].status, terminal, ident)
        self.background[terminal.name] = _Background(ident, step, part, watcher)
        return None

    def settle_running(self, terminal: Terminal, step: Step) -> Failure | None:
        """Before a step in a terminal that has a command running: stop it or wait for it."""
        running = self.background.pop(terminal.name, None)
        if running is None:
            if step.interrupt and terminal.running is not None:
                self.interrupt(terminal, terminal.running)
            return None
        if running.ident in terminal.finished:  # it ended by itself while the reader went on
            status = terminal.finished[running.ident].status
            return self.judge(running.part, running.step, status, terminal, running.ident)
        if step.is_interrupt or running.watcher:
            self.interrupt(terminal, running.ident)
            if running.ident not in terminal.finished:
                return Failure(
                    f"did not stop within {INTERRUPT_GRACE:g} s of Ctrl+C",
                    running.step,
                    None,
                    terminal.output_so_far(),
                    self.where(running.part, running.step),
                )
            return None
        ident = running.ident
        if not self.wait(terminal, lambda: ident in terminal.finished, self.options.timeout):
            self.interrupt(terminal, ident)
            return Failure(
                f"did not finish within {self.options.timeout:g} s (--timeout); an interactive "
                "program (an editor, a REPL) cannot be checked: mark it `no-check`",
                running.step,
                None,
                terminal.output_so_far(),
                self.where(running.part, running.step),
            )
        status = terminal.finished[ident].status
        return self.judge(running.part, running.step, status, terminal, ident)

    def interrupt(self, terminal: Terminal, ident: int) -> None:
        """Press Ctrl+C and wait for the shell to be back at its prompt."""
        terminal.keys("\x03")
        self.wait(terminal, lambda: ident in terminal.finished or terminal.closed, INTERRUPT_GRACE)

    def check_background(self, part: Part) -> Failure | None:
        """A command left running that has since failed on its own fails the part."""
        assert self.sandbox is not None
        for name, running in list(self.background.items()):
            terminal = self.sandbox.terminals[name]
            finished = terminal.finished.get(running.ident)
            if finished is not None:
                del self.background[name]
                failure = self.judge(
                    running.part, running.step, finished.status, terminal, running.ident
                )
                if failure is not None:
                    return failure
        return None

    def run_verify(self, part: Part) -> Failure | None:
        assert self.sandbox is not None and part.verify is not None
        budget = max(0.0, min(self.options.timeout, self.deadline - time.monotonic()))
        status, output = self.sandbox.run_script("T1", part.verify, budget)
        where = part.verify_path or part.page
        if status is None:
            return Failure(
                f"the verify script did not finish within {budget:g} s", None, None, output, where
            )
        if status != 0:
            return Failure(f"the verify script exited with {status}", None, status, output, where)
        if _DONE_ECHO.search(part.verify) and "done" not in output.split():
            # Katacoda passed a step when its script printed "done", not on the exit code.
            return Failure("the verify script did not print `done`", None, status, output, where)
        return None


def interrupted_next(parts: Sequence[Part]) -> dict[int, bool]:
    """For each command step (by `id`), whether the next step in its terminal interrupts it or
    types keys into it (then it keeps running to receive them)."""
    result: dict[int, bool] = {}
    last: dict[str, Step] = {}
    for part in parts:
        for step in part.steps:
            if step.kind == "file":
                continue
            previous = last.get(step.terminal)
            if previous is not None and previous.kind == "command":
                result[id(previous)] = step.is_interrupt or step.kind in ("keys", "type")
            last[step.terminal] = step
    return result


def run_series(
    plans: Sequence[SeriesPlan], options: Options, progress: Callable[[str], None]
) -> list[SeriesResult]:
    """Check every series in its own sandbox, within one budget for the whole run."""
    deadline = time.monotonic() + options.budget
    results = []
    for plan in plans:
        progress(f"{plan.title} ({len(plan.parts)} parts)")
        results.append(SeriesRun(plan, options, deadline, progress).run())
    return results
