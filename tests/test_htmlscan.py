"""One pass over a page's HTML gives each reader exactly what a pass of its own would."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from material.plugins.blog.readtime import readtime
from material.plugins.blog.readtime.parser import ReadtimeParser

from mkdocs_stepwise.execute.commands import CommandReader, commands_from_html
from mkdocs_stepwise.htmlscan import scan
from mkdocs_stepwise.summaries import reading_minutes, reading_minutes_of

EXECUTE = (
    '<div class="stepwise-execute highlight"><pre><span></span><code>'
    '<span class="gp">$ </span>pip install virtualenv\n</code></pre></div>'
)
FRAGMENTS = [
    "<p>Some words, and more words &amp; entities &lt;here&gt;.</p>",
    '<p><img alt="" src="a.png"><img src="b.png"/></p>',
    "<script>var ignored = 'not words';</script>",
    "<svg><text>not words either</text></svg>",
    "<br/><hr>",
    EXECUTE,
    '<p><code class="stepwise-execute">ls -la</code></p>',
    "<!-- a comment --><p>After the comment</p>",
    "<ul><li>unclosed item<li>another</ul>",
    " ".join(["word"] * 300),
]


def read_once(html: str) -> tuple[int, list[str]]:
    reading, commands = ReadtimeParser(), CommandReader()
    scan(html, [reading, commands])
    return reading_minutes_of(reading, 200), commands.found()


@pytest.mark.parametrize("html", [*FRAGMENTS, "".join(FRAGMENTS), "", "text only"])
def test_one_pass_reads_what_separate_passes_read(html):
    assert read_once(html) == (reading_minutes(html, 200), commands_from_html(html))


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30))
def test_any_page_of_these_pieces_reads_the_same(pieces):
    html = "\n".join(pieces)
    minutes, commands = read_once(html)
    assert minutes == max(1, readtime(html, 200))
    assert commands == commands_from_html(html)


def test_the_pieces_exercise_images_and_commands():
    # The table above is only a check if it has images and commands to count.
    minutes, commands = read_once("".join(FRAGMENTS))
    assert commands == ["pip install virtualenv", "ls -la"]
    assert minutes == 2  # 300+ words at 200 a minute, plus two images
