"""`stepwise check`'s pure parts: steps from the build's records, source lines, `check:` front
matter, watchers, file blocks, the `no-check` marker, and the report's JUnit XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown
import pytest

from mkdocs_stepwise.check.plan import (
    LOOKAHEAD,
    CheckOptions,
    Part,
    SeriesPlan,
    Step,
    apply_options,
    check_options,
    is_watcher,
    locate_lines,
    steps_from_records,
)
from mkdocs_stepwise.check.report import clean_output, junit, summary
from mkdocs_stepwise.check.runner import FAILED, PASSED, SKIPPED, Failure, PartResult, SeriesResult
from mkdocs_stepwise.check.sandbox import apply_file_block
from mkdocs_stepwise.execute.commands import Command, CommandReader, FileBlock
from mkdocs_stepwise.execute.markers import Action, Marker, parse_marker


def records(source: str) -> list[Command | FileBlock]:
    html = markdown.markdown(
        source, extensions=["pymdownx.superfences", "md_in_html", "stepwise.execute"]
    )
    reader = CommandReader()
    reader.feed(html)
    reader.close()
    return list(reader.records)


PAGE = """\
Intro: first run `ls -l` to look around.

```
ls -l
```{{execute}}

Then `cd project`{{execute T2}} and `^C`{{execute ctrl-seq T2}}.

```
sleep 5
```{{execute HOST2 interrupt}}

`echo skipped`{{execute no-check}} and `copied`{{copy}}.

<pre class="file" data-filename="app/x.txt" data-target="append">
one &amp; two
</pre>

