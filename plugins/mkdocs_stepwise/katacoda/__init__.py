"""The `stepwise.katacoda` Markdown extension: Katacoda-only syntax, readable on a static site.

- Quizzes (`>>Q1: …<<` and their answers, see `quiz`) become forms that
  `assets/quiz.js` checks in the browser, with no server.
- Links into the scenario's sandbox (`[UI](https://[[HOST_SUBDOMAIN]]-80-…)`,
  `[UI]({{TRAFFIC_HOST1_80}})`, see `links`) say in words which port they meant, before MkDocs'
  link check (which raises on the brackets) reads them.
- Other placeholders (`[[HOST_IP]]`, see `placeholders`) become marked `<var>`s.

Works standalone (`markdown_extensions: [stepwise.katacoda]`) and through the plugin.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from ..pagecontext import PageHolder
from .links import EnvironmentLinks
from .placeholders import mark_placeholders
from .quiz import QUESTION, Kind, Question, read_question

CHECK_LABEL = "Check answer"


class QuizLines(Preprocessor):
    """Note the line number of every question line, for warnings (blocks lose their lines)."""

    def __init__(self, md: Markdown, extension: KatacodaExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        # One Markdown instance per page under MkDocs, but one extension for the whole build.
        self.extension.reset()
        self.extension.source_lines = lines
        for number, line in enumerate(lines, start=1):
            if QUESTION.match(line):
                self.extension.question_lines.setdefault(line.strip(), []).append(number)
        return lines


class QuizProcessor(BlockProcessor):
    """A question line and the answer lines right below it, as a `<form>`."""

    def __init__(self, parser: BlockParser, extension: KatacodaExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    def test(self, parent: etree.Element, block: str) -> bool:
        return any(QUESTION.match(line) for line in block.split("\n"))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool | None:
        lines = blocks.pop(0).split("\n")
        # Every question of the block in one pass: handing the rest back to the parser after
        # each one would make every block processor read it again (quadratic in questions).
        start = 0
        while start < len(lines):
            found = next((i for i in range(start, len(lines)) if QUESTION.match(lines[i])), None)
            if found is None:
                blocks.insert(0, "\n".join(lines[start:]))
                break
            if found > start:
                # Text right above the question (no blank line) is a paragraph of its own.
                self.parser.parseBlocks(parent, ["\n".join(lines[start:found])])
            start = found + max(1, self._question(parent, lines[found:]))
        return None

    def _question(self, parent: etree.Element, lines: list[str]) -> int:
        """Render the question on `lines[0]`; returns how many lines it used."""
        read = read_question(lines)
        assert read is not None
        question, used = read
        start = 0
        line = self.extension.line_of(lines[start])
        for offset, message in question.problems:
            self.extension.pages.warn(
                f"{question.label}: {message}", line + offset if line else None
            )
        if question.kind is None:
            paragraph = etree.SubElement(parent, "p")
            paragraph.text = lines[start].strip()
            return used
        self.extension.count += 1
        parent.append(quiz_element(question, f"stepwise-quiz-{self.extension.count}"))
        return used


def quiz_element(question: Question, name: str) -> etree.Element:
    """The `<form>` of one question; its texts are left for Markdown's inline pass."""
    assert question.kind is not None
    form = etree.Element(
        "form", {"class": "stepwise-quiz", "data-stepwise-quiz": question.kind.value}
    )
    fieldset = etree.SubElement(form, "fieldset")
    legend = etree.SubElement(fieldset, "legend", {"class": "stepwise-quiz__question"})
    label = etree.SubElement(legend, "span", {"class": "stepwise-quiz__label"})
    label.text = question.label
    label.tail = " " + question.text
    if question.kind.is_choice:
        kind = "checkbox" if question.kind is Kind.MULTIPLE else "radio"
        for number, choice in enumerate(question.choices, start=1):
            choice_label = etree.SubElement(fieldset, "label", {"class": "stepwise-quiz__choice"})
            attrs = {"type": kind, "name": name, "value": str(number)}
            if choice.correct:
                attrs["data-stepwise-correct"] = "true"
            box = etree.SubElement(choice_label, "input", attrs)
            box.tail = " " + choice.text
    else:
        etree.SubElement(
            fieldset,
            "input",
            {
                "class": "stepwise-quiz__answer",
                "type": "text",
                "name": name,
                "autocomplete": "off",
                "spellcheck": "false",
                "aria-label": "Your answer",
                "data-stepwise-answers": json.dumps(question.answers),
            },
        )
    button = etree.SubElement(
        fieldset, "button", {"type": "submit", "class": "md-button stepwise-quiz__check"}
    )
    button.text = CHECK_LABEL
    feedback = etree.SubElement(
        fieldset,
        "p",
        {"class": "stepwise-quiz__feedback", "role": "status", "aria-live": "polite"},
    )
    feedback.text = ""
    return form


class PlaceholderPostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        return mark_placeholders(text)


class KatacodaExtension(Extension):
    def __init__(self, pages: PageHolder | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pages = pages or PageHolder()
        self.count = 0
        self.question_lines: dict[str, list[int]] = {}
        self.source_lines: list[str] = []
        """The page's lines as the file has them, for the line numbers of warnings."""

    def reset(self) -> None:
        self.count = 0
        self.question_lines = {}
        self.source_lines = []

    def line_containing(self, text: str) -> int | None:
        """The first file line that contains `text`, if any."""
        return next((n for n, line in enumerate(self.source_lines, 1) if text in line), None)

    def line_of(self, question_line: str) -> int | None:
        """The file line of a question, taking repeated questions in document order."""
        numbers = self.question_lines.get(question_line.strip())
        return numbers.pop(0) if numbers else None

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # Before anything stashes raw HTML or fences, so that line numbers are the file's.
        md.preprocessors.register(QuizLines(md, self), "stepwise_quiz_lines", 40)
        # Above the blockquote processor (20): `>>Q1:` would otherwise open a nested quote.
        md.parser.blockprocessors.register(QuizProcessor(md.parser, self), "stepwise_quiz", 25)
        # After `inline` (20) made the links and `attr_list` (8) set their targets; before MkDocs
        # checks link targets (`relpath`, 0) and reads the title (1).
        md.treeprocessors.register(EnvironmentLinks(md, self), "stepwise_environment_links", 7.5)
        # After raw HTML is put back (30), so that `<pre>[[HOST_IP]]</pre>` is marked too.
        md.postprocessors.register(PlaceholderPostprocessor(md), "stepwise_placeholders", 5)


def makeExtension(**kwargs: Any) -> KatacodaExtension:
    return KatacodaExtension(**kwargs)
