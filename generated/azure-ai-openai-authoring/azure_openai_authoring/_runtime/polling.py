"""Long-running operations on azure-core's ``LROBasePolling``, every Azure polling style.

azure-core's algorithms do the work, tried in this order on the initial response:

1. ``OperationResourcePolling`` on ``Operation-Location``, then on ``Azure-AsyncOperation``: poll
   the status monitor until its ``status`` is terminal, then fetch the result where
   ``final-state-via`` says (``location``, ``original-uri``, the monitor itself, or azure-core's
   default: ``resourceLocation``, the original URI for PUT/PATCH, ``Location`` for POST);
2. ``LocationPolling``: poll ``Location`` while it answers 202;
3. :class:`BodyStatusPolling` (ours, see there): a PUT/PATCH whose body carries a provisioning
   state is polled on its own URI;
4. ``StatusCheckPolling``: nothing to poll, the initial response is the result.

Two things azure-core cannot know are added around its algorithms, without replacing them:
the terminal values of the service's own status enum (``deleted`` ends an operation as surely as
``failed``) are mapped to azure-core's ``Succeeded``/``Failed``; and failures carry the
operation's typed error model, relative status links are resolved against the client's base
URL, and a status link that cannot be fetched raises ``HttpResponseError``, as every other
failure of a poller does.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Collection, Mapping
from typing import Any, TypeAlias, TypeVar
from urllib.parse import urljoin, urlsplit

from azure.core.exceptions import (
    HttpResponseError,
    ServiceRequestError,
    ServiceResponseError,
)
from azure.core.pipeline import PipelineResponse
from azure.core.polling import (
    AsyncLROPoller,
    AsyncNoPolling,
    AsyncPollingMethod,
    LROPoller,
    NoPolling,
    PollingMethod,
)
from azure.core.polling.async_base_polling import AsyncLROBasePolling
from azure.core.polling.base_polling import (
    LocationPolling,
    LongRunningOperation,
    LROBasePolling,
    OperationResourcePolling,
    StatusCheckPolling,
)

from ._pipeline import parse_error_model
from .client import ClientCore
from .client_async import AsyncClientCore
from .responses import (
    ResponseHook,
    call_options,
    deserialize_response,
    error_model_for,
    with_hook,
)

__all__ = ["BodyStatusPolling", "async_begin_operation", "begin_operation"]

T = TypeVar("T")

InitialResponse: TypeAlias = (
    PipelineResponse[Any, Any] | Callable[[], PipelineResponse[Any, Any]] | None
)
"""The initial call's response, or a function making the call (skipped when resuming)."""

AsyncInitialResponse: TypeAlias = (
    PipelineResponse[Any, Any] | Callable[[], Awaitable[PipelineResponse[Any, Any]]] | None
)

#: Statuses every Azure long-running operation uses (azure-core's own terminal set).
_SUCCEEDED = frozenset({"succeeded"})
_FAILED = frozenset({"failed", "canceled", "cancelled"})


def _body(response: Any) -> Any:
    try:
        return json.loads(response.text()) if response.content else None
    except ValueError:
        return None


def _provisioning_state(response: Any) -> str | None:
    """``properties.provisioningState``, ``provisioningState`` or ``status`` of a JSON body."""
    body = _body(response)
    if not isinstance(body, dict):
        return None
    properties = body.get("properties")
    for source, key in ((properties, "provisioningState"), (body, "provisioningState")):
        if isinstance(source, dict) and isinstance(source.get(key), str):
            return str(source[key])
    status = body.get("status")
    return status if isinstance(status, str) else None


