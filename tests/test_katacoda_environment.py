"""Links into a scenario's sandbox (`[[HOST_SUBDOMAIN]]`, `{{TRAFFIC_HOST1_3000}}`): in words.

Pure reading of addresses, then Markdown in and exact HTML out, then MkDocs itself: the link
check that used to raise on `[HOST_SUBDOMAIN` must never see such a target.
"""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as etree

import markdown
import pytest

from mkdocs_stepwise import pagecontext
from mkdocs_stepwise.katacoda.environment import (
    NOTE_TEXT,
    NOTE_TITLE,
    Address,
    describe,
    find_addresses,
    read_address,
)
from mkdocs_stepwise.katacoda.links import LINK_CLASS, EnvironmentLinks
from mkdocs_stepwise.katacoda.placeholders import mark_placeholders

EXTENSIONS = ["mkdocs_stepwise.katacoda", "attr_list", "md_in_html", "pymdownx.superfences"]
NOTE = (
    '<div class="admonition info stepwise-env-note"><p class="admonition-title">'
    f"{NOTE_TITLE}</p><p>{NOTE_TEXT}</p></div>\n"
)


def convert(source: str, extensions: list[str] | None = None) -> str:
    with pagecontext.converting(pagecontext.PageInfo("scenario/step1.md", "scenario/step1/")):
        return markdown.markdown(
            textwrap.dedent(source).strip("\n"), extensions=extensions or EXTENSIONS
        )


def where(words: str, path: str | None = None, *, bare: bool = False) -> str:
    text = words + (f", path <code>{path}</code>" if path else "")
    return f'<span class="stepwise-env-link__where">{text if bare else f"({text})"}</span>'


# --- Reading addresses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "address"),
    [
        (
            "https://[[HOST_SUBDOMAIN]]-8080-[[KATACODA_HOST]].environments.katacoda.com/app?x=1",
            Address(1, "8080", path="/app?x=1"),
        ),
        (
            "https://console-openshift-console-[[HOST_SUBDOMAIN]]-443-[[KATACODA_HOST]]"
            ".environments.katacoda.com",
            Address(1, "443", "console-openshift-console"),
        ),
        (
            "http://gogs.[[HOST_SUBDOMAIN]]-80-[[KATACODA_HOST]].environments.katacoda.com/a.git",
            Address(1, "80", "gogs", "/a.git"),
        ),
        (
            "https://[[HOST2_SUBDOMAIN]]-[[KATACODA_HOST]].environments.katacoda.com/",
            Address(2, "443", path="/"),
        ),
        ("http://[[HOST2_IP]]:30080/", Address(2, "30080", path="/")),
        ("http://[[HOST_IP]]", Address(1, "80")),
        ("{{TRAFFIC_HOST1_3000}}", Address(1, "3000")),
        ("{{TRAFFIC_HOST2_80}}/d/x", Address(2, "80", path="/d/x")),
        ("{{ TRAFFIC_HOST1_PORT }}", Address(1, None)),
        ("{{TRAFFIC_SELECTOR}}", Address(selector=True)),
        ("https://example.com/[[HOST_IP]]/", Address()),
    ],
)
def test_read_address(url, address):
    assert read_address(url) == address


@pytest.mark.parametrize(
    ("address", "words"),
    [
        (Address(1, "3000"), "port 3000 of your environment"),
        (Address(2, "80"), "port 80 of host 2 of your environment"),
        (Address(1, "443", "gogs"), "the gogs route on port 443 of your environment"),
        (Address(), "an address of your environment"),
        (Address(selector=True), "the list of open ports of your environment"),
    ],
)
def test_describe(address, words):
    assert describe(address) == words


def test_find_addresses_in_prose_leaves_sentence_punctuation():
    text = (
        "Open https://[[HOST_SUBDOMAIN]]-80-[[KATACODA_HOST]].environments.katacoda.com/x. "
        "Or {{TRAFFIC_HOST1_3000}}, but not ssh [[HOST_IP]] nor `[[HOST_IP]]`."
    )
    found = find_addresses(text)
    assert [(text[s:e], a) for s, e, a in found] == [
        (
            "https://[[HOST_SUBDOMAIN]]-80-[[KATACODA_HOST]].environments.katacoda.com/x",
            Address(1, "80", path="/x"),
        ),
        ("{{TRAFFIC_HOST1_3000}}", Address(1, "3000")),
    ]


