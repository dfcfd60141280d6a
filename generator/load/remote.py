"""Fetch a referenced document over http(s), used only when the network is explicitly allowed."""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Any

from generator.diagnostics import DiagnosticSink
from generator.load.read import MAX_FILE_BYTES, parse_bytes

TIMEOUT_SECONDS = 15.0


def fetch_document(uri: str, sink: DiagnosticSink) -> Any | None:
    """Download and parse ``uri``; on failure record one error and return None."""
    try:
        with urllib.request.urlopen(uri, timeout=TIMEOUT_SECONDS) as response:
            data = response.read(MAX_FILE_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        sink.error("", f"cannot download: {getattr(exc, 'reason', exc)}")
        return None
    if len(data) > MAX_FILE_BYTES:
        sink.error("", f"larger than the {MAX_FILE_BYTES} bytes accepted")
        return None
    path = uri.split("?", 1)[0].split("#", 1)[0].lower()
    return parse_bytes(data, sink, yaml_syntax=path.endswith((".yaml", ".yml")))
