"""Operations whose spec says ``security: []`` are sent without the client's credential.

The operation marks its request (:func:`mark_anonymous`); the client's authentication policy is
wrapped so that a marked request skips it, whatever kind of credential policy it is.
"""

from __future__ import annotations

from typing import Any

from azure.core.pipeline import PipelineRequest, PipelineResponse
from azure.core.pipeline.policies import AsyncHTTPPolicy, HTTPPolicy, SansIOHTTPPolicy
from azure.core.rest import HttpRequest

__all__ = ["AsyncSkipWhenAnonymous", "SkipWhenAnonymous", "is_anonymous", "mark_anonymous"]

_MARK = "_azpygen_anonymous"


def mark_anonymous(request: HttpRequest) -> HttpRequest:
    """Mark ``request`` as one the service accepts without credentials."""
    setattr(request, _MARK, True)
    return request


def is_anonymous(request: PipelineRequest[Any]) -> bool:
    """Whether the request was marked by :func:`mark_anonymous`."""
    return bool(getattr(request.http_request, _MARK, False))


class SkipWhenAnonymous(HTTPPolicy[Any, Any]):
    """Runs the wrapped authentication policy except for anonymous requests."""

    def __init__(self, policy: Any) -> None:
        super().__init__()
        self._policy = policy

    def send(self, request: PipelineRequest[Any]) -> PipelineResponse[Any, Any]:
        if is_anonymous(request):
            return self.next.send(request)
        if isinstance(self._policy, SansIOHTTPPolicy):
            self._policy.on_request(request)
            response = self.next.send(request)
            self._policy.on_response(request, response)
            return response
        self._policy.next = self.next
        result: PipelineResponse[Any, Any] = self._policy.send(request)
        return result


class AsyncSkipWhenAnonymous(AsyncHTTPPolicy[Any, Any]):
    """The async twin of :class:`SkipWhenAnonymous`."""

    def __init__(self, policy: Any) -> None:
        super().__init__()
        self._policy = policy

    async def send(self, request: PipelineRequest[Any]) -> PipelineResponse[Any, Any]:
        if is_anonymous(request):
            return await self.next.send(request)
        if isinstance(self._policy, SansIOHTTPPolicy):
            self._policy.on_request(request)
            response = await self.next.send(request)
            self._policy.on_response(request, response)
            return response
        self._policy.next = self.next
        result: PipelineResponse[Any, Any] = await self._policy.send(request)
        return result
