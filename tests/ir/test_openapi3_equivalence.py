"""A Swagger 2.0 spec and its hand-converted OpenAPI 3.0 form give the same IR.

Only the provenance differs: the file, the format read and the source pointers (which name the
document as written).  Everything downstream of the IR is therefore format-blind.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.ir_json import ir_to_data
from generator.pipeline import compile_spec

PROVENANCE_KEYS = frozenset({"source", "source_format", "source_pointer"})

ENDPOINT = {
    "description": "The account endpoint, e.g. https://example.openai.azure.com.",
    "format": "url",
    "x-ms-skip-url-encoding": True,
    "x-ms-parameter-location": "client",
}
API_VERSION = {
    "in": "query",
    "name": "api-version",
    "description": "The API version.",
    "required": True,
    "x-ms-client-default": "2024-01-01",
    "x-ms-parameter-location": "client",
}
JOB_ID = {"in": "path", "name": "job-id", "required": True, "description": "The job."}
KINDS = {
    "type": "string",
    "enum": ["fast", "slow"],
    "x-ms-enum": {"name": "JobKind", "modelAsString": True},
}


def _models(ref: str) -> dict[str, Any]:
    """Schemas that read the same in both formats (``ref`` is the folder references use)."""
    return {
        "Job": {
            "type": "object",
            "required": ["id", "kind"],
            "discriminator": "kind" if ref == "#/definitions/" else {"propertyName": "kind"},
            "properties": {
                "id": {"type": "string", "readOnly": True},
                "kind": {"type": "string"},
                "created": {"type": "integer", "format": "unixtime"},
                "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                "speed": {"$ref": ref + "JobKind"},
                "error": {"$ref": ref + "Error"},
            },
        },
        "TrainingJob": {
            "allOf": [{"$ref": ref + "Job"}, {"properties": {"epochs": {"type": "integer"}}}],
            "x-ms-discriminator-value": "training",
        },
        "JobKind": KINDS,
        "JobList": {
            "type": "object",
            "required": ["data"],
            "properties": {
                "data": {"type": "array", "items": {"$ref": ref + "Job"}},
                "has_more": {"type": "boolean"},
            },
        },
        "Error": {
            "type": "object",
            "properties": {"code": {"type": "string"}, "inner": {"$ref": ref + "Error"}},
        },
    }


def _swagger() -> dict[str, Any]:
    models = _models("#/definitions/")
    models["Job"]["properties"]["note"] = {"type": "string", "x-nullable": True}
    error = {"description": "An error.", "schema": {"$ref": "#/definitions/Error"}}
    return {
        "swagger": "2.0",
        "info": {"title": "Jobs", "version": "2024-01-01"},
        "x-ms-parameterized-host": {
            "hostTemplate": "{endpoint}/jobs",
            "useSchemePrefix": False,
            "parameters": [{"$ref": "#/parameters/endpoint"}],
        },
        "securityDefinitions": {
            "key": {"type": "apiKey", "name": "api-key", "in": "header"},
            "aad": {
                "type": "oauth2",
                "flow": "implicit",
                "authorizationUrl": "https://login.example.com/authorize",
                "scopes": {"https://example.com/.default": ""},
            },
        },
        "security": [{"key": []}, {"aad": ["https://example.com/.default"]}],
        "parameters": {
            "endpoint": {"in": "path", "name": "endpoint", "required": True, "type": "string"}
            | ENDPOINT,
            "apiVersion": API_VERSION | {"type": "string"},
        },
        "definitions": models,
        "paths": {
            "/jobs": {
                "get": {
                    "operationId": "Jobs_List",
                    "produces": ["application/json"],
                    "parameters": [
                        {"$ref": "#/parameters/apiVersion"},
                        {
                            "in": "query",
                            "name": "kinds",
                            "type": "array",
                            "items": {"type": "string"},
                            "collectionFormat": "csv",
                        },
                        {"in": "query", "name": "limit", "type": "integer", "default": 20},
                        {"in": "header", "name": "x-trace", "type": "string"},
                    ],
                    "responses": {
                        "200": {
                            "description": "The jobs.",
                            "schema": {"$ref": "#/definitions/JobList"},
                        },
                        "default": error,
                    },
                },
                "post": {
                    "operationId": "Jobs_Create",
                    "consumes": ["application/json"],
                    "produces": ["application/json"],
                    "parameters": [
                        {"$ref": "#/parameters/apiVersion"},
                        {
                            "in": "body",
                            "name": "job",
                            "required": True,
                            "description": "The job to create.",
                            "schema": {"$ref": "#/definitions/Job"},
                        },
                    ],
                    "responses": {
                        "201": {
                            "description": "Created.",
                            "schema": {"$ref": "#/definitions/Job"},
                            "headers": {"Location": {"type": "string", "description": "Where."}},
                        },
                        "default": error,
                    },
                },
            },
            "/jobs/{job-id}/files": {
                "parameters": [JOB_ID | {"type": "string"}],
                "post": {
                    "operationId": "Jobs_Upload",
                    "consumes": ["multipart/form-data"],
                    "produces": ["application/json"],
                    "parameters": [
                        {"$ref": "#/parameters/apiVersion"},
                        {"in": "formData", "name": "purpose", "required": True, "type": "string"},
                        {"in": "formData", "name": "file", "required": True, "type": "file"},
                    ],
                    "responses": {"200": {"description": "Stored."}, "default": error},
                },
                "get": {
                    "operationId": "Jobs_Download",
                    "produces": ["application/octet-stream", "application/json"],
                    "parameters": [{"$ref": "#/parameters/apiVersion"}],
                    "responses": {
                        "200": {"description": "The bytes.", "schema": {"type": "file"}},
                        "default": error,
                    },
                },
            },
        },
    }


def _openapi3() -> dict[str, Any]:
    models = _models("#/components/schemas/")
    models["Job"]["properties"]["note"] = {"type": "string", "nullable": True}
    json_error = {"$ref": "#/components/responses/Error"}
    api_version = {"$ref": "#/components/parameters/apiVersion"}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Jobs", "version": "2024-01-01"},
        "servers": [
            {"url": "{endpoint}/jobs", "variables": {"endpoint": ENDPOINT | {"default": ""}}}
        ],
        "security": [{"key": []}, {"aad": ["https://example.com/.default"]}],
        "components": {
            "securitySchemes": {
                "key": {"type": "apiKey", "name": "api-key", "in": "header"},
                "aad": {
                    "type": "oauth2",
                    "flows": {
                        "implicit": {
                            "authorizationUrl": "https://login.example.com/authorize",
                            "scopes": {"https://example.com/.default": ""},
                        }
                    },
                },
            },
            "parameters": {"apiVersion": API_VERSION | {"schema": {"type": "string"}}},
            "responses": {
                "Error": {
                    "description": "An error.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                }
            },
            "schemas": models,
        },
        "paths": {
            "/jobs": {
                "get": {
                    "operationId": "Jobs_List",
                    "parameters": [
                        api_version,
                        {
                            "in": "query",
                            "name": "kinds",
                            "style": "form",
                            "explode": False,
                            "schema": {"type": "array", "items": {"type": "string"}},
                        },
                        {
                            "in": "query",
                            "name": "limit",
                            "schema": {"type": "integer", "default": 20},
                        },
                        {"in": "header", "name": "x-trace", "schema": {"type": "string"}},
                    ],
                    "responses": {
                        "200": {
                            "description": "The jobs.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/JobList"}
                                }
                            },
                        },
                        "default": json_error,
                    },
                },
                "post": {
                    "operationId": "Jobs_Create",
                    "x-ms-requestBody-name": "job",
                    "parameters": [api_version],
                    "requestBody": {
                        "required": True,
                        "description": "The job to create.",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Job"}}
                        },
                    },
                    "responses": {
                        "201": {
                            "description": "Created.",
                            "headers": {
                                "Location": {"description": "Where.", "schema": {"type": "string"}}
                            },
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Job"}}
                            },
                        },
                        "default": json_error,
                    },
                },
            },
            "/jobs/{job-id}/files": {
                "parameters": [JOB_ID | {"schema": {"type": "string"}}],
                "post": {
                    "operationId": "Jobs_Upload",
                    "parameters": [api_version],
                    "requestBody": {
                        "content": {
                            "multipart/form-data": {
                                "schema": {
                                    "type": "object",
                                    "required": ["purpose", "file"],
                                    "properties": {
                                        "purpose": {"type": "string"},
                                        "file": {"type": "string", "format": "binary"},
                                    },
                                }
                            }
                        }
                    },
                    "responses": {"200": {"description": "Stored."}, "default": json_error},
                },
                "get": {
                    "operationId": "Jobs_Download",
                    "parameters": [api_version],
                    "responses": {
                        "200": {
                            "description": "The bytes.",
                            "content": {
                                "application/octet-stream": {
                                    "schema": {"type": "string", "format": "binary"}
                                }
                            },
                        },
                        "default": json_error,
                    },
                },
            },
        },
    }


def _without_provenance(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_provenance(v) for k, v in value.items() if k not in PROVENANCE_KEYS}
    if isinstance(value, list):
        return [_without_provenance(item) for item in value]
    return value


def _compile(tmp_path: Path, name: str, document: dict[str, Any]) -> dict[str, Any]:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    spec, diagnostics = compile_spec(path)
    assert spec is not None, [d.render() for d in diagnostics]
    assert not [d for d in diagnostics if d.severity.value == "error"]
    return ir_to_data(spec)


def test_openapi3_form_gives_the_swagger_form_ir(tmp_path: Path) -> None:
    swagger = _compile(tmp_path, "swagger.json", _swagger())
    openapi = _compile(tmp_path, "openapi.json", _openapi3())
    assert swagger["source_format"] == "Swagger 2.0"
    assert openapi["source_format"] == "OpenAPI 3.0.3"
    assert _without_provenance(openapi) == _without_provenance(swagger)
    # the IR is not trivially empty: every construct above arrived
    operations = {op["operation_id"] for g in swagger["groups"] for op in g["operations"]}
    assert operations == {"Jobs_List", "Jobs_Create", "Jobs_Upload", "Jobs_Download"}
    assert len(swagger["models"]) == 4 and len(swagger["client"]["auth"]) == 2


def test_openapi3_source_pointers_name_the_document_as_written(tmp_path: Path) -> None:
    openapi = _compile(tmp_path, "openapi.json", _openapi3())
    pointers = {m["key"]: m["source_pointer"] for m in openapi["models"]}
    assert pointers["Job"] == "/components/schemas/Job"
    assert pointers["TrainingJob"] == "/components/schemas/TrainingJob"
