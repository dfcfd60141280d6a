"""The IR of the three real Azure specs: counts, and the facts the clients depend on."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.ir import (
    ApiKeyAuth,
    ApiSpec,
    ArrayType,
    BinaryBody,
    EnumRef,
    JsonBody,
    ModelRef,
    MultipartBody,
    OAuth2Auth,
    Operation,
    ParameterLocation,
    Primitive,
    PrimitiveType,
    UnionType,
)

V2306 = "azure/2023-06-01-preview/azureopenai.json"
V2310 = "azure/2023-10-01-preview/azureopenai.json"
V2502 = "azure/2025-02-01-preview/azureopenai.json"

RealIr = Callable[[str], ApiSpec]


def operation(spec: ApiSpec, operation_id: str) -> Operation:
    """The operation with ``operation_id``."""
    found = [op for op in spec.operations if op.operation_id == operation_id]
    assert len(found) == 1, operation_id
    return found[0]


@pytest.mark.parametrize(
    ("relative", "operations", "definitions"),
    [(V2306, 17, 30), (V2310, 26, 43), (V2502, 33, 110)],
)
def test_counts_and_every_definition_accounted_for(
    real_ir: RealIr, synced_specs: Path, relative: str, operations: int, definitions: int
) -> None:
    spec = real_ir(relative)
    keys = set(json.loads((synced_specs / relative).read_text(encoding="utf-8"))["definitions"])
    assert len(spec.operations) == operations
    assert len(keys) == definitions
    from_definitions = [m.key for m in spec.models if not m.inline]
    from_definitions += [e.key for e in spec.enums if e.source_pointer.startswith("/definitions/")]
    from_definitions += [a.key for a in spec.aliases]
    assert sorted(from_definitions) == sorted(keys)


def test_every_name_is_filled_and_is_an_identifier(real_ir: RealIr) -> None:
    for relative in (V2306, V2310, V2502):
        spec = real_ir(relative)
        names = [g.py_name for g in spec.groups] + [g.class_name for g in spec.groups]
        names += [m.class_name for m in spec.models] + [e.class_name for e in spec.enums]
        names += [p.py_name for m in spec.models for p in m.properties]
        names += [v.py_name for e in spec.enums for v in e.values]
        for op in spec.operations:
            names += [op.py_name] + [p.py_name for p in op.parameters]
            names += [h.py_name for r in op.responses for h in r.headers]
        assert all(name.isidentifier() for name in names), relative


def test_client_host_api_version_and_auth(real_ir: RealIr) -> None:
    old, new = real_ir(V2306), real_ir(V2502)
    assert old.client.host.template == "{endpoint}/openai"
    assert old.client.host.use_scheme_prefix is False
    (endpoint,) = old.client.host.parameters
    assert (endpoint.wire_name, endpoint.skip_url_encoding) == ("endpoint", True)
    assert endpoint.type == PrimitiveType(Primitive.URL)
    assert [p.wire_name for p in old.client.client_parameters] == ["api-version"]
    assert old.client.default_api_version == "2023-06-01-preview"
    assert old.client.auth == (
        ApiKeyAuth(
            "api-key", "api-key", "Provide your Cognitive Services Azure OpenAI account key here."
        ),
    )
    api_key, oauth = new.client.auth
    assert isinstance(api_key, ApiKeyAuth) and api_key.header == "api-key"
    assert isinstance(oauth, OAuth2Auth)
    assert oauth.scopes == ("https://cognitiveservices.azure.com/.default",)
    assert new.client.default_api_version == "2025-02-01-preview"


def test_groups_and_methods_follow_the_guidelines(real_ir: RealIr) -> None:
    spec = real_ir(V2310)
    methods = {(g.py_name, op.py_name) for g in spec.groups for op in g.operations}
    assert ("fine_tuning", "list") in methods
    assert ("fine_tuning", "list_events") in methods  # FineTuning_GetEvents, cursor-paged
    assert ("fine_tunes", "get_events") in methods  # FineTunes_GetEvents is not paged
    assert ("images", "begin_generate") in methods
    assert ("files", "import_file") in methods  # "import" is a keyword
    assert [g.class_name for g in spec.groups if g.py_name == "fine_tuning"] == [
        "FineTuningOperations"
    ]


def test_upload_is_multipart_with_a_file_part(real_ir: RealIr) -> None:
    upload = operation(real_ir(V2306), "Files_Upload")
    assert isinstance(upload.body, MultipartBody)
    purpose, file_part = upload.body.fields
    assert (purpose.wire_name, purpose.type, purpose.required) == (
        "purpose",
        EnumRef("Purpose"),
        True,
    )
    assert file_part.wire_name == "file" and file_part.is_file
    created = upload.success_responses[0]
    assert created.status == "201" and created.body == ModelRef("File")
    assert [h.wire_name for h in created.headers] == ["Location"]
    assert created.headers[0].type == PrimitiveType(Primitive.URL)
    assert upload.error_type == ModelRef("ErrorResponse")


def test_file_content_is_a_byte_stream(real_ir: RealIr) -> None:
    content = operation(real_ir(V2306), "Files_GetContent")
    assert content.success_responses[0].body == PrimitiveType(Primitive.FILE)
    assert content.produces == ("application/octet-stream", "application/json")


def test_chunk_upload_part_is_multipart_and_start_is_json(real_ir: RealIr) -> None:
    spec = real_ir(V2502)
    part = operation(spec, "UploadFile_Part")
    assert isinstance(part.body, MultipartBody) and part.body.fields[0].is_file
    start = operation(spec, "UploadFile_Start")
    assert isinstance(start.body, JsonBody)
    assert start.body.type == ModelRef("UploadFileStartBody")
    assert not isinstance(start.body, BinaryBody)


def test_image_generation_is_long_running_with_the_images_as_result(real_ir: RealIr) -> None:
    for relative in (V2306, V2310):
        generate = operation(real_ir(relative), "Images_Generate")
        assert generate.long_running is not None
        assert generate.long_running.polling_header == "operation-location"
        assert generate.long_running.final_type == ModelRef("OperationResponse")
        assert "/operations/images/{operation-id}" in generate.long_running.final_type_from
        result = real_ir(relative).model("OperationResponse.result")
        data = next(p for p in result.properties if p.wire_name == "data")
        assert data.type == ArrayType(ModelRef("ImageResult"))  # through alias ImageResults
        status = operation(real_ir(relative), "OperationsImages_Get").success_responses[0]
        assert [h.wire_name for h in status.headers] == ["retry-after", "x-ms-request-id"]


def test_fine_tune_events_stream(real_ir: RealIr) -> None:
    events = operation(real_ir(V2306), "FineTunes_GetEvents")
    assert events.event_stream is not None
    assert events.event_stream.trigger_parameter == "stream"
    assert events.event_stream.event_type == ModelRef("Event")
    assert events.paging is None


def test_cursor_and_next_link_paging(real_ir: RealIr) -> None:
    spec = real_ir(V2502)
    paged = {op.operation_id: op.paging for op in spec.operations if op.paging}
    assert sorted(paged) == [
        "Batch_List",
        "Files_List",
        "FineTuning_GetCheckpoints",
        "FineTuning_GetEvents",
        "FineTuning_List",
        "IngestionJobRuns_List",
        "IngestionJobs_List",
        "Models_List",
        "StoredCompletion_GetMessages",
        "StoredCompletion_List",
    ]
    cursor = paged["FineTuning_List"]
    assert (cursor.items_property, cursor.cursor_parameter, cursor.has_more_property) == (
        "data",
        "after",
        "has_more",
    )
    assert (cursor.limit_parameter, cursor.cursor_item_property) == ("limit", "id")
    assert cursor.item_type == ModelRef("FineTuningJob") and not cursor.from_extension
    link = paged["IngestionJobs_List"]
    assert (link.items_property, link.next_link_property) == ("value", "nextLink")
    assert link.item_type == ModelRef("IngestionJob")
    assert "nextLink" in link.detected_by
    # list envelopes without paging markers are one page, with no way to continue
    for single in (
        operation(spec, "Files_List").paging,
        operation(real_ir(V2310), "IngestionJobs_List").paging,
        operation(real_ir(V2306), "FineTunes_List").paging,
    ):
        assert single is not None and single.detected_by.startswith("single page")
        assert (single.cursor_parameter, single.next_link_property) == (None, None)


def test_polymorphism_in_2025(real_ir: RealIr) -> None:
    spec = real_ir(V2502)
    roots = {m.key: m.discriminator for m in spec.models if m.discriminator}
    assert len(roots) == 8
    ingestion = roots["IngestionJob"]
    assert ingestion is not None and ingestion.property_wire_name == "kind"
    assert ingestion.subtypes == (
        ("SystemCompute", "IngestionJobSystemCompute"),
        ("UserCompute", "IngestionJobUserCompute"),
    )
    assert sum(1 for m in spec.models if m.parents) == 20
    system = spec.model("IngestionJobSystemCompute")
    assert system.parents == ("IngestionJob",) and system.discriminator_value == "SystemCompute"
    assert [p.wire_name for p in system.properties] == [
        "searchServiceConnection",
        "datasource",
        "completionAction",
        "dataRefreshIntervalInHours",
    ]
    search = spec.model("AzureAISearchIndex")
    assert [(p.wire_name, p.required) for p in search.properties] == [("connectionId", True)]


def test_enum_of_refs_is_a_union_and_enum_names(real_ir: RealIr) -> None:
    spec = real_ir(V2502)
    method = next(p for p in spec.model("FineTuningJob").properties if p.wire_name == "method")
    assert method.type == UnionType((ModelRef("SupervisedMethod"), ModelRef("DpoMethod")))
    action = spec.enum("CompletionAction")
    assert action.enum_name == "IngestionJobCompletionAction"
    assert action.class_name == "IngestionJobCompletionAction"
    assert action.extensible
    state = real_ir(V2306).enum("State")
    assert state.values[0].description.startswith("The operation was created")


def test_model_properties(real_ir: RealIr) -> None:
    spec = real_ir(V2306)
    file = spec.model("File")
    by_wire = {p.wire_name: p for p in file.properties}
    assert by_wire["id"].read_only and by_wire["id"].py_name == "id"
    assert by_wire["bytes"].type == PrimitiveType(Primitive.INT64)
    assert by_wire["bytes"].py_name == "bytes_"
    assert by_wire["created_at"].type == PrimitiveType(Primitive.UNIX_TIME)
    assert by_wire["filename"].required and by_wire["purpose"].type == EnumRef("Purpose")
    # a $ref property without its own description takes the referenced schema's
    assert by_wire["status"].description == "The state of a job or item."
    # ...and is not read-only because the referenced enum definition says readOnly
    assert not by_wire["status"].read_only
    creation = spec.model("GenerateImagesCreation")
    n = next(p for p in creation.properties if p.wire_name == "n")
    assert n.default is not None and n.default.value == 1 and n.constraints.minimum == 1.0
    size = next(p for p in creation.properties if p.wire_name == "size")
    assert size.default is not None and size.default.value == "1024x1024"


def test_parameters_by_location(real_ir: RealIr) -> None:
    spec = real_ir(V2310)
    create = operation(spec, "IngestionJobs_Create")
    headers = [p.wire_name for p in create.parameters if p.location is ParameterLocation.HEADER]
    assert "searchServiceEndpoint" in headers and "storageContainer" in headers
    path = [p for p in create.parameters if p.location is ParameterLocation.PATH]
    assert [(p.wire_name, p.py_name, p.required) for p in path] == [("jobId", "job_id", True)]
    api_version = next(p for p in create.parameters if p.wire_name == "api-version")
    assert api_version.client_level and api_version.py_name == "api_version"
    events = operation(spec, "FineTuning_GetEvents")
    limit = next(p for p in events.parameters if p.wire_name == "limit")
    assert limit.default is not None and limit.default.value == 20
    assert limit.type == PrimitiveType(Primitive.INT32) and not limit.required
