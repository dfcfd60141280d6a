"""The validator in a worker process: the same findings, in the same order, as an inline run;
inline when no worker can start; one located error line when the worker dies; no worker left
behind by a killed run."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from loadkit import REAL_SPECS, minimal_spec
from process_kit import alive, kill_while, wait_until
from spec_copy import API_VERSIONS, SPEC_COPY, azure_spec_path
from spec_shapes import many_operations

import generator.load.validate as validate_module
import generator.render.package as render_package
from generator.commands.generate import AdHocOptions, SpecErrors, render_specs
from generator.diagnostics import Diagnostic, Severity
from generator.load import start_loading
from generator.load.validation_worker import InWorker, Ready
from generator.pipeline import compile_spec

REPO = Path(__file__).resolve().parents[2]
SPECS = sorted({*(SPEC_COPY / r for r in REAL_SPECS), *map(azure_spec_path, API_VERSIONS)})
"""The loader's real specs and every spec the manifest pins (an OpenAPI 3 one among them)."""

_ODD_SCHEMA = {"type": "object", "nullable": True, "properties": {"a": {"type": "strin"}}}
SWAGGER_WITH_FINDINGS = minimal_spec(
    info={"title": "t"},  # no version: a finding of the structural stage
    paths={
        "/a/{id}": {  # undeclared path parameter, duplicate operationId: placed findings
            "get": {"operationId": "Same", "responses": {"200": {"description": "ok"}}}
        },
        "/b": {
            "get": {
                "operationId": "Same",
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/O"}}},
            }
        },
    },
    definitions={"O": _ODD_SCHEMA},
)
OPENAPI3_WITH_FINDINGS: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "t", "version": "1"},
    "paths": {
        "/a": {
            "get": {
                "operationId": "A_Get",
                "responses": {"200": {"description": "ok", "links": {"self": {}}}},
            },
            "post": {"operationId": "A_Post", "responses": {"2000": {"description": 5}}},
        }
    },
    "components": {"schemas": {"O": _ODD_SCHEMA}},
}


@pytest.fixture
def fresh_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[], None]:
    """Call to point the findings cache at a new, empty folder."""
    count = [0]

    def renew() -> None:
        count[0] += 1
        monkeypatch.setenv("AZPYGEN_CACHE", str(tmp_path / f"cache-{count[0]}"))

    renew()
    return renew


def _compiled(path: Path, *, parallel: bool) -> tuple[Any, tuple[Diagnostic, ...], bool]:
    """(IR, diagnostics, whether a worker validated) of ``path``."""
    pending = start_loading(path, validate=True, parallel=parallel)
    in_worker = isinstance(pending.findings, InWorker)
    pending.cancel()
    spec, diagnostics = compile_spec(path, parallel=parallel)
    return spec, diagnostics, in_worker


def _same_either_way(path: Path, renew: Callable[[], None]) -> tuple[Diagnostic, ...]:
    inline_spec, inline, by_worker = _compiled(path, parallel=False)
    assert not by_worker
    renew()
    spec, found, by_worker = _compiled(path, parallel=True)
    assert by_worker, "the findings were not computed in a worker"
    assert found == inline
    assert spec == inline_spec
    return found


@pytest.mark.parametrize("path", SPECS, ids=[str(p.relative_to(SPEC_COPY)) for p in SPECS])
def test_a_worker_finds_what_an_inline_run_finds_in_the_real_specs(
    path: Path, fresh_cache: Callable[[], None]
) -> None:
    _same_either_way(path, fresh_cache)


@pytest.mark.parametrize(
    "document", [SWAGGER_WITH_FINDINGS, OPENAPI3_WITH_FINDINGS], ids=["swagger", "openapi3"]
)
def test_a_worker_finds_what_an_inline_run_finds_in_a_spec_with_errors(
    tmp_path: Path, document: dict[str, Any], fresh_cache: Callable[[], None]
) -> None:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    found = _same_either_way(path, fresh_cache)
    validator = [d for d in found if "invalid " in d.message]
    assert len(validator) >= 3  # validator findings among the loader's and builder's own
    assert len(validator) < len(found)


def test_the_worker_findings_are_cached_once_collected(
    tmp_path: Path, fresh_cache: Callable[[], None]
) -> None:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(SWAGGER_WITH_FINDINGS), encoding="utf-8")
    _, first = compile_spec(path, parallel=True)
    pending = start_loading(path, validate=True, parallel=True)
    assert isinstance(pending.findings, Ready)
    assert compile_spec(path, parallel=True)[1] == first


def _no_fork(method: str | None = None) -> Any:
    raise ValueError(f"cannot find context for {method!r}")


def _no_process(self: Any) -> None:
    raise OSError(11, "Resource temporarily unavailable")


