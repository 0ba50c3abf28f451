"""Script URLs in Markdown links and images: removed and reported; every other target kept."""

from __future__ import annotations

import markdown
import pytest

from mkdocs_stepwise.safe_links import is_script_url


@pytest.mark.parametrize(
    ("url", "image", "expected"),
    [
        ("javascript:alert(1)", False, True),
        ("JavaScript:alert(1)", False, True),
        ("  \x01javascript:alert(1)", False, True),
        ("java\tscript:alert(1)", False, True),
        ("java&#x09;script:alert(1)", False, True),
        ("javascript&#58;alert(1)", False, True),
        ("vbscript:msgbox", False, True),
        ("data:text/html;base64,PHNjcmlwdD4=", False, True),
        ("data:image/svg+xml,<svg onload=alert(1)>", False, True),
        ("data:image/png;base64,iVBORw0KGgo=", False, False),
        ("data:image/svg+xml,<svg/>", True, False),
        ("data:text/html,x", True, True),
        ("javascript:alert(1)", True, True),
        ("https://example.org/javascript:x", False, False),
        ("./javascript/", False, False),
        ("javascript/index.md", False, False),
        ("#javascript:x", False, False),
        ("mailto:someone@example.org", False, False),
    ],
)
def test_is_script_url(url, image, expected):
    assert is_script_url(url, image=image) is expected


def test_links_lose_script_targets_and_keep_their_text(plugin_warnings):
    source = (
        "[a](javascript:alert(1)) [b](https://example.org/) ![c](javascript:x)\n"
        "[d][ref] [e](http://x){href='vbscript:y'}\n\n"
        "[ref]: JAVASCRIPT:alert(2)\n"
    )
    html = markdown.markdown(source, extensions=["attr_list", "stepwise.safe_links"])
    assert html == (
        '<p><a>a</a> <a href="https://example.org/">b</a> <img alt="c" />\n<a>d</a> <a>e</a></p>'
    )
    plugin_warnings.expect(r"^<markdown>: href 'javascript:alert\(1\)' removed", count=1)
    plugin_warnings.expect(r"^<markdown>: src 'javascript:x' removed", count=1)
    plugin_warnings.expect(r"^<markdown>: href 'JAVASCRIPT:alert\(2\)' removed", count=1)
    plugin_warnings.expect(r"^<markdown>: href 'vbscript:y' removed", count=1)


def test_raw_html_is_the_authors_choice():
    source = '<a href="javascript:void(0)">raw</a>\n'
    html = markdown.markdown(source, extensions=["stepwise.safe_links"])
    assert html == '<p><a href="javascript:void(0)">raw</a></p>'
