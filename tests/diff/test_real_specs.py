"""The real Azure OpenAI authoring versions.  Every expectation here was derived by reading
the three specs (paths, operationIds, definitions), not by running the diff."""

from __future__ import annotations

from generator.diff.changes import Change
from generator.diff.engine import PairDiff
from generator.diff.report import DiffReport
from generator.ir import ApiSpec

FIRST_ADDED_OPERATIONS = {
    "FineTuning_Cancel",
    "FineTuning_Create",
    "FineTuning_Delete",
    "FineTuning_Get",
    "FineTuning_GetEvents",
    "FineTuning_List",
    "IngestionJobs_Create",
    "IngestionJobs_Get",
    "IngestionJobs_List",
}
SECOND_REMOVED_OPERATIONS = {
    "FineTunes_Cancel",
    "FineTunes_Create",
    "FineTunes_Delete",
    "FineTunes_Get",
    "FineTunes_GetEvents",
    "FineTunes_List",
    "Images_Generate",
    "OperationsImages_Delete",
    "OperationsImages_Get",
}
SECOND_ADDED_OPERATIONS = {
    "Batch_Cancel",
    "Batch_Create",
    "Batch_Get",
    "Batch_List",
    "FineTuning_GetCheckpoints",
    "IngestionJobRuns_Get",
    "IngestionJobRuns_List",
    "StoredCompletion_Delete",
    "StoredCompletion_Get",
    "StoredCompletion_GetMessages",
    "StoredCompletion_List",
    "StoredCompletion_Update",
    "UploadFile_Cancel",
    "UploadFile_Complete",
    "UploadFile_Part",
    "UploadFile_Start",
}
FIRST_ADDED_DEFINITIONS = {
    "EventType",
    "FileState",
    "FineTuningHyperParameters",
    "FineTuningJob",
    "FineTuningJobCreation",
    "FineTuningJobEvent",
    "FineTuningJobEventList",
    "FineTuningJobList",
    "FineTuningState",
    "IngestionJob",
    "IngestionJobCompletionAction",
    "IngestionJobList",
    "IngestionJobProgress",
    "OperationState",
}
SECOND_REMOVED_DEFINITIONS = {
    "Event",
    "EventList",
    "FileStatistics",
    "FineTune",
    "FineTuneCreation",
    "FineTuneList",
    "GenerateImagesCreation",
    "GenerateImagesResponse",
    "HyperParameters",
    "ImageResult",
    "ImageResults",
    "IngestionJobCompletionAction",
    "OperationResponse",
    "Size",
}
SECOND_ADDED_DEFINITIONS = set(
    [
        "AzureAISearchIndex",
        "BaseConnection",
        "Batch",
        "BatchCreateRequest",
        "BatchErrorData",
        "BatchErrors",
        "BatchRequestCounts",
        "BatchStatus",
        "BatchesList",
        "Choice",
        "ChoiceMessage",
        "ChunkingSettings",
        "CompletionAction",
        "ComputeType",
        "ConnectionStringConnection",
        "ConnectionType",
        "CosmosDBIndex",
        "CrawlingSettings",
        "CustomCompute",
        "DeploymentConnection",
        "DpoHyperparamsRequest",
        "DpoMethod",
        "DpoMethodConfigRequest",
        "DpoMethodRequest",
        "EndpointKeyConnection",
        "EndpointMIConnection",
        "FileCreate",
        "FileDelete",
        "FileDetails",
        "FineTuneMethod",
        "FineTuneMethodRequest",
        "FineTuningJobCheckpoint",
        "FineTuningJobCheckpointList",
        "FineTuningJobError",
        "FineTuningMethodType",
        "FunctionCallFunction",
        "FunctionDefinition",
        "GenericEmbeddingSettings",
        "IngestionError",
        "IngestionJobRun",
        "IngestionJobRunList",
        "IngestionJobStageProgress",
        "IngestionJobSystemCompute",
        "IngestionJobType",
        "IngestionJobUserCompute",
        "InputMessage",
        "IntegrationTypes",
        "JobCompute",
        "Logprob",
        "PineconeIndex",
        "ServerlessCompute",
        "StoredCompletion",
        "StoredCompletionDelete",
        "StoredCompletionList",
        "StoredCompletionMessages",
        "StoredCompletionResponse",
        "SupervisedMethod",
        "SupervisedMethodRequest",
        "SystemComputeDatasource",
        "SystemComputeDatasourceType",
        "SystemComputeStorage",
        "SystemComputeUrl",
        "TargetIndex",
        "TargetType",
        "Tool",
        "ToolCall",
        "UpdateStoredCompletionRequest",
        "UploadFileCompleteBody",
        "UploadFileStartBody",
        "UploadPartResource",
        "UploadResource",
        "UploadStatus",
        "Usage",
        "UserComputeDataset",
        "UserComputeDatasource",
        "UserComputeDatasourceType",
        "UserComputeUrl",
        "WandBIntegrationRequest",
        "WandBIntegrationRequestWrapper",
        "WorkspaceConnection",
        "WorkspaceConnectionEmbeddingSettings",
    ]
)


