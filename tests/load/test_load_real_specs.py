"""The five input files (and the 2025-02 JSON twin of the YAML) load with no errors."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from loadkit import REAL_SPECS, errors, warnings_of

from generator.load import LoadedSpec, load_spec, ref_target

MISSING_EXAMPLE = re.compile(r"example '\./examples/([^']+)' does not exist")


def missing_examples(spec: LoadedSpec) -> set[str]:
    found = set()
    for diagnostic in warnings_of(spec):
        match = MISSING_EXAMPLE.search(diagnostic.message)
        if match:
            found.add(match.group(1))
    return found


@pytest.mark.parametrize("relative", REAL_SPECS)
def test_real_spec_loads_without_errors(
    real_spec: Callable[[str], LoadedSpec], relative: str
) -> None:
    spec = real_spec(relative)
    assert spec.ok, [d.render() for d in errors(spec)]
    assert spec.raw["swagger"] == "2.0"
    assert spec.document["paths"]
    assert all(d.file.endswith(relative) for d in spec.diagnostics)


def test_sixteen_example_files_are_missing(real_spec: Callable[[str], LoadedSpec]) -> None:
    per_version = {
        version: missing_examples(real_spec(f"azure/{version}/azureopenai.json"))
        for version in ("2023-06-01-preview", "2023-10-01-preview", "2025-02-01-preview")
    }
    assert per_version == {
        "2023-06-01-preview": {"delete_finetune.json", "get_files.json"},
        "2023-10-01-preview": {
            "delete_finetune.json",
            "get_file_content.json",
            "get_files.json",
            "get_finetune.json",
            "get_finetune_events.json",
            "get_finetuning_job.json",
            "get_ingestion_job.json",
            "get_ingestion_jobs.json",
            "get_model_finetune.json",
            "get_models.json",
            "import_file.json",
            "post_finetuning_job.json",
        },
        "2025-02-01-preview": {"get_model_finetune.json", "put_ingestion_job_uc.json"},
    }
    assert sum(len(names) for names in per_version.values()) == 16


def test_missing_examples_are_named_at_their_operation(
    real_spec: Callable[[str], LoadedSpec],
) -> None:
    spec = real_spec("azure/2023-06-01-preview/azureopenai.json")
    pointers = {
        d.pointer for d in warnings_of(spec) if MISSING_EXAMPLE.search(d.message) is not None
    }
    assert pointers == {
        "/paths/~1files/get/x-ms-examples/Getting all files owned by this account.",
        "/paths/~1fine-tunes~1{fine-tune-id}/delete/x-ms-examples/Deleting a fine tune job.",
    }


def test_examples_stay_in_raw_but_not_in_the_resolved_document(
    real_spec: Callable[[str], LoadedSpec],
) -> None:
    spec = real_spec("azure/2023-06-01-preview/azureopenai.json")
    raw_operation = spec.raw["paths"]["/files"]["get"]
    assert raw_operation["x-ms-examples"] == {
        "Getting all files owned by this account.": {"$ref": "./examples/get_files.json"}
    }
    assert "x-ms-examples" not in spec.document["paths"]["/files"]["get"]


def test_operation_and_definition_counts_survive_loading(
    real_spec: Callable[[str], LoadedSpec],
) -> None:
    counts = []
    for version in ("2023-06-01-preview", "2023-10-01-preview", "2025-02-01-preview"):
        spec = real_spec(f"azure/{version}/azureopenai.json")
        operations = sum(
            1
            for item in spec.document["paths"].values()
            for method in item
            if method in {"get", "put", "post", "delete", "patch", "head", "options"}
        )
        counts.append((operations, len(spec.document["definitions"])))
    assert counts == [(17, 30), (26, 43), (33, 110)]


def test_references_resolve_lazily_with_their_target(
    real_spec: Callable[[str], LoadedSpec],
) -> None:
    spec = real_spec("azure/2023-06-01-preview/azureopenai.json")
    schema = spec.document["paths"]["/files"]["get"]["responses"]["200"]["schema"]
    assert ref_target(schema) == "#/definitions/FileList"
    assert set(schema["properties"]) == {"object", "data"}
    assert ref_target(spec.raw) is None


def test_recursive_error_schema_does_not_loop(real_spec: Callable[[str], LoadedSpec]) -> None:
    spec = real_spec("azure/2023-10-01-preview/azureopenai.json")
    inner = spec.document["definitions"]["InnerError"]
    nested = inner["properties"]["innererror"]
    assert ref_target(nested) == "#/definitions/InnerError"
    assert ref_target(nested["properties"]["innererror"]) == "#/definitions/InnerError"


def test_yaml_twin_matches_json_apart_from_example_refs_and_headers(synced_specs: Path) -> None:
    as_json = load_spec(synced_specs / "azure/2025-02-01-preview/azureopenai.json")
    as_yaml = load_spec(synced_specs / "azure/2025-02-01-preview/azureopenai.yaml")
    assert as_json.raw["definitions"] == as_yaml.raw["definitions"]
    assert as_json.raw["parameters"] == as_yaml.raw["parameters"]
    assert as_json.raw["paths"].keys() == as_yaml.raw["paths"].keys()


def touch_everything(value: Any, seen: set[str]) -> int:
    """Visit every value of a resolved document, following each reference once."""
    target = ref_target(value)
    if target is not None:
        if target in seen:
            return 0
        seen.add(target)
    count = 1
    if isinstance(value, Mapping):
        for item in value.values():
            count += touch_everything(item, seen)
    elif isinstance(value, list):
        for item in value:
            count += touch_everything(item, seen)
    return count


@pytest.mark.parametrize("relative", REAL_SPECS)
def test_every_reference_can_be_followed(
    real_spec: Callable[[str], LoadedSpec], relative: str
) -> None:
    spec = real_spec(relative)
    seen: set[str] = set()
    assert touch_everything(spec.document, seen) > 1000
    sections = {target.split("/")[1] for target in seen}
    assert sections == {"definitions", "parameters"}
    for target in seen:
        _, section, name = target.split("/")
        assert name in spec.raw[section]
