"""How a generated method reads its responses: the ``responses``/``headers``/``errors`` tables.

The runtime (``_runtime/responses.py``) does the reading; the generated method hands it, as
literals, each declared success status with its body type, the declared response headers with
theirs, and the error model of each failure status.  The method's return annotation follows from
the same tables: the union of the success bodies (``| None`` when one success has none); the
headers (``dict[str, Any]``) when no success has a body but some declare headers; ``bool`` for a
``HEAD`` without a body (a declared 404 answers False).  A body fixed to one value (an enum of one
member that admits no other) is handed over as ``_rt.Constant(type, value)``: the runtime answers
with the value, whatever body comes with it.

Long-running operations also get the terminal values of their status enum here: azure-core
knows only ``succeeded``/``failed``/``canceled``, a spec may end an operation with others.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir import ApiSpec, EnumRef, EnumValue, ModelRef, Operation, TypeRef
from generator.render.escape import py_string, py_value
from generator.render.model_context import all_properties
from generator.render.types import IMPORT_ANY, ImportNeeds, TypeNamer

#: Status words that end a long-running operation, by outcome (compared case-insensitively).
_SUCCESS_WORDS = frozenset({"succeeded", "success", "completed", "complete", "done"})
_FAILURE_WORDS = frozenset(
    {
        "failed",
        "failure",
        "canceled",
        "cancelled",
        "deleted",
        "expired",
        "terminated",
        "aborted",
        "rejected",
        "timedout",
    }
)
#: Properties that carry a long-running operation's status.
_STATUS_PROPERTIES = ("status", "provisioningState")


@dataclass(frozen=True)
class ResponseView:
    """The response tables of one method, as Python literals, and its return annotation."""

    responses: str  # {200: _models.A, 204: None}
    headers: str  # {"ETag": str}
    errors: str  # {404: _models.NotFound, "default": _models.Error}
    return_annotation: str
    head: bool


@dataclass(frozen=True)
class LroStates:
    """Terminal status values of a long-running operation's status enum, as tuple literals."""

    succeeded: str
    failed: str


def _union(parts: list[str]) -> str:
    unique: list[str] = []
    for part in parts:
        if part not in unique:
            unique.append(part)
    return " | ".join(unique)


def _headers_literal(op: Operation, namer: TypeNamer, needs: ImportNeeds) -> str:
    seen: dict[str, str] = {}
    for response in op.success_responses:
        for header in response.headers:
            if header.collection_prefix is not None:  # every header with the prefix, a dict
                prefix = py_string(header.collection_prefix)
                seen.setdefault(header.wire_name, f"_rt.HeaderCollection({prefix})")
                continue
            seen.setdefault(header.wire_name, namer.annotation(header.type, needs))
    return "{" + ", ".join(f"{py_string(k)}: {v}" for k, v in sorted(seen.items())) + "}"


def errors_literal(op: Operation, namer: TypeNamer, needs: ImportNeeds) -> str:
    """``{status: error model, "default": model}`` for the failures that declare a body."""
    entries: list[str] = []
    for response in op.responses:
        if not response.is_error or response.body is None:
            continue
        key = response.status if response.status.isdigit() else py_string(response.status)
        entries.append(f"{key}: {namer.annotation(response.body, needs)}")
    return "{" + ", ".join(entries) + "}"


def constant_value(spec: ApiSpec, tp: TypeRef | None) -> EnumValue | None:
    """The one value a body of type ``tp`` can have, when the spec fixes it (else None)."""
    if not isinstance(tp, EnumRef):
        return None
    enum = spec.enum(tp.key)
    return enum.values[0] if len(enum.values) == 1 and not enum.extensible else None


def response_view(
    spec: ApiSpec,
    op: Operation,
    namer: TypeNamer,
    needs: ImportNeeds,
    body_annotation: str | None,
) -> ResponseView:
    """The tables of ``op``; ``body_annotation`` overrides the annotation of every success body
    (None: each body's own type)."""
    entries: list[str] = []
    bodies: list[str] = []
    without_body = False
    for response in op.success_responses:
        if not response.status.isdigit():
            continue
        if response.body is None:
            entries.append(f"{response.status}: None")
            without_body = True
            continue
        annotation = body_annotation or namer.annotation(response.body, needs)
        constant = constant_value(spec, response.body)
        if constant is None:
            entries.append(f"{response.status}: {annotation}")
        else:
            value = py_value(constant.value)
            entries.append(f"{response.status}: _rt.Constant({annotation}, {value})")
        bodies.append(annotation)
    headers = _headers_literal(op, namer, needs)
    head = op.method == "head"
    if bodies:
        annotation = _union(bodies) + (" | None" if without_body else "")
    elif head:
        annotation = "bool"
    elif headers != "{}":
        needs.add(IMPORT_ANY)
        annotation = "dict[str, Any]"
    else:
        annotation = "None"
    return ResponseView(
        responses="{" + ", ".join(entries) + "}",
        headers=headers,
        errors=errors_literal(op, namer, needs),
        return_annotation=annotation,
        head=head,
    )


def _status_enum(spec: ApiSpec, tp: TypeRef | None, depth: int = 0) -> EnumRef | None:
    """The enum typing the status property of ``tp`` (``properties.provisioningState`` too)."""
    if not isinstance(tp, ModelRef) or depth > 1:
        return None
    props = {p.wire_name: p for p in all_properties(spec, spec.model(tp.key))}
    for name in _STATUS_PROPERTIES:
        prop = props.get(name)
        if prop is not None and isinstance(prop.type, EnumRef):
            return prop.type
    nested = props.get("properties")
    return _status_enum(spec, nested.type, depth + 1) if nested is not None else None


def lro_states(spec: ApiSpec, op: Operation) -> LroStates:
    """Terminal values of the status enum of ``op``'s status monitor or result body."""
    candidates: list[TypeRef | None] = [op.long_running.final_type if op.long_running else None]
    candidates.extend(r.body for r in op.success_responses)
    succeeded: list[str] = []
    failed: list[str] = []
    for tp in candidates:
        enum_ref = _status_enum(spec, tp)
        if enum_ref is None:
            continue
        for member in spec.enum(enum_ref.key).values:
            value = str(member.value)
            folded = value.lower().replace("_", "").replace(" ", "")
            if folded in _SUCCESS_WORDS and value not in succeeded:
                succeeded.append(value)
            elif folded in _FAILURE_WORDS and value not in failed:
                failed.append(value)
        break
    return LroStates(_tuple(succeeded), _tuple(failed))


def _tuple(values: list[str]) -> str:
    if not values:
        return "()"
    return "(" + ", ".join(py_string(v) for v in values) + ",)"
