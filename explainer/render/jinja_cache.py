"""Compiled Jinja templates kept for the life of the process.

MkDocs makes a new Jinja environment for the theme on every build, and the generator one for
its page templates, so every rebuild of `mkdocs serve` parsed and compiled Material's
templates and ours again: over a second per save once only a few pages are rendered. Jinja's
bytecode cache hands the compiled code of an unchanged template to the next environment
(keyed by template and file name, and checked against the template's source, so an edited
template is compiled again).

Kept in memory only: the compiled code of one environment's settings must not reach another
(Jinja's key ignores them), so each settings signature gets its own store, and the cache on
disk never holds code.
"""

from __future__ import annotations

from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class ProcessBytecodeCache(BytecodeCache):
    """Jinja's bytecode cache in a dict (see the module's docstring)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.code.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_caches: dict[tuple[Any, ...], ProcessBytecodeCache] = {}


def compiled_templates(env: Environment) -> ProcessBytecodeCache:
    """The process's cache for environments with `env`'s compile-time settings."""
    signature = (
        type(env).__module__, type(env).__qualname__, env.code_generator_class,
        tuple(sorted(env.extensions)), env.block_start_string, env.block_end_string,
        env.variable_start_string, env.variable_end_string, env.comment_start_string,
        env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        env.optimized, env.autoescape, env.finalize, env.undefined, env.is_async)
    cache = _caches.get(signature)
    if cache is None:
        cache = _caches[signature] = ProcessBytecodeCache()
    return cache


def reuse_compiled(env: Environment) -> Environment:
    """Give `env` the process's compiled templates (for environments made per build)."""
    env.bytecode_cache = compiled_templates(env)
    return env
