"""Real scenario repositories (tests/fixtures/scenarios) build under --strict and read right."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .scenario_fixtures import ScenarioSite, build_scenarios, iter_attributes

KATACODA = "openshift-console"
KILLERCODA = "grafana-traffic"
PLACEHOLDER_IN_URL = re.compile(r"\[\[|\{\{\s*TRAFFIC|%5B%5B|%7B%7B", re.IGNORECASE)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> ScenarioSite:
    return build_scenarios(tmp_path_factory.mktemp("scenario-fixtures"))


def test_no_placeholder_reaches_a_link_or_an_image(built: ScenarioSite) -> None:
    leaks = [
        f"{path.relative_to(built.site.site_dir)}: <{tag} {name}={value!r}>"
        for path, tag, name, value in iter_attributes(built.site)
        if name in {"href", "src", "srcset", "action", "data"} and PLACEHOLDER_IN_URL.search(value)
    ]
    assert leaks == []


def test_console_links_say_which_port_they_meant(built: ScenarioSite) -> None:
    page = built.site.html(f"{KATACODA}/01-logging-in/")
    article = page.select_one("article")
    links = [" ".join(s.get_text().split()) for s in article.select("span.stepwise-env-link")]
    assert links == [
        "Console (the console-openshift-console route on port 443 of your environment)",
        "Topology view (the console-openshift-console route on port 443 of your environment,"
        " path /topology/ns/myproject/graph)",
        "the web-myproject route on port 80 of your environment",
        "port 8080 of host 2 of your environment, path /status",
        "Console screenshot (port 443 of your environment, path /screenshot.png)",
    ]
    # The raw HTML link keeps its element but not its address.
    raw = article.select_one("a.stepwise-env-link")
    assert raw is not None and raw.get("href") is None
    assert raw.get_text(" ", strip=True) == "the web-myproject route on port 80 of your environment"
    # Explained once, above the first such link.
    notes = article.select(".stepwise-env-note")
    assert len(notes) == 1
    assert "run the commands on a machine of your own" in notes[0].get_text()
    # The command that names the host keeps its placeholder: it copies what the author wrote.
    command = article.select_one("code.stepwise-execute")
    assert command.get_text() == "oc login -u developer -p developer https://[[HOST_IP]]:6443"


def test_traffic_links_say_which_port_they_meant(built: ScenarioSite) -> None:
    step1 = built.site.html(f"{KILLERCODA}/step1/").select_one("article")
    links = [" ".join(s.get_text().split()) for s in step1.select("span.stepwise-env-link")]
    assert links == [
        "http://localhost:3000 (port 3000 of your environment)",
        "list of ports (the list of open ports of your environment)",
    ]
    finish = built.site.html(f"{KILLERCODA}/finish/").select_one("article")
    text = " ".join(finish.get_text().split())
    assert "Continue with the dashboard at port 3000 of your environment, path /dashboards." in text
    assert len(finish.select(".stepwise-env-note")) == 1


def test_titles(built: ScenarioSite) -> None:
    def parts(landing: str) -> list[str]:
        soup = built.site.html(landing)
        return [t.get_text(strip=True) for t in soup.select(".stepwise-part__title")]

    assert parts(f"{KATACODA}/") == [
        "Logging in via the web console",
        "Deploying the application",
        "Watching it start",
        "Finish",
    ]
    assert parts(f"{KILLERCODA}/") == ["Start the stack", "Explore a metric", "Summary"]
    for url, title in [
        (f"{KATACODA}/", "Deploying with the OpenShift console"),
        (f"{KATACODA}/01-logging-in/", "Logging in via the web console"),
        (f"{KATACODA}/03-watching/", "Watching it start"),
        (f"{KATACODA}/finish/", "Finish"),
        (f"{KILLERCODA}/", "Explore metrics in Grafana"),
        (f"{KILLERCODA}/step2/", "Explore a metric"),
    ]:
        assert built.site.html(url).select_one("title").get_text().startswith(f"{title} - "), url
    # A step with only `##` headings shows the index.json title as its h1.
    watching = built.site.html(f"{KATACODA}/03-watching/")
    assert watching.select_one("article h1").get_text(strip=True) == "Watching it start"


def test_only_listed_files_are_pages(built: ScenarioSite) -> None:
    for orphan in ("preprocessed", "notes", "init/init"):
        assert not built.site.exists(f"{KATACODA}/{orphan}/index.html"), orphan
    assert not built.site.exists(f"{KILLERCODA}/preprocessed/index.html")
    assert not built.site.exists("get-started/index.html")  # the orphan's alias
    assert sorted(m for m in built.messages(logging.INFO) if "not published" in m) == [
        f"{uri}: not published: {uri.split('/')[0]}/index.json does not list it"
        " (only listed steps are pages)"
        for uri in (
            f"{KILLERCODA}/preprocessed.md",
            f"{KATACODA}/init/init.md",
            f"{KATACODA}/notes.md",
            f"{KATACODA}/preprocessed.md",
        )
    ]
    assert built.messages(logging.WARNING) == []
    # Assets stay, and the verify script is shown on its step.
    assert built.site.exists(f"{KATACODA}/assets/logo.svg")
    verify = built.site.html(f"{KILLERCODA}/step1/").select_one("details.stepwise-verify")
    assert "curl -sf http://localhost:3000/api/health" in verify.get_text()


def test_series_scripts_run_nothing_that_never_ends(built: ScenarioSite) -> None:
    script = built.site.text(f"{KATACODA}/deploying-with-the-openshift-console.sh")
    running = [line for line in script.splitlines() if line and not line.startswith("#")]
    assert script.startswith("#!/usr/bin/env bash\n")
    assert "oc get pods -w" not in running
    assert "oc logs -f web" not in running
    assert 'echo "logs done"' not in running
    assert "^C" not in running
    assert "oc get routes" in running
    assert "# Left out: it watches until you press Ctrl+C:\n#   oc get pods -w\n" in script
    bash = shutil.which("bash")
    assert bash is not None
    for path in sorted(Path(built.site.site_dir).glob("*/*.sh")):
        if path.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash"):
            result = subprocess.run([bash, "-n", str(path)], capture_output=True, text=True)
            assert result.returncode == 0, (path, result.stderr)
