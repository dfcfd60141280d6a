"""Each known defect of the real specs is rewritten, with one warning at the right pointer."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from loadkit import warnings_of

from generator.diagnostics import Diagnostic
from generator.load import LoadedSpec, ref_siblings, ref_target

V2306 = "azure/2023-06-01-preview/azureopenai.json"
V2310 = "azure/2023-10-01-preview/azureopenai.json"
V2502 = "azure/2025-02-01-preview/azureopenai.json"
V2502_YAML = "azure/2025-02-01-preview/azureopenai.yaml"


def at(spec: LoadedSpec, pointer: str) -> list[Diagnostic]:
    return [d for d in warnings_of(spec) if d.pointer == pointer]


@pytest.mark.parametrize("relative", [V2306, V2310])
def test_images_delete_error_response_gets_json(
    real_spec: Callable[[str], LoadedSpec], relative: str
) -> None:
    spec = real_spec(relative)
    found = at(spec, "/paths/~1operations~1images~1{operation-id}/delete/responses/default")
    assert len(found) == 1
    assert "OperationsImages_Delete" in found[0].message
    assert "produces" in found[0].message
    assert found[0].action == "assumed application/json"
    operation = spec.raw["paths"]["/operations/images/{operation-id}"]["delete"]
    assert operation["produces"] == ["application/json"]


@pytest.mark.parametrize("relative", [V2502, V2502_YAML])
@pytest.mark.parametrize(
    ("model", "targets"),
    [
        ("FineTuningJob", ["#/definitions/SupervisedMethod", "#/definitions/DpoMethod"]),
        (
            "FineTuningJobCreation",
            ["#/definitions/SupervisedMethodRequest", "#/definitions/DpoMethodRequest"],
        ),
    ],
)
def test_enum_of_refs_becomes_x_one_of(
    real_spec: Callable[[str], LoadedSpec], relative: str, model: str, targets: list[str]
) -> None:
    spec = real_spec(relative)
    found = at(spec, f"/definitions/{model}/properties/method")
    assert len(found) == 1
    assert "enum members are $ref objects" in found[0].message
    assert "x-one-of" in found[0].action
    raw = spec.raw["definitions"][model]["properties"]["method"]
    assert raw["x-one-of"] == [{"$ref": target} for target in targets]
    assert "enum" not in raw
    assert "type" not in raw
    assert raw["description"].startswith("A configuration for finetuning method")
    resolved = spec.document["definitions"][model]["properties"]["method"]["x-one-of"]
    assert [ref_target(member) for member in resolved] == targets
    assert "properties" in resolved[0]


@pytest.mark.parametrize("relative", [V2502, V2502_YAML])
def test_upload_part_form_field_gets_a_description(
    real_spec: Callable[[str], LoadedSpec], relative: str
) -> None:
    spec = real_spec(relative)
    found = at(spec, "/paths/~1uploads~1{upload-id}~1parts/post/parameters/2")
    assert len(found) == 1
    assert "'data' (formData) has no description" in found[0].message
    parameter = spec.raw["paths"]["/uploads/{upload-id}/parts"]["post"]["parameters"][2]
    assert parameter["description"] == "The 'data' form field."


@pytest.mark.parametrize("relative", [V2502, V2502_YAML])
@pytest.mark.parametrize("model", ["FineTuningJob", "FineTuningJobCreation"])
def test_ref_with_sibling_description_warns_and_keeps_it(
    real_spec: Callable[[str], LoadedSpec], relative: str, model: str
) -> None:
    spec = real_spec(relative)
    found = at(spec, f"/definitions/{model}/properties/integrations/items")
    assert len(found) == 1
    assert "'description' written beside $ref" in found[0].message
    items = spec.document["definitions"][model]["properties"]["integrations"]["items"]
    assert ref_target(items) == "#/definitions/WandBIntegrationRequestWrapper"
    assert ref_siblings(items)["description"]
    assert ref_siblings(spec.document["definitions"]) == {}


@pytest.mark.parametrize("relative", [V2306, "api-evangelist/2023-06-01-preview/openapi.yml"])
def test_type_discriminator_enum_and_x_ms_enum_agree(
    real_spec: Callable[[str], LoadedSpec], relative: str
) -> None:
    spec = real_spec(relative)
    found = at(spec, "/definitions/TypeDiscriminator")
    assert len(found) == 1
    assert "only in x-ms-enum ['deployment']" in found[0].message
    schema = spec.raw["definitions"]["TypeDiscriminator"]
    expected = ["list", "fine-tune", "file", "fine-tune-event", "model", "deployment"]
    assert schema["enum"] == expected
    values = schema["x-ms-enum"]["values"]
    assert [v["value"] for v in values] == expected
    assert values[-1]["description"] == "This object represents a deployment."
    assert values[0]["description"] == "This object represents a list of other objects."


def test_same_named_x_ms_enum_gets_the_union(real_spec: Callable[[str], LoadedSpec]) -> None:
    spec = real_spec(V2502)
    found = at(spec, "/paths/~1files/post/parameters/1")
    assert len(found) == 1
    assert "x-ms-enum 'Purpose' lacks ['batch_output']" in found[0].message
    parameter = spec.raw["paths"]["/files"]["post"]["parameters"][1]
    assert parameter["enum"] == spec.raw["definitions"]["Purpose"]["enum"]
    assert parameter["enum"][-1] == "batch_output"


def test_warning_counts_per_real_spec(real_spec: Callable[[str], LoadedSpec]) -> None:
    counts = {relative: len(warnings_of(real_spec(relative))) for relative in (V2306, V2310, V2502)}
    # 2023-06: produces, TypeDiscriminator, 2 missing examples.
    # 2023-10: produces, 12 missing examples.
    # 2025-02: 2 enum-of-$ref, Purpose, 2 discriminator names, 4 discriminator values,
    # 2 descriptions, 2 $ref siblings, 2 missing examples.
    assert counts == {V2306: 4, V2310: 13, V2502: 15}


@pytest.mark.parametrize("relative", [V2502, V2502_YAML])
@pytest.mark.parametrize("suffix", ["", "Request"])
def test_fine_tune_method_discriminates_on_type(
    real_spec: Callable[[str], LoadedSpec], relative: str, suffix: str
) -> None:
    spec = real_spec(relative)
    root_name = f"FineTuneMethod{suffix}"
    (renamed,) = at(spec, f"/definitions/{root_name}/discriminator")
    assert "discriminator 'kind' is set by no subtype" in renamed.message
    root = spec.raw["definitions"][root_name]
    assert root["discriminator"] == "type"
    assert root["required"] == ["type"]
    assert root["properties"] == {"type": {"$ref": "#/definitions/FineTuningMethodType"}}
    for subtype, value in (
        (f"DpoMethod{suffix}", "dpo"),
        (f"SupervisedMethod{suffix}", "supervised"),
    ):
        (warning,) = at(spec, f"/definitions/{subtype}")
        assert f"used {value!r}" in warning.action
        assert spec.raw["definitions"][subtype]["x-ms-discriminator-value"] == value


def test_well_formed_discriminators_are_untouched(real_spec: Callable[[str], LoadedSpec]) -> None:
    spec = real_spec(V2502)
    assert spec.raw["definitions"]["IngestionJob"]["discriminator"] == "kind"
    assert not at(spec, "/definitions/IngestionJob/discriminator")
    assert not at(spec, "/definitions/IngestionJobSystemCompute")
