"""The repository's own site, built under --strict and served by a real `mkdocs serve`."""

from __future__ import annotations

import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config

from .conftest import REPO
from .serving import Server

SERIES = "python-environment-isolation"


@pytest.fixture(scope="module")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("default-site")
    cfg = load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build.build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    return site_dir


def soup(site: Path, page: str) -> BeautifulSoup:
    return without_permalinks((site / page / "index.html").read_text(encoding="utf-8"))


def without_permalinks(html: str | bytes) -> BeautifulSoup:
    """The page as a reader sees it: the toc extension's ¶ permalinks are hover decoration."""
    page = BeautifulSoup(html, "html.parser")
    for link in page.select("a.headerlink"):
        link.decompose()
    return page


def test_series_landing_page(default_site):
    landing = soup(default_site, SERIES)
    assert landing.select_one("article h1").get_text(strip=True) == "Python environment isolation"
    titles = [t.get_text(strip=True) for t in landing.select(".stepwise-part__title")]
    assert titles == [
        "Installing your own Python with pyenv",
        "Isolating a project with virtualenv",
        "Named environments with pyenv-virtualenv",
        "Testing against every Python with tox",
    ]


def test_parts_and_prev_next(default_site):
    page = soup(default_site, f"{SERIES}/virtualenv-step")
    position = page.select_one(".stepwise-series__part").get_text(strip=True)
    assert position == "Part 2 of 4"
    pager = [a["href"] for a in page.select("a.md-footer__link")]
    assert pager == ["../pyenv/", "../pyenv-virtualenv/"]
    assert page.select(".stepwise-pager") == []  # one prev/next: Material's footer


def test_draft_seed_is_absent_from_every_file(default_site):
    for path in default_site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"A Note on Environment Isolation" not in data, path
            links = data.replace(b"python-environment-isolation/", b"")
            assert b"environment-isolation/" not in links, path


def test_seed_files_keep_their_text():
    # The seeds are the kind of input users bring: their text must stay as given.
    draft = (REPO / "docs" / SERIES / "environment-isolation.md").read_text(encoding="utf-8")
    assert draft.startswith('---\ntitle: "Environment Isolation"\ndate: 2018-03-05\n')
    assert "showMeta: false\ndraft: true\n---\n" in draft
    assert draft.rstrip().endswith("TODO: Turn this into its own post.")
    step = (REPO / "docs" / SERIES / "virtualenv-step.md").read_text(encoding="utf-8")
    body = step.split("---\n", 2)[2].lstrip("\n")
    assert body.startswith("When working with Python, it is a good practice")
    assert "```{{execute}}" in body


@pytest.fixture(scope="module")
def served_site() -> Iterator[str]:
    server = Server(REPO, "--no-livereload").start()
    try:
        yield server.url
    finally:
        server.stop()


def test_draft_seed_is_served_with_its_banner(served_site):
    html = urllib.request.urlopen(f"{served_site}{SERIES}/environment-isolation/").read()
    page = without_permalinks(html)
    assert page.select_one(".stepwise-banner__label").get_text(strip=True) == "Draft"
    # The seed has a cover and Tranquilpeak's default `coverMeta: in`: the one h1 is over it.
    assert [h1.get_text(strip=True) for h1 in page.select("h1")] == ["Environment Isolation"]
    assert page.select_one(".stepwise-cover h1") is not None
    assert page.select_one(".stepwise-cover img")["src"] == "../../images/first.jpg"
    credit = page.select_one(".stepwise-cover figcaption a")
    assert credit["href"] == "https://unsplash.com/@claudelrheault"
    keywords = page.select_one('meta[name="keywords"]')["content"]
    assert keywords.startswith("python, pyenv, tox, virtualenv")
    assert page.select_one(".stepwise-series__part").get_text(strip=True) == "Part 1 of 5"


def test_virtualenv_step_has_four_commands_and_prose_between(default_site):
    from mkdocs_stepwise.execute.commands import commands_from_html

    html = (default_site / SERIES / "virtualenv-step" / "index.html").read_text(encoding="utf-8")
    assert commands_from_html(html) == [
        "pip install virtualenv",
        "virtualenv -p python3 /var/projects/myproject/myprojectenv",
        "ls /var/projects/myproject/myprojectenv",
        "source /var/projects/myproject/myprojectenv/bin/activate",
    ]
    article = soup(default_site, f"{SERIES}/virtualenv-step").select_one("article")
    prose = [p.get_text(" ", strip=True) for p in article.find_all("p", recursive=False)]
    assert any(text.startswith("This command will have created a local") for text in prose)
    assert "{{" not in article.get_text()


def test_the_seed_comic_is_a_panel_with_visible_title_text(default_site):
    article = soup(default_site, f"{SERIES}/virtualenv-step").select_one("article")
    figure = article.select_one("figure.stepwise-xkcd")
    assert figure.select_one("a.stepwise-xkcd__comic")["href"] == "https://xkcd.com/1987/"
    img = figure.select_one("img")
    assert img["alt"] == "xkcd 1987: Python Environment"
    caption = figure.select_one(".stepwise-xkcd__text").get_text(strip=True)
    assert caption.startswith("The Python environmental protection agency wants to seal it")
    assert img["title"] == caption


def test_post_pages_show_their_reading_time_like_their_cards(default_site):
    home = soup(default_site, "")
    card = next(
        c for c in home.select(".stepwise-post-card") if "pyenv" in c.select_one("a")["href"]
    )
    card_time = card.select_one(".stepwise-post-card__time").get_text(strip=True)
    page = soup(default_site, f"{SERIES}/pyenv")
    meta = page.select_one("article .stepwise-post-meta__time").get_text(strip=True)
    assert meta.endswith(card_time) and card_time.endswith("min read")


def test_the_series_script_is_bash_that_parses(default_site):
    """The script says bash, parses under `bash -n`, and under `sh -n` (dash) too."""
    script = default_site / SERIES / f"{SERIES}.sh"
    text = script.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "\nset -euo pipefail\n" in text or "\nset -eo pipefail\n" in text
    for shell in ("bash", "sh"):
        path = shutil.which(shell)
        assert path is not None, f"{shell} is not installed"
        result = subprocess.run([path, "-n", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, f"{shell} -n: {result.stderr}"
