"""Docstrings from hostile spec text stay valid Python and keep the text."""

from __future__ import annotations

import ast
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render import docs
from generator.render.escape import docstring as escape_docstring

HOSTILE = [
    'Ends with a quote "',
    'Has """triple""" quotes and """',
    "Back\\slash at the end \\",
    "Escapes \\n \\t \\u0041 stay literal",
    '"""',
    'Quote after backslash \\"',
    "Control\x00chars\x07 and\ttabs\r\nand CRLF",
    "",
]


def _docstring_of(body: list[str]) -> str:
    source = f"def f():\n    {docs.render(body, 4)}\n"
    tree = ast.parse(source)
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    value = ast.get_docstring(function, clean=False)
    assert value is not None
    return value


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_gives_a_valid_docstring_with_the_same_words(text: str) -> None:
    lines = docs.docstring(text or "Fallback.", "", [], 4)
    value = _docstring_of(lines)
    expected = " ".join(docs.paragraphs(text or "Fallback."))
    assert " ".join(value.split()) == " ".join(expected.split())


def test_long_text_wraps_within_the_line_length() -> None:
    text = "word " * 100
    body = docs.docstring(
        text, "second paragraph " * 20, docs.field_lines("param", "x", text, 8), 8
    )
    rendered = docs.render(body, 8)
    assert all(len(line) <= docs.LINE_LENGTH for line in rendered.splitlines()[1:])
    assert len(rendered.splitlines()[0]) + 8 <= docs.LINE_LENGTH


def test_paragraphs_collapse_spec_whitespace() -> None:
    assert docs.paragraphs("a\r\n            b\n\n\n c  d ") == ["a b", "c d"]


@settings(max_examples=500, deadline=None, derandomize=True)
@given(
    text=st.text(alphabet=st.sampled_from('ab c  \t\n\u00a0\u2028"\\é'), max_size=40),
    indent=st.sampled_from([4, 8, 60]),
    hanging=st.sampled_from([0, 4]),
    first=st.booleans(),
)
def test_short_lines_wrap_as_textwrap_wraps_them(
    text: str, indent: int, hanging: int, first: bool
) -> None:
    """A line that fits skips textwrap; the result must be what textwrap gives."""
    opening = "   " if first else ""
    expected = textwrap.wrap(
        escape_docstring(text),
        width=max(docs.LINE_LENGTH - indent, 40),
        initial_indent=opening,
        subsequent_indent=" " * hanging,
        break_long_words=False,
        break_on_hyphens=False,
    )
    if expected and first:
        expected[0] = expected[0][len(opening) :]
    assert docs.wrap(text, indent, hanging=hanging, first=first) == (expected or [""])
