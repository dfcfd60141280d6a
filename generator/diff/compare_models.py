"""Models: definitions added, removed, renamed or split; properties; polymorphism.

Direction decides severity.  A property the service stops sending breaks readers of responses;
one it stops accepting in requests is a matter for review (old clients still send it).  A new
required property breaks requests but is merely new data in responses.  Properties are compared
with inherited ones included, and reported on the model that declares them, so a change to a
parent appears once.
"""

from __future__ import annotations

from generator.diff.changes import ChangeDraft, Kind, Reach
from generator.diff.compare_values import (
    Place,
    compare_constraints,
    compare_default,
    compare_nullable,
)
from generator.diff.context import DiffContext
from generator.diff.definitions import added_definition, compare_aliases, removed_definition
from generator.diff.index import REQUEST, RESPONSE, SpecIndex
from generator.diff.rules import rule
from generator.diff.type_compare import RULE_FOR, describe
from generator.ir import Model, Property

_ALL_MUTABILITY = ("create", "read", "update")


def effective_properties(index: SpecIndex, model: Model) -> dict[str, tuple[Property, str]]:
    """Own and inherited properties of ``model``: wire name -> (property, declaring model key)."""
    found: dict[str, tuple[Property, str]] = {}
    seen: set[str] = set()

    def visit(current: Model) -> None:
        if current.key in seen:
            return
        seen.add(current.key)
        for parent_key in current.parents:
            parent = index.models.get(parent_key)
            if parent is not None:
                visit(parent)
        for prop in current.properties:
            found[prop.wire_name] = (prop, current.key)

    visit(model)
    return found


def compare_models(ctx: DiffContext) -> list[ChangeDraft]:
    """Every model-level change between the two versions."""
    drafts: list[ChangeDraft] = []
    for key in ctx.matches.removed_models:
        model = ctx.old.models[key]
        if model.inline:
            continue  # an inline object's fate is reported on its parent property
        drafts.append(removed_definition(ctx, "model", key, model.class_name))
    for key in ctx.matches.added_models:
        model = ctx.new.models[key]
        if model.inline:
            continue
        drafts.append(added_definition(ctx, "model", key, model.class_name))
    for old_key, new_key in ctx.matches.model_pairs:
        drafts.extend(_compare_model(ctx, ctx.old.models[old_key], ctx.new.models[new_key]))
    drafts.extend(compare_aliases(ctx))
    return drafts


def _compare_model(ctx: DiffContext, old: Model, new: Model) -> list[ChangeDraft]:
    reach = ctx.reach("model", old.key, new.key)
    directions = ctx.directions("model", old.key, new.key)
    old_directions = ctx.directions("model", old.key, None)
    new_directions = ctx.directions("model", None, new.key)
    drafts: list[ChangeDraft] = []
    old_props = effective_properties(ctx.old, old)
    new_props = effective_properties(ctx.new, new)
    old_parents = tuple(
        next((b for a, b in ctx.matches.model_pairs if a == p), p) for p in old.parents
    )
    parents_changed = old_parents != new.parents
    if parents_changed:
        drafts.append(
            ChangeDraft(
                rule=rule("ParentChanged"),
                kind=Kind.MODEL,
                location=f"model {new.key}",
                subject=new.key,
                reason=f"{new.key} inherits from {', '.join(new.parents) or 'nothing'} instead "
                f"of {', '.join(old.parents) or 'nothing'}.",
                wire_breaking=False,
                client_breaking=False,
                review=True,
                reach=reach,
                old=", ".join(old.parents) or None,
                new=", ".join(new.parents) or None,
            )
        )

    def own(owner_old: str | None, owner_new: str | None) -> bool:
        return owner_old == old.key or owner_new == new.key or parents_changed

    for name in sorted(old_props.keys() | new_props.keys()):
        a, a_owner = old_props.get(name, (None, None))
        b, b_owner = new_props.get(name, (None, None))
        if not own(a_owner, b_owner):
            continue
        where = f"model {new.key}.{name}"
        if a is None and b is not None:
            drafts.append(_added_property(ctx, new, b, where, new_directions, reach))
        elif b is None and a is not None:
            drafts.append(
                _removed_property(
                    new, a, where, old_directions, reach, _subtypes_with(ctx, new, name)
                )
            )
        elif a is not None and b is not None:
            lifted = (_lifted(ctx.old, a_owner, name), _lifted(ctx.new, b_owner, name))
            drafts.extend(_changed_property(ctx, new, a, b, where, directions, reach, lifted))
    drafts.extend(_compare_polymorphism(old, new, directions, reach))
    drafts.extend(_compare_shape(ctx, old, new, reach))
    return drafts


