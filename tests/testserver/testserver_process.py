"""The AutoRest test server (``@microsoft.azure/autorest.testserver``) as a local process.

`.ci/setup` installs it into ``.tools/testserver``.  It is started on 127.0.0.1 and a free port
with :file:`loopback-listen.cjs` preloaded (the server itself would bind every interface), in its
own process group, and stopped with ``POST /.admin/stop`` followed by a signal to that group.
The server counts every scenario whose checks a request passed; :func:`coverage` reads those
counters.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGE = REPO_ROOT / ".tools" / "testserver" / "node_modules" / "@microsoft.azure"
PACKAGE = PACKAGE / "autorest.testserver"
SWAGGER = PACKAGE / "swagger"
PRELOAD = Path(__file__).resolve().parent / "loopback-listen.cjs"
HOST = "127.0.0.1"
STARTUP_TIMEOUT = 60.0
#: Coverage categories the server reports (``optional`` holds e.g. the form-data scenarios).
CATEGORIES = ("vanilla", "azure", "optional")


def free_port() -> int:
    """A port nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class TestServer:
    """A running test server."""

    __test__ = False  # not a test class, whatever pytest thinks of the name

    url: str  # http://127.0.0.1:<port>
    process: subprocess.Popen[bytes]
    log: Path

    def call(self, method: str, path: str) -> bytes:
        """One request to the server's own admin/report API."""
        request = urllib.request.Request(
            self.url + path, method=method, data=b"" if method == "POST" else None
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body: bytes = response.read()
            return body

    def coverage(self) -> dict[str, dict[str, int]]:
        """Scenario -> hit count, per category."""
        return {c: json.loads(self.call("GET", f"/report/{c}")) for c in CATEGORIES}

    def registrations(self) -> list[tuple[str, str, str]]:
        """(method, route, scenario) of every route the server logged while registering it."""
        found: list[tuple[str, str, str]] = []
        for line in self.log.read_text(encoding="utf-8", errors="replace").splitlines():
            marker = "Registering route "
            if marker not in line:
                continue
            rest = line.split(marker, 1)[1].split()
            if len(rest) >= 3:
                found.append((rest[0].lower(), rest[1], rest[2].strip("()")))
        return found

    def log_tail(self, lines: int = 30) -> str:
        """The end of the server's output, for failure messages."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])


def start(folder: Path) -> TestServer:
    """Start the server with its log and coverage files in ``folder``; wait until it answers."""
    cli = PACKAGE / "dist" / "cli" / "cli.js"
    if not cli.is_file():
        raise RuntimeError(f"the AutoRest test server is not installed ({cli}); run .ci/setup")
    port = free_port()
    log = folder / "testserver.log"
    env = {**os.environ, "TESTSERVER_HOST": HOST}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                "node",
                "-r",
                str(PRELOAD),
                str(cli),
                "run",
                "--port",
                str(port),
                "--coverageDirectory",
                str(folder / "coverage"),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    server = TestServer(f"http://{HOST}:{port}", process, log)
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the test server exited early:\n{server.log_tail()}")
        try:
            server.call("GET", "/report/vanilla")
            return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                stop(server)
                raise RuntimeError(
                    f"the test server did not answer:\n{server.log_tail()}"
                ) from None
            time.sleep(0.2)


def stop(server: TestServer) -> None:
    """Ask the server to stop, then end its own process group if it is still there."""
    if server.process.poll() is None:
        try:
            server.call("POST", "/.admin/stop")
            server.process.wait(timeout=5)
        except (urllib.error.URLError, ConnectionError, TimeoutError, subprocess.TimeoutExpired):
            pass
    if server.process.poll() is None:
        os.killpg(server.process.pid, signal.SIGTERM)
        try:
            server.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait()
