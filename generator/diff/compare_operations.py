"""Operations: added, removed, moved, renamed; their parameters, bodies and responses.

Parameters are paired by location and wire name, except path parameters, which are paired by
position in the path (``{jobId}`` and ``{job-id}`` in the same place are the same parameter: the
name of a path parameter never travels on the wire).  Client-level parameters (``api-version``)
are the client's business and are not compared per operation.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.diff.changes import ChangeDraft, Kind, Reach
from generator.diff.client_surface import call, method_path, operation_label, removal_note
from generator.diff.compare_responses import compare_responses
from generator.diff.compare_values import Place, compare_constraints, compare_default
from generator.diff.context import DiffContext
from generator.diff.index import (
    normalize_path,
    op_key,
    operation_name,
    path_parameter_names,
)
from generator.diff.match import OperationMatch
from generator.diff.rules import rule
from generator.diff.type_compare import RULE_FOR, describe
from generator.ir import (
    BinaryBody,
    FormField,
    JsonBody,
    MultipartBody,
    Operation,
    Parameter,
    ParameterLocation,
    TypeRef,
)


def modified_id_reason(old: Operation, new: Operation) -> str:
    """The sentence for a changed operationId, also when one side has none."""
    where = operation_label(new)
    if not old.operation_id:
        return f"The operation {where} gains the operationId {new.operation_id}."
    if not new.operation_id:
        return f"The operation {where} loses its operationId {old.operation_id}."
    return f"The operationId of {where} changes from {old.operation_id} to {new.operation_id}."


@dataclass(frozen=True, slots=True)
class Input:
    """Anything a caller passes: a path/query/header parameter, a body, or a form field."""

    key: tuple[str, str]  # ("path", "0"), ("query", "purpose"), ("body", ""), ("form", "file")
    label: str  # "query parameter purpose"
    py_name: str
    type: TypeRef | None  # None for binary bodies
    required: bool
    positional: bool  # a positional argument of the generated method (path, required body)
    parameter: Parameter | None = None  # the path/query/header parameter, if it is one
    form_field: FormField | None = None  # the multipart/form part, if it is one

    @property
    def wire_name(self) -> str:
        """The name the value travels under (path parameters: their name in the path)."""
        return self.parameter.wire_name if self.parameter is not None else self.key[1]


def inputs(op: Operation) -> dict[tuple[str, str], Input]:
    """Everything ``op`` takes from its caller, keyed so that two versions can be paired."""
    found: dict[tuple[str, str], Input] = {}
    positions = {name: str(i) for i, name in enumerate(path_parameter_names(op.path))}
    for p in op.parameters:
        if p.client_level:
            continue
        if p.location is ParameterLocation.PATH:
            key = ("path", positions.get(p.wire_name, p.wire_name))
        elif p.location is ParameterLocation.HEADER:
            key = ("header", p.wire_name.lower())
        else:
            key = ("query", p.wire_name)
        label = f"{p.location.value} parameter {p.wire_name}"
        positional = p.location is ParameterLocation.PATH
        found[key] = Input(key, label, p.py_name, p.type, p.required, positional, p)
    if isinstance(op.body, JsonBody | BinaryBody):
        body_type = op.body.type if isinstance(op.body, JsonBody) else None
        found[("body", "")] = Input(
            ("body", ""),
            "request body",
            op.body.py_name,
            body_type,
            op.body.required,
            op.body.required,
        )
    elif isinstance(op.body, MultipartBody):
        for f in op.body.fields:
            key = ("form", f.wire_name)
            found[key] = Input(
                key, f"form field {f.wire_name}", f.py_name, f.type, f.required, False, None, f
            )
    return found


def positional_names(op: Operation) -> tuple[str, ...]:
    """The generated method's positional arguments, in order."""
    return tuple(i.py_name for i in inputs(op).values() if i.positional)


