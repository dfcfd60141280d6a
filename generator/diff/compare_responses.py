"""Responses of a matched operation: status codes added, removed or replaced; body types.

A new success status breaks old clients (they raise on a status they do not expect); a success
status replaced by another (``DELETE /files/{file-id}`` answering 200 with a body instead of 204)
is one root cause, reported once.  Error statuses come and go as information.
"""

from __future__ import annotations

from generator.diff.changes import ChangeDraft, Kind, Reach
from generator.diff.client_surface import call, operation_label
from generator.diff.context import DiffContext
from generator.diff.match import OperationMatch
from generator.diff.rules import rule
from generator.diff.type_compare import FORMAT, RULE_FOR, TYPE, describe


def compare_responses(ctx: DiffContext, pair: OperationMatch, reach: Reach) -> list[ChangeDraft]:
    old, new = pair.old, pair.new
    here = operation_label(new)
    old_by_status = {r.status: r for r in old.responses}
    new_by_status = {r.status: r for r in new.responses}
    drafts: list[ChangeDraft] = []
    removed = sorted(old_by_status.keys() - new_by_status.keys())
    added = sorted(new_by_status.keys() - old_by_status.keys())
    removed_ok = [s for s in removed if not old_by_status[s].is_error]
    added_ok = [s for s in added if not new_by_status[s].is_error]
    if removed_ok and added_ok:
        # One root cause: the operation now answers with a different success status.
        old_bodies = ", ".join(f"{s} ({describe(old_by_status[s].body)})" for s in removed_ok)
        new_bodies = ", ".join(f"{s} ({describe(new_by_status[s].body)})" for s in added_ok)
        old_types = [b for b in (old_by_status[s].body for s in removed_ok) if b is not None]
        new_types = [new_by_status[s].body for s in added_ok]
        result_changed = bool(old_types) and any(
            t is None or ctx.compare(old_types[0], t) is not None for t in new_types
        )
        drafts.append(
            ChangeDraft(
                rule=rule("RemovedResponseCode"),
                kind=Kind.RESPONSE,
                location=f"{here} response {'/'.join(removed_ok)}",
                subject=new.operation_id,
                reason=(
                    f"{new.operation_id} answers {new_bodies} instead of {old_bodies}; a client "
                    "expecting the old status fails."
                ),
                wire_breaking=True,
                client_breaking=result_changed,
                migration=(
                    f"`{call(ctx.new, new)}` now returns {describe(new_types[0])}"
                    if result_changed and new_types
                    else ""
                ),
                reach=reach,
                old=old_bodies,
                new=new_bodies,
                detail=tuple(removed_ok + added_ok),
            )
        )
        removed = [s for s in removed if s not in removed_ok]
        added = [s for s in added if s not in added_ok]
    for status in removed:
        error = old_by_status[status].is_error
        drafts.append(
            ChangeDraft(
                rule=rule("RemovedResponseCode"),
                kind=Kind.RESPONSE,
                location=f"{here} response {status}",
                subject=new.operation_id,
                reason=f"{new.operation_id} no longer declares response {status}.",
                wire_breaking=False,
                client_breaking=False,
                review=not error,
                reach=reach,
                old=f"{status} ({describe(old_by_status[status].body)})",
            )
        )
    for status in added:
        error = new_by_status[status].is_error
        drafts.append(
            ChangeDraft(
                rule=rule("AddingResponseCode"),
                kind=Kind.RESPONSE,
                location=f"{here} response {status}",
                subject=new.operation_id,
                reason=(
                    f"{new.operation_id} may now answer {status}"
                    + ("." if error else ", which a client built for the old version rejects.")
                ),
                wire_breaking=not error,
                client_breaking=False,
                reach=reach,
                new=f"{status} ({describe(new_by_status[status].body)})",
            )
        )
    for status in sorted(old_by_status.keys() & new_by_status.keys()):
        a, b = old_by_status[status].body, new_by_status[status].body
        if a is None and b is None:
            continue
        if a is None or b is None:
            how, python_changed = TYPE, True
            old_text, new_text = describe(a), describe(b)
        else:
            delta = ctx.compare(a, b)
            if delta is None:
                continue
            how, python_changed, old_text, new_text = (
                delta.how,
                delta.python_changed,
                delta.old,
                delta.new,
            )
        name = RULE_FOR
        drafts.append(
            ChangeDraft(
                rule=rule(name[how]),
                kind=Kind.RESPONSE,
                location=f"{here} response {status}",
                subject=new.operation_id,
                reason=f"The {status} response body of {new.operation_id} changes from "
                f"{old_text} to {new_text}.",
                wire_breaking=how != FORMAT and a is not None,
                client_breaking=python_changed and a is not None,
                review=True,
                migration=(
                    f"`{call(ctx.new, new)}` now returns {new_text}"
                    if python_changed and a is not None
                    else ""
                ),
                reach=reach,
                old=old_text,
                new=new_text,
            )
        )
    return drafts
