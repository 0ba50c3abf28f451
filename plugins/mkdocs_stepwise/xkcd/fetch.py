"""Guarded HTTP downloads from xkcd.com, and nowhere else.

One GET with four guards: the URL's origin must be one we were given (by default only
`https://xkcd.com` and `https://imgs.xkcd.com`; redirects elsewhere are refused before any
connection is made), a socket timeout, an overall deadline (a server that drips one byte per
second would otherwise pass the socket timeout), and a size cap checked against
`Content-Length` and again while reading.

Failures are sorted by what the caller should do about them: `Unreachable` (the network or
the server is down: stop trying for this build), `NotFound` (the comic does not exist: tell the
author) and `BadResponse` (anything else that is not what we asked for).
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from collections.abc import Collection
from typing import IO
from urllib.parse import urlsplit

API_BASE = "https://xkcd.com/"
"""Where `N/info.0.json` lives."""
IMAGE_BASE = "https://imgs.xkcd.com/"
"""Where `comics/NAME.png` lives."""

MAX_JSON_BYTES = 1_000_000
MAX_IMAGE_BYTES = 5_000_000
DEADLINE_FACTOR = 4
"""A whole download may take this many timeouts; each socket operation gets one."""

_CHUNK = 64 * 1024


class FetchError(Exception):
    """A download that did not produce what we asked for."""


class Unreachable(FetchError):
    """The server could not be reached or did not answer in time."""


class NotFound(FetchError):
    """The server answered 404 or 410."""


class BadResponse(FetchError):
    """An answer we refuse: an error status, too big, a redirect elsewhere, the wrong content."""


def origin(url: str) -> str:
    """`scheme://host[:port]`, lower-cased, with default ports left out."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    default_port = {"http": 80, "https": 443}.get(scheme)
    try:
        port = parts.port
    except ValueError:
        port = None
    suffix = f":{port}" if port is not None and port != default_port else ""
    return f"{scheme}://{host}{suffix}"


class _GuardedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to an allowed origin: a refused one never gets a connection."""

    max_redirections = 3

    def __init__(self, allowed_origins: Collection[str]) -> None:
        super().__init__()
        self.allowed_origins = allowed_origins

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if origin(newurl) not in self.allowed_origins:
            raise BadResponse(f"refused a redirect from {req.full_url} to {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def http_get(
    url: str,
    *,
    allowed_origins: Collection[str],
    timeout: float,
    max_bytes: int,
) -> bytes:
    """The body of `url`, or a `FetchError` saying why not."""
    if origin(url) not in allowed_origins:
        raise BadResponse(f"refused to fetch {url}: only {', '.join(sorted(allowed_origins))}")
    opener = urllib.request.build_opener(_GuardedRedirects(allowed_origins))
    request = urllib.request.Request(url, headers={"User-Agent": "mkdocs-stepwise (xkcd panel)"})
    deadline = time.monotonic() + timeout * DEADLINE_FACTOR
    try:
        with opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise BadResponse(f"{url} is {declared} bytes, more than the {max_bytes} allowed")
            return _read_capped(response, url, max_bytes, deadline)
    except urllib.error.HTTPError as error:
        error.close()
        if error.code in (404, 410):
            raise NotFound(f"{url} answered HTTP {error.code}") from None
        raise BadResponse(f"{url} answered HTTP {error.code}") from None
    except urllib.error.URLError as error:
        raise Unreachable(f"{url}: {error.reason}") from None
    except OSError as error:  # a timeout or a reset connection while reading the answer
        raise Unreachable(f"{url}: {error or type(error).__name__}") from None
    except http.client.HTTPException as error:
        raise BadResponse(f"{url}: broken HTTP answer ({type(error).__name__})") from None


def _read_capped(
    response: http.client.HTTPResponse, url: str, max_bytes: int, deadline: float
) -> bytes:
    body = bytearray()
    # read1 returns whatever has arrived, so the deadline is checked even on a slow drip.
    while chunk := response.read1(_CHUNK):
        body += chunk
        if len(body) > max_bytes:
            raise BadResponse(f"{url} sent more than the {max_bytes} bytes allowed")
        if time.monotonic() > deadline:
            raise Unreachable(f"{url}: too slow, gave up")
    return bytes(body)