def subjects(pair: PairDiff, *rules: str) -> set[str]:
    return {c.subject for c in pair.changes if c.rule.name in rules}


def renamed_targets(pair: PairDiff) -> set[str]:
    targets: set[str] = set()
    for change in pair.changes:
        if change.rule.name in ("RenamedModel", "SplitModel") and change.new:
            targets.update(change.new.split(", "))
    return targets


def renamed_sources(pair: PairDiff) -> set[str]:
    return {c.subject for c in pair.changes if c.rule.name in ("RenamedModel", "SplitModel")}


def one(pair: PairDiff, rule: str, location: str) -> Change:
    found = [c for c in pair.changes if c.rule.name == rule and c.location == location]
    assert len(found) == 1, [(c.rule.name, c.location) for c in pair.changes]
    return found[0]


def test_versions_and_pairs(real_report: DiffReport) -> None:
    assert real_report.versions == (
        "2023-06-01-preview",
        "2023-10-01-preview",
        "2025-02-01-preview",
        "2025-04-01-preview",
    )
    assert [(p.old_version, p.new_version) for p in real_report.pairs] == [
        ("2023-06-01-preview", "2023-10-01-preview"),
        ("2023-10-01-preview", "2025-02-01-preview"),
        ("2025-02-01-preview", "2025-04-01-preview"),
    ]


def test_operations_added_and_removed(real_report: DiffReport) -> None:
    first, second, _ = real_report.pairs
    assert subjects(first, "AddedPath", "AddedOperation") == FIRST_ADDED_OPERATIONS
    assert subjects(first, "RemovedPath", "RemovedOperation") == set()
    assert subjects(second, "AddedPath", "AddedOperation") == SECOND_ADDED_OPERATIONS
    assert subjects(second, "RemovedPath", "RemovedOperation") == SECOND_REMOVED_OPERATIONS


def test_definitions_added_and_removed(real_report: DiffReport) -> None:
    first, second, _ = real_report.pairs
    assert subjects(first, "AddedDefinition") | renamed_targets(first) == FIRST_ADDED_DEFINITIONS
    assert subjects(first, "RemovedDefinition") | renamed_sources(first) == {"State"}
    assert subjects(second, "AddedDefinition") | renamed_targets(second) == SECOND_ADDED_DEFINITIONS
    removed = subjects(second, "RemovedDefinition") | renamed_sources(second)
    # The inline stage-progress object became the named IngestionJobStageProgress.
    assert removed - {"IngestionJobProgress.stageProgress.item"} == SECOND_REMOVED_DEFINITIONS


def test_ingestion_jobs_moved_not_removed(real_report: DiffReport) -> None:
    second = real_report.pairs[1]
    moved = {c.subject: (c.old, c.new) for c in second.changes if c.rule.name == "MovedOperation"}
    assert moved == {
        "IngestionJobs_Create": (
            "PUT /extensions/on-your-data/ingestion-jobs/{jobId}",
            "PUT /ingestion/jobs/{job-id}",
        ),
        "IngestionJobs_Get": (
            "GET /extensions/on-your-data/ingestion-jobs/{jobId}",
            "GET /ingestion/jobs/{job-id}",
        ),
        "IngestionJobs_List": (
            "GET /extensions/on-your-data/ingestion-jobs",
            "GET /ingestion/jobs",
        ),
    }
    for change in second.changes:
        if change.rule.name == "MovedOperation":
            assert change.wire_breaking and not change.client_breaking
    # {jobId} -> {job-id} is the same path parameter: no parameter change reported for it.
    assert not [c for c in second.changes if "path parameter" in c.location]


