"""Fixtures of the runtime tests: the fake service, started once and stopped by its handle."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from runtime_fake_server import FakeServer
from runtime_scripted_server import ScriptedServer


@pytest.fixture(scope="session")
def fake_server() -> Iterator[FakeServer]:
    server = FakeServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture()
def server(fake_server: FakeServer) -> FakeServer:
    """The running fake service with its per-test counters cleared."""
    fake_server.reset()
    return fake_server


@pytest.fixture(scope="session")
def _scripted_server() -> Iterator[ScriptedServer]:
    server = ScriptedServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture()
def scripted(_scripted_server: ScriptedServer) -> ScriptedServer:
    """The scripted service, with no scripts and no recorded requests."""
    _scripted_server.reset()
    return _scripted_server
