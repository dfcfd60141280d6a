"""Stoplight Prism as the contract-test server: one mock per API version, started on demand.

Each server mocks the version's ``bundle`` (``paths_with_base=True``: Prism ignores
``basePath`` by design, so ``/openai`` is folded into the paths; an OpenAPI 3 version is served
as written instead, see :func:`_openapi3_as_written`) on 127.0.0.1 and a free port,
in its own process group, which the session stops by that group's id at the end.  Startup,
from spawning Prism to its first answer, takes about 1.1-2.6 s per version on a 2-core machine
(the fixture prints it at the end of the session; ``pytest -s`` shows it).

How Prism 5 reports a request that breaks the spec: it answers 422 (401 for a missing
``api-key``) and lists the problems in the ``sl-violations`` response header, each with a
``location`` starting with ``"request"``.  It does so with or without ``--errors``.  The servers
run *without* ``--errors``: that flag also turns Prism's violations of its own mocked responses
into 500s, and Prism's static example generator breaks recursive schemas (``Error.details`` one
level down comes out as ``{}``, lacking the required ``code``), which would hide the client's
behaviour behind errors the spec does not describe.  Response violations therefore stay in the
header, and the tests assert on the request ones.

The harness adds two things to the bundle that Prism cannot infer, both for long-running
operations: the polling header (``operation-location``) gets a ``default`` pointing at the
version's status operation on this very server, and that operation's 200 response gets a
``succeeded`` example, so a poller reaches a terminal state against the mock.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from spec_copy import API_VERSIONS, azure_spec_path

from generator.commands.bundle import run_bundle

REPO_ROOT = Path(__file__).resolve().parents[2]
PRISM = REPO_ROOT / ".tools" / "prism" / "node_modules" / ".bin" / "prism"
GENERATED = REPO_ROOT / "generated" / "azure-ai-openai-authoring"
VERSIONS = API_VERSIONS
STARTUP_TIMEOUT = 60.0
OPERATION_ID = "4fa2a4c1-0d4e-4f4e-9d5c-6a3b1e2f7a10"  # the id polled by long-running operations

if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))


def spec_path(version: str) -> Path:
    """The synced Azure JSON spec of ``version``."""
    return azure_spec_path(version)


@dataclass
class PrismServer:
    """A running Prism mock of one API version."""

    version: str
    root_url: str  # http://127.0.0.1:<port>, the client's endpoint
    bundle: dict[str, Any]  # the document Prism serves (paths include /openai)
    process: subprocess.Popen[bytes]
    log: Path
    startup_seconds: float = 0.0
    lro_example: dict[str, Any] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        """The service root as the spec's host template makes it: ``<endpoint>/openai``."""
        return f"{self.root_url}/openai"

    def log_tail(self, lines: int = 30) -> str:
        """The end of Prism's output, for failure messages."""
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        """Stop the server by its own process group id (never by name)."""
        if self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


def request_violations(headers: Any) -> list[dict[str, Any]]:
    """The request-side entries of Prism's ``sl-violations`` header (empty when valid)."""
    raw = headers.get("sl-violations") if headers is not None else None
    if not raw:
        return []
    entries = json.loads(raw)
    return [e for e in entries if (e.get("location") or [None])[0] == "request"]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _schema(document: dict[str, Any], schema: Any) -> Any:
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    if isinstance(ref, str) and ref.startswith("#/definitions/"):
        return document["definitions"][ref.split("/")[-1]]
    return schema


def _prepare_long_running(document: dict[str, Any], root_url: str, version: str) -> dict[str, Any]:
    """Point each LRO's polling header at the status operation and give it a terminal example.

    The status operation is the GET under ``/openai/operations/`` whose 200 schema carries a
    ``status`` property; its example is ``succeeded`` with a one-image result.  Returns the
    example (empty when the version has no long-running operation).
    """
    status_paths = [
        path for path, item in document["paths"].items() if "/operations/" in path and "get" in item
    ]
    example: dict[str, Any] = {}
    for item in document["paths"].values():
        for operation in item.values():
            if not (isinstance(operation, dict) and operation.get("x-ms-long-running-operation")):
                continue
            if not status_paths:
                continue
            status_path = status_paths[0]
            poll_url = (
                root_url
                + status_path.replace("{operation-id}", OPERATION_ID)
                + f"?api-version={version}"
            )
            for response in operation["responses"].values():
                header = response.get("headers", {}).get("operation-location")
                if header is not None:
                    header["default"] = poll_url
            status_ok = document["paths"][status_path]["get"]["responses"]["200"]
            example = {
                "id": OPERATION_ID,
                "created": 1700000000,
                "expires": 1700086400,
                "status": "succeeded",
                "result": {
                    "created": 1700000000,
                    "data": [{"url": "https://example.com/image.png"}],
                },
            }
            status_ok["examples"] = {"application/json": example}
    return example