def test_find_addresses_is_linear():
    # A long host-like word in front of no placeholder must not make the scan quadratic.
    text = ("a-" * 50_000 + "[[HOST_IP]] ") * 2
    assert find_addresses(text) == []


def test_rewriting_a_paragraph_of_many_sandbox_links_is_linear():
    """Each rewrite used to look its element up in its parent's children: quadratic."""
    count = 40_000
    paragraph = etree.Element("p")
    for number in range(count):
        link = etree.SubElement(paragraph, "a", {"href": "{{TRAFFIC_HOST1_80}}"})
        link.text = f"link {number}"
        link.tail = " and {{TRAFFIC_HOST1_3000}} "
    root = etree.Element("div")
    root.append(paragraph)
    with pagecontext.converting(pagecontext.PageInfo("scenario/step1.md", "scenario/step1/")):
        EnvironmentLinks(markdown.Markdown(), _NoLines()).run(root)
    spans = paragraph.findall("span")
    assert len(spans) == 2 * count  # each link, then each address in its tail
    assert spans[0].text == "link 0 " and spans[-1].get("class") == LINK_CLASS
    assert "port 3000" in "".join(spans[-1].itertext())
    assert paragraph.find("a") is None


class _NoLines:
    def line_containing(self, text: str) -> int | None:
        return None


# --- Markdown -> HTML ---------------------------------------------------------------------------


CONSOLE = (
    "https://console-openshift-console-[[HOST_SUBDOMAIN]]-443-[[KATACODA_HOST]]"
    ".environments.katacoda.com"
)


def test_katacoda_link_in_words_with_one_note():
    assert convert(
        """
        Click the [Console]({CONSOLE}/topology) tab.

        Then [the app](https://[[HOST_SUBDOMAIN]]-8080-[[KATACODA_HOST]].environments.katacoda.com/).
        """.replace("{CONSOLE}", CONSOLE)
    ) == (
        NOTE
        + '<p>Click the <span class="stepwise-env-link">Console '
        + where("the console-openshift-console route on port 443 of your environment", "/topology")
        + "</span> tab.</p>\n"
        '<p>Then <span class="stepwise-env-link">the app '
        + where("port 8080 of your environment")
        + "</span>.</p>"
    )


def test_killercoda_traffic_links_images_and_bare_addresses():
    assert convert(
        """
        * [**Grafana**]({{TRAFFIC_HOST1_3000}}/explore)
        * ![dashboard]({{TRAFFIC_HOST2_9000}}/shot.png)
        * Ports: [list]({{TRAFFIC_SELECTOR}}), or open {{TRAFFIC_HOST1_8080}}.
        """
    ) == (
        NOTE + "<ul>\n"
        '<li><span class="stepwise-env-link"><strong>Grafana</strong> '
        + where("port 3000 of your environment", "/explore")
        + "</span></li>\n"
        '<li><span class="stepwise-env-link">dashboard '
        + where("port 9000 of host 2 of your environment", "/shot.png")
        + "</span></li>\n"
        '<li>Ports: <span class="stepwise-env-link">list '
        + where("the list of open ports of your environment")
        + '</span>, or open <span class="stepwise-env-link">'
        + where("port 8080 of your environment", bare=True)
        + "</span>.</li>\n</ul>"
    )


def test_a_link_showing_its_own_address_is_not_said_twice():
    url = "https://[[HOST_SUBDOMAIN]]-80-[[KATACODA_HOST]].environments.katacoda.com/"
    assert convert(f"Visit <{url}> and [{url}]({url})") == (
        NOTE
        + '<p>Visit <span class="stepwise-env-link">'
        + where("port 80 of your environment", bare=True)
        + '</span> and <span class="stepwise-env-link">'
        + where("port 80 of your environment", bare=True)
        + "</span></p>"
    )


