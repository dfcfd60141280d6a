"""Build the IR (:mod:`generator.ir`) from a loaded spec (always in the Swagger 2.0 shape: the
loader lowers OpenAPI 3 documents into it, see :mod:`generator.openapi3`).

Stages, in order: every definition (enums first, then models and aliases), every operation with
its parameters, bodies and responses (registering inline objects and enums met on the way under a
context path), the inheritance/discriminator links, the behaviours (paging, long-running, event
streams), the readOnly flags the spec contradicts (:mod:`.read_only`), what
``x-ms-client-flatten`` lifts, then the client facts.  Names are left empty for
:mod:`generator.naming`.
Anything not understood is reported to the sink and skipped or typed as any.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from itertools import groupby
from pathlib import Path

from generator.diagnostics import DiagnosticSink
from generator.ir import ApiSpec, OperationGroup
from generator.ir_builder.behaviours import add_behaviours
from generator.ir_builder.client import build_client
from generator.ir_builder.context import BuildContext
from generator.ir_builder.definitions import build_definitions
from generator.ir_builder.flatten import flatten
from generator.ir_builder.models import link_hierarchy
from generator.ir_builder.operations import build_operations
from generator.ir_builder.overrides import keep_inherited_enums
from generator.ir_builder.read_only import keep_contradicted_read_only
from generator.load import LoadedSpec


def build_ir(loaded: LoadedSpec, sink: DiagnosticSink) -> ApiSpec:
    """The IR of ``loaded`` with empty Python names; problems go to ``sink``."""
    raw = loaded.raw if isinstance(loaded.raw, Mapping) else {}
    main_uri = Path(loaded.path).resolve().as_uri()
    ctx = BuildContext(raw=raw, sink=sink, document=loaded.document, main_uri=main_uri)
    build_definitions(ctx)
    operations = build_operations(ctx)
    link_hierarchy(ctx)
    keep_inherited_enums(ctx)
    operations = add_behaviours(ctx, operations)
    # Before flattening: examples and request/response reach are read in the wire shape.
    keep_contradicted_read_only(ctx, operations, Path(loaded.path).parent)
    operations = flatten(ctx, operations)
    client = build_client(ctx, operations)
    # Host parameters that belong to the operations are filled per request, like path ones.
    per_operation = tuple(p for p in client.host.parameters if not p.client_level)
    if per_operation:
        operations = [replace(op, parameters=(*op.parameters, *per_operation)) for op in operations]
    # Group names that differ only in case (``HttpSuccess_Get``, ``httpSuccess_Put``) are one
    # group, spelled as its alphabetically first spelling.
    spellings: dict[str, str] = {}
    for key in sorted({op.group_key for op in operations}):
        spellings.setdefault(key.lower(), key)
    operations = [replace(op, group_key=spellings[op.group_key.lower()]) for op in operations]
    ordered = sorted(operations, key=lambda op: (op.group_key, op.path, op.method))
    groups = tuple(
        OperationGroup(key=key, py_name="", class_name="", operations=tuple(members))
        for key, members in groupby(ordered, key=lambda op: op.group_key)
    )
    return ApiSpec(
        source=str(loaded.path),
        client=client,
        groups=groups,
        models=tuple(ctx.models[k] for k in sorted(ctx.models)),
        enums=tuple(ctx.enums[k] for k in sorted(ctx.enums)),
        aliases=tuple(ctx.aliases[k] for k in sorted(ctx.aliases)),
    )


__all__ = ["build_ir"]
