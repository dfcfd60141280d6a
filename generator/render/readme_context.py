"""Usage examples for the distribution's README, picked from the IR rather than written by hand.

For each feature (paging, long-running, event streams, uploads, downloads, errors) the newest
version that has an operation of that kind supplies the example, so the README never shows a
call the package does not have.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.ir import (
    ApiSpec,
    JsonBody,
    ModelRef,
    MultipartBody,
    Operation,
    OperationGroup,
    ParameterLocation,
    Primitive,
    PrimitiveType,
)
from generator.render.escape import py_string
from generator.render.operation_parameters import constant_value


@dataclass(frozen=True)
class Example:
    """One README example: a heading, a sentence, and the code."""

    title: str
    text: str
    package: str
    api_version: str
    code: str


def _find(
    versions: Sequence[tuple[str, ApiSpec]], wanted: Callable[[Operation], bool]
) -> tuple[str, ApiSpec, OperationGroup, Operation] | None:
    for package, spec in reversed(versions):
        for group in spec.groups:
            for op in group.operations:
                if wanted(op):
                    return package, spec, group, op
    return None


def _path_args(op: Operation) -> str:
    names = [
        py_string(f"<{p.wire_name}>")
        for p in op.parameters
        if p.location is ParameterLocation.PATH and not p.client_level
    ]
    return ", ".join(names)


def _call(group: OperationGroup, op: Operation, *extra: str) -> str:
    args = ", ".join(a for a in (_path_args(op), *extra) if a)
    owner = f"client.{group.py_name}" if group.py_name else "client"
    return f"{owner}.{op.py_name}({args})"


def _is_download(op: Operation) -> bool:
    return any(
        r.body in (PrimitiveType(Primitive.FILE), PrimitiveType(Primitive.BINARY))
        for r in op.success_responses
    )


def examples(versions: Sequence[tuple[str, ApiSpec]]) -> list[Example]:
    """README examples for ``(package, spec)`` pairs, oldest first."""
    found: list[Example] = []

    def add(
        title: str,
        text: str,
        hit: tuple[str, ApiSpec, OperationGroup, Operation] | None,
        code: Callable[[OperationGroup, Operation], str],
    ) -> None:
        if hit is not None:
            package, spec, group, op = hit
            found.append(Example(title, text, package, spec.client.api_version, code(group, op)))

    add(
        "Paging",
        "List methods return an `ItemPaged`; iterating fetches further pages as needed.",
        _find(
            versions, lambda op: op.paging is not None and op.paging.cursor_parameter is not None
        ),
        lambda g, op: f"for item in {_call(g, op)}:\n    print(item)",
    )
    add(
        "Long-running operations",
        "`begin_*` methods return an `LROPoller`; `result()` waits for the final resource.",
        _find(versions, lambda op: op.long_running is not None),
        lambda g, op: f"poller = {_call(g, op, _body_example(versions, op))}\n"
        "result = poller.result()",
    )
    add(
        "Event streams",
        "With `stream=True` the method returns an iterator of typed events that ends when the"
        " service sends `[DONE]`.",
        _find(versions, lambda op: op.event_stream is not None),
        lambda g, op: f"for event in {_call(g, op, 'stream=True')}:\n    print(event)",
    )
    add(
        "Uploads",
        "File parts accept a path, bytes or a binary file object; the part is sent with a file"
        " name and a content type.",
        _find(versions, lambda op: isinstance(op.body, MultipartBody)),
        lambda g, op: _upload(g, op),
    )
    add(
        "Downloads",
        "Content downloads stream: the method returns an iterator of byte chunks.",
        _find(versions, _is_download),
        lambda g, op: f'with open("content.bin", "wb") as out:\n'
        f"    for chunk in {_call(g, op)}:\n        out.write(chunk)",
    )
    return found


def _body_example(versions: Sequence[tuple[str, ApiSpec]], op: Operation) -> str:
    """A dict literal with the body's required properties (``{}`` when there is no model); the
    required arguments of a flattened body, positional as the method takes them."""
    if not isinstance(op.body, JsonBody) or not isinstance(op.body.type, ModelRef):
        return ""
    if op.body.flattened:  # x-ms-client-flatten: the required properties are arguments
        spec = next(spec for _, spec in versions if op in spec.operations)
        return ", ".join(
            py_string(f"<{a.property.wire_name}>")
            for a in op.body.flattened
            if a.property.required and constant_value(spec, a.property) is None
        )
    for _, spec in versions:
        for model in spec.models:
            if model.key == op.body.type.key and op in spec.operations:
                required = [p.wire_name for p in model.properties if p.required]
                entries = (f"{py_string(w)}: {py_string(f'<{w}>')}" for w in required)
                return "{" + ", ".join(entries) + "}"
    return "{}"


def quick_start(versions: Sequence[tuple[str, ApiSpec]]) -> tuple[str, str]:
    """The first call of the quick start for the newest version, sync and async."""
    _, spec = versions[-1]
    for group in spec.groups:
        for op in group.operations:
            if op.paging is not None and not _path_args(op):
                call = _call(group, op)
                return (
                    f"for item in {call}:\n    print(item)",
                    f"async for item in {call}:\n        print(item)",
                )
    for group in spec.groups:
        for op in group.operations:
            if op.method == "get" and not _path_args(op):
                call = _call(group, op)
                return f"print({call})", f"print(await {call})"
    return "print(client)", "print(client)"


def _upload(group: OperationGroup, op: Operation) -> str:
    assert isinstance(op.body, MultipartBody)
    parts = []
    for part in op.body.fields:
        if not part.required:
            continue
        value = '"training.jsonl"' if part.is_file else '"<value>"'
        parts.append(f"{part.py_name}={value}")
    return f"created = {_call(group, op, *parts)}"


def construction(spec: ApiSpec, client_class: str, aio: bool = False) -> tuple[str, str]:
    """(import lines, constructor call) showing how to create the newest version's client.

    Required host and client parameters appear as ``"<name>"`` placeholders; the credential is
    the first kind the spec's security accepts (none when it declares no security).
    """
    from generator.render.client_context import constructor_parameters, credential_kinds

    host, others = constructor_parameters(spec)
    imports: list[str] = []
    args = [py_string(f"<{p.wire_name}>") for p in host if p.required and p.default is None]
    kinds = credential_kinds(spec, aio)
    if kinds:
        kind = kinds[0]
        if kind == "AzureKeyCredential":
            imports.append("from azure.core.credentials import AzureKeyCredential")
            args.append('AzureKeyCredential("<api-key>")')
        elif kind == "AzureNamedKeyCredential":
            imports.append("from azure.core.credentials import AzureNamedKeyCredential")
            args.append('AzureNamedKeyCredential("<user>", "<password>")')
        else:
            module = "azure.identity.aio" if aio else "azure.identity"
            imports.append(f"from {module} import DefaultAzureCredential")
            args.append("DefaultAzureCredential()")
    args += [py_string(f"<{p.wire_name}>") for p in others if p.required and p.default is None]
    call = f"{client_class}({', '.join(args)})"
    if len(call) > 90:
        call = f"{client_class}(\n" + "".join(f"    {a},\n" for a in args) + ")"
    return "\n".join(imports), call
