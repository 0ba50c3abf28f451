"""`stepwise check` end to end: the fixture site under tests/fixtures/check, run in real shells.

The fixture's commands are harmless (files under the sandbox's HOME, `cd`, `export`, `tail -f`,
`sleep`) and need no network. Its series "Workshop" has a deliberate mistake on line 15 of part 3;
its Killercoda scenario has a verify script that fails in step 2.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from mkdocs_stepwise.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "check"
FAST = ["--settle", "0.2", "--timeout", "20"]
SITE_CONFIG = """\
site_name: Check test
site_url: https://check.example/
theme: {name: material}
plugins: [stepwise]
markdown_extensions: [attr_list, md_in_html, pymdownx.superfences]
"""


@dataclass
class Run:
    code: int
    out: str
    err: str
    root: Path


def run_check(root: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> Run:
    """`stepwise check ARGS` in `root`, as a person would run it there."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        code = main(["check", *args])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err, root)


def copy_fixture(target: Path) -> Path:
    shutil.copytree(FIXTURE, target)
    return target


def make_site(root: Path, pages: dict[str, str]) -> Path:
    """A one-series site: `pages` maps file names under `docs/demo/` to Markdown."""
    (root / "docs" / "demo").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(SITE_CONFIG, encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    # A folder is a series when it has a landing page of its own.
    (root / "docs" / "demo" / "index.md").write_text("# Demo\n", encoding="utf-8")
    for name, text in pages.items():
        (root / "docs" / "demo" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def fixture_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    """The whole fixture site checked once, with a JUnit report."""
    root = copy_fixture(tmp_path_factory.mktemp("check") / "site")
    import io
    from contextlib import redirect_stderr, redirect_stdout

    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch, redirect_stdout(out), redirect_stderr(err):
        patch.chdir(root)
        code = main(["check", *FAST, "--junit", "report.xml"])
    yield Run(code, out.getvalue(), err.getvalue(), root)


def test_a_mistake_in_part_3_is_reported_with_its_page_line_and_command(fixture_run: Run) -> None:
    assert fixture_run.code == 1
    out = fixture_run.out
    assert "  part 3/4 A step with a mistake: FAILED (exit code 1)" in out
    report = out[out.index('First failure: part 3 of Workshop, "A step with a mistake"') :]
    assert report.splitlines()[1:6] == [
        "  at docs/workshop/03-mistake.md:15",
        "  command (terminal T1):",
        "    wc -l README.txt",
        "  exit code 1",
        "  last 1 lines of output:",
    ]
    assert "    | wc: README.txt: No such file or directory" in report
    assert "  skipped part 4: After the mistake (part 3 failed)" in out


def test_state_carries_over_terminals_watchers_interrupts_and_file_blocks(fixture_run: Run) -> None:
    # Part 1 writes, inserts into and appends to a file and checks its text; part 2 follows a
    # log with `tail -f` in T2 while T1 (still in the folder part 1 entered, with the variable
    # it exported) writes to it, then interrupts a `sleep 600` with ^C. Part 3 reads part 1's
    # file before it fails.
    out = fixture_run.out
    assert "  passed  part 1: Files and folders" in out
    assert "  passed  part 2: Two terminals" in out
    assert "cat notes.txt" not in out  # the first command of part 3 passed


def test_a_failing_verify_script_fails_its_part(fixture_run: Run) -> None:
    out = fixture_run.out
    assert "  passed  part 1: Create a file" in out
    assert "  failed  part 2: Create another file (the verify script exited with 1)" in out
    report = out[out.index("First failure: part 2 of Scenario with checks") :]
    assert "  at docs/scenario/step2/verify.sh" in report
    assert "    | looking for ~/third.txt" in report


def test_junit_report(fixture_run: Run) -> None:
    root = ET.parse(fixture_run.root / "report.xml").getroot()
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    workshop = suites["Workshop"]
    assert (workshop.get("tests"), workshop.get("failures"), workshop.get("skipped")) == (
        "4",
        "1",
        "1",
    )
    failure = workshop.findall("testcase")[2].find("failure")
    assert failure is not None and "docs/workshop/03-mistake.md:15" in (failure.text or "")


def test_fixing_the_line_makes_it_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_fixture(tmp_path / "site")
    page = root / "docs" / "workshop" / "03-mistake.md"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[14] == "wc -l README.txt\n"
    lines[14] = "wc -l notes.txt\n"
    page.write_text("".join(lines), encoding="utf-8")
    run = run_check(root, [*FAST, "workshop"], capsys)
    assert run.code == 0, run.out
    assert run.out.endswith("4 passed, 0 failed, 0 skipped\n")


def test_part_and_from_narrow_the_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_fixture(tmp_path / "site")
    # Alone, in a fresh sandbox, part 3 misses what part 1 made.
    run = run_check(root, [*FAST, "--part", "3", "https://check.example/workshop/"], capsys)
    assert run.code == 1
    assert "  skipped part 1: Files and folders (not selected)" in run.out
    assert "  at docs/workshop/03-mistake.md:9" in run.out
    # Part 4's hidden setup command runs first, and fails there.
    run = run_check(root, [*FAST, "--from", "4", "/workshop/"], capsys)
    assert run.code == 1
    assert "  at docs/workshop/04-after.md (front matter `check.setup`)" in run.out
    assert '    test -d "$HOME/project"' in run.out


def test_an_unknown_series_is_an_error_naming_the_known_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_fixture(tmp_path / "site")
    run = run_check(root, ["nope"], capsys)
    assert run.code == 2
    assert "no series called 'nope'; the site's series: scenario, workshop" in run.err


def test_the_sandbox_is_clean_and_removed_and_its_processes_killed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site(
        tmp_path / "site",
        {
            "01-env.md": """\
            ```
            SYSTEM=/usr/sbin:/usr/bin:/sbin:/bin
            test "$HOME" = "$PWD" && case "$HOME" in */stepwise-check-*/home) ;; *) false;; esac
            test -z "${VIRTUAL_ENV-}" && test "$PATH" = /usr/local/sbin:/usr/local/bin:$SYSTEM
            sleep 300 & echo $! > ~/sleeper.pid
            ```{{execute}}

            <pre class="file" data-filename="/root/app.js">console.log(1)</pre>

            `test "$(cat app.js)" = "console.log(1)"`{{execute}}
            """,
        },
    )
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("VIRTUAL_ENV", "/somewhere/.venv")
    run = run_check(root, [*FAST, "--keep"], capsys)
    assert run.code == 0, run.out
    kept = next(temp.glob("stepwise-check-*/home"))
    assert f"sandbox kept in {kept.parent}" in run.out
    pid = int((kept / "sleeper.pid").read_text())
    assert not _alive(pid)
    shutil.rmtree(kept.parent)
    run = run_check(root, FAST, capsys)
    assert run.code == 0, run.out
    assert list(temp.iterdir()) == []


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status  # a zombie has ended; only its parent's wait is missing


def test_timeouts_and_the_budget(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(tmp_path / "site", {"01-slow.md": "`sleep 30`{{execute}}\n"})
    run = run_check(root, ["--timeout", "0.5"], capsys)
    assert run.code == 1
    assert "did not finish within 0.5 s (--timeout)" in run.out
    assert "  at docs/demo/01-slow.md:1" in run.out
    run = run_check(root, ["--budget", "0.5"], capsys)
    assert run.code == 1
    assert "the run's budget of 0.5 s ran out" in run.out


def test_no_container_engine_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site(tmp_path / "site", {"01-a.md": "`true`{{execute}}\n"})
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "bash").symlink_to(shutil.which("bash") or "/bin/bash")
    monkeypatch.setenv("PATH", str(bin_dir))
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    run = run_check(root, ["--container", "debian:12"], capsys)
    assert run.code == 2
    assert "--container needs docker or podman, and neither is installed" in run.err
    assert list(temp.iterdir()) == []


FAKE_ENGINE = """\
#!/bin/bash
# A stand-in for docker: `run` names a container, `exec` runs the command here, `rm` is logged.
echo "$*" >> "$FAKE_LOG"
case "$1" in
  run) echo fake-container ;;
  exec)
    shift; env=()
    while [ $# -gt 0 ]; do
      case "$1" in -i|-it) shift ;; -e) env+=("$2"); shift 2 ;; *) break ;; esac
    done
    shift; cd "$FAKE_HOME" && exec env "${env[@]}" HOME="$FAKE_HOME" "$@" ;;
  rm) ;;
esac
"""


def test_container_terminals_run_through_the_engine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site(
        tmp_path / "site",
        {
            "01-a.md": """\
            `cd sub 2>/dev/null || mkdir sub && cd sub`{{execute}}

            <pre class="file" data-filename="sub/a.txt">hello</pre>

            `grep -q hello a.txt && test "$TERM" = dumb`{{execute}}
            """
        },
    )
    bin_dir, home = tmp_path / "bin", tmp_path / "container-home"
    bin_dir.mkdir()
    home.mkdir()
    engine = bin_dir / "docker"
    engine.write_text(FAKE_ENGINE, encoding="utf-8")
    engine.chmod(engine.stat().st_mode | stat.S_IXUSR)
    log = tmp_path / "engine.log"
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_LOG", str(log))
    monkeypatch.setenv("FAKE_HOME", str(home))
    try:
        run = run_check(root, [*FAST, "--container", "debian:12"], capsys)
    finally:
        for leftover in Path("/tmp").glob(".stepwise-check-*"):
            shutil.rmtree(leftover, ignore_errors=True)
    assert run.code == 0, run.out
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls[0].startswith("run -d --rm --init --entrypoint sleep debian:12 infinity")
    assert any(call.startswith("exec -it") and "bash --noprofile" in call for call in calls)
    assert calls[-1] == "rm -f fake-container"
    assert (home / "sub" / "a.txt").read_text(encoding="utf-8") == "hello\n"


def test_drafts_are_left_out_unless_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(
        tmp_path / "site",
        {
            "01-a.md": "---\ntitle: Published\nweight: 1\n---\n\n`true`{{execute}}\n",
            "02-b.md": "---\ntitle: Unfinished\nweight: 2\ndraft: true\n---\n\n"
            "`false`{{execute}}\n",
        },
    )
    run = run_check(root, FAST, capsys)
    assert run.code == 0, run.out
    assert "Unfinished" not in run.out
    run = run_check(root, [*FAST, "--drafts"], capsys)
    assert run.code == 1
    assert "  failed  part 2: Unfinished (exit code 1)" in run.out
    assert "  at docs/demo/02-b.md:7" in run.out


def test_a_mistake_in_check_front_matter_fails_the_part_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(
        tmp_path / "site",
        {"01-a.md": "---\ntitle: A\ncheck: {setup: [1, 2]}\n---\n\n`true`{{execute}}\n"},
    )
    run = run_check(root, FAST, capsys)
    assert run.code == 1
    assert "`check.setup` must be a list of shell commands (strings)" in run.out
    assert "  at docs/demo/01-a.md" in run.out


def test_list_shows_what_would_run_and_where_without_running_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_fixture(tmp_path / "site")
    run = run_check(root, ["--list", "workshop"], capsys)
    assert run.code == 0
    lines = run.out.splitlines()
    assert lines[0] == "Workshop (workshop, 4 parts)"
    assert lines[1:9] == [
        "  part 1: Files and folders (docs/workshop/01-files.md)",
        "    :9      T1    mkdir -p project && cd project",
        "    :12     T1    export GREETING=hello",
        "    :16     file replace project/notes.txt",
        "    :20     file insert project/notes.txt at #MORE",
        "    :22     file append project/notes.txt",
        '    :25     T1    test "$(cat notes.txt)" = '
        "\"$(printf 'first line\\nsecond line\\nlast line')\"",
        "  part 2: Two terminals (docs/workshop/02-terminals.md)",
    ]
    assert "    :13     T2    tail -f ~/project/app.log [keeps running]" in lines
    assert "    :25     T2    sleep 600 [Ctrl+C first, keeps running]" in lines
    assert "    :30     T2    keys ^C" in lines
    assert '    setup   T1    test -d "$HOME/project"' in lines
    assert "ls /definitely/not/here" not in run.out  # marked no-check
    assert not list(root.glob("**/stepwise-check-*"))


def test_a_shell_that_exits_is_reported_not_waited_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(tmp_path / "site", {"01-a.md": "`exit`{{execute}}\n"})
    run = run_check(root, FAST, capsys)
    assert run.code == 1
    assert "the shell of terminal T1 ended (an `exit`?)" in run.out


def test_a_katacoda_verify_script_must_say_done(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = """\
    {"title": "Katacoda", "details": {"steps": [
        {"title": "One", "text": "step1.md", "verify": "step1-verify.sh"},
        {"title": "Two", "text": "step2.md", "verify": "step2-verify.sh"}]}}
    """
    root = make_site(
        tmp_path / "site",
        {
            "index.json": index,
            "step1.md": "`touch one`{{execute}}\n",
            "step1-verify.sh": '[ -f ~/one ] && echo "done"\n',
            "step2.md": "`touch two`{{execute}}\n",
            "step2-verify.sh": '[ -f ~/three ] && echo "done"\ntrue\n',
        },
    )
    run = run_check(root, FAST, capsys)
    assert run.code == 1
    assert "  passed  part 1: One" in run.out
    assert "  failed  part 2: Two (the verify script did not print `done`)" in run.out
    assert "  at docs/demo/step2-verify.sh" in run.out
