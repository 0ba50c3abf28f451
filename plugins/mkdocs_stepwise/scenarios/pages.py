"""What a scenario page gains on a static site, as Markdown added to the page's own.

Katacoda showed some things beside the text rather than in it; here they become part of the page:

- a step's `verify` script becomes a collapsed "Check your work" block holding the script, so the
  reader can run the check the platform used to run for them;
- Katacoda's `answer` file becomes a collapsed "Solution" block at the end of its step;
- Killercoda's solution `<details>` blocks get `markdown="1"`, so that `md_in_html` renders the
  code blocks inside them instead of printing their Markdown source;
- images and links to the scenario's `assets/` folder resolve from every page, as they did on
  the platform (`./assets/x.png` meant the scenario's folder, even from `step1/text.md`).

Everything is appended after the author's text or rewritten in place on the same line, so the
line numbers in warnings still match the file. All of it is pure: the plugin reads the scripts
and answers once and hands them in.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..fences import outside_fences
from .index_json import Scenario

VERIFY_SUMMARY = "Check your work"
SOLUTION_SUMMARY = "Solution"
EMPTY_FINISH = "You have reached the end of this scenario. Well done!"

_DETAILS_OPEN = re.compile(r"<details(?P<attrs>(?:\s[^>]*)?)>", re.IGNORECASE)
# `](url)` of a Markdown link or image, and `src="url"`/`href="url"` of raw HTML.
_MARKDOWN_URL = re.compile(r"(?P<before>\]\(\s*<?)(?P<url>[^)\s>]+)")
_HTML_URL = re.compile(r"(?P<before>\b(?:src|href)\s*=\s*[\"'])(?P<url>[^\"']+)", re.IGNORECASE)
_ASSET_URL = re.compile(r"^(?:\./|/)?assets/")


@dataclass(frozen=True)
class PageAdditions:
    """What one scenario page gets besides its own text."""

    folder: str
    verify_script: str | None = None
    verify_uri: str | None = None
    """Where the verify script is (`stepwise check` runs it and names it)."""
    answer_markdown: str | None = None
    is_finish: bool = False


@dataclass
class ScenarioPages:
    """The additions of every scenario page, by src_uri."""

    pages: dict[str, PageAdditions] = field(default_factory=dict)
    existing_files: frozenset[str] = frozenset()

    @classmethod
    def build(
        cls,
        scenarios: Iterable[Scenario],
        read: Callable[[str], str],
        existing_files: Iterable[str],
    ) -> ScenarioPages:
        """Read each step's verify script and answer (with `read(src_uri)`) once."""
        pages: dict[str, PageAdditions] = {}
        for scenario in scenarios:
            for page in scenario.pages:
                pages[page.src_uri] = PageAdditions(
                    folder=scenario.folder,
                    verify_script=read(page.verify) if page.verify else None,
                    verify_uri=page.verify,
                    answer_markdown=read(page.answer) if page.answer else None,
                    is_finish=page is scenario.finish,
                )
        return cls(pages, frozenset(existing_files))

    def decorate(self, src_uri: str, markdown: str) -> str:
        """The page's Markdown with the additions; other pages come back unchanged."""
        additions = self.pages.get(src_uri)
        if additions is None:
            return markdown
        page_dir = posixpath.dirname(src_uri)
        text = rewrite_lines(
            markdown, lambda line: _rewrite_line(line, page_dir, additions.folder, self)
        )
        if additions.is_finish and not text.strip():
            text += EMPTY_FINISH + "\n"
        if additions.answer_markdown is not None:
            answer = rewrite_lines(
                additions.answer_markdown,
                lambda line: _rewrite_line(line, page_dir, additions.folder, self),
            )
            text = _append(text, solution_block(answer))
        if additions.verify_script is not None:
            text = _append(text, verify_block(additions.verify_script))
        return text


def _append(markdown: str, block: str) -> str:
    return markdown.rstrip("\n") + "\n\n" + block


def _rewrite_line(line: str, page_dir: str, folder: str, pages: ScenarioPages) -> str:
    line = details_with_markdown(line)
    return asset_urls(line, page_dir, folder, pages.existing_files)


def rewrite_lines(markdown: str, rewrite: Callable[[str], str]) -> str:
    """Apply `rewrite` to every line outside fenced code, where examples must stay as written."""
    lines = markdown.split("\n")
    for index in outside_fences(lines):
        lines[index] = rewrite(lines[index])
    return "\n".join(lines)


def details_with_markdown(line: str) -> str:
    """`<details>` -> `<details markdown="1">`, unless the author chose a `markdown` attribute."""

    def add(match: re.Match[str]) -> str:
        attrs = match["attrs"] or ""
        if re.search(r"\bmarkdown\s*=", attrs, re.IGNORECASE):
            return match[0]
        return f'<details{attrs} markdown="1">'

    return _DETAILS_OPEN.sub(add, line)


def asset_urls(line: str, page_dir: str, folder: str, existing_files: frozenset[str]) -> str:
    """Point `assets/…` URLs at the scenario's `assets/` folder, relative to the page.

    Only URLs that do not already name an existing file are changed, so a page's own
    `assets/` folder (or a correct relative path) always wins.
    """

    def fix(match: re.Match[str]) -> str:
        url = match["url"]
        if not _ASSET_URL.match(url):
            return match[0]
        path, _, rest = url.partition("#")
        if not url.startswith("/") and posixpath.normpath(posixpath.join(page_dir, path)) in (
            existing_files
        ):
            return match[0]
        target = posixpath.join(folder, "assets", path.split("assets/", 1)[1])
        if target not in existing_files:
            return match[0]
        relative = posixpath.relpath(target, page_dir or ".")
        return match["before"] + relative + (f"#{rest}" if rest else "")

    return _HTML_URL.sub(fix, _MARKDOWN_URL.sub(fix, line))


def verify_block(script: str) -> str:
    """The verify script as a collapsed block of raw HTML (it renders without any extension)."""
    code = html.escape(script.strip("\n"), quote=False)
    return (
        '<details class="stepwise-verify">\n'
        f"<summary>{VERIFY_SUMMARY}</summary>\n"
        "<p>Katacoda and Killercoda ran this check before letting you continue. Run it "
        "yourself: it passes when it prints <code>done</code> or exits with status 0.</p>\n"
        f'<pre><code class="language-bash">{code}</code></pre>\n'
        "</details>\n"
    )


def solution_block(answer_markdown: str) -> str:
    """Katacoda's answer as a collapsed block; `md_in_html` renders the Markdown inside."""
    return (
        '<details class="stepwise-solution" markdown="1">\n'
        f"<summary>{SOLUTION_SUMMARY}</summary>\n\n"
        f"{answer_markdown.strip()}\n\n"
        "</details>\n"
    )
