"""Types that do not lie: a required field the service omits is None at run time, and its type
says so, so ``mypy --strict`` makes the caller check it (README, "Models read what the service
sends").  Constructors keep the spec's requirements for type checkers, while at run time building
a model never rejects a value: the service judges what it is sent (checklist item 14)."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import DecodeError
from gen_fake_service import FakeService, Handler, Recorded


def _client(package: ModuleType, service: FakeService) -> Any:
    return package.SampleClient(service.url, AzureKeyCredential("k"), retry_total=0)


def test_a_required_field_the_service_omits_is_none(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    # Job requires id and status; the service sends neither, plus a field the spec lacks.
    fake_service.json("GET", "/sample/jobs/j1", 200, {"created_at": 60, "extra": {"n": 1}})
    with _client(sample_package, fake_service) as client:
        job = client.jobs.get("j1")
    assert isinstance(job, sample_package.models.Job)
    assert job.id is None and job.status is None
    assert job.as_dict() == {"created_at": 60, "extra": {"n": 1}}  # nothing lost


def test_a_field_of_the_wrong_type_still_fails_the_call(
    sample_package: ModuleType, fake_service: FakeService
) -> None:
    fake_service.json("GET", "/sample/jobs/j1", 200, {"id": "j1", "created_at": "soon"})
    client = _client(sample_package, fake_service)
    with client, pytest.raises(DecodeError) as caught:
        client.jobs.get("j1")
    assert caught.value.response is not None and caught.value.response.status_code == 200
    assert "created_at" in str(caught.value)


def test_models_keep_values_of_the_wrong_type_and_send_them_as_given(
    committed_distribution: Path, fake_service: FakeService
) -> None:
    version = importlib.import_module("azure_openai_authoring.v2025_02_01_preview")
    models = version.models
    creation = models.FineTuningJobCreation(model=123, training_file="file-1")
    creation.seed = "abc"
    assert creation.model == 123 and creation.seed == "abc"
    sent: list[bytes] = []

    def answer(_h: Handler, request: Recorded) -> tuple[int, dict[str, str], bytes]:
        sent.append(request.body)
        job = {"id": "ftjob-1", "model": "m", "training_file": "file-1", "seed": 7}
        return 201, {"Content-Type": "application/json"}, json.dumps(job).encode()

    fake_service.route("POST", "/openai/fine_tuning/jobs", answer)
    client = version.AzureOpenAIAuthoringClient(
        fake_service.url, AzureKeyCredential("k"), retry_total=0
    )
    # A response is still read strictly: a seed that is not a number fails the call.
    fake_service.json("GET", "/openai/fine_tuning/jobs/ftjob-1", 200, {"id": "x", "seed": "abc"})
    with client:
        job = client.fine_tuning.create(creation)
        with pytest.raises(DecodeError):
            client.fine_tuning.get("ftjob-1")
    assert json.loads(sent[0]) == {"model": 123, "training_file": "file-1", "seed": "abc"}
    assert job.seed == 7


def _mypy(tmp_path: Path, distribution: Path, code: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "snippet.py").write_text(textwrap.dedent(code), encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache")]
    return subprocess.run(
        [*command, "snippet.py"],
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
