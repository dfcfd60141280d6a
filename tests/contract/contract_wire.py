"""Plain-HTTP requests built from a bundled spec, to check the mock apart from any client.

Values are the smallest a validator accepts: required properties and parameters only, the
first enum member, formats honoured (uuid, date-time, uri), minimums respected.  Used to prove
that Prism serves every operation of a bundle before the generated clients are involved.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from typing import Any

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
UPLOAD_BYTES = b'{"prompt": "p", "completion": "c"}\n'


@dataclass(frozen=True)
class WireOperation:
    """One operation of a bundle: where it lives and its Swagger definition."""

    operation_id: str
    method: str
    path: str
    operation: dict[str, Any]


@dataclass(frozen=True)
class WireResult:
    """What the mock answered."""

    status: int
    headers: dict[str, str]
    body: bytes


def operations(document: dict[str, Any]) -> list[WireOperation]:
    """Every operation of ``document``, in path order."""
    found = []
    for path, item in document["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                op = item[method]
                found.append(WireOperation(op["operationId"], method, path, op))
    return found


def resolve(document: dict[str, Any], value: Any) -> Any:
    """Follow an internal ``$ref`` (``#/definitions/X`` or ``#/parameters/X``)."""
    while isinstance(value, dict) and isinstance(value.get("$ref"), str):
        section, name = value["$ref"][2:].split("/", 1)
        value = document[section][name]
    return value


def sample(document: dict[str, Any], schema: Any, depth: int = 0) -> Any:
    """The smallest value of ``schema`` that a JSON Schema validator accepts."""
    schema = resolve(document, schema)
    if not isinstance(schema, dict):
        return None
    if "enum" in schema:
        return schema["enum"][0]
    properties: dict[str, Any] = {}
    required: list[str] = []
    for part in [schema, *[resolve(document, p) for p in schema.get("allOf", [])]]:
        properties.update(part.get("properties", {}))
        required.extend(part.get("required", []))
    kind = schema.get("type")
    if kind == "object" or properties:
        if depth > 8:
            return {}
        return {name: sample(document, properties.get(name, {}), depth + 1) for name in required}
    if kind == "array":
        count = max(1, schema.get("minItems", 0))
        return [sample(document, schema.get("items", {}), depth + 1) for _ in range(count)]
    return scalar(schema)


def scalar(schema: dict[str, Any]) -> Any:
    """A plausible scalar for a primitive schema or parameter."""
    kind, fmt = schema.get("type"), schema.get("format")
    if "enum" in schema:
        return schema["enum"][0]
    if "default" in schema:
        return schema["default"]
    if kind == "boolean":
        return False
    if kind in ("integer", "number"):
        low = schema.get("minimum", 1)
        value = max(low, 1) if fmt != "unixtime" else 1700000000
        if "maximum" in schema:
            value = min(value, schema["maximum"])
        return value if kind == "integer" else float(value)
    if fmt == "uuid":
        return str(uuid.UUID(int=1))
    if fmt == "date-time":
        return "2024-01-01T00:00:00Z"
    if fmt in ("uri", "url"):
        return "https://example.com/resource"
    text = "sample"
    return text.ljust(schema.get("minLength", 0), "x")


def build_request(
    document: dict[str, Any], op: WireOperation, root_url: str
) -> urllib.request.Request:
    """A request that carries every required parameter and a minimal valid body."""
    path = op.path
    query: dict[str, str] = {}
    headers = {"api-key": "test-key", "Accept": "application/json"}
    body: bytes | None = None
    form: list[tuple[str, str | bytes]] = []
    for raw in op.operation.get("parameters", []):
        param = resolve(document, raw)
        where, name = param["in"], param["name"]
        if where == "body":
            body = json.dumps(sample(document, param.get("schema", {}))).encode()
            headers["Content-Type"] = "application/json"
            continue
        if not param.get("required"):
            continue
        value = scalar(param)
        if name == "api-version":
            value = document["info"]["version"]
        if where == "path":
            path = path.replace("{" + name + "}", urllib.parse.quote(str(value), safe=""))
        elif where == "query":
            query[name] = str(value).lower() if isinstance(value, bool) else str(value)
        elif where == "header":
            headers[name] = str(value)
        elif where == "formData":
            form.append((name, UPLOAD_BYTES if param.get("type") == "file" else str(value)))
    if form:
        body, headers["Content-Type"] = _multipart(form)
    url = root_url + path + ("?" + urllib.parse.urlencode(query) if query else "")
    return urllib.request.Request(url, data=body, headers=headers, method=op.method.upper())


def _multipart(fields: list[tuple[str, str | bytes]]) -> tuple[bytes, str]:
    boundary = "contract-boundary-7d3f"
    chunks: list[bytes] = []
    for name, value in fields:
        chunks.append(f"--{boundary}\r\n".encode())
        if isinstance(value, bytes):
            chunks.append(
                f'Content-Disposition: form-data; name="{name}"; filename="train.jsonl"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n".encode()
            )
            chunks.append(value + b"\r\n")
        else:
            chunks.append(
                f'Content-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
            )
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


def send(request: urllib.request.Request) -> WireResult:
    """Send ``request``; an HTTP error status is a result, not an exception."""
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return WireResult(response.status, dict(response.headers.items()), response.read())
    except urllib.error.HTTPError as error:
        return WireResult(error.code, dict(error.headers.items()), error.read())