def _added_property(
    ctx: DiffContext,
    model: Model,
    prop: Property,
    where: str,
    directions: frozenset[str],
    reach: Reach,
) -> ChangeDraft:
    sent = REQUEST in directions and not prop.read_only
    if prop.required and sent:
        return ChangeDraft(
            rule=rule("AddedRequiredProperty"),
            kind=Kind.PROPERTY,
            location=where,
            subject=model.key,
            reason=f"{model.key} requires the new property {prop.wire_name} in requests; "
            "old clients do not send it.",
            wire_breaking=True,
            client_breaking=True,
            migration=f"pass `{prop.py_name}=...` when building `models.{model.class_name}`",
            reach=reach,
            new="required",
        )
    if not sent:
        return ChangeDraft(
            rule=rule(
                "AddedReadOnlyPropertyInResponse" if prop.read_only else "AddedPropertyInResponse"
            ),
            kind=Kind.PROPERTY,
            location=where,
            subject=model.key,
            reason=f"{model.key} gains the property {prop.wire_name}, sent by the service.",
            wire_breaking=False,
            client_breaking=False,
            reach=reach,
            new="required" if prop.required else "optional",
        )
    return ChangeDraft(
        rule=rule("AddedOptionalProperty"),
        kind=Kind.PROPERTY,
        location=where,
        subject=model.key,
        reason=f"{model.key} gains the optional property {prop.wire_name}.",
        wire_breaking=False,
        client_breaking=False,
        reach=reach,
        new="optional",
    )


def _subtypes_with(ctx: DiffContext, model: Model, wire_name: str) -> tuple[str, ...]:
    """Subtypes of the polymorphic ``model`` (new version) that declare ``wire_name``."""
    if model.discriminator is None:
        return ()
    found = []
    for _, key in model.discriminator.subtypes:
        subtype = ctx.new.models.get(key)
        if subtype is not None and wire_name in effective_properties(ctx.new, subtype):
            found.append(key)
    return tuple(sorted(set(found)))


def _removed_property(
    model: Model,
    prop: Property,
    where: str,
    directions: frozenset[str],
    reach: Reach,
    subtypes: tuple[str, ...] = (),
) -> ChangeDraft:
    read = RESPONSE in directions
    if subtypes:
        plural = "s" if len(subtypes) > 1 else ""
        consequence = f"it now lives only on the subtype{plural} {', '.join(subtypes)}."
    elif read and prop.required:
        consequence = "old clients expect it in every response."
    elif read:
        consequence = "old clients read None where the service sent it."
    else:
        consequence = "old clients still send it in requests."
    return ChangeDraft(
        rule=rule("RemovedProperty"),
        kind=Kind.PROPERTY,
        location=where,
        subject=model.key,
        reason=f"{model.key} loses the property {prop.wire_name}; {consequence}",
        wire_breaking=read and prop.required and not subtypes,
        client_breaking=True,
        review=True,
        migration=(
            f"`{model.class_name}.{prop.py_name}` no longer exists; "
            + (
                f"read it from {' / '.join(f'`{s}`' for s in subtypes)}"
                if subtypes
                else "stop using it"
            )
        ),
        reach=reach,
        old="required" if prop.required else "optional",
        evidence=tuple(f"declared by subtype {key}" for key in subtypes),
    )


