"""A one-version project in a temporary folder: its manifest and the synced copy of its spec."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

import yaml

#: A small usable spec: one GET operation returning one model.
SAMPLE_SPEC: dict[str, object] = {
    "swagger": "2.0",
    "info": {"title": "Widgets", "version": "2024-01-01"},
    "host": "widgets.example.com",
    "basePath": "/api",
    "schemes": ["https"],
    "produces": ["application/json"],
    "paths": {
        "/widgets/{name}": {
            "get": {
                "operationId": "Widgets_Get",
                "parameters": [
                    {"in": "path", "name": "name", "required": True, "type": "string"},
                    {"in": "query", "name": "api-version", "required": True, "type": "string"},
                ],
                "responses": {
                    "200": {"description": "OK", "schema": {"$ref": "#/definitions/Widget"}}
                },
            }
        }
    },
    "definitions": {"Widget": {"type": "object", "properties": {"name": {"type": "string"}}}},
}


def one_spec_manifest(specs: Path, spec: Mapping[str, object]) -> Path:
    """Write ``specs/manifest.yaml`` for ``spec`` and put the spec where ``sync`` would.

    The package is ``sample_client.v2024_01_01`` of the distribution ``sample-client``; the
    spec's upstream origin is invented (its sha256 is real, so no sync is needed).
    """
    data = json.dumps(spec, indent=2).encode()
    copy = specs / ".cache" / "sample" / "spec.json"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(data)
    manifest = {
        "distribution": "sample-client",
        "namespace": "sample_client",
        "versions": [
            {
                "api_version": "2024-01-01",
                "package": "v2024_01_01",
                "spec": "sample/spec.json",
                "files": [
                    {
                        "path": "sample/spec.json",
                        "repository": "example/specs",
                        "commit": "0" * 40,
                        "source_path": "spec.json",
                        "sha256": hashlib.sha256(data).hexdigest(),
                    }
                ],
            }
        ],
    }
    path = specs / "manifest.yaml"
    path.write_text(yaml.safe_dump(manifest), encoding="utf-8")
    return path
