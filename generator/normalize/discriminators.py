"""Discriminated models whose subtypes cannot be told apart on the wire as written.

2025-02 ``FineTuneMethod`` (and ``FineTuneMethodRequest``) discriminate on ``kind``, yet no
subtype has ``kind``: each requires ``type``, with the very schema the root gives ``kind``
(``FineTuningMethodType``: ``dpo`` or ``supervised``).  The subtypes also lack
``x-ms-discriminator-value``, so by Azure's rule their values would be their names
(``DpoMethod``), which are not among the allowed values.  A client generated as written can
never recognise a subtype in a response.
"""

from __future__ import annotations

from typing import Any

from generator.diagnostics import DiagnosticSink, pointer

_PREFIX = "#/definitions/"


def fix_discriminators(document: dict[str, Any], sink: DiagnosticSink) -> None:
    """Repair discriminator names and values that no subtype can match; warn for each."""
    definitions = document.get("definitions")
    if not isinstance(definitions, dict):
        return
    for name, root in definitions.items():
        if not isinstance(root, dict) or not isinstance(root.get("discriminator"), str):
            continue
        subtypes = _subtypes(definitions, name)
        if not subtypes:
            continue
        _rename_unused_discriminator(name, root, subtypes, sink)
        _fill_discriminator_values(definitions, name, root, subtypes, sink)


def _subtypes(definitions: dict[str, Any], root: str) -> dict[str, dict[str, Any]]:
    """Definitions whose ``allOf`` names ``root`` directly, in document order."""
    found: dict[str, dict[str, Any]] = {}
    for name, schema in definitions.items():
        parts = schema.get("allOf") if isinstance(schema, dict) else None
        if isinstance(parts, list) and any(
            isinstance(part, dict) and part.get("$ref") == _PREFIX + root for part in parts
        ):
            found[name] = schema
    return found


def _properties(schema: dict[str, Any]) -> dict[str, Any]:
    properties = schema.get("properties")
    return properties if isinstance(properties, dict) else {}


def _required(schema: dict[str, Any]) -> list[Any]:
    required = schema.get("required")
    return required if isinstance(required, list) else []


def _rename_unused_discriminator(
    name: str, root: dict[str, Any], subtypes: dict[str, dict[str, Any]], sink: DiagnosticSink
) -> None:
    """When no subtype sets the discriminator but all require one twin property, use that."""
    current = root["discriminator"]
    declared = _properties(root).get(current)
    if declared is None:
        return
    if any(current in _properties(s) or current in _required(s) for s in subtypes.values()):
        return
    candidates: set[str] | None = None
    for schema in subtypes.values():
        twins = {
            key
            for key, value in _properties(schema).items()
            if key != current and value == declared and key in _required(schema)
        }
        candidates = twins if candidates is None else candidates & twins
    if not candidates or len(candidates) != 1 or next(iter(candidates)) in _properties(root):
        return
    (replacement,) = candidates
    sink.warning(
        pointer("definitions", name, "discriminator"),
        f"discriminator {current!r} is set by no subtype; every subtype "
        f"({', '.join(subtypes)}) requires {replacement!r} with the same schema instead",
        f"the discriminator is now {replacement!r} (the root's {current!r} renamed)",
    )
    root["discriminator"] = replacement
    root["properties"] = {
        (replacement if key == current else key): value for key, value in _properties(root).items()
    }
    if "required" in root:
        root["required"] = [replacement if key == current else key for key in _required(root)]


def _allowed_values(definitions: dict[str, Any], root: dict[str, Any]) -> list[str] | None:
    """The values the discriminator property may take (its ``enum``), when the spec says."""
    schema = _properties(root).get(root["discriminator"])
    for _ in range(8):  # follow a short chain of local references
        if not isinstance(schema, dict):
            return None
        ref = schema.get("$ref")
        if not isinstance(ref, str):
            break
        schema = definitions.get(ref[len(_PREFIX) :]) if ref.startswith(_PREFIX) else None
    values = schema.get("enum") if isinstance(schema, dict) else None
    if isinstance(values, list) and all(isinstance(v, str) for v in values):
        return values
    return None


def _fill_discriminator_values(
    definitions: dict[str, Any],
    name: str,
    root: dict[str, Any],
    subtypes: dict[str, dict[str, Any]],
    sink: DiagnosticSink,
) -> None:
    """Give a subtype whose name is not an allowed value the one value its name starts with."""
    allowed = _allowed_values(definitions, root)
    if not allowed:
        return
    taken = {
        value
        for value in (s.get("x-ms-discriminator-value") for s in subtypes.values())
        if isinstance(value, str)
    }
    for sub_name, schema in subtypes.items():
        if "x-ms-discriminator-value" in schema or sub_name in allowed:
            continue
        matches = [v for v in allowed if v and sub_name.lower().startswith(v.lower())]
        at = pointer("definitions", sub_name)
        problem = (
            f"subtype of {name!r} has no x-ms-discriminator-value, and its name is not a value "
            f"of {root['discriminator']!r} ({', '.join(allowed)})"
        )
        if len(matches) == 1 and matches[0] not in taken:
            sink.warning(at, problem, f"used {matches[0]!r}, the value its name starts with")
            schema["x-ms-discriminator-value"] = matches[0]
            taken.add(matches[0])
        else:
            sink.warning(at, problem, "left as is: no single value matches its name")
