"""The asynchronous client core (``AsyncClientCore``), twin of :mod:`.client`.

Same names and behaviour as :class:`.client.ClientCore`, on ``AsyncPipelineClient``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Collection, Mapping
from typing import Any

from azure.core import AsyncPipelineClient
from azure.core.credentials import AzureKeyCredential
from azure.core.credentials_async import AsyncTokenCredential
from azure.core.pipeline import PipelineResponse
from azure.core.pipeline.policies import (
    AsyncBearerTokenCredentialPolicy,
    AsyncRedirectPolicy,
    AsyncRetryPolicy,
)
from azure.core.rest import AsyncHttpResponse, HttpRequest
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
from .anonymous import AsyncSkipWhenAnonymous, mark_anonymous
from .responses import call_options, error_model_for, raise_for_status, read_result, with_hook
from .sse import aiter_events
from .streaming import aiter_bytes

__all__ = ["AsyncClientCore"]

_NO_VALUES: Mapping[str, Any] = {}


class AsyncClientCore:
    """azure-core ``AsyncPipelineClient`` plus the conventions of generated async code.

    Parameters as :class:`.client.ClientCore`; the token credential is an
    ``AsyncTokenCredential`` (e.g. ``azure.identity.aio.DefaultAzureCredential``).
    """

    def __init__(
        self,
        endpoint: str | Mapping[str, str],
        credential: AzureKeyCredential | AsyncTokenCredential | None = None,
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
            redirect=AsyncRedirectPolicy(**kwargs),
            retry=AsyncRetryPolicy(**kwargs),
        )
        self._client: AsyncPipelineClient[HttpRequest, AsyncHttpResponse] = AsyncPipelineClient(
            self._base_url, policies=policies, **kwargs
        )

    @property
    def instrumentation_config(self) -> dict[str, str]:
        """The library name and version azure-core's tracing gives the spans it starts."""
        return self.config.instrumentation_config

    @property
    def pipeline_client(self) -> AsyncPipelineClient[HttpRequest, AsyncHttpResponse]:
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
        """Same as :meth:`.client.ClientCore.build_request` (not a coroutine)."""
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

    async def call(
        self,
        request: HttpRequest,
        *,
        responses: Mapping[int, Any],
        response_headers: Mapping[str, Any] = _NO_VALUES,
        errors: Mapping[Any, Any] = _NO_VALUES,
        head: bool = False,
        **kwargs: Any,
    ) -> Any:
        """Same as :meth:`.client.ClientCore.call`, awaited."""
        hook = call_options(kwargs)
        if kwargs.pop("stream", False):
            return await self._streamed(
                request, responses, errors, response_headers, hook, aiter_bytes, kwargs
            )
        pipeline_response = await self._run(request, stream=False, **kwargs)
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

    async def download(
        self,
        request: HttpRequest,
        *,
        expected: Collection[int],
        errors: Mapping[Any, Any] = _NO_VALUES,
        response_headers: Mapping[str, Any] = _NO_VALUES,
        **kwargs: Any,
    ) -> Any:
        """Same as :meth:`.client.ClientCore.download`, awaited."""
        hook = call_options(kwargs)
        kwargs.pop("stream", None)
        return await self._streamed(
            request, expected, errors, response_headers, hook, aiter_bytes, kwargs
        )

    async def events(
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
        """Same as :meth:`.client.ClientCore.events`, awaited."""
        hook = call_options(kwargs)
        kwargs.pop("stream", None)

        def wrap(response: AsyncHttpResponse) -> Any:
            model = error_model_for(errors, response.status_code)
            return aiter_events(response, parse, terminator=terminator, error_model=model)

        return await self._streamed(request, expected, errors, response_headers, hook, wrap, kwargs)

    async def _streamed(
        self,
        request: HttpRequest,
        expected: Collection[int],
        errors: Mapping[Any, Any],
        headers: Mapping[str, Any],
        hook: Any,
        wrap: Callable[[AsyncHttpResponse], Any],
        kwargs: dict[str, Any],
    ) -> Any:
        """Same as :meth:`.client.ClientCore._streamed`, awaited."""
        pipeline_response = await self._run(request, stream=True, **kwargs)
        response = pipeline_response.http_response
        if response.status_code not in expected:
            await response.read()
            raise_for_status(response, errors)
        return with_hook(hook, pipeline_response, wrap(response), headers)

    async def send(
        self,
        request: HttpRequest,
        *,
        expected: Collection[int],
        error_model: Any = None,
        stream: bool = False,
        **kwargs: Any,
    ) -> AsyncHttpResponse:
        """Same as :meth:`.client.ClientCore.send`, awaited."""
        call_options(kwargs)
        response = (await self._run(request, stream=stream, **kwargs)).http_response
        if response.status_code not in expected:
            await response.read()
            raise_for_status(response, error_model)
        return response

    async def send_raw(
        self,
        request: HttpRequest,
        *,
        expected: Collection[int] | None = None,
        error_model: Any = None,
        **kwargs: Any,
    ) -> PipelineResponse[HttpRequest, AsyncHttpResponse]:
        """Same as :meth:`.client.ClientCore.send_raw`, awaited."""
        call_options(kwargs)
        pipeline_response = await self._run(request, stream=False, **kwargs)
        if expected is not None and pipeline_response.http_response.status_code not in expected:
            raise_for_status(pipeline_response.http_response, error_model)
        return pipeline_response

    async def _run(
        self, request: HttpRequest, *, stream: bool, **kwargs: Any
    ) -> PipelineResponse[HttpRequest, AsyncHttpResponse]:
        pipeline_response: PipelineResponse[HttpRequest, AsyncHttpResponse] = (
            await self._client._pipeline.run(request, stream=stream, **kwargs)
        )
        return pipeline_response

    async def close(self) -> None:
        """Closes the transport's connections."""
        await self._client.close()

    async def __aenter__(self) -> Self:
        await self._client.__aenter__()
        return self

    async def __aexit__(self, *exc_details: Any) -> None:
        await self._client.__aexit__(*exc_details)


def _wrap(policy: Any) -> Any:
    """The authentication policy, skipped for anonymous operations (None stays None)."""
    return None if policy is None else AsyncSkipWhenAnonymous(policy)


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
        require_scopes(config)
        if not config.scopes:
            reject_credential(config, credential, " (this service takes no bearer token)")
        if not inspect.iscoroutinefunction(get_token):
            reject_credential(
                config, credential, " (a synchronous credential; use an azure.identity.aio one)"
            )
        return AsyncBearerTokenCredentialPolicy(credential, *config.scopes, **kwargs)  # type: ignore[arg-type]
    reject_credential(config, credential)
