"""Benchmark: prints the figures behind the project's speed goals (not a test; nothing asserts).

Run ``.venv/bin/python tests/benchmark.py`` (or name sections: ``tests/benchmark.py shapes``).
Every wall time that names a command includes process start, as a user or CI job would pay it;
each figure is the best of several runs so that a busy machine does not inflate it (the shapes
run once each).  Goals (2-core machine):

* ``ir`` for all the specs under 0.5 s; ``ir`` of the OpenAPI 3 spec (2025-04) under 0.3 s;
* ``generate`` for all four versions at most 1 s with a warm formatter cache (AutoRest takes
  8-15 s per spec);
* deserializing a 10,000-item fine-tuning job list at most 3x plain ``json.loads``;
* importing one version package under 0.3 s;
* diffing a pair once both are loaded under 0.1 s;
* uploading a 200 MiB file grows peak memory by under 20 MiB (sync and async, path or stream);
* pathological shapes (``tests/spec_shapes.py``): ``ir`` of a 20,000-value enum, a 30-level
  ``allOf`` lattice and a 200 KB operationId under 2 s each; a 10,000-operation spec generated
  (cold formatter cache) in under 30 s and 500 MB.
"""

from __future__ import annotations

import itertools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from render.hostile_kit import Version, write_manifest
from spec_copy import API_VERSIONS, azure_spec_path, sync_hint
from spec_shapes import allof_lattice, large_enum, long_operation_id, many_operations

REPO_ROOT = Path(__file__).resolve().parent.parent
VERSIONS = API_VERSIONS
PACKAGE_ROOT = REPO_ROOT / "generated" / "azure-ai-openai-authoring"
RUNS = 5

# Processes run as a user's would: with bytecode caching (this machine sets
# PYTHONDONTWRITEBYTECODE, which makes every import recompile from source), cached in a
# temporary folder so the checkout stays clean.  The first of the runs warms that cache.
_PYCACHE = tempfile.mkdtemp(prefix="azpygen-bench-pyc-")
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": _PYCACHE,
}


