"""Fixtures for tests of generated code: the committed package, a package generated from the
inline spec into a temporary folder, and a tiny local HTTP service to call it against."""

from __future__ import annotations

import importlib
import json
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.pipeline import compile_spec
from generator.render.package import (
    PackageSettings,
    VersionInput,
    render_distribution,
    runtime_files,
)
from generator.write import write_tree
from gen_inline_spec import inline_spec

REPO = Path(__file__).resolve().parents[2]
COMMITTED = REPO / "generated" / "azure-ai-openai-authoring"
SAMPLE_NAMESPACE = "sample_client"

# Importing generated code must not leave __pycache__ folders in the repository.
sys.dont_write_bytecode = True


@pytest.fixture(scope="session")
def committed_distribution() -> Path:
    """The committed distribution folder, importable for the session."""
    if str(COMMITTED) not in sys.path:
        sys.path.insert(0, str(COMMITTED))
    return COMMITTED


@pytest.fixture(scope="session")
def sample_package(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """The version package generated from the inline spec (``sample_client.v2024_01_01``)."""
    root = tmp_path_factory.mktemp("sample")
    spec_path = root / "sample.json"
    spec_path.write_text(json.dumps(inline_spec()), encoding="utf-8")
    spec, diagnostics = compile_spec(spec_path)
    assert spec is not None, [d.render() for d in diagnostics]
    settings = PackageSettings("sample-client", SAMPLE_NAMESPACE, "SampleClient", "Sample")
    files = render_distribution(
        settings, [VersionInput("v2024_01_01", "sample.json", spec)], runtime_files()
    )
    write_tree(root / "out", files)
    sys.path.insert(0, str(root / "out" / "sample-client"))
    return importlib.import_module(f"{SAMPLE_NAMESPACE}.v2024_01_01")


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

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base signature
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


@pytest.fixture
def fake_service() -> Iterator[FakeService]:
    """A FakeService listening on 127.0.0.1, shut down after the test."""
    service = FakeService()
    handler = type("BoundHandler", (Handler,), {"service": service})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    service.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield service
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
