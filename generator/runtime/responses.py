"""Reading an operation's response: status check, typed body, typed headers and ``cls``.

Generated code describes each operation's responses as data (status -> body type, header name
-> type, status or ``"default"`` -> error model) and this module does the rest, once for the sync
and the async client:

* a status the spec does not declare as a success raises the azure-core error for it with
  ``error.model`` set to the error model declared for that status (else ``default``);
* the body is validated as the type declared for the status it came with; a body that cannot
  be read as that type raises ``DecodeError`` (an ``HttpResponseError``) with the response
  attached, while unknown fields are kept on the model and never fail a call;
* a status whose body the spec fixes to one value (:class:`Constant`) answers with that value;
* declared response headers are converted to their types (``response_headers``, keyed by the
  header's wire name), returned as the result of an operation that has no body; a header
  collection (``x-ms-header-collection-prefix``) is the dict of every header with its prefix;
* a ``HEAD`` operation without a body answers whether the resource exists (404 -> False when the
  spec declares it);
* ``cls`` -- Azure's per-call result hook -- receives
  ``(pipeline_response, deserialized, response_headers)`` and its return value is the result;
  for a download or an event stream ``deserialized`` is the iterator the call returns, and a
  paged operation calls ``cls(items_of_one_page)`` for each page, as Azure's generated code does;
* ``stream=True`` on an operation with a JSON body returns the body unread, as an iterator of
  bytes (the status is still checked);
* keywords that belong to another kind of operation (``polling_interval`` on a call that does
  not poll, ``continuation_token`` on one that neither pages nor polls) raise ``TypeError``
  instead of reaching the transport, which would fail with a less helpful message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NoReturn

from azure.core.exceptions import DecodeError
from azure.core.pipeline import PipelineResponse
from pydantic import ValidationError

from ._pipeline import parse_error_model, raise_status_error
from .header_collections import HeaderCollection
from .serde import deserialize, type_adapter

__all__ = [
    "NO_BODY",
    "Constant",
    "ResponseHook",
    "call_options",
    "deserialize_response",
    "error_model_for",
    "raise_for_status",
    "read_result",
    "response_headers",
    "with_hook",
]

#: Marks a declared success status that carries no body (``responses={204: NO_BODY}``).
NO_BODY: Any = None


@dataclass(frozen=True)
class Constant:
    """A response body the spec fixes to one value: an enum of one member that admits no other.

    The status alone carries the answer, so the result is ``value`` read as ``type`` and the body
    is not read: servers often send none, or their framework's default text (as for an
    ``OPTIONS`` request), and parsing it could only fail a call whose result is already known.
    """

    type: Any
    value: Any

    def result(self) -> Any:
        """The constant as its declared type (an enum member, a bool, ...)."""
        return type_adapter(self.type).validate_python(self.value)


ResponseHook = Callable[[PipelineResponse[Any, Any], Any, dict[str, Any]], Any]
"""``cls(pipeline_response, deserialized, response_headers)``: Azure's per-call result hook."""


#: Per-call keywords of long-running and paged operations, which the caller takes out first.
_OTHER_KINDS = {
    "polling": "long-running (begin_*) operations",
    "polling_interval": "long-running (begin_*) operations",
    "continuation_token": "paged and long-running (begin_*) operations",
}


def call_options(kwargs: dict[str, Any]) -> ResponseHook | None:
    """Takes the per-call keywords the pipeline does not know out of ``kwargs``.

    ``cls`` is returned (the caller applies it to the result); ``client_request_id`` -- the
    Azure guidelines' name -- becomes azure-core's ``request_id``.  A keyword of another kind
    of operation (see ``_OTHER_KINDS``) raises ``TypeError``.
    """
    for name, kinds in _OTHER_KINDS.items():
        if name in kwargs:
            raise TypeError(f"{name}= applies only to {kinds}")
    hook: ResponseHook | None = kwargs.pop("cls", None)
    if "client_request_id" in kwargs:
        kwargs.setdefault("request_id", kwargs.pop("client_request_id"))
    return hook


def with_hook(
    hook: ResponseHook | None,
    pipeline_response: PipelineResponse[Any, Any],
    result: Any,
    headers: Mapping[str, Any],
) -> Any:
    """``result``, or what ``cls`` makes of it with the declared response headers."""
    if hook is None:
        return result
    return hook(
        pipeline_response, result, response_headers(pipeline_response.http_response, headers)
    )


def error_model_for(errors: Mapping[Any, Any] | Any, status: int) -> Any:
    """The error model declared for ``status``, else the ``default`` one, else None.

    ``errors`` may also be a single model type (every failure has that body).
    """
    if not isinstance(errors, Mapping):
        return errors
    if status in errors:
        return errors[status]
    return errors.get("default")


def raise_for_status(response: Any, errors: Mapping[Any, Any] | Any) -> NoReturn:
    """Raises the azure-core error for ``response`` (body already read), typed model attached."""
    model = parse_error_model(error_model_for(errors, response.status_code), response.content)
    raise_status_error(response, model)


def deserialize_response(tp: Any, response: Any) -> Any:
    """The response body validated as ``tp``; ``DecodeError`` (response attached) if it is not.

    An empty body gives None.  Fields the type does not declare never fail validation.
    """
    if tp is None:
        return None
    if isinstance(tp, Constant):
        return tp.result()
    body = response.content
    if body.strip() == b"null":
        return None  # the service says "no value" (the result type admits None for this)
    try:
        return deserialize(tp, body)
    except (ValidationError, ValueError) as error:
        raise DecodeError(
            message=f"The response body could not be read as {_type_name(tp)}: {error}",
            response=response,
            error=error,
        ) from error


def _type_name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or str(tp)


def response_headers(response: Any, headers: Mapping[str, Any]) -> dict[str, Any]:
    """The declared headers present in ``response``, converted to their declared types.

    Keys are the wire names as the spec declares them.  A value that does not convert raises
    ``DecodeError`` with the response attached.
    """
    found: dict[str, Any] = {}
    for name, tp in headers.items():
        if isinstance(tp, HeaderCollection):
            collected = tp.read(response.headers)
            if collected:
                found[name] = collected
            continue
        text = response.headers.get(name)
        if text is None:
            continue
        if not text and tp is not str:
            found[name] = None  # an empty value of a typed header: no value
            continue
        try:
            found[name] = type_adapter(tp).validate_python(text)
        except (ValidationError, ValueError) as error:
            raise DecodeError(
                message=f"Response header {name!r} could not be read as {_type_name(tp)}",
                response=response,
                error=error,
            ) from error
    return found


def read_result(
    pipeline_response: PipelineResponse[Any, Any],
    *,
    responses: Mapping[int, Any],
    headers: Mapping[str, Any],
    cls: ResponseHook | None,
    head: bool = False,
) -> Any:
    """The operation's result for a response whose status is declared (body already read)."""
    response = pipeline_response.http_response
    tp = responses.get(response.status_code)
    deserialized = deserialize_response(tp, response)
    values = response_headers(response, headers) if headers or cls else {}
    if cls is not None:
        return cls(pipeline_response, deserialized, values)
    if head and all(body is None for body in responses.values()):
        return 200 <= response.status_code < 300
    if deserialized is None and all(body is None for body in responses.values()) and headers:
        return values
    return deserialized
