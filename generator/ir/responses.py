"""What an operation answers: declared responses, their bodies and headers.

Whether a response is a failure is decided here, once (:attr:`Response.is_error`), for the
renderer and the diff alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir.types import TypeRef


@dataclass(frozen=True, slots=True)
class ResponseHeader:
    """A header the service returns."""

    wire_name: str
    py_name: str
    type: TypeRef
    description: str = ""
    # x-ms-header-collection-prefix: every header with this prefix, as a dict keyed by the rest
    collection_prefix: str | None = None


@dataclass(frozen=True, slots=True)
class Response:
    """One declared response: a status code (or ``default``), its body and headers."""

    status: str  # "200", "204", "default"
    body: TypeRef | None  # None: no body; PrimitiveType(FILE/BINARY): a byte stream
    description: str = ""
    headers: tuple[ResponseHeader, ...] = ()
    error_response: bool | None = None  # x-ms-error-response, None when the spec does not say

    @property
    def is_error(self) -> bool:
        """Whether the response describes a failure.

        ``x-ms-error-response`` decides when present; otherwise ``default`` is the failure and
        every declared status code is an outcome the caller expects (as in AutoRest: a HEAD
        declaring 404 answers "does not exist", a 404 with its own model is a result).
        """
        if self.error_response is not None:
            return self.error_response
        return self.status == "default"