def _lifted(index: SpecIndex, owner: str | None, wire: str) -> bool:
    """Whether the generated class of ``owner`` lifts the container ``wire`` (x-ms-client-flatten
    honoured: its properties are attributes of the class)."""
    model = index.models.get(owner) if owner is not None else None
    return model is not None and any(entry.path[0] == wire for entry in model.flattened)


def _changed_property(
    ctx: DiffContext,
    model: Model,
    a: Property,
    b: Property,
    where: str,
    directions: frozenset[str],
    reach: Reach,
    lifted: tuple[bool, bool] = (False, False),
) -> list[ChangeDraft]:
    drafts: list[ChangeDraft] = []
    sent = REQUEST in directions
    read = RESPONSE in directions
    if a.required != b.required:
        tightened = b.required
        wire = (tightened and sent and not b.read_only) or (not tightened and read)
        # Model attributes are ``T | None`` either way; only the constructor's argument changes
        # (required ``T`` or optional ``T | None = None``), so only a field sent can break code.
        drafts.append(
            ChangeDraft(
                rule=rule("RequiredStatusChange"),
                kind=Kind.PROPERTY,
                location=where,
                subject=model.key,
                reason=f"{model.key}.{b.wire_name} is now "
                + ("required" if tightened else "optional")
                + (
                    "; old clients may not send it."
                    if tightened and sent
                    else "; responses may omit it." if not tightened and read else "."
                ),
                wire_breaking=wire,
                client_breaking=tightened and sent and not b.read_only,
                review=True,
                migration=(
                    f"pass `{b.py_name}=...` when building `models.{model.class_name}`"
                    if tightened and sent and not b.read_only
                    else ""
                ),
                reach=reach,
                old="required" if a.required else "optional",
                new="required" if b.required else "optional",
            )
        )
    if a.read_only != b.read_only:
        drafts.append(
            ChangeDraft(
                rule=rule("ReadonlyPropertyChanged"),
                kind=Kind.PROPERTY,
                location=where,
                subject=model.key,
                reason=f"{model.key}.{b.wire_name} is now "
                + (
                    "read-only; the service ignores the value old clients send."
                    if b.read_only and sent
                    else "read-only." if b.read_only else "writable."
                ),
                wire_breaking=b.read_only and sent,
                client_breaking=b.read_only and sent,
                review=True,
                migration=(
                    f"stop passing `{b.py_name}=` to `models.{model.class_name}(...)`"
                    if b.read_only and sent
                    else ""
                ),
                reach=reach,
                old="read-only" if a.read_only else "writable",
                new="read-only" if b.read_only else "writable",
            )
        )
    change = ctx.type_change(a.type, b.type, sent=sent and not b.read_only, read=read)
    if change is not None:
        delta = change.delta
        drafts.append(
            ChangeDraft(
                rule=rule(RULE_FOR[delta.how]),
                kind=Kind.PROPERTY,
                location=where,
                subject=model.key,
                reason=f"{model.key}.{b.wire_name} changes from {delta.old} to {delta.new}.",
                wire_breaking=change.wire_breaking,
                client_breaking=change.client_breaking,
                review=True,
                migration=(
                    f"`{model.class_name}.{b.py_name}` is now {delta.new}"
                    if change.client_breaking
                    else ""
                ),
                reach=reach,
                old=delta.old,
                new=delta.new,
            )
        )
    if a.py_name != b.py_name and a.py_name and b.py_name:
        drafts.append(
            ChangeDraft(
                rule=rule("RenamedClientName"),
                kind=Kind.PROPERTY,
                location=where,
                subject=model.key,
                reason=f"The generated field for {model.key}.{b.wire_name} is renamed.",
                wire_breaking=False,
                client_breaking=True,
                migration=f"`{model.class_name}.{a.py_name}` → `{model.class_name}.{b.py_name}`",
                reach=reach,
                old=a.py_name,
                new=b.py_name,
            )
        )
    place = Place(
        Kind.PROPERTY,
        where,
        model.key,
        f"{model.key}.{b.wire_name}",
        sent=sent and not b.read_only,
        read=read,
        reach=reach,
    )
    drafts += compare_constraints(place, a.constraints, b.constraints)
    drafts += compare_default(place, a.default, b.default)
    drafts += compare_nullable(
        place,
        a.nullable,
        b.nullable,
        required=b.required,
        field=f"{model.class_name}.{b.py_name}",
    )
    drafts += _compare_extensions(place, model, a, b, lifted)
    return drafts


