"""A tiny HTTP service on 127.0.0.1 that generated clients are called against in tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

_NO_ROUTE = b'{"error": {"code": "NoRoute", "message": "no route"}}'


@dataclass
class Recorded:
    """One request the fake service received."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


Route = Callable[["Handler", Recorded], tuple[int, dict[str, str], bytes]]


@dataclass
class FakeService:
    """Routes ``(method, path without query)`` to handlers; records every request."""

    url: str = ""
    routes: dict[tuple[str, str], Route] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)

    def route(self, method: str, path: str, handler: Route) -> None:
        """Answer ``method path`` with ``handler(request) -> (status, headers, body)``."""
        self.routes[(method, path)] = handler

    def json(self, method: str, path: str, status: int, body: Any, **headers: str) -> None:
        """Answer ``method path`` with a fixed JSON body."""
        data = json.dumps(body).encode()
        self.route(
            method,
            path,
            lambda _h, _r: (status, {"Content-Type": "application/json", **headers}, data),
        )


class Handler(BaseHTTPRequestHandler):
    """Dispatches to the routes of the server's FakeService."""

    service: FakeService

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        recorded = Recorded(self.command, self.path, dict(self.headers.items()), body)
        self.service.requests.append(recorded)
        route = self.service.routes.get((self.command, self.path.split("?")[0]))
        if route is None:
            status, headers, payload = (
                404,
                {"Content-Type": "application/json"},
                b'{"error": {"code": "NoRoute", "message": "no route"}}',
            )
        else:
            status, headers, payload = route(self, recorded)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = _handle
