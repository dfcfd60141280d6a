"""Contract-test fixtures: ``prism(version)``, a running Prism mock of one API version.

The servers and what they are given are described in :mod:`prism_server`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prism_server import PrismPool


@pytest.fixture(scope="session")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrismPool]:
    """``prism(version)`` gives the running mock of that version (started lazily)."""
    pool = PrismPool(tmp_path_factory.mktemp("prism"))
    try:
        yield pool
    finally:
        for server in pool.servers.values():
            print(f"prism {server.version}: started in {server.startup_seconds:.2f} s")
        pool.stop_all()