def _best(action: Callable[[], object], runs: int = RUNS) -> float:
    """Fastest of ``runs`` timings of ``action``, in seconds."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def _command(args: Sequence[str], env: dict[str, str] | None = None) -> Callable[[], object]:
    def run() -> None:
        subprocess.run(args, check=True, capture_output=True, cwd=REPO_ROOT, env=env or ENV)

    run()  # warm the bytecode cache
    return run


def _spec(version: str) -> str:
    return str(azure_spec_path(version))


def bench_ir() -> None:
    python = sys.executable
    for version in VERSIONS:
        spec = _spec(version)
        seconds = _best(_command([python, "-m", "generator", "ir", spec]))
        openapi3 = json.loads(Path(spec).read_bytes()).get("openapi")
        goal = f"; OpenAPI {openapi3}, goal < 300 ms" if openapi3 else ""
        print(f"ir {version:<22} {seconds * 1000:8.0f} ms  (with process start{goal})")
    every = _best(_command([python, "-m", "generator", "ir", *map(_spec, VERSIONS)]))
    print(f"ir all {len(VERSIONS)}, one process      {every * 1000:8.0f} ms  (goal < 500 ms)")


def bench_generate() -> None:
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as cache:
        args = [sys.executable, "-m", "generator", "generate", "--out", out]
        warm_env = {**ENV, "AZPYGEN_CACHE": cache}
        warm = _best(_command(args, env=warm_env), runs=3)
        cold_runs = []
        for index in range(3):
            # An empty formatter cache: every file goes through black.
            cold_env = {**ENV, "AZPYGEN_CACHE": f"{cache}/cold-{index}"}
            start = time.perf_counter()
            subprocess.run(args, check=True, capture_output=True, cwd=REPO_ROOT, env=cold_env)
            cold_runs.append(time.perf_counter() - start)
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        f"generate, all {len(VERSIONS)} versions   {warm * 1000:8.0f} ms  "
        "(goal <= 1000 ms; warm cache)"
    )
    print(
        f"generate, cold formatter     {min(cold_runs) * 1000:8.0f} ms  (every file through black)"
    )
    print(f"generate, peak memory        {peak_kib / 1024:8.0f} MiB (largest child process)")


def bench_import() -> None:
    code = "import azure_openai_authoring.v2025_02_01_preview"
    env = {**ENV, "PYTHONPATH": str(PACKAGE_ROOT)}
    with_python = _best(_command([sys.executable, "-c", code], env=env))
    bare = _best(_command([sys.executable, "-c", "pass"], env=env))
    print(
        f"import one version package   {(with_python - bare) * 1000:8.0f} ms  "
        f"(goal < 300 ms; interpreter start {bare * 1000:.0f} ms excluded)"
    )


def _fine_tuning_job(index: int) -> dict[str, object]:
    return {
        "object": "fine_tuning.job",
        "id": f"ftjob-{index:08d}",
        "created_at": 1_700_000_000 + index,
        "finished_at": 1_700_003_600 + index,
        "status": ("succeeded", "running", "failed")[index % 3],
        "model": "gpt-35-turbo-0613",
        "fine_tuned_model": f"gpt-35-turbo-0613.ft-{index:08d}",
        "training_file": f"file-{index:08d}",
        "validation_file": f"file-v{index:08d}",
        "result_files": [f"file-r{index:08d}"],
        "hyperparameters": {"n_epochs": 3, "batch_size": 8, "learning_rate_multiplier": 1.0},
        "trained_tokens": 123_456 + index,
        "organisation_id": "org-1",
        "seed": index,
        "suffix": "bench",
        "estimated_finish": 1_700_007_200 + index,
    }


def bench_deserialize() -> None:
    sys.path.insert(0, str(PACKAGE_ROOT))
    from azure_openai_authoring.v2025_02_01_preview import models

    payload = json.dumps(
        {"object": "list", "has_more": False, "data": [_fine_tuning_job(i) for i in range(10_000)]}
    ).encode()
    plain = _best(lambda: json.loads(payload))
    typed = _best(lambda: models.FineTuningJobList.model_validate_json(payload))
    page = models.FineTuningJobList.model_validate_json(payload)
    assert page.data is not None and len(page.data) == 10_000
    print(
        f"deserialize 10,000 jobs       {typed * 1000:8.1f} ms  "
        f"vs json.loads {plain * 1000:.1f} ms = {typed / plain:.2f}x  (goal <= 3x)"
    )


def bench_diff() -> None:
    from generator.diff.api import diff_pair
    from generator.pipeline import compile_spec

    specs = []
    for version in VERSIONS:
        spec, _ = compile_spec(Path(_spec(version)))
        assert spec is not None
        specs.append(spec)
    for old, new in itertools.pairwise(specs):
        timings = []
        for _ in range(RUNS):
            start = time.perf_counter()
            diff_pair(old, new)
            timings.append(time.perf_counter() - start)
        print(
            f"diff {old.client.api_version} -> {new.client.api_version} "
            f"{min(timings) * 1000:8.1f} ms  (median {statistics.median(timings) * 1000:.1f} ms; "
            "goal < 100 ms)"
        )


def bench_upload(size_mib: int = 200) -> None:
    """Peak memory growth uploading a large file (multipart or binary) to a 127.0.0.1 sink.

    Each case runs in its own process (peak RSS only grows); see tests/runtime/measure_upload.py.
    """
    script = REPO_ROOT / "tests" / "runtime" / "measure_upload.py"
    cases = [
        (body, flavour, mode)
        for body in ("multipart", "binary")
        for flavour in ("sync", "async")
        for mode in ("path", "stream")
    ]
    for body, flavour, mode in cases:
        result = subprocess.run(
            [sys.executable, str(script), flavour, mode, str(size_mib), body],
            check=True,
            capture_output=True,
            text=True,
            cwd=REPO_ROOT,
            env=ENV,
        )
        print(result.stdout.strip())


def _timed_child(args: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak MiB of the child) of one run of ``args``."""
    wall, _, peak, _ = _measured_child(args, env)
    return wall, peak


def _tree_memory_kib(pid: int) -> tuple[int, int]:
    """Resident and proportional memory (RSS, PSS) of process ``pid`` plus its children's.

    Forked workers share pages with the run: the RSS sum counts a shared page once per process
    that maps it, PSS divides it among them (so the PSS sum is what the run really holds).
    """
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    rss = pss = 0
    for member in [str(pid), *children]:
        rss += _proc_kib(f"/proc/{member}/status", "VmRSS:")
        pss += _proc_kib(f"/proc/{member}/smaps_rollup", "Pss:")
    return rss, pss


def _proc_kib(path: str, key: str) -> int:
    try:
        text = Path(path).read_text()
    except OSError:
        return 0
    return sum(int(line.split()[1]) for line in text.splitlines() if line.startswith(key))