def compare_operations(ctx: DiffContext) -> list[ChangeDraft]:
    """Every operation-level change between the two versions."""
    drafts: list[ChangeDraft] = []
    old_paths, new_paths = ctx.old.paths, ctx.new.paths
    for op in ctx.matches.removed_operations:
        gone = normalize_path(op.path) not in new_paths
        drafts.append(
            ChangeDraft(
                rule=rule("RemovedPath" if gone else "RemovedOperation"),
                kind=Kind.OPERATION,
                location=operation_label(op),
                subject=op_key(op),
                reason=(
                    f"{operation_name(op)} is removed"
                    + (" and nothing else is served at its path." if gone else ".")
                ),
                wire_breaking=True,
                client_breaking=True,
                migration=removal_note(ctx, op),
                reach=ctx.op_reach(op, None),
                old=operation_label(op),
            )
        )
    for op in ctx.matches.added_operations:
        new_path = normalize_path(op.path) not in old_paths
        drafts.append(
            ChangeDraft(
                rule=rule("AddedPath" if new_path else "AddedOperation"),
                kind=Kind.OPERATION,
                location=operation_label(op),
                subject=op_key(op),
                reason=f"New operation {operation_name(op)}, called as `{call(ctx.new, op)}`.",
                wire_breaking=False,
                client_breaking=False,
                reach=ctx.op_reach(None, op),
                new=operation_label(op),
            )
        )
    for pair in ctx.matches.operations:
        drafts.extend(_compare_pair(ctx, pair))
    return drafts


def _compare_pair(ctx: DiffContext, pair: OperationMatch) -> list[ChangeDraft]:
    old, new = pair.old, pair.new
    reach = ctx.op_reach(old, new)
    drafts: list[ChangeDraft] = []
    before, after = call(ctx.old, old), call(ctx.new, new)
    if pair.by == "path":
        drafts.append(
            ChangeDraft(
                rule=rule("ModifiedOperationId"),
                kind=Kind.OPERATION,
                location=operation_label(new),
                subject=op_key(new),
                reason=modified_id_reason(old, new),
                wire_breaking=False,
                client_breaking=before != after,
                review=True,
                migration=f"`{before}` → `{after}`" if before != after else "",
                reach=reach,
                old=old.operation_id or None,
                new=new.operation_id or None,
            )
        )
    if pair.moved:
        drafts.append(
            ChangeDraft(
                rule=rule("MovedOperation"),
                kind=Kind.OPERATION,
                location=operation_label(new),
                subject=op_key(new),
                reason=(
                    f"{operation_name(new)} moved from {operation_label(old)} to "
                    f"{operation_label(new)}; the old URL is no longer served."
                ),
                wire_breaking=True,
                client_breaking=before != after,
                migration=f"`{before}` → `{after}`" if before != after else "",
                reach=reach,
                old=operation_label(old),
                new=operation_label(new),
                evidence=(f"same operationId {operation_name(new)}",),
            )
        )
    drafts.extend(_compare_inputs(ctx, pair, reach))
    drafts.extend(compare_responses(ctx, pair, reach))
    drafts.extend(_compare_media(pair, reach))
    drafts.extend(_compare_behaviour(ctx, pair, reach))
    return drafts


def _moved_inputs(
    old_inputs: dict[tuple[str, str], Input], new_inputs: dict[tuple[str, str], Input]
) -> list[tuple[Input, Input]]:
    """Parameters that changed ``in:`` (query -> header, path -> query): paired by wire name."""
    gone = {
        i.wire_name.lower(): i
        for k, i in old_inputs.items()
        if k not in new_inputs and i.parameter is not None
    }
    moved: list[tuple[Input, Input]] = []
    for key in sorted(new_inputs.keys() - old_inputs.keys()):
        b = new_inputs[key]
        a = gone.pop(b.wire_name.lower(), None) if b.parameter is not None else None
        if a is not None:
            moved.append((a, b))
    return moved


def _client_level(op: Operation, wire_name: str) -> bool:
    return any(p.client_level and p.wire_name == wire_name for p in op.parameters)


