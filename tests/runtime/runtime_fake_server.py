"""A fake service on 127.0.0.1 for the runtime tests (aiohttp in a background thread).

Every route checks the credential (``api-key: secret-key`` or ``Authorization: Bearer
fake-token``) and the ``api-version`` query parameter, so each test also proves those.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import BodyPartReader, web

API_KEY = "secret-key"
TOKEN = "fake-token"
JOBS = [
    {
        "id": f"job-{index}",
        "status": ["running", "SUCCEEDED", "paused_by_ops"][index % 3],
        "created_at": 1_700_000_000 + index,
        "hyperparameters": {"n_epochs": index, "learning_rate_multiplier": 0.5},
        "extra_field": {"kept": index},
    }
    for index in range(1, 6)
]
DOWNLOAD = bytes(range(256)) * 512  # 128 KiB, several chunks
SSE_BODY = (
    b"\xef\xbb\xbf: a comment line\r\n"
    b'data: {"id": "e1", "message": "one"}\r\n\r\n'
    b"event: progress\n"
    b'data: {"id": "e2",\n'
    b'data:  "message": "two\\nlines"}\n'
    b"\n"
    b'id: 3\rdata: {"id": "e3", "message": "three"}\r\r'
    b"data: [DONE]\n\n"
    b'data: {"id": "after", "message": "never parsed"}\n\n'
)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class ServerState:
    """What the server saw, for assertions."""

    base_url: str = ""
    hits: Counter[str] = field(default_factory=Counter)
    headers: list[dict[str, str]] = field(default_factory=list)
    polls: int = 0


def _error(status: int, code: str, message: str, **headers: str) -> web.Response:
    body = {"error": {"code": code, "message": message, "innererror": {"code": "Inner"}}}
    return web.json_response(body, status=status, headers=headers)


def build_app(state: ServerState) -> web.Application:
    @web.middleware
    async def check_auth(request: web.Request, handler: Handler) -> web.StreamResponse:
        state.headers.append(dict(request.headers))
        authorized = request.headers.get("api-key") == API_KEY or request.headers.get(
            "Authorization"
        ) == (f"Bearer {TOKEN}")
        if not authorized:
            return _error(401, "Unauthorized", "bad credential")
        if request.query.get("api-version") != "2024-01-01-test":
            return _error(400, "BadVersion", f"api-version {request.query.get('api-version')}")
        return await handler(request)

    async def list_jobs(request: web.Request) -> web.Response:
        after = request.query.get("after")
        limit = int(request.query.get("limit", "2"))
        start = 0 if after is None else [job["id"] for job in JOBS].index(after) + 1
        page = JOBS[start : start + limit]
        return web.json_response(
            {"object": "list", "data": page, "has_more": start + limit < len(JOBS)}
        )

    async def get_job(request: web.Request) -> web.Response:
        job_id = request.match_info["job_id"]
        if job_id == "flaky":
            state.hits["flaky"] += 1
            if state.hits["flaky"] == 1:
                return _error(429, "TooMany", "slow down", **{"Retry-After": "0.05"})
            return web.json_response(JOBS[0])
        if job_id == "broken":
            state.hits["broken"] += 1
            return _error(503, "Unavailable", "down", **{"Retry-After": "0"})
        for job in JOBS:
            if job["id"] == job_id:
                return web.json_response(job)
        if job_id == "conflict":
            return web.Response(status=409, text="not json at all")
        return _error(404, "NotFound", f"job {job_id} does not exist")

    async def list_items(request: web.Request) -> web.Response:
        page = int(request.query.get("page", "1"))
        names = {1: ["a", "b"], 2: ["c"], 3: ["d", "e"]}[page]
        body: dict[str, Any] = {"value": [{"name": name} for name in names]}
        if page < 3:
            version = request.query["api-version"]
            body["nextLink"] = (
                f"{state.base_url}/openai/items?page={page + 1}&api-version={version}"
            )
        return web.json_response(body)

    async def submit(request: web.Request) -> web.Response:
        body = await request.json()
        operation = "op-fail" if body["prompt"] == "forbidden" else "op-1"
        location = (
            f"{state.base_url}/openai/operations/images/{operation}?api-version=2024-01-01-test"
        )
        return web.json_response(
            {"id": operation, "status": "notRunning", "prompt": body["prompt"]},
            status=202,
            headers={"operation-location": location, "retry-after": "0"},
        )

    async def poll(request: web.Request) -> web.Response:
        if request.match_info["operation"] == "op-fail":
            return web.json_response(
                {
                    "id": "op-fail",
                    "status": "failed",
                    "error": {"code": "contentFilter", "message": "the prompt was filtered"},
                }
            )
        state.polls += 1
        if state.polls % 2 == 1:
            return web.json_response(
                {"id": "op-1", "status": "running"}, headers={"retry-after": "0.05"}
            )
        return web.json_response(
            {
                "id": "op-1",
                "status": "succeeded",
                "created": 1_700_000_000,
                "expires": 1_700_086_400,
                "result": {
                    "created": 1_700_000_000,
                    "data": [{"url": "https://img/1.png"}, {"url": "https://img/2.png"}],
                },
            }
        )

    async def events(request: web.Request) -> web.StreamResponse:
        assert request.query.get("stream") == "true"
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        for start in range(0, len(SSE_BODY), 7):  # small chunks split lines and CRLFs
            await response.write(SSE_BODY[start : start + 7])
        await response.write_eof()
        return response

    async def upload(request: web.Request) -> web.Response:
        reader = await request.multipart()
        fields: dict[str, Any] = {}
        while (part := await reader.next()) is not None:
            assert isinstance(part, BodyPartReader)
            content = await part.read()
            fields[part.name or ""] = (part.filename, part.headers.get("Content-Type"), content)
        filename, content_type, content = fields.get("file", (None, None, b""))
        if not filename or not content_type:
            return _error(400, "InvalidFile", "the file part needs a filename and a content type")
        purpose = fields["purpose"][2].decode()
        return web.json_response(
            {
                "id": "file-1",
                "filename": filename,
                "content_type": content_type,
                "bytes": len(content),
                "purpose": purpose,
            },
            status=201,
        )

    async def download(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/octet-stream"})
        await response.prepare(request)
        for start in range(0, len(DOWNLOAD), 16384):
            await response.write(DOWNLOAD[start : start + 16384])
        await response.write_eof()
        return response

    async def echo(request: web.Request) -> web.Response:
        return web.json_response(
            {
                "raw_path": request.raw_path,
                "query": sorted(request.query.items()),
                "headers": dict(request.headers),
            }
        )

    app = web.Application(middlewares=[check_auth])
    app.router.add_get("/openai/jobs", list_jobs)
    app.router.add_get("/openai/jobs/{job_id}", get_job)
    app.router.add_get("/openai/jobs/{job_id}/events", events)
    app.router.add_get("/openai/items", list_items)
    app.router.add_post("/openai/images/generations:submit", submit)
    app.router.add_get("/openai/operations/images/{operation}", poll)
    app.router.add_post("/openai/files", upload)
    app.router.add_get("/openai/files/{file_id}/content", download)
    app.router.add_get("/openai/echo/{tail:.*}", echo)
    return app


class AppThread:
    """Runs an aiohttp app on an ephemeral 127.0.0.1 port in its own thread and event loop."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._runner: web.AppRunner | None = None

    def start_app(self, app: web.Application) -> str:
        """Starts ``app``; returns its base URL."""
        self._thread.start()
        port = asyncio.run_coroutine_threadsafe(self._start(app), self._loop).result(timeout=10)
        return f"http://127.0.0.1:{port}"

    async def _start(self, app: web.Application) -> int:
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        port: int = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return port

    def stop(self) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()


class FakeServer(AppThread):
    """The fake service's app, run by :class:`AppThread`."""

    def __init__(self) -> None:
        super().__init__()
        self.state = ServerState()

    def start(self) -> str:
        self.state.base_url = self.start_app(build_app(self.state))
        return self.state.base_url

    def reset(self) -> None:
        self.state.hits.clear()
        self.state.headers.clear()
        self.state.polls = 0