def _measured_child(args: Sequence[str], env: dict[str, str]) -> tuple[float, float, float, float]:
    """(wall seconds, CPU seconds, peak MiB, peak proportional MiB) of one run of ``args``.

    CPU time is the run's and its workers' (what a busy machine inflates least); peak memory is
    the largest sum of the resident memory of the run and its workers, sampled every 20 ms on
    Linux (forked workers share pages with the run, so the sum over-counts; the proportional
    figure does not), else the largest single process.
    """
    start = time.perf_counter()
    process = subprocess.Popen(
        args, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    done = threading.Event()
    samples = [(0, 0)]

    def sample() -> None:
        while not done.is_set():
            samples.append(_tree_memory_kib(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    if sys.platform.startswith("linux"):
        sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    if sampler.is_alive():
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    peak_kib = max(*(rss for rss, _ in samples), usage.ru_maxrss)
    peak_pss_kib = max(pss for _, pss in samples) or usage.ru_maxrss
    return wall, usage.ru_utime + usage.ru_stime, peak_kib / 1024, peak_pss_kib / 1024


def bench_shapes() -> None:
    """Shapes that were once quadratic or exponential; ``generate`` with a cold formatter cache."""
    _run_shapes(
        [
            ("20,000-value enum", large_enum(20_000)),
            ("30-level allOf lattice", allof_lattice(30)),
            ("200 KB operationId", long_operation_id(200_000)),
        ]
    )


def bench_scale() -> None:
    """A 10,000-operation spec (about 480,000 lines before black): ``generate`` with every cache
    empty, then with only the formatter cache empty (openapi-spec-validator's findings kept),
    then warm, then with only the validator's findings not cached (what its worker process
    overlaps with building and rendering).  Minutes on a busy machine, so it runs only when
    named (``benchmark.py scale``).
    """
    python = sys.executable
    data = many_operations(10_000)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        manifest = write_manifest(root / "specs", [Version("v1", "shape/spec.json", data)])
        cache = root / "cache"
        args = [python, "-m", "generator", "generate", "--manifest", str(manifest)]
        args += ["--out", str(root / "out")]
        env = {**ENV, "AZPYGEN_CACHE": str(cache)}
        for label in ("every cache empty", "cold formatter cache", "warm caches", "cold validator"):
            if label == "cold formatter cache":
                shutil.rmtree(cache / "black")
            if label == "cold validator":
                shutil.rmtree(cache / "validation")
            shutil.rmtree(root / "out", ignore_errors=True)
            wall, cpu, peak, proportional = _measured_child(args, env)
            print(
                f"10,000 operations, generate, {label:<21} {wall:6.1f} s wall, {cpu:6.1f} s CPU, "
                f"{peak:4.0f} MiB peak, {proportional:4.0f} MiB proportional "
                "(run + workers; goal < 30 s, < 500 MB)"
            )


def _run_shapes(shapes: Sequence[tuple[str, dict[str, Any]]]) -> None:
    python = sys.executable
    for label, data in shapes:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            spec = root / "spec.json"
            spec.write_text(json.dumps(data), encoding="utf-8")
            ir_seconds, ir_mib = _timed_child([python, "-m", "generator", "ir", str(spec)], ENV)
            manifest = write_manifest(root / "specs", [Version("v1", "shape/spec.json", data)])
            args = [python, "-m", "generator", "generate", "--manifest", str(manifest)]
            args += ["--out", str(root / "out")]
            env = {**ENV, "AZPYGEN_CACHE": str(root / "cache")}
            gen_seconds, gen_mib = _timed_child(args, env)
        print(
            f"{label:<24} ir {ir_seconds:6.2f} s {ir_mib:5.0f} MiB; "
            f"generate {gen_seconds:6.2f} s {gen_mib:5.0f} MiB (cold formatter cache)"
        )


SECTIONS: dict[str, Callable[[], None]] = {
    "ir": bench_ir,
    "generate": bench_generate,
    "import": bench_import,
    "deserialize": bench_deserialize,
    "diff": bench_diff,
    "shapes": bench_shapes,
    "upload": bench_upload,
    "scale": bench_scale,
}
DEFAULT_SECTIONS = [name for name in SECTIONS if name != "scale"]


def main() -> None:
    """Run every section but ``scale``, or those named on the command line."""
    hint = sync_hint()
    if hint is not None:
        sys.exit(hint)
    names = sys.argv[1:] or DEFAULT_SECTIONS
    unknown = [name for name in names if name not in SECTIONS]
    if unknown:
        sys.exit(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, best of {RUNS} runs")
    for name in names:
        SECTIONS[name]()


if __name__ == "__main__":
    main()
