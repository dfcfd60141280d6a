"""Types that do not lie: a required field the service omits is None at run time, and its type
says so, so ``mypy --strict`` makes the caller check it (README, "Models read what the service
sends").  Constructors keep the spec's requirements for type checkers."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest
from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import DecodeError
from gen_fake_service import FakeService


def _client(package: ModuleType, service: FakeService) -> object:
    return package.SampleClient(service.url, AzureKeyCredential("k"), retry_total=0)


def test_a_required_field_the_service_omits_is_none(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    # Job requires id and status; the service sends neither, plus a field the spec lacks.
    fake_service.json("GET", "/sample/jobs/j1", 200, {"created_at": 60, "extra": {"n": 1}})
    with _client(sample_package, fake_service) as client:  # type: ignore[attr-defined]
        job = client.jobs.get("j1")
    assert isinstance(job, sample_package.models.Job)
    assert job.id is None and job.status is None
    assert job.as_dict() == {"created_at": 60, "extra": {"n": 1}}  # nothing lost


def test_a_field_of_the_wrong_type_still_fails_the_call(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    fake_service.json("GET", "/sample/jobs/j1", 200, {"id": "j1", "created_at": "soon"})
    with _client(sample_package, fake_service) as client:  # type: ignore[attr-defined]
        with pytest.raises(DecodeError) as caught:
            client.jobs.get("j1")
    assert caught.value.response is not None and caught.value.response.status_code == 200
    assert "created_at" in str(caught.value)


def _mypy(tmp_path: Path, distribution: Path, code: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "snippet.py").write_text(textwrap.dedent(code), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache")]
        + ["snippet.py"],
        cwd=tmp_path,
        env={**os.environ, "MYPYPATH": str(distribution)},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


SNIPPET = """\
from azure_openai_authoring.v2025_02_01_preview import models


def shout(file: models.File) -> str:
    return file.filename.upper()


def shout_checked(file: models.File) -> str:
    return file.filename.upper() if file.filename is not None else ""


models.File(purpose="fine-tune")
models.File(purpose="fine-tune", filename="train.jsonl")
models.FineTuningJobCreation(model=123, training_file="file-1")
models.FineTuningJobCreation(model="gpt-4o-mini", training_file="file-1")
"""


def test_mypy_strict_makes_callers_check_required_response_fields(
    committed_distribution: Path, tmp_path: Path
) -> None:
    result = _mypy(tmp_path, committed_distribution, SNIPPET)
    flagged = sorted(
        {
            int(line.split(":")[1])
            for line in result.stdout.splitlines()
            if line.startswith("snippet.py:") and ": error:" in line
        }
    )
    # Line 5 uses a possibly-None filename; line 12 omits a required argument; line 14 passes
    # an int for a str.  The checked use (9), and the well-typed constructions (13, 15), pass.
    assert flagged == [5, 12, 14], result.stdout
