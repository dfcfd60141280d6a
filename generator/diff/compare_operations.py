"""Operations: added, removed, moved, renamed; their parameters, bodies and responses.

Parameters are paired by location and wire name, except path parameters, which are paired by
position in the path (``{jobId}`` and ``{job-id}`` in the same place are the same parameter: the
name of a path parameter never travels on the wire).  Client-level parameters (``api-version``)
are the client's business and are not compared per operation.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.diff.changes import ChangeDraft, Kind, Reach
from generator.diff.client_surface import call, method_path, operation_label, removal_note
from generator.diff.compare_responses import compare_responses
from generator.diff.context import DiffContext
from generator.diff.index import normalize_path, path_parameter_names
from generator.diff.match import OperationMatch
from generator.diff.rules import rule
from generator.diff.type_compare import FORMAT, RULE_FOR, describe
from generator.ir import (
    BinaryBody,
    JsonBody,
    MultipartBody,
    Operation,
    ParameterLocation,
    TypeRef,
)


@dataclass(frozen=True, slots=True)
class Input:
    """Anything a caller passes: a path/query/header parameter, a body, or a form field."""

    key: tuple[str, str]  # ("path", "0"), ("query", "purpose"), ("body", ""), ("form", "file")
    label: str  # "query parameter purpose"
    py_name: str
    type: TypeRef | None  # None for binary bodies
    required: bool


def inputs(op: Operation) -> dict[tuple[str, str], Input]:
    """Everything ``op`` takes from its caller, keyed so that two versions can be paired."""
    found: dict[tuple[str, str], Input] = {}
    positions = {name: str(i) for i, name in enumerate(path_parameter_names(op.path))}
    for p in op.parameters:
        if p.client_level:
            continue
        if p.location is ParameterLocation.PATH:
            key = ("path", positions.get(p.wire_name, p.wire_name))
        elif p.location is ParameterLocation.HEADER:
            key = ("header", p.wire_name.lower())
        else:
            key = ("query", p.wire_name)
        label = f"{p.location.value} parameter {p.wire_name}"
        found[key] = Input(key, label, p.py_name, p.type, p.required)
    if isinstance(op.body, JsonBody):
        found[("body", "")] = Input(
            ("body", ""), "request body", op.body.py_name, op.body.type, op.body.required
        )
    elif isinstance(op.body, BinaryBody):
        found[("body", "")] = Input(
            ("body", ""), "request body", op.body.py_name, None, op.body.required
        )
    elif isinstance(op.body, MultipartBody):
        for f in op.body.fields:
            key = ("form", f.wire_name)
            found[key] = Input(key, f"form field {f.wire_name}", f.py_name, f.type, f.required)
    return found


def compare_operations(ctx: DiffContext) -> list[ChangeDraft]:
    """Every operation-level change between the two versions."""
    drafts: list[ChangeDraft] = []
    old_paths, new_paths = ctx.old.paths, ctx.new.paths
    for op in ctx.matches.removed_operations:
        gone = normalize_path(op.path) not in new_paths
        drafts.append(
            ChangeDraft(
                rule=rule("RemovedPath" if gone else "RemovedOperation"),
                kind=Kind.OPERATION,
                location=operation_label(op),
                subject=op.operation_id,
                reason=(
                    f"{op.operation_id} is removed"
                    + (" and nothing else is served at its path." if gone else ".")
                ),
                wire_breaking=True,
                client_breaking=True,
                migration=removal_note(ctx, op),
                reach=ctx.op_reach(op, None),
                old=operation_label(op),
            )
        )
    for op in ctx.matches.added_operations:
        new_path = normalize_path(op.path) not in old_paths
        drafts.append(
            ChangeDraft(
                rule=rule("AddedPath" if new_path else "AddedOperation"),
                kind=Kind.OPERATION,
                location=operation_label(op),
                subject=op.operation_id,
                reason=f"New operation {op.operation_id}, called as `{call(ctx.new, op)}`.",
                wire_breaking=False,
                client_breaking=False,
                reach=ctx.op_reach(None, op),
                new=operation_label(op),
            )
        )
    for pair in ctx.matches.operations:
        drafts.extend(_compare_pair(ctx, pair))
    return drafts


def _compare_pair(ctx: DiffContext, pair: OperationMatch) -> list[ChangeDraft]:
    old, new = pair.old, pair.new
    reach = ctx.op_reach(old, new)
    drafts: list[ChangeDraft] = []
    before, after = call(ctx.old, old), call(ctx.new, new)
    if pair.by == "path":
        drafts.append(
            ChangeDraft(
                rule=rule("ModifiedOperationId"),
                kind=Kind.OPERATION,
                location=operation_label(new),
                subject=new.operation_id,
                reason=f"operationId {old.operation_id} is now {new.operation_id}.",
                wire_breaking=False,
                client_breaking=before != after,
                review=True,
                migration=f"`{before}` → `{after}`" if before != after else "",
                reach=reach,
                old=old.operation_id,
                new=new.operation_id,
            )
        )
    if pair.moved:
        drafts.append(
            ChangeDraft(
                rule=rule("MovedOperation"),
                kind=Kind.OPERATION,
                location=operation_label(new),
                subject=new.operation_id,
                reason=(
                    f"{new.operation_id} moved from {operation_label(old)} to "
                    f"{operation_label(new)}; the old URL is no longer served."
                ),
                wire_breaking=True,
                client_breaking=before != after,
                migration=f"`{before}` → `{after}`" if before != after else "",
                reach=reach,
                old=operation_label(old),
                new=operation_label(new),
                evidence=(f"same operationId {new.operation_id}",),
            )
        )
    drafts.extend(_compare_inputs(ctx, pair, reach))
    drafts.extend(compare_responses(ctx, pair, reach))
    drafts.extend(_compare_behaviour(ctx, pair, reach))
    return drafts


def _compare_inputs(ctx: DiffContext, pair: OperationMatch, reach: Reach) -> list[ChangeDraft]:
    old, new = pair.old, pair.new
    old_inputs, new_inputs = inputs(old), inputs(new)
    here = operation_label(new)
    method = call(ctx.new, new)
    target = method_path(ctx.new, new)
    drafts: list[ChangeDraft] = []

    def draft(
        name: str,
        item: Input,
        reason: str,
        *,
        wire_breaking: bool,
        client_breaking: bool,
        review: bool = False,
        migration: str = "",
        old: str | None = None,
        new: str | None = None,
    ) -> None:
        drafts.append(
            ChangeDraft(
                rule=rule(name),
                kind=Kind.PARAMETER,
                location=f"{here} {item.label}",
                subject=pair.new.operation_id,
                reason=reason,
                wire_breaking=wire_breaking,
                client_breaking=client_breaking,
                review=review,
                migration=migration,
                reach=reach,
                old=old,
                new=new,
            )
        )

    for key in sorted(new_inputs.keys() - old_inputs.keys()):
        item = new_inputs[key]
        if item.required:
            draft(
                "AddingRequiredParameter",
                item,
                f"{new.operation_id} now requires the {item.label}.",
                wire_breaking=True,
                client_breaking=True,
                migration=f"pass `{item.py_name}=...` to `{method}`",
                new=describe(item.type),
            )
        else:
            draft(
                "AddingOptionalParameter",
                item,
                f"{new.operation_id} accepts a new optional {item.label}.",
                wire_breaking=False,
                client_breaking=False,
                new=describe(item.type),
            )
    for key in sorted(old_inputs.keys() - new_inputs.keys()):
        item = old_inputs[key]
        draft(
            "RemovedParameter",
            item,
            f"{new.operation_id} no longer takes the {item.label}; the service ignores or "
            "rejects it.",
            wire_breaking=False,
            client_breaking=True,
            review=True,
            migration=f"stop passing `{item.py_name}=` to `{method}`",
            old=describe(item.type),
        )
    for key in sorted(old_inputs.keys() & new_inputs.keys()):
        a, b = old_inputs[key], new_inputs[key]
        if a.required != b.required:
            tightened = b.required
            draft(
                "RequiredStatusChange",
                b,
                f"The {b.label} of {new.operation_id} is now "
                + ("required." if tightened else "optional."),
                wire_breaking=tightened,
                client_breaking=tightened,
                migration=f"always pass `{b.py_name}=...` to `{method}`" if tightened else "",
                old="required" if a.required else "optional",
                new="required" if b.required else "optional",
            )
        if a.type is not None and b.type is not None:
            delta = ctx.compare(a.type, b.type)
            if delta is not None:
                name = RULE_FOR[delta.how]
                draft(
                    name,
                    b,
                    f"The {b.label} of {new.operation_id} changes from {delta.old} to "
                    f"{delta.new}.",
                    wire_breaking=delta.how != FORMAT,
                    client_breaking=delta.python_changed and delta.how != FORMAT,
                    review=True,
                    migration=(
                        f"pass a {delta.new} as `{b.py_name}`"
                        if delta.python_changed and delta.how != FORMAT
                        else ""
                    ),
                    old=delta.old,
                    new=delta.new,
                )
        if a.py_name != b.py_name and a.py_name and b.py_name:
            draft(
                "RenamedClientName",
                b,
                f"The keyword argument for the {b.label} of {new.operation_id} is renamed.",
                wire_breaking=False,
                client_breaking=True,
                migration=f"`{target}({a.py_name}=...)` → `{target}({b.py_name}=...)`",
                old=a.py_name,
                new=b.py_name,
            )
    return drafts


def _compare_behaviour(ctx: DiffContext, pair: OperationMatch, reach: Reach) -> list[ChangeDraft]:
    old, new = pair.old, pair.new
    drafts: list[ChangeDraft] = []
    for what, a, b in (
        ("long-running", old.long_running is not None, new.long_running is not None),
        ("paged", old.paging is not None, new.paging is not None),
        ("streaming", old.event_stream is not None, new.event_stream is not None),
    ):
        if a == b:
            continue
        drafts.append(
            ChangeDraft(
                rule=rule("OperationKindChanged"),
                kind=Kind.OPERATION,
                location=f"{operation_label(new)} {what}",
                subject=new.operation_id,
                reason=f"{new.operation_id} is "
                + ("now" if b else "no longer")
                + f" {what}; its generated method returns a different kind of result.",
                wire_breaking=False,
                client_breaking=True,
                migration=(
                    f"`{call(ctx.old, old)}` → `{call(ctx.new, new)}`; adapt to its new result"
                    if call(ctx.old, old) != call(ctx.new, new)
                    else f"adapt code calling `{call(ctx.new, new)}` to its new kind of result"
                ),
                reach=reach,
                old="yes" if a else "no",
                new="yes" if b else "no",
            )
        )
    return drafts
