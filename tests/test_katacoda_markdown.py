"""The `stepwise.katacoda` extension: Markdown in, exact HTML out, and its warnings."""

from __future__ import annotations

import textwrap

import markdown
import pytest

from mkdocs_stepwise import pagecontext
from mkdocs_stepwise.katacoda import KatacodaExtension
from mkdocs_stepwise.katacoda.placeholders import describe, mark_placeholders
from mkdocs_stepwise.katacoda.quiz import Kind, read_question

EXTENSIONS = ["mkdocs_stepwise.katacoda", "md_in_html", "pymdownx.superfences"]


def convert(source: str) -> str:
    with pagecontext.converting(pagecontext.PageInfo("scenario/step1.md", "scenario/step1/")):
        return markdown.markdown(textwrap.dedent(source).strip("\n"), extensions=EXTENSIONS)


BUTTONS = (
    '<button class="md-button stepwise-quiz__check" type="submit">Check answer</button>'
    '<p aria-live="polite" class="stepwise-quiz__feedback" role="status"></p>'
)


def test_exact_free_text_question():
    assert convert(
        """
        >>Q1: Enter the **exact** string test<<
        === test
        """
    ) == (
        '<form class="stepwise-quiz" data-stepwise-quiz="exact">\n<fieldset>\n'
        '<legend class="stepwise-quiz__question"><span class="stepwise-quiz__label">Q1</span>'
        " Enter the <strong>exact</strong> string test</legend>\n"
        '<input aria-label="Your answer" autocomplete="off" class="stepwise-quiz__answer" '
        'data-stepwise-answers="[&quot;test&quot;]" name="stepwise-quiz-1" spellcheck="false" '
        f'type="text" />{BUTTONS}\n</fieldset>\n</form>'
    )


def test_contains_question_with_two_accepted_answers():
    html = convert(
        """
        >>Q2: Name a container runtime<<
        =~= docker
        =~= podman
        """
    )
    assert 'data-stepwise-quiz="contains"' in html
    assert 'data-stepwise-answers="[&quot;docker&quot;, &quot;podman&quot;]"' in html


def test_multiple_and_single_choice():
    html = convert(
        """
        Text before, no blank line:
        >>Q3: Multiple Choice <<
        [*] Correct
        [ ] Incorrect

        >>Q4: Single Choice<<
        (*) Right
        ( ) Wrong
        """
    )
    assert html == (
        "<p>Text before, no blank line:</p>\n"
        '<form class="stepwise-quiz" data-stepwise-quiz="multiple">\n<fieldset>\n'
        '<legend class="stepwise-quiz__question"><span class="stepwise-quiz__label">Q3</span>'
        " Multiple Choice</legend>\n"
        '<label class="stepwise-quiz__choice"><input data-stepwise-correct="true" '
        'name="stepwise-quiz-1" type="checkbox" value="1" /> Correct</label>'
        '<label class="stepwise-quiz__choice"><input name="stepwise-quiz-1" type="checkbox" '
        f'value="2" /> Incorrect</label>{BUTTONS}\n</fieldset>\n</form>\n'
        '<form class="stepwise-quiz" data-stepwise-quiz="single">\n<fieldset>\n'
        '<legend class="stepwise-quiz__question"><span class="stepwise-quiz__label">Q4</span>'
        " Single Choice</legend>\n"
        '<label class="stepwise-quiz__choice"><input data-stepwise-correct="true" '
        'name="stepwise-quiz-2" type="radio" value="1" /> Right</label>'
        '<label class="stepwise-quiz__choice"><input name="stepwise-quiz-2" type="radio" '
        f'value="2" /> Wrong</label>{BUTTONS}\n</fieldset>\n</form>'
    )


def test_quiz_syntax_shown_in_pre_and_fences_stays_text():
    html = convert(
        """
        <pre>
        >>Q1: shown, not asked<<
        === x
        </pre>

        ```
        >>Q2: neither<<
        (*) y
        ```
        """
    )
    assert "<form" not in html
    assert "&gt;&gt;Q2: neither&lt;&lt;" in html
    assert ">>Q1: shown, not asked<<" in html


def test_text_after_the_answers_is_a_paragraph():
    html = convert(
        """
        >>Q1: Say hi<<
        === hi
        Good luck.
        """
    )
    assert html.endswith("</form>\n<p>Good luck.</p>")