def _compare_extensions(
    place: Place, model: Model, a: Property, b: Property, lifted: tuple[bool, bool]
) -> list[ChangeDraft]:
    """``x-ms-mutability`` and ``x-ms-client-flatten`` of a property (``lifted``: whether the
    old and the new generated class lift the container's properties)."""
    drafts: list[ChangeDraft] = []
    if a.mutability != b.mutability:
        was = set(a.mutability or _ALL_MUTABILITY)
        now = set(b.mutability or _ALL_MUTABILITY)
        lost = sorted((was - now) & {"create", "update"})
        drafts.append(
            place.draft(
                "MutabilityChanged",
                f"{place.label} changes x-ms-mutability from {', '.join(sorted(was))} to "
                f"{', '.join(sorted(now))}"
                + (
                    f"; the service no longer takes it on {' or '.join(lost)}."
                    if lost and place.sent
                    else "."
                ),
                wire=bool(lost) and place.sent,
                review=True,
                old=", ".join(sorted(was)),
                new=", ".join(sorted(now)),
            )
        )
    if a.client_flatten != b.client_flatten:
        moved = lifted[0] != lifted[1]
        if not moved:
            effect = f"`{model.class_name}` keeps its shape (the flag cannot be honoured here)."
        elif lifted[1]:
            effect = f"its properties become attributes of `{model.class_name}`."
        else:
            effect = f"its properties are no longer attributes of `{model.class_name}`."
        drafts.append(
            place.draft(
                "ClientFlattenChanged",
                f"{place.label} is "
                + ("now" if b.client_flatten else "no longer")
                + f" marked x-ms-client-flatten; {effect}",
                wire=False,
                client=moved,
                migration=(
                    f"read and set the container's properties on `{model.class_name}` itself"
                    if moved and lifted[1]
                    else (
                        f"reach the container's properties through `{model.class_name}.{b.py_name}`"
                        if moved
                        else ""
                    )
                ),
                old=str(a.client_flatten).lower(),
                new=str(b.client_flatten).lower(),
            )
        )
    return drafts