def test_file_delete_answers_200_with_a_body(real_report: DiffReport) -> None:
    change = one(
        real_report.pairs[1], "RemovedResponseCode", "DELETE /files/{file-id} response 204"
    )
    assert (change.old, change.new) == ("204 (nothing)", "200 (FileDelete)")
    assert change.wire_breaking and change.severity.value == "breaking"
    assert change.operations == ("Files_Delete",)


def test_ingestion_job_becomes_polymorphic(real_report: DiffReport) -> None:
    change = one(real_report.pairs[1], "DifferentDiscriminator", "model IngestionJob")
    assert (change.old, change.new) == (None, "kind")
    assert "subtype SystemCompute: IngestionJobSystemCompute" in change.evidence
    assert "subtype UserCompute: IngestionJobUserCompute" in change.evidence
    assert set(change.operations) == {
        "IngestionJobs_Create",
        "IngestionJobs_Get",
        "IngestionJobs_List",
    }


def test_state_enum_split_into_per_resource_enums(real_report: DiffReport) -> None:
    change = one(real_report.pairs[0], "SplitModel", "enum State")
    assert change.new == "FileState, FineTuningState, OperationState"
    assert "File.status: State -> FileState" in change.evidence
    assert "FineTune.status: State -> FineTuningState" in change.evidence
    assert "OperationResponse.status: State -> OperationState" in change.evidence
    # Only ever returned by the service, and extensible: the wire is fine; the class is gone.
    assert not change.wire_breaking and change.client_breaking
    assert "`models.State` →" in change.migration
    # renamed status values are spelled out with the generated members
    assert "FileState renames: failed → error, succeeded → processed" in change.evidence
    assert "FineTuningState renames: canceled → cancelled" in change.evidence
    assert "`State.SUCCEEDED` → `FileState.PROCESSED`" in change.migration
    assert "`State.CANCELED` → `FineTuningState.CANCELLED`" in change.migration
    # One root cause: no per-property redirections for the moved uses.
    assert not [c for c in real_report.pairs[0].changes if c.rule.name == "ReferenceRedirection"]


def test_new_optional_purpose_query_parameter(real_report: DiffReport) -> None:
    change = one(
        real_report.pairs[1], "AddingOptionalParameter", "GET /files query parameter purpose"
    )
    assert change.severity.value == "info"
    assert not change.wire_breaking and not change.client_breaking


def test_enum_changes_appear_once_per_enum(real_report: DiffReport) -> None:
    for pair in real_report.pairs:
        locations = [c.location for c in pair.changes if c.rule.name == "AddedEnumValue"]
        assert len(locations) == len(set(locations))
    first = one(real_report.pairs[0], "AddedEnumValue", "enum TypeDiscriminator")
    assert first.new == "fine_tuning.job, fine_tuning.job.event"
    assert first.severity.value == "info"  # extensible (modelAsString)
    assert len(first.operations) > 5 and "File" in first.models
    purpose = one(real_report.pairs[1], "AddedEnumValue", "enum Purpose")
    assert purpose.new == "assistants, assistants_output, batch, batch_output"


def test_removed_operations_have_migration_notes(real_report: DiffReport) -> None:
    second = real_report.pairs[1]
    create = one(second, "RemovedPath", "POST /fine-tunes")
    assert create.migration.startswith(
        "`client.fine_tunes.create(...)` → `client.fine_tuning.create(...)`"
    )
    generate = one(second, "RemovedPath", "POST /images/generations:submit")
    assert "has no replacement" in generate.migration
    for change in second.changes:
        if change.client_breaking:
            assert change.migration, change.location


def test_completion_action_enum_renamed_keeping_its_class(real_report: DiffReport) -> None:
    second = real_report.pairs[1]
    renamed = one(second, "RenamedModel", "enum IngestionJobCompletionAction")
    assert renamed.new == "CompletionAction" and not renamed.client_breaking
    removed = one(second, "RemovedEnumValue", "enum CompletionAction")
    assert removed.old == "cleanUpAssets"


