"""Katacoda and Killercoda scenario folders: reading `index.json`, and real builds of both."""

from __future__ import annotations

import json
import logging

import pytest

from mkdocs_stepwise.scenarios.index_json import (
    describe_time,
    discover,
    parse_minutes,
    read_scenario,
)
from mkdocs_stepwise.scenarios.pages import asset_urls, details_with_markdown, rewrite_lines

# --- Fixtures: one scenario in each dialect, written the way real repositories write them. ------

KATACODA_INDEX = {
    "title": "Docker basics",
    "description": "Run your first container",
    "difficulty": "Beginner",
    "time": "15",
    "details": {
        "intro": {"text": "intro.md"},
        "steps": [
            {"title": "Pull an image", "text": "01-pull.md", "time": "5 minutes"},
            {"title": "Run it", "text": "02-run.md", "verify": "02-verify.sh"},
            {"title": "Clean up", "text": "03-clean.md", "answer": "03-answer.md"},
        ],
        "finish": {"text": "finish.md"},
    },
    "environment": {"uilayout": "terminal"},
    "backend": {"imageid": "docker"},
}

KATACODA = {
    "docker/index.json": json.dumps(KATACODA_INDEX, indent=2),
    "docker/intro.md": "Welcome! ![logo](./assets/logo.png)\n",
    "docker/assets/logo.png": b"\x89PNG\r\n\x1a\n",
    "docker/01-pull.md": "Pull it: `docker pull nginx`{{execute}}\n",
    "docker/02-run.md": "Open https://[[HOST_SUBDOMAIN]]-80-[[KATACODA_HOST]].example/\n",
    "docker/02-verify.sh": 'docker ps | grep -q nginx && echo "done"\n',
    "docker/03-clean.md": "Remove the container.\n",
    "docker/03-answer.md": "Run `docker rm -f web`.\n",
    "docker/finish.md": "",
}

KILLERCODA_INDEX = {
    "title": "Kubernetes pods",
    "description": "Create and delete a pod",
    "details": {
        "intro": {"text": "intro/text.md", "background": "intro/background.sh"},
        "steps": [
            {"title": "Create a pod", "text": "step1/text.md", "verify": "step1/verify.sh"},
            {"text": "step2/text.md", "foreground": "step2/foreground.sh"},
        ],
        "finish": {"text": "finish/text.md"},
    },
    "backend": {"imageid": "kubernetes-kubeadm-1node"},
}

KILLERCODA = {
    "pods/index.json": json.dumps(KILLERCODA_INDEX),
    "pods/intro/text.md": "Pods are the smallest unit.\n",
    "pods/intro/background.sh": "sleep 1\n",
    "pods/step1/text.md": (
        "![diagram](./assets/pod.svg)\n\n```\nkubectl run web --image=nginx\n```{{exec}}\n"
    ),
    "pods/assets/pod.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    "pods/step1/verify.sh": "kubectl get pod web\n",
    "pods/step2/text.md": (
        "Delete it.\n\n<details><summary>Solution</summary>\n\n"
        "```\nkubectl delete pod web\n```{{exec}}\n\n</details>\n"
    ),
    "pods/finish/text.md": "# Well done\n\nYou made it.\n",
}

HOME = {"index.md": "# Home\n"}


def _read(files: dict[str, str | bytes]):
    def read(uri: str) -> str:
        content = files[uri]
        return content if isinstance(content, str) else content.decode()

    return read


# --- Pure reading of index.json --------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "minutes"),
    [
        ("30 minutes", 30),
        ("10", 10),
        (10, 10),
        ("1 hour", 60),
        ("2 hrs", 120),
        ("15-20 min", 20),
        ("about 5 minutes", 5),
        ("soon", None),
        ("", None),
        (True, None),
        (None, None),
        (0, None),
    ],
)
def test_parse_minutes(value, minutes):
    assert parse_minutes(value) == minutes


@pytest.mark.parametrize(
    ("value", "shown"),
    [("10", "10 minutes"), ("1", "1 minute"), ("30 minutes", "30 minutes"), (15, "15 minutes")],
)
def test_describe_time(value, shown):
    assert describe_time(value) == shown