def test_raw_html_link_loses_its_href_and_says_where():
    url = "https://[[HOST_SUBDOMAIN]]-443-[[KATACODA_HOST]].environments.katacoda.com"
    html = convert(f"<p><a href=\"{url}\" target='_blank'>the dashboard</a></p>")
    assert html == (
        NOTE
        + "<p><a class=\"stepwise-env-link\" target='_blank'>the dashboard</a> "
        + where("port 443 of your environment")
        + "</p>"
    )


def test_magiclink_bare_addresses_and_raw_links_stay_whole():
    route = "http://web.[[HOST_SUBDOMAIN]]-80-[[KATACODA_HOST]].environments.katacoda.com"
    html = convert(
        f'At <a href="{route}" target="_blank">{route}</a>, or {route}/x.git here.',
        extensions=[*EXTENSIONS, "pymdownx.magiclink"],
    )
    words = "the web route on port 80 of your environment"
    assert html == (
        NOTE + '<p>At <a class="stepwise-env-link" target="_blank">'
        '<span class="stepwise-env-link">' + where(words, bare=True) + "</span></a>, or "
        '<span class="stepwise-env-link">' + where(words, "/x.git", bare=True) + "</span> here.</p>"
    )


def test_code_keeps_what_the_author_wrote():
    html = convert(
        """
        `curl {{TRAFFIC_HOST1_8080}}/health`

        ```
        open https://[[HOST_SUBDOMAIN]]-80-[[KATACODA_HOST]].environments.katacoda.com/
        ```
        """
    )
    assert "stepwise-env-note" not in html
    assert ">{{TRAFFIC_HOST1_8080}}</var>/health</code>" in html
    assert ">[[HOST_SUBDOMAIN]]</var>-80-<var" in html


def test_no_placeholder_no_change():
    assert convert("[a](https://example.com/) and {{ other }} and [[lower]]") == (
        '<p><a href="https://example.com/">a</a> and {{ other }} and [[lower]]</p>'
    )


def test_unparseable_link_target_is_reported_and_dropped(plugin_warnings):
    html = convert("Intro.\n\n[host](http://[your-host]:8080/)")
    assert html == "<p>Intro.</p>\n<p><span>host</span></p>"
    plugin_warnings.expect(
        r"^scenario/step1\.md:3: href 'http://\[your-host\]:8080/' is not a valid URL; "
        "it is shown without its link$",
        count=1,
    )


# --- MkDocs -------------------------------------------------------------------------------------


def test_mkdocs_builds_pages_with_placeholder_and_broken_link_targets(build, plugin_warnings):
    """MkDocs' link check used to raise ValueError('[HOST_SUBDOMAIN' …) and write no site."""
    site = build(
        {
            "index.md": "# Home\n\n[Other](other.md)\n",
            "console.md": f"# Console\n\nOpen the [Console]({CONSOLE}).\n",
            "broken.md": "# Broken\n\nText.\n\n[Docs](http://[docs-host]/guide/)\n",
            "other.md": "# Other\n",
        },
        strict=False,
    )
    plugin_warnings.expect(
        r"^broken\.md:5: href 'http://\[docs-host\]/guide/' is not a valid URL", count=1
    )
    console = site.html("console/").select_one("article")
    assert console.select_one("a[href*='HOST']") is None
    assert "Console (the console-openshift-console route on port 443" in console.get_text()
    assert "Docs" in site.html("broken/").select_one("article").get_text()
    assert site.html("broken/").select_one("article a[href*='docs-host']") is None
    assert site.exists("other/index.html")


def test_an_address_in_raw_html_text_gets_the_note_once():
    html = convert("<div>Open {{TRAFFIC_HOST1_80}} or {{TRAFFIC_HOST1_81}}.</div>")
    assert html == (
        NOTE
        + '<div>Open <span class="stepwise-env-link">'
        + where("port 80 of your environment", bare=True)
        + '</span> or <span class="stepwise-env-link">'
        + where("port 81 of your environment", bare=True)
        + "</span>.</div>"
    )


def test_the_page_text_is_never_taken_for_an_internal_mark():
    """Raw-HTML rewrites were flagged by a marker string in the HTML, then deleted from it."""
    html = "<p>a\x00stepwise-env\x00b [[lower]]</p>"
    assert mark_placeholders(html) == html