def test_timeline_shows_fine_tuning_replacing_fine_tunes(real_report: DiffReport) -> None:
    timeline = real_report.timeline
    assert timeline is not None
    rows = {(r.kind, r.key): r for r in timeline.rows}
    assert rows[("operation", "FineTuning_List")].cells[:3] == ("", "added", "same")
    assert rows[("operation", "FineTunes_List")].cells == ("present", "same", "removed", "")
    assert rows[("operation", "IngestionJobs_Get")].cells[:3] == ("", "added", "changed")
    assert rows[("enum", "State")].cells == ("present", "removed", "", "")
    assert rows[("model", "FileDelete")].cells[:3] == ("", "", "added")
    assert rows[("operation", "Evaluation_Get")].cells == ("", "", "", "added")


def test_openapi3_successor_is_compared_by_what_the_api_says(real_report: DiffReport) -> None:
    """2025-04 is an OpenAPI 3 document, 2025-02 Swagger 2.0: only API changes are reported."""
    third = real_report.pairs[2]
    added = subjects(third, "AddedPath", "AddedOperation")
    assert {"Evaluation_Create", "FineTuning_Pause", "FineTuning_Resume"} <= added
    assert subjects(third, "RemovedPath", "RemovedOperation") == set()
    # the service root, security and media types read the same through either format
    service = {"ServiceRootChanged", "ProtocolNoLongerSupported", "SecurityChanged"}
    assert not [c for c in third.changes if c.rule.name in service]
    assert not [c for c in third.changes if c.location.endswith(("consumes", "produces"))]
    assert not [c for c in third.changes if "openapi" in c.reason.lower()]
    assert not [c for c in third.changes if "swagger" in c.reason.lower()]


def test_every_change_is_complete(real_report: DiffReport) -> None:
    for pair in real_report.pairs:
        fingerprints = [c.fingerprint for c in pair.changes]
        assert len(fingerprints) == len(set(fingerprints))
        for change in pair.changes:
            assert change.reason and change.location and change.subject
            if change.severity.value == "breaking":
                assert change.wire_breaking or change.client_breaking


def test_api_evangelist_copy_differs_only_in_operation_ids(synced_specs: object) -> None:
    from pathlib import Path

    from generator.diff.engine import diff_specs
    from generator.pipeline import compile_spec
    from tests.conftest import SPEC_COPY, azure_spec_path

    azure, _ = compile_spec(azure_spec_path("2023-06-01-preview"))
    copy, _ = compile_spec(Path(SPEC_COPY / "api-evangelist/2023-06-01-preview/openapi.yml"))
    assert azure is not None and copy is not None
    result = diff_specs(azure, copy)
    # Same paths and methods under other operationIds: matched by method and path, never
    # reported as removed plus added, and nothing changes on the wire.  Both declare the same
    # info.version, which is worth a note of its own.
    assert {c.rule.name for c in result.changes} == {"ModifiedOperationId", "NoVersionChange"}
    assert len([c for c in result.changes if c.rule.name == "ModifiedOperationId"]) == 17
    assert not any(c.wire_breaking for c in result.changes)
    files_delete = one(result, "ModifiedOperationId", "DELETE /files/{file-id}")
    assert (files_delete.old, files_delete.new) == ("Files_Delete", "microsoftAzureFilesDelete")


def test_file_error_replaced_by_status_details(real_report: DiffReport) -> None:
    first = real_report.pairs[0]
    removed = one(first, "RemovedProperty", "model File.error")
    # File is returned by the service, but `error` was optional: old clients read None.
    assert not removed.wire_breaking and removed.client_breaking
    assert "Files_Get" in removed.operations
    added = one(first, "AddedReadOnlyPropertyInResponse", "model File.status_details")
    assert added.severity.value == "info"


def test_state_merge_backwards_is_a_rename_of_the_closest_enum(
    real_specs: tuple[ApiSpec, ...],
) -> None:
    """Run 2023-10 -> 2023-06, three per-resource enums become one State: the rename goes to
    the part whose values overlap most (OperationState, 0.67), not the first by name."""
    from generator.diff.engine import diff_specs

    result = diff_specs(real_specs[1], real_specs[0])
    renamed = [c for c in result.changes if c.rule.name == "RenamedModel" and c.new == "State"]
    assert [c.old for c in renamed] == ["OperationState"]
    assert "shape similarity OperationState ~ State: 0.67" in renamed[0].evidence
