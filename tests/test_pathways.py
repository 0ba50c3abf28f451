"""Katacoda pathways: `<name>-pathway.json` becomes a page listing its scenarios in order."""

from __future__ import annotations

import json

from mkdocs_stepwise.scenarios.pathways import pathway_markdown, read_pathway
from mkdocs_stepwise.series import Series


def _scenario(folder: str, title: str, **extra: str) -> Series:
    return Series("s", title, f"{folder}/intro.md", False, folder=folder, fixed_order=True, **extra)


PATHWAY = {
    "title": "Kubernetes",
    "description": "Kubernetes 101",
    "courses": [
        {"course_id": "hello", "title": "Hello [K8s]", "description": "First deploy"},
        {"course_id": "gone", "title": "Missing"},
        {"course_id": "quiz"},
    ],
}


def test_pathway_page_lists_its_scenarios_in_order():
    scenarios = {
        "k8s/hello": _scenario("k8s/hello", "Hello", difficulty="Beginner", time="10 minutes"),
        "k8s/quiz": _scenario("k8s/quiz", "Quiz time"),
    }
    pathway = read_pathway("k8s-pathway.json", json.dumps(PATHWAY), scenarios)
    assert pathway is not None
    assert [(uri, p.message) for uri, p in pathway.problems] == [
        (
            "k8s-pathway.json",
            "course 2 ('gone') has no scenario in 'k8s/gone/'; it is left out",
        )
    ]
    assert pathway.page_uri == "k8s/index.md"
    assert pathway_markdown(pathway) == (
        "---\ndescription: Kubernetes 101\ntitle: Kubernetes\n---\n\nKubernetes 101\n\n"
        "1. [Hello \\[K8s\\]](hello/intro.md)\n\n    First deploy — *Beginner · 10 minutes*\n\n"
        "2. [Quiz time](quiz/intro.md)\n"
    )


def test_not_a_pathway_and_invalid_json():
    assert read_pathway("x-pathway.json", '{"title": "x"}', {}) is None
    broken = read_pathway("x-pathway.json", '{\n"courses": [\n', {})
    assert broken is not None and broken.courses == []
    ((uri, problem),) = broken.problems
    assert (uri, problem.line) == ("x-pathway.json", 3)


def test_pathway_builds_as_a_page_of_scenarios(build, plugin_warnings):
    index = {"title": "Hello", "details": {"steps": [{"title": "One", "text": "step1.md"}]}}
    pathway = {"title": "Kubernetes", "courses": [{"course_id": "hello"}, {"course_id": "gone"}]}
    site = build(
        {
            "index.md": "# Home\n",
            "k8s-pathway.json": json.dumps(pathway),
            "k8s/hello/index.json": json.dumps(index),
            "k8s/hello/step1.md": "Step one.\n",
        },
        strict=False,
    )
    plugin_warnings.expect(r"^k8s-pathway\.json: course 2 \('gone'\) has no scenario", count=1)
    page = site.html("k8s/")
    assert page.select_one("h1").get_text() == "Kubernetes"
    links = [(a.get_text(), a["href"]) for a in page.select("article ol a")]
    assert links == [("Hello", "hello/")]


def test_courses_found_by_id_and_beside_the_pathway():
    """Katacoda's `id` names the folder (`01-initialize` for course `initialize`); some
    repositories keep the scenarios beside the pathway file instead of in `<name>/`."""
    pathway = {
        "courses": [
            {"id": "01-initialize", "course_id": "initialize"},
            {"id": "hello", "course_id": "hello"},
        ]
    }
    scenarios = {
        "start/01-initialize": _scenario("start/01-initialize", "Initialize"),
        "hello": _scenario("hello", "Hello"),
    }
    found = read_pathway("start-pathway.json", json.dumps(pathway), scenarios)
    assert found is not None and not found.problems
    assert [series.title for series, _, _ in found.courses] == ["Initialize", "Hello"]


def test_courses_hosted_elsewhere_are_listed_as_links():
    """Katacoda's home-page pathways list courses by `external_link` instead of `course_id`."""
    pathway_json = {
        "title": "Try it",
        "courses": [
            {"title": "Getting started", "external_link": "https://example.org/try/start"},
            {"title": "Hostile", "external_link": "javascript:alert(1)"},
            {"title": "Broken target", "external_link": "https://example.org/a b)<x>"},
        ],
    }
    pathway = read_pathway("try-pathway.json", json.dumps(pathway_json), {})
    assert pathway is not None
    assert [p.message for _, p in pathway.problems] == [
        'course 2 has no "course_id"; it is left out',
        'course 3 has no "course_id"; it is left out',
    ]
    assert pathway_markdown(pathway).endswith(
        "1. [Getting started](<https://example.org/try/start>)\n"
    )
