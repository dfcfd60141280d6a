"""Docstrings from hostile spec text stay valid Python and keep the text."""

from __future__ import annotations

import ast

import pytest

from generator.render import docs

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
