"""Katacoda's quiz syntax, read into `Question`s.

    >>Q1: Enter the exact string test<<        a question, then its answers with no blank line:
    === test                                   free text, exact answer (several lines: any of them)
    =~= test                                   free text that must contain the answer
    [*] Correct                                multiple choice: tick every starred box
    [ ] Incorrect
    (*) Correct                                single choice: pick the starred one
    ( ) Incorrect

Pure: lines in, a `Question` and its problems out. `katacoda.py` turns questions into HTML and
`assets/quiz.js` checks the reader's answers in the browser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

QUESTION = re.compile(r"^[ ]{0,3}>>\s*(?P<label>Q\d*)\s*:\s*(?P<text>.*?)\s*<<\s*$")
_ANSWER = re.compile(
    r"^[ ]{0,3}(?:(?P<exact>===)|(?P<contains>=~=))\s?(?P<text>.*?)\s*$"
    r"|^[ ]{0,3}(?P<box>\[(?P<box_mark>[ *xX]?)\])\s*(?P<box_text>.*?)\s*$"
    r"|^[ ]{0,3}(?P<radio>\((?P<radio_mark>[ *xX]?)\))\s*(?P<radio_text>.*?)\s*$"
)


class Kind(Enum):
    EXACT = "exact"
    CONTAINS = "contains"
    MULTIPLE = "multiple"
    SINGLE = "single"

    @property
    def is_choice(self) -> bool:
        return self in (Kind.MULTIPLE, Kind.SINGLE)


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool


@dataclass
class Question:
    label: str
    """`Q1`, as the author numbered it."""
    text: str
    kind: Kind | None = None
    answers: list[str] = field(default_factory=list)
    """Accepted free-text answers."""
    choices: list[Choice] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    """(line offset within the question's lines, message)."""


def answer_line(line: str) -> tuple[Kind, str, bool] | None:
    """`(kind, text, correct)` for an answer line; None for any other line."""
    match = _ANSWER.match(line)
    if match is None:
        return None
    if match["exact"] or match["contains"]:
        return (Kind.EXACT if match["exact"] else Kind.CONTAINS), match["text"], True
    if match["box"]:
        return Kind.MULTIPLE, match["box_text"], match["box_mark"] in ("*", "x", "X")
    return Kind.SINGLE, match["radio_text"], match["radio_mark"] in ("*", "x", "X")


def read_question(lines: list[str]) -> tuple[Question, int] | None:
    """Read the question on `lines[0]` and the answer lines after it.

    Returns the question and how many lines it used; None when `lines[0]` is no question.
    """
    match = QUESTION.match(lines[0]) if lines else None
    if match is None:
        return None
    question = Question(match["label"], match["text"])
    used = 1
    for offset, line in enumerate(lines[1:], start=1):
        answer = answer_line(line)
        if answer is None:
            break
        used += 1
        kind, text, correct = answer
        if question.kind is None:
            question.kind = kind
        elif _family(kind) != _family(question.kind):
            question.problems.append(
                (
                    offset,
                    f"mixes {kind.value} answers into a {question.kind.value} question; "
                    "this line is ignored",
                )
            )
            continue
        if kind.is_choice:
            question.choices.append(Choice(text, correct))
        else:
            if kind is not question.kind:
                question.problems.append(
                    (offset, "mixes '===' and '=~=' answers; all are checked the first way")
                )
            question.answers.append(text)
    _check(question)
    return question, used


def _family(kind: Kind) -> str:
    return kind.value if kind.is_choice else "text"


def _check(question: Question) -> None:
    if question.kind is None:
        question.problems.append(
            (
                0,
                "quiz question has no answers (write '=== answer', '[*] choice' or '(*) choice' "
                "on the next line, with no blank line between); it is shown as text",
            )
        )
    elif question.kind is Kind.SINGLE:
        correct = sum(choice.correct for choice in question.choices)
        if correct != 1:
            question.problems.append(
                (
                    0,
                    f"single-choice question has {correct} correct choices marked '(*)'; "
                    "it needs exactly one",
                )
            )
    elif not question.kind.is_choice and not any(answer.strip() for answer in question.answers):
        question.problems.append((0, "quiz answer is empty"))
