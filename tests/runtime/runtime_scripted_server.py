"""A scripted HTTP service on 127.0.0.1 for the wire-protocol tests (aiohttp, own thread).

Each test scripts the answers of a route -- ``server.script("PUT", "/x", reply(201, {...}),
reply(200, {...}))`` -- and the route gives them in order, repeating the last one.  Every request
is recorded (method, path with query, headers, body) for assertions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from runtime_fake_server import AppThread


@dataclass(frozen=True)
class Reply:
    """One scripted answer."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


def reply(status: int, body: Any = None, **headers: str) -> Reply:
    """A JSON answer (``body`` None: no body; ``bytes``: sent as is)."""
    names = {key.replace("_", "-"): value for key, value in headers.items()}
    if body is None:
        return Reply(status, b"", names)
    if isinstance(body, bytes):
        return Reply(status, body, names)
    names.setdefault("Content-Type", "application/json")
    return Reply(status, json.dumps(body).encode(), names)


@dataclass(frozen=True)
class Seen:
    """One recorded request."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class ScriptedServer(AppThread):
    """Runs the scripted app on an ephemeral port; ``url`` is its base URL."""

    def __init__(self) -> None:
        super().__init__()
        self.url = ""
        self.requests: list[Seen] = []
        self.body_sizes: list[int] = []
        self._scripts: dict[tuple[str, str], list[Reply]] = {}

    def script(self, method: str, path: str, *replies: Reply) -> None:
        """Answers of ``method path`` (path without query), in order, the last one repeated."""
        self._scripts[(method, path)] = list(replies)

    def reset(self) -> None:
        self._scripts.clear()
        self.requests.clear()
        self.body_sizes.clear()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if request.path == "/upload-sink":
            size = 0
            async for chunk in request.content.iter_any():
                size += len(chunk)
            self.body_sizes.append(size)
            return web.json_response({"size": size}, status=201)
        body = await request.read()
        self.requests.append(Seen(request.method, request.path_qs, dict(request.headers), body))
        replies = self._scripts.get((request.method, request.path))
        if not replies:
            return web.json_response({"error": {"code": "NoScript", "message": "none"}}, status=599)
        answer = replies.pop(0) if len(replies) > 1 else replies[0]
        return web.Response(status=answer.status, body=answer.body, headers=answer.headers)

    def start(self) -> None:
        app = web.Application(client_max_size=1024**4)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self.url = self.start_app(app)
