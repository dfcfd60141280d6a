"""Operations and their groups, with how an operation behaves: paging, long-running, streaming.

An :class:`Operation` brings together its parameters and body (:mod:`generator.ir.parameters`)
and its responses (:mod:`generator.ir.responses`); the behaviours are optional parts of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir.parameters import Parameter, RequestBody
from generator.ir.responses import Response
from generator.ir.types import TypeRef


@dataclass(frozen=True, slots=True)
class Paging:
    """How a list operation pages.

    Cursor paging (these specs): the request carries ``cursor_parameter`` (``after``), the response
    carries ``items_property`` (``data``) and ``has_more_property`` (``has_more``); the next cursor
    is the ``cursor_item_property`` (``id``) of the last item.  Next-link paging (x-ms-pageable):
    ``next_link_property`` holds the URL of the next page.
    """

    items_property: str
    item_type: TypeRef
    next_link_property: str | None = None
    cursor_parameter: str | None = None
    limit_parameter: str | None = None
    has_more_property: str | None = None
    cursor_item_property: str | None = None
    from_extension: bool = False  # True when declared by x-ms-pageable, False when detected
    detected_by: str = ""  # how the paging was found, for people reading the IR


@dataclass(frozen=True, slots=True)
class LongRunning:
    """A long-running operation (x-ms-long-running-operation)."""

    polling_header: str  # e.g. "operation-location"
    final_state_via: str | None = None  # x-ms-long-running-operation-options
    final_type: TypeRef | None = None  # the type the poller returns when done
    final_type_from: str = ""  # where the final type was found, for people reading the IR


@dataclass(frozen=True, slots=True)
class EventStream:
    """A response that may be ``text/event-stream`` (server-sent events)."""

    trigger_parameter: str | None  # wire name of the query flag that asks for a stream ("stream")
    event_type: TypeRef  # type of each event's ``data``
    terminator: str = "[DONE]"


@dataclass(frozen=True, slots=True)
class Operation:
    """One HTTP operation."""

    operation_id: str
    group_key: str  # operation group the operation belongs to (operationId prefix or tag)
    py_name: str  # method name on the group class, e.g. "list", "begin_generate"
    method: str  # lower-case HTTP method
    path: str
    summary: str = ""
    description: str = ""
    parameters: tuple[Parameter, ...] = ()  # path/query/header, client-level ones included
    body: RequestBody | None = None
    consumes: tuple[str, ...] = ()
    produces: tuple[str, ...] = ()
    responses: tuple[Response, ...] = ()
    paging: Paging | None = None
    long_running: LongRunning | None = None
    event_stream: EventStream | None = None
    deprecated: bool = False
    tags: tuple[str, ...] = ()
    source_pointer: str = ""
    # Effective security: alternatives, each the sorted securityDefinitions names that must all
    # be satisfied (the operation's own ``security`` or else the global one); () for none.
    security: tuple[tuple[str, ...], ...] = ()
    # The effective ``security`` is an empty list: the service takes no credential here.
    anonymous: bool = False

    @property
    def success_responses(self) -> tuple[Response, ...]:
        """Responses for 1xx-3xx status codes, in status order."""
        return tuple(r for r in self.responses if not r.is_error)

    @property
    def error_type(self) -> TypeRef | None:
        """Body type of the ``default`` (or first error) response, the typed error model."""
        errors = [r for r in self.responses if r.is_error and r.body is not None]
        return errors[0].body if errors else None


@dataclass(frozen=True, slots=True)
class OperationGroup:
    """Operations sharing a prefix; rendered as one ``client.<py_name>`` attribute."""

    key: str
    py_name: str  # attribute on the client, e.g. "fine_tuning"
    class_name: str  # e.g. "FineTuningOperations"
    operations: tuple[Operation, ...]
