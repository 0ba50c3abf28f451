"""Hugo translations, as pure functions: file names and keys in, groups and addresses out."""

from __future__ import annotations

from mkdocs_stepwise.translations import (
    group_translations,
    interface_language,
    material_languages,
    normalise,
    split_language,
    translated_destination,
)

KNOWN = material_languages()


def test_language_suffixes() -> None:
    assert split_language("post/foo.ja.md", KNOWN) == ("post/foo.md", "ja")
    assert split_language("post/foo.en-us.md", KNOWN) == ("post/foo.md", "en-US")
    assert split_language("post/foo.zh-hant.md", KNOWN) == ("post/foo.md", "zh-Hant")
    # Not languages: dotted names stay as they are.
    assert split_language("post/jquery.min.md", KNOWN) == ("post/jquery.min.md", None)
    assert split_language("post/v1.2.md", KNOWN) == ("post/v1.2.md", None)
    assert split_language("post/foo.md", KNOWN) == ("post/foo.md", None)


def test_codes_and_interfaces() -> None:
    assert normalise("en_us") == "en-US"
    assert interface_language("en-US", KNOWN) == "en"
    assert interface_language("zh-TW", KNOWN) == "zh-tw"
    assert interface_language("xx", KNOWN) is None


def test_groups_put_the_default_language_first() -> None:
    keys: dict[str, str | None] = {
        "p/git.ja.md": None,
        "p/git.md": None,
        "p/git.en-us.md": None,
        "p/alone.md": None,
        "p/alone.fr.md": None,
        "talk/rnn.md": "rnn",
        "talk/slides.en.md": "rnn",
        "p/single.ja.md": None,
    }
    groups = group_translations(keys, "vi", KNOWN)
    git = groups["p/git.md"]
    assert [(v.src_uri, v.language) for v in git.versions] == [
        ("p/git.md", "vi"),
        ("p/git.en-us.md", "en-US"),
        ("p/git.ja.md", "ja"),
    ]
    assert groups["p/git.ja.md"] is git
    assert [v.src_uri for v in groups["talk/slides.en.md"].versions] == [
        "talk/rnn.md",
        "talk/slides.en.md",
    ]
    # No other version, but a language of its own.
    assert [v.language for v in groups["p/single.ja.md"].versions] == ["ja"]
    assert "p/alone-too.md" not in group_translations({"p/alone-too.md": None}, "vi", KNOWN)


def test_a_group_without_the_default_language_starts_with_the_plain_file() -> None:
    groups = group_translations({"a.md": None, "a.ja.md": None}, "en", KNOWN)
    assert groups["a.md"].primary.src_uri == "a.md"
    groups = group_translations({"b.fr.md": None, "b.ja.md": None}, "en", KNOWN)
    assert groups["b.ja.md"].primary.src_uri == "b.fr.md"


def test_translations_live_under_their_language() -> None:
    assert translated_destination("p/git.ja/index.html", "ja") == "ja/p/git/index.html"
    assert translated_destination("p/git.en-us.html", "en-US") == "en-us/p/git.html"
    assert translated_destination("p/about-git/index.html", "ja") == "ja/p/about-git/index.html"
    assert translated_destination("p/git.ja/index.html", None) == "p/git/index.html"
    assert translated_destination("p/bundle/index.ja/index.html", "ja") == "ja/p/bundle/index.html"
    assert translated_destination("p/_index.ja/index.html", "ja") == "ja/p/index.html"
