"""Operations: added, removed, moved, renamed; then each pair's inputs, responses and behaviour.

Operations are paired by :mod:`~generator.diff.match`; this module reports what happened to the
operations themselves and hands each pair to the comparisons of its parts:
:mod:`~generator.diff.compare_inputs` (parameters, bodies, form fields),
:mod:`~generator.diff.compare_responses`, :mod:`~generator.diff.compare_media` (``consumes`` and
``produces``) and :mod:`~generator.diff.compare_behaviour` (long-running, paged, streaming).
"""

from __future__ import annotations

from generator.diff.changes import ChangeDraft, Kind
from generator.diff.client_surface import call, operation_label, removal_note
from generator.diff.compare_behaviour import compare_behaviour
from generator.diff.compare_inputs import compare_inputs
from generator.diff.compare_media import compare_media
from generator.diff.compare_responses import compare_responses
from generator.diff.context import DiffContext
from generator.diff.index import normalize_path, op_key, operation_name
from generator.diff.match import OperationMatch
from generator.diff.rules import rule
from generator.ir import Operation


def modified_id_reason(old: Operation, new: Operation) -> str:
    """The sentence for a changed operationId, also when one side has none."""
    where = operation_label(new)
    if not old.operation_id:
        return f"The operation {where} gains the operationId {new.operation_id}."
    if not new.operation_id:
        return f"The operation {where} loses its operationId {old.operation_id}."
    return f"The operationId of {where} changes from {old.operation_id} to {new.operation_id}."


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
                subject=op_key(op),
                reason=(
                    f"{operation_name(op)} is removed"
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
                subject=op_key(op),
                reason=f"New operation {operation_name(op)}, called as `{call(ctx.new, op)}`.",
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
                subject=op_key(new),
                reason=modified_id_reason(old, new),
                wire_breaking=False,
                client_breaking=before != after,
                review=True,
                migration=f"`{before}` → `{after}`" if before != after else "",
                reach=reach,
                old=old.operation_id or None,
                new=new.operation_id or None,
            )
        )
    if pair.moved:
        drafts.append(
            ChangeDraft(
                rule=rule("MovedOperation"),
                kind=Kind.OPERATION,
                location=operation_label(new),
                subject=op_key(new),
                reason=(
                    f"{operation_name(new)} moved from {operation_label(old)} to "
                    f"{operation_label(new)}; the old URL is no longer served."
                ),
                wire_breaking=True,
                client_breaking=before != after,
                migration=f"`{before}` → `{after}`" if before != after else "",
                reach=reach,
                old=operation_label(old),
                new=operation_label(new),
                evidence=(f"same operationId {operation_name(new)}",),
            )
        )
    drafts.extend(compare_inputs(ctx, pair, reach))
    drafts.extend(compare_responses(ctx, pair, reach))
    drafts.extend(compare_media(pair, reach))
    drafts.extend(compare_behaviour(ctx, pair, reach))
    return drafts