def test_question_without_answers_warns_and_stays_text(plugin_warnings):
    html = convert(
        """
        Intro.

        >>Q1: What now?<<
        """
    )
    assert html == "<p>Intro.</p>\n<p>&gt;&gt;Q1: What now?&lt;&lt;</p>"
    plugin_warnings.expect(r"^scenario/step1\.md:3: Q1: quiz question has no answers", count=1)


def test_single_choice_needs_one_correct_answer(plugin_warnings):
    convert(
        """
        >>Q1: Pick<<
        ( ) a
        ( ) b
        """
    )
    plugin_warnings.expect(
        r"^scenario/step1\.md:1: Q1: single-choice question has 0 correct choices", count=1
    )


def test_mixed_answer_kinds_warn_on_the_line(plugin_warnings):
    html = convert(
        """
        >>Q1: Pick<<
        [*] a
        (*) b
        """
    )
    assert "b</label>" not in html
    plugin_warnings.expect(r"^scenario/step1\.md:3: Q1: mixes single answers", count=1)


@pytest.mark.parametrize(
    ("lines", "kind", "answers", "choices"),
    [
        ([">>Q1: a<<", "=== x"], Kind.EXACT, ["x"], []),
        ([">>Q: a <<", "=~= y"], Kind.CONTAINS, ["y"], []),
        ([">>Q2: a<<", "[x] y", "[] n"], Kind.MULTIPLE, [], [("y", True), ("n", False)]),
        ([">>Q3:a<<", "(*) y", "( ) n"], Kind.SINGLE, [], [("y", True), ("n", False)]),
    ],
)
def test_read_question(lines, kind, answers, choices):
    read = read_question(lines)
    assert read is not None
    question, used = read
    assert (question.kind, question.answers, used) == (kind, answers, len(lines))
    assert [(c.text, c.correct) for c in question.choices] == choices


# --- Placeholders ------------------------------------------------------------------------------

TITLE = "Katacoda filled this in with the host's subdomain"


def test_placeholder_in_prose():
    assert convert("Open https://[[HOST_SUBDOMAIN]]-80.example/") == (
        '<p>Open https://<var class="stepwise-placeholder" '
        f'title="{TITLE}">HOST_SUBDOMAIN</var>-80.example/</p>'
    )


def test_placeholder_in_code_keeps_its_brackets():
    assert convert("`curl [[HOST_SUBDOMAIN]]`") == (
        '<p><code>curl <var class="stepwise-placeholder" '
        f'title="{TITLE}">[[HOST_SUBDOMAIN]]</var></code></p>'
    )


def test_placeholder_in_raw_pre():
    html = convert("<pre>[[HOST2_IP]]</pre>")
    assert html == (
        '<pre><var class="stepwise-placeholder" title="Katacoda filled this in with host 2\'s '
        'IP address">[[HOST2_IP]]</var></pre>'
    )


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("HOST_IP", "Katacoda filled this in with the host's IP address"),
        ("HOST3_SUBDOMAIN", "Katacoda filled this in with host 3's subdomain"),
        ("KATACODA_HOST", "Katacoda filled this in with the name of the Katacoda cluster"),
        ("CUSTOM_THING", "Katacoda filled this in with a value from the reader's sandbox"),
    ],
)
def test_describe(name, title):
    assert describe(name) == title


@pytest.mark.parametrize(
    "html",
    [
        "<script>var a = [[HOST_IP]];</script>",
        "<!-- [[HOST_IP]] -->",
        "<p>[[lower_case]] and [[ SPACED ]]</p>",
    ],
)
def test_placeholders_left_alone(html):
    assert mark_placeholders(html) == html


def test_quiz_names_restart_on_every_page():
    # MkDocs builds one Markdown instance per page around one extension object.
    extension = KatacodaExtension()
    source = ">>Q1: a<<\n=== a\n\n>>Q2: b<<\n=== b"
    pages = [markdown.markdown(source, extensions=[extension]) for _ in range(2)]
    assert pages[0] == pages[1]
    assert 'name="stepwise-quiz-2"' in pages[1]
    assert 'name="stepwise-quiz-3"' not in pages[1]
