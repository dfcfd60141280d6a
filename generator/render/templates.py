"""The Jinja2 environment for client templates: strict, deterministic, no escaping.

``StrictUndefined`` turns a mistyped variable into an error instead of empty text;
``trim_blocks``/``lstrip_blocks`` let templates use block tags on their own lines without
leaving blank lines behind.  Autoescaping is off because the output is Python, TOML and
Markdown, never HTML.  Spec and manifest text is escaped for its target either by the context
builders (code fragments, docstrings) or in the template by one of the filters named after the
functions of :mod:`generator.render.escape` (``{{ api_version | docstring }}``).  A finalize
hook checks every printed value: one holding a character that no escaping function writes raw
(a control, a lone surrogate, a bidi control) is spec text that skipped escaping, and rendering
stops with :class:`UnescapedText` instead of writing it.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2

from generator.cache import cache_root, cache_unwritable
from generator.render import escape
from generator.resources import template_root

#: The template folder (``templates/`` of the checkout, or the copy inside an installed wheel).
TEMPLATE_ROOT = template_root()


#: One filter per output context, each the function of :mod:`generator.render.escape`.
ESCAPE_FILTERS = {
    "docstring": escape.docstring,
    "py_string": escape.py_string,
    "comment": escape.comment,
    "identifier": escape.identifier,
    "markdown": escape.markdown,
    "markdown_code": escape.markdown_code,
    "html_comment": escape.html_comment,
    "toml_string": escape.toml_string,
}


class UnescapedText(ValueError):
    """A template printed text that did not go through :mod:`generator.render.escape`."""


@jinja2.pass_context
def _checked(context: jinja2.runtime.Context, value: object) -> object:
    """The finalize hook: ``value`` unchanged, unless it cannot have been escaped."""
    if isinstance(value, str):
        found = escape.RAW_UNSAFE.search(value)
        if found is not None:
            raise UnescapedText(
                f"{context.name}: a value holds {escape.code_point(found.group())} raw;"
                " spec text must go through generator.render.escape"
            )
    return value


class _BestEffortBytecodeCache(jinja2.FileSystemBytecodeCache):
    """jinja2's file cache, except that a failed read or write only costs time.

    jinja2 lets an ``OSError`` from writing compiled code (a full disk, a read-only folder)
    end the render; here it is one warning per run and the template still renders.
    """

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError as error:
            cache_unwritable(Path(self.directory), error)


@functools.cache
def environment() -> jinja2.Environment:
    """The shared environment (built once per process).

    Compiled templates are kept in the format cache's folder (see
    :func:`generator.cache.cache_root`); jinja2 checks each template's modification
    time, so an edited template is recompiled.
    """
    cache = cache_root() / "jinja-checked"  # compiled with the finalize hook
    try:
        cache.mkdir(parents=True, exist_ok=True)
        bytecode: jinja2.BytecodeCache | None = _BestEffortBytecodeCache(str(cache))
    except OSError as error:
        cache_unwritable(cache, error)
        bytecode = None
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_ROOT)),
        bytecode_cache=bytecode,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        finalize=_checked,
    )
    env.filters.update(ESCAPE_FILTERS)
    return env


def render(name: str, **context: Any) -> str:
    """Render the template ``name`` (relative to ``templates/``) with ``context``."""
    return environment().get_template(name).render(**context)
