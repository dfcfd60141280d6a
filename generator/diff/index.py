"""Lookups and reachability over one :class:`~generator.ir.ApiSpec`, built once per version.

Direction awareness needs to know, for every model and enum, whether it travels in requests
(parameters, bodies), in responses, or both; "each root cause is one entry" needs to know which
operations and models a model or enum reaches.  Both come from one graph whose nodes are models
and enums and whose edges are "uses": property types, parents, and the subtypes of a polymorphic
root (a value typed as the root may be any subtype).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.diff.changes import Reach
from generator.ir import (
    ApiSpec,
    ArrayType,
    BinaryBody,
    Enum,
    EnumRef,
    JsonBody,
    MapType,
    Model,
    ModelRef,
    MultipartBody,
    Operation,
    OperationGroup,
    TypeRef,
    UnionType,
)

REQUEST = "request"
RESPONSE = "response"

_PATH_PARAMETER = re.compile(r"\{[^}]*\}")


def normalize_path(path: str) -> str:
    """``/ingestion/jobs/{job-id}`` -> ``/ingestion/jobs/{}``: parameter names do not matter."""
    return _PATH_PARAMETER.sub("{}", path)


def path_parameter_names(path: str) -> tuple[str, ...]:
    """The path parameters of ``path``, in order: ``/a/{x}/b/{y}`` -> ``("x", "y")``."""
    return tuple(m.group(0)[1:-1] for m in _PATH_PARAMETER.finditer(path))


def op_key(op: Operation) -> str:
    """How the diff names an operation: its operationId, else ``GET /path`` (never empty)."""
    return op.operation_id or f"{op.method.upper()} {op.path}"


operation_name = op_key  # the same text, where a sentence names the operation


def model_node(key: str) -> str:
    """Graph node id of a model (models and enums may share a key)."""
    return "model:" + key


def enum_node(key: str) -> str:
    """Graph node id of an enum."""
    return "enum:" + key


def node_key(node: str) -> str:
    """The model or enum key of a graph node."""
    return node.split(":", 1)[1]


def type_nodes(t: TypeRef | None) -> Iterator[str]:
    """Every model/enum node a type mentions (through arrays, maps and unions)."""
    if t is None:
        return
    if isinstance(t, ModelRef):
        yield model_node(t.key)
    elif isinstance(t, EnumRef):
        yield enum_node(t.key)
    elif isinstance(t, ArrayType):
        yield from type_nodes(t.items)
    elif isinstance(t, MapType):
        yield from type_nodes(t.values)
    elif isinstance(t, UnionType):
        for member in t.members:
            yield from type_nodes(member)


def request_types(op: Operation) -> Iterator[TypeRef]:
    """Types a client sends for ``op``."""
    for parameter in op.parameters:
        yield parameter.type
    if isinstance(op.body, JsonBody):
        yield op.body.type
    elif isinstance(op.body, MultipartBody):
        for form_field in op.body.fields:
            yield form_field.type


def response_types(op: Operation) -> Iterator[TypeRef]:
    """Types the service sends for ``op`` (bodies, headers, pages, events, final LRO results)."""
    for response in op.responses:
        if response.body is not None:
            yield response.body
        for header in response.headers:
            yield header.type
    if op.paging is not None:
        yield op.paging.item_type
    if op.long_running is not None and op.long_running.final_type is not None:
        yield op.long_running.final_type
    if op.event_stream is not None:
        yield op.event_stream.event_type


@dataclass
class SpecIndex:
    """One version's IR with the lookups the comparisons need."""

    spec: ApiSpec
    models: dict[str, Model] = field(default_factory=dict)
    enums: dict[str, Enum] = field(default_factory=dict)
    operations: dict[str, Operation] = field(default_factory=dict)
    group_of: dict[str, OperationGroup] = field(default_factory=dict)
    edges: dict[str, set[str]] = field(default_factory=dict)
    users: dict[str, set[str]] = field(default_factory=dict)
    request_ops: dict[str, set[str]] = field(default_factory=dict)
    response_ops: dict[str, set[str]] = field(default_factory=dict)
    _user_closure: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def version(self) -> str:
        """The API version label (``info.version``)."""
        return self.spec.client.api_version

    @property
    def paths(self) -> set[str]:
        """Every normalized path with at least one operation."""
        return {normalize_path(op.path) for op in self.operations.values()}

    def reachable(self, roots: Iterator[str]) -> set[str]:
        """Nodes reachable from ``roots`` (roots included)."""
        seen: set[str] = set()
        stack = list(roots)
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            stack.extend(self.edges.get(node, ()))
        return seen

    def directions(self, node: str) -> frozenset[str]:
        """``{"request"}``, ``{"response"}``, both, or empty when no operation uses ``node``."""
        found = set()
        if self.request_ops.get(node):
            found.add(REQUEST)
        if self.response_ops.get(node):
            found.add(RESPONSE)
        return frozenset(found)

    def ops_reaching(self, node: str) -> set[str]:
        """operationIds whose requests or responses contain ``node``."""
        return self.request_ops.get(node, set()) | self.response_ops.get(node, set())

    def user_closure(self, node: str) -> frozenset[str]:
        """Models that contain ``node``, directly or transitively (``node`` itself excluded)."""
        cached = self._user_closure.get(node)
        if cached is not None:
            return cached
        seen: set[str] = set()
        stack = list(self.users.get(node, ()))
        while stack:
            user = stack.pop()
            if user in seen or user == node:
                continue
            seen.add(user)
            stack.extend(self.users.get(user, ()))
        result = frozenset(seen)
        self._user_closure[node] = result
        return result