def _compare_inputs(ctx: DiffContext, pair: OperationMatch, reach: Reach) -> list[ChangeDraft]:
    old, new = pair.old, pair.new
    old_inputs, new_inputs = inputs(old), inputs(new)
    here = operation_label(new)
    name_of = operation_name(new)
    method = call(ctx.new, new)
    target = method_path(ctx.new, new)
    drafts: list[ChangeDraft] = []

    def place(item: Input) -> Place:
        return Place(
            Kind.PARAMETER,
            f"{here} {item.label}",
            op_key(new),
            f"The {item.label} of {name_of}",
            sent=True,
            read=False,
            reach=reach,
        )

    moved = _moved_inputs(old_inputs, new_inputs)
    for a, b in moved:
        del old_inputs[a.key]
        del new_inputs[b.key]
        client = a.positional != b.positional
        drafts.append(
            place(b).draft(
                "ParameterInHasChanged",
                f"{name_of} now takes {b.wire_name} as a {b.label} instead of a {a.label}; old "
                "clients send it where the service no longer reads it.",
                wire=True,
                client=client,
                migration=(
                    f"pass `{b.py_name}` to `{target}` "
                    + ("positionally" if b.positional else f"as `{b.py_name}=...`")
                    if client
                    else ""
                ),
                old=a.label,
                new=b.label,
            )
        )
        drafts.extend(_compare_input_pair(ctx, place(b), a, b, new, target))
    for key in sorted(new_inputs.keys() - old_inputs.keys()):
        item = new_inputs[key]
        if item.parameter is not None and _client_level(old, item.parameter.wire_name):
            drafts.append(
                place(item).draft(
                    "ParameterLocationHasChanged",
                    f"{name_of} now takes the {item.label} per call instead of from the client.",
                    wire=False,
                    client=True,
                    migration=f"pass `{item.py_name}=...` to `{method}` instead of the client",
                    old="client",
                    new="method",
                )
            )
        elif item.required:
            drafts.append(
                place(item).draft(
                    "AddingRequiredParameter",
                    f"{name_of} now requires the {item.label}.",
                    wire=True,
                    client=True,
                    migration=f"pass `{item.py_name}=...` to `{method}`",
                    new=describe(item.type),
                )
            )
        else:
            drafts.append(
                place(item).draft(
                    "AddingOptionalParameter",
                    f"{name_of} accepts a new optional {item.label}.",
                    wire=False,
                    new=describe(item.type),
                )
            )
    for key in sorted(old_inputs.keys() - new_inputs.keys()):
        item = old_inputs[key]
        if item.parameter is not None and _client_level(new, item.parameter.wire_name):
            drafts.append(
                place(item).draft(
                    "ParameterLocationHasChanged",
                    f"{name_of} now takes the {item.label} from the client instead of per call.",
                    wire=False,
                    client=True,
                    migration=f"stop passing `{item.py_name}=` to `{method}`; give it to the "
                    "client",
                    old="method",
                    new="client",
                )
            )
            continue
        drafts.append(
            place(item).draft(
                "RemovedRequiredParameter" if item.required else "RemovedOptionalParameter",
                f"{name_of} no longer takes the {item.label}; the service ignores or rejects it.",
                wire=False,
                client=True,
                review=True,
                migration=f"stop passing `{item.py_name}` to `{method}`",
                old=describe(item.type),
            )
        )
    for key in sorted(old_inputs.keys() & new_inputs.keys()):
        a, b = old_inputs[key], new_inputs[key]
        drafts.extend(_compare_input_pair(ctx, place(b), a, b, new, target))
    before, after = positional_names(old), positional_names(new)
    if before != after and sorted(before) == sorted(after):
        drafts.append(
            ChangeDraft(
                rule=rule("ChangedParameterOrder"),
                kind=Kind.OPERATION,
                location=f"{here} positional arguments",
                subject=op_key(new),
                reason=f"The positional arguments of `{target}` are reordered.",
                wire_breaking=False,
                client_breaking=True,
                migration=f"`{target}({', '.join(before)})` → `{target}({', '.join(after)})`",
                reach=reach,
                old=", ".join(before),
                new=", ".join(after),
            )
        )
    return drafts


