"""The downloadable shell script of a series."""

from __future__ import annotations

from mkdocs_stepwise.series_script import ScriptPart, script_path, series_script


def test_script_lists_commands_part_by_part():
    script = series_script(
        "Python\nisolation",
        "https://x.test/py/",
        [
            ScriptPart(1, "Install", "https://x.test/py/a/", ["pip install x", "ls"]),
            ScriptPart(2, "No commands", "https://x.test/py/b/", []),
            ScriptPart(3, "Evil\ntitle rm -rf /", "https://x.test/py/c/", ["echo hi"]),
        ],
    )
    assert script == (
        "#!/bin/sh\n"
        "# Python isolation: every command of the series, in order.\n"
        "# From https://x.test/py/\n"
        "# Read it before you run it: the tutorial explains what each command does.\n"
        "set -e\n"
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
