"""Secrets never reach the logs: tracing at DEBUG with ``logging_enable=True``."""

from __future__ import annotations

import logging

import pytest
from azure.core.credentials import AzureKeyCredential
from runtime_scripted_server import ScriptedServer, reply

from generator.runtime import ClientCore, ServiceConfig
from generator.runtime._redact import is_secret

CONFIG = ServiceConfig(
    "{endpoint}", "api-key", (), "log-test/1.0", None, secret_names=("x-ms-declared",)
)
SECRETS = {
    "api-key": "KEY-VALUE-1",
    "x-ms-admin-key": "ADMIN-KEY-2",
    "x-ms-declared": "DECLARED-3",
    "x-ms-storage-connection-string": "AccountKey=CONN-4",
    "x-ms-management-token": "TOKEN-5",
}


def test_secret_headers_query_parameters_and_response_headers_are_redacted(
    scripted: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    scripted.script("GET", "/s", reply(200, {"ok": True}, x_ms_session_token="TOKEN-6"))
    core = ClientCore(
        scripted.url,
        AzureKeyCredential(SECRETS["api-key"]),
        config=CONFIG,
        api_version="1",
        logging_enable=True,
    )
    request = core.build_request(
        "GET",
        "/s",
        query={"sig": "SIG-7", "sasToken": "SAS-8", "top": "10"},
        headers={k: v for k, v in SECRETS.items() if k != "api-key"} | {"x-ms-tag": "visible"},
    )
    with caplog.at_level(logging.DEBUG):
        core.call(request, responses={200: None})
    # The client's own records (the transport library's are its own business); generated code
    # logs under its package name ("<package>._runtime._pipeline" -> "<package>"); this copy of
    # the runtime is not inside a package, so it keeps its module name.
    text = "\n".join(
        r.getMessage() for r in caplog.records if r.name.startswith(("azure", "generator.runtime"))
    )
    assert any(r.name == "generator.runtime._pipeline" for r in caplog.records)
    assert "visible" in text and "top=10" in text  # harmless values are still traced
    for secret in [*SECRETS.values(), "TOKEN-6", "SIG-7", "SAS-8"]:
        assert secret not in text, secret
    assert text.count("REDACTED") >= 8


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("x-ms-admin-key", True),
        ("accountKey", True),
        ("ConnectionString", True),
        ("client_secret", True),
        ("x-ms-continuation", False),
        ("keyword", False),
        ("x-ms-client-request-id", False),
    ],
)
def test_secret_names(name: str, secret: bool) -> None:
    assert is_secret(name) is secret
