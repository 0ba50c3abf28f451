"""Katacoda placeholders (`[[HOST_IP]]`, `[[HOST_SUBDOMAIN]]`, …) as visibly marked variables.

Katacoda replaced these with values from the reader's sandbox. A static site has no sandbox, so
each becomes a `<var>` that says what used to go there (in its `title`), and the reader puts in a
value of their own.

In prose the brackets go: `<var …>HOST_IP</var>`. In code (`<pre>`, `<code>`) the brackets stay
inside the `<var>`: the text a reader copies is then exactly what the author wrote, and
`[[HOST_IP]]` in a pasted command is an obvious gap rather than a plausible host name. Code that
a highlighter split into several tokens is left as written (still readable, just not marked).

Killercoda's `{{TRAFFIC_HOST1_3000}}` in code is marked the same way.

This works on the finished HTML, so placeholders in raw HTML blocks (`<pre>[[HOST_IP]]</pre>`,
common in Katacoda steps) are found too. Comments, scripts and styles are never touched.

Links are `links`' business, in the element tree; raw HTML reaches this module only. So here, a
raw `<a href="https://[[HOST_SUBDOMAIN]]-443-…">` loses its `href` and gets "(port 443 of your
environment)" after it, an `src` holding a placeholder is dropped, and a sandbox address in the
text of raw HTML is put in words, as `links` does for Markdown.
"""

from __future__ import annotations

import html
import re

from .environment import (
    NOTE_TEXT,
    NOTE_TITLE,
    Address,
    find_addresses,
    has_placeholder,
    read_address,
)
from .environment import describe as describe_address
from .links import LINK_CLASS, NOTE_CLASS, WHERE_CLASS

PLACEHOLDER = re.compile(
    r"\[\[(?P<name>[A-Z][A-Z0-9_]*)\]\]|(?P<traffic>\{\{\s*(?P<traffic_name>TRAFFIC_[A-Z0-9_]+)\s*\}\})"
)
_TOKEN = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_TAG_NAME = re.compile(r"<\s*(?P<end>/)?\s*(?P<name>[a-zA-Z][a-zA-Z0-9-]*)")
_CODE_TAGS = {"pre", "code", "kbd", "samp"}
_SKIPPED_TAGS = {"script", "style", "textarea", "title"}
_HOST = re.compile(r"HOST(?P<number>\d*)_(?P<what>IP|SUBDOMAIN)")
_TRAFFIC = re.compile(r"TRAFFIC_HOST(?P<host>\d+)_(?P<port>\d+)")
# A URL attribute of a raw tag: ` href="…"`, ` src='…'`, ` href=…`.
_URL_ATTRIBUTE = re.compile(
    r"\s(?P<name>href|src)\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))",
    re.IGNORECASE,
)

CSS_CLASS = "stepwise-placeholder"


def describe(name: str) -> str:
    """What Katacoda used to fill in for a placeholder, for the `<var>`'s title."""
    if name.startswith("TRAFFIC_"):
        traffic = _TRAFFIC.fullmatch(name)
        if traffic:
            on = f" of host {traffic['host']}" if traffic["host"] != "1" else ""
            return f"Killercoda filled this in with the address of port {traffic['port']}{on}"
        if name == "TRAFFIC_SELECTOR":
            return "Killercoda filled this in with the address of its list of open ports"
        return "Killercoda filled this in with an address of the reader's sandbox"
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


def placeholder_html(name: str, *, in_code: bool, written: str | None = None) -> str:
    """The `<var>`; `written` is the placeholder as the author wrote it, kept in code."""
    text = (written or f"[[{name}]]") if in_code else name
    return (
        f'<var class="{CSS_CLASS}" title="{html.escape(describe(name), quote=False)}">{text}</var>'
    )


