"""Responses of a matched operation: status codes added, removed or replaced; body types.

A new success status breaks old clients (they raise on a status they do not expect); a success
status replaced by another (``DELETE /files/{file-id}`` answering 200 with a body instead of 204)
is one root cause, reported once.  Error statuses come and go as information.
"""

from __future__ import annotations

from generator.diff.changes import ChangeDraft, Kind, Reach
from generator.diff.client_surface import call, operation_label
from generator.diff.context import DiffContext
from generator.diff.index import op_key, operation_name
from generator.diff.match import OperationMatch
from generator.diff.rules import rule
from generator.diff.type_compare import RULE_FOR, TYPE, describe
from generator.ir import Response


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
                subject=op_key(new),
                reason=(
                    f"{operation_name(new)} answers {new_bodies} instead of {old_bodies}; a client "
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
                subject=op_key(new),
                reason=f"{operation_name(new)} no longer declares response {status}.",
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
                subject=op_key(new),
                reason=(
                    f"{operation_name(new)} may now answer {status}"
                    + ("." if error else ", which a client built for the old version rejects.")
                ),
                wire_breaking=not error,
                client_breaking=False,
                reach=reach,
                new=f"{status} ({describe(new_by_status[status].body)})",
            )
        )
    for status in sorted(old_by_status.keys() & new_by_status.keys()):
        drafts.extend(
            _compare_headers(ctx, pair, reach, old_by_status[status], new_by_status[status])
        )
        a, b = old_by_status[status].body, new_by_status[status].body
        if a is None and b is None:
            continue
        if a is None or b is None:
            how, old_text, new_text = TYPE, describe(a), describe(b)
            wire = client = a is not None
        else:
            change = ctx.type_change(a, b, sent=False, read=True)
            if change is None:
                continue
            how, old_text, new_text = change.delta.how, change.delta.old, change.delta.new
            wire, client = change.wire_breaking, change.client_breaking
        drafts.append(
            ChangeDraft(
                rule=rule(RULE_FOR[how]),
                kind=Kind.RESPONSE,
                location=f"{here} response {status}",
                subject=op_key(new),
                reason=f"The {status} response body of {operation_name(new)} changes from "
                f"{old_text} to {new_text}.",
                wire_breaking=wire,
                client_breaking=client,
                review=True,
                migration=f"`{call(ctx.new, new)}` now returns {new_text}" if client else "",
                reach=reach,
                old=old_text,
                new=new_text,
            )
        )
    return drafts


def _compare_headers(
    ctx: DiffContext, pair: OperationMatch, reach: Reach, old: Response, new: Response
) -> list[ChangeDraft]:
    """Headers of one status declared in both versions (names compared case-insensitively)."""
    op = pair.new
    here = f"{operation_label(op)} response {new.status}"
    a = {h.wire_name.lower(): h for h in old.headers}
    b = {h.wire_name.lower(): h for h in new.headers}
    polling = (pair.old.long_running.polling_header or "").lower() if pair.old.long_running else ""
    drafts: list[ChangeDraft] = []
    for name in sorted(a.keys() - b.keys()):
        header = a[name]
        needed = name == polling
        drafts.append(
            ChangeDraft(
                rule=rule("RemovingHeader"),
                kind=Kind.RESPONSE,
                location=f"{here} header {header.wire_name}",
                subject=op_key(op),
                reason=f"The {new.status} response of {operation_name(op)} no longer declares "
                f"the header {header.wire_name}"
                + (
                    "; old clients poll the operation through it."
                    if needed
                    else "; code reading it gets nothing."
                ),
                wire_breaking=needed,
                client_breaking=False,
                review=True,
                reach=reach,
                old=describe(header.type),
            )
        )
    for name in sorted(b.keys() - a.keys()):
        header = b[name]
        drafts.append(
            ChangeDraft(
                rule=rule("AddingHeader"),
                kind=Kind.RESPONSE,
                location=f"{here} header {header.wire_name}",
                subject=op_key(op),
                reason=f"The {new.status} response of {operation_name(op)} declares the new "
                f"header {header.wire_name}.",
                wire_breaking=False,
                client_breaking=False,
                reach=reach,
                new=describe(header.type),
            )
        )
    for name in sorted(a.keys() & b.keys()):
        change = ctx.type_change(a[name].type, b[name].type, sent=False, read=True)
        if change is None:
            continue
        delta = change.delta
        drafts.append(
            ChangeDraft(
                rule=rule(RULE_FOR[delta.how]),
                kind=Kind.RESPONSE,
                location=f"{here} header {b[name].wire_name}",
                subject=op_key(op),
                reason=f"The header {b[name].wire_name} of the {new.status} response of "
                f"{operation_name(op)} changes from {delta.old} to {delta.new}.",
                wire_breaking=change.wire_breaking,
                client_breaking=False,
                review=True,
                reach=reach,
                old=delta.old,
                new=delta.new,
            )
        )
    return drafts
