"""A small hand-built IR covering every construct the renderer handles.

Built directly from IR classes so renderer tests do not depend on the spec loader.
"""

from __future__ import annotations

from generator.ir import (
    ApiKeyAuth,
    ApiSpec,
    ArrayType,
    Client,
    Default,
    Discriminator,
    Enum,
    EnumRef,
    EnumValue,
    EventStream,
    FormField,
    HostTemplate,
    JsonBody,
    LongRunning,
    Model,
    ModelRef,
    MultipartBody,
    OAuth2Auth,
    Operation,
    OperationGroup,
    Paging,
    Parameter,
    ParameterLocation,
    Primitive,
    PrimitiveType,
    Property,
    Response,
    ResponseHeader,
)

STR = PrimitiveType(Primitive.STRING)
INT = PrimitiveType(Primitive.INT32)
BOOL = PrimitiveType(Primitive.BOOLEAN)
UNIX = PrimitiveType(Primitive.UNIX_TIME)
FILE = PrimitiveType(Primitive.FILE)

HOSTILE = 'Says """hi""" with a back\\slash \\n and a quote at the end "'


def _prop(wire: str, py: str, tp: object, required: bool = False, **kw: object) -> Property:
    return Property(wire_name=wire, py_name=py, type=tp, required=required, **kw)  # type: ignore[arg-type]


def _param(wire: str, py: str, loc: ParameterLocation, tp: object, required: bool) -> Parameter:
    return Parameter(wire, py, loc, tp, required)  # type: ignore[arg-type]


API_VERSION = Parameter(
    "api-version",
    "api_version",
    ParameterLocation.QUERY,
    STR,
    True,
    client_level=True,
    default=Default("2024-01-01"),
)
ENDPOINT = Parameter(
    "endpoint",
    "endpoint",
    ParameterLocation.PATH,
    STR,
    True,
    client_level=True,
    skip_url_encoding=True,
)
ERROR = ModelRef("ErrorResponse")


def _error() -> Response:
    return Response("default", ERROR, "An error occurred.")


