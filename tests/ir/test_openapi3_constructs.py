"""OpenAPI 3 constructs reach the IR with the meaning the standard gives them, and every
diagnostic about an OpenAPI 3 document points into that document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir import (
    ApiKeyAuth,
    ApiSpec,
    ArrayType,
    BearerAuth,
    ModelRef,
    OAuth2Auth,
    Primitive,
    PrimitiveType,
    UnionType,
)
from generator.pipeline import compile_spec
from generator.render.client_context import credential_kinds

REF = "#/components/schemas/"


def _document(schemas: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "openapi": "3.0.0",
        "info": {"title": "T", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    } | extra


def _compile(tmp_path: Path, document: dict[str, Any]) -> tuple[ApiSpec, tuple[Diagnostic, ...]]:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    spec, diagnostics = compile_spec(path)
    assert spec is not None, [d.render() for d in diagnostics]
    return spec, diagnostics


CAT = {"type": "object", "properties": {"meow": {"type": "boolean"}}}
DOG = {"type": "object", "properties": {"bark": {"type": "boolean"}}}


def test_one_of_and_any_of_are_unions_and_null_members_make_them_nullable(tmp_path: Path) -> None:
    holder = {
        "type": "object",
        "properties": {
            "pet": {"oneOf": [{"$ref": REF + "Cat"}, {"$ref": REF + "Dog"}]},
            "either": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
            "maybe": {"anyOf": [{"$ref": REF + "Cat"}, {"type": "null"}]},
            "old": {"type": "string", "nullable": True},
        },
    }
    spec, _ = _compile(tmp_path, _document({"Cat": CAT, "Dog": DOG, "Holder": holder}))
    props = {p.wire_name: p for p in spec.model("Holder").properties}
    assert props["pet"].type == UnionType((ModelRef("Cat"), ModelRef("Dog")))
    assert props["either"].type == UnionType(
        (PrimitiveType(Primitive.STRING), PrimitiveType(Primitive.INTEGER))
    )
    assert props["maybe"].type == ModelRef("Cat") and props["maybe"].nullable
    assert props["old"].nullable and not props["pet"].nullable


def test_type_arrays_of_3_1(tmp_path: Path) -> None:
    holder = {
        "type": "object",
        "properties": {
            "name": {"type": ["string", "null"]},
            "id": {"type": ["string", "integer"]},
            "tags": {"type": "array", "items": {"type": "string"}},
        },
    }
    document = _document({"Holder": holder}) | {"openapi": "3.1.0"}
    spec, _ = _compile(tmp_path, document)
    props = {p.wire_name: p for p in spec.model("Holder").properties}
    assert props["name"].type == PrimitiveType(Primitive.STRING) and props["name"].nullable
    assert isinstance(props["id"].type, UnionType) and not props["id"].nullable
    assert props["tags"].type == ArrayType(PrimitiveType(Primitive.STRING))
    assert spec.source_format == "OpenAPI 3.1.0"


def test_discriminator_mapping_names_the_subtypes_values(tmp_path: Path) -> None:
    base = {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"type": "string"}},
        "discriminator": {"propertyName": "kind", "mapping": {"cat": REF + "Cat", "dog": "Dog"}},
    }
    schemas = {
        "Pet": base,
        "Cat": {"allOf": [{"$ref": REF + "Pet"}, CAT]},
        "Dog": {"allOf": [{"$ref": REF + "Pet"}, DOG], "x-ms-discriminator-value": "hound"},
    }
    spec, diagnostics = _compile(tmp_path, _document(schemas))
    root = spec.model("Pet").discriminator
    assert root is not None and root.subtypes == (("cat", "Cat"), ("dog", "Dog"))
    assert any(
        d.pointer == "/components/schemas/Pet/discriminator/mapping/dog" for d in diagnostics
    )


def test_security_schemes_and_servers(tmp_path: Path) -> None:
    document = _document(
        {},
        servers=[{"url": "https://api.example.com/v2"}],
        components={
            "securitySchemes": {
                "key": {"type": "apiKey", "in": "header", "name": "x-key"},
                "aad": {
                    "type": "oauth2",
                    "flows": {
                        "clientCredentials": {"tokenUrl": "https://t", "scopes": {"a": ""}},
                        "implicit": {"authorizationUrl": "https://a", "scopes": {"b": ""}},
                    },
                },
            }
        },
    )
    spec, _ = _compile(tmp_path, document)
    assert spec.client.host.template == "{endpoint}/v2"
    endpoint = spec.client.host.parameters[0]
    assert endpoint.default is not None and endpoint.default.value == "https://api.example.com"
    key, aad = sorted(spec.client.auth, key=lambda a: a.scheme_name, reverse=True)
    assert key == ApiKeyAuth("key", "x-key")
    assert isinstance(aad, OAuth2Auth) and aad.flow == "implicit" and aad.scopes == ("a", "b")


def test_http_bearer_scheme_is_a_token_credential_without_scopes(tmp_path: Path) -> None:
    document = _document(
        {},
        servers=[{"url": "https://api.example.com"}],
        security=[{"token": []}],
        components={
            "securitySchemes": {
                "token": {"type": "http", "scheme": "Bearer", "bearerFormat": "JWT"},
            }
        },
    )
    spec, diagnostics = _compile(tmp_path, document)
    assert spec.client.auth == (BearerAuth("token", bearer_format="JWT"),)
    assert not [d for d in diagnostics if "securitySchemes" in d.render()]
    assert credential_kinds(spec, aio=False) == ["TokenCredential"]
    assert credential_kinds(spec, aio=True) == ["AsyncTokenCredential"]


def test_server_variable_placeholder_default_is_dropped(tmp_path: Path) -> None:
    servers = [{"url": "{endpoint}/api", "variables": {"endpoint": {"default": "none"}}}]
    spec, diagnostics = _compile(tmp_path, _document({}, servers=servers))
    endpoint = spec.client.host.parameters[0]
    assert spec.client.host.template == "{endpoint}/api"
    assert endpoint.required and endpoint.default is None
    assert [d.pointer for d in diagnostics] == ["/servers/0/variables/endpoint/default"]


def test_server_variables_are_client_parameters(tmp_path: Path) -> None:
    servers = [
        {
            "url": "{endpoint}/{region}/api",
            "variables": {
                "endpoint": {"default": "https://example.com"},
                "region": {"default": "west", "x-ms-parameter-location": "method"},
            },
        }
    ]
    operation = {"operationId": "Things_Get", "responses": {"204": {"description": "ok"}}}
    document = _document({}, servers=servers, paths={"/things": {"get": operation}})
    spec, _ = _compile(tmp_path, document)
    levels = {p.wire_name: p.client_level for p in spec.client.host.parameters}
    assert levels == {"endpoint": True, "region": False}  # the variable's own say is kept
    (op,) = spec.operations
    assert [p.wire_name for p in op.parameters] == ["region"]


def test_builder_diagnostics_point_into_the_openapi_document(tmp_path: Path) -> None:
    operation = {
        "operationId": "Things_Get",
        "parameters": [{"in": "query", "name": "q", "schema": {"type": "string", "format": "x"}}],
        "responses": {
            "200": {
                "description": "ok",
                "content": {"application/json": {"schema": {"type": "integer", "format": "y"}}},
                "links": {"next": {"operationId": "Things_Get"}},
            }
        },
    }
    document = _document({}, paths={"/things": {"get": operation}})
    _, diagnostics = _compile(tmp_path, document)
    at = "/paths/~1things/get"
    assert {d.pointer for d in diagnostics} == {
        "/servers",  # none: the endpoint must be given
        f"{at}/parameters/0",  # no description
        f"{at}/parameters/0/schema/format",
        f"{at}/responses/200/content/application~1json/schema/format",
        f"{at}/responses/200/links",
    }


def test_read_only_and_write_only(tmp_path: Path) -> None:
    holder = {
        "type": "object",
        "properties": {
            "id": {"type": "string", "readOnly": True},
            "secret": {"type": "string", "writeOnly": True},
            "name": {"type": "string"},
        },
    }
    spec, _ = _compile(tmp_path, _document({"Holder": holder}))
    props = {p.wire_name: p for p in spec.model("Holder").properties}
    assert props["id"].read_only and not props["secret"].read_only
    assert props["secret"].mutability == ("create", "update")
    assert props["name"].mutability == () and props["id"].mutability == ()