def test_katacoda_scenario_is_read_in_index_order():
    scenario = read_scenario("docker", KATACODA["docker/index.json"], KATACODA)
    assert scenario is not None
    assert (scenario.title, scenario.difficulty, scenario.time) == (
        "Docker basics",
        "Beginner",
        "15 minutes",
    )
    assert scenario.intro is not None and scenario.intro.src_uri == "docker/intro.md"
    assert [(s.src_uri, s.title, s.minutes) for s in scenario.steps] == [
        ("docker/01-pull.md", "Pull an image", 5),
        ("docker/02-run.md", "Run it", None),
        ("docker/03-clean.md", "Clean up", None),
    ]
    assert scenario.steps[1].verify == "docker/02-verify.sh"
    assert scenario.steps[2].answer == "docker/03-answer.md"
    assert scenario.finish is not None and scenario.finish.src_uri == "docker/finish.md"
    assert scenario.problems == []


def test_killercoda_scripts_are_found_and_missing_ones_only_noted():
    scenario = read_scenario("pods", KILLERCODA["pods/index.json"], KILLERCODA)
    assert scenario is not None
    assert dict(scenario.steps[0].scripts) == {"verify": "pods/step1/verify.sh"}
    assert scenario.intro is not None
    assert dict(scenario.intro.scripts) == {"background": "pods/intro/background.sh"}
    assert scenario.problems == []
    assert [p.message for _, p in scenario.notes] == [
        "the foreground script 'step2/foreground.sh' of step 2 does not exist"
    ]


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        (
            [{"title": "A", "text": "a.md"}, {"title": "Gone", "text": "gone.md"}],
            "step 2 ('Gone') names 'gone.md', which does not exist; it is left out",
        ),
        (
            [{"title": "A", "text": "a.md"}, {"title": "Again", "text": "a.md"}],
            "step 2 ('Again') repeats 'a.md', already used by step 1 ('A'); it is left out",
        ),
        (
            [{"title": "A", "text": "a.md"}, {"title": "No text"}],
            "step 2 ('No text') names no \"text\" file; it is left out",
        ),
        (
            [{"title": "A", "text": "a.md"}, {"title": "Out", "text": "../../etc/passwd.md"}],
            "step 2 ('Out') names '../../etc/passwd.md', "
            "which is not a Markdown file in the scenario",
        ),
        (
            [{"title": "A", "text": "a.md"}, "b.md"],
            'step 2 is not an object with a "text" file; it is left out',
        ),
    ],
)
def test_broken_steps_are_reported_and_left_out(steps, message):
    text = json.dumps({"title": "T", "details": {"steps": steps}})
    scenario = read_scenario("s", text, {"s/index.json", "s/a.md"})
    assert scenario is not None
    assert [(uri, p.message) for uri, p in scenario.problems] == [("s/index.json", message)]
    assert [step.src_uri for step in scenario.steps] == ["s/a.md"]


def test_invalid_json_is_reported_with_its_line():
    text = '{\n  "title": "T",\n  "details": {"steps": [}\n}\n'
    scenario = read_scenario("s", text, {"s/index.json"})
    assert scenario is not None and scenario.steps == []
    ((uri, problem),) = scenario.problems
    assert uri == "s/index.json"
    assert problem.line == 3
    assert problem.message.startswith("is not valid JSON (")


def test_other_json_files_named_index_are_not_scenarios():
    assert read_scenario("api", '{"items": []}', {"api/index.json"}) is None
    assert read_scenario("api", "[1, 2]", {"api/index.json"}) is None


def test_discover_finds_both_dialects():
    files = {**KATACODA, **KILLERCODA, **HOME}
    found = discover(files, _read(files))
    assert [s.folder for s in found] == ["docker", "pods"]


# --- Pure page additions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<details><summary>Tip</summary>", '<details markdown="1"><summary>Tip</summary>'),
        ('<details open class="x">', '<details open class="x" markdown="1">'),
        ('<details markdown="block">', '<details markdown="block">'),
        ("no details here", "no details here"),
    ],
)
def test_details_get_markdown(line, expected):
    assert details_with_markdown(line) == expected


def test_rewrites_skip_fenced_code():
    markdown = "<details>\n```\n<details>\n```\n<details>"
    assert rewrite_lines(markdown, details_with_markdown) == (
        '<details markdown="1">\n```\n<details>\n```\n<details markdown="1">'
    )