def _compare_shape(ctx: DiffContext, old: Model, new: Model, reach: Reach) -> list[ChangeDraft]:
    """Whole-definition facts: ``readOnly`` and ``additionalProperties``."""
    directions = ctx.directions("model", old.key, new.key)
    sent, read = REQUEST in directions, RESPONSE in directions
    where = f"model {new.key}"
    drafts: list[ChangeDraft] = []
    if old.read_only != new.read_only:
        breaking = new.read_only and sent
        drafts.append(
            ChangeDraft(
                rule=rule("ReadonlyPropertyChanged"),
                kind=Kind.MODEL,
                location=where,
                subject=new.key,
                reason=f"The whole definition {new.key} is now "
                + ("read-only" if new.read_only else "writable")
                + ("; the service ignores or rejects it in requests." if breaking else "."),
                wire_breaking=breaking,
                client_breaking=False,
                review=True,
                reach=reach,
                old="read-only" if old.read_only else "writable",
                new="read-only" if new.read_only else "writable",
            )
        )
    a, b = old.additional_properties, new.additional_properties
    if (a is None) != (b is None):
        if b is None:
            assert a is not None
            drafts.append(
                ChangeDraft(
                    rule=rule("RemovedAdditionalProperties"),
                    kind=Kind.MODEL,
                    location=where,
                    subject=new.key,
                    reason=f"{new.key} no longer accepts extra keys ({describe(a)})"
                    + ("; old clients may still send them." if sent else "."),
                    wire_breaking=sent,
                    client_breaking=True,
                    review=True,
                    migration=f"stop relying on extra keys of `models.{new.class_name}`",
                    reach=reach,
                    old=describe(a),
                )
            )
        else:
            drafts.append(
                ChangeDraft(
                    rule=rule("AddedAdditionalProperties"),
                    kind=Kind.MODEL,
                    location=where,
                    subject=new.key,
                    reason=f"{new.key} now accepts extra keys ({describe(b)}).",
                    wire_breaking=False,
                    client_breaking=False,
                    reach=reach,
                    new=describe(b),
                )
            )
    elif a is not None and b is not None:
        change = ctx.type_change(a, b, sent=sent, read=read)
        if change is not None:
            drafts.append(
                ChangeDraft(
                    rule=rule(RULE_FOR[change.delta.how]),
                    kind=Kind.MODEL,
                    location=f"{where} additional properties",
                    subject=new.key,
                    reason=f"The extra keys of {new.key} change from {change.delta.old} to "
                    f"{change.delta.new}.",
                    wire_breaking=change.wire_breaking,
                    client_breaking=change.client_breaking,
                    review=True,
                    reach=reach,
                    old=change.delta.old,
                    new=change.delta.new,
                )
            )
    return drafts


def _compare_polymorphism(
    old: Model, new: Model, directions: frozenset[str], reach: Reach
) -> list[ChangeDraft]:
    drafts: list[ChangeDraft] = []
    a, b = old.discriminator, new.discriminator
    where = f"model {new.key}"
    if (a is None) != (b is None) or (
        a is not None and b is not None and a.property_wire_name != b.property_wire_name
    ):
        if b is not None and a is None:
            subtypes = ", ".join(f"{v} -> {k}" for v, k in b.subtypes)
            reason = (
                f"{new.key} becomes polymorphic on `{b.property_wire_name}` "
                f"(subtypes: {subtypes or 'none'})."
            )
        elif a is not None and b is None:
            reason = f"{new.key} is no longer polymorphic on `{a.property_wire_name}`."
        else:
            assert a is not None and b is not None
            reason = (
                f"{new.key} is told apart by `{b.property_wire_name}` instead of "
                f"`{a.property_wire_name}`."
            )
        drafts.append(
            ChangeDraft(
                rule=rule("DifferentDiscriminator"),
                kind=Kind.MODEL,
                location=where,
                subject=new.key,
                reason=reason,
                wire_breaking=REQUEST in directions or a is not None,
                client_breaking=a is not None,
                review=True,
                migration=(
                    f"check which subclass of `models.{new.class_name}` you receive and build"
                    if a is not None
                    else ""
                ),
                reach=reach,
                old=a.property_wire_name if a is not None else None,
                new=b.property_wire_name if b is not None else None,
                evidence=tuple(f"subtype {v}: {k}" for v, k in (b.subtypes if b else ())),
            )
        )
    if (
        old.discriminator_value is not None
        and new.discriminator_value is not None
        and old.discriminator_value != new.discriminator_value
    ):
        drafts.append(
            ChangeDraft(
                rule=rule("DiscriminatorValueChanged"),
                kind=Kind.MODEL,
                location=where,
                subject=new.key,
                reason=f"{new.key} is identified by `{new.discriminator_value}` instead of "
                f"`{old.discriminator_value}`.",
                wire_breaking=True,
                client_breaking=False,
                reach=reach,
                old=old.discriminator_value,
                new=new.discriminator_value,
            )
        )
    return drafts
