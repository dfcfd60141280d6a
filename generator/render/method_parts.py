"""The pieces of one generated method, collected while its parameters, body and result are read.

Parameters, parameter groups, the body and the paging cursor each add arguments, docstring
fields and request entries (path, query, headers); they share this one collector so that the
order of arguments and of their docs is the order in which the operation declares them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.ir import ApiSpec, TypeRef
from generator.render import docs
from generator.render.operation_views import ParamView
from generator.render.types import ImportNeeds, TypeNamer, optional

_RESERVED_LOCALS = {"self", "kwargs", "cls"}


def safe_name(name: str) -> str:
    """``name`` as a local of a generated method (not one of the names the method itself uses)."""
    return f"{name}_" if name in _RESERVED_LOCALS else name


@dataclass
class RenderScope:
    """What every operation of one spec is rendered with, and the imports they need."""

    spec: ApiSpec
    namer: TypeNamer
    models_path: str
    needs: ImportNeeds = field(default_factory=ImportNeeds)
    package: str = ""  # the import package, first part of every span name


@dataclass
class MethodParts:
    """Arguments, docstring fields and request entries of one method, in declaration order."""

    scope: RenderScope
    positional: list[ParamView] = field(default_factory=list)
    required_kw: list[ParamView] = field(default_factory=list)
    optional_kw: list[ParamView] = field(default_factory=list)
    path_entries: list[tuple[str, str]] = field(default_factory=list)
    skip: list[str] = field(default_factory=list)  # wire names sent without URL encoding
    query: list[tuple[str, str]] = field(default_factory=list)
    headers: list[tuple[str, str]] = field(default_factory=list)
    param_docs: list[str] = field(default_factory=list)  # positional parameters' fields
    keyword_docs: list[str] = field(default_factory=list)  # keywords' fields, after them

    def document(self, role: str, name: str, text: str, tp: TypeRef | str, required: bool) -> None:
        """The docstring fields of one argument (``role``: ``param`` or ``keyword``)."""
        suffix = "Required." if required else "Default value is None."
        target = self.param_docs if role == "param" else self.keyword_docs
        target.extend(docs.field_lines(role, name, f"{text} {suffix}".strip(), 8))
        type_role = "type" if role == "param" else "paramtype"
        scope = self.scope
        type_text = tp if isinstance(tp, str) else scope.namer.doc_type(tp, scope.models_path)
        target.extend(docs.field_lines(type_role, name, type_text, 8))

    def keyword(self, name: str, annotation: str, required: bool) -> None:
        """A keyword argument: required ones first, optional ones default to None."""
        if required:
            self.required_kw.append(ParamView(name, annotation, None))
        else:
            self.optional_kw.append(ParamView(name, optional(annotation), "None"))

    def take(self, name: str, annotation: str, required: bool) -> None:
        """A required argument goes first, positional; an optional one is a keyword."""
        if required:
            self.positional.append(ParamView(name, annotation, None))
        else:
            self.optional_kw.append(ParamView(name, optional(annotation), "None"))

    def argument(self, name: str, annotation: str, required: bool, text: str, tp: TypeRef) -> None:
        """:meth:`take` the argument and document it as a parameter or a keyword."""
        self.take(name, annotation, required)
        self.document("param" if required else "keyword", name, text, tp, required)
