"""Docstrings from spec text: normalized, wrapped to the line length, and escaped.

Spec descriptions are untrusted text.  A description holding ``\"\"\"``, a backslash, a trailing
quote or control characters must still produce a valid docstring that says the same thing, so
the text is escaped *before* it is placed in a template, and templates print it verbatim.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Sequence

from generator.render.escape import docstring as escape_docstring

#: The generated code's line length (black and ruff use the same).
LINE_LENGTH = 100

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACES = re.compile(r"[ \t]+")
_OTHER_WHITESPACE = re.compile(r"[^\S ]")


def paragraphs(text: str) -> list[str]:
    """Split spec text into paragraphs, each on one line with whitespace collapsed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CONTROL.sub("", text)
    result: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        joined = _SPACES.sub(" ", " ".join(line.strip() for line in block.split("\n"))).strip()
        if joined:
            result.append(joined)
    return result


def one_line(text: str) -> str:
    """Spec text as a single line (for ``:param:`` entries)."""
    return " ".join(paragraphs(text))


def wrap(text: str, indent: int, *, hanging: int = 0, first: bool = False) -> list[str]:
    """Escape and wrap one paragraph for a docstring whose lines start at column ``indent``.

    ``first`` leaves room for the opening quotes on the docstring's first line.
    """
    width = max(LINE_LENGTH - indent, 40)
    opening = " " * 3 if first else ""
    escaped = escape_docstring(text)
    if len(opening) + len(escaped) <= width and _fits_unchanged(escaped):
        return [escaped]  # what textwrap returns, without its cost (most entries are short)
    lines = textwrap.wrap(
        escaped,
        width=width,
        initial_indent=opening,
        subsequent_indent=" " * hanging,
        break_long_words=False,
        break_on_hyphens=False,
    )
    if lines and first:
        lines[0] = lines[0][len(opening) :]
    return lines or [""]


def _fits_unchanged(text: str) -> bool:
    """Whether textwrap leaves ``text`` as it is when it fits on one line: no whitespace at
    its ends and no whitespace but spaces (textwrap rewrites tabs and line breaks)."""
    return bool(text) and text == text.strip() and not _OTHER_WHITESPACE.search(text)


def field_lines(role: str, name: str, text: str, indent: int) -> list[str]:
    """A ``:role name: text`` entry, wrapped with a hanging indent."""
    head = f":{role} {name}:" if name else f":{role}:"
    body = f"{head} {one_line(text)}".rstrip()
    return wrap(body, indent, hanging=4)


def docstring(
    summary: str,
    description: str,
    fields: Sequence[str],
    indent: int,
) -> list[str]:
    """Lines of a docstring body (without the quotes): summary, description, field list."""
    lines: list[str] = []
    first = paragraphs(summary) or paragraphs(description)
    rest = paragraphs(description) if paragraphs(summary) else paragraphs(description)[1:]
    for para in first + [p for p in rest if p not in first]:
        if lines:
            lines.append("")
        lines.extend(wrap(para, indent, first=not lines))
    if fields:
        if lines:
            lines.append("")
        lines.extend(fields)
    return close_safely(lines)


def close_safely(lines: list[str]) -> list[str]:
    """Protect the closing quotes: a body ending in ``"`` or ``\\`` would merge with them."""
    if lines and lines[-1].endswith('"'):
        last = lines[-1]
        slashes = len(last[:-1]) - len(last[:-1].rstrip("\\"))
        if slashes % 2 == 0:
            lines[-1] = last[:-1] + '\\"'
    return lines


def render(lines: Iterable[str], indent: int) -> str:
    """The complete docstring literal at ``indent`` (first line unindented, for templates)."""
    body = list(lines)
    if not body:
        return '""""""'
    pad = " " * indent
    if len(body) == 1 and len(body[0]) + indent + 6 <= LINE_LENGTH:
        return f'"""{body[0]}"""'
    inner = "\n".join((pad + line) if line else "" for line in body[1:])
    tail = f"\n{inner}" if inner else ""
    return f'"""{body[0]}{tail}\n{pad}"""'
