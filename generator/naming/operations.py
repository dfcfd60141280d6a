"""Names of the client surface: groups, methods, parameters, response headers, client options."""

from __future__ import annotations

import bisect
import itertools
import json
from dataclasses import replace

from generator.ir import (
    BinaryBody,
    Client,
    JsonBody,
    MultipartBody,
    Operation,
    OperationGroup,
    Parameter,
    RequestBody,
    Response,
)
from generator.naming.words import (
    BUILTINS,
    CLIENT_MEMBERS,
    CLIENT_RESERVED,
    KEYWORDS,
    METHOD_LOCALS,
    SOFT_KEYWORDS,
    Wanted,
    pad,
    pascal,
    resolve,
    snake,
    words,
)

PARAMETER_RESERVED = SOFT_KEYWORDS | BUILTINS | METHOD_LOCALS
_LOCATION_ORDER = {"path": 0, "query": 1, "header": 2, "body": 3, "form": 4}


def method_base(operation: Operation) -> str:
    """The snake_case verb part of the operationId, before paging/LRO prefixes."""
    operation_id = operation.operation_id.strip("_")
    if "_" in operation_id:
        return snake(operation_id.split("_", 1)[1], "call")
    if not operation_id:
        tail = [s for s in operation.path.split("/") if s and "{" not in s][-1:]
        return snake(operation.method + "_" + "_".join(tail), operation.method)
    op_words = words(operation_id)
    group = "".join(words(operation.group_key)).lower()
    rest = _after_group(op_words, group)
    if not rest:
        rest = _before_group(op_words, group)  # verb first: ListWidgets in Widgets -> list
    return "_".join(w.lower() for w in rest) if rest else snake(operation_id, "call")


def _before_group(op_words: list[str], group: str) -> list[str]:
    """The words before the group's name when the operationId ends with it as whole words.

    Only the word boundary that leaves exactly ``len(group)`` letters can match, so that one is
    compared (joining every suffix was quadratic in the operationId's length).
    """
    lowered = [word.lower() for word in op_words]
    joined = "".join(lowered)
    wanted = len(joined) - len(group)
    offset = 0
    for start in range(1, len(lowered)):
        offset += len(lowered[start - 1])
        if offset == wanted and joined[offset:] == group:
            return op_words[:start]
        if offset > wanted:
            break
    return []


def _after_group(op_words: list[str], group: str) -> list[str]:
    """The words of an operationId after the last spelling of the group's name in it.

    Compared letter by letter, so ``microsoftAzureFinetunesList`` still finds ``FineTunes``.  A
    match counts when it covers whole words, or lies inside one word as its start or its end
    (``OperationsimagesDelete`` after ``Images`` -> delete; after ``Operations`` -> images,
    delete); a match that spans words but stops inside the last one is a coincidence of letters
    (``...OperationStatus`` is not the group ``Operations`` followed by ``tatus``) and is ignored.
    """
    if not group:
        return []
    lowered = [w.lower() for w in op_words]
    starts = list(itertools.accumulate((len(w) for w in lowered[:-1]), initial=0))
    starts = starts if lowered else []
    ends = [start + len(word) for start, word in zip(starts, lowered, strict=True)]
    start_set, end_set = set(starts), set(ends)
    joined = "".join(lowered)

    def word_at(position: int) -> int:
        return bisect.bisect_right(starts, position) - 1

    # A match that counts starts a word or ends one, so only those places are tried, from the
    # right (each test stops at the first differing letter): linear in practice, where walking
    # every occurrence with rfind was quadratic for long operationIds.
    candidates = sorted(start_set | {e - len(group) for e in ends if e >= len(group)}, reverse=True)
    found = -1
    for candidate in candidates:
        if not joined.startswith(group, candidate):
            continue
        end = candidate + len(group)
        whole = candidate in start_set and end in end_set
        inside_one = word_at(candidate) == word_at(end - 1) and (
            candidate in start_set or end in end_set
        )
        if whole or inside_one:
            found = candidate
            break
    if found == -1:
        return []
    end = found + len(group)
    rest: list[str] = []
    for word, start in zip(lowered, starts, strict=True):
        if start >= end:
            rest.append(word)
        elif start + len(word) > end:
            rest.append(word[end - start :])
    return rest