<pre class="file" data-target="clipboard">just copy</pre>
"""


def test_the_build_records_become_the_readers_steps_in_order() -> None:
    steps, skipped = steps_from_records(records(PAGE))
    assert [(s.kind, s.text, s.terminal, s.interrupt) for s in steps] == [
        ("command", "ls -l", "T1", False),
        ("command", "cd project", "T2", False),
        ("keys", "^C", "T2", False),
        ("command", "sleep 5", "HOST2", True),
        ("file", "one & two", "T1", False),
    ]
    assert skipped == 1
    assert steps[2].is_interrupt and steps[3].is_interrupt and not steps[0].is_interrupt
    assert steps[4].file == FileBlock("app/x.txt", "append", None, "one & two")


def test_each_step_gets_the_line_it_is_written_on_not_a_mention_in_the_prose() -> None:
    steps, _ = steps_from_records(records(PAGE))
    located = locate_lines(PAGE, steps)
    assert [step.line for step in located] == [4, 7, 7, 10, 15]


def test_a_command_the_source_does_not_hold_verbatim_keeps_no_line() -> None:
    located = locate_lines("nothing here\n", [Step("command", "make it")])
    assert located[0].line is None


def test_locating_looks_a_bounded_way_ahead() -> None:
    # Each search ends LOOKAHEAD lines on: a page of commands that are not in its source costs
    # lines x LOOKAHEAD, not lines x commands.
    source = "`a`{{execute}}\n" + "prose\n" * LOOKAHEAD + "`b`{{execute}}\n"
    located = locate_lines(source, [Step("command", "a"), Step("command", "b")])
    assert [step.line for step in located] == [1, None]
    near = locate_lines("`a`{{execute}}\n" + "prose\n" * 10 + "`b`{{execute}}\n", located)
    assert [step.line for step in near] == [1, 12]


def test_no_check_is_a_marker_flag_with_a_class_and_no_visible_note() -> None:
    parsed = parse_marker("{{execute T1 no-check}}")
    assert parsed is not None and not parsed.ignored
    assert parsed.marker == Marker(Action.EXECUTE, terminal=1, no_check=True)
    html = markdown.markdown(
        "```\nrm -rf build\n```{{execute T1 no-check}}\n\nRun `make`{{exec no-check}}.\n",
        extensions=["pymdownx.superfences", "stepwise.execute"],
    )
    assert html == (
        '<div class="stepwise-execute stepwise-terminal-1 stepwise-no-check no-copy highlight">'
        "<pre><span></span><code>rm -rf build\n</code></pre></div>\n"
        '<p>Run <code class="stepwise-execute stepwise-no-check">make</code>.</p>'
    )


@pytest.mark.parametrize(
    "marker",
    [
        "{{execute}}",
        "{{execute T2 interrupt}}",
        "{{exec HOST2 no-check}}",
        "{{execute ctrl-seq}}",
        "{{execute T3 no-newline}}",
        "{{copy}}",
        "{{open}}",
        "{{}}",
    ],
)
def test_a_marker_is_read_back_from_its_classes(marker: str) -> None:
    """The checker and the series script read a command's marker back from the page's classes
    in one place, which must give back what the marker said (SuperFences adds `no-copy`)."""
    parsed = parse_marker(marker)
    assert parsed is not None
    classes = [*parsed.marker.css_classes(), "no-copy", "highlight"]
    assert Marker.from_classes(classes) == parsed.marker
    assert Marker.from_classes(["language-bash", "highlight"]) is None


@pytest.mark.parametrize(
    ("command", "watches"),
    [
        ("kubectl get pods -w", True),
        ("kubectl get pods --watch", True),
        ("watch -n1 date", True),
        ("tail -f /var/log/syslog", True),
        ("sudo tail -F app.log", True),
        ("docker logs -f web", True),
        ("journalctl -u nginx -f", True),
        ("npm run build -- --watch=true", True),
        ("grep -w word file", False),
        ("wc -w notes.txt", False),
        ("docker run -w /app image", False),
        ("rm -f app.log", False),
        ("tail -n 5 app.log", False),
        ("echo -f", False),
        # The series script's rules (one detector for both): these keep running too,
        ("kubectl port-forward svc/web 8080:80", True),
        ("while true; do date; sleep 1; done", True),
        ("docker run -p 8080:80 nginx", True),
        # and these do not: a job in the background, `ping`'s deadline, a heredoc's text.
        ("tail -f app.log &", False),
        ("ping -w 5 example.com", False),
        ("cat <<EOF > loop.sh\nwhile true; do date; done\nEOF", False),
    ],
)
def test_watchers(command: str, watches: bool) -> None:
    assert is_watcher(command) is watches


def test_check_front_matter() -> None:
    assert check_options({}) == CheckOptions()
    assert check_options({"check": False}).skip_part
    assert check_options({"Check": {"skip": True}}).skip_part
    options = check_options({"check": {"setup": "apt-get install -y jq", "skip": [2, "curl "]}})
    assert options == CheckOptions(("apt-get install -y jq",), False, (2, "curl "))
    steps = [Step("command", "a"), Step("file", "x"), Step("command", "b")]
    steps.append(Step("command", "curl x"))
    kept = apply_options(steps, options)
    assert [(s.text, s.hidden) for s in kept] == [
        ("apt-get install -y jq", True),
        ("a", False),
        ("x", False),
    ]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("yes", "must be a mapping"),
        ({"setup": [1]}, "list of shell commands"),
        ({"skip": "all"}, "must be true, or a list"),
        ({"skip": [None]}, "holds None"),
        ({"setpu": []}, "unknown `check` keys: setpu"),
    ],
)
def test_bad_check_front_matter_is_named(value: object, problem: str) -> None:
    assert any(problem in text for text in check_options({"check": value}).problems)


def test_file_blocks_write_append_prepend_and_insert() -> None:
    def block(target: str, text: str, marker: str | None = None) -> FileBlock:
        return FileBlock("f.txt", target, marker, text)

    assert apply_file_block("old\n", block("replace", "new")) == "new\n"
    assert apply_file_block(None, block("append", "b")) == "b\n"
    assert apply_file_block("a", block("append", "b")) == "a\nb\n"
    assert apply_file_block("b\n", block("prepend", "a")) == "a\nb\n"
    assert apply_file_block("a\n#HERE\nc\n", block("insert", "b", "#HERE")) == "a\nb\nc\n"
    assert apply_file_block(None, block("insert", "new")) == "new\n"  # no marker: at the end
    with pytest.raises(ValueError, match="no '#GONE' to insert at"):
        apply_file_block("a\n", block("insert", "b", "#GONE"))


def test_output_is_shown_as_a_terminal_shows_it() -> None:
    raw = "\x1b[32mgreen\x1b[0m\nprogress 10%\rprogress 100%\r\n\x1b]0;title\x07ding\n\n"
    assert clean_output(raw) == ["green", "progress 100%", "ding"]


def _results() -> list[SeriesResult]:
    title = 'Tabs & <tags> "quoted"'
    parts = [
        Part(1, "One", "s/1.md", "docs/s/1.md", "s/1/"),
        Part(2, "Two \x1b[31m<b>", "s/2.md", "docs/s/2.md", "s/2/"),
        Part(3, "Three", "s/3.md", "docs/s/3.md", "s/3/"),
    ]
    step = Step("command", "test 1 -lt 0 && echo '<done>'", line=12)
    failure = Failure("exit code 1", step, 1, "bad \x00 bytes \x07 & <stuff>\n", "docs/s/2.md:12")
    return [
        SeriesResult(
            SeriesPlan(title, "tabs", "s", "s/index.md", "s/", parts),
            [
                PartResult(parts[0], PASSED, seconds=0.5),
                PartResult(parts[1], FAILED, "exit code 1", 0.2, failure),
                PartResult(parts[2], SKIPPED, "part 2 failed"),
            ],
        )
    ]


def test_junit_is_valid_escaped_xml() -> None:
    root = ET.fromstring(junit(_results()))
    suite = root.find("testsuite")
    assert suite is not None
    assert suite.get("name") == 'Tabs & <tags> "quoted"'
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("3", "1", "1")
    cases = suite.findall("testcase")
    failure = cases[1].find("failure")
    assert failure is not None and failure.text is not None
    assert "docs/s/2.md:12" in failure.text
    assert "test 1 -lt 0 && echo '<done>'" in failure.text
    assert "bad \ufffd bytes \ufffd & <stuff>" in failure.text
    skipped = cases[2].find("skipped")
    assert skipped is not None and skipped.get("message") == "part 2 failed"


def test_summary_names_the_part_the_page_line_command_and_output() -> None:
    text = summary(_results())
    assert "  failed  part 2: Two <b> (exit code 1)\n" in text  # no colour code
    assert "  skipped part 3: Three (part 2 failed)" in text
    assert "at docs/s/2.md:12" in text
    assert "    test 1 -lt 0 && echo '<done>'" in text
    assert "exit code 1" in text
    assert "    | bad \ufffd bytes \ufffd & <stuff>" in text
    assert text.endswith("1 passed, 1 failed, 1 skipped\n")
