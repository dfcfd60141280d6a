"""A small Swagger 2.0 spec with one operation of each kind the generated glue handles."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from generator.pipeline import compile_spec
from generator.render.package import VersionInput, render_distribution, runtime_files
from generator.render.settings import PackageSettings
from generator.write import write_tree

_ERROR = {"default": {"description": "Error", "schema": {"$ref": "#/definitions/ErrorResponse"}}}
_VERSION = {"$ref": "#/parameters/apiVersion"}
_JOB_ID = {"in": "path", "name": "job-id", "required": True, "type": "string"}


def inline_spec() -> dict[str, Any]:
    """The spec as JSON data."""
    return {
        "swagger": "2.0",
        "info": {"title": "Sample", "version": "2024-01-01"},
        "x-ms-parameterized-host": {
            "hostTemplate": "{endpoint}/sample",
            "useSchemePrefix": False,
            "parameters": [{"$ref": "#/parameters/endpoint"}],
        },
        "schemes": ["https"],
        "consumes": ["application/json"],
        "produces": ["application/json"],
        "securityDefinitions": {"api-key": {"type": "apiKey", "name": "api-key", "in": "header"}},
        "security": [{"api-key": []}],
        "paths": {
            "/jobs": {
                "get": {
                    "operationId": "Jobs_List",
                    "parameters": [
                        _VERSION,
                        {"in": "query", "name": "after", "type": "string"},
                        {"in": "query", "name": "limit", "type": "integer", "format": "int32"},
                    ],
                    "responses": {
                        "200": {"description": "OK", "schema": {"$ref": "#/definitions/JobList"}},
                        **_ERROR,
                    },
                }
            },
            "/jobs/{job-id}": {
                "get": {
                    "operationId": "Jobs_Get",
                    "summary": 'Gets a job; says """ and \\ safely "',
                    "parameters": [_JOB_ID, _VERSION],
                    "responses": {
                        "200": {"description": "OK", "schema": {"$ref": "#/definitions/Job"}},
                        **_ERROR,
                    },
                }
            },
            "/jobs/{job-id}/events": {
                "get": {
                    "operationId": "Jobs_GetEvents",
                    "produces": ["application/json", "text/event-stream"],
                    "parameters": [
                        _JOB_ID,
                        {"in": "query", "name": "stream", "type": "boolean"},
                        _VERSION,
                    ],
                    "responses": {
                        "200": {"description": "OK", "schema": {"$ref": "#/definitions/EventList"}},
                        **_ERROR,
                    },
                }
            },
            "/files": {
                "post": {
                    "operationId": "Files_Upload",
                    "consumes": ["multipart/form-data"],
                    "parameters": [
                        _VERSION,
                        {"in": "formData", "name": "purpose", "required": True, "type": "string"},
                        {"in": "formData", "name": "file", "required": True, "type": "file"},
                        {
                            "in": "formData",
                            "name": "attachments",
                            "type": "array",
                            "items": {"type": "file"},
                        },
                    ],
                    "responses": {
                        "201": {"description": "OK", "schema": {"$ref": "#/definitions/File"}},
                        **_ERROR,
                    },
                }
            },
            "/models": {
                "get": {
                    "operationId": "Models_List",
                    "parameters": [_VERSION],
                    "responses": {
                        "200": {"description": "OK", "schema": {"$ref": "#/definitions/ModelList"}},
                        **_ERROR,
                    },
                }
            },
            "/tokens": {
                "post": {
                    "operationId": "Tokens_Create",
                    "consumes": ["application/x-www-form-urlencoded"],
                    "parameters": [
                        _VERSION,
                        {"in": "formData", "name": "grant", "required": True, "type": "string"},
                        {"in": "formData", "name": "scope", "type": "string"},
                    ],
                    "responses": {"204": {"description": "OK"}, **_ERROR},
                }
            },
            "/files/{file-id}/content": {
                "get": {
                    "operationId": "Files_GetContent",
                    "produces": ["application/octet-stream", "application/json"],
                    "parameters": [
                        {"in": "path", "name": "file-id", "required": True, "type": "string"},
                        _VERSION,
                    ],
                    "responses": {
                        "200": {"description": "OK", "schema": {"type": "file"}},
                        **_ERROR,
                    },
                }
            },
            "/blobs/{name}": {
                "put": {
                    "operationId": "Blobs_Put",
                    "consumes": ["application/octet-stream"],
                    "parameters": [
                        {"in": "path", "name": "name", "required": True, "type": "string"},
                        _VERSION,
                        {
                            "in": "body",
                            "name": "data",
                            "required": True,
                            "schema": {"type": "string", "format": "binary"},
                        },
                    ],
                    "responses": {"201": {"description": "Created"}, **_ERROR},
                }
            },
            "/notes": {
                "put": {
                    "operationId": "Notes_Put",
                    "consumes": ["text/plain"],
                    "parameters": [
                        _VERSION,
                        {
                            "in": "body",
                            "name": "note",
                            "schema": {"type": "string", "format": "binary"},
                        },
                    ],
                    "responses": {"204": {"description": "Stored"}, **_ERROR},
                }
            },
            "/images/generations:submit": {
                "post": {
                    "operationId": "Images_Generate",
                    "x-ms-long-running-operation": True,
                    "parameters": [
                        _VERSION,
                        {
                            "in": "body",
                            "name": "body",
                            "required": True,
                            "schema": {"$ref": "#/definitions/ImageRequest"},
                        },
                    ],
                    "responses": {
                        "202": {
                            "description": "Accepted",
                            "schema": {"$ref": "#/definitions/ImageOperation"},
                            "headers": {"operation-location": {"type": "string"}},
                        },
                        **_ERROR,
                    },
                }
            },
            "/operations/images/{operation-id}": {
                "get": {
                    "operationId": "OperationsImages_Get",
                    "parameters": [
                        {"in": "path", "name": "operation-id", "required": True, "type": "string"},
                        _VERSION,
                    ],
                    "responses": {
                        "200": {
                            "description": "OK",
                            "schema": {"$ref": "#/definitions/ImageOperation"},
                        },
                        **_ERROR,
                    },
                }
            },
        },
        "definitions": {
            "ErrorResponse": {
                "type": "object",
                "required": ["error"],
                "properties": {"error": {"$ref": "#/definitions/Error"}},
            },
            "Error": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
            },
            "Job": {
                "type": "object",
                "required": ["id", "status"],
                "properties": {
                    "id": {"type": "string", "readOnly": True},
                    "status": {
                        "type": "string",
                        "enum": ["running", "succeeded"],
                        "x-ms-enum": {"name": "JobState", "modelAsString": True},
                    },
                    "created_at": {"type": "integer", "format": "unixtime", "readOnly": True},
                },
            },
            "JobList": {
                "type": "object",
                "required": ["data", "has_more"],
                "properties": {
                    "object": {"type": "string"},
                    "data": {"type": "array", "items": {"$ref": "#/definitions/Job"}},
                    "has_more": {"type": "boolean"},
                },
            },
            "ModelList": {
                "type": "object",
                "properties": {
                    "object": {"type": "string"},
                    "data": {"type": "array", "items": {"$ref": "#/definitions/Event"}},
                },
            },
            "Event": {
                "type": "object",
                "required": ["message"],
                "properties": {"message": {"type": "string"}},
            },
            "EventList": {
                "type": "object",
                "properties": {"data": {"type": "array", "items": {"$ref": "#/definitions/Event"}}},
            },
            "File": {
                "type": "object",
                "required": ["id", "filename"],
                "properties": {"id": {"type": "string"}, "filename": {"type": "string"}},
            },
            "ImageRequest": {
                "type": "object",
                "required": ["prompt"],
                "properties": {"prompt": {"type": "string"}},
            },
            "ImageOperation": {
                "type": "object",
                "required": ["id", "status"],
                "properties": {
                    "id": {"type": "string"},
                    "status": {"type": "string"},
                    "result": {
                        "type": "object",
                        "properties": {"data": {"type": "array", "items": {"type": "string"}}},
                    },
                },
            },
        },
        "parameters": {
            "endpoint": {
                "in": "path",
                "name": "endpoint",
                "required": True,
                "type": "string",
                "format": "url",
                "x-ms-skip-url-encoding": True,
                "x-ms-parameter-location": "client",
            },
            "apiVersion": {
                "in": "query",
                "name": "api-version",
                "required": True,
                "type": "string",
                "x-ms-client-default": "2024-01-01",
                "x-ms-parameter-location": "client",
            },
        },
    }


def build_package(root: Path, spec_data: dict[str, Any], settings: PackageSettings) -> ModuleType:
    """Generates ``spec_data`` as version ``v2024_01_01`` under ``root`` and imports it."""
    spec_path = root / "spec.json"
    spec_path.write_text(json.dumps(spec_data), encoding="utf-8")
    spec, diagnostics = compile_spec(spec_path)
    assert spec is not None, [d.render() for d in diagnostics]
    files = render_distribution(
        settings, [VersionInput("v2024_01_01", spec_path.name, spec)], runtime_files()
    )
    write_tree(root / "out", files)
    sys.path.insert(0, str(root / "out" / settings.distribution))
    return importlib.import_module(f"{settings.namespace}.v2024_01_01")
