"""Spec and manifest text made safe for each place a generated file can hold it.

Specs and manifests are input from outside: a title, a version or a path may hold quotes,
backslashes, ``\"\"\"``, line breaks, NUL, lone surrogates or bidi controls.  Every such string
reaches a generated file only through one of the functions below, chosen by where it lands:

========================  ==========================================================
:func:`docstring`         inside a ``\"\"\"`` docstring, at any position
:func:`py_string`         a complete Python string literal
:func:`comment`           the rest of a ``#`` comment line (Python or TOML)
:func:`identifier`        a Python name (checked, never rewritten: naming chose it)
:func:`markdown`          inline Markdown text
:func:`markdown_code`     an inline Markdown code span, backticks included
:func:`html_comment`      inside ``<!-- -->`` (the README's generated notice)
:func:`toml_string`       a complete TOML basic string
========================  ==========================================================

Characters that are invisible or that change how a line is read -- C0/C1 controls, lone
surrogates (not encodable as UTF-8), Unicode line and paragraph separators and the bidi
controls of "Trojan Source" -- never appear raw: each function writes them as an escape its
context understands, so the generated text says the same thing and shows it.
"""

from __future__ import annotations

import json
import keyword
import math
import re

#: Characters written as escapes in every context (see the module docstring).
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
#: What no function here writes raw (``\n`` is kept by docstrings and HTML comments).
RAW_UNSAFE = re.compile(UNSAFE.pattern.replace("\x00-\x1f", "\x00-\x09\x0b-\x1f"))
_QUOTE_RUN = re.compile('"{3,}')
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_MARKDOWN_LINE_START = re.compile(r"^([#+=-]|\d+(?=[.)]))")
_BACKTICKS = re.compile("`+")
_NOT_PRINTABLE_ASCII = re.compile("[^\x20-\x7e]")


def code_point(char: str) -> str:
    r"""``char`` as a Python escape sequence (``\x00``, ``\u202e``, ``\U0001f600``)."""
    number = ord(char)
    if number < 0x100:
        return f"\\x{number:02x}"
    if number < 0x10000:
        return f"\\u{number:04x}"
    return f"\\U{number:08x}"


def _escape_unsafe(text: str) -> str:
    return UNSAFE.sub(lambda m: code_point(m.group()), text)


def docstring(text: str) -> str:
    r"""``text`` for the inside of a ``\"\"\"`` docstring; the docstring's value is ``text``.

    Backslashes are doubled, every run of three or more quotes has its quotes escaped, a final
    quote is escaped (it would merge with the closing ones), and unsafe characters other than
    ``\n`` become escape sequences, so the text can end the docstring or sit anywhere in it.
    """
    text = text.replace("\\", "\\\\")
    text = _QUOTE_RUN.sub(lambda m: '\\"' * len(m.group()), text)
    if text.endswith('"'):
        body = text[:-1]
        if (len(body) - len(body.rstrip("\\"))) % 2 == 0:  # the quote is not escaped yet
            text = body + '\\"'
    return "\n".join(_escape_unsafe(line) for line in text.split("\n"))


def py_string(text: str) -> str:
    """A double-quoted, printable-ASCII Python string literal whose value is ``text``.

    JSON's escapes for quotes, backslashes and C0 controls are a subset of Python's; every other
    character outside printable ASCII is written as ``\\uXXXX`` or ``\\UXXXXXXXX`` (JSON's
    surrogate pairs would read back in Python as two lone surrogates, not the character).
    """
    body = json.dumps(text, ensure_ascii=False)
    return _NOT_PRINTABLE_ASCII.sub(lambda m: _unicode_escape(m.group()), body)


def _unicode_escape(char: str) -> str:
    number = ord(char)
    return f"\\u{number:04x}" if number < 0x10000 else f"\\U{number:08x}"


def py_value(value: object) -> str:
    """A Python expression for a JSON scalar: a string literal, a number, a bool or None.

    A float that is not finite (``1e999`` reads as infinity) is written as ``float("inf")``,
    never as the bare name ``inf``; anything else is refused with ValueError.
    """
    if isinstance(value, str):
        return py_string(value)
    if value is None or isinstance(value, bool | int):
        return repr(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else f"float({py_string(repr(value))})"
    raise ValueError(f"not a JSON scalar: {type(value).__name__}")


def comment(text: str) -> str:
    """``text`` as the rest of one ``#`` comment line: no character can end or hide the line."""
    return _escape_unsafe(text.replace("\\", "\\\\"))


def identifier(name: str) -> str:
    """``name`` unchanged when it is an ASCII Python identifier and no keyword, else ValueError.

    The naming pass builds every generated name from ASCII words; this is the check that a name
    from anywhere else cannot carry code.
    """
    if not (name.isascii() and name.isidentifier()) or keyword.iskeyword(name):
        raise ValueError(f"not a safe Python identifier: {name!r}")
    return name


def dotted_name(name: str) -> str:
    """A dotted module path (``pkg.v1``) whose every part passes :func:`identifier`."""
    for part in name.split("."):
        identifier(part)
    return name


def markdown(text: str) -> str:
    """``text`` as inline Markdown: one line, no emphasis, link, code, table cell or raw HTML.

    Inline punctuation is backslash-escaped; a heading, list or quote marker at the start is
    escaped too, so the text may also begin a line.
    """
    flat = _MARKDOWN_INLINE.sub(r"\\\1", " ".join(text.splitlines()).strip())
    flat = _MARKDOWN_LINE_START.sub(_escape_marker, flat)
    return _escape_unsafe(flat)


def _escape_marker(match: re.Match[str]) -> str:
    """``#`` -> ``\\#``; ``1`` (before ``.`` or ``)``) -> ``1\\`` so the ``.`` is escaped."""
    marker = match.group()
    return marker + "\\" if marker[0].isdigit() else "\\" + marker


def markdown_code(text: str) -> str:
    """An inline code span holding ``text`` (a fence longer than any backtick run inside)."""
    flat = _escape_unsafe(" ".join(text.splitlines()))
    longest = max((len(run) for run in _BACKTICKS.findall(flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith(("`", " ")) or flat.endswith(("`", " ")) else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def html_comment(text: str) -> str:
    """``text`` for the inside of an HTML comment (lines kept): no ``>``, so it cannot end there."""
    return "\n".join(_escape_unsafe(line.replace(">", "&gt;")) for line in text.split("\n"))


def toml_string(text: str) -> str:
    """A TOML basic string whose value is ``text`` (lone surrogates become U+FFFD).

    TOML strings hold Unicode scalar values only, so a lone surrogate has no escape there.
    """
    parts = ['"']
    for char in text:
        number = ord(char)
        if 0xD800 <= number <= 0xDFFF:
            parts.append("\\uFFFD")
        elif char in '"\\':
            parts.append("\\" + char)
        elif UNSAFE.fullmatch(char):
            parts.append(f"\\u{number:04X}")
        else:
            parts.append(char)
    parts.append('"')
    return "".join(parts)
