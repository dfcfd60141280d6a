"""Quality gates on the committed package: mypy --strict and ruff report nothing, every
version imports, and the public surface is what the docs promise."""

from __future__ import annotations

import importlib
import inspect
import os
import subprocess
import sys
import typing
from pathlib import Path
from types import ModuleType

import pytest
from azure.core.credentials import AccessToken, AzureKeyCredential
from spec_copy import MANIFEST

from generator.manifest import load_manifest

VERSIONS = tuple(entry.package for entry in load_manifest(MANIFEST).versions)  # oldest first
NEWEST_API_VERSION = load_manifest(MANIFEST).versions[-1].api_version
NAMESPACE = "azure_openai_authoring"
BIN = Path(sys.executable).parent
COMMITTED_CONFIG = (
    Path(__file__).resolve().parents[2]
    / "generated"
    / "azure-ai-openai-authoring"
    / "pyproject.toml"
)


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **env},
        check=False,
    )


def test_mypy_strict_reports_no_errors(committed_distribution: Path, tmp_path: Path) -> None:
    # The distribution's own pyproject.toml holds the config ([tool.mypy] strict = true).
    result = _run(
        [str(BIN / "mypy"), "--cache-dir", str(tmp_path / "mypy"), "--no-incremental"],
        committed_distribution,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_ruff_reports_no_problems(committed_distribution: Path) -> None:
    result = _run([str(BIN / "ruff"), "check", "--no-cache", "."], committed_distribution)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("version", VERSIONS)
def test_each_version_imports_alone(committed_distribution: Path, version: str) -> None:
    code = (
        f"import sys, {NAMESPACE}.{version} as v\n"
        f"others = [m for m in sys.modules if m.startswith('{NAMESPACE}.v')"
        f" and '{version}' not in m]\n"
        "assert not others, others\n"
        "print(' '.join(v.__all__))\n"
    )
    result = _run(
        [sys.executable, "-c", code], committed_distribution, PYTHONPATH=str(committed_distribution)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["AzureOpenAIAuthoringClient", "models"]


def test_top_level_re_exports_the_newest_version(committed_distribution: Path) -> None:
    package = importlib.import_module(NAMESPACE)
    newest = importlib.import_module(f"{NAMESPACE}.{VERSIONS[-1]}")
    assert package.AzureOpenAIAuthoringClient is newest.AzureOpenAIAuthoringClient
    assert package.models is newest.models
    assert (committed_distribution / NAMESPACE / "py.typed").is_file()


class _Token:
    def get_token(self, *scopes: str, **kwargs: object) -> AccessToken:
        return AccessToken("token", 2**31)


def test_credentials_follow_the_spec_security_schemes(committed_distribution: Path) -> None:
    old = importlib.import_module(f"{NAMESPACE}.{VERSIONS[0]}")
    new = importlib.import_module(f"{NAMESPACE}.{VERSIONS[-1]}")
    endpoint = "https://example.openai.azure.com"
    old.AzureOpenAIAuthoringClient(endpoint, AzureKeyCredential("k")).close()
    new.AzureOpenAIAuthoringClient(endpoint, AzureKeyCredential("k")).close()
    new.AzureOpenAIAuthoringClient(endpoint, _Token()).close()  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        old.AzureOpenAIAuthoringClient(endpoint, _Token())  # type: ignore[arg-type]
    signature = inspect.signature(new.AzureOpenAIAuthoringClient)
    assert signature.parameters["api_version"].default == NEWEST_API_VERSION
    assert signature.parameters["api_version"].kind is inspect.Parameter.KEYWORD_ONLY


def _public_methods(version: str, aio: bool) -> list[tuple[str, object]]:
    module = importlib.import_module(f"{NAMESPACE}.{version}{'.aio' if aio else ''}._operations")
    found = []
    for name in module.__all__:
        group = getattr(module, name)
        for attr, member in vars(group).items():
            if not attr.startswith("_") and callable(member):
                found.append((f"{name}.{attr}", member))
    return found


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("aio", [False, True])
def test_operations_are_documented_and_take_standard_kwargs(
    committed_distribution: Path, version: str, aio: bool
) -> None:
    methods = _public_methods(version, aio)
    assert methods
    for name, method in methods:
        doc = inspect.getdoc(method) or ""
        assert ":raises ~azure.core.exceptions.HttpResponseError:" in doc, name
        assert ":rtype:" in doc, name
        # The public signatures: the overloads where there are (a long-running operation's
        # implementation takes its required arguments as optional, for resuming without them).
        for public in typing.get_overloads(method) or [method]:
            parameters = inspect.signature(public).parameters
            assert any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()), name
            for param in parameters.values():
                if param.default is not inspect.Parameter.empty:
                    assert param.kind is inspect.Parameter.KEYWORD_ONLY, f"{name}({param.name})"


def test_notable_operations_have_their_azure_shape(committed_distribution: Path) -> None:
    v23 = importlib.import_module(f"{NAMESPACE}.{VERSIONS[0]}._operations")
    v25 = importlib.import_module(f"{NAMESPACE}.{VERSIONS[-1]}._operations")
    images = inspect.signature(v23.ImagesOperations.begin_generate)
    assert images.return_annotation == "LROPoller[_models.OperationResponse]"
    events = inspect.signature(v23.FineTunesOperations.get_events)
    assert "Iterator[_models.Event]" in events.return_annotation
    content = inspect.signature(v25.FilesOperations.get_content)
    assert content.return_annotation == "Iterator[bytes]"
    jobs = inspect.signature(v25.FineTuningOperations.list)
    assert jobs.return_annotation == "ItemPaged[_models.FineTuningJob]"
    upload = inspect.signature(v25.FilesOperations.upload).parameters
    assert upload["file"].annotation == "_types.FileInput"
    chunked = {"start", "part", "complete", "cancel"} & set(vars(v25.UploadFileOperations))
    assert len(chunked) == 4, sorted(vars(v25.UploadFileOperations))


def test_ruff_reports_no_problems_in_a_package_from_another_spec(
    sample_package: ModuleType,
) -> None:
    distribution = Path(sample_package.__file__ or "").parents[2]
    config = COMMITTED_CONFIG
    result = _run(
        [str(BIN / "ruff"), "check", "--no-cache", "--config", str(config), "."], distribution
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_examples_call_methods_that_exist(committed_distribution: Path) -> None:
    import re

    readme = (committed_distribution / "README.md").read_text(encoding="utf-8")
    calls = 0
    # Each example names its subpackage; the quick start and async example use the newest.
    for section in re.split(r"\n### ", readme):
        named = re.search(r"\(`(v\d{4}_\d\d_\d\d\w*)`, API version", section)
        version = importlib.import_module(
            f"{NAMESPACE}.{named.group(1) if named else VERSIONS[-1]}"
        )
        client = version.AzureOpenAIAuthoringClient("https://x.example", AzureKeyCredential("k"))
        for group, method in re.findall(r"client\.(\w+)\.(\w+)\(", section):
            assert callable(getattr(getattr(client, group), method)), f"client.{group}.{method}"
            calls += 1
        client.close()
    assert calls >= 5
