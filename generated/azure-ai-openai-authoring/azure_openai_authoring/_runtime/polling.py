"""Long-running operations polled through a status monitor URL (``operation-location``).

azure-core's ``LROBasePolling`` does the polling: it follows the header, sleeps for the
``retry-after`` the service asks for (else ``polling_interval``), and fails the poller when the
status is ``failed``/``canceled``.  The poller's result is the final status body passed through
the operation's ``deserialize`` callback, so image generation returns its images.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeAlias, TypeVar

from azure.core.exceptions import HttpResponseError
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
from azure.core.polling.base_polling import LROBasePolling, OperationResourcePolling

from ._pipeline import parse_error_model
from .client import ClientCore
from .client_async import AsyncClientCore

__all__ = ["async_begin_operation", "begin_operation"]

T = TypeVar("T")

InitialResponse: TypeAlias = (
    PipelineResponse[Any, Any] | Callable[[], PipelineResponse[Any, Any]] | None
)
"""The initial call's response, or a function making the call (skipped when resuming)."""

AsyncInitialResponse: TypeAlias = (
    PipelineResponse[Any, Any] | Callable[[], Awaitable[PipelineResponse[Any, Any]]] | None
)


def _attach_error_model(error: HttpResponseError, error_model: Any) -> None:
    """Gives a failed poll's error its typed body, as :meth:`ClientCore.send` does."""
    response = error.response
    if error.model is not None or error_model is None or response is None:
        return
    try:
        body = response.content  # type: ignore[attr-defined]
    except Exception:  # a body that was never read: no typed model
        return
    error.model = parse_error_model(error_model, body)


class _LROPolling(LROBasePolling[T, Any, Any]):
    """``LROBasePolling`` whose errors carry the operation's typed error model."""

    def __init__(self, *args: Any, error_model: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._error_model = error_model

    def run(self) -> None:
        try:
            super().run()
        except HttpResponseError as error:
            _attach_error_model(error, self._error_model)
            raise


class _AsyncLROPolling(AsyncLROBasePolling[T, Any, Any]):
    """``AsyncLROBasePolling`` whose errors carry the operation's typed error model."""

    def __init__(self, *args: Any, error_model: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._error_model = error_model

    async def run(self) -> None:
        try:
            await super().run()
        except HttpResponseError as error:
            _attach_error_model(error, self._error_model)
            raise


def _algorithms(polling_header: str, final_state_via: str) -> list[Any]:
    options = {"final-state-via": final_state_via} if final_state_via else None
    return [OperationResourcePolling(polling_header, lro_options=options)]


def begin_operation(
    core: ClientCore,
    initial: InitialResponse,
    deserialize: Callable[[PipelineResponse[Any, Any]], T],
    *,
    polling_header: str = "operation-location",
    polling: bool | PollingMethod[T] = True,
    polling_interval: float = 1.0,
    continuation_token: str | None = None,
    final_state_via: str = "operation-location",
    error_model: Any = None,
    **kwargs: Any,
) -> LROPoller[T]:
    """An ``LROPoller`` for an operation started by ``initial``.

    :param initial: the initial ``PipelineResponse`` (from :meth:`ClientCore.send_raw`), or a
        function returning it, called only when not resuming from ``continuation_token``.
    :param deserialize: turns the final ``PipelineResponse`` into the result.
    :param polling: True for ``operation-location`` polling, False for none, or a method.
    :param polling_interval: seconds between polls when the service sends no ``retry-after``.
    :param continuation_token: resume a poller saved with ``poller.continuation_token()``.
    :param error_model: type of the body of a failed status, set as ``error.model`` on the
        ``HttpResponseError`` the poller raises when the operation fails.
    :param kwargs: per-call options used for each poll request (``headers``, ``timeout``, ...).
    """
    method: PollingMethod[T]
    if polling is True:
        method = _LROPolling(
            polling_interval,
            lro_algorithms=_algorithms(polling_header, final_state_via),
            error_model=error_model,
            **kwargs,
        )
    elif polling is False:
        method = NoPolling()  # type: ignore[no-untyped-call]
    else:
        method = polling
    if continuation_token is not None:
        return LROPoller[T].from_continuation_token(
            polling_method=method,
            continuation_token=continuation_token,
            client=core.pipeline_client,
            deserialization_callback=deserialize,
        )
    response = initial() if callable(initial) else initial
    if response is None:
        raise ValueError("an initial response is required when not resuming a poller")
    return LROPoller(core.pipeline_client, response, deserialize, method)


async def async_begin_operation(
    core: AsyncClientCore,
    initial: AsyncInitialResponse,
    deserialize: Callable[[PipelineResponse[Any, Any]], T],
    *,
    polling_header: str = "operation-location",
    polling: bool | AsyncPollingMethod[T] = True,
    polling_interval: float = 1.0,
    continuation_token: str | None = None,
    final_state_via: str = "operation-location",
    error_model: Any = None,
    **kwargs: Any,
) -> AsyncLROPoller[T]:
    """Async :func:`begin_operation`: ``initial`` may be a coroutine function."""
    method: AsyncPollingMethod[T]
    if polling is True:
        method = _AsyncLROPolling(
            polling_interval,
            lro_algorithms=_algorithms(polling_header, final_state_via),
            error_model=error_model,
            **kwargs,
        )
    elif polling is False:
        method = AsyncNoPolling()  # type: ignore[no-untyped-call]
    else:
        method = polling
    if continuation_token is not None:
        return AsyncLROPoller[T].from_continuation_token(
            polling_method=method,
            continuation_token=continuation_token,
            client=core.pipeline_client,
            deserialization_callback=deserialize,
        )
    response = await initial() if callable(initial) else initial
    if response is None:
        raise ValueError("an initial response is required when not resuming a poller")
    return AsyncLROPoller(core.pipeline_client, response, deserialize, method)
