"""The synchronous client core every generated client delegates to.

A generated client owns one :class:`ClientCore`; its operations build a request with
:meth:`ClientCore.build_request`, run it with :meth:`ClientCore.send` (which raises the typed
azure-core error for an unexpected status) and deserialize the body.  All transport, retry,
credential, logging and tracing behaviour lives here, once, on azure-core's pipeline.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Collection, Mapping
from typing import Any

from azure.core import PipelineClient
from azure.core.credentials import AzureKeyCredential, TokenCredential
from azure.core.pipeline import PipelineResponse
from azure.core.pipeline.policies import (
    BearerTokenCredentialPolicy,
    RedirectPolicy,
    RetryPolicy,
)
from azure.core.rest import HttpRequest, HttpResponse
from typing_extensions import Self

from ._pipeline import (
    ServiceConfig,
    accepts_credential,
    base_url,
    key_or_basic_policy,
    make_request,
    reject_credential,
    require_scopes,
    standard_policies,
    with_scopes,
)
from .anonymous import SkipWhenAnonymous, mark_anonymous
from .responses import call_options, error_model_for, raise_for_status, read_result, with_hook
from .sse import iter_events
from .streaming import iter_bytes

__all__ = ["ClientCore", "ServiceConfig"]

_NO_VALUES: Mapping[str, Any] = {}


class ClientCore:
    """azure-core ``PipelineClient`` plus the request/response conventions of generated code.

    :param endpoint: the resource endpoint, e.g. ``https://<name>.openai.azure.com``.
    :param credential: an ``AzureKeyCredential`` (sent in ``config.api_key_header``) or a
        ``TokenCredential`` (bearer token for ``config.scopes``), as the service allows.
    :keyword config: the service's :class:`ServiceConfig`.
    :keyword api_version: sent as ``config.api_version_parameter`` on every request.
    :keyword kwargs: standard azure-core options: ``transport``, ``retry_total``,
        ``retry_backoff_factor``, ``logging_enable``, ``per_call_policies``, ``<name>_policy``, ...
    :raises TypeError: when the service does not accept this kind of credential.
    """

    def __init__(
        self,
        endpoint: str | Mapping[str, str],
        credential: AzureKeyCredential | TokenCredential | None = None,
        *,
        config: ServiceConfig,
        api_version: str,
        client_values: Mapping[str, Any] = _NO_VALUES,
        **kwargs: Any,
    ) -> None:
        self.config = config
        self.api_version = api_version
        self.endpoint = endpoint
        self.client_values: dict[str, Any] = dict(client_values)
        self._base_url = base_url(config, endpoint)
        self._credential = credential
        config = with_scopes(config, kwargs.pop("credential_scopes", None))
        policies = standard_policies(
            config,
            kwargs,
            authentication=_wrap(_authentication_policy(config, credential, kwargs)),
            redirect=RedirectPolicy(**kwargs),
            retry=RetryPolicy(**kwargs),
        )
        self._client: PipelineClient[HttpRequest, HttpResponse] = PipelineClient(
            self._base_url, policies=policies, **kwargs
        )

    @property
    def instrumentation_config(self) -> dict[str, str]:
        """The library name and version azure-core's tracing gives the spans it starts."""
        return self.config.instrumentation_config

    @property
    def pipeline_client(self) -> PipelineClient[HttpRequest, HttpResponse]:
        """The underlying azure-core client (what LRO pollers poll with)."""
        return self._client

    def build_request(
        self,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, Any] = _NO_VALUES,
        skip_encoding: Collection[str] = (),
        query: Mapping[str, Any] = _NO_VALUES,
        headers: Mapping[str, Any] = _NO_VALUES,
        json: Any = None,
        files: Mapping[str, Any] | None = None,
        data: Mapping[str, Any] | None = None,
        content: Any = None,
        send_api_version: bool = True,
        anonymous: bool = False,
    ) -> HttpRequest:
        """An ``HttpRequest`` for ``path`` (relative to the base URL, or an absolute next link).

        Path parameters are URL-encoded unless named in ``skip_encoding``; ``None`` query and
        header values are dropped; the API version is added unless the URL already has it;
        ``json`` is serialized with wire names; ``files``/``data`` make a multipart body.
        """
        request = make_request(
            self.config,
            self._base_url,
            self.api_version,
            method,
            path,
            path_params=path_params,
            skip_encoding=skip_encoding,
            query=query,
            headers=headers,
            json=json,
            files=files,
            data=data,
            content=content,
            send_api_version=send_api_version,
        )
        return mark_anonymous(request) if anonymous else request

    def call(
        self,
        request: HttpRequest,
        *,
        responses: Mapping[int, Any],
        response_headers: Mapping[str, Any] = _NO_VALUES,
        errors: Mapping[Any, Any] = _NO_VALUES,
        head: bool = False,
        **kwargs: Any,
    ) -> Any:
        """Runs ``request`` and returns the operation's result (see :mod:`.responses`).

        :param responses: each declared success status -> its body type (None: no body).
        :param response_headers: declared response headers, wire name -> type.
        :param errors: status or ``"default"`` -> error model of a failure.
        :param head: a ``HEAD`` operation: without a body its result is whether it found it.
        :param kwargs: per-call options (``timeout``, ``headers``, ``request_id`` or
            ``client_request_id``, ``raw_response_hook``, ``cls``, ``logging_enable``, ...).
        """
        hook = call_options(kwargs)
        if kwargs.pop("stream", False):
            return self._streamed(
                request, responses, errors, response_headers, hook, iter_bytes, kwargs
            )
        pipeline_response = self._run(request, stream=False, **kwargs)
        response = pipeline_response.http_response
        if response.status_code not in responses:
            raise_for_status(response, errors)
        return read_result(
            pipeline_response,
            responses=responses,
            headers=response_headers,
            cls=hook,
            head=head,
        )

    def download(
        self,
        request: HttpRequest,
        *,
        expected: Collection[int],
        errors: Mapping[Any, Any] = _NO_VALUES,
        response_headers: Mapping[str, Any] = _NO_VALUES,
        **kwargs: Any,
    ) -> Any:
        """Runs a request whose success body is a byte stream: its chunks, unread.

        ``cls`` receives ``(pipeline_response, chunks, response_headers)``; ``stream`` is
        accepted and ignored (a download always streams).
        """
        hook = call_options(kwargs)
        kwargs.pop("stream", None)
        return self._streamed(request, expected, errors, response_headers, hook, iter_bytes, kwargs)

    def events(
        self,
        request: HttpRequest,
        *,
        expected: Collection[int],
        parse: Callable[[str], Any],
        terminator: str,
        errors: Mapping[Any, Any] = _NO_VALUES,
        response_headers: Mapping[str, Any] = _NO_VALUES,
        **kwargs: Any,
    ) -> Any:
        """Runs a request answered with server-sent events: ``parse(data)`` of each event.

        ``cls`` receives ``(pipeline_response, events, response_headers)``; an ``event: error``
        frame raises with the error model ``errors`` declares for the response's status.
        """
        hook = call_options(kwargs)
        kwargs.pop("stream", None)

        def wrap(response: HttpResponse) -> Any:
            model = error_model_for(errors, response.status_code)
            return iter_events(response, parse, terminator=terminator, error_model=model)

        return self._streamed(request, expected, errors, response_headers, hook, wrap, kwargs)

    def _streamed(
        self,
        request: HttpRequest,
        expected: Collection[int],
        errors: Mapping[Any, Any],
        headers: Mapping[str, Any],
        hook: Any,
        wrap: Callable[[HttpResponse], Any],
        kwargs: dict[str, Any],
    ) -> Any:
        """The success body of ``request`` as ``wrap(response)``, unread; errors read and raised."""
        pipeline_response = self._run(request, stream=True, **kwargs)
        response = pipeline_response.http_response
        if response.status_code not in expected:
            response.read()
            raise_for_status(response, errors)
        return with_hook(hook, pipeline_response, wrap(response), headers)

    def send(
        self,
        request: HttpRequest,
        *,
        expected: Collection[int],
        error_model: Any = None,
        stream: bool = False,
        **kwargs: Any,
    ) -> HttpResponse:
        """Runs ``request`` through the pipeline; a status outside ``expected`` raises.

        ``kwargs`` are the per-call options (``timeout``, ``headers``, ``request_id``,
        ``raw_response_hook``, ``logging_enable``, ...).  The raised error is the azure-core
        error for the status (``ResourceNotFoundError`` for 404, ...) with ``error.model`` set to
        the body parsed as ``error_model`` (None when it does not parse).
        """
        call_options(kwargs)
        response = self._run(request, stream=stream, **kwargs).http_response
        if response.status_code not in expected:
            response.read()
            raise_for_status(response, error_model)
        return response

    def send_raw(
        self,
        request: HttpRequest,
        *,
        expected: Collection[int] | None = None,
        error_model: Any = None,
        **kwargs: Any,
    ) -> PipelineResponse[HttpRequest, HttpResponse]:
        """Runs ``request`` and returns the whole ``PipelineResponse`` (for LRO initial calls).

        With ``expected`` given, a status outside it raises as in :meth:`send`; ``error_model``
        may be one type or a status -> type mapping as in :meth:`call`.
        """
        call_options(kwargs)
        pipeline_response = self._run(request, stream=False, **kwargs)
        if expected is not None and pipeline_response.http_response.status_code not in expected:
            raise_for_status(pipeline_response.http_response, error_model)
        return pipeline_response

    def _run(
        self, request: HttpRequest, *, stream: bool, **kwargs: Any
    ) -> PipelineResponse[HttpRequest, HttpResponse]:
        pipeline_response: PipelineResponse[HttpRequest, HttpResponse] = self._client._pipeline.run(
            request, stream=stream, **kwargs
        )
        return pipeline_response

    def close(self) -> None:
        """Closes the transport's connections."""
        self._client.close()

    def __enter__(self) -> Self:
        self._client.__enter__()
        return self

    def __exit__(self, *exc_details: Any) -> None:
        self._client.__exit__(*exc_details)


def _wrap(policy: Any) -> Any:
    """The authentication policy, skipped for anonymous operations (None stays None)."""
    return None if policy is None else SkipWhenAnonymous(policy)


def _authentication_policy(
    config: ServiceConfig, credential: object, kwargs: Mapping[str, Any]
) -> Any:
    """The credential policy for ``credential``'s kind, or TypeError if the service refuses it."""
    if credential is None and not accepts_credential(config):
        return None
    policy = key_or_basic_policy(config, credential, kwargs)
    if policy is not None:
        return policy
    get_token = getattr(credential, "get_token", None)
    if get_token is not None:
        if inspect.iscoroutinefunction(get_token):
            reject_credential(
                config, credential, " (an async credential; use it with the aio client)"
            )
        require_scopes(config)
        if not config.scopes:
            reject_credential(config, credential, " (this service takes no bearer token)")
        return BearerTokenCredentialPolicy(credential, *config.scopes, **kwargs)  # type: ignore[arg-type]
    reject_credential(config, credential)
