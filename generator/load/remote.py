"""Fetch referenced documents over http(s), used only when the network is explicitly allowed.

Each read waits at most :data:`TIMEOUT_SECONDS`, and all the documents one spec references
share one deadline (:data:`DEADLINE_SECONDS`), so a slow or silent server, or a spec that
references many of them, cannot hold a run for long.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from generator.bounded_io import ReadRefused, read_url
from generator.diagnostics import DiagnosticSink
from generator.load.read import MAX_FILE_BYTES, parse_bytes

TIMEOUT_SECONDS = 15.0
"""Longest wait for a server to connect or send the next bytes."""
DEADLINE_SECONDS = 60.0
"""Longest time all the network references of one spec may take together."""


def network_fetcher() -> Callable[[str, DiagnosticSink], Any | None]:
    """A fetch function for one load: every document it reads shares one deadline."""
    deadline = time.monotonic() + DEADLINE_SECONDS

    def fetch(uri: str, sink: DiagnosticSink) -> Any | None:
        return fetch_document(uri, sink, deadline=deadline)

    return fetch


def fetch_document(uri: str, sink: DiagnosticSink, *, deadline: float) -> Any | None:
    """Download and parse ``uri`` before ``deadline``; on failure record one error, give None."""
    try:
        data = read_url(uri, MAX_FILE_BYTES, timeout=TIMEOUT_SECONDS, deadline=deadline)
    except ReadRefused as refused:
        sink.error("", f"cannot download: {refused}")
        return None
    path = uri.split("?", 1)[0].split("#", 1)[0].lower()
    return parse_bytes(data, sink, yaml_syntax=path.endswith((".yaml", ".yml")))
