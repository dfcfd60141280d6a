"""Tiny builders for IR values, so a test states only what it is about."""

from __future__ import annotations

import re

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
    HostTemplate,
    JsonBody,
    Model,
    ModelRef,
    Operation,
    OperationGroup,
    Parameter,
    ParameterLocation,
    Primitive,
    PrimitiveType,
    Property,
    Response,
    TypeRef,
)

STRING = PrimitiveType(Primitive.STRING)
INT32 = PrimitiveType(Primitive.INT32)
INT64 = PrimitiveType(Primitive.INT64)
BOOLEAN = PrimitiveType(Primitive.BOOLEAN)
UNIX_TIME = PrimitiveType(Primitive.UNIX_TIME)

__all__ = ["BOOLEAN", "INT32", "INT64", "STRING", "UNIX_TIME", "ArrayType", "Default"]


def snake(name: str) -> str:
    """FineTunes -> fine_tunes, getEvents -> get_events, job-id -> job_id."""
    name = re.sub(r"[^0-9A-Za-z]+", "_", name)
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower().strip("_")


def ref(key: str) -> ModelRef:
    return ModelRef(key)


def eref(key: str) -> EnumRef:
    return EnumRef(key)


def prop(
    name: str,
    type: TypeRef = STRING,
    *,
    required: bool = False,
    read_only: bool = False,
    py_name: str | None = None,
) -> Property:
    return Property(name, py_name or snake(name), type, required, read_only=read_only)


def model(
    key: str,
    *props: Property,
    parents: tuple[str, ...] = (),
    discriminator: tuple[str, tuple[tuple[str, str], ...]] | None = None,
    discriminator_value: str | None = None,
    class_name: str | None = None,
    inline: bool = False,
) -> Model:
    return Model(
        key=key,
        class_name=class_name or key.replace(".", ""),
        properties=props,
        parents=parents,
        discriminator=Discriminator(*discriminator) if discriminator else None,
        discriminator_value=discriminator_value,
        inline=inline,
    )


def enum(key: str, *values: str, extensible: bool = True, class_name: str | None = None) -> Enum:
    return Enum(
        key=key,
        class_name=class_name or key,
        base=Primitive.STRING,
        values=tuple(EnumValue(v, snake(v).upper()) for v in values),
        extensible=extensible,
    )


def param(
    name: str,
    location: str = "query",
    type: TypeRef = STRING,
    *,
    required: bool = False,
    py_name: str | None = None,
) -> Parameter:
    return Parameter(
        name,
        py_name or snake(name),
        ParameterLocation(location),
        type,
        required or location == "path",
    )


def body(type: TypeRef, *, required: bool = True) -> JsonBody:
    return JsonBody("body", "body", type, required, ("application/json",))


def op(
    op_id: str,
    method: str,
    path: str,
    *params: Parameter,
    body: JsonBody | None = None,
    responses: dict[str, TypeRef | None] | None = None,
    py_name: str | None = None,
) -> Operation:
    given = responses if responses is not None else {"200": None}
    path_params = tuple(
        param(name, "path", required=True) for name in re.findall(r"\{([^}]+)\}", path)
    )
    return Operation(
        operation_id=op_id,
        group_key=op_id.split("_")[0],
        py_name=py_name or snake(op_id.split("_")[-1]),
        method=method,
        path=path,
        parameters=path_params + params,
        body=body,
        responses=tuple(Response(status, t) for status, t in sorted(given.items())),
    )


def spec(
    version: str,
    ops: tuple[Operation, ...] = (),
    models: tuple[Model, ...] = (),
    enums: tuple[Enum, ...] = (),
    *,
    group_names: dict[str, str] | None = None,
) -> ApiSpec:
    groups: dict[str, list[Operation]] = {}
    for o in ops:
        groups.setdefault(o.group_key, []).append(o)
    names = group_names or {}
    return ApiSpec(
        source=f"{version}.json",
        client=Client(
            title="Test",
            description="",
            api_version=version,
            default_api_version=version,
            host=HostTemplate("{endpoint}", False, ()),
            client_parameters=(),
            auth=(ApiKeyAuth("key", "api-key"),),
        ),
        groups=tuple(
            OperationGroup(key, names.get(key, snake(key)), key + "Operations", tuple(members))
            for key, members in sorted(groups.items())
        ),
        models=tuple(sorted(models, key=lambda m: m.key)),
        enums=tuple(sorted(enums, key=lambda e: e.key)),
    )