class BodyStatusPolling(LongRunningOperation[Any, Any]):
    """A PUT or PATCH answered with its resource and a provisioning state in the body.

    azure-core has no algorithm for this Azure style (only azure-mgmt-core does, which a
    data-plane client should not depend on): the resource's own URI is polled until the state in
    its body is terminal; 201 or 202 without a state means "in progress", 200 or 204 without
    one means done.
    """

    def __init__(self) -> None:
        self._url = ""

    def can_poll(self, pipeline_response: PipelineResponse[Any, Any]) -> bool:
        response = pipeline_response.http_response
        request = response.request
        if request is None or request.method not in ("PUT", "PATCH"):
            return False
        return response.status_code in (201, 202) or _provisioning_state(response) is not None

    def get_polling_url(self) -> str:
        return self._url

    def set_initial_status(self, pipeline_response: PipelineResponse[Any, Any]) -> str:
        self._url = pipeline_response.http_response.request.url
        return self.get_status(pipeline_response)

    def get_status(self, pipeline_response: PipelineResponse[Any, Any]) -> str:
        response = pipeline_response.http_response
        if response.status_code == 202:
            return "InProgress"
        state = _provisioning_state(response)
        if state is not None:
            return state
        return "InProgress" if response.status_code == 201 else "Succeeded"

    def get_final_get_url(self, pipeline_response: PipelineResponse[Any, Any]) -> str | None:
        return None


class _OriginalUriFinal:
    """Mixin: ``final-state-via: original-uri`` fetches the result from the initial URI."""

    _final_via: str | None = None
    _original_url: str | None = None

    def _remember(self, pipeline_response: PipelineResponse[Any, Any]) -> None:
        request = pipeline_response.http_response.request
        self._original_url = request.url if request is not None else None

    def _final_url(self, fallback: str | None) -> str | None:
        if self._final_via == "original-uri" and self._original_url:
            return self._original_url
        return fallback


class _OperationResource(_OriginalUriFinal, OperationResourcePolling[Any, Any]):
    def __init__(self, header: str, final_via: str | None) -> None:
        options = {"final-state-via": final_via} if final_via else None
        super().__init__(header, lro_options=options)
        self._final_via = final_via
        self._done_at_start = False

    def set_initial_status(self, pipeline_response: PipelineResponse[Any, Any]) -> str:
        self._remember(pipeline_response)
        response = pipeline_response.http_response
        state = _provisioning_state(response) if response.status_code == 200 else None
        if state is not None and state.lower() in _SUCCEEDED | _FAILED:
            # A 200 whose resource already says it is done: the monitor header is not needed.
            self._request = response.request
            self._done_at_start = True
            return state
        return super().set_initial_status(pipeline_response)

    def get_final_get_url(self, pipeline_response: PipelineResponse[Any, Any]) -> str | None:
        if self._done_at_start:
            return None
        if self._final_via == "original-uri":
            return self._final_url(None)
        return super().get_final_get_url(pipeline_response)


class _Location(_OriginalUriFinal, LocationPolling[Any, Any]):
    def __init__(self, final_via: str | None) -> None:
        self._final_via = final_via

    def set_initial_status(self, pipeline_response: PipelineResponse[Any, Any]) -> str:
        self._remember(pipeline_response)
        return super().set_initial_status(pipeline_response)

    def get_final_get_url(self, pipeline_response: PipelineResponse[Any, Any]) -> str | None:
        return self._final_url(super().get_final_get_url(pipeline_response))


class _TerminalStates(LongRunningOperation[Any, Any]):
    """Wraps an algorithm, mapping the service's terminal statuses to azure-core's.

    ``LROBasePolling`` knows only ``succeeded``, ``failed`` and ``canceled``; a spec's status enum
    may end an operation with other values (``deleted``, ``completed``, ...).
    """

    def __init__(
        self,
        inner: LongRunningOperation[Any, Any],
        succeeded: frozenset[str],
        failed: frozenset[str],
    ) -> None:
        self.inner = inner
        self._succeeded = succeeded
        self._failed = failed

    def _map(self, status: str) -> str:
        folded = str(getattr(status, "value", status)).lower()
        if folded in _SUCCEEDED or folded in _FAILED:
            return status  # azure-core's own terminal values keep the service's spelling
        if folded in self._succeeded:
            return "Succeeded"
        if folded in self._failed:
            return "Failed"
        return status

    def can_poll(self, pipeline_response: PipelineResponse[Any, Any]) -> bool:
        return self.inner.can_poll(pipeline_response)

    def get_polling_url(self) -> str:
        return self.inner.get_polling_url()

    def set_initial_status(self, pipeline_response: PipelineResponse[Any, Any]) -> str:
        return self._map(self.inner.set_initial_status(pipeline_response))

    def get_status(self, pipeline_response: PipelineResponse[Any, Any]) -> str:
        return self._map(self.inner.get_status(pipeline_response))

    def get_final_get_url(self, pipeline_response: PipelineResponse[Any, Any]) -> str | None:
        return self.inner.get_final_get_url(pipeline_response)