@pytest.mark.parametrize("failure", ["no fork", "no process"])
def test_without_a_worker_the_validator_runs_inline(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fresh_cache: Callable[[], None],
    failure: str,
) -> None:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(SWAGGER_WITH_FINDINGS), encoding="utf-8")
    _, inline = compile_spec(path)
    fresh_cache()
    if failure == "no fork":
        monkeypatch.setattr(multiprocessing, "get_context", _no_fork)
    else:
        process_class = type(multiprocessing.get_context("fork").Process())
        monkeypatch.setattr(process_class, "start", _no_process)
    pending = start_loading(path, validate=True, parallel=True)
    assert isinstance(pending.findings, Ready)
    assert (
        pending.complete().diagnostics == start_loading(path, validate=True).complete().diagnostics
    )
    assert compile_spec(path, parallel=True)[1] == inline


def _never_returns(document: Any, label: str, base_uri: str) -> list[Diagnostic]:
    signal.pause()  # the worker waits here until it is killed
    return []


def _ends_abruptly(document: Any, label: str, base_uri: str) -> list[Diagnostic]:
    raise SystemExit(3)


def _lost_lines(diagnostics: tuple[Diagnostic, ...]) -> list[str]:
    return [d.render() for d in diagnostics if "worker process" in d.message]


def test_a_killed_worker_gives_one_located_error_and_nothing_is_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_cache: Callable[[], None]
) -> None:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(minimal_spec()), encoding="utf-8")
    real = validate_module.validate_document
    monkeypatch.setattr(validate_module, "validate_document", _never_returns)  # the fork has it
    pending = start_loading(path, validate=True, parallel=True)
    assert isinstance(pending.findings, InWorker) and pending.findings.pid is not None
    os.kill(pending.findings.pid, signal.SIGKILL)
    loaded = pending.complete()
    errors = [d for d in loaded.diagnostics if d.severity is Severity.ERROR]
    assert len(errors) == 1
    assert _lost_lines(loaded.diagnostics) == [errors[0].render()]
    assert errors[0].file == str(path) and "SIGKILL" in errors[0].message
    assert "\n" not in errors[0].render()
    monkeypatch.setattr(validate_module, "validate_document", real)
    again = compile_spec(path)[1]  # the lost findings were not kept: validated again
    assert not [d for d in again if d.severity is Severity.ERROR]


def test_a_worker_that_fails_gives_one_error_and_no_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AZPYGEN_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(minimal_spec()), encoding="utf-8")
    monkeypatch.setattr(validate_module, "validate_document", _ends_abruptly)
    spec, diagnostics = compile_spec(path, parallel=True)
    assert spec is not None
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    assert _lost_lines(diagnostics) == [d.render() for d in errors]
    assert len(errors) == 1 and "exit code 1" in errors[0].message
    assert "Traceback" not in capfd.readouterr().err


def test_a_worker_given_up_on_is_ended(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_cache: Callable[[], None]
) -> None:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(minimal_spec()), encoding="utf-8")
    monkeypatch.setattr(validate_module, "validate_document", _never_returns)
    pending = start_loading(path, validate=True, parallel=True)
    assert isinstance(pending.findings, InWorker) and pending.findings.pid is not None
    pid = pending.findings.pid
    pending.cancel()
    assert not alive(pid)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_killing_generate_leaves_no_validator_worker(tmp_path: Path, how: signal.Signals) -> None:
    """Caught with one child: the validator's worker starts once the spec is loaded, the
    formatter's workers only after the IR is built and rendered."""
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(many_operations(1500)), encoding="utf-8")

    def command(attempt: int) -> tuple[list[str], dict[str, str]]:
        out = tmp_path / f"out-{attempt}"
        env = {**os.environ, "AZPYGEN_CACHE": str(tmp_path / f"cache-{attempt}")}
        return [sys.executable, "-m", "generator", "generate", str(spec), "--out", str(out)], env

    killed = kill_while(command, lambda workers: len(workers) == 1, how, REPO)
    assert killed.returncode != 0
    assert wait_until(lambda: not any(alive(pid) for pid in killed.workers), 30)
    assert "Traceback" not in killed.stderr
    assert not (tmp_path / f"out-{killed.attempt}").exists()


def test_generate_gives_the_findings_before_black_runs(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fresh_cache: Callable[[], None],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The verdict is settled once the files are rendered: errors only the validator finds
    stop the run before anything is formatted, and print as ``compile_spec`` gives them."""
    ok = {"200": {"description": "ok", "schema": {"$ref": "#/definitions/O"}}}
    document = minimal_spec(
        paths={"/o": {"get": {"operationId": "O_Get", "responses": ok}}},
        definitions={"O": {"type": "object", "nullable": True}},  # OpenAPI 3, not Swagger 2.0
    )
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(document), encoding="utf-8")
    _, inline = compile_spec(spec)
    fresh_cache()
    formatted: list[int] = []
    monkeypatch.setattr(render_package, "format_many", lambda *a, **k: formatted.append(1))
    pending = start_loading(spec, validate=True, parallel=True)
    assert pending.loaded.ok  # the errors are the validator's alone
    pending.cancel()
    fresh_cache()
    with pytest.raises(SpecErrors):
        render_specs([spec], AdHocOptions(), parallel=True)
    assert formatted == []
    errors = [d.render() for d in inline if d.severity is Severity.ERROR]
    assert errors and all("invalid Swagger 2.0" in line for line in errors)
    assert capsys.readouterr().err.splitlines() == errors
