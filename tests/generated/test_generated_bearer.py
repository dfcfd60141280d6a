"""An OpenAPI 3 ``http`` bearer scheme gives a client that takes a ``TokenCredential`` and sends
``Authorization: Bearer <token>``; the scopes come from the settings or ``credential_scopes=``."""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from azure.core.credentials import AccessToken, AzureKeyCredential
from gen_fake_service import FakeService

from generator.commands.type_check import check_packages
from generator.pipeline import compile_spec
from generator.render.package import (
    PackageSettings,
    VersionInput,
    render_distribution,
    runtime_files,
)
from generator.write import write_tree

SCOPE = "https://widgets.example/.default"

DOCUMENT: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Widgets", "version": "2024-05-01"},
    "servers": [
        {
            "url": "{endpoint}/widgets",
            "variables": {
                "endpoint": {
                    "default": "",
                    "x-ms-parameter-location": "client",
                    "x-ms-skip-url-encoding": True,
                }
            },
        }
    ],
    "security": [{"token": []}],
    "components": {"securitySchemes": {"token": {"type": "http", "scheme": "bearer"}}},
    "paths": {
        "/items/{name}": {
            "get": {
                "operationId": "Items_Get",
                "parameters": [
                    {"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {
                        "description": "OK",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"name": {"type": "string"}},
                                }
                            }
                        },
                    }
                },
            }
        }
    },
}


class FakeToken:
    """A ``TokenCredential`` that records the scopes it was asked for."""

    def __init__(self) -> None:
        self.scopes: list[tuple[str, ...]] = []

    def get_token(self, *scopes: str, **kwargs: object) -> AccessToken:
        self.scopes.append(scopes)
        return AccessToken("fake-token", 2**31)


def _generate(root: Path, namespace: str, scopes: tuple[str, ...]) -> tuple[ModuleType, Path]:
    spec_path = root / "widgets.json"
    spec_path.write_text(json.dumps(DOCUMENT), encoding="utf-8")
    spec, diagnostics = compile_spec(spec_path)
    assert spec is not None, [d.render() for d in diagnostics]
    distribution = namespace.replace("_", "-")
    settings = PackageSettings(
        distribution, namespace, "WidgetsClient", "Widgets", credential_scopes=scopes
    )
    files = render_distribution(
        settings, [VersionInput("v2024_05_01", "widgets.json", spec)], runtime_files()
    )
    write_tree(root / "out", files)
    sys.path.insert(0, str(root / "out" / distribution))
    return importlib.import_module(f"{namespace}.v2024_05_01"), root / "out" / distribution


@pytest.fixture(scope="module")
def unscoped(tmp_path_factory: pytest.TempPathFactory) -> tuple[ModuleType, Path]:
    """The package generated with no ``credential_scopes`` setting."""
    return _generate(tmp_path_factory.mktemp("bearer"), "bearer_widgets", ())


@pytest.fixture(scope="module")
def scoped(tmp_path_factory: pytest.TempPathFactory) -> tuple[ModuleType, Path]:
    """The package generated with ``credential_scopes`` set."""
    return _generate(tmp_path_factory.mktemp("bearer_scoped"), "bearer_scoped_widgets", (SCOPE,))


def _item(fake_service: FakeService) -> None:
    fake_service.json("GET", "/widgets/items/a", 200, {"name": "a"})


def test_default_scopes_from_the_settings(
    scoped: tuple[ModuleType, Path], fake_service: FakeService
) -> None:
    _item(fake_service)
    token = FakeToken()
    with scoped[0].WidgetsClient(fake_service.url, token, retry_total=0) as client:
        item = client.items.get("a", enforce_https=False)
    assert item.name == "a"
    assert fake_service.requests[-1].headers["Authorization"] == "Bearer fake-token"
    assert token.scopes == [(SCOPE,)]


def test_credential_scopes_keyword_when_no_default(
    unscoped: tuple[ModuleType, Path], fake_service: FakeService
) -> None:
    _item(fake_service)
    token = FakeToken()
    client = unscoped[0].WidgetsClient(
        fake_service.url, token, credential_scopes=["api://w/.default"], retry_total=0
    )
    with client:
        client.items.get("a", enforce_https=False)
    assert fake_service.requests[-1].headers["Authorization"] == "Bearer fake-token"
    assert token.scopes == [("api://w/.default",)]


def test_no_scopes_at_all_is_refused_at_construction(unscoped: tuple[ModuleType, Path]) -> None:
    with pytest.raises(ValueError, match="credential_scopes"):
        unscoped[0].WidgetsClient("https://w.example", FakeToken())
    with pytest.raises(TypeError):
        unscoped[0].WidgetsClient("https://w.example", AzureKeyCredential("k"))


def test_bearer_packages_pass_mypy_strict(
    unscoped: tuple[ModuleType, Path], scoped: tuple[ModuleType, Path], tmp_path: Path
) -> None:
    assert check_packages([unscoped[1], scoped[1]], tmp_path / "cache") == []


class FakeAsyncToken:
    """An ``AsyncTokenCredential`` that records the scopes it was asked for."""

    def __init__(self) -> None:
        self.scopes: list[tuple[str, ...]] = []

    async def get_token(self, *scopes: str, **kwargs: object) -> AccessToken:
        self.scopes.append(scopes)
        return AccessToken("fake-async-token", 2**31)

    async def close(self) -> None:
        """Nothing to release."""


def test_async_client_sends_the_bearer_token(
    unscoped: tuple[ModuleType, Path], fake_service: FakeService
) -> None:
    _item(fake_service)
    aio = importlib.import_module(f"{unscoped[0].__name__}.aio")
    token = FakeAsyncToken()

    async def call() -> None:
        client = aio.WidgetsClient(
            fake_service.url, token, credential_scopes=["api://w/.default"], retry_total=0
        )
        async with client:
            await client.items.get("a", enforce_https=False)

    asyncio.run(call())
    assert fake_service.requests[-1].headers["Authorization"] == "Bearer fake-async-token"
    assert token.scopes == [("api://w/.default",)]
    with pytest.raises(ValueError, match="credential_scopes"):
        aio.WidgetsClient("https://w.example", FakeAsyncToken())
