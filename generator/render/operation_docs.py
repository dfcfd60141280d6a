"""Docstrings of generated methods: summary, description, parameters, return and errors."""

from __future__ import annotations

from generator.ir import Operation, TypeRef
from generator.render import docs
from generator.render.operation_views import PagingView, StreamView
from generator.render.types import TypeNamer


def success_type(op: Operation) -> tuple[TypeRef | None, bool]:
    """The body type of the success responses and whether some success has no body."""
    bodies = [r.body for r in op.success_responses]
    typed = [b for b in bodies if b is not None]
    return (typed[0] if typed else None), any(b is None for b in bodies)


def _plain_result(namer: TypeNamer, path: str, op: Operation) -> list[str]:
    """``:return:``/``:rtype:`` of a method that returns its response, saying what its annotation
    says (:mod:`generator.render.response_context`): every success body type, ``or None`` when a
    success has no body; whether it exists for a ``HEAD``; else the headers, or None."""
    declared = [r for r in op.success_responses if r.status.isdigit()]
    bodies: list[str] = []
    for response in declared:
        if response.body is not None:
            doc = namer.doc_type(response.body, path)
            if doc not in bodies:
                bodies.append(doc)
    if bodies:
        rtype = " or ".join(bodies)
        if any(r.body is None for r in declared):
            rtype += " or None"
        text = rtype
    elif op.method == "head":
        rtype = "bool"
        text = "True when the service answers with a success status (False for a declared 404)"
    elif any(r.headers for r in op.success_responses):
        rtype = "dict[str, any]"
        text = "The declared response headers the service sent, by wire name, as their types"
    else:
        rtype = text = "None"
    return docs.field_lines("return", "", text, 8) + docs.field_lines("rtype", "", rtype, 8)


def operation_docstring(
    namer: TypeNamer,
    models_path: str,
    op: Operation,
    param_docs: list[str],
    kind: str,
    paging: PagingView | None,
    stream: StreamView | None,
    aio: bool,
) -> str:
    """The rendered docstring of ``op`` (``param_docs``: its parameter entries, in order).

    ``aio`` names the async return types (``AsyncItemPaged``, ``AsyncLROPoller``, ...).
    """
    path = models_path
    iterator = "AsyncIterator" if aio else "Iterator"
    pager = "~azure.core.async_paging.AsyncItemPaged" if aio else "~azure.core.paging.ItemPaged"
    poller = "~azure.core.polling.AsyncLROPoller" if aio else "~azure.core.polling.LROPoller"
    fields = list(param_docs)
    success, _ = success_type(op)
    if kind == "paged" and paging is not None:
        item = op.paging.item_type if op.paging else None
        item_doc = namer.doc_type(item, path) if item is not None else "any"
        fields += docs.field_lines(
            "keyword",
            "continuation_token",
            "Start at the page this token names (``by_page().continuation_token`` of an earlier"
            " listing) instead of the first.",
            8,
        )
        fields += docs.field_lines("return", "", f"An iterator like instance of {item_doc}", 8)
        fields += docs.field_lines("rtype", "", f"{pager}[{item_doc}]", 8)
    elif kind == "lro":
        final = (op.long_running.final_type if op.long_running else None) or success
        final_doc = namer.doc_type(final, path) if final is not None else "None"
        fields += docs.field_lines(
            "keyword",
            "polling",
            "True (the default) to poll the status monitor named by the"
            f" ``{op.long_running.polling_header if op.long_running else ''}`` header, False not"
            " to poll, or a polling method of your own.",
            8,
        )
        fields += docs.field_lines(
            "keyword",
            "polling_interval",
            "Seconds between polls when the service sends no Retry-After. Default value is 1.",
            8,
        )
        fields += docs.field_lines(
            "keyword",
            "continuation_token",
            "Resume from the state saved by ``poller.continuation_token()``; the"
            " operation's other arguments are then not needed.",
            8,
        )
        fields += docs.field_lines(
            "return", "", f"A poller whose result is the final {final_doc}", 8
        )
        fields += docs.field_lines("rtype", "", f"{poller}[{final_doc}]", 8)
    elif kind == "download":
        fields += docs.field_lines("return", "", "The content, as an iterator of byte chunks", 8)
        fields += docs.field_lines("rtype", "", f"{iterator}[bytes]", 8)
    elif success is not None:
        doc = namer.doc_type(success, path)
        if stream is not None and op.event_stream is not None:
            event_doc = namer.doc_type(op.event_stream.event_type, path)
            fields += docs.field_lines(
                "return",
                "",
                f"{doc}, or with ``{stream.flag}=True`` an iterator of {event_doc}"
                f" events that ends at {op.event_stream.terminator}",
                8,
            )
            fields += docs.field_lines("rtype", "", f"{doc} or {iterator}[{event_doc}]", 8)
        else:
            fields += _plain_result(namer, path, op)
    else:
        fields += _plain_result(namer, path, op)
    fields += docs.field_lines("raises", "~azure.core.exceptions.HttpResponseError", "", 8)
    summary = op.summary or op.description or f"Calls {op.operation_id}."
    description = op.description if op.summary else ""
    if op.deprecated:
        description = f"{description}\n\nDeprecated: the service may remove this operation."
    return docs.render(docs.docstring(summary, description, fields, 8), 8)
