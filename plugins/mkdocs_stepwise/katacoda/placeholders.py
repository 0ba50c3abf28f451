"""Katacoda placeholders (`[[HOST_IP]]`, `[[HOST_SUBDOMAIN]]`, …) as visibly marked variables.

Katacoda replaced these with values from the reader's sandbox. A static site has no sandbox, so
each becomes a `<var>` that says what used to go there (in its `title`), and the reader puts in a
value of their own.

In prose the brackets go: `<var …>HOST_IP</var>`. In code (`<pre>`, `<code>`) the brackets stay
inside the `<var>`: the text a reader copies is then exactly what the author wrote, and
`[[HOST_IP]]` in a pasted command is an obvious gap rather than a plausible host name. Code that
a highlighter split into several tokens is left as written (still readable, just not marked).

This works on the finished HTML, so placeholders in raw HTML blocks (`<pre>[[HOST_IP]]</pre>`,
common in Katacoda steps) are found too. Attribute values (`href="https://[[HOST_SUBDOMAIN]]…"`),
comments, scripts and styles are never touched.
"""

from __future__ import annotations

import html
import re

PLACEHOLDER = re.compile(r"\[\[(?P<name>[A-Z][A-Z0-9_]*)\]\]")
_TOKEN = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_TAG_NAME = re.compile(r"<\s*(?P<end>/)?\s*(?P<name>[a-zA-Z][a-zA-Z0-9-]*)")
_CODE_TAGS = {"pre", "code", "kbd", "samp"}
_SKIPPED_TAGS = {"script", "style", "textarea", "title"}
_HOST = re.compile(r"HOST(?P<number>\d*)_(?P<what>IP|SUBDOMAIN)")

CSS_CLASS = "stepwise-placeholder"


def describe(name: str) -> str:
    """What Katacoda used to fill in for a placeholder, for the `<var>`'s title."""
    host = _HOST.fullmatch(name)
    if host:
        which = f"host {host['number']}'s" if host["number"] else "the host's"
        filled = f"{which} {'IP address' if host['what'] == 'IP' else 'subdomain'}"
    elif name == "KATACODA_HOST":
        filled = "the name of the Katacoda cluster"
    elif name == "KATACODA_DOMAIN":
        filled = "Katacoda's domain name"
    else:
        filled = "a value from the reader's sandbox"
    return f"Katacoda filled this in with {filled}"


def placeholder_html(name: str, *, in_code: bool) -> str:
    text = f"[[{name}]]" if in_code else name
    return (
        f'<var class="{CSS_CLASS}" title="{html.escape(describe(name), quote=False)}">{text}</var>'
    )


def mark_placeholders(document: str) -> str:
    """Wrap every `[[NAME]]` in the text of an HTML fragment in a marked `<var>`."""
    if "[[" not in document:
        return document
    output: list[str] = []
    code_depth = 0
    skipped_depth = 0
    position = 0
    for token in _TOKEN.finditer(document):
        output.append(_mark(document[position : token.start()], code_depth, skipped_depth))
        output.append(token[0])
        position = token.end()
        tag = _TAG_NAME.match(token[0])
        if tag is None or token[0].endswith("/>"):
            continue
        step = -1 if tag["end"] else 1
        name = tag["name"].lower()
        if name in _CODE_TAGS:
            code_depth = max(0, code_depth + step)
        elif name in _SKIPPED_TAGS:
            skipped_depth = max(0, skipped_depth + step)
    output.append(_mark(document[position:], code_depth, skipped_depth))
    return "".join(output)


def _mark(text: str, code_depth: int, skipped_depth: int) -> str:
    if skipped_depth or "[[" not in text:
        return text
    return PLACEHOLDER.sub(
        lambda match: placeholder_html(match["name"], in_code=code_depth > 0), text
    )
