"""Enums: values added and removed, extensibility, with direction and extensibility awareness.

Each enum change is one entry, however many properties and parameters use the enum; the entry
lists the operations and models it reaches.  A new value in an extensible (``modelAsString``)
enum is never breaking: clients accept unknown values.  A new value in a closed enum that the
service returns breaks clients that parse it strictly.  A removed value breaks requests (old
clients may still send it) and the generated enum class (its member is gone).
"""

from __future__ import annotations

import difflib

from generator.diff.changes import ChangeDraft, Kind
from generator.diff.context import DiffContext
from generator.diff.definitions import added_definition, removed_definition
from generator.diff.index import REQUEST, RESPONSE
from generator.diff.rules import rule
from generator.ir import Enum


def compare_enums(ctx: DiffContext) -> list[ChangeDraft]:
    """Every enum-level change between the two versions."""
    drafts: list[ChangeDraft] = []
    for key in ctx.matches.removed_enums:
        drafts.append(removed_definition(ctx, "enum", key, ctx.old.enums[key].class_name))
    for key in ctx.matches.added_enums:
        drafts.append(added_definition(ctx, "enum", key, ctx.new.enums[key].class_name))
    for old_key, new_key in ctx.matches.enum_pairs:
        drafts.extend(_compare_enum(ctx, ctx.old.enums[old_key], ctx.new.enums[new_key]))
    return drafts


def values_of(item: Enum) -> dict[str, str]:
    """Value text -> generated member name."""
    return {str(v.value): v.py_name for v in item.values}


VALUE_SIMILARITY = 0.8  # spelling similarity for a value rename without a shared description


def value_renames(old: Enum, new: Enum) -> list[tuple[str, str]]:
    """Values of ``old`` missing from ``new`` that live on under another spelling.

    A lost value and a gained one are the same member renamed when their descriptions open
    with the same sentence (``succeeded`` -> ``processed``, both "The operation has successfully
    be processed ...") or, failing that, when they are spelled alike (``canceled`` ->
    ``cancelled``); each pairing must be the only candidate on both sides.
    """
    old_docs = {str(v.value): _first_sentence(v.description) for v in old.values}
    new_docs = {str(v.value): _first_sentence(v.description) for v in new.values}
    lost = sorted(old_docs.keys() - new_docs.keys())
    gained = sorted(new_docs.keys() - old_docs.keys())
    found: list[tuple[str, str]] = []

    def same_doc(a: str, b: str) -> bool:
        return bool(old_docs[a]) and old_docs[a] == new_docs[b]

    def alike(a: str, b: str) -> bool:
        return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() >= VALUE_SIMILARITY

    for same in (same_doc, alike):
        for a in list(lost):
            candidates = [b for b in gained if same(a, b)]
            rivals = [x for x in lost if candidates and same(x, candidates[0])]
            if len(candidates) == 1 and rivals == [a]:
                found.append((a, candidates[0]))
                lost.remove(a)
                gained.remove(candidates[0])
    return sorted(found)


def _first_sentence(text: str) -> str:
    words = " ".join(text.split()).lower()
    return words.split(". ", 1)[0].rstrip(".")


def rename_notes(old: Enum, new: Enum, renames: list[tuple[str, str]]) -> str:
    """``State.SUCCEEDED` → `FileState.PROCESSED``, for migration notes."""
    a, b = values_of(old), values_of(new)
    return ", ".join(f"`{old.class_name}.{a[x]}` → `{new.class_name}.{b[y]}`" for x, y in renames)


