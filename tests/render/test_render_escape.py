"""Each escaping function keeps arbitrary text inside its context and keeps its meaning."""

from __future__ import annotations

import ast
import io
import sys
import tokenize

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.render import escape
from generator.render.templates import UnescapedText, render

if sys.version_info >= (3, 11):
    import tomllib
else:  # black brings tomli on 3.10
    import tomli as tomllib

#: Any code point, lone surrogates included, with the troublemakers made likely.
TEXT = st.text(
    st.one_of(
        st.characters(codec=None),
        st.sampled_from(
            ['"', "'", "\\", "\n", "\r", "\x00", "#", "`", "\ud800", "\u202e", ">", "-"]
        ),
    )
)
NASTY = 'a"""b\'\'\'c\\\n\r\x00\ud800\u202e\u2028{{ x }}#\\N{BULLET}"'


@settings(max_examples=300, derandomize=True)
@given(TEXT)
@example(NASTY)
@example('"')
@example('\\"')
def test_docstring_holds_the_text_anywhere(text: str) -> None:
    escaped = escape.docstring(text)
    assert ast.literal_eval(f'"""{escaped}"""') == text
    assert ast.literal_eval(f'"""{escaped}x"""') == text + "x"
    assert escape.UNSAFE.search(escaped.replace("\n", "")) is None
    escaped.encode("utf-8")


@settings(max_examples=300, derandomize=True)
@given(TEXT)
@example(NASTY)
def test_py_string_is_a_literal_of_the_text(text: str) -> None:
    literal = escape.py_string(text)
    assert ast.literal_eval(literal) == text
    assert literal.isascii() and literal.isprintable()


@settings(max_examples=300, derandomize=True)
@given(st.one_of(TEXT, st.integers(), st.floats(), st.booleans(), st.none()))
def test_py_value_evaluates_to_the_value(value: object) -> None:
    expression = escape.py_value(value)
    result = eval(expression, {"__builtins__": {"float": float}})
    assert result == value or (result != result and value != value)  # NaN is NaN


@settings(max_examples=300, derandomize=True)
@given(TEXT)
@example(NASTY)
def test_comment_stays_one_comment(text: str) -> None:
    source = f"x = 1  # {escape.comment(text)}\ny = 2\n"
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    assert [t.type for t in tokens if t.type == tokenize.COMMENT] == [tokenize.COMMENT]
    assert ast.parse(source).body[1].lineno == 2
    assert tomllib.loads(source)["y"] == 2


@settings(max_examples=300, derandomize=True)
@given(TEXT)
@example(NASTY)
def test_toml_string_reads_back(text: str) -> None:
    value = tomllib.loads(f"k = {escape.toml_string(text)}")["k"]
    assert value == text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


@settings(max_examples=300, derandomize=True)
@given(TEXT)
@example(NASTY)
def test_markdown_stays_on_one_line_without_markup(text: str) -> None:
    for escaped in (escape.markdown(text), escape.markdown_code(text)):
        assert "\n" not in escaped and "\r" not in escaped
        assert escape.UNSAFE.search(escaped) is None
    plain = escape.markdown(text)
    for char in "`*_[]<>|":
        assert plain.count(char) == plain.count("\\" + char)


@pytest.mark.parametrize(
    ("text", "span"),
    [("a", "`a`"), ("a`b", "``a`b``"), ("`x", "`` `x ``"), ("x\ny", "`x y`")],
)
def test_markdown_code_fence_outgrows_the_backticks(text: str, span: str) -> None:
    assert escape.markdown_code(text) == span


def test_html_comment_cannot_close() -> None:
    assert "-->" not in escape.html_comment("a --> b --!> c")


@pytest.mark.parametrize("name", ["class", "a b", "é", "x;y", "", "1a", "a\n"])
def test_identifier_refuses_what_is_not_a_plain_name(name: str) -> None:
    with pytest.raises(ValueError, match="identifier"):
        escape.identifier(name)
    assert escape.identifier("Files_Get2") == "Files_Get2"


def test_text_that_skipped_escaping_stops_rendering() -> None:
    context = {"title": "T", "api_version": "1", "generated_notice": "n"}
    assert "class_ok" in render("client/aio_init.py.j2", client_class="class_ok", **context)
    with pytest.raises(UnescapedText, match=r"client/aio_init\.py\.j2: .* \\u202e raw"):
        render("client/aio_init.py.j2", client_class="Client\u202e", **context)
