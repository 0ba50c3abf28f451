"""Compiled templates kept across the rebuilds of one `mkdocs serve`.

MkDocs makes a new Jinja environment for every build, so every rebuild compiled Material's
templates again: about 60 of them, a tenth of a second or more of a preview rebuild that
renders 50 pages. Jinja can take compiled code from a `BytecodeCache`; this one keeps it in
memory, on the plugin instance, which `mkdocs serve` keeps from build to build.

Jinja checks every entry against a hash of the template's current source (`Bucket`), so an
edited template is compiled again. Compiled code also depends on how the environment parses
(delimiters, extensions such as i18n, which filters exist and what they are passed, ...):
entries are kept per parsing setup, and an
environment this module does not understand (a callable `autoescape` or a `finalize`, which
change the generated code) gets no cache.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class TemplateCode(BytecodeCache):
    """Compiled template code by (parsing setup, template name and file)."""

    def __init__(self) -> None:
        self._code: dict[tuple[Hashable, str], bytes] = {}
        self._setup: Hashable = None

    def attach(self, env: Environment) -> None:
        """Let `env` load compiled code from here and store what it compiles."""
        setup = parsing_setup(env)
        if setup is None:
            return
        self._setup = setup
        env.bytecode_cache = self

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get((self._setup, bucket.key))
        if code is not None:
            # Resets the bucket (compile again) when the source's checksum differs.
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[(self._setup, bucket.key)] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


def parsing_setup(env: Environment) -> Hashable:
    """What, besides a template's source, its compiled code depends on; None: do not cache."""
    if not isinstance(env.autoescape, bool) or env.finalize is not None:
        return None
    return (
        tuple(sorted(env.extensions)),
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        env.is_async,
        env.autoescape,
        env.sandboxed,
        tuple(sorted(getattr(env, "intercepted_binops", ()))),
        tuple(sorted(getattr(env, "intercepted_unops", ()))),
        bool(getattr(env, "newstyle_gettext", False)),
        # The compiler looks filters and tests up, and calls them with the context or the
        # environment when they ask for it.
        _callables(env.filters),
        _callables(env.tests),
    )


def _callables(table: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(
        sorted((name, repr(getattr(f, "jinja_pass_arg", None))) for name, f in table.items())
    )
