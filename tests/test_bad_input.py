"""Bad input: every case is reported with its file (and line), fails --strict, and spares the rest.

Each case is a post dropped into an otherwise healthy site. A plain build must finish and build
every other page; `--strict` must fail; the warning must start with the file (and line).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from mkdocs.exceptions import Abort

from .conftest import build_site, write_docs

HEALTHY = {
    "index.md": "# Home\n",
    "guide/index.md": "---\ntitle: Guide\n---\n",
    "guide/one.md": "---\ntitle: One\nweight: 1\n---\nFirst part.\n",
    "guide/two.md": "---\ntitle: Two\nweight: 2\n---\nSecond part.\n",
}

# name: (files, the warning expected, as a regex)
CASES: dict[str, tuple[dict[str, str | bytes], str]] = {
    "malformed YAML": (
        {"bad.md": "---\ntitle: x\ntags: [a\n---\nBody\n"},
        r"^bad\.md:4: invalid YAML front matter",
    ),
    "malformed TOML": (
        {"bad.md": '+++\ntitle = "x\n+++\nBody\n'},
        r"^bad\.md:2: invalid TOML front matter",
    ),
    "malformed JSON": (
        {"bad.md": '{\n  "title": "x",\n}\nBody\n'},
        r"^bad\.md:3: invalid JSON front matter",
    ),
    "unclosed front matter": (
        {"bad.md": "---\ntitle: x\n\nBody\n"},
        r"^bad\.md:1: front matter opened with '---' is never closed",
    ),
    "front matter that is a list": (
        {"bad.md": "---\n- a\n---\nBody\n"},
        r"^bad\.md:2: front matter must be a set of 'key: value' pairs",
    ),
    "tags as a string": (
        {"bad.md": "---\ntitle: x\ntags: python\n---\nBody\n"},
        r"^bad\.md:3: 'tags' should be a list",
    ),
    "date: yesterday": (
        {"bad.md": "---\ntitle: x\ndate: yesterday\n---\nBody\n"},
        r"^bad\.md:3: 'date' is not a date: 'yesterday'",
    ),
    "weight: first": (
        {"bad.md": "---\ntitle: x\nweight: first\n---\nBody\n"},
        r"^bad\.md:3: 'weight' should be a whole number, not 'first'",
    ),
    "non-UTF-8 bytes": (
        {"bad.md": b"# Caf\xe9\n\nline two\n\xff\n"},
        r"^bad\.md:1: is not valid UTF-8",
    ),
    "parts that share a weight": (
        {"guide/three.md": "---\ntitle: Three\nweight: 2\n---\nx\n"},
        r"^guide/two\.md: shares its series position \(2\) with 'guide/three\.md'",
    ),
    "a series folder holding only drafts": (
        {"drafts/a.md": "---\ndraft: true\n---\nx\n", "drafts/b.md": "---\ndraft: true\n---\ny\n"},
        r"^drafts/a\.md: series 'Drafts' has no published parts",
    ),
    "two series with the same title": (
        {"other/index.md": "---\ntitle: Guide\n---\n", "other/x.md": "# X\n"},
        r"^other/index\.md: two series are titled 'Guide'",
    ),
    "a marked fence too short to close its fence": (
        {"bad.md": "# Bad\n\n````\nls\n```{{execute}}\n\nmore\n"},
        r"^bad\.md:3: the code fence opened here \(````\) is never closed: the marked fence on "
        r"line 5 needs at least 4",
    ),
    "marker modifiers that mean nothing": (
        {"bad.md": "# Bad\n\n```\nls\n```{{execute T2 !!}}\n"},
        r"^bad\.md:5: ignored marker modifiers: !!$",
    ),
    "an index.json naming a missing step": (
        {
            "scenario/index.json": json.dumps(
                {
                    "title": "Scenario",
                    "details": {
                        "intro": {"text": "intro.md"},
                        "steps": [
                            {"title": "Here", "text": "step1.md"},
                            {"title": "Gone", "text": "step2.md"},
                        ],
                    },
                }
            ),
            "scenario/intro.md": "Intro.\n",
            "scenario/step1.md": "Step one.\n",
        },
        r"^scenario/index\.json: step 2 \('Gone'\) names 'step2\.md', which does not exist",
    ),
    "cover and thumbnail images that are not there": (
        {
            "bad.md": "---\ntitle: x\ncoverImage: ./images/gone.jpg\n"
            "thumbnailImage: /gone.png\n---\n"
        },
        r"^bad\.md:[34]: (coverImage|thumbnailImage): image '(images/gone\.jpg|gone\.png)' not "
        r"found in docs/",
    ),
    "an xkcd comic in neither the data file nor the cache": (
        {
            "bad.md": "# Bad\n\n{{< xkcd 99999 >}}\n\n"
            '[![](https://imgs.xkcd.com/comics/x.png)](https://xkcd.com/88888/ "t")\n'
        },
        r"^bad\.md:[35]: xkcd (99999|88888) is not in the xkcd data file",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_reported_and_the_rest_builds(tmp_path, plugin_warnings, case):
    files, warning = CASES[case]
    root = tmp_path / "site"
    # One build proves both: MkDocs' strict mode only counts warnings while the build runs as a
    # plain one does (the plugin never reads `strict`), and aborts after every page is written.
    with pytest.raises(Abort):
        build_site(tmp_path, {**HEALTHY, **files})
    plugin_warnings.expect(warning)
    plugin_warnings.clear()
    for page in ("index.html", "guide/index.html", "guide/one/index.html", "guide/two/index.html"):
        assert (root / page).exists(), page


def test_fine_input_is_not_reported(build):
    """Hugo's leniencies: an empty `date:`, a byte-order mark, CRLF line endings, a 5 MB post."""
    big = "---\ntitle: Big\n---\n" + ("A line of a very long post. " * 20 + "\n\n") * 9000
    site = build(
        {
            **HEALTHY,
            "empty-date.md": "---\ntitle: Empty date\ndate:\n---\nBody\n",
            "bom.md": "\ufeff---\ntitle: With BOM\n---\nBody\n".encode(),
            "crlf.md": b"---\r\ntitle: CRLF\r\n---\r\n\r\nBody\r\n",
            "big.md": big,
        }
    )
    assert len(big.encode()) > 5_000_000
    assert site.html("bom/").title.text.startswith("With BOM")
    assert site.html("crlf/").title.text.startswith("CRLF")
    assert site.exists("big/index.html")