@pytest.mark.parametrize(
    ("line", "page_dir", "expected"),
    [
        ("![d](./assets/pod.svg)", "pods/step1", "![d](../assets/pod.svg)"),
        ("![d](assets/pod.svg)", "pods/step1", "![d](../assets/pod.svg)"),
        ("![d](/assets/pod.svg)", "pods", "![d](assets/pod.svg)"),
        ('<img src="/assets/pod.svg">', "pods/step1", '<img src="../assets/pod.svg">'),
        ("![d](./assets/pod.svg)", "pods", "![d](./assets/pod.svg)"),
        ("![d](./assets/missing.svg)", "pods/step1", "![d](./assets/missing.svg)"),
        (
            "[site](https://example.com/assets/x)",
            "pods/step1",
            "[site](https://example.com/assets/x)",
        ),
    ],
)
def test_asset_urls_resolve_from_the_scenario_folder(line, page_dir, expected):
    existing = frozenset({"pods/assets/pod.svg"})
    assert asset_urls(line, page_dir, "pods", existing) == expected


# --- Real builds --------------------------------------------------------------------------------


def _part_titles(site, landing: str) -> list[str]:
    soup = site.html(landing)
    return [t.get_text(strip=True) for t in soup.select(".stepwise-parts .stepwise-part__title")]


def test_katacoda_scenario_builds_as_a_series(build):
    site = build({**HOME, **KATACODA})
    # The intro is the landing page, at the scenario folder's URL.
    landing = site.html("docker/")
    assert landing.select_one("h1").get_text() == "Docker basics"
    assert "Welcome!" in landing.select_one("article").get_text()
    assert landing.select_one('img[alt="logo"]')["src"] == "assets/logo.png"
    assert _part_titles(site, "docker/") == ["Pull an image", "Run it", "Clean up", "Finish"]
    facts = landing.select_one(".stepwise-facts").get_text(" ", strip=True)
    assert "Difficulty: Beginner" in facts
    assert "Time: 15 minutes" in facts
    times = [t.get_text() for t in landing.select(".stepwise-part__time")]
    assert times[0] == "5 min"
    assert times[1].endswith("min read")
    assert [li["data-stepwise-part"] for li in landing.select("li.stepwise-part")] == [
        "docker/01-pull/",
        "docker/02-run/",
        "docker/03-clean/",
        "docker/finish/",
    ]
    assert not site.exists("docker/intro/index.html")
    assert not site.exists("docker/03-answer/index.html")

    step = site.html("docker/01-pull/")
    assert step.select_one("title").get_text().startswith("Pull an image")
    assert step.select_one(".stepwise-series__part").get_text() == "Part 1 of 4"

    run = site.html("docker/02-run/")
    verify = run.select_one("details.stepwise-verify")
    assert verify.select_one("summary").get_text() == "Check your work"
    assert verify.select_one("pre code").get_text() == 'docker ps | grep -q nginx && echo "done"'
    placeholders = [v.get_text() for v in run.select("var.stepwise-placeholder")]
    assert placeholders == ["HOST_SUBDOMAIN", "KATACODA_HOST"]

    clean = site.html("docker/03-clean/")
    solution = clean.select_one("details.stepwise-solution")
    assert solution.select_one("summary").get_text() == "Solution"
    assert solution.select_one("p code").get_text() == "docker rm -f web"

    finish = site.html("docker/finish/")
    assert "end of this scenario" in finish.select_one("article").get_text()


def test_killercoda_scenario_builds_as_a_series(build):
    site = build({**HOME, **KILLERCODA})
    landing = site.html("pods/")
    assert landing.select_one("h1").get_text() == "Kubernetes pods"
    assert _part_titles(site, "pods/") == ["Create a pod", "Step 2", "Well done"]
    # No difficulty or time in index.json: no facts line.
    assert landing.select_one(".stepwise-facts") is None
    # `step1/text.md` is served at `step1/`, and `./assets/` means the scenario's folder.
    step1 = site.html("pods/step1/")
    assert step1.select_one('img[alt="diagram"]')["src"] == "../assets/pod.svg"
    assert step1.select_one("details.stepwise-verify pre code").get_text() == (
        "kubectl get pod web"
    )
    # The solution's fenced block is rendered, not printed as Markdown source.
    step2 = site.html("pods/step2/")
    solution = step2.select_one("article > details")
    assert solution.select_one("summary").get_text() == "Solution"
    assert solution.select_one("pre code").get_text().strip() == "kubectl delete pod web"
    assert "```" not in solution.get_text()
    assert not site.exists("pods/step1/text/index.html")


