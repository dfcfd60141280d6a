"""Measures peak memory growth while uploading a large file through the runtime.

Not a test (pytest does not collect it).  ``tests/benchmark.py`` runs it once per case in a fresh
process -- ``measure_upload.py {sync,async} {path,stream} SIZE_MIB [multipart|binary]`` -- and
prints its one line.  The process runs a 127.0.0.1 aiohttp sink that counts the bytes it
receives without keeping them and uploads to it either a multipart body (a form field and the
file) or the file as a binary body (``format: binary``).  The figure is the growth of the
process's peak resident set size over a warmed-up baseline (a 1 MiB upload first, so imports,
connection pools and the sink are already paid for).  Goal: under 20 MiB for 200 MiB.
"""

from __future__ import annotations

import asyncio
import resource
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from azure.core.credentials import AzureKeyCredential
from runtime_scripted_server import ScriptedServer

from generator.runtime import (
    AsyncClientCore,
    ClientCore,
    ServiceConfig,
    binary_body,
    file_part,
)

CONFIG = ServiceConfig("{endpoint}", "api-key", (), "upload-bench/1.0", None)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _write(path: Path, size: int) -> None:
    block = b"0123456789abcdef" * 65536  # 1 MiB
    with path.open("wb") as handle:
        for _ in range(size // len(block)):
            handle.write(block)


def _source(path: Path, mode: str, keep: list[Any]) -> Any:
    if mode == "path":
        return path
    handle = path.open("rb")
    keep.append(handle)
    return handle


def _request(core: Any, source: Any, body: str) -> Any:
    if body == "binary":
        return core.build_request("PUT", "/upload-sink", content=binary_body(source))
    return core.build_request(
        "POST",
        "/upload-sink",
        files={"file": file_part(source, field="file")},
        data={"purpose": "fine-tune"},
    )


def _sync(server: ScriptedServer, path: Path, mode: str, body: str) -> None:
    keep: list[Any] = []
    with ClientCore(server.url, AzureKeyCredential("k"), config=CONFIG, api_version="1") as core:
        request = _request(core, _source(path, mode, keep), body)
        core.call(request, responses={201: None})
    for handle in keep:
        handle.close()


async def _async(server: ScriptedServer, path: Path, mode: str, body: str) -> None:
    keep: list[Any] = []
    async with AsyncClientCore(
        server.url, AzureKeyCredential("k"), config=CONFIG, api_version="1"
    ) as core:
        request = _request(core, _source(path, mode, keep), body)
        await core.call(request, responses={201: None})
    for handle in keep:
        handle.close()


def main() -> None:
    flavour, mode, size_mib = sys.argv[1], sys.argv[2], int(sys.argv[3])
    body = sys.argv[4] if len(sys.argv) > 4 else "multipart"
    server = ScriptedServer()
    server.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            small, big = Path(folder) / "small.bin", Path(folder) / "big.jsonl"
            _write(small, 1024 * 1024)
            _write(big, size_mib * 1024 * 1024)

            def upload(path: Path) -> None:
                if flavour == "sync":
                    _sync(server, path, mode, body)
                else:
                    asyncio.run(_async(server, path, mode, body))

            upload(small)
            baseline = _peak_mib()
            upload(big)
            growth = _peak_mib() - baseline
            sent = server.body_sizes[-1] / 1024 / 1024
    finally:
        server.stop()
    print(
        f"upload {size_mib} MiB {body:9}, {flavour:5} from a {mode:6}: "
        f"peak memory +{growth:6.1f} MiB "
        f"(body {sent:.1f} MiB; goal < 20 MiB)"
    )


if __name__ == "__main__":
    main()
