"""Splitting front matter off a post: the three formats, and errors with their lines."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_stepwise.frontmatter import FrontMatterError, split, yaml_block


def test_yaml_front_matter():
    front = split("---\ntitle: Hello\ndate: 2018-03-05\n---\n\nBody\n")
    assert front.format == "yaml"
    assert front.data == {"title": "Hello", "date": dt.date(2018, 3, 5)}
    assert front.body == "\nBody\n"
    assert front.body_line == 5
    assert front.key_lines == {"title": 2, "date": 3}


def test_toml_front_matter_with_bare_datetime():
    front = split(
        '+++\ntitle = "Hello"\ndate = 2018-03-05T10:00:00Z\ntags = ["a", "b"]\n+++\nBody\n'
    )
    assert front.format == "toml"
    assert front.data["title"] == "Hello"
    assert front.data["date"] == dt.datetime(2018, 3, 5, 10, tzinfo=dt.UTC)
    assert front.data["tags"] == ["a", "b"]
    assert front.body == "Body\n"
    assert front.body_line == 6


def test_json_front_matter():
    text = '{\n  "title": "Hello",\n  "tags": ["x"]\n}\n\nBody {not json}\n'
    front = split(text)
    assert front.format == "json"
    assert front.data == {"title": "Hello", "tags": ["x"]}
    assert front.body == "\nBody {not json}\n"
    assert front.body_line == 5
    assert front.key_lines["tags"] == 3


def test_no_front_matter_keeps_everything():
    front = split("# Title\n\n---\n")
    assert front.format is None
    assert front.data == {}
    assert front.body == "# Title\n\n---\n"


def test_byte_order_mark_and_crlf():
    front = split("\ufeff---\r\ntitle: Hi\r\n---\r\nBody\r\n")
    assert front.data == {"title": "Hi"}
    assert front.body == "Body\r\n"


def test_yaml_dots_close_the_block():
    assert split("---\ntitle: x\n...\nbody").data == {"title": "x"}


def test_padded_body_keeps_line_numbers():
    front = split("---\ntitle: x\n---\nline four\n")
    assert front.padded_body().splitlines()[3] == "line four"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("---\ntitle: ok\ntags: [a, b\n---\n", 4, "invalid YAML"),
        ("---\ntitle: x\n", 1, "never closed"),
        ('+++\ntitle = "x"\ndate = \n+++\n', 3, "invalid TOML"),
        ('{\n  "title": "x",\n  "tags": [1,\n}\n', 4, "invalid JSON"),
        ("---\n- a\n- b\n---\n", 2, "key: value"),
    ],
)
def test_errors_name_the_line(text, line, message):
    with pytest.raises(FrontMatterError) as error:
        split(text)
    assert error.value.line == line
    assert message in error.value.message


@pytest.mark.parametrize(
    "title",
    [
        "Home",
        'Tom & "Jerry" \\ me',
        "🚀 Rocket",  # JSON would write a surrogate pair, which YAML cannot read
        "a\x7fb",
        "c\x85d\x9fe",  # NEL: a line break to YAML
        "f\ufffeg\uffff",
        "tab\there",
        "h\u2028i\u2029j",
        "yes",
        "- a: b #c",
        "x" * 300,
        "nul\x00 \x1b[31mred\x07",
        "x\r\ny",
        "null",
    ],
)
def test_a_written_block_reads_back_as_written(title: str) -> None:
    """Generated pages (home, listings, landing pages, pathways, the importer's) keep any
    title through the plugin's own reader."""
    front = split(f"{yaml_block({'title': title, 'search': {'exclude': True}})}\nBody\n")
    assert front.data == {"title": title, "search": {"exclude": True}}
    assert front.body.strip() == "Body"
