"""Any input: the shortcodes extension never raises, and leaves shortcode-free text alone."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_stepwise.shortcodes.parser import node_source, parse

from .shortcodes_support import convert, preprocess

PIECES = [
    "{{<", "{{%", ">}}", "%}}", "/>}}", "{{</*", "*/>}}", " ", "\n", "\n\n", "    ", '"', "`",
    "```", "~~~", "=", "/", "alert", "info", "hl-text", "codeblock", "tabbed-codeblock",
    "highlight", "figure", "ref", "image", "src=", "x.png", "javascript:", "toc",
    "<!-- toc -->", "<!-- tab js -->", "<!-- endtab -->", "<p>", "text", "- ", "> ", "#",
]  # fmt: skip

documents = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(source=documents)
def test_any_document_converts(source: str, plugin_warnings) -> None:
    convert(source)
    preprocess(source)
    plugin_warnings.clear()  # bad input is reported; what matters here is that nothing raises


@settings(max_examples=300, deadline=None)
@given(source=documents)
def test_parsing_keeps_all_text_outside_code(source: str) -> None:
    """Apart from escaped calls, the nodes spell out the document again."""
    nodes = parse(source, verbatim={"codeblock"}, ignored={"xkcd"}).nodes
    if "/*" not in source:
        assert "".join(node_source(node) for node in nodes) == source


@settings(max_examples=200, deadline=None)
@given(source=st.text(alphabet=st.characters(blacklist_characters="{"), max_size=200))
def test_text_without_shortcodes_is_unchanged(source: str) -> None:
    if "<!--" not in source:
        assert preprocess(source) == source