def method_name(operation: Operation, group_py_name: str) -> str:
    """The method name following the guidelines (``list_*`` when paged, ``begin_*`` for LRO)."""
    name = method_base(operation)
    if operation.paging is not None and not (name == "list" or name.startswith("list_")):
        if name.startswith("get") and name != "get":
            name = "list_" + name[3:].lstrip("_")  # get_events, getevents -> list_events
        else:
            name = "list" if name == "get" else "list_" + name
    if operation.long_running is not None and not name.startswith("begin_"):
        name = "begin_" + name
    if name in KEYWORDS:
        noun = group_py_name.strip("_").rsplit("_", 1)[-1] or "call"
        noun = noun[:-1] if noun.endswith("s") and len(noun) > 1 else noun
        name = f"{name}_{noun}"
    return pad(name, frozenset())


def _named_parameters(
    operation: Operation, client_names: dict[str, str]
) -> tuple[tuple[Parameter, ...], RequestBody | None]:
    """The operation's parameters and body with names, one namespace per method."""
    slots: list[tuple[tuple[int, int, str], str, str, str]] = []  # (order, location, wire, src)
    for index, p in enumerate(operation.parameters):
        if not p.client_level:
            src = p.client_name or p.wire_name
            slots.append(
                (
                    (_LOCATION_ORDER[p.location.value], index, p.wire_name),
                    p.location.value,
                    p.wire_name,
                    src,
                )
            )
    body = operation.body
    # Arguments of a flattened body lifted out of containers fall back to the name with the
    # containers' names in front (``props_type``), as the model's attribute is named.
    prefixed: dict[str, str] = {}
    if isinstance(body, JsonBody) and body.flattened:
        # A flattened body: one keyword per property of its model, keyed by the property's path.
        for index, arg in enumerate(body.flattened):
            path = _path_key(arg.path)
            src = arg.property.client_name or arg.property.wire_name
            slots.append(((3, index, path), "body", path, src))
            if len(arg.path) > 1:
                joined = "_".join((*arg.path[:-1], src))
                prefixed[path] = pad(snake(joined, "param"), PARAMETER_RESERVED)
    elif isinstance(body, JsonBody | BinaryBody):
        slots.append(((3, 0, body.wire_name), "body", body.wire_name, body.wire_name))
    elif isinstance(body, MultipartBody):
        for index, f in enumerate(body.fields):
            slots.append(((4, index, f.wire_name), "form", f.wire_name, f.wire_name))
    ordered = sorted(slots, key=lambda s: (snake(s[3], "param") != s[3], s[0]))
    wanted = [
        (
            pad(snake(src, "param"), PARAMETER_RESERVED),
            [
                *([prefixed[wire]] if loc == "body" and wire in prefixed else []),
                pad(f"{snake(src, 'param')}_{loc}", PARAMETER_RESERVED),
            ],
        )
        for _, loc, wire, src in ordered
    ]
    names = resolve(wanted, PARAMETER_RESERVED | KEYWORDS)
    chosen = {(loc, wire): name for (_, loc, wire, _), name in zip(ordered, names, strict=True)}
    parameters = tuple(
        (
            replace(p, py_name=client_names[p.wire_name])
            if p.client_level and p.wire_name in client_names
            else replace(p, py_name=chosen.get((p.location.value, p.wire_name), snake(p.wire_name)))
        )
        for p in operation.parameters
    )
    if isinstance(body, JsonBody) and body.flattened:
        arguments = tuple(
            replace(a, property=replace(a.property, py_name=chosen[("body", _path_key(a.path))]))
            for a in body.flattened
        )
        body = replace(body, py_name=snake(body.wire_name, "body"), flattened=arguments)
    elif isinstance(body, JsonBody | BinaryBody):
        body = replace(body, py_name=chosen[("body", body.wire_name)])
    elif isinstance(body, MultipartBody):
        fields = tuple(replace(f, py_name=chosen[("form", f.wire_name)]) for f in body.fields)
        body = replace(body, fields=fields)
    return parameters, body