def _algorithms(
    final_state_via: str | None, succeeded: Collection[str], failed: Collection[str]
) -> list[LongRunningOperation[Any, Any]]:
    via = (final_state_via or "").lower() or None
    if via == "azure-asyncoperation":
        via = "azure-async-operation"
    done = _SUCCEEDED | {s.lower() for s in succeeded}
    bad = _FAILED | {s.lower() for s in failed}
    inner: list[LongRunningOperation[Any, Any]] = [
        _OperationResource("operation-location", via),
        _OperationResource("azure-asyncoperation", via),
        _Location(via),
        BodyStatusPolling(),
        StatusCheckPolling(),
    ]
    return [_TerminalStates(algorithm, done, bad) for algorithm in inner]


def _set_typed_model(error: HttpResponseError, errors: Any) -> None:
    """Gives ``error`` the typed model of its response, as :meth:`ClientCore.call` does."""
    response: Any = error.response
    if error.model is not None or response is None:
        return
    model_type = error_model_for(errors, response.status_code)
    if model_type is None:
        return
    try:
        body = response.content
    except Exception:  # a body that was never read: no typed model
        return
    error.model = parse_error_model(model_type, body)


def _unreachable_link(polling: Any, error: Exception) -> HttpResponseError:
    response = getattr(getattr(polling, "_pipeline_response", None), "http_response", None)
    failure = HttpResponseError(
        message=f"The status link of the long-running operation could not be polled: {error}",
        response=response,
        error=error,
    )
    return failure


def _absolute(polling: Any, link: str) -> str:
    """A status link resolved against the initial request's URL (RFC 7231: a relative
    reference is relative to the request it answers); absolute links as they are."""
    if urlsplit(link).scheme:
        return link
    request = getattr(polling._initial_response.http_response, "request", None)
    base = getattr(request, "url", None)
    return urljoin(base, link) if base else str(polling._client.format_url(link))


