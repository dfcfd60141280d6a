"""Arguments for generated client methods, synthesized from the IR, and checks of their results.

Values are typed: models are built through their generated classes (required writable
properties, discriminator values filled in), enums are members of the generated enum classes,
date-times are aware datetimes.  So a request that Prism accepts proves the generated
serialization, not a hand-written dict.
"""

from __future__ import annotations

import datetime
import importlib
import inspect
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from generator import ir

UPLOAD = ("train.jsonl", b'{"prompt": "p", "completion": "c"}\n', "application/octet-stream")
UUID_VALUE = "4fa2a4c1-0d4e-4f4e-9d5c-6a3b1e2f7a10"
WHEN = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
PACKAGE = "azure_openai_authoring"


@cache
def compiled(spec: Path) -> ir.ApiSpec:
    """The IR of ``spec`` (fails the test when the spec does not compile)."""
    from generator.pipeline import compile_spec

    api, diagnostics = compile_spec(spec)
    if api is None:
        raise AssertionError("\n".join(d.render() for d in diagnostics))
    return api


def package_name(version: str) -> str:
    """``2023-06-01-preview`` -> ``v2023_06_01_preview``."""
    return "v" + version.replace("-", "_")


@dataclass(frozen=True)
class Generated:
    """The generated modules of one API version."""

    sync: ModuleType
    aio: ModuleType
    models: ModuleType

    def client_class(self, *, asynchronous: bool) -> Any:
        """The (only) client class exported by the version package or its ``aio``."""
        module = self.aio if asynchronous else self.sync
        names = [n for n in getattr(module, "__all__", dir(module)) if n.endswith("Client")]
        assert len(names) == 1, f"expected one client class in {module.__name__}: {names}"
        return getattr(module, names[0])


def generated(version: str) -> Generated:
    """Import the generated package of ``version``."""
    base = f"{PACKAGE}.{package_name(version)}"
    return Generated(
        importlib.import_module(base),
        importlib.import_module(f"{base}.aio"),
        importlib.import_module(f"{base}.models"),
    )


