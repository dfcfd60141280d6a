"""An operation's media types: what old clients send (``consumes``) and ask for (``produces``).

A request body type the service no longer accepts breaks old clients on the wire; a changed set of
response types is reviewed, and breaks them only when none of the old types is left.
"""

from __future__ import annotations

from generator.diff.changes import ChangeDraft, Kind, Reach
from generator.diff.client_surface import operation_label
from generator.diff.index import op_key, operation_name
from generator.diff.match import OperationMatch
from generator.diff.rules import rule
from generator.ir import BinaryBody, JsonBody, MultipartBody, Operation


def compare_media(pair: OperationMatch, reach: Reach) -> list[ChangeDraft]:
    """``consumes`` (what old clients send) and ``produces`` (what they ask for and parse)."""
    old, new = pair.old, pair.new
    here = operation_label(new)
    drafts: list[ChangeDraft] = []
    sent = _sent_media(old)
    if sent is not None and new.body is not None and new.consumes:
        accepted = {t.lower() for t in new.consumes}
        if sent.lower() not in accepted:
            drafts.append(
                ChangeDraft(
                    rule=rule("RequestBodyFormatNoLongerSupported"),
                    kind=Kind.OPERATION,
                    location=f"{here} consumes",
                    subject=op_key(new),
                    reason=f"{operation_name(new)} no longer accepts {sent} request bodies, "
                    "which old clients send.",
                    wire_breaking=True,
                    client_breaking=False,
                    reach=reach,
                    old=", ".join(old.consumes) or "none",
                    new=", ".join(new.consumes) or "none",
                )
            )
    a = {t.lower() for t in old.produces}
    b = {t.lower() for t in new.produces}
    if a != b and (old.responses and new.responses):
        lost = not (a & b) and bool(a) and bool(b)
        gained = sorted(b - a)
        if lost:
            consequence = "; old clients cannot read what it now sends."
        elif gained:
            consequence = "; old clients still ask for the types they know."
        else:
            consequence = "."
        drafts.append(
            ChangeDraft(
                rule=rule("ResponseBodyFormatNowSupported"),
                kind=Kind.OPERATION,
                location=f"{here} produces",
                subject=op_key(new),
                reason=f"{operation_name(new)} answers {', '.join(sorted(b)) or 'no media type'}"
                f" instead of {', '.join(sorted(a)) or 'no media type'}{consequence}",
                wire_breaking=lost,
                client_breaking=False,
                review=True,
                reach=reach,
                old=", ".join(sorted(a)) or "none",
                new=", ".join(sorted(b)) or "none",
                detail=tuple(sorted(a ^ b)),
            )
        )
    return drafts


def _sent_media(op: Operation) -> str | None:
    """The content type an old client sends with its body (None: no body)."""
    if isinstance(op.body, MultipartBody):
        return op.body.content_type
    if isinstance(op.body, BinaryBody):
        return op.body.content_types[0] if op.body.content_types else None
    if isinstance(op.body, JsonBody):
        return "application/json"
    return None
