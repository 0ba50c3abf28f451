"""Fetching, caching and self-hosting, against a fake xkcd.com on 127.0.0.1."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import markdown
import pytest

from mkdocs_stepwise.pagecontext import PageInfo, converting
from mkdocs_stepwise.xkcd import XkcdExtension, publish_images
from mkdocs_stepwise.xkcd.cache import XkcdCache
from mkdocs_stepwise.xkcd.fetch import (
    API_BASE,
    IMAGE_BASE,
    BadResponse,
    NotFound,
    Unreachable,
    http_get,
)
from mkdocs_stepwise.xkcd.remote import XkcdRemote

from .xkcd_support import (
    SEED_TITLE_TEXT,
    FakeXkcd,
    Route,
    closed_port_base,
    comic_json,
    png,
)

PYENV_PNG = png(40, 30)
PYENV_2X_PNG = png(80, 60)
PYTHON_PNG = png(20, 10)


@pytest.fixture
def fake() -> Iterator[FakeXkcd]:
    server = FakeXkcd(
        routes={
            "/comics/python_environment.png": Route(PYENV_PNG, content_type="image/png"),
            "/comics/python_environment_2x.png": Route(PYENV_2X_PNG, content_type="image/png"),
            "/353/info.0.json": Route(comic_json(353, "Python", "python.png", "Import <x> & go")),
            "/comics/python.png": Route(PYTHON_PNG, content_type="image/png"),
        }
    ).start()
    yield server
    server.stop()


def remote(tmp_path: Path, base: str, **options: Any) -> XkcdRemote:
    return XkcdRemote(
        XkcdCache(tmp_path / "cache"),
        api_base=base,
        image_base=base,
        **options,
    )


def extension(tmp_path: Path, base: str, **options: Any) -> XkcdExtension:
    return XkcdExtension(
        fetch=True,
        cache_dir=str(tmp_path / "cache"),
        api_base=base,
        image_base=base,
        **options,
    )


def convert(ext: XkcdExtension, source: str, page: PageInfo) -> str:
    with converting(page):
        return markdown.markdown(source, extensions=[ext])


# --- the guarded GET -------------------------------------------------------------------------


def test_production_bases_allow_only_xkcd(tmp_path: Path, fake: FakeXkcd) -> None:
    production = XkcdRemote(XkcdCache(tmp_path))
    assert production.allowed_origins == {"https://xkcd.com", "https://imgs.xkcd.com"}
    assert (API_BASE, IMAGE_BASE) == ("https://xkcd.com/", "https://imgs.xkcd.com/")
    with pytest.raises(BadResponse, match="refused to fetch"):
        http_get(
            f"{fake.base}353/info.0.json",
            allowed_origins=production.allowed_origins,
            timeout=1,
            max_bytes=100,
        )
    assert fake.requests == []


def test_a_redirect_to_another_host_is_refused_before_connecting(fake: FakeXkcd) -> None:
    elsewhere = FakeXkcd(routes={"/x": Route(b"{}")}).start()
    try:
        other = elsewhere.base.replace("127.0.0.1", "localhost")
        fake.routes["/moved"] = Route(status=302, headers={"Location": f"{other}x"})
        with pytest.raises(BadResponse, match="refused a redirect"):
            http_get(
                f"{fake.base}moved", allowed_origins={fake.base[:-1]}, timeout=1, max_bytes=100
            )
        assert elsewhere.requests == []
    finally:
        elsewhere.stop()


def test_a_redirect_within_the_allowed_origin_is_followed(fake: FakeXkcd) -> None:
    fake.routes["/old"] = Route(status=301, headers={"Location": "/new"})
    fake.routes["/new"] = Route(b"here")
    body = http_get(f"{fake.base}old", allowed_origins={fake.base[:-1]}, timeout=1, max_bytes=100)
    assert body == b"here"


@pytest.mark.parametrize("send_length", [True, False], ids=["declared", "streamed"])
def test_an_oversized_answer_is_refused(fake: FakeXkcd, send_length: bool) -> None:
    fake.routes["/big"] = Route(b"x" * 1_000_001, send_length=send_length)
    with pytest.raises(BadResponse, match="more than the 1000000"):
        http_get(f"{fake.base}big", allowed_origins={fake.base[:-1]}, timeout=1, max_bytes=10**6)


def test_a_slow_drip_hits_the_overall_deadline(fake: FakeXkcd) -> None:
    fake.routes["/drip"] = Route(b"x" * 100, drip=0.05)
    started = time.monotonic()
    with pytest.raises(Unreachable, match="too slow"):
        http_get(f"{fake.base}drip", allowed_origins={fake.base[:-1]}, timeout=0.2, max_bytes=999)
    assert time.monotonic() - started < 2


# --- metadata and images through the cache ---------------------------------------------------


def test_a_comic_is_fetched_once_then_served_from_the_cache(tmp_path: Path, fake: FakeXkcd) -> None:
    comic = remote(tmp_path, fake.base).comic(353)
    assert (comic.num, comic.title, comic.alt) == (353, "Python", "Import <x> & go")
    assert (tmp_path / "cache/json/353.json").read_bytes() == fake.routes["/353/info.0.json"].body
    image = remote(tmp_path, fake.base).image(comic.img)
    assert image == tmp_path / "cache/comics/python.png"
    assert image.read_bytes() == PYTHON_PNG
    assert fake.requests == ["/353/info.0.json", "/comics/python.png"]

    offline = remote(tmp_path, closed_port_base())
    assert offline.comic(353) == comic
    assert offline.image(comic.img) == image
    assert offline.unreachable is None  # the cache answered; the network was never tried


def test_network_down_warns_once_and_stops_trying(tmp_path: Path, plugin_warnings) -> None:
    down = remote(tmp_path, closed_port_base())
    with pytest.raises(Unreachable):
        down.comic(353)
    with pytest.raises(Unreachable):
        down.comic(354)
    with pytest.raises(Unreachable):
        down.image("https://imgs.xkcd.com/comics/python.png")
    plugin_warnings.expect(r"xkcd\.com is unreachable .*Connection refused", count=1)


def test_a_slow_server_counts_as_unreachable(
    tmp_path: Path, fake: FakeXkcd, plugin_warnings
) -> None:
    fake.routes["/354/info.0.json"] = Route(comic_json(354, "S", "s.png"), delay=2)
    slow = remote(tmp_path, fake.base, timeout=0.2)
    started = time.monotonic()
    with pytest.raises(Unreachable):
        slow.comic(354)
    with pytest.raises(Unreachable):
        slow.comic(353)  # not even asked: the build has given up on the network
    assert time.monotonic() - started < 1.5
    assert fake.requests == ["/354/info.0.json"]
    plugin_warnings.expect(r"xkcd\.com is unreachable .*timed out", count=1)


def test_a_missing_comic_is_not_found(tmp_path: Path, fake: FakeXkcd) -> None:
    with pytest.raises(NotFound, match="HTTP 404"):
        remote(tmp_path, fake.base).comic(99999)
    assert not (tmp_path / "cache/json/99999.json").exists()


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (b"<html>oops</html>", "not an xkcd comic's JSON"),
        (b'{"num": 355}', "missing 'title'"),
        (b'["a list"]', "expected a mapping"),
        (comic_json(356, "Wrong", "w.png"), "describes comic 356, not 355"),
        (b'{"num": 355, "title": "T", "alt": "", "img": "https://evil.example/t.png"}', "'img'"),
    ],
)
def test_bad_json_is_refused_and_not_cached(
    tmp_path: Path, fake: FakeXkcd, body: bytes, error: str
) -> None:
    fake.routes["/355/info.0.json"] = Route(body)
    with pytest.raises(BadResponse, match=error):
        remote(tmp_path, fake.base).comic(355)
    assert not (tmp_path / "cache/json/355.json").exists()


def test_an_image_that_is_not_an_image_or_too_big_is_refused(
    tmp_path: Path, fake: FakeXkcd
) -> None:
    fake.routes["/comics/html.png"] = Route(b"<!doctype html><p>rate limited")
    with pytest.raises(BadResponse, match="not a PNG"):
        remote(tmp_path, fake.base).image("https://imgs.xkcd.com/comics/html.png")
    with pytest.raises(BadResponse, match="more than the 20 allowed"):
        remote(tmp_path, fake.base, max_image_bytes=20).image(
            "https://imgs.xkcd.com/comics/python.png"
        )
    assert not (tmp_path / "cache/comics").exists() or not any(
        (tmp_path / "cache/comics").iterdir()
    )


def test_only_imgs_xkcd_image_urls_are_fetched(tmp_path: Path, fake: FakeXkcd) -> None:
    with pytest.raises(BadResponse, match=r"not an imgs\.xkcd\.com comic image"):
        remote(tmp_path, fake.base).image(f"{fake.base}comics/python.png")
    assert fake.requests == []


# --- the extension with fetching on ----------------------------------------------------------

SEED = (
    "[![](https://imgs.xkcd.com/comics/python_environment.png)](https://xkcd.com/1987/"
    f' "{SEED_TITLE_TEXT}")\n'
)


def self_hosted_panel(prefix: str) -> str:
    return (
        '<figure class="stepwise-xkcd">\n'
        '<a class="stepwise-xkcd__comic" href="https://xkcd.com/1987/">'
        f'<img src="{prefix}assets/xkcd/python_environment.png"'
        f' srcset="{prefix}assets/xkcd/python_environment_2x.png 2x"'
        f' alt="xkcd 1987: Python Environment" title="{SEED_TITLE_TEXT}"'
        ' width="40" height="30" loading="lazy" decoding="async" /></a>\n'
        "<figcaption>\n"
        '<p class="stepwise-xkcd__title">'
        '<a href="https://xkcd.com/1987/">xkcd 1987: Python Environment</a></p>\n'
        f'<p class="stepwise-xkcd__text">{SEED_TITLE_TEXT}</p>\n'
        '<p class="stepwise-xkcd__credit"><a href="https://xkcd.com/1987/">xkcd.com</a> by Randall'
        ' Munroe, <a href="https://creativecommons.org/licenses/by-nc/2.5/" rel="license">'
        "CC BY-NC 2.5</a></p>\n"
        "</figcaption>\n"
        "</figure>"
    )


def test_images_are_self_hosted_and_the_second_build_needs_no_server(
    tmp_path: Path, fake: FakeXkcd
) -> None:
    first = extension(tmp_path, fake.base)
    html = convert(first, SEED, PageInfo("steps/one.md", "steps/one/"))
    assert html == self_hosted_panel("../../")
    # Comic 1987 is in the shipped data file: only its images are downloaded.
    assert fake.requests == [
        "/comics/python_environment.png",
        "/comics/python_environment_2x.png",
    ]
    mapping = first.images_to_publish()
    assert mapping == {
        "assets/xkcd/python_environment.png": tmp_path / "cache/comics/python_environment.png",
        "assets/xkcd/python_environment_2x.png": tmp_path
        / "cache/comics/python_environment_2x.png",
    }
    site = tmp_path / "site"
    written = publish_images(mapping, site)
    assert written == [
        site / "assets/xkcd/python_environment.png",
        site / "assets/xkcd/python_environment_2x.png",
    ]
    assert (site / "assets/xkcd/python_environment.png").read_bytes() == PYENV_PNG

    fake.stop()
    second = extension(tmp_path, closed_port_base())
    assert convert(second, SEED, PageInfo("index.md", "")) == self_hosted_panel("")
    assert second.images_to_publish() == mapping


def test_an_unknown_comic_is_fetched_with_its_image(tmp_path: Path, fake: FakeXkcd) -> None:
    html = convert(extension(tmp_path, fake.base), "{{< xkcd 353 >}}\n", PageInfo("a.md", "a/"))
    assert html.startswith(
        '<figure class="stepwise-xkcd">\n'
        '<a class="stepwise-xkcd__comic" href="https://xkcd.com/353/">'
        '<img src="../assets/xkcd/python.png" alt="xkcd 353: Python"'
        ' title="Import &lt;x&gt; &amp; go" width="20" height="10"'
    )
    assert fake.requests == ["/353/info.0.json", "/comics/python.png"]


def test_a_bare_image_of_a_cached_comic_is_found_by_name(tmp_path: Path, fake: FakeXkcd) -> None:
    online = remote(tmp_path, fake.base)
    online.image(online.comic(353).img)
    html = convert(
        extension(tmp_path, closed_port_base()),
        "![](https://imgs.xkcd.com/comics/python.png)\n",
        PageInfo("a.md", "a/"),
    )
    assert html.startswith(
        '<figure class="stepwise-xkcd">\n'
        '<a class="stepwise-xkcd__comic" href="https://xkcd.com/353/">'
        '<img src="../assets/xkcd/python.png" alt="xkcd 353: Python"'
    )


def test_network_down_one_warning_for_the_whole_build(tmp_path: Path, plugin_warnings) -> None:
    ext = extension(tmp_path, closed_port_base())
    pages = {
        PageInfo("one.md", "one/"): f"{SEED}\n{{{{< xkcd 353 >}}}}\n",
        PageInfo("two.md", "two/"): f"{SEED}\n{{{{< xkcd 354 >}}}}\n",
    }
    outputs = [convert(ext, source, page) for page, source in pages.items()]
    plugin_warnings.expect(r"^one\.md: xkcd\.com is unreachable", count=1)
    for html in outputs:
        # The data file still knows 1987; its images stay on imgs.xkcd.com.
        assert (
            '<img src="https://imgs.xkcd.com/comics/python_environment.png"'
            ' srcset="https://imgs.xkcd.com/comics/python_environment_2x.png 2x"' in html
        )
    assert '<a href="https://xkcd.com/353/">xkcd 353</a>' in outputs[0]
    assert outputs[1].endswith('<p><a href="https://xkcd.com/354/">xkcd 354</a></p>')
    assert ext.images_to_publish() == {}


def test_a_404_comic_warns_with_file_and_line(
    tmp_path: Path, fake: FakeXkcd, plugin_warnings
) -> None:
    source = "Intro\n\n[![](https://imgs.xkcd.com/comics/no.png)](https://xkcd.com/99999/)\n"
    html = convert(extension(tmp_path, fake.base), source, PageInfo("steps/x.md", "steps/x/"))
    assert html.endswith(
        '<p><a href="https://xkcd.com/99999/"><img alt="" src="https://imgs.xkcd.com/comics/no.png"'
        " /></a></p>"
    )
    plugin_warnings.expect(r"^steps/x\.md:3: xkcd 99999 does not exist \(.*HTTP 404\)", count=1)


def test_a_missing_image_falls_back_to_imgs_xkcd_com(
    tmp_path: Path, fake: FakeXkcd, plugin_warnings
) -> None:
    del fake.routes["/comics/python_environment.png"]
    html = convert(extension(tmp_path, fake.base), SEED, PageInfo("a.md", "a/"))
    assert 'src="https://imgs.xkcd.com/comics/python_environment.png"' in html
    assert 'srcset="https://imgs.xkcd.com/comics/python_environment_2x.png 2x"' in html
    plugin_warnings.expect(
        r"^a\.md: cannot serve https://imgs\.xkcd\.com/comics/python_environment\.png from the "
        r"site \(.*HTTP 404\); linking imgs\.xkcd\.com instead$",
        count=1,
    )


def test_a_missing_2x_image_is_left_out_not_linked_remotely(
    tmp_path: Path, fake: FakeXkcd, plugin_warnings
) -> None:
    del fake.routes["/comics/python_environment_2x.png"]
    ext = extension(tmp_path, fake.base)
    for _ in range(2):
        html = convert(ext, SEED, PageInfo("a.md", "a/"))
        assert '<img src="../assets/xkcd/python_environment.png" alt=' in html
        assert "srcset" not in html
    plugin_warnings.expect(r"python_environment_2x\.png from the site .*; no 2x image$", count=1)
    assert list(ext.images_to_publish()) == ["assets/xkcd/python_environment.png"]


def test_publish_images_reports_a_file_it_cannot_copy(tmp_path: Path, plugin_warnings) -> None:
    present = tmp_path / "present.png"
    present.write_bytes(PYTHON_PNG)
    mapping = {"assets/xkcd/gone.png": tmp_path / "gone.png", "assets/xkcd/p.png": present}
    written = publish_images(mapping, tmp_path / "site")
    assert written == [tmp_path / "site/assets/xkcd/p.png"]
    plugin_warnings.expect(r"cannot publish the xkcd image assets/xkcd/gone\.png", count=1)


def test_fetching_is_off_by_default(tmp_path: Path, fake: FakeXkcd, plugin_warnings) -> None:
    ext = XkcdExtension(cache_dir=str(tmp_path / "cache"), api_base=fake.base, image_base=fake.base)
    html = convert(ext, SEED + "\n{{< xkcd 353 >}}\n", PageInfo("a.md", "a/"))
    assert 'src="https://imgs.xkcd.com/comics/python_environment.png"' in html
    assert fake.requests == []
    plugin_warnings.expect(r"^a\.md:3: xkcd 353 is not in the xkcd data file", count=1)
