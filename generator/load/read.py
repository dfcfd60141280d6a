"""Read one spec file (JSON or YAML) into plain JSON data, turning every failure into a diagnostic.

The result is what ``json.loads`` would give: dicts with string keys, lists, strings, numbers,
booleans and None, with no shared sub-objects.  YAML is read with a safe loader only (no Python
tags), guarded against alias bombs and absurd nesting (:mod:`generator.load.yaml_safe`).
"""

from __future__ import annotations

import datetime
import json
import math
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import DiagnosticSink
from generator.load.yaml_safe import MAX_DEPTH, GuardedSafeLoader

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Refuse files larger than this instead of reading them into memory."""

_YAML_SUFFIXES = (".yaml", ".yml")


def read_document(path: Path, sink: DiagnosticSink) -> Any | None:
    """Read and parse ``path``; on failure record one error in ``sink`` and return None."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            sink.error("", f"file is {size} bytes, larger than the {MAX_FILE_BYTES} accepted")
            return None
        data = path.read_bytes()
    except OSError as exc:
        sink.error("", f"cannot read the file: {exc.strerror or exc}")
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
    """Parse JSON text; a syntax error is reported with its line and column."""
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        sink.error("", f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
    except RecursionError:
        sink.error("", f"invalid JSON: nesting is deeper than {MAX_DEPTH} levels")
    except ValueError as exc:
        sink.error("", f"invalid JSON: {exc}")
    return None


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
    tools expect strings for both.  Values with no JSON equivalent are reported and replaced.
    Depth is bounded by the loader, so recursion here is safe.
    """
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            name = _key_text(key)
            if not isinstance(key, str | int):
                sink.warning(
                    at, f"key {key!r} is not a string", f"used {name!r} (quote keys in YAML)"
                )
            out[name] = _to_json_data(item, sink, f"{at}/{_escape(name)}")
        return out
    if isinstance(value, list):
        return [_to_json_data(item, sink, f"{at}/{i}") for i, item in enumerate(value)]
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        sink.error(at, f"{value} is not a JSON number", "replaced by null")
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    sink.error(
        at, f"YAML value of type {type(value).__name__} has no JSON form", "replaced by null"
    )
    return None


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
