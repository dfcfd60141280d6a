"""The Jinja2 environment for client templates: strict, deterministic, no escaping.

``StrictUndefined`` turns a mistyped variable into an error instead of empty text;
``trim_blocks``/``lstrip_blocks`` let templates use block tags on their own lines without
leaving blank lines behind.  Autoescaping is off because the output is Python, TOML and
Markdown, never HTML; values are escaped for their target by the context builders.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2

#: The repository's template folder (``templates/`` beside ``generator/``).
TEMPLATE_ROOT = Path(__file__).resolve().parent.parent.parent / "templates"


@functools.cache
def environment() -> jinja2.Environment:
    """The shared environment (built once per process)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_ROOT)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


def render(name: str, **context: Any) -> str:
    """Render the template ``name`` (relative to ``templates/``) with ``context``."""
    return environment().get_template(name).render(**context)