def build_index(spec: ApiSpec) -> SpecIndex:
    """Index ``spec``: lookups by key and operationId, the uses graph, and directions."""
    index = SpecIndex(spec)
    for model in spec.models:
        index.models[model.key] = model
    for item in spec.enums:
        index.enums[item.key] = item
    for group in spec.groups:
        for op in group.operations:
            index.operations[op_key(op)] = op
            index.group_of[op_key(op)] = group
    for model in spec.models:
        node = model_node(model.key)
        targets = index.edges.setdefault(node, set())
        for prop in model.properties:
            targets.update(type_nodes(prop.type))
        targets.update(type_nodes(model.additional_properties))
        targets.update(model_node(parent) for parent in model.parents)
        if model.discriminator is not None:
            targets.update(model_node(key) for _, key in model.discriminator.subtypes)
        targets.discard(node)
        for target in targets:
            index.users.setdefault(target, set()).add(node)
    for op_id, op in index.operations.items():
        requests = index.reachable(n for t in request_types(op) for n in type_nodes(t))
        responses = index.reachable(n for t in response_types(op) for n in type_nodes(t))
        for node in requests:
            index.request_ops.setdefault(node, set()).add(op_id)
        for node in responses:
            index.response_ops.setdefault(node, set()).add(op_id)
    return index


def reach_of(nodes: list[str], indexes: tuple[SpecIndex, SpecIndex]) -> Reach:
    """Operations, groups and user models reached by ``nodes`` in either version."""
    ops: set[str] = set()
    groups: set[str] = set()
    users: set[str] = set()
    for index in indexes:
        for node in nodes:
            reached = index.ops_reaching(node)
            ops |= reached
            groups.update(index.group_of[op_id].py_name for op_id in reached)
            users.update(node_key(user) for user in index.user_closure(node))
    users.difference_update(node_key(node) for node in nodes)
    return Reach(tuple(sorted(ops)), tuple(sorted(groups)), tuple(sorted(users)))


def body_kind(op: Operation) -> str:
    """A short description of the request body's kind, for messages."""
    if isinstance(op.body, JsonBody):
        return "JSON body"
    if isinstance(op.body, MultipartBody):
        return "multipart body"
    if isinstance(op.body, BinaryBody):
        return "binary body"
    return "no body"
