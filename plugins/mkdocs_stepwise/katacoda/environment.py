"""Addresses of the scenario's sandbox, as a reader of a static site can use them.

Katacoda and Killercoda filled these in when they showed a step, with the address of a port of the
reader's own sandbox:

    https://[[HOST_SUBDOMAIN]]-8080-[[KATACODA_HOST]].environments.katacoda.com/app
    http://gogs.[[HOST_SUBDOMAIN]]-80-[[KATACODA_HOST]].environments.katacoda.com   (a route)
    http://[[HOST2_IP]]:30080/
    {{TRAFFIC_HOST1_3000}}/d/dashboard        (Killercoda: port 3000 of host 1)
    {{TRAFFIC_SELECTOR}}                      (Killercoda: the list of the sandbox's ports)

A static site has no sandbox: the reader runs the commands on a machine of their own, and the
address means "port 8080 of that machine". `read_address` reads what such an address says (host,
port, route name, path) and `describe` puts it in words. Pure functions, no HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KATACODA_SUBDOMAIN = (
    # Bounded, so that scanning prose stays linear: a host name label has at most 63 characters.
    r"(?:(?P<route>[A-Za-z0-9][A-Za-z0-9.-]{0,126}?)[.-])?"
    r"\[\[HOST(?P<k_host>\d*)_SUBDOMAIN\]\](?:-(?P<k_port>\d{1,5}))?"
    r"-\[\[KATACODA_HOST\]\]\.environments\.katacoda\.com(?::(?P<k_explicit>\d{1,5}))?"
)
_KATACODA_IP = r"\[\[HOST(?P<i_host>\d*)_IP\]\](?::(?P<i_port>\d{1,5}))?"
_TRAFFIC = r"\{\{\s*TRAFFIC_HOST(?P<t_host>\d+)_(?P<t_port>\w+?)\s*\}\}"
_SELECTOR = r"\{\{\s*TRAFFIC_SELECTOR\s*\}\}"
# Up to the first character that cannot be part of a URL written in prose. \x02 and \x03 delimit
# Python-Markdown's placeholders for stashed HTML (`…katacoda.com</a>` in a paragraph).
_PATH = r"(?P<path>[^\s<>\"'`()\[\]{}*|\\\x02\x03]*)"

ADDRESS = re.compile(
    r"(?P<scheme>[Hh][Tt][Tt][Pp][Ss]?://)?"
    rf"(?:{_KATACODA_SUBDOMAIN}|(?P<selector>{_SELECTOR})|{_TRAFFIC})"
    rf"{_PATH}"
    # An IP is an address only with its scheme: `ssh [[HOST_IP]]` is a host name in a sentence.
    rf"|(?P<ip_scheme>[Hh][Tt][Tt][Pp][Ss]?://){_KATACODA_IP}{_PATH.replace('path', 'ip_path')}"
)
"""An address of the sandbox, in prose or as a whole link target."""

ANY_PLACEHOLDER = re.compile(r"\[\[[A-Z][A-Z0-9_]*\]\]|\{\{\s*TRAFFIC_[A-Z0-9_]+\s*\}\}")
"""Any Katacoda or Killercoda placeholder: a URL holding one cannot be followed."""

_TRAILING_PUNCTUATION = ".,;:!?"


@dataclass(frozen=True)
class Address:
    """What an address of the sandbox points at."""

    host: int = 1
    port: str | None = None
    """The port number, as written; None when the address does not say."""
    route: str | None = None
    """An OpenShift route name in front of the host (`gogs`, `console-openshift-console`)."""
    path: str = ""
    """Path, query and fragment, as written (`/app?x=1`)."""
    selector: bool = False
    """Killercoda's `{{TRAFFIC_SELECTOR}}`: the page that lists the sandbox's ports."""


def has_placeholder(text: str) -> bool:
    return ANY_PLACEHOLDER.search(text) is not None


def read_address(url: str) -> Address:
    """What a link target holding a placeholder points at (the URL must hold one).

    A target this module cannot read (`http://[[HOST_IP]]x`, `{{TRAFFIC_HOST1_PORT}}`) still means
    "somewhere in your environment": the fields are then left empty.
    """
    match = ADDRESS.fullmatch(url.strip())
    return _from_match(match) if match else Address()


def find_addresses(text: str) -> list[tuple[int, int, Address]]:
    """`(start, end, address)` of each sandbox address written in prose, in order.

    Sentence punctuation right after an address (`…katacoda.com/.`) is not part of it.
    """
    found = []
    for match in ADDRESS.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in _TRAILING_PUNCTUATION:
            end -= 1
        address = _from_match(match)
        trimmed = len(match[0]) - (end - match.start())
        if trimmed:
            address = Address(
                address.host,
                address.port,
                address.route,
                address.path[:-trimmed] if trimmed <= len(address.path) else "",
                address.selector,
            )
        found.append((match.start(), end, address))
    return found


def _from_match(match: re.Match[str]) -> Address:
    if match["selector"]:
        return Address(selector=True, path=match["path"] or "")
    if match["ip_scheme"]:
        port = match["i_port"] or ("443" if match["ip_scheme"].lower() == "https://" else "80")
        return Address(_host(match["i_host"]), port, path=match["ip_path"] or "")
    path = match["path"] or ""
    if match["t_host"]:
        port = match["t_port"] if match["t_port"].isdigit() else None
        return Address(int(match["t_host"]), port, path=path)
    port = match["k_explicit"] or match["k_port"]
    if port is None and match["scheme"]:
        port = "443" if match["scheme"].lower() == "https://" else "80"
    return Address(_host(match["k_host"]), port, match["route"], path)


def _host(digits: str | None) -> int:
    return int(digits) if digits else 1


def describe(address: Address) -> str:
    """The address in words: `port 3000 of your environment`, with the route and host."""
    if address.selector:
        return "the list of open ports of your environment"
    where = "your environment" if address.host == 1 else f"host {address.host} of your environment"
    text = f"port {address.port} of {where}" if address.port else f"an address of {where}"
    if address.route:
        text = f"the {address.route} route on {text}"
    return text


NOTE_TITLE = "Links to your environment"
NOTE_TEXT = (
    "On Katacoda and Killercoda, links marked like this opened a port of the scenario's own "
    "machine. This site has none: run the commands on a machine of your own, then open the port "
    "the link names there, for example http://localhost:3000/ for port 3000 on your computer."
)
"""The explanation, shown once on every page with such a link."""
