"""What an operation takes from its caller, keyed so that two versions of it can be paired.

Path, query and header parameters, a body and form fields are different things in the IR, but a
caller passes each of them as an argument of one generated method, and the comparison of inputs
wants them as one kind of thing, with the key that says which input of the old version is which
of the new one.  Path parameters are keyed
by their position in the path: the name of a path parameter never travels on the wire.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.diff.index import path_parameter_names
from generator.ir import (
    BinaryBody,
    FormField,
    JsonBody,
    MultipartBody,
    Operation,
    Parameter,
    ParameterLocation,
    TypeRef,
)


@dataclass(frozen=True, slots=True)
class Input:
    """Anything a caller passes: a path/query/header parameter, a body, or a form field."""

    key: tuple[str, str]  # ("path", "0"), ("query", "purpose"), ("body", ""), ("form", "file")
    label: str  # "query parameter purpose"
    py_name: str
    type: TypeRef | None  # None for binary bodies
    required: bool
    positional: bool  # a positional argument of the generated method (path, required body)
    parameter: Parameter | None = None  # the path/query/header parameter, if it is one
    form_field: FormField | None = None  # the multipart/form part, if it is one

    @property
    def wire_name(self) -> str:
        """The name the value travels under (path parameters: their name in the path)."""
        return self.parameter.wire_name if self.parameter is not None else self.key[1]


def inputs(op: Operation) -> dict[tuple[str, str], Input]:
    """Everything ``op`` takes from its caller, keyed so that two versions can be paired."""
    found: dict[tuple[str, str], Input] = {}
    positions = {name: str(i) for i, name in enumerate(path_parameter_names(op.path))}
    for p in op.parameters:
        if p.client_level:
            continue
        if p.location is ParameterLocation.PATH:
            key = ("path", positions.get(p.wire_name, p.wire_name))
        elif p.location is ParameterLocation.HEADER:
            key = ("header", p.wire_name.lower())
        else:
            key = ("query", p.wire_name)
        label = f"{p.location.value} parameter {p.wire_name}"
        positional = p.location is ParameterLocation.PATH
        found[key] = Input(key, label, p.py_name, p.type, p.required, positional, p)
    if isinstance(op.body, JsonBody | BinaryBody):
        body_type = op.body.type if isinstance(op.body, JsonBody) else None
        found[("body", "")] = Input(
            ("body", ""),
            "request body",
            op.body.py_name,
            body_type,
            op.body.required,
            op.body.required,
        )
    elif isinstance(op.body, MultipartBody):
        for f in op.body.fields:
            key = ("form", f.wire_name)
            found[key] = Input(
                key, f"form field {f.wire_name}", f.py_name, f.type, f.required, False, None, f
            )
    return found


def positional_names(op: Operation) -> tuple[str, ...]:
    """The generated method's positional arguments, in order."""
    return tuple(i.py_name for i in inputs(op).values() if i.positional)
