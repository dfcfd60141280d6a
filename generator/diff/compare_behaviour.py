"""An operation's kind of result: long-running, paged or streaming, and how it polls or pages.

Becoming (or ceasing to be) long-running, paged or streaming changes what the generated method
returns, so callers must adapt; a changed ``final-state-via`` or paging property changes where a
poller or pager of an old client looks for what it needs.
"""

from __future__ import annotations

from generator.diff.changes import ChangeDraft, Kind, Reach
from generator.diff.client_surface import call, operation_label
from generator.diff.context import DiffContext
from generator.diff.index import op_key, operation_name
from generator.diff.match import OperationMatch
from generator.diff.rules import rule


def compare_behaviour(ctx: DiffContext, pair: OperationMatch, reach: Reach) -> list[ChangeDraft]:
    old, new = pair.old, pair.new
    drafts: list[ChangeDraft] = []
    before, after = call(ctx.old, old), call(ctx.new, new)
    for what, a, b in (
        ("long-running", old.long_running is not None, new.long_running is not None),
        ("paged", old.paging is not None, new.paging is not None),
        ("streaming", old.event_stream is not None, new.event_stream is not None),
    ):
        if a == b:
            continue
        drafts.append(
            ChangeDraft(
                rule=rule(
                    "XmsLongRunningOperationChanged"
                    if what == "long-running"
                    else "OperationKindChanged"
                ),
                kind=Kind.OPERATION,
                location=f"{operation_label(new)} {what}",
                subject=op_key(new),
                reason=f"{operation_name(new)} is "
                + ("now" if b else "no longer")
                + f" {what}; its generated method returns a different kind of result.",
                wire_breaking=False,
                client_breaking=True,
                migration=(
                    f"`{before}` → `{after}`; adapt to its new result"
                    if before != after
                    else f"adapt code calling `{after}` to its new kind of result"
                ),
                reach=reach,
                old="yes" if a else "no",
                new="yes" if b else "no",
            )
        )
    if old.long_running is not None and new.long_running is not None:
        via_a = old.long_running.final_state_via or "default"
        via_b = new.long_running.final_state_via or "default"
        if via_a != via_b:
            drafts.append(
                ChangeDraft(
                    rule=rule("XmsLongRunningOperationChanged"),
                    kind=Kind.OPERATION,
                    location=f"{operation_label(new)} final-state-via",
                    subject=op_key(new),
                    reason=f"{operation_name(new)} reads its final result via {via_b} instead "
                    f"of {via_a}; old pollers look for it in the old place.",
                    wire_breaking=True,
                    client_breaking=False,
                    reach=reach,
                    old=via_a,
                    new=via_b,
                )
            )
    if old.paging is not None and new.paging is not None:
        for what, a_value, b_value in (
            ("item property", old.paging.items_property, new.paging.items_property),
            ("next-link property", old.paging.next_link_property, new.paging.next_link_property),
        ):
            if a_value != b_value:
                drafts.append(
                    ChangeDraft(
                        rule=rule("PagingChanged"),
                        kind=Kind.OPERATION,
                        location=f"{operation_label(new)} paging {what}",
                        subject=op_key(new),
                        reason=_paging_reason(operation_name(new), what, a_value, b_value),
                        wire_breaking=True,
                        client_breaking=False,
                        reach=reach,
                        old=a_value,
                        new=b_value,
                    )
                )
    return drafts


def _paging_reason(name: str, what: str, old: str | None, new: str | None) -> str:
    if old is None:
        return (
            f"The pages of {name} now carry a {what} ({new}); old clients read only the first page."
        )
    if new is None:
        return f"The pages of {name} no longer carry a {what} ({old}); old clients look for it."
    return (
        f"The pages of {name} carry their {what} in {new} instead of {old}; old clients look in "
        "the old place."
    )
