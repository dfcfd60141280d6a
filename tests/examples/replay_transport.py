"""An azure-core transport that answers from an example file instead of the network.

It is azure-core's own requests transport (sync, or asyncio over requests) with a requests
adapter mounted for every URL: the client's pipeline, multipart encoding and streaming run
unchanged, and the adapter records the prepared request (method, URL, headers, encoded body)
and answers with a canned response.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import requests
from azure.core.pipeline.transport import AsyncioRequestsTransport, RequestsTransport
from requests.adapters import HTTPAdapter
from urllib3.response import HTTPResponse


@dataclass(frozen=True)
class Canned:
    """A response to give: status, headers and body (JSON data, text, or None for no body)."""

    status: int
    headers: dict[str, str]
    body: Any

    def encoded(self) -> tuple[bytes, dict[str, str]]:
        headers = dict(self.headers)
        if self.body is None:
            return b"", headers
        if isinstance(self.body, str) and "json" not in headers.get("Content-Type", ""):
            headers.setdefault("Content-Type", "application/octet-stream")
            return self.body.encode(), headers
        headers["Content-Type"] = "application/json"
        return json.dumps(self.body).encode(), headers


class _Adapter(HTTPAdapter):
    def __init__(self, answer: Callable[[requests.PreparedRequest], Canned]) -> None:
        super().__init__()
        self.answer = answer
        self.sent: list[requests.PreparedRequest] = []

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        self.sent.append(request)
        canned = self.answer(request)
        content, headers = canned.encoded()
        raw = HTTPResponse(
            body=io.BytesIO(content),
            headers=headers,
            status=canned.status,
            preload_content=False,
            decode_content=False,
        )
        return self.build_response(request, raw)


def replay_transport(
    answer: Callable[[requests.PreparedRequest], Canned], *, asynchronous: bool = False
) -> tuple[Any, list[requests.PreparedRequest]]:
    """A transport answering every request with ``answer(request)``, and its request log.

    The async one is azure-core's asyncio transport over the same requests session.
    """
    adapter = _Adapter(answer)
    session = requests.Session()
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    kind = AsyncioRequestsTransport if asynchronous else RequestsTransport
    return kind(session=session, session_owner=False), adapter.sent
