"""Tracing: one span per public method named ``<package>/<group>.<method>``, its HTTP spans
beneath it, all with the distribution's name and version as instrumentation scope, sync and
async (azure-core's native OpenTelemetry tracing, read with the OpenTelemetry SDK)."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from azure.core.credentials import AzureKeyCredential
from azure.core.settings import settings
from gen_fake_service import FakeService
from gen_inline_spec import build_package
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from generator.render.package import PackageSettings

KEY = AzureKeyCredential("secret-key")
_EXPORTER = InMemorySpanExporter()


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    """Finished spans of the test, with azure-core's tracing switched on for it alone."""
    if not isinstance(trace.get_tracer_provider(), TracerProvider):
        provider = TracerProvider()
        provider.add_span_processor(SimpleSpanProcessor(_EXPORTER))
        trace.set_tracer_provider(provider)
    _EXPORTER.clear()
    settings.tracing_enabled.set_value(True)
    try:
        yield _EXPORTER
    finally:
        settings.tracing_enabled.unset_value()


def _client(package: ModuleType, service: FakeService, aio: bool = False) -> Any:
    module = importlib.import_module(f"{package.__name__}.aio") if aio else package
    return module.SampleClient(service.url, KEY, retry_total=0)


def _library(package: ModuleType) -> tuple[str, str]:
    root = package.__name__.split(".")[0]
    version = importlib.import_module(f"{root}._version").VERSION
    return "sample-client", version


def _check(
    package: ModuleType, finished: tuple[ReadableSpan, ...], method: str, requests: int
) -> None:
    namespace = package.__name__.split(".")[0]
    (outer,) = [s for s in finished if s.kind is SpanKind.INTERNAL]
    assert outer.name == f"{namespace}/{method}"
    http = [s for s in finished if s.kind is SpanKind.CLIENT]
    assert len(http) == requests
    assert all(s.parent is not None and s.parent.span_id == outer.context.span_id for s in http)
    for span in (outer, *http):
        scope = span.instrumentation_scope
        assert scope is not None and (scope.name, scope.version) == _library(package)


def test_each_method_is_one_span_over_its_requests(
    sample_package: ModuleType, fake_service: FakeService, spans: InMemorySpanExporter
) -> None:
    fake_service.json("GET", "/sample/jobs/a", 200, {"id": "a", "status": "running"})
    with _client(sample_package, fake_service) as client:
        client.jobs.get("a")
    _check(sample_package, spans.get_finished_spans(), "jobs.get", 1)


def test_a_paged_method_span_names_the_method(
    sample_package: ModuleType, fake_service: FakeService, spans: InMemorySpanExporter
) -> None:
    fake_service.json("GET", "/sample/models", 200, {"data": [{"message": "m"}]})
    with _client(sample_package, fake_service) as client:
        pages = client.models.list()
        _check(sample_package, spans.get_finished_spans(), "models.list", 0)
        assert [m.message for m in pages] == ["m"]
    http = [s for s in spans.get_finished_spans() if s.kind is SpanKind.CLIENT]
    assert len(http) == 1 and http[0].instrumentation_scope is not None
    assert http[0].instrumentation_scope.name == "sample-client"


async def test_async_method_span(
    sample_package: ModuleType, fake_service: FakeService, spans: InMemorySpanExporter
) -> None:
    fake_service.json("GET", "/sample/jobs/a", 200, {"id": "a", "status": "running"})
    async with _client(sample_package, fake_service, aio=True) as client:
        await client.jobs.get("a")
    _check(sample_package, spans.get_finished_spans(), "jobs.get", 1)


def test_no_span_without_tracing_enabled(
    sample_package: ModuleType, fake_service: FakeService, spans: InMemorySpanExporter
) -> None:
    settings.tracing_enabled.set_value(False)
    fake_service.json("GET", "/sample/jobs/a", 200, {"id": "a", "status": "running"})
    with _client(sample_package, fake_service) as client:
        client.jobs.get("a")
    assert spans.get_finished_spans() == ()


def _ungrouped_spec() -> dict[str, Any]:
    """One operation without a group: a method of the client itself."""
    endpoint = {
        "in": "path",
        "name": "endpoint",
        "required": True,
        "type": "string",
        "x-ms-skip-url-encoding": True,
        "x-ms-parameter-location": "client",
    }
    return {
        "swagger": "2.0",
        "info": {"title": "Tiny", "version": "2024-01-01"},
        "x-ms-parameterized-host": {
            "hostTemplate": "{endpoint}",
            "useSchemePrefix": False,
            "parameters": [endpoint],
        },
        "paths": {
            "/status": {
                "get": {
                    "operationId": "GetStatus",
                    "responses": {"200": {"description": "OK", "schema": {"type": "string"}}},
                }
            }
        },
    }


def test_a_method_of_the_client_itself_is_named_without_a_group(
    tmp_path: Path, fake_service: FakeService, spans: InMemorySpanExporter
) -> None:
    settings = PackageSettings("tiny-traced", "tiny_traced", "TinyClient", "Tiny", "1.2.3")
    package = build_package(tmp_path, _ungrouped_spec(), settings)
    fake_service.json("GET", "/status", 200, "up")
    with package.TinyClient(fake_service.url, retry_total=0) as client:
        assert client.get_status() == "up"
    finished = spans.get_finished_spans()
    assert {(s.name, s.kind) for s in finished} == {
        ("tiny_traced/get_status", SpanKind.INTERNAL),
        ("GET", SpanKind.CLIENT),
    }
    for span in finished:
        scope = span.instrumentation_scope
        assert scope is not None and (scope.name, scope.version) == ("tiny-traced", "1.2.3")