def test_scenario_without_intro_gets_a_generated_landing_page(build):
    index = {
        "title": "Quick one",
        "description": "Just steps",
        "details": {"steps": [{"title": "Only step", "text": "step1.md"}]},
    }
    site = build({**HOME, "quick/index.json": json.dumps(index), "quick/step1.md": "Hello.\n"})
    landing = site.html("quick/")
    assert landing.select_one("h1").get_text() == "Quick one"
    assert "Just steps" in landing.select_one("article").get_text()
    assert _part_titles(site, "quick/") == ["Only step"]


def test_an_empty_intro_still_lists_the_parts(build):
    index = {
        "title": "Empty intro",
        "difficulty": "Beginner",
        "time": "10 minutes",
        "details": {"intro": {"text": "intro.md"}, "steps": [{"title": "A", "text": "a.md"}]},
    }
    site = build({**HOME, "e/index.json": json.dumps(index), "e/intro.md": "", "e/a.md": "A.\n"})
    assert _part_titles(site, "e/") == ["A"]


def test_only_what_index_json_lists_is_published(build, caplog):
    index = {"title": "S", "details": {"steps": [{"title": "One", "text": "step1/text.md"}]}}
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.stepwise"):
        site = build(
            {
                **HOME,
                "s/index.json": json.dumps(index),
                "s/step1/text.md": "One. See the [notes](../notes.md).\n",
                "s/step1/verify.sh": "true\n",
                "s/notes.md": "# Notes\n\nNot a step.\n",
                "s/preprocessed.md": "---\naliases: [/get-started/]\n---\n# Copy\n",
                "s/init/init.md": "# Init\n",
                "s/assets/app.py": "print('hi')\n",
            }
        )
    assert _part_titles(site, "s/") == ["One"]
    for orphan in ("s/notes/", "s/preprocessed/", "s/init/init/", "get-started/"):
        assert not site.exists(orphan + "index.html"), orphan
    nav = site.html("s/step1/").select_one("nav.md-nav--primary").get_text(" ", strip=True)
    assert "Notes" not in nav
    assert "Copy" not in nav
    # Files next to the steps that are not Markdown are still there for the pages to use.
    assert site.exists("s/assets/app.py")
    infos = sorted(r.getMessage() for r in caplog.records if "not published" in r.getMessage())
    assert infos == [
        f"{uri}: not published: s/index.json does not list it (only listed steps are pages)"
        for uri in ("s/init/init.md", "s/notes.md", "s/preprocessed.md")
    ]


def test_an_answer_in_the_steps_own_folder_is_its_solution(build):
    index = {
        "title": "Folders",
        "details": {"steps": [{"title": "One", "text": "steps/1/text.md"}]},
    }
    site = build(
        {
            **HOME,
            "f/index.json": json.dumps(index),
            "f/steps/1/text.md": "Write it. Copy the solution from the Solution tab.\n",
            "f/steps/1/answer.md": "`echo solved`{{execute}}\n",
        }
    )
    solution = site.html("f/steps/1/").select_one("details.stepwise-solution")
    assert solution is not None
    assert solution.select_one("code").get_text() == "echo solved"
    assert not site.exists("f/steps/1/answer/index.html")


def test_titles_come_from_index_json_then_from_headings_that_read_as_titles(build):
    index = {
        "title": "Titles",
        "details": {
            "intro": {"text": "intro.md"},
            "steps": [
                {"title": "Install the tools", "text": "01-install.md"},
                {"title": "Configure it", "text": "02-configure.md"},
                {"text": "03-run.md"},
                {"text": "04-clean.md"},
            ],
            "finish": {"text": "finish.md"},
        },
    }
    site = build(
        {
            **HOME,
            "t/index.json": json.dumps(index),
            "t/intro.md": "# Welcome to the Titles course\n\nHello.\n",
            "t/01-install.md": "# Exercise: installing things\n\nText.\n",
            "t/02-configure.md": "Some text.\n\n## Only a second-level heading\n",
            "t/03-run.md": "# Run the app\n\nText.\n",
            "t/04-clean.md": "Text without headings.\n",
            "t/finish.md": ("# Congratulations! You have completed the Titles scenario.\n\nBye.\n"),
        }
    )
    assert _part_titles(site, "t/") == [
        "Install the tools",
        "Configure it",
        "Run the app",
        "Step 4",
        "Finish",
    ]
    for url, title in [
        ("t/", "Titles"),
        ("t/01-install/", "Install the tools"),
        ("t/02-configure/", "Configure it"),
        ("t/finish/", "Finish"),
    ]:
        page = site.html(url)
        assert page.select_one("title").get_text().startswith(f"{title} - "), url
    # The finish keeps its sentence as text.
    assert "Congratulations! You have completed" in site.html("t/finish/").get_text()
    # A page with no `#` heading shows its title as the visible h1 (Material's own rule).
    configure = site.html("t/02-configure/")
    assert [h.get_text(strip=True) for h in configure.select("article h1")] == ["Configure it"]


