"""A long-running operation resumes from its continuation token alone: no body, no required
argument of the initial call, sync and async, and ``mypy --strict`` accepts the call."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from azure.core.credentials import AzureKeyCredential
from gen_fake_service import FakeService

KEY = AzureKeyCredential("secret-key")


def _client(package: ModuleType, service: FakeService, aio: bool = False) -> Any:
    module = importlib.import_module(f"{package.__name__}.aio") if aio else package
    return module.SampleClient(service.url, KEY, retry_total=0)


def _operation(service: FakeService, status: str) -> None:
    status_url = f"{service.url}/sample/operations/images/op1?api-version=2024-01-01"
    service.json(
        "POST",
        "/sample/images/generations:submit",
        202,
        {"id": "op1", "status": "notRunning"},
        **{"operation-location": status_url},
    )
    body: dict[str, Any] = {"id": "op1", "status": status}
    if status == "succeeded":
        body["result"] = {"data": ["img-1"]}
    service.json("GET", "/sample/operations/images/op1", 200, body)


def _posts(service: FakeService) -> int:
    return sum(1 for request in service.requests if request.method == "POST")


def test_resume_needs_only_the_continuation_token(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    _operation(fake_service, "running")
    with _client(sample_package, fake_service) as client:
        started = client.images.begin_generate({"prompt": "a cat"}, polling_interval=0)
        token = started.continuation_token()
        _operation(fake_service, "succeeded")
        resumed = client.images.begin_generate(continuation_token=token, polling_interval=0)
        result = resumed.result()
    assert result.id == "op1" and result.result.data == ["img-1"]
    assert _posts(fake_service) == 1  # resuming never repeats the initial call


async def test_async_resume_needs_only_the_continuation_token(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    _operation(fake_service, "running")
    async with _client(sample_package, fake_service, aio=True) as client:
        started = await client.images.begin_generate({"prompt": "a cat"}, polling_interval=0)
        token = started.continuation_token()
        _operation(fake_service, "succeeded")
        resumed = await client.images.begin_generate(continuation_token=token, polling_interval=0)
        result = await resumed.result()
    assert result.result.data == ["img-1"]
    assert _posts(fake_service) == 1


def test_a_fresh_call_without_its_required_argument_raises(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    with _client(sample_package, fake_service) as client, pytest.raises(TypeError) as error:
        client.images.begin_generate()
    assert "body" in str(error.value)
    assert fake_service.requests == []


_USER_CODE = """
from __future__ import annotations

from {ns}.v2024_01_01 import SampleClient
from {ns}.v2024_01_01.aio import SampleClient as AsyncSampleClient


def resume(client: SampleClient, token: str) -> list[str] | None:
    poller = client.images.begin_generate(continuation_token=token)
    result = poller.result().result
    return None if result is None else result.data


async def resume_async(client: AsyncSampleClient, token: str) -> str | None:
    poller = await client.images.begin_generate(continuation_token=token, polling_interval=0)
    return (await poller.result()).id


def start(client: SampleClient) -> str:
    return client.images.begin_generate({{"prompt": "a cat"}}).continuation_token()
"""

_WRONG_CODE = """
from {ns}.v2024_01_01 import SampleClient


def start(client: SampleClient) -> None:
    client.images.begin_generate()
"""


def _mypy(
    folder: Path, name: str, code: str, package_root: Path
) -> subprocess.CompletedProcess[str]:
    path = folder / name
    path.write_text(code, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(path)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "MYPYPATH": str(package_root), "PYTHONDONTWRITEBYTECODE": "1"},
        check=False,
    )


def test_mypy_strict_accepts_a_resume_with_the_token_alone(
    sample_package: ModuleType, tmp_path: Path
) -> None:
    namespace = sample_package.__name__.split(".")[0]
    package_root = Path(sample_package.__file__ or "").resolve().parents[2]
    accepted = _mypy(tmp_path, "user_code.py", _USER_CODE.format(ns=namespace), package_root)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    # The overloads do not make the body optional for a call that starts the operation.
    refused = _mypy(tmp_path, "wrong_code.py", _WRONG_CODE.format(ns=namespace), package_root)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "begin_generate" in refused.stdout