def _openapi3_as_written(spec: Path, bundle: dict[str, Any]) -> dict[str, Any] | None:
    """An OpenAPI 3 spec as Prism reads it natively, or None for a Swagger 2.0 spec.

    Prism is given the document as written, not the compiler's Swagger form of it, so the
    requests the generated client sends are checked against the OpenAPI 3 text itself.  Only
    what Prism cannot use is changed: ``x-ms-examples`` (files that are not there) are dropped,
    the server's path (``/openai``, the prefix the bundle folded in) is folded into every path,
    and a JSON schema served as ``*/*`` is served as ``application/json``, as the compiler reads
    it (Prism cannot answer ``Accept: application/json`` from a ``*/*`` entry).
    """
    source = json.loads(spec.read_text(encoding="utf-8"))
    if "openapi" not in source:
        return None
    some_path = next(iter(source["paths"]))
    prefix = next(p for p in bundle["paths"] if p.endswith(some_path))[: -len(some_path)]
    source.pop("servers", None)
    paths = {}
    for path, item in source["paths"].items():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            operation.pop("x-ms-examples", None)
            for response in operation.get("responses", {}).values():
                content = response.get("content", {})
                if "*/*" in content and "application/json" not in content:
                    content["application/json"] = content.pop("*/*")
        paths[prefix + path] = item
    source["paths"] = paths
    return dict(source)


def _wait_until_up(server: PrismServer, started: float) -> None:
    deadline = started + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(
                f"Prism for {server.version} exited with code {server.process.returncode} "
                f"before answering:\n{server.log_tail()}"
            )
        try:
            with urllib.request.urlopen(server.root_url + "/", timeout=2):
                return
        except urllib.error.HTTPError:
            return  # any HTTP answer (404 for "/") means it is listening
        except OSError:
            time.sleep(0.05)
    server.stop()
    pytest.fail(
        f"Prism for {server.version} did not answer within {STARTUP_TIMEOUT:.0f} s:\n"
        f"{server.log_tail()}"
    )


def start_prism(version: str, workdir: Path) -> PrismServer:
    """Bundle ``version``'s spec into ``workdir`` and start Prism on it."""
    if not os.access(PRISM, os.X_OK):
        pytest.fail(f"Prism is not installed at {PRISM}; run .ci/setup")
    bundle_path = workdir / f"bundle-{version}.json"
    if run_bundle(spec_path(version), bundle_path, paths_with_base=True) != 0:
        pytest.fail(f"bundling {spec_path(version)} failed (see the diagnostics above)")
    document = json.loads(bundle_path.read_text(encoding="utf-8"))
    port = _free_port()
    root_url = f"http://127.0.0.1:{port}"
    example = _prepare_long_running(document, root_url, version)
    served = workdir / f"prism-{version}.json"
    native = _openapi3_as_written(spec_path(version), document)
    served.write_text(json.dumps(native or document, indent=1), encoding="utf-8")
    log = workdir / f"prism-{version}.log"
    started = time.monotonic()
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(port), str(served)],
            stdout=sink,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group, stopped by that id
        )
    server = PrismServer(version, root_url, document, process, log, lro_example=example)
    _wait_until_up(server, started)
    server.startup_seconds = time.monotonic() - started
    return server


class PrismPool:
    """Starts one Prism per version on first use; stops them all at the end of the session."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.servers: dict[str, PrismServer] = {}

    def __call__(self, version: str) -> PrismServer:
        if version not in self.servers:
            self.servers[version] = start_prism(version, self.workdir)
        return self.servers[version]

    def stop_all(self) -> None:
        for server in self.servers.values():
            server.stop()