def mark_placeholders(document: str) -> str:
    """Mark every placeholder in an HTML fragment, and put raw HTML's sandbox links in words."""
    if "[[" not in document and "{{" not in document:
        return document
    output: list[str] = []
    code_depth = 0
    skipped_depth = 0
    position = 0
    pending_where = ""  # the words for a raw `<a>` whose href was dropped, for after `</a>`
    rewrote = False
    for token in _TOKEN.finditer(document):
        text = document[position : token.start()]
        if pending_where and not code_depth and find_addresses(text):
            pending_where = ""  # the link shows its own address: the words replace it
        marked, in_words = _mark(text, code_depth, skipped_depth)
        output.append(marked)
        rewrote = rewrote or in_words
        position = token.end()
        tag = _TAG_NAME.match(token[0])
        if tag is None:
            output.append(token[0])
            continue
        name = tag["name"].lower()
        if pending_where and f'class="{LINK_CLASS}"' in token[0]:
            pending_where = ""  # `links` already put the link's own address in words
        if tag["end"] and name == "a" and pending_where:
            output.append(token[0] + " " + pending_where)
            pending_where = ""
            continue
        if not tag["end"] and not skipped_depth and has_placeholder(token[0]):
            start_tag, where = _drop_sandbox_urls(token[0])
            rewrote = rewrote or bool(where)
            output.append(start_tag)
            if name == "a":
                pending_where = where
            elif where:
                output.append(" " + where)
        else:
            output.append(token[0])
        if token[0].endswith("/>"):
            continue
        step = -1 if tag["end"] else 1
        if name in _CODE_TAGS:
            code_depth = max(0, code_depth + step)
        elif name in _SKIPPED_TAGS:
            skipped_depth = max(0, skipped_depth + step)
    text = document[position:]
    marked, in_words = _mark(text, code_depth, skipped_depth)
    output.append(marked)
    result = "".join(output)
    if (rewrote or in_words) and NOTE_CLASS not in result:
        result = _note_html() + result
    return result


def _drop_sandbox_urls(start_tag: str) -> tuple[str, str]:
    """The start tag without `href`/`src` values that hold placeholders, and the words for them."""
    words: list[str] = []

    def drop(match: re.Match[str]) -> str:
        value = html.unescape(match["dq"] or match["sq"] or match["bare"] or "")
        if not has_placeholder(value):
            return match[0]
        words.append(_where_html(read_address(value), bare=False))
        return ""

    tag = _URL_ATTRIBUTE.sub(drop, start_tag)
    if words:
        tag = re.sub(r"^<\s*[a-zA-Z][a-zA-Z0-9-]*", lambda m: f'{m[0]} class="{LINK_CLASS}"', tag)
    return tag, " ".join(words)


def _where_html(address: Address, *, bare: bool) -> str:
    words = html.escape(describe_address(address), quote=False)
    if address.path and address.path != "/":
        words += f", path <code>{html.escape(address.path, quote=False)}</code>"
    text = words if bare else f"({words})"
    return f'<span class="{WHERE_CLASS}">{text}</span>'


def _note_html() -> str:
    return (
        f'<div class="admonition info {NOTE_CLASS}">'
        f'<p class="admonition-title">{html.escape(NOTE_TITLE, quote=False)}</p>'
        f"<p>{html.escape(NOTE_TEXT, quote=False)}</p></div>\n"
    )


def _mark(text: str, code_depth: int, skipped_depth: int) -> tuple[str, bool]:
    """The text with its placeholders marked, and whether a sandbox address was put in words
    (the page then needs the note)."""
    if skipped_depth or ("[[" not in text and "{{" not in text):
        return text, False
    in_words = False
    if not code_depth:
        text, in_words = _addresses_in_words(text)
    marked = PLACEHOLDER.sub(
        lambda match: placeholder_html(
            match["name"] or match["traffic_name"], in_code=code_depth > 0, written=match[0]
        ),
        text,
    )
    return marked, in_words


def _addresses_in_words(text: str) -> tuple[str, bool]:
    found = find_addresses(text)
    if not found:
        return text, False
    output: list[str] = []
    position = 0
    for start, end, address in found:
        output.append(text[position:start])
        output.append(f'<span class="{LINK_CLASS}">{_where_html(address, bare=True)}</span>')
        position = end
    output.append(text[position:])
    return "".join(output), True
