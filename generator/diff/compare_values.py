"""Facts about one value, wherever it lives (a parameter, a property, a header): constraints,
default, ``x-nullable``.

A :class:`Place` says where the value is and which way it travels.  Direction decides the wire
verdict: a stricter constraint breaks clients that send the value (the service now rejects what
it accepted) and is merely a stronger promise for values the service sends; a changed default
changes what a request that omits the value means.  The generated client enforces no
constraint and sends no default, so neither changes code using it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from generator.diff.changes import ChangeDraft, Kind, Reach
from generator.diff.rules import rule
from generator.ir import Constraints, Default


@dataclass(frozen=True, slots=True)
class Place:
    """Where a value lives, for messages and verdicts."""

    kind: Kind
    location: str  # "GET /a query parameter q", "model Order.note"
    subject: str  # operationId or model key (timeline)
    label: str  # sentence subject: "The query parameter q of A_Get", "Order.note"
    sent: bool  # clients send it (requests)
    read: bool  # clients read it (responses)
    reach: Reach

    def draft(
        self,
        name: str,
        reason: str,
        *,
        wire: bool,
        client: bool = False,
        review: bool = False,
        migration: str = "",
        old: str | None = None,
        new: str | None = None,
        detail: tuple[str, ...] = (),
    ) -> ChangeDraft:
        """A change at this place."""
        return ChangeDraft(
            rule=rule(name),
            kind=self.kind,
            location=self.location,
            subject=self.subject,
            reason=reason,
            wire_breaking=wire,
            client_breaking=client,
            review=review,
            migration=migration,
            reach=self.reach,
            old=old,
            new=new,
            detail=detail,
        )


# keyword -> (spelling in the spec, +1 when a larger value is stricter, -1 when smaller is)
_BOUNDS = (
    ("minimum", "minimum", 1),
    ("maximum", "maximum", -1),
    ("min_length", "minLength", 1),
    ("max_length", "maxLength", -1),
    ("min_items", "minItems", 1),
    ("max_items", "maxItems", -1),
)
_FLAGS = (
    ("exclusive_minimum", "exclusiveMinimum"),
    ("exclusive_maximum", "exclusiveMaximum"),
    ("unique_items", "uniqueItems"),
)


def _text(value: object) -> str:
    return "none" if value is None else json.dumps(value)


def _strength(old: object, new: object, sign: int) -> int:
    """+1 when ``new`` is stricter, -1 when looser, 0 when equal."""
    if old == new:
        return 0
    if old is None:
        return 1
    if new is None:
        return -1
    assert isinstance(old, int | float) and isinstance(new, int | float)
    return 1 if (new - old) * sign > 0 else -1


def compare_constraints(place: Place, old: Constraints, new: Constraints) -> list[ChangeDraft]:
    """One change per validation keyword that differs."""
    found: list[tuple[str, int, object, object]] = []
    for attr, keyword, sign in _BOUNDS:
        a, b = getattr(old, attr), getattr(new, attr)
        strength = _strength(a, b, sign)
        if strength:
            found.append((keyword, strength, a, b))
    for attr, keyword in _FLAGS:
        a, b = getattr(old, attr), getattr(new, attr)
        if a != b:
            found.append((keyword, 1 if b else -1, a, b))
    if old.pattern != new.pattern:
        strength = 1 if old.pattern is None else -1 if new.pattern is None else 0
        found.append(("pattern", strength, old.pattern, new.pattern))
    drafts: list[ChangeDraft] = []
    for keyword, strength, a, b in found:
        was, now = _text(a), _text(b)
        if strength > 0:
            consequence = (
                "; the service may reject values old clients send."
                if place.sent
                else "; the service promises more."
            )
            name, wire, review = "ConstraintIsStronger", place.sent, place.sent
        elif strength < 0:
            consequence = (
                "; the service may send values outside the old limit."
                if place.read
                else "; the service accepts more."
            )
            name, wire, review = "ConstraintIsWeaker", False, place.read
        else:
            consequence = "; values old clients send may no longer match." if place.sent else "."
            name, wire, review = "ConstraintChanged", place.sent, True
        drafts.append(
            place.draft(
                name,
                f"{place.label} changes {keyword} from {was} to {now}{consequence}".rstrip(".")
                + ".",
                wire=wire,
                review=review,
                old=was,
                new=now,
                detail=(keyword,),
            )
        )
    return drafts


def compare_default(place: Place, old: Default | None, new: Default | None) -> list[ChangeDraft]:
    """A default value added, removed or changed."""
    if old == new:
        return []
    was = _text(old.value) if old is not None else "none"
    now = _text(new.value) if new is not None else "none"
    if old is None:
        reason = f"{place.label} gains the default {now}."
        wire = False
    else:
        if new is None:
            reason = f"{place.label} loses its default {was}"
        else:
            reason = f"{place.label} changes its default from {was} to {now}"
        reason += (
            "; a request that omits it now means something else."
            if place.sent
            else "; readers that relied on it may see a different value."
        )
        wire = place.sent
    return [
        place.draft(
            "DefaultValueChanged", reason, wire=wire, review=old is not None, old=was, new=now
        )
    ]


def compare_nullable(
    place: Place, old: bool, new: bool, *, required: bool, field: str
) -> list[ChangeDraft]:
    """``x-nullable`` turned on or off on a model property (``field``: ``Class.attribute``).

    Model attributes are ``T | None`` whatever the spec says; the constructor's argument for a
    required field changes with it (``T`` when not nullable, ``T | None`` when nullable), so
    code breaks only where a required field the client sends stops accepting None.
    """
    if old == new:
        return []
    if new:
        wire = place.read and required
        consequence = "; old clients may receive null where they expect a value." if wire else "."
        reason = f"{place.label} may now be null{consequence}"
    else:
        wire = place.sent
        consequence = "; old clients may still send null." if wire else "."
        reason = f"{place.label} may no longer be null{consequence}"
    client = required and place.sent and not new
    return [
        place.draft(
            "NullableChanged",
            reason,
            wire=wire,
            client=client,
            review=True,
            migration=(f"`{field}` no longer accepts None" if client else ""),
            old="nullable" if old else "not nullable",
            new="nullable" if new else "not nullable",
        )
    ]