def _compare_enum(ctx: DiffContext, old: Enum, new: Enum) -> list[ChangeDraft]:
    reach = ctx.reach("enum", old.key, new.key)
    sent = REQUEST in ctx.directions("enum", old.key, None)  # old clients may send old values
    read = RESPONSE in ctx.directions("enum", None, new.key)  # the service returns new values
    where = f"enum {new.key}"
    drafts: list[ChangeDraft] = []
    old_values, new_values = values_of(old), values_of(new)
    added = sorted(new_values.keys() - old_values.keys())
    removed = sorted(old_values.keys() - new_values.keys())
    if added and len(old_values) == 1:
        drafts.append(
            ChangeDraft(
                rule=rule("ConstantStatusHasChanged"),
                kind=Kind.ENUM,
                location=where,
                subject=new.key,
                reason=f"{new.key} was the constant `{next(iter(old_values))}` and now also "
                f"admits {', '.join(f'`{v}`' for v in added)}"
                + (
                    "; old clients expect only the constant from the service."
                    if read and not old.extensible
                    else "."
                ),
                wire_breaking=read and not old.extensible,
                client_breaking=False,
                review=True,
                reach=reach,
                new=", ".join(added),
                detail=tuple(added),
            )
        )
        added = []
    if added:
        strict = read and not old.extensible
        if strict:
            why = "; it is closed and returned by the service, so old clients may reject them."
        elif read:
            why = "; it is extensible, so clients already accept unknown values."
        else:
            why = "; it is only sent by clients."
        drafts.append(
            ChangeDraft(
                rule=rule("AddedEnumValue"),
                kind=Kind.ENUM,
                location=where,
                subject=new.key,
                reason=f"{new.key} gains {_listing(added)}{why}",
                wire_breaking=strict,
                client_breaking=False,
                reach=reach,
                new=", ".join(added),
                detail=tuple(added),
            )
        )
    renames = value_renames(old, new)
    if removed:
        renamed = dict(renames)
        gone = [v for v in removed if v not in renamed]
        members = ", ".join(f"`{old.class_name}.{old_values[v]}`" for v in gone)
        note = "; ".join(
            part
            for part in (
                rename_notes(old, new, renames),
                f"{members} no longer exist" + ("s" if len(gone) == 1 else "") if gone else "",
            )
            if part
        )
        drafts.append(
            ChangeDraft(
                rule=rule("RemovedEnumValue"),
                kind=Kind.ENUM,
                location=where,
                subject=new.key,
                reason=f"{new.key} loses {_listing(removed)}"
                + (
                    " (" + ", ".join(f"`{x}` is now spelled `{y}`" for x, y in renames) + ")"
                    if renames
                    else ""
                )
                + (
                    f"; old clients may still send {_pronoun(removed)}."
                    if sent
                    else f"; the service no longer returns {_pronoun(removed)}."
                ),
                wire_breaking=sent,
                client_breaking=True,
                migration=note,
                reach=reach,
                old=", ".join(removed),
                evidence=tuple(f"value renamed: {x} → {y}" for x, y in renames),
                detail=tuple(removed),
            )
        )
    if old.extensible != new.extensible:
        closing = not new.extensible
        if closing:
            reason = (
                "closed (modelAsString false): the service rejects values outside the list, "
                "which old clients may send."
                if sent
                else "closed (modelAsString false); the service returns only listed values."
            )
        else:
            reason = (
                "extensible (modelAsString true): the service may return values old clients "
                "reject."
                if read
                else "extensible (modelAsString true): the service accepts any value."
            )
        breaking = sent if closing else read
        drafts.append(
            ChangeDraft(
                rule=rule("XmsEnumChanged"),
                kind=Kind.ENUM,
                location=where,
                subject=new.key,
                reason=f"{new.key} becomes {reason}",
                wire_breaking=breaking,
                client_breaking=breaking,
                review=True,
                migration=(
                    (
                        f"pass `models.{new.class_name}` members, not plain strings"
                        if closing
                        else f"values read as `models.{new.class_name}` may be plain strings"
                    )
                    if breaking
                    else ""
                ),
                reach=reach,
                old="extensible" if old.extensible else "closed",
                new="extensible" if new.extensible else "closed",
                detail=("modelAsString",),
            )
        )
    if old.declared != new.declared:
        drafts.append(
            ChangeDraft(
                rule=rule("AddedXmsEnum" if new.declared else "RemovedXmsEnum"),
                kind=Kind.ENUM,
                location=where,
                subject=new.key,
                reason=f"{new.key} " + ("gains" if new.declared else "loses") + " x-ms-enum.",
                wire_breaking=False,
                client_breaking=False,
                reach=reach,
                detail=("x-ms-enum",),
            )
        )
    if old.base != new.base:
        drafts.append(
            ChangeDraft(
                rule=rule("TypeChanged"),
                kind=Kind.ENUM,
                location=where,
                subject=new.key,
                reason=f"{new.key} values change from {old.base.value} to {new.base.value}.",
                wire_breaking=True,
                client_breaking=True,
                migration=f"`models.{new.class_name}` values are now {new.base.value}",
                reach=reach,
                old=old.base.value,
                new=new.base.value,
            )
        )
    return drafts


def _pronoun(values: list[str]) -> str:
    return "it" if len(values) == 1 else "them"


def _listing(values: list[str]) -> str:
    noun = "value" if len(values) == 1 else "values"
    return f"{noun} " + ", ".join(f"`{v}`" for v in values)
