"""The finished pieces of one generated method, as the operation templates receive them.

Annotations that differ between the sync and async flavour are kept with ``@Paged[...]``-style
placeholders and resolved by :func:`flavour`, so one view serves both templates.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.render.escape import py_string
from generator.render.response_context import ResponseView
from generator.render.types import optional


@dataclass(frozen=True)
class ParamView:
    """One parameter of a generated method."""

    name: str
    annotation: str
    default: str | None  # None: required

    def declaration(self) -> str:
        """``name: annotation`` or ``name: annotation = default``."""
        if self.default is None:
            return f"{self.name}: {self.annotation}"
        return f"{self.name}: {self.annotation} = {self.default}"


@dataclass(frozen=True)
class PagingView:
    """Cursor, next-link or single-page paging details."""

    style: str  # "cursor", "next_link" or "single"
    page_type: str
    item_type: str
    items_attr: str
    has_more_attr: str
    cursor_attr: str
    next_link_attr: str

    @property
    def next_link(self) -> str:
        """The expression giving the next page's URL from ``page`` (``None``: one page only)."""
        return f"page.{self.next_link_attr}" if self.style == "next_link" else "None"


@dataclass(frozen=True)
class StreamView:
    """Server-sent events: the flag parameter and the event type."""

    flag: str
    event_type: str
    terminator: str
    non_stream_return: str
    stream_return: str
    stream_accept: str


@dataclass(frozen=True)
class LroView:
    """How a long-running operation polls: ``final-state-via`` and terminal status values."""

    final_state_via: str  # Python literal (None when the spec does not say)
    succeeded: str  # tuple literal
    failed: str  # tuple literal


@dataclass(frozen=True)
class OperationView:
    """Everything the templates need to write one method."""

    name: str
    method: str  # Python literal, e.g. "GET"
    path: str  # Python literal of the path template
    kind: str  # "plain", "paged", "lro", "sse", "download"
    positional: tuple[ParamView, ...]
    keyword: tuple[ParamView, ...]
    docstring: str
    async_docstring: str
    request_args: tuple[str, ...]  # arguments of build_request after method and path
    expected: str
    error_model: str
    return_annotation: str
    result_type: str | None  # deserialization target; None when there is no body
    paging: PagingView | None = None
    stream: StreamView | None = None
    polling_header: str = ""
    next_request_args: tuple[str, ...] = ()  # build_request arguments for a next-link page
    responses: ResponseView | None = None
    lro: LroView | None = None
    span_name: str = '""'  # Python literal: the tracing span's name, ``<package>/<method>``

    @property
    def signature(self) -> str:
        """Parameters after ``self`` (ending in ``**kwargs: Any``)."""
        parts = [p.declaration() for p in self.positional]
        if self.keyword:
            parts.append("*")
            parts.extend(p.declaration() for p in self.keyword)
        parts.append("**kwargs: Any")
        return ", ".join(parts)

    @property
    def resume_required(self) -> tuple[tuple[str, str], ...]:
        """``(name, TypeError message literal)`` of each required parameter of a long-running
        operation: a call resuming from ``continuation_token=`` goes without them, so the
        method takes them as optional and checks them only when it starts the operation."""
        if self.kind != "lro":
            return ()
        return tuple(
            (p.name, py_string(f"{self.name}() missing required argument: {p.name!r}"))
            for p in (*self.positional, *self.keyword)
            if p.default is None
        )

    @property
    def resumable_signature(self) -> str:
        """The signature with every required parameter optional (see :attr:`resume_required`)."""

        def relaxed(params: tuple[ParamView, ...]) -> tuple[ParamView, ...]:
            return tuple(
                ParamView(p.name, optional(p.annotation), "None") if p.default is None else p
                for p in params
            )

        return replace(
            self, positional=relaxed(self.positional), keyword=relaxed(self.keyword)
        ).signature

    def signature_with(self, flag: str, annotation: str, default: str | None) -> str:
        """The signature with the stream flag's annotation replaced (for overloads)."""
        keyword = tuple(
            ParamView(p.name, annotation, default) if p.name == flag else p for p in self.keyword
        )
        return replace(self, keyword=keyword).signature

    def stream_returns(self, aio: bool) -> str:
        """The return annotation of the ``stream=True`` overload."""
        assert self.stream is not None
        return flavour(self.stream.stream_return, aio)

    def returns(self, aio: bool) -> str:
        """The return annotation in the sync or async flavour."""
        if self.stream is not None:
            stream = flavour(self.stream.stream_return, aio)
            return f"{flavour(self.stream.non_stream_return, aio)} | {stream}"
        return flavour(self.return_annotation, aio)


_FLAVOURS = {
    "@Iterator[": ("Iterator[", "AsyncIterator["),
    "@EventIterator[": ("Iterator[", "AsyncIterator["),
    "@Paged[": ("ItemPaged[", "AsyncItemPaged["),
    "@Poller[": ("LROPoller[", "AsyncLROPoller["),
}


def flavour(annotation: str, aio: bool) -> str:
    """Resolve the ``@Paged[...]``-style placeholders to the sync or async class."""
    for marker, (sync, async_) in _FLAVOURS.items():
        annotation = annotation.replace(marker, async_ if aio else sync)
    return annotation


@dataclass(frozen=True)
class GroupView:
    """One operation group class."""

    attribute: str  # "" for the operations whose methods sit on the client itself
    class_name: str
    docstring: str
    operations: tuple[OperationView, ...]

    @property
    def mixin(self) -> bool:
        """Whether the client inherits these methods rather than holding the group."""
        return not self.attribute
