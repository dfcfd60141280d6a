"""Fixtures for tests of generated code: the committed package, a package generated from the
inline spec into a temporary folder, and a tiny local HTTP service to call it against."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

import pytest
from gen_fake_service import FakeService, Handler
from gen_inline_spec import build_package, inline_spec

from generator.render.settings import PackageSettings

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
    settings = PackageSettings("sample-client", SAMPLE_NAMESPACE, "SampleClient", "Sample")
    return build_package(tmp_path_factory.mktemp("sample"), inline_spec(), settings)


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