class Synthesizer:
    """Builds plausible, spec-valid Python values for IR types."""

    def __init__(
        self, api: ir.ApiSpec, models: ModuleType, *, full: bool = False, upload: Any = UPLOAD
    ) -> None:
        self.api = api
        self.models = models
        self.full = full  # also optional properties and parameters (near the top level)
        self.upload = upload  # what file parts send: a (name, bytes, type) tuple or a path
        self.by_key = {m.key: m for m in api.models}

    def model_class(self, key: str) -> Any:
        """The generated class of model ``key``."""
        return getattr(self.models, self.by_key[key].class_name)

    def enum_class(self, key: str) -> Any:
        """The generated class of enum ``key`` (None when not exported)."""
        return getattr(self.models, self.api.enum(key).class_name, None)

    def all_properties(self, model: ir.Model) -> list[ir.Property]:
        """Own and inherited properties (parents first)."""
        found: list[ir.Property] = []
        for parent in model.parents:
            if parent in self.by_key:
                found.extend(self.all_properties(self.by_key[parent]))
        found.extend(model.properties)
        return found

    def discriminator_of(self, model: ir.Model) -> tuple[str, str] | None:
        """(wire name, value) of the discriminator ``model`` carries, when it has a root."""
        root = self._root(model)
        if root is None or root.discriminator is None:
            return None
        return (root.discriminator.property_wire_name, model.discriminator_value or model.key)

    def _root(self, model: ir.Model) -> ir.Model | None:
        if model.discriminator is not None:
            return model
        for parent in model.parents:
            if parent in self.by_key:
                found = self._root(self.by_key[parent])
                if found is not None:
                    return found
        return None

    def concrete(self, model: ir.Model) -> ir.Model:
        """``model`` itself, or its first subtype when it is a polymorphic root."""
        if model.discriminator is not None and model.discriminator_value is None:
            for _value, key in model.discriminator.subtypes:
                if key != model.key and key in self.by_key:
                    return self.by_key[key]
        return model

    def value(self, tp: ir.TypeRef, depth: int = 0) -> Any:
        """A value of type ``tp``."""
        if isinstance(tp, ir.PrimitiveType):
            return primitive_value(tp.primitive)
        if isinstance(tp, ir.EnumRef):
            first = self.api.enum(tp.key).values[0].value
            enum_class = self.enum_class(tp.key)
            return enum_class(first) if enum_class is not None else first
        if isinstance(tp, ir.ArrayType):
            return [self.value(tp.items, depth + 1)]
        if isinstance(tp, ir.MapType):
            return {"key": self.value(tp.values, depth + 1)}
        if isinstance(tp, ir.UnionType):
            return self.value(tp.members[0], depth)
        if isinstance(tp, ir.ModelRef):
            return self.model_value(self.by_key[tp.key], depth)
        return {"any": "value"}

    def model_value(self, model: ir.Model, depth: int) -> Any:
        """An instance of ``model``'s class with its required writable properties set."""
        model = self.concrete(model)
        cls = getattr(self.models, model.class_name)
        accepted = inspect.signature(cls.__init__).parameters
        discriminator = self.discriminator_of(model)
        kwargs: dict[str, Any] = {}
        wanted = self.full and depth <= 3
        for prop in self.all_properties(model):
            if prop.read_only or prop.py_name not in accepted:
                continue  # a subtype's __init__ fills in its own discriminator
            if not prop.required and not wanted:
                continue
            if discriminator is not None and prop.wire_name == discriminator[0]:
                kwargs[prop.py_name] = discriminator[1]
                continue
            kwargs[prop.py_name] = self.constrained(prop.type, prop.constraints, depth + 1)
        return cls(**kwargs)

    def constrained(self, tp: ir.TypeRef, constraints: ir.Constraints, depth: int) -> Any:
        """A value of ``tp`` that also meets ``constraints``."""
        value = self.value(tp, depth)
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float):
            if constraints.minimum is not None and value < constraints.minimum:
                value = type(value)(constraints.minimum)
            if constraints.maximum is not None and value > constraints.maximum:
                value = type(value)(constraints.maximum)
        elif isinstance(value, str) and constraints.min_length:
            value = value.ljust(constraints.min_length, "x")
        elif isinstance(value, list) and constraints.min_items:
            value = value * constraints.min_items
        return value

    def arguments(self, operation: ir.Operation) -> dict[str, Any]:
        """Keyword arguments for the operation's method: required parameters and the body.

        With ``full``, optional parameters too, except the flag that switches the response
        to an event stream and a pager's cursor (given as ``by_page(continuation_token=...)``).
        """
        kwargs: dict[str, Any] = {}
        stream = operation.event_stream.trigger_parameter if operation.event_stream else None
        cursor = operation.paging.cursor_parameter if operation.paging else None
        for param in operation.parameters:
            if param.client_level or param.wire_name in (stream, cursor):
                continue
            if not param.required and not self.full:
                continue
            if param.location is ir.ParameterLocation.PATH:
                kwargs[param.py_name] = path_value(param)
            else:
                kwargs[param.py_name] = self.constrained(param.type, param.constraints, 0)
        body = operation.body
        if isinstance(body, ir.JsonBody):
            kwargs[body.py_name] = self.value(body.type)
        elif isinstance(body, ir.MultipartBody):
            for part in body.fields:
                if part.is_file:
                    kwargs[part.py_name] = self.upload
                elif part.required or self.full:
                    kwargs[part.py_name] = self.constrained(part.type, part.constraints, 0)
        elif isinstance(body, ir.BinaryBody):
            kwargs[body.py_name] = UPLOAD[1]
        return kwargs

    def python_class(self, tp: ir.TypeRef | None) -> Any:
        """The class a result of ``tp`` must be an instance of (None: not checked)."""
        if isinstance(tp, ir.ModelRef):
            return self.model_class(tp.key)
        if isinstance(tp, ir.ArrayType):
            return list
        if isinstance(tp, ir.MapType):
            return dict
        if isinstance(tp, ir.EnumRef):
            return str
        return None


def primitive_value(primitive: ir.Primitive) -> Any:
    """A plausible value of a primitive wire type."""
    values: dict[ir.Primitive, Any] = {
        ir.Primitive.STRING: "sample",
        ir.Primitive.BOOLEAN: False,
        ir.Primitive.INT32: 1,
        ir.Primitive.INT64: 1,
        ir.Primitive.INTEGER: 1,
        ir.Primitive.FLOAT: 1.0,
        ir.Primitive.DOUBLE: 1.0,
        ir.Primitive.NUMBER: 1.0,
        ir.Primitive.DATE_TIME: WHEN,
        ir.Primitive.DATE: WHEN.date(),
        ir.Primitive.UNIX_TIME: WHEN,
        ir.Primitive.BYTE: b"data",
        ir.Primitive.BINARY: UPLOAD[1],
        ir.Primitive.FILE: UPLOAD,
        ir.Primitive.URL: "https://example.com/resource",
        ir.Primitive.UUID: UUID_VALUE,
        ir.Primitive.DURATION: datetime.timedelta(seconds=5),
        ir.Primitive.PASSWORD: "secret",
    }
    return values[primitive]


def path_value(param: ir.Parameter) -> str:
    """A path segment: a uuid where the format asks for one, else an id-like string."""
    if param.type == ir.PrimitiveType(ir.Primitive.UUID):
        return UUID_VALUE
    return "sample-id"