def _compare_input_pair(
    ctx: DiffContext, where: Place, a: Input, b: Input, new: Operation, target: str
) -> list[ChangeDraft]:
    """Changes of one input present in both versions."""
    drafts: list[ChangeDraft] = []
    method = f"{target}(...)"
    if a.required != b.required or a.positional != b.positional:
        tightened = b.required and not a.required
        moved_arg = a.positional != b.positional
        if moved_arg:
            note = (
                f"pass `{b.py_name}` to `{target}` positionally"
                if b.positional
                else f"pass `{b.py_name}=...` to `{target}` by keyword"
            )
        else:
            note = f"always pass `{b.py_name}=...` to `{method}`" if tightened else ""
        drafts.append(
            where.draft(
                "RequiredStatusChange",
                f"{where.label} is now " + ("required." if b.required else "optional."),
                wire=tightened,
                client=tightened or moved_arg,
                review=True,
                migration=note,
                old="required" if a.required else "optional",
                new="required" if b.required else "optional",
            )
        )
    if a.type is not None and b.type is not None:
        change = ctx.type_change(a.type, b.type, sent=True, read=False)
        if change is not None:
            delta = change.delta
            drafts.append(
                where.draft(
                    RULE_FOR[delta.how],
                    f"{where.label} changes from {delta.old} to {delta.new}.",
                    wire=change.wire_breaking,
                    client=change.client_breaking,
                    review=True,
                    migration=(
                        f"pass a {delta.new} as `{b.py_name}`" if change.client_breaking else ""
                    ),
                    old=delta.old,
                    new=delta.new,
                )
            )
    if a.py_name != b.py_name and a.py_name and b.py_name:
        drafts.append(
            where.draft(
                "RenamedClientName",
                f"The keyword argument for the {b.label} of {operation_name(new)} is renamed.",
                wire=False,
                client=True,
                migration=f"`{target}({a.py_name}=...)` → `{target}({b.py_name}=...)`",
                old=a.py_name,
                new=b.py_name,
            )
        )
    if a.parameter is not None and b.parameter is not None:
        drafts.extend(_compare_parameter_facts(where, a.parameter, b.parameter))
    if a.form_field is not None and b.form_field is not None:
        drafts.extend(
            compare_constraints(where, a.form_field.constraints, b.form_field.constraints)
        )
        drafts.extend(compare_default(where, a.form_field.default, b.form_field.default))
    return drafts


def _compare_parameter_facts(where: Place, a: Parameter, b: Parameter) -> list[ChangeDraft]:
    """Constraints, default, serialization and grouping of a path/query/header parameter."""
    drafts = compare_constraints(where, a.constraints, b.constraints)
    drafts += compare_default(where, a.default, b.default)
    if a.collection_format != b.collection_format:
        was, now = a.collection_format or "csv", b.collection_format or "csv"
        if was != now:
            drafts.append(
                where.draft(
                    "ArrayCollectionFormatChanged",
                    f"{where.label} is serialized as {now} instead of {was}; the service reads "
                    "the values old clients send differently.",
                    wire=True,
                    old=was,
                    new=now,
                )
            )
    if a.skip_url_encoding != b.skip_url_encoding:
        drafts.append(
            where.draft(
                "SkipUrlEncodingChanged",
                f"{where.label} is "
                + ("no longer" if a.skip_url_encoding else "now")
                + " sent without URL encoding; the service receives the same value differently.",
                wire=True,
                old="raw" if a.skip_url_encoding else "encoded",
                new="raw" if b.skip_url_encoding else "encoded",
            )
        )
    if a.grouping != b.grouping:
        was = "none" if a.grouping is None else a.grouping or "default group"
        now = "none" if b.grouping is None else b.grouping or "default group"
        drafts.append(
            where.draft(
                "ParameterGroupingChanged",
                f"{where.label} changes its x-ms-parameter-grouping from {was} to {now}; this "
                "generator passes each parameter on its own, so nothing changes for callers.",
                wire=False,
                old=was,
                new=now,
            )
        )
    return drafts


def _compare_media(pair: OperationMatch, reach: Reach) -> list[ChangeDraft]:
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


def _sent_media(op: Operation) -> str | None:
    """The content type an old client sends with its body (None: no body)."""
    if isinstance(op.body, MultipartBody):
        return op.body.content_type
    if isinstance(op.body, BinaryBody):
        return op.body.content_types[0] if op.body.content_types else None
    if isinstance(op.body, JsonBody):
        return "application/json"
    return None


def _compare_behaviour(ctx: DiffContext, pair: OperationMatch, reach: Reach) -> list[ChangeDraft]:
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