def test_the_command_line_shows_messages_not_tracebacks(tmp_path):
    """Every case at once, through `mkdocs build --strict` as an author runs it."""
    docs = tmp_path / "docs"
    write_docs(docs, dict(HEALTHY))
    reported = []
    for number, (files, warning) in enumerate(CASES.values()):
        # Each case's `bad.md` gets a name of its own, so that no case hides another.
        write_docs(
            docs, {name.replace("bad.md", f"bad{number}.md"): v for name, v in files.items()}
        )
        reported_file = re.match(r"\^((?:[\w/-]|\\\.)+)", warning)
        assert reported_file is not None, warning
        reported.append(reported_file[1].replace("\\.", ".").replace("bad.md", f"bad{number}.md"))
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Bad\ntheme: material\nplugins: [search, stepwise]\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for file in reported:
        assert f"WARNING -  {file}:" in result.stderr, file
    assert "WARNING -  bad8.md:1: is not valid UTF-8" in result.stderr


def test_text_that_only_looks_like_a_marker_stays_text(build, plugin_warnings):
    """Not errors: an example fence showing marker source, free class names, other braces.
    Braces that are no marker do not close a fence, though: that fence is never closed."""
    site = build(
        strict=False,
        files={
            **HEALTHY,
            "marks.md": "# Marks\n\n"
            "````\n```\nls\n```{{execute}}\n````\n\n"
            "```\npwd\n```{{execute foo bar}}\n\n"
            "Set `name`{{frobnicate}} and `values`{{ .Values.name }}.\n\n"
            "```\ndate\n```{{frobnicate}}\n",
        },
    )
    plugin_warnings.expect(r"^marks\.md:15: the code fence opened here \(```\) is never closed$")
    article = site.html("marks/").select_one("article")
    blocks = article.select("div.highlight")
    assert blocks[0].get_text() == "```\nls\n```{{execute}}\n"
    assert "stepwise-execute" not in blocks[0]["class"]
    assert blocks[1]["class"][:3] == ["stepwise-execute", "foo", "bar"]
    paragraphs = [str(p) for p in article.select("p")]
    assert (
        "<p>Set <code>name</code>{{frobnicate}} and <code>values</code>{{ .Values.name }}.</p>"
        in (paragraphs)
    )
    assert "<p><code>date</code>{{frobnicate}}</p>" in paragraphs