class _Polling(LROBasePolling[T, Any, Any]):
    """``LROBasePolling`` with typed errors and status links resolved against the client."""

    def __init__(self, *args: Any, errors: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._errors = errors

    def initialize(self, client: Any, initial_response: Any, deserialization_callback: Any) -> None:
        try:
            super().initialize(client, initial_response, deserialization_callback)
        except HttpResponseError as error:
            _set_typed_model(error, self._errors)
            raise

    def run(self) -> None:
        try:
            super().run()
        except HttpResponseError as error:
            _set_typed_model(error, self._errors)
            raise
        except (ServiceRequestError, ServiceResponseError, ValueError) as error:
            raise _unreachable_link(self, error) from error

    def request_status(self, status_link: str) -> PipelineResponse[Any, Any]:
        return super().request_status(_absolute(self, status_link))


class _AsyncPolling(AsyncLROBasePolling[T, Any, Any]):
    """Async :class:`_Polling`."""

    def __init__(self, *args: Any, errors: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._errors = errors

    def initialize(self, client: Any, initial_response: Any, deserialization_callback: Any) -> None:
        try:
            super().initialize(client, initial_response, deserialization_callback)
        except HttpResponseError as error:
            _set_typed_model(error, self._errors)
            raise

    async def run(self) -> None:
        try:
            await super().run()
        except HttpResponseError as error:
            _set_typed_model(error, self._errors)
            raise
        except (ServiceRequestError, ServiceResponseError, ValueError) as error:
            raise _unreachable_link(self, error) from error

    async def request_status(self, status_link: str) -> PipelineResponse[Any, Any]:
        return await super().request_status(_absolute(self, status_link))


def _result_reader(
    result_type: Any, headers: Mapping[str, Any], hook: ResponseHook | None
) -> Callable[[PipelineResponse[Any, Any]], Any]:
    """The poller's deserialization callback: the final body as ``result_type``, then ``cls``."""

    def read(pipeline_response: PipelineResponse[Any, Any]) -> Any:
        result = deserialize_response(result_type, pipeline_response.http_response)
        return with_hook(hook, pipeline_response, result, headers)

    return read


_POLLING_OPTIONS = ("polling", "polling_interval", "continuation_token")


def _caller_options(
    kwargs: dict[str, Any], result_type: Any, response_headers: Mapping[str, Any] | None
) -> tuple[dict[str, Any], Callable[[PipelineResponse[Any, Any]], Any]]:
    """Takes the polling options and ``cls`` out of ``kwargs``; builds the result reader."""
    options = {key: kwargs.pop(key) for key in _POLLING_OPTIONS if key in kwargs}
    hook = call_options(kwargs)
    return options, _result_reader(result_type, response_headers or {}, hook)


def begin_operation(
    core: ClientCore,
    initial: InitialResponse,
    result_type: Any,
    *,
    response_headers: Mapping[str, Any] | None = None,
    errors: Any = None,
    final_state_via: str | None = None,
    succeeded: Collection[str] = (),
    failed: Collection[str] = (),
    **kwargs: Any,
) -> LROPoller[Any]:
    """An ``LROPoller`` for an operation started by ``initial``.

    :param initial: the initial ``PipelineResponse`` (from :meth:`ClientCore.send_raw`), or a
        function returning it, called only when not resuming from ``continuation_token``.
    :param result_type: type of the final body (None: the operation returns nothing).
    :param response_headers: declared headers of the final response, passed to ``cls``.
    :param errors: error model of a failure: one type, or status/``"default"`` -> type.
    :param final_state_via: ``x-ms-long-running-operation-options`` ``final-state-via``.
    :param succeeded: status values of the spec that end the operation successfully.
    :param failed: status values of the spec that end it in failure.
    :param kwargs: the caller's keywords: ``polling`` (True, False or a polling method),
        ``polling_interval`` (seconds when the service sends no ``retry-after``),
        ``continuation_token``, ``cls`` and per-call options used for every poll request.
    """
    options, reader = _caller_options(kwargs, result_type, response_headers)
    polling = options.get("polling", True)
    method: PollingMethod[Any]
    if polling is True:
        method = _Polling(
            options.get("polling_interval", 1.0),
            lro_algorithms=_algorithms(final_state_via, succeeded, failed),
            errors=errors,
            **kwargs,
        )
    elif polling is False:
        method = NoPolling()  # type: ignore[no-untyped-call]
    else:
        method = polling
    token = options.get("continuation_token")
    if token is not None:
        return LROPoller[Any].from_continuation_token(
            polling_method=method,
            continuation_token=token,
            client=core.pipeline_client,
            deserialization_callback=reader,
        )
    response = initial() if callable(initial) else initial
    if response is None:
        raise ValueError("an initial response is required when not resuming a poller")
    return LROPoller(core.pipeline_client, response, reader, method)


async def async_begin_operation(
    core: AsyncClientCore,
    initial: AsyncInitialResponse,
    result_type: Any,
    *,
    response_headers: Mapping[str, Any] | None = None,
    errors: Any = None,
    final_state_via: str | None = None,
    succeeded: Collection[str] = (),
    failed: Collection[str] = (),
    **kwargs: Any,
) -> AsyncLROPoller[Any]:
    """Async :func:`begin_operation`: ``initial`` may be a coroutine function."""
    options, reader = _caller_options(kwargs, result_type, response_headers)
    polling = options.get("polling", True)
    method: AsyncPollingMethod[Any]
    if polling is True:
        method = _AsyncPolling(
            options.get("polling_interval", 1.0),
            lro_algorithms=_algorithms(final_state_via, succeeded, failed),
            errors=errors,
            **kwargs,
        )
    elif polling is False:
        method = AsyncNoPolling()  # type: ignore[no-untyped-call]
    else:
        method = polling
    token = options.get("continuation_token")
    if token is not None:
        return AsyncLROPoller[Any].from_continuation_token(
            polling_method=method,
            continuation_token=token,
            client=core.pipeline_client,
            deserialization_callback=reader,
        )
    response = await initial() if callable(initial) else initial
    if response is None:
        raise ValueError("an initial response is required when not resuming a poller")
    return AsyncLROPoller(core.pipeline_client, response, reader, method)
