"""Every shortcode spelling of the Tranquilpeak example posts renders, with nothing left over.

The fixture copies representative snippets of the theme's showcase posts (sloppy spacing,
positional and named parameters, paired forms, rows of images, quotes glued to paragraphs,
`hl-text` inside raw HTML, Hexo's `<!-- toc -->`), plus shortcodes documented in code.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from .shortcodes_support import convert

FIXTURE = Path(__file__).parent / "fixtures" / "shortcodes" / "tranquilpeak-showcase.md"


def rendered() -> BeautifulSoup:
    return BeautifulSoup(convert(FIXTURE.read_text(encoding="utf-8")), "html.parser")


def test_no_shortcode_is_left_outside_code() -> None:
    soup = rendered()
    documented = [code.get_text() for code in soup.find_all("code")]
    for code in soup.find_all("code"):
        code.decompose()
    assert not re.search(r"\{\{[<%]", str(soup)), re.findall(r"\{\{[<%].{0,40}", str(soup))
    # The shortcodes written in code are shown as written.
    assert "{{< alert info >}}" in documented
    assert '{{< figure src="/img/x.png" title="X" >}}\n' in documented


def test_every_shortcode_rendered_to_its_element() -> None:
    soup = rendered()
    alerts = soup.select("div.admonition.stepwise-alert")
    assert [a["class"][1] for a in alerts] == ["info", "success", "warning", "danger"]
    quotes = soup.select("blockquote.stepwise-blockquote footer")
    assert [q.strong.get_text() for q in quotes] == ["David Levithan", "@DevDocs", "Seth Godin"]
    assert [span.get_text() for span in soup.select("span.filename")] == [
        "Array.map",
        "apache.conf",
        "test.bash",
        "Source",
    ]
    assert [a["href"] for a in soup.select(".stepwise-codeblock-link a")] == [
        "http://underscorejs.org/#compact",
        "http://underscorejs.org/#compact",
    ]
    assert len(soup.select("figure.stepwise-image")) == 5
    assert len(soup.select("div.stepwise-clear")) == 1
    assert [p["class"][1] for p in soup.select("blockquote.stepwise-pullquote")] == [
        "stepwise-pullquote--left",
        "stepwise-pullquote--right",
    ]
    assert [m.get_text() for m in soup.select("mark.stepwise-hl")] == [
        "highlight red",
        "highlight primary",
        "highlight danger",
    ]
    labels = soup.select(".tabbed-set.tabbed-alternate .tabbed-labels label")
    assert [label.get_text() for label in labels] == ["js", "css", "html"]
    assert "here goes the rest of the page" in soup.select(".tabbed-block")[2].get_text()
    assert [f["src"] for f in soup.find_all("iframe")] == [
        "https://www.youtube-nocookie.com/embed/BSVkI3Ds8E",
        "https://player.vimeo.com/video/147585091?dnt=1",
    ]
    assert soup.select_one(".stepwise-embed--gist a")["href"] == (
        "https://gist.github.com/imathis/996818"
    )
    assert soup.select_one(".stepwise-embed--jsfiddle a")["href"] == "https://jsfiddle.net/ccWP7/"
    assert soup.select_one("figure.stepwise-wide-image figcaption").get_text() == "Mercedes SLS"
    assert len(soup.select("div.toc")) == 2


def test_code_bodies_are_kept_whole() -> None:
    soup = rendered()
    apache = soup.select("div.highlight code")[2].get_text()
    assert apache.startswith("# rewrite`s rules for wordpress pretty url\n")
    assert "RewriteRule .? /index.php?q=${map:${lower:%1}} [NC,L]" in apache
    bash = soup.select("div.highlight code")[3].get_text()
    assert bash == '#!/bin/bash\necho "$1"\n'