def _path_key(path: tuple[str, ...]) -> str:
    """One string per property path (JSON text: two paths never give one key)."""
    return json.dumps(list(path))


def _named_responses(responses: tuple[Response, ...]) -> tuple[Response, ...]:
    named: list[Response] = []
    for response in responses:
        names = resolve(
            [(pad(snake(h.wire_name, "header"), BUILTINS), []) for h in response.headers]
        )
        headers = tuple(replace(h, py_name=n) for h, n in zip(response.headers, names, strict=True))
        named.append(replace(response, headers=headers))
    return tuple(named)


def named_groups(
    groups: tuple[OperationGroup, ...], client_names: dict[str, str]
) -> tuple[OperationGroup, ...]:
    group_names = resolve(
        [(pad(snake(g.key, "operations"), CLIENT_MEMBERS), []) for g in groups], CLIENT_MEMBERS
    )
    class_names = resolve(
        [
            (pascal(g.key, "Default") + "Operations" if g.key else "ClientOperationsMixin", [])
            for g in groups
        ]
    )
    # The client's own operations have no attribute: their methods sit on the client.
    group_names = ["" if g.key == "" else n for g, n in zip(groups, group_names, strict=True)]
    named: list[OperationGroup] = []
    for group, py_name, class_name in zip(groups, group_names, class_names, strict=True):
        methods = [method_name(op, py_name) for op in group.operations]
        order = sorted(
            range(len(methods)),
            key=lambda i: (
                methods[i] != method_base(group.operations[i]),
                group.operations[i].path,
                group.operations[i].method,
            ),
        )
        # Methods on the client itself must not hide its members or its group attributes.
        taken = CLIENT_MEMBERS | {n for n in group_names if n} if not group.key else frozenset()
        picked = resolve(
            [(methods[i], [f"{methods[i]}_{group.operations[i].method}"]) for i in order], taken
        )
        final = dict(zip(order, picked, strict=True))
        operations: list[Operation] = []
        for index, op in enumerate(group.operations):
            parameters, body = _named_parameters(op, client_names)
            operations.append(
                replace(
                    op,
                    py_name=final[index],
                    parameters=parameters,
                    body=body,
                    responses=_named_responses(op.responses),
                )
            )
        named.append(
            replace(group, py_name=py_name, class_name=class_name, operations=tuple(operations))
        )
    return tuple(named)


def named_client(client: Client) -> tuple[Client, dict[str, str]]:
    """The client with names; also wire name -> py name of every client-level parameter."""
    every = [*client.host.parameters, *client.client_parameters]
    wanted: Wanted = [
        (pad(snake(p.client_name or p.wire_name, "param"), CLIENT_RESERVED), []) for p in every
    ]
    names = resolve(wanted, CLIENT_RESERVED | KEYWORDS)
    named = {p.wire_name: n for p, n in zip(every, names, strict=True)}
    # Host parameters that the operations carry are named with each operation's parameters.
    by_wire = {
        p.wire_name: named[p.wire_name]
        for p in every
        if p.client_level or p not in client.host.parameters
    }
    host = replace(
        client.host,
        parameters=tuple(replace(p, py_name=named[p.wire_name]) for p in client.host.parameters),
    )
    parameters = tuple(replace(p, py_name=named[p.wire_name]) for p in client.client_parameters)
    return replace(client, host=host, client_parameters=parameters), by_wire
