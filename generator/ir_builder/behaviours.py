"""Operation behaviours the renderer needs beyond request/response: paging, LRO, event streams.

Paging: ``x-ms-pageable`` when declared.  Otherwise a GET is cursor-paged when it takes an
``after`` query parameter and answers an object with a boolean ``has_more`` and an array ``data``
(the next cursor is the ``id`` of the last item), and next-link-paged when it answers an object
with a string ``nextLink``, an array ``value`` and nothing else (a pager over a response with
other fields would hide them).  A GET answering a list envelope -- an object
whose only properties are one array (``data`` or ``value``) and at most an ``object`` tag -- is a
single page: the Azure SDK guidelines return ``ItemPaged`` from every list method, even when the
service sends one page today, so that adding paging later is not a breaking change.  An
operation that can answer with an event stream keeps its list form.

Long-running: ``x-ms-long-running-operation``; the polling header is the one a success response
declares (``operation-location``, ``azure-asyncoperation``, ``location``).  The final type is the
body of the status monitor -- a GET under ``/operations/`` sharing a path word with the operation
(``/images/generations:submit`` -> ``/operations/images/{operation-id}``) -- because the initial
202 body usually carries only ``{id, status}``; without a monitor it is the operation's own body.

Event streams: an operation producing ``text/event-stream``; each event's ``data`` is the item
type of the JSON answer's ``data`` array (the JSON form returns the events as a list), and a
boolean query parameter named ``stream`` is what asks for the stream.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from generator.ir import (
    AnyType,
    ArrayType,
    EventStream,
    LongRunning,
    ModelRef,
    Operation,
    Paging,
    ParameterLocation,
    Primitive,
    PrimitiveType,
    Property,
    TypeRef,
)
from generator.ir_builder.context import BuildContext, as_mapping, child

_POLLING_HEADERS = ("operation-location", "azure-asyncoperation", "location")
_NEXT_LINKS = ("nextLink", "@odata.nextLink", "next_link")
_ENVELOPE_ITEMS = ("data", "value")
_ENVELOPE_TAGS = frozenset({"object"})


def all_properties(ctx: BuildContext, key: str) -> list[Property]:
    """Properties of model ``key`` including inherited ones (own properties win).

    Each ancestor is merged once (memoized), so a lattice of ``allOf`` parents costs time in
    proportion to its size, not to the number of paths through it.  Inheritance cycles were
    dropped by ``link_hierarchy``; the ``active`` guard only keeps a stray one finite.
    """
    merged: dict[str, list[Property]] = {}
    active: set[str] = set()

    def of(current: str) -> list[Property]:
        model = ctx.models.get(current)
        if model is None or current in active:
            return []
        known = merged.get(current)
        if known is not None:
            return known
        active.add(current)
        found = {p.wire_name: p for p in model.properties}
        for parent in model.parents:
            for prop in of(parent):
                found.setdefault(prop.wire_name, prop)
        active.discard(current)
        merged[current] = result = list(found.values())
        return result

    return of(key)


def _property(ctx: BuildContext, body: TypeRef | None, name: str) -> Property | None:
    if not isinstance(body, ModelRef):
        return None
    for prop in all_properties(ctx, body.key):
        if prop.wire_name == name:
            return prop
    return None


def _success_body(operation: Operation) -> TypeRef | None:
    for response in operation.success_responses:
        if response.status.startswith("2") and response.body is not None:
            return response.body
    return None


def add_behaviours(ctx: BuildContext, operations: list[Operation]) -> list[Operation]:
    """Return ``operations`` with paging, long-running and event-stream facts filled in."""
    done: list[Operation] = []
    for operation in operations:
        try:
            raw = as_mapping(ctx.lookup("#" + operation.source_pointer)) or {}
        except KeyError:
            raw = {}
        done.append(
            replace(
                operation,
                paging=_paging(ctx, operation, raw),
                long_running=_long_running(ctx, operation, raw, operations),
                event_stream=_event_stream(ctx, operation),
            )
        )
    return done


def _paging(ctx: BuildContext, operation: Operation, raw: Mapping[str, Any]) -> Paging | None:
    body = _success_body(operation)
    if "x-ms-pageable" in raw:
        return _declared_paging(ctx, operation, raw["x-ms-pageable"], body)
    if operation.method != "get":
        return None
    query = {p.wire_name for p in operation.parameters if p.location is ParameterLocation.QUERY}
    has_more = _property(ctx, body, "has_more")
    data = _property(ctx, body, "data")
    if (
        "after" in query
        and has_more is not None
        and has_more.type == PrimitiveType(Primitive.BOOLEAN)
        and data is not None
        and isinstance(data.type, ArrayType)
    ):
        item = data.type.items
        cursor = "id" if _property(ctx, item, "id") is not None else None
        if cursor is None:
            ctx.sink.warning(
                operation.source_pointer,
                "cursor-paged list items have no 'id' to continue from",
                "paged without a cursor property",
            )
        return Paging(
            items_property="data",
            item_type=item,
            cursor_parameter="after",
            limit_parameter="limit" if "limit" in query else None,
            has_more_property="has_more",
            cursor_item_property=cursor,
            detected_by="cursor: query 'after', response 'has_more' (boolean) and 'data' (array)",
        )
    value = _property(ctx, body, "value")
    for name in _NEXT_LINKS:
        link = _property(ctx, body, name)
        if (
            _only(ctx, body, {"value", name})
            and link is not None
            and link.type in (PrimitiveType(Primitive.STRING), PrimitiveType(Primitive.URL))
            and value is not None
            and isinstance(value.type, ArrayType)
        ):
            return Paging(
                items_property="value",
                item_type=value.type.items,
                next_link_property=name,
                detected_by=f"next link: response '{name}' (string) and 'value' (array)",
            )
    return _single_page(ctx, operation, body)


def _only(ctx: BuildContext, body: TypeRef | None, wanted: set[str]) -> bool:
    """Whether the body has no properties beyond ``wanted`` and the envelope tags, so that
    returning a pager over its items hides nothing."""
    if not isinstance(body, ModelRef):
        return False
    names = {p.wire_name for p in all_properties(ctx, body.key)}
    return names <= wanted | _ENVELOPE_TAGS


def _single_page(ctx: BuildContext, operation: Operation, body: TypeRef | None) -> Paging | None:
    """Paging for a list envelope that has no paging markers: one page, no continuation."""
    if not isinstance(body, ModelRef) or "text/event-stream" in operation.produces:
        return None
    properties = all_properties(ctx, body.key)
    arrays = [p for p in properties if isinstance(p.type, ArrayType)]
    others = {p.wire_name for p in properties} - {p.wire_name for p in arrays}
    if len(arrays) != 1 or arrays[0].wire_name not in _ENVELOPE_ITEMS:
        return None
    if not others <= _ENVELOPE_TAGS:
        return None
    items = arrays[0]
    assert isinstance(items.type, ArrayType)
    return Paging(
        items_property=items.wire_name,
        item_type=items.type.items,
        detected_by=f"single page: response is a list envelope ('{items.wire_name}' array only)",
    )


def _declared_paging(
    ctx: BuildContext, operation: Operation, declared: object, body: TypeRef | None
) -> Paging | None:
    at = child(operation.source_pointer, "x-ms-pageable")
    options = as_mapping(declared)
    if options is None:
        ctx.sink.error(at, "x-ms-pageable is not an object", "not paged")
        return None
    next_link = options.get("nextLinkName", "nextLink")
    if next_link is not None and not isinstance(next_link, str):
        ctx.sink.error(child(at, "nextLinkName"), "nextLinkName is not a string", "not paged")
        return None
    item_name = options.get("itemName", "value")
    if not isinstance(item_name, str):
        ctx.sink.error(child(at, "itemName"), "itemName is not a string", "'value' used")
        item_name = "value"
    items = _property(ctx, body, item_name)
    item_type: TypeRef = AnyType()
    if items is not None and isinstance(items.type, ArrayType):
        item_type = items.type.items
    else:
        ctx.sink.warning(at, f"response has no array property {item_name!r}", "items typed as any")
    return Paging(
        items_property=item_name,
        item_type=item_type,
        next_link_property=next_link,
        from_extension=True,
        detected_by="x-ms-pageable",
    )


def _long_running(
    ctx: BuildContext,
    operation: Operation,
    raw: Mapping[str, Any],
    operations: list[Operation],
) -> LongRunning | None:
    flag = raw.get("x-ms-long-running-operation")
    if flag is not True:
        if flag not in (None, False):
            ctx.sink.warning(
                child(operation.source_pointer, "x-ms-long-running-operation"),
                "x-ms-long-running-operation is not a boolean",
                "not long-running",
            )
        return None
    options = as_mapping(raw.get("x-ms-long-running-operation-options")) or {}
    final_state_via = options.get("final-state-via")
    if not isinstance(final_state_via, str):
        final_state_via = None
    declared = {h.wire_name.lower() for r in operation.success_responses for h in r.headers}
    header = next((h for h in _POLLING_HEADERS if h in declared), None)
    if header is None:
        via = (final_state_via or "").replace("azure-async-operation", "azure-asyncoperation")
        header = via if via in _POLLING_HEADERS else "operation-location"
        ctx.sink.warning(
            operation.source_pointer,
            "long-running operation declares no polling header",
            f"polls {header!r}",
        )
    final_type, source = _final_type(operation, operations, final_state_via)
    return LongRunning(
        polling_header=header,
        final_state_via=final_state_via,
        final_type=final_type,
        final_type_from=source,
    )


def _final_type(
    operation: Operation, operations: list[Operation], final_state_via: str | None
) -> tuple[TypeRef | None, str]:
    if final_state_via == "original-uri":
        for other in operations:
            if other.method == "get" and other.path == operation.path and _success_body(other):
                return _success_body(other), f"GET {other.path} (final-state-via original-uri)"
    words = {w for w in _literal_words(operation.path)} - {"operations"}
    monitors = [
        other
        for other in operations
        if other.method == "get"
        and "operations" in _literal_words(other.path)
        and "{" in other.path
        and words & _literal_words(other.path)
        and isinstance(_success_body(other), ModelRef)
    ]
    if len(monitors) == 1:
        return _success_body(monitors[0]), f"status monitor GET {monitors[0].path}"
    for response in operation.success_responses:
        if response.body is not None:
            return response.body, f"response {response.status} of the operation"
    return None, "the operation declares no result body"


def _literal_words(path: str) -> set[str]:
    words: set[str] = set()
    for segment in path.split("/"):
        if "{" in segment or not segment:
            continue
        words.update(w.lower() for w in segment.replace(":", " ").replace("-", " ").split())
    return words


def _event_stream(ctx: BuildContext, operation: Operation) -> EventStream | None:
    if not any(c.split(";")[0].strip() == "text/event-stream" for c in operation.produces):
        return None
    trigger = next(
        (
            p.wire_name
            for p in operation.parameters
            if p.location is ParameterLocation.QUERY
            and p.wire_name.lower() == "stream"
            and p.type == PrimitiveType(Primitive.BOOLEAN)
        ),
        None,
    )
    body = _success_body(operation)
    data = _property(ctx, body, "data")
    if data is not None and isinstance(data.type, ArrayType):
        event_type = data.type.items
    elif body is not None:
        event_type = body
    else:
        ctx.sink.warning(
            operation.source_pointer, "event stream without a response body", "events typed as any"
        )
        event_type = AnyType()
    return EventStream(trigger_parameter=trigger, event_type=event_type)
