"""An operation's inputs: added, removed, moved between locations, and changed in place.

Inputs are paired by :func:`~generator.diff.operation_inputs.inputs` keys; a parameter that
changed ``in:`` (query to header, path to query) is paired by wire name instead, and one that
moved between the method and the client (``x-ms-parameter-location``) is reported as that move,
not as a removal and an addition.  Client-level parameters (``api-version``) are the client's
business and are not compared per operation.
"""

from __future__ import annotations

from generator.diff.changes import ChangeDraft, Kind, Reach
from generator.diff.client_surface import call, method_path, operation_label
from generator.diff.compare_values import Place, compare_constraints, compare_default
from generator.diff.context import DiffContext
from generator.diff.index import op_key, operation_name
from generator.diff.match import OperationMatch
from generator.diff.operation_inputs import Input, inputs, positional_names
from generator.diff.rules import rule
from generator.diff.type_compare import RULE_FOR, describe
from generator.ir import Operation, Parameter


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


def compare_inputs(ctx: DiffContext, pair: OperationMatch, reach: Reach) -> list[ChangeDraft]:
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
