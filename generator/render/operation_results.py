"""What one generated method returns, and how it gets it: a plain result, a download, pages, a
poller for a long-running operation, or server-sent events.

The kind of result decides the return annotation (``@Paged[...]``-style placeholders, resolved
per flavour by :func:`~generator.render.operation_views.flavour`), the ``Accept`` header and the
statuses the method accepts; paging needs the page model to have the properties the spec names,
and falls back to a plain result when it does not.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir import ApiSpec, ModelRef, Operation, TypeRef
from generator.render.escape import py_string
from generator.render.method_parts import RenderScope
from generator.render.model_context import all_properties
from generator.render.operation_bodies import STREAM_TYPES
from generator.render.operation_docs import success_type
from generator.render.operation_views import LroView, PagingView, StreamView
from generator.render.response_context import ResponseView, lro_states, response_view
from generator.render.types import optional

#: Initial statuses every long-running operation may answer with, declared or not.
_LRO_INITIAL_STATUSES = frozenset({200, 201, 202, 204})


@dataclass(frozen=True)
class MethodResult:
    """The kind of result of one method and the views its templates need for it."""

    kind: str  # "plain", "paged", "lro", "sse", "download"
    result_type: str | None
    return_annotation: str
    responses: ResponseView
    paging: PagingView | None
    stream: StreamView | None
    lro: LroView | None
    polling_header: str  # "" unless long-running


def method_result(scope: RenderScope, op: Operation, stream_flag: str) -> MethodResult:
    """The result of ``op``; ``stream_flag`` is the argument asking for events ("" if none)."""
    namer, needs = scope.namer, scope.needs
    success, maybe_empty = success_type(op)
    kind = "plain"
    result_type: str | None = None
    return_annotation = "None"
    paging_view: PagingView | None = None
    stream_view: StreamView | None = None
    polling_header = ""

    table = response_view(scope.spec, op, namer, needs, None)
    if success in STREAM_TYPES:
        kind = "download"
        return_annotation = "@Iterator[bytes]"
    elif success is not None:
        result_type = namer.annotation(success, needs)
        return_annotation = optional(result_type) if maybe_empty else result_type
    if kind == "plain" and op.paging is None:
        return_annotation = table.return_annotation

    if op.paging is not None and success is not None:
        paging_view = _paging_view(scope, op, success)
        if paging_view is not None:
            kind = "paged"
            return_annotation = f"@Paged[{paging_view.item_type}]"
    lro = None
    if op.long_running is not None:
        kind = "lro"
        final = op.long_running.final_type or success
        result_type = namer.annotation(final, needs) if final is not None else None
        return_annotation = f"@Poller[{result_type or 'None'}]"
        polling_header = op.long_running.polling_header
        states = lro_states(scope.spec, op)
        lro = LroView(
            final_state_via=(
                py_string(op.long_running.final_state_via)
                if op.long_running.final_state_via
                else "None"
            ),
            succeeded=states.succeeded,
            failed=states.failed,
        )
    if op.event_stream is not None and stream_flag and kind == "plain":
        kind = "sse"
        event = namer.annotation(op.event_stream.event_type, needs)
        stream_view = StreamView(
            flag=stream_flag,
            event_type=event,
            terminator=py_string(op.event_stream.terminator),
            non_stream_return=return_annotation,
            stream_return=f"@EventIterator[{event}]",
            stream_accept=py_string("text/event-stream"),
        )
    return MethodResult(
        kind=kind,
        result_type=result_type,
        return_annotation=return_annotation,
        responses=table,
        paging=paging_view,
        stream=stream_view,
        lro=lro,
        polling_header=polling_header,
    )


def accept_header(op: Operation, result: MethodResult) -> tuple[str, str]:
    """The ``Accept`` header the method sends: events when asked for, the spec's media types
    for a download, its JSON types otherwise."""
    if result.stream is not None:
        flag = result.stream.flag
        return ("Accept", f'"text/event-stream" if {flag} else "application/json"')
    if result.kind == "download":
        return ("Accept", py_string(_accept(op.produces)))
    json_types = tuple(t for t in op.produces if "json" in t) or ("application/json",)
    return ("Accept", py_string(_accept(json_types)))


def expected_statuses(op: Operation, result: MethodResult) -> str:
    """A tuple literal of the statuses that mean success (a long-running operation's initial
    statuses included)."""
    statuses = {int(r.status) for r in op.success_responses if r.status.isdigit()}
    if result.kind == "lro":
        statuses |= _LRO_INITIAL_STATUSES
    return (
        "("
        + ", ".join(str(s) for s in sorted(statuses))
        + ("," if len(statuses) == 1 else "")
        + ")"
    )


def _accept(types: tuple[str, ...]) -> str:
    return ", ".join(types) if types else "application/json"


def _property_name(spec: ApiSpec, tp: TypeRef | None, wire: str | None) -> str | None:
    """Python attribute of the property ``wire`` on model ``tp`` (inherited ones included)."""
    if wire is None or not isinstance(tp, ModelRef):
        return None
    for prop in all_properties(spec, spec.model(tp.key)):
        if prop.wire_name == wire:
            return prop.py_name
    return None


def _paging_view(scope: RenderScope, op: Operation, page: TypeRef) -> PagingView | None:
    """Paging details, or None when the page or item shape does not support them."""
    spec, namer = scope.spec, scope.namer
    paging = op.paging
    assert paging is not None
    items_attr = _property_name(spec, page, paging.items_property)
    if items_attr is None or not isinstance(page, ModelRef):
        return None
    page_type = namer.annotation(page, scope.needs)
    item_type = namer.annotation(paging.item_type, scope.needs)
    if paging.next_link_property is not None:
        link = _property_name(spec, page, paging.next_link_property)
        if link is None:
            return None
        return PagingView("next_link", page_type, item_type, items_attr, "", "", link)
    if paging.cursor_parameter is None:  # one page, e.g. a list envelope or nextLinkName: null
        return PagingView("single", page_type, item_type, items_attr, "", "", "")
    has_more = _property_name(spec, page, paging.has_more_property)
    cursor = _property_name(spec, paging.item_type, paging.cursor_item_property)
    if paging.cursor_parameter is None or has_more is None or cursor is None:
        return None
    return PagingView("cursor", page_type, item_type, items_attr, has_more, cursor, "")
