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
        {
            "drafts/index.md": "# Drafts\n",
            "drafts/a.md": "---\ndraft: true\n---\nx\n",
            "drafts/b.md": "---\ndraft: true\n---\ny\n",
        },
        r"^drafts/index\.md: series 'Drafts' has no published parts",
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
    # Values that used to end the build with a traceback (issue 17, item 10).
    "a slug too long for a file name": (
        {"bad.md": f"---\ntitle: x\nslug: {'x' * 300}\n---\nBody\n"},
        r"^bad\.md:3: slug: slug 'x{57}\.\.\.' has a path segment longer than 200 bytes",
    ),
    "a null byte in an alias": (
        {"bad.md": '---\ntitle: x\naliases: ["/a\\0b/"]\n---\nBody\n'},
        r"^bad\.md:3: aliases: alias '/a\\x00b/' holds a control character",
    ),
    "a null byte in url": (
        {"bad.md": '---\ntitle: x\nurl: "/x\\0y/"\n---\nBody\n'},
        r"^bad\.md:3: url: url '/x\\x00y/' holds a control character",
    ),
    "a lone surrogate in JSON front matter": (
        {"bad.md": '{\n  "title": "x \\ud800",\n  "date": "2020-01-01"\n}\nBody\n'},
        r"^bad\.md:2: 'title' holds a lone surrogate; replaced by \ufffd",
    ),
    "a lone surrogate in index.json": (
        {
            "scenario/index.json": json.dumps(
                {"title": "S \ud800", "details": {"steps": [{"title": "A", "text": "a.md"}]}}
            ),
            "scenario/a.md": "Step.\n",
        },
        r"^scenario/index\.json: holds lone surrogates",
    ),
    "a YAML alias bomb": (
        {
            "bad.md": "---\ntitle: x\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9))
            + "showMeta: *a8\n---\nBody\n"
        },
        r"^bad\.md:4: YAML aliases \(\*name\) expand to more than 10,000 values",
    ),
    "shortcodes nested 250 deep": (
        {"bad.md": "# Bad\n\n" + "{{< alert info >}}\n" * 250 + "x\n" + "{{< /alert >}}\n" * 250},
        r"^bad\.md:23: shortcodes nested more than 20 deep; the inner ones are shown as written",
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


def test_long_names_and_hugos_zero_date_build_cleanly(build):
    """Names too long for a file name get a shortened address; `0001-01-01` means no date."""
    long_name = "Series " + "very " * 60 + "long"
    scenario = {"title": "S" * 300, "details": {"steps": [{"title": "A", "text": "a.md"}]}}
    site = build(
        {
            **HEALTHY,
            "a.md": f"---\ntitle: A\nseries: {long_name}\ncategories: [{'c' * 300}]\n---\nA.\n",
            "zero.md": "---\ntitle: Zero\ndate: 0001-01-01\n---\nRun `ls`{{execute}}.\n",
            "scenario/index.json": json.dumps(scenario),
            "scenario/a.md": "Run `ls`{{execute}}.\n",
        },
        plugin={"timezone": "Europe/Berlin"},
    )
    landing = next(site.path("series").iterdir())
    assert len(landing.name) <= 100 and (landing / "index.html").exists()
    assert long_name in site.html(f"series/{landing.name}/").get_text()
    assert [p.name for p in site.path("scenario").glob("*.sh")] == ["s" * 100 + ".sh"]
    assert "0001" not in site.html("zero/").select_one("article").get_text()


def test_a_page_deleted_while_building_is_reported(build, tmp_path, plugin_warnings):
    """`mkdocs serve` lists the files, then the author deletes one before it is read."""
    hook = tmp_path / "delete_hook.py"
    hook.write_text(
        "import os\nfrom mkdocs.plugins import event_priority\n\n\n"
        "@event_priority(100)\n"
        "def on_files(files, config):\n"
        "    os.remove(os.path.join(config['docs_dir'], 'gone.md'))\n"
        "    return files\n",
        encoding="utf-8",
    )
    files = {**HEALTHY, "gone.md": "# Gone\n"}
    site = build(files, strict=False, config={"hooks": [str(hook)]})
    plugin_warnings.expect(r"^gone\.md: cannot be read \(FileNotFoundError: .*\); left out")
    assert site.exists("guide/one/index.html") and not site.exists("gone/index.html")


# Every key the plugin, MkDocs or Material reads, and a few a Hugo theme might use.
FUZZ_KEYS = [
    *[
        "title",
        "linkTitle",
        "date",
        "publishDate",
        "expiryDate",
        "lastmod",
        "draft",
        "tags",
        "categories",
        "keywords",
    ],
    *[
        "description",
        "summary",
        "slug",
        "url",
        "aliases",
        "weight",
        "series",
        "series_order",
        "params",
    ],
    *["coverImage", "coverSize", "coverCaption", "coverMeta", "metaAlignment", "thumbnailImage"],
    *["thumbnailImagePosition", "autoThumbnailImage", "showMeta", "showDate", "showTags"],
    *["showPagination", "clearReading", "gallery", "icon", "template", "hide", "status", "search"],
    *["author", "subtitle", "social", "comments", "location", "toc", "type", "layout", "menu"],
]
FUZZ_VALUES = ["[1, [2]]", "{a: {b: 1}}", "1.5", "true", '"1.5"', "[]"]


def test_no_front_matter_value_stops_the_build(build, plugin_warnings):
    """Each key with values of every wrong shape: warnings, never a traceback."""
    files: dict[str, str | bytes] = dict(HEALTHY)
    for number, (key, value) in enumerate(
        (key, value) for key in FUZZ_KEYS for value in FUZZ_VALUES
    ):
        files[f"guide/p{number}.md"] = (
            f"---\ntitle: P{number}\ndate: 2020-01-01\n{key}: {value}\n---\nBody.\n"
        )
    site = build(files, strict=False, config={"plugins": ["search", "tags", "stepwise"]})
    assert not [message for message in plugin_warnings.messages if "failed (" in message]
    plugin_warnings.clear()
    for page in ("index.html", "guide/one/index.html", "guide/p0/index.html"):
        assert site.exists(page), page