def test_index_json_titles_are_visible_even_when_the_body_has_a_heading(build):
    index = {
        "title": "Visible titles",
        "details": {
            "intro": {"text": "intro.md"},
            "steps": [{"title": "Install the tools", "text": "01-install.md"}],
        },
    }
    site = build(
        {
            **HOME,
            "v/index.json": json.dumps(index),
            "v/intro.md": "# Welcome to the course\n\nHello.\n",
            "v/01-install.md": "# Exercise: installing things\n\nText.\n",
        }
    )
    assert site.html("v/").select_one("article h1").get_text(strip=True) == "Visible titles"
    step = site.html("v/01-install/")
    assert step.select_one("article h1").get_text(strip=True) == "Install the tools"
    # The body's own heading is a section under the title (stepwise.headings).
    assert len(step.select("article h1")) == 1
    assert step.select_one("article h2").get_text(strip=True).startswith("Exercise: installing")


def test_broken_scenarios_warn_and_the_rest_builds(build, plugin_warnings):
    broken = {
        "title": "Broken",
        "details": {
            "steps": [
                {"title": "Fine", "text": "step1.md"},
                {"title": "Missing", "text": "step2.md"},
                {"title": "Twice", "text": "step1.md"},
            ]
        },
    }
    files = {
        **HOME,
        "broken/index.json": json.dumps(broken),
        "broken/step1.md": "Fine.\n",
        "bad/index.json": '{\n  "title": "Bad",\n  "details": {\n',
        "bad/step1.md": "# Still here\n\nText.\n",
    }
    site = build(files, strict=False)
    plugin_warnings.expect(
        r"^broken/index\.json: step 2 \('Missing'\) names 'step2\.md', which does not exist",
        count=1,
    )
    plugin_warnings.expect(
        r"^broken/index\.json: step 3 \('Twice'\) repeats 'step1\.md', already used by step 1",
        count=1,
    )
    plugin_warnings.expect(r"^bad/index\.json:4: is not valid JSON \(", count=1)
    assert _part_titles(site, "broken/") == ["Fine"]
    # The folder with invalid JSON still builds, as an ordinary folder.
    assert site.html("bad/step1/").select_one("h1").get_text() == "Still here"


@pytest.mark.parametrize(
    ("step", "message"),
    [
        (
            {"answer": "a.md"},
            "the answer 's/a.md' is a page of the scenario (step 1 ('A')); no solution is shown",
        ),
        (
            {"answer": "index.md"},
            "the answer 'index.md' of step 1 ('A') is not an answer file; no solution is shown",
        ),
        (
            {"answer": "./sub/../../other/x.md"},
            "the answer './sub/../../other/x.md' of step 1 ('A') is not a file of the "
            "scenario's own folder; no solution is shown",
        ),
        (
            {"verify": ".secret"},
            "the verify script '.secret' of step 1 ('A') is not a file of the scenario's own "
            "folder; it is not shown",
        ),
        (
            {"verify": "a.md"},
            "the verify script 'a.md' of step 1 ('A') does not exist",
        ),
    ],
)
def test_scripts_and_answers_stay_inside_the_scenario_and_off_its_pages(step, message):
    existing = ["s/index.json", "s/index.md", "s/a.md", "s/.secret", "other/x.md"]
    text = json.dumps({"details": {"steps": [{"title": "A", "text": "a.md", **step}]}})
    scenario = read_scenario("s", text, existing)
    assert scenario is not None and scenario.steps[0].answer is None
    assert scenario.steps[0].scripts == {}
    found = [p.message for _, p in scenario.problems + scenario.notes]
    assert found == [message]
