"""Katacoda's `ctrl-seq` marker (`` `^C`{{execute ctrl-seq T2}} ``): keystrokes for a terminal.

On a static site there is no terminal to send them to, and copying `^C` helps nobody: the code
becomes an instruction the reader can see, "Press Ctrl+C in Terminal 2", with the keys in
`<kbd>`. Pure: text in, element out.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from .markers import CLASS_PREFIX, Marker

KEYS_CLASS = f"{CLASS_PREFIX}-keys"
_NAMED = {"ESC": "Esc", "[": "Esc", "ESCAPE": "Esc", "TAB": "Tab"}
_SPELLED = {"Esc": "^ESC", "Tab": "^TAB"}


def key_names(text: str) -> list[str]:
    """`^C` -> Ctrl, C; `^ESC` and `^[` -> Esc; anything else is typed as written."""
    text = text.strip()
    if not text.startswith("^") or len(text) < 2:
        return [text]
    rest = text[1:]
    if rest.upper() in _NAMED and (len(rest) > 1 or rest == "["):
        return [_NAMED[rest.upper()]]
    if len(rest) == 1:
        return ["Ctrl", rest.upper()]
    return [text]


def keys_text(names: list[str]) -> str:
    """`key_names` backwards, as Katacoda spells keystrokes: Ctrl, C -> `^C`; Esc -> `^ESC`."""
    if len(names) == 2 and names[0] == "Ctrl":
        return f"^{names[1]}"
    if len(names) == 1:
        return _SPELLED.get(names[0], names[0])
    return "".join(names)


def where(marker: Marker) -> str:
    """` in Terminal 2`, ` on Host 2`, both, or nothing."""
    place = ""
    if marker.terminal is not None:
        place += f" in Terminal {marker.terminal}"
    if marker.host is not None:
        place += f" on Host {marker.host}"
    return place


def keys_element(text: str, marker: Marker) -> etree.Element:
    """`<span class="stepwise-keys …">Press <kbd>Ctrl</kbd>+<kbd>C</kbd> in Terminal 2</span>`."""
    span = etree.Element("span")
    # The marker's classes stay (`stepwise check` presses these keys); `assets/execute.js`
    # makes no button of a `.stepwise-keys` element.
    span.set("class", " ".join([KEYS_CLASS, *marker.css_classes()]))
    names = key_names(text)
    typed = names == [text.strip()] and not text.strip().startswith("^")
    span.text = "Type " if typed else "Press "
    last: etree.Element | None = None
    for index, name in enumerate(names):
        kbd = etree.SubElement(span, "kbd")
        kbd.text = AtomicString(name)  # as written: no Markdown inside
        if index < len(names) - 1:
            kbd.tail = "+"
        last = kbd
    assert last is not None
    last.tail = where(marker) or None
    return span
