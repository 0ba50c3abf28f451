"""A series' downloadable shell script: what it holds, what it leaves out, and that it runs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from mkdocs_stepwise.series_script import (
    ScriptCommand,
    ScriptPart,
    command_from_classes,
    leave_out_reason,
    script_path,
    series_script,
    shell_lines,
    unset_variable,
)

BASH = shutil.which("bash") or "bash"


def run(text: str) -> ScriptCommand:
    return ScriptCommand(text)


def test_script_lists_commands_part_by_part():
    script = series_script(
        "Python\nisolation",
        "https://x.test/py/",
        [
            ScriptPart(1, "Install", "https://x.test/py/a/", [run("pip install x"), run("ls")]),
            ScriptPart(2, "No commands", "https://x.test/py/b/", []),
            ScriptPart(3, "Evil\ntitle rm -rf /", "https://x.test/py/c/", [run("echo hi")]),
        ],
    )
    assert script == (
        "#!/usr/bin/env bash\n"
        "# Python isolation: every command of the series, in order.\n"
        "# From https://x.test/py/\n"
        "# Read it before you run it: the tutorial explains what each command does.\n"
        "# Commands for other terminals, and commands that run until you stop them, are\n"
        "# comments: run them by hand, in another terminal, when the tutorial says so.\n"
        "set -euo pipefail\n"
        "\n"
        "# Part 1: Install\n"
        "# https://x.test/py/a/\n"
        "pip install x\n"
        "ls\n"
        "\n"
        "# Part 3: Evil title rm -rf /\n"
        "# https://x.test/py/c/\n"
        "echo hi\n"
    )


def test_no_commands_no_script():
    assert series_script("T", "u", [ScriptPart(1, "A", "u", [])]) == ""


def test_script_path_sits_next_to_the_landing_page():
    assert script_path("py/index.html", "python") == "py/python.sh"
    assert script_path("series/x/index.html", "x") == "series/x/x.sh"


def test_marker_classes_are_read_back():
    classes = ["stepwise-execute", "stepwise-terminal-2", "stepwise-host-3", "stepwise-interrupt"]
    assert command_from_classes("ls", classes) == ScriptCommand("ls", 2, 3, interrupt=True)
    assert command_from_classes("^C", ["stepwise-execute", "stepwise-ctrl-seq"]).keystroke


@pytest.mark.parametrize(
    ("command", "reason"),
    [
        (ScriptCommand("tail -f x.log", terminal=2), "runs it in terminal 2"),
        (ScriptCommand("ls", host=2), "on host 2"),
        (ScriptCommand("^C", keystroke=True), "presses these keys"),
        (run("oc get pods -w"), "watches"),
        (run("kubectl get deploy --watch"), "watches"),
        (run("kubectl get pods \\\n  -w"), "watches"),
        (run("npm run build -- --watch"), "watches"),
        (run("tail -f /var/log/syslog"), "follows"),
        (run("kubectl logs -f deploy/web"), "follows"),
        (run("docker logs --follow web"), "follows"),
        (run("journalctl -fu kubelet"), "follows"),
        (run("while true; do curl localhost; sleep 1; done"), "loops"),
        (run("while :\ndo date\ndone"), "loops"),
        (run("watch kubectl get pods"), "repeats"),
        (run("kubectl port-forward svc/web 8080:80"), "forwards"),
        (run("istioctl dashboard --address=0.0.0.0 kiali"), "dashboard"),
        (run("docker compose up --build"), "foreground"),
        (run("docker run -p 80:80 nginx:alpine"), "serves in the foreground"),
        (run("docker run --rm -it -p 8080:80 web"), "foreground"),
        (run("docker run -it ubuntu bash"), "interactive"),
        (run("kubectl exec -ti web -- sh"), "interactive"),
        (run("vi app.yaml"), "waits for you"),
        (run('grep -q x <<<"$TEXT"\nwhile true; do sleep 1; done'), "loops"),
    ],
)
def test_commands_that_would_hold_the_script_up_are_left_out(command, reason):
    found = leave_out_reason(command)
    assert found is not None and reason in found


@pytest.mark.parametrize(
    "command",
    [
        ScriptCommand("oc get routes", terminal=1, interrupt=True),
        run("grep -w word file.txt"),
        run("kubectl port-forward svc/web 8080:80 > /dev/null 2>&1 &"),
        run("tail -n 20 app.log"),
        run("cat <<EOF > loop.sh\nwhile true; do date; done\nEOF"),
        run("cat <<-'END' > watch.sh\n\tkubectl get pods -w\n\tEND\nchmod +x watch.sh"),
        run("ls -la"),
        run("docker-compose up -d"),
        run("docker compose up --build -d"),
        run("docker run -d -p 80:80 nginx:alpine"),
        run("docker run --name web -dp 80:80 nginx"),
        run("docker run --rm alpine echo hi"),
    ],
)
def test_ordinary_commands_run(command):
    assert leave_out_reason(command) is None


def test_shell_lines_join_continuations_and_skip_heredocs():
    text = "a \\\n  b\ncat <<EOF\nwhile true\nEOF\nc"
    assert shell_lines(text) == ["a    b", "cat <<EOF", "c"]


@pytest.mark.parametrize(
    ("commands", "unset"),
    [
        (["echo $HOME $PATH $? $# $@"], None),
        (["export NAME=web", "echo $NAME ${NAME}"], None),
        (["NAME=web kubectl get pod", "echo $NAME"], None),
        (["for f in *.txt; do echo $f; done"], None),
        (["read -r ANSWER", "echo $ANSWER"], None),
        (["echo ${MISSING:-default} ${OTHER-x}"], None),
        (["echo '$LITERAL'"], None),
        (["echo $KUBECONFIG"], "KUBECONFIG"),
        (["echo ${TOKEN}", "TOKEN=1"], "TOKEN"),
        (["echo $1"], "1"),
    ],
)
def test_unset_variable(commands, unset):
    assert unset_variable(commands) == unset


def test_set_u_only_when_every_variable_is_set_first():
    part = ScriptPart(1, "A", "u", [run("echo $KUBECONFIG")])
    script = series_script("T", "u", [part])
    assert "# Not `set -u`: a command reads $KUBECONFIG, which no earlier command sets.\n" in script
    assert "\nset -eo pipefail\n" in script


def test_left_out_commands_stay_comments_line_by_line():
    script = series_script(
        "T",
        "u",
        [
            ScriptPart(
                1,
                "A",
                "u",
                [
                    ScriptCommand("while true\ndo\n  rm -rf /tmp/x\ndone"),
                    ScriptCommand("echo after", interrupt=True),
                ],
            )
        ],
    )
    body = script.split("# Part 1: A\n# u\n")[1]
    assert body == (
        "# Left out: it loops until you press Ctrl+C:\n"
        "#   while true\n"
        "#   do\n"
        "#     rm -rf /tmp/x\n"
        "#   done\n"
        "# The tutorial presses Ctrl+C first; here nothing runs that needs it.\n"
        "echo after\n"
    )


# --- It runs ------------------------------------------------------------------------------------

needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")


@needs_bash
def test_a_generated_script_runs_to_its_end(tmp_path: Path):
    """Watchers, a second terminal and interrupts in the tutorial; the script still ends."""
    commands = [
        run("mkdir -p demo && cd demo"),
        run("printf 'export GREETING=hello\\n' > env.sh"),
        run("source env.sh"),  # bash, not dash: `source` works
        run('if [[ $GREETING == hello ]]; then echo "$GREETING" > out.txt; fi'),
        run("tail -f out.txt"),
        ScriptCommand("while true; do date; sleep 1; done", terminal=2),
        ScriptCommand("^C", keystroke=True),
        ScriptCommand("echo stopped >> out.txt", interrupt=True),
        run("cat <<'EOF' > loop.sh\nwhile true; do sleep 1; done\nEOF"),
        run("sleep 30 &\nkill $!"),
        run("echo done >> out.txt"),
    ]
    script = series_script("Demo", "https://x.test/demo/", [ScriptPart(1, "All", "u", commands)])
    path = tmp_path / "demo.sh"
    path.write_text(script, encoding="utf-8")
    path.chmod(0o755)
    subprocess.run([BASH, "-n", str(path)], check=True)
    result = subprocess.run(
        [str(path)], cwd=tmp_path, capture_output=True, text=True, timeout=20, check=False
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "demo" / "out.txt").read_text() == "hello\nstopped\ndone\n"
    assert (tmp_path / "demo" / "loop.sh").exists()


@needs_bash
def test_a_failing_command_stops_the_script(tmp_path: Path):
    commands = [run("false"), run("echo never > never.txt")]
    path = tmp_path / "fail.sh"
    path.write_text(series_script("F", "u", [ScriptPart(1, "A", "u", commands)]))
    result = subprocess.run([BASH, str(path)], cwd=tmp_path, check=False, timeout=20)
    assert result.returncode != 0
    assert not (tmp_path / "never.txt").exists()


def test_placeholders_are_explained_and_empty_commands_dropped():
    commands = [
        run("curl http://[[HOST_IP]]:8080/ [[HOST_IP]] {{TRAFFIC_HOST1_3000}}"),
        run(""),
        run("\n"),
    ]
    script = series_script("T", "u", [ScriptPart(1, "A", "u", commands)])
    assert script.split("# Part 1: A\n# u\n")[1] == (
        "# Fill in [[HOST_IP]] yourself: Katacoda filled this in with the host's IP address.\n"
        "# Fill in {{TRAFFIC_HOST1_3000}} yourself: "
        "Killercoda filled this in with the address of port 3000.\n"
        "curl http://[[HOST_IP]]:8080/ [[HOST_IP]] {{TRAFFIC_HOST1_3000}}\n"
    )


@needs_bash
def test_a_placeholder_spread_over_lines_stays_inside_its_comment(tmp_path: Path):
    """`{{\nTRAFFIC_…\n}}` is one placeholder; its explanation must not leak lines to bash."""
    command = run("cat <<EOF > out.txt\n{{\nTRAFFIC_HOST1_80\n}}\nEOF")
    script = series_script("T", "u", [ScriptPart(1, "A", "u", [command, run("touch ran")])])
    assert "# Fill in {{ TRAFFIC_HOST1_80 }} yourself: " in script
    path = tmp_path / "t.sh"
    path.write_text(script, encoding="utf-8")
    result = subprocess.run(
        [BASH, str(path)], cwd=tmp_path, check=False, timeout=20, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "ran").exists()


@pytest.mark.parametrize(
    "command",
    [
        "read " + "-a " * 40 + "!",  # was exponential: each `-a` an option or an argument
        "tail " * 20_000,  # was quadratic: a `.*` scan from every `tail`
        "tail -" + "f" * 50_000 + "!",
        "docker run -" + "d" * 50_000 + "!",
        " x[" * 30_000,  # an unclosed subscript after every word
    ],
)
def test_hostile_command_lines_are_read_in_linear_time(command):
    """Without the fix each of these takes minutes or more; now the suite just moves on."""
    assert leave_out_reason(run(command)) is None
    unset_variable([command])
