"""The second verdict: what changes for code written against the generated Python client.

The generated surface is named by the naming pass: ``client.<group.py_name>.<operation.py_name>``
for calls, ``models.<class_name>`` for models and enums, ``<property.py_name>`` for fields and
``<parameter.py_name>`` for keyword arguments.  A change on the wire may leave that surface alone
(a moved path: the regenerated method calls the new URL) and a change invisible on the wire may
break it (a renamed class).  This module spells the surface and writes migration notes.
"""

from __future__ import annotations

import difflib
import functools

from generator.diff.changes import ChangeDraft, Kind
from generator.diff.context import DiffContext
from generator.diff.index import SpecIndex, normalize_path, op_key, operation_name
from generator.diff.rules import rule
from generator.ir import Operation

REPLACEMENT_THRESHOLD = 0.6


def method_path(index: SpecIndex, op: Operation) -> str:
    """``client.files.delete``: where the generated client puts the method for ``op``."""
    group = index.group_of[op_key(op)]
    return f"client.{group.py_name}.{op.py_name}" if group.py_name else f"client.{op.py_name}"


def call(index: SpecIndex, op: Operation) -> str:
    """``client.files.delete(...)``: how the generated client spells a call of ``op``."""
    return method_path(index, op) + "(...)"


def operation_label(op: Operation) -> str:
    """``DELETE /files/{file-id}``."""
    return f"{op.method.upper()} {op.path}"


def suggest_replacement(ctx: DiffContext, op: Operation) -> Operation | None:
    """A new-version operation that most likely replaces the removed ``op``, or None.

    Same HTTP method, in a group with a similar name, with the path and method name that read
    most alike (``FineTunes_Create`` on ``/fine-tunes`` -> ``FineTuning_Create`` on
    ``/fine_tuning/jobs``).
    """
    best: tuple[float, str] | None = None
    old_group = ctx.old.group_of[op_key(op)].key.lower()
    for op_id, candidate in sorted(ctx.new.operations.items()):
        if candidate.method != op.method:
            continue
        group_score = _ratio(old_group, ctx.new.group_of[op_id].key.lower())
        if group_score < REPLACEMENT_THRESHOLD:
            continue
        score = (
            group_score
            + _ratio(normalize_path(op.path), normalize_path(candidate.path))
            + _ratio(op.py_name, candidate.py_name)
        ) / 3
        if score >= REPLACEMENT_THRESHOLD and (best is None or score > best[0]):
            best = (score, op_id)
    return ctx.new.operations[best[1]] if best is not None else None


@functools.lru_cache(maxsize=8192)
def _ratio(a: str, b: str) -> float:
    """Similarity of two names; cached, since every removed operation is held against every
    operation of the new version and group names and paths repeat."""
    return difflib.SequenceMatcher(None, a, b).ratio()


def removal_note(ctx: DiffContext, op: Operation) -> str:
    """Migration note for a removed operation."""
    replacement = suggest_replacement(ctx, op)
    if replacement is None:
        return f"`{call(ctx.old, op)}` has no replacement in {ctx.new.version}."
    return (
        f"`{call(ctx.old, op)}` → `{call(ctx.new, replacement)}` "
        f"({operation_label(replacement)}; check its parameters and result type)."
    )


def behaviour_changed(old: Operation, new: Operation) -> bool:
    """Whether the operation became or stopped being long-running, paged or streaming."""
    return (
        (old.long_running is None) != (new.long_running is None)
        or (old.paging is None) != (new.paging is None)
        or (old.event_stream is None) != (new.event_stream is None)
    )


def method_renames(ctx: DiffContext) -> list[ChangeDraft]:
    """Matched operations (same operationId) whose generated method is spelled differently."""
    drafts: list[ChangeDraft] = []
    for pair in ctx.matches.operations:
        if pair.by != "operationId" or behaviour_changed(pair.old, pair.new):
            continue  # reported, with its note, as ModifiedOperationId or OperationKindChanged
        before, after = call(ctx.old, pair.old), call(ctx.new, pair.new)
        if before == after:
            continue
        drafts.append(
            ChangeDraft(
                rule=rule("RenamedClientMethod"),
                kind=Kind.OPERATION,
                location=operation_label(pair.new),
                subject=op_key(pair.new),
                reason=f"The generated method for {operation_name(pair.new)} is renamed.",
                wire_breaking=False,
                client_breaking=True,
                migration=f"`{before}` → `{after}`",
                reach=ctx.op_reach(pair.old, pair.new),
                old=before,
                new=after,
            )
        )
    return drafts


def class_renames(ctx: DiffContext) -> list[ChangeDraft]:
    """Models and enums kept under the same key whose generated class name changed."""
    drafts: list[ChangeDraft] = []
    for kind, pairs, old_defs, new_defs in (
        ("model", ctx.matches.model_pairs, ctx.old.models, ctx.new.models),
        ("enum", ctx.matches.enum_pairs, ctx.old.enums, ctx.new.enums),
    ):
        for old_key, new_key in pairs:
            if old_key != new_key:
                continue  # renamed definitions are reported as RenamedModel
            before = old_defs[old_key].class_name
            after = new_defs[new_key].class_name
            if before == after:
                continue
            drafts.append(
                ChangeDraft(
                    rule=rule("RenamedModelClass"),
                    kind=Kind.MODEL if kind == "model" else Kind.ENUM,
                    location=f"{kind} {new_key}",
                    subject=new_key,
                    reason=f"The generated class for {kind} {new_key} is renamed.",
                    wire_breaking=False,
                    client_breaking=True,
                    migration=f"`models.{before}` → `models.{after}`",
                    reach=ctx.reach(kind, old_key, new_key),
                    old=before,
                    new=after,
                )
            )
    return drafts