def sample_spec(*, with_token: bool = False, version: str = "2024-01-01") -> ApiSpec:
    """The sample IR; ``with_token`` adds an OAuth2 scheme beside the api key."""
    enums = (
        Enum(
            "State",
            "State",
            Primitive.STRING,
            (
                EnumValue("running", "RUNNING", "It runs."),
                EnumValue("done", "DONE", HOSTILE),
            ),
            extensible=True,
            description="The state.",
        ),
        Enum("Kind", "Kind", Primitive.STRING, (EnumValue("a", "A"), EnumValue("b", "B")), False),
    )
    models = (
        Model(
            "Error",
            "Error",
            (
                _prop("code", "code", STR, True),
                _prop("message", "message", STR, True),
                _prop("innererror", "inner_error", ModelRef("Error")),
            ),
        ),
        Model(
            "ErrorResponse", "ErrorResponse", (_prop("error", "error", ModelRef("Error"), True),)
        ),
        Model(
            "Job",
            "Job",
            (
                _prop("id", "id", STR, True, read_only=True),
                _prop("kind", "kind", EnumRef("Kind"), True),
                _prop("status", "status", EnumRef("State")),
                _prop("created_at", "created_at", UNIX, True, read_only=True),
                _prop("list", "list", ArrayType(STR)),
            ),
            description=HOSTILE,
            discriminator=Discriminator("kind", (("a", "JobA"), ("b", "JobB"))),
        ),
        Model(
            "JobA",
            "JobA",
            (_prop("alpha", "alpha", INT, True),),
            parents=("Job",),
            discriminator_value="a",
        ),
        Model(
            "JobB",
            "JobB",
            (_prop("betaValue", "beta_value", STR),),
            parents=("Job",),
            discriminator_value="b",
        ),
        Model(
            "JobList",
            "JobList",
            (
                _prop("data", "data", ArrayType(ModelRef("Job")), True),
                _prop("has_more", "has_more", BOOL, True),
            ),
        ),
        Model("Event", "Event", (_prop("message", "message", STR, True),)),
        Model(
            "EventList", "EventList", (_prop("data", "data", ArrayType(ModelRef("Event")), True),)
        ),
        Model(
            "Operation",
            "OperationStatus",
            (
                _prop("id", "id", STR, True),
                _prop("status", "status", STR, True),
                _prop("result", "result", ArrayType(STR)),
            ),
        ),
        Model("ImageRequest", "ImageRequest", (_prop("prompt", "prompt", STR, True),)),
    )
    jobs = OperationGroup(
        "Jobs",
        "jobs",
        "JobsOperations",
        (
            Operation(
                "Jobs_List",
                "Jobs",
                "list",
                "get",
                "/jobs",
                summary="Lists jobs.",
                parameters=(
                    API_VERSION,
                    _param("after", "after", ParameterLocation.QUERY, STR, False),
                    _param("limit", "limit", ParameterLocation.QUERY, INT, False),
                ),
                responses=(Response("200", ModelRef("JobList")), _error()),
                paging=Paging(
                    "data",
                    ModelRef("Job"),
                    cursor_parameter="after",
                    limit_parameter="limit",
                    has_more_property="has_more",
                    cursor_item_property="id",
                ),
            ),
            Operation(
                "Jobs_Create",
                "Jobs",
                "create",
                "put",
                "/jobs/{job-id}",
                summary=HOSTILE,
                description="Creates or replaces a job.",
                parameters=(
                    _param("job-id", "job_id", ParameterLocation.PATH, STR, True),
                    API_VERSION,
                    _param("x-ms-note", "note", ParameterLocation.HEADER, STR, False),
                ),
                body=JsonBody("job", "job", ModelRef("Job"), True, ("application/json",)),
                responses=(Response("200", ModelRef("Job")), _error()),
            ),
            Operation(
                "Jobs_Get",
                "Jobs",
                "get",
                "get",
                "/jobs/{job-id}",
                parameters=(
                    _param("job-id", "job_id", ParameterLocation.PATH, STR, True),
                    API_VERSION,
                ),
                responses=(Response("200", ModelRef("Job")), _error()),
            ),
            Operation(
                "Jobs_Delete",
                "Jobs",
                "delete",
                "delete",
                "/jobs/{job-id}",
                parameters=(
                    _param("job-id", "job_id", ParameterLocation.PATH, STR, True),
                    API_VERSION,
                ),
                responses=(Response("204", None), _error()),
            ),
            Operation(
                "Jobs_GetEvents",
                "Jobs",
                "get_events",
                "get",
                "/jobs/{job-id}/events",
                parameters=(
                    _param("job-id", "job_id", ParameterLocation.PATH, STR, True),
                    _param("stream", "stream", ParameterLocation.QUERY, BOOL, False),
                    API_VERSION,
                ),
                produces=("application/json", "text/event-stream"),
                responses=(Response("200", ModelRef("EventList")), _error()),
                event_stream=EventStream("stream", ModelRef("Event")),
            ),
        ),
    )
    files = OperationGroup(
        "Files",
        "files",
        "FilesOperations",
        (
            Operation(
                "Files_Upload",
                "Files",
                "upload",
                "post",
                "/files",
                parameters=(API_VERSION,),
                body=MultipartBody(
                    (
                        FormField("purpose", "purpose", EnumRef("State"), True, "Why."),
                        FormField("file", "file", FILE, True, "The file."),
                    )
                ),
                consumes=("multipart/form-data",),
                responses=(Response("201", ModelRef("Event")), _error()),
            ),
            Operation(
                "Files_GetContent",
                "Files",
                "get_content",
                "get",
                "/files/{file-id}/content",
                parameters=(
                    _param("file-id", "file_id", ParameterLocation.PATH, STR, True),
                    API_VERSION,
                ),
                produces=("application/octet-stream", "application/json"),
                responses=(Response("200", FILE), _error()),
            ),
        ),
    )
    images = OperationGroup(
        "Images",
        "images",
        "ImagesOperations",
        (
            Operation(
                "Images_Generate",
                "Images",
                "begin_generate",
                "post",
                "/images:submit",
                parameters=(API_VERSION,),
                body=JsonBody(
                    "body", "body", ModelRef("ImageRequest"), True, ("application/json",)
                ),
                responses=(
                    Response(
                        "202",
                        ModelRef("Operation"),
                        headers=(ResponseHeader("operation-location", "operation_location", STR),),
                    ),
                    _error(),
                ),
                long_running=LongRunning("operation-location", None, ModelRef("Operation")),
            ),
        ),
    )
    auth: tuple[ApiKeyAuth | OAuth2Auth, ...] = (ApiKeyAuth("key", "api-key"),)
    if with_token:
        auth += (OAuth2Auth("aad", "implicit", ("https://cognitiveservices.azure.com/.default",)),)
    return ApiSpec(
        source="sample.json",
        client=Client(
            title="Sample",
            description="A sample service.",
            api_version=version,
            default_api_version=version,
            host=HostTemplate("{endpoint}/sample", False, (ENDPOINT,)),
            client_parameters=(API_VERSION, ENDPOINT),
            auth=auth,
        ),
        groups=(files, images, jobs),
        models=tuple(sorted(models, key=lambda m: m.key)),
        enums=tuple(sorted(enums, key=lambda e: e.key)),
    )
