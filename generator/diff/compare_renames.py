"""Definitions that live on under other names: renames (one new key) and splits (several).

The wire never carries a definition's name, so a rename alone is harmless on the wire; the
generated class, however, is renamed, which breaks code importing it.  A split is reported once,
with the uses that moved as evidence; value differences between the old enum and each part are
judged as for any enum (direction and extensibility), so an extensible enum returned by the
service that splits into per-resource enums with new values does not break the wire.
"""

from __future__ import annotations

from generator.diff.changes import ChangeDraft, Kind, Reach
from generator.diff.compare_enums import rename_notes, value_renames, values_of
from generator.diff.context import DiffContext
from generator.diff.index import REQUEST, RESPONSE
from generator.diff.match import DefinitionMatch
from generator.diff.rules import rule


def compare_renames(ctx: DiffContext) -> list[ChangeDraft]:
    """One entry per renamed or split definition."""
    return [_entry(ctx, found) for found in ctx.matches.definitions]


def _class_name(ctx: DiffContext, kind: str, key: str, new: bool) -> str:
    index = ctx.new if new else ctx.old
    return (index.models[key] if kind == "model" else index.enums[key]).class_name


def _entry(ctx: DiffContext, found: DefinitionMatch) -> ChangeDraft:
    kind = found.kind
    old_class = _class_name(ctx, kind, found.old_key, False)
    new_classes = [_class_name(ctx, kind, key, True) for key in found.new_keys]
    reach = ctx.reach(kind, found.old_key, None)
    extra = [ctx.reach(kind, None, key) for key in found.new_keys]
    operations = sorted(set(reach.operations).union(*(r.operations for r in extra)))
    groups = sorted(set(reach.groups).union(*(r.groups for r in extra)))
    models = sorted(
        (set(reach.models).union(*(r.models for r in extra))) - {found.old_key, *found.new_keys}
    )
    reach = Reach(tuple(operations), tuple(groups), tuple(models))
    wire = False
    evidence = list(found.evidence)
    notes: list[str] = []  # value renames, spelled with the generated members
    if kind == "enum" and found.is_split:
        # A rename's value changes are reported by the enum comparison of the renamed pair.
        old_values = set(values_of(ctx.old.enums[found.old_key]))
        old_enum = ctx.old.enums[found.old_key]
        old_directions = ctx.directions("enum", found.old_key, None)
        for key in found.new_keys:
            part = ctx.new.enums[key]
            new_values = set(values_of(part))
            directions = ctx.directions("enum", None, key)
            renames = value_renames(old_enum, part)
            if renames:
                evidence.append(f"{key} renames: " + ", ".join(f"{x} → {y}" for x, y in renames))
                notes.append(rename_notes(old_enum, part, renames))
            lost = sorted(old_values - new_values - {x for x, _ in renames})
            gained = sorted(new_values - old_values - {y for _, y in renames})
            if lost:
                evidence.append(f"{key} lacks: {', '.join(lost)}")
            if gained:
                evidence.append(f"{key} adds: {', '.join(gained)}")
            if lost and REQUEST in old_directions:
                wire = True
            if gained and RESPONSE in directions and not old_enum.extensible:
                wire = True
    client = old_class not in new_classes or len(new_classes) > 1
    if found.is_split:
        targets = ", ".join(found.new_keys)
        reason = f"The {kind} {found.old_key} is split into {targets}; each former use now "
        reason += "refers to one of them."
        migration = f"`models.{old_class}` → " + " / ".join(f"`models.{c}`" for c in new_classes)
        if notes:
            migration += "; renamed values: " + ", ".join(notes)
        name = "SplitModel"
    else:
        reason = f"The {kind} {found.old_key} is renamed to {found.new_keys[0]}."
        migration = f"`models.{old_class}` → `models.{new_classes[0]}`" if client else ""
        name = "RenamedModel"
    return ChangeDraft(
        rule=rule(name),
        kind=Kind.MODEL if kind == "model" else Kind.ENUM,
        location=f"{kind} {found.old_key}",
        subject=found.old_key,
        reason=reason,
        wire_breaking=wire,
        client_breaking=client,
        review=True,
        migration=migration,
        reach=reach,
        old=found.old_key,
        new=", ".join(found.new_keys),
        evidence=tuple(evidence),
        detail=found.new_keys,
    )
