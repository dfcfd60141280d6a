"""Definitions added or removed (models, enums, aliases), and changes of alias types.

A removed definition breaks code importing its generated class, unless another definition now
generates a class of the same name (then the class changed meaning, which is still worth a
note); it never breaks the wire by itself: the operations and properties that used it report
their own changes.
"""

from __future__ import annotations

from generator.diff.changes import ChangeDraft, Kind
from generator.diff.context import DiffContext
from generator.diff.rules import rule
from generator.diff.type_compare import RULE_FOR, describe


def removed_definition(ctx: DiffContext, kind: str, key: str, class_name: str) -> ChangeDraft:
    """The model or enum ``key`` (generating ``class_name``) is gone."""
    survives = any(m.class_name == class_name for m in ctx.new.models.values()) or any(
        e.class_name == class_name for e in ctx.new.enums.values()
    )
    return ChangeDraft(
        rule=rule("RemovedDefinition"),
        kind=Kind.MODEL if kind == "model" else Kind.ENUM,
        location=f"{kind} {key}",
        subject=key,
        reason=f"The {kind} {key} is removed"
        + (
            f"; a different definition now generates `models.{class_name}`."
            if survives
            else f"; the generated class `models.{class_name}` is gone."
        ),
        wire_breaking=False,
        client_breaking=True,
        migration=(
            f"check uses of `models.{class_name}`: it is now a different class"
            if survives
            else f"remove uses of `models.{class_name}`"
        ),
        reach=ctx.reach(kind, key, None),
        old=key,
    )


def added_definition(ctx: DiffContext, kind: str, key: str, class_name: str) -> ChangeDraft:
    """The model or enum ``key`` (generating ``class_name``) is new."""
    return ChangeDraft(
        rule=rule("AddedDefinition"),
        kind=Kind.MODEL if kind == "model" else Kind.ENUM,
        location=f"{kind} {key}",
        subject=key,
        reason=f"New {kind} {key} (`models.{class_name}`).",
        wire_breaking=False,
        client_breaking=False,
        reach=ctx.reach(kind, None, key),
        new=key,
    )


def compare_aliases(ctx: DiffContext) -> list[ChangeDraft]:
    """Named non-object definitions (e.g. an array of models), expanded in place where used."""
    old = {alias.key: alias for alias in ctx.old.spec.aliases}
    new = {alias.key: alias for alias in ctx.new.spec.aliases}
    drafts: list[ChangeDraft] = []
    for key in sorted(old.keys() - new.keys()):
        drafts.append(
            ChangeDraft(
                rule=rule("RemovedDefinition"),
                kind=Kind.MODEL,
                location=f"model {key}",
                subject=key,
                reason=f"The definition {key} ({describe(old[key].type)}, expanded where it is "
                "used; no class is generated for it) is removed.",
                wire_breaking=False,
                client_breaking=False,
                old=key,
            )
        )
    for key in sorted(new.keys() - old.keys()):
        drafts.append(
            ChangeDraft(
                rule=rule("AddedDefinition"),
                kind=Kind.MODEL,
                location=f"model {key}",
                subject=key,
                reason=f"New definition {key} ({describe(new[key].type)}, expanded where it is "
                "used; no class is generated for it).",
                wire_breaking=False,
                client_breaking=False,
                new=key,
            )
        )
    for key in sorted(old.keys() & new.keys()):
        delta = ctx.compare(old[key].type, new[key].type)
        if delta is None:
            continue
        drafts.append(
            ChangeDraft(
                rule=rule(RULE_FOR[delta.how]),
                kind=Kind.MODEL,
                location=f"model {key}",
                subject=key,
                reason=f"The definition {key} changes from {delta.old} to {delta.new}; each "
                "place that uses it reports its own change.",
                wire_breaking=False,
                client_breaking=False,
                review=True,
                old=delta.old,
                new=delta.new,
            )
        )
    return drafts
