"""Read one spec file (JSON or YAML) into plain JSON data, turning every failure into a diagnostic.

The result is what ``json.loads`` would give: dicts with string keys, lists, strings, numbers,
booleans and None, with no shared sub-objects.  YAML is read with a safe loader only (no Python
tags), guarded against alias bombs and absurd nesting (:mod:`generator.load.yaml_safe`).
"""

from __future__ import annotations

import datetime
import json
import math
import re
from pathlib import Path
from typing import Any

import yaml

from generator.bounded_io import ReadRefused, read_regular_file
from generator.diagnostics import DiagnosticSink
from generator.load.yaml_safe import MAX_DEPTH, GuardedSafeLoader

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Refuse files larger than this instead of reading them into memory."""

_YAML_SUFFIXES = (".yaml", ".yml")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
"""How a surrogate is spelled in JSON text (a false match only costs one walk)."""


def read_document(path: Path, sink: DiagnosticSink) -> Any | None:
    """Read and parse ``path``; on failure record one error in ``sink`` and return None.

    Only a regular file is read, and reading stops at :data:`MAX_FILE_BYTES`.
    """
    try:
        data = read_regular_file(path, MAX_FILE_BYTES)
    except ReadRefused as refused:
        sink.error("", f"cannot read the file: {refused}")
        return None
    return parse_bytes(data, sink, yaml_syntax=path.suffix.lower() in _YAML_SUFFIXES)


def parse_bytes(data: bytes, sink: DiagnosticSink, *, yaml_syntax: bool) -> Any | None:
    """Decode UTF-8 (a leading BOM is dropped) and parse as YAML or JSON."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        sink.error("", f"not UTF-8 text: invalid byte at offset {exc.start}")
        return None
    return parse_yaml(text, sink) if yaml_syntax else parse_json(text, sink)


def parse_json(text: str, sink: DiagnosticSink) -> Any | None:
    """Parse JSON text; a syntax error is reported with its line and column.

    JSON text can still hold what is not JSON data once parsed: ``\\ud800`` escapes decode to
    lone surrogates (not Unicode: they cannot be written out) and ``1e999`` to infinity.  Both
    are rare, so the document is walked (and repaired, with located diagnostics) only when the
    text may hold them.
    """
    overflowed: list[str] = []

    def number(literal: str) -> float:
        value = float(literal)
        if not math.isfinite(value):
            overflowed.append(literal)
        return value

    try:
        data = json.loads(text, parse_constant=_refuse_constant, parse_float=number)
        if overflowed or _SURROGATE_ESCAPE.search(text):
            return _to_json_data(data, sink, "")
        return data
    except json.JSONDecodeError as exc:
        sink.error("", f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
    except RecursionError:
        sink.error("", f"invalid JSON: nesting is deeper than {MAX_DEPTH} levels")
    except ValueError as exc:
        sink.error("", f"invalid JSON: {_first_clause(exc)}")
    return None


def _first_clause(exc: ValueError) -> str:
    """The error's own text up to its first ``;`` (Python's advice to callers is left out)."""
    return str(exc).split(";", 1)[0]


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def parse_yaml(text: str, sink: DiagnosticSink) -> Any | None:
    """Parse YAML text with the guarded safe loader; errors carry line and column."""
    loader = GuardedSafeLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = exc.problem or exc.context or "syntax error"
        if mark is not None and _flow_depth_before(text, mark.index) > MAX_DEPTH:
            # Newer libyaml scanners refuse deep flow nesting before our composer sees it;
            # report it in our own words so the message does not depend on PyYAML's version.
            problem = f"nesting is deeper than {MAX_DEPTH} levels"
        sink.error("", f"invalid YAML{where}: {problem}")
        return None
    except yaml.YAMLError as exc:
        sink.error("", f"invalid YAML: {exc}")
        return None
    except RecursionError:
        sink.error("", f"invalid YAML: nesting is deeper than {MAX_DEPTH} levels")
        return None
    except ValueError as exc:  # a scalar its constructor refuses (2024-13-45, 5,000 digits)
        sink.error("", f"invalid YAML: {_first_clause(exc)}")
        return None
    if data is None:
        sink.error("", "the document is empty")
        return None
    return _to_json_data(data, sink, "")


def _flow_depth_before(text: str, end: int) -> int:
    """Deepest ``[``/``{`` nesting in ``text[:end]``, outside quoted scalars (an upper bound)."""
    depth = deepest = 0
    quote = ""
    for char in text[: max(end, 0) + 1]:
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(depth - 1, 0)
    return deepest


def _to_json_data(value: Any, sink: DiagnosticSink, at: str) -> Any:
    """Copy YAML data into JSON data: string keys, no shared objects, no dates or sets.

    YAML spells response codes as integers (``200:``) and unquoted dates as timestamps; JSON
    tools expect strings for both.  Values with no JSON equivalent (infinity, text with lone
    surrogates) are reported and replaced.
    Depth is bounded by the loader, so recursion here is safe.
    """
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            name = _unicode_text(_key_text(key), sink, f"{at}/{_escape(_key_text(key))}")
            if not isinstance(key, str | int):
                sink.warning(
                    at, f"key {key!r} is not a string", f"used {name!r} (quote keys in YAML)"
                )
            out[name] = _to_json_data(item, sink, f"{at}/{_escape(name)}")
        return out
    if isinstance(value, list):
        return [_to_json_data(item, sink, f"{at}/{i}") for i, item in enumerate(value)]
    if isinstance(value, str):
        return _unicode_text(value, sink, at)
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        sink.error(at, "number is too large for a float (or is not finite)", "replaced by null")
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    sink.error(
        at, f"YAML value of type {type(value).__name__} has no JSON form", "replaced by null"
    )
    return None


def _unicode_text(text: str, sink: DiagnosticSink, at: str) -> str:
    """``text`` with lone surrogates (which are not Unicode) replaced, each use reported."""
    if text.isascii() or not _SURROGATE.search(text):
        return text
    sink.warning(
        at, "text holds a lone UTF-16 surrogate, which is not Unicode", "replaced by U+FFFD"
    )
    return _SURROGATE.sub("\ufffd", text)


def _key_text(key: Any) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    if isinstance(key, datetime.date):
        return key.isoformat()
    return str(key)


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")
