"""Contract tests against the AutoRest test server: clients generated for its specs, on demand.

``testserver`` (session) runs the server on 127.0.0.1 and a free port and clears its counters;
``testserver_client`` generates a spec's client into a temporary folder (never ``generated/``)
and imports it.  At the end of the session the server's coverage report is read, and for every
spec a test here used the summary says how many of the scenarios that belong to its operations
(:mod:`testserver_scenarios`) were hit; the figures are also written to
``.tools/testserver/coverage-summary.json``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import testserver_process as server
import testserver_scenarios as scenarios
from testserver_clients import Generated, generate

SUMMARY_FILE = server.REPO_ROOT / ".tools" / "testserver" / "coverage-summary.json"
_USED: set[str] = set()
_SUMMARY: list[str] = []


@pytest.fixture(scope="session")
def testserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[server.TestServer]:
    """The running test server, counters cleared; its coverage is summarised at the end."""
    running = server.start(tmp_path_factory.mktemp("testserver"))
    try:
        running.call("POST", "/report/clear")
        yield running
        _summarise(running)
    finally:
        server.stop(running)


@pytest.fixture(scope="session")
def testserver_client(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[[str], Generated]:
    """Generate (once per session) and import the client of a test-server spec by name."""
    cache: dict[str, Generated] = {}
    root = tmp_path_factory.mktemp("testserver-clients")

    def load(spec: str) -> Generated:
        if spec not in cache:
            cache[spec] = generate(spec, root)
        _USED.add(spec)
        return cache[spec]

    return load


def _summarise(running: server.TestServer) -> None:
    """Per used spec: scenarios hit / scenarios listed; printed and written to a file."""
    report = running.coverage()
    counts: dict[str, int] = {}
    for values in report.values():
        for name, hits in values.items():
            counts[name] = max(counts.get(name, 0), int(hits))
    legacy = scenarios.legacy_scenarios(server.PACKAGE, counts)
    every = [scenarios.spec_operations(path) for path in sorted(server.SWAGGER.glob("*.json"))]
    owned = scenarios.assign(every, [*running.registrations(), *legacy])
    figures: dict[str, dict[str, Any]] = {}
    for spec in sorted(_USED):
        listed = sorted(owned.get(spec, set()) & set(counts))
        hit = [name for name in listed if counts[name] > 0]
        figures[spec] = {
            "hit": len(hit),
            "listed": len(listed),
            "missed": sorted(set(listed) - set(hit)),
        }
    total_hit = sum(f["hit"] for f in figures.values())
    total = sum(f["listed"] for f in figures.values())
    _SUMMARY.clear()
    for spec, f in figures.items():
        _SUMMARY.append(f"{spec}: {f['hit']}/{f['listed']} scenarios hit")
    if total:
        _SUMMARY.append(f"all: {total_hit}/{total} ({100 * total_hit / total:.1f}%)")
    try:
        SUMMARY_FILE.parent.mkdir(parents=True, exist_ok=True)
        SUMMARY_FILE.write_text(
            json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
    except OSError:
        pass


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print the per-spec coverage of the test server's scenarios."""
    if _SUMMARY:
        terminalreporter.section("AutoRest test server coverage")
        for line in _SUMMARY:
            terminalreporter.write_line(line)
