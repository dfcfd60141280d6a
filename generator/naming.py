"""The one naming pass: every Python identifier in the IR is chosen here, deterministically.

Rules
-----
Words: a spec name is split into ASCII words at non-alphanumerics and camelCase humps
(``dataRefreshIntervalInMinutes`` -> data/Refresh/Interval/In/Minutes, ``HTTPRequest`` ->
HTTP/Request); digits stay with the word before them (``int32``).  ``x-ms-client-name`` (and
x-ms-enum ``values[].name``) replaces the spec name as the source when present.

Shapes: snake_case for operation groups (client attributes), methods, parameters, properties and
response headers; PascalCase for models, enums, aliases and group classes
(``<Group>Operations``); UPPER_CASE for enum members.  A name that would start with a digit gets
a prefix (``n_`` for snake names, ``N`` for classes, ``V_`` for members); a name with no usable
characters becomes ``field``/``param``/``Model``/``VALUE`` (then the collision cascade applies).

Groups and methods (Azure SDK for Python guidelines): the group is the operationId prefix
(``FineTuning_List`` -> ``client.fine_tuning``; the builder falls back to the first tag when the
operationId has no ``_``, e.g. ``'Files:'`` -> ``files``).  The method is the operationId after
the ``_`` (or, without ``_``, the words after the group's words, e.g. ``microsoftAzureFilesList``
-> ``list``), in snake_case.  Paged operations start with ``list`` (``get_events`` ->
``list_events``, also ``getevents``; other names get ``list_`` in front), long-running ones
with ``begin_`` (``begin_generate``).  An operation without operationId is named from its HTTP
method and path.

Reserved names and padding (a trailing ``_`` as PEP 8 suggests, unless said otherwise):
- everywhere: the hard keywords (fixed list below, independent of the running Python);
- methods: a keyword method name instead takes the group's noun (``files.import`` ->
  ``import_file``) because ``import_`` reads badly at call sites;
- parameters (function scope): also the soft keywords (``match``, ``case``, ``type``, ``_``),
  every builtin (``filter`` -> ``filter_``, ``type`` -> ``type_``, ``id`` -> ``id_``), and names the
  generated methods use themselves (``self``, ``cls``, ``kwargs``, ``headers``, ``params``,
  ``timeout``, ``polling``, ...);
- client constructor parameters: also ``credential``, ``kwargs``, ``self``;
- properties (pydantic model fields): also the builtin type names used in annotations (``bytes``
  -> ``bytes_``, ``list``, ``str``, ...), names the models module imports (``datetime``, ...) and
  the attributes of pydantic's BaseModel and of the runtime Model (``model_config``, ``json``,
  ``dict``, ``copy``, ``schema``, ``as_dict``, ...); ``id``, ``object`` and ``type`` stay as they
  are (class attributes do not shadow builtins where it matters, and users expect ``job.id``);
- client attributes (groups): the client's own members (``close``, ``send_request``, ...);
- classes: builtins spelled in PascalCase (``Exception``, ``Warning``) and typing/pydantic names
  the generated modules import (``Any``, ``Field``, ``Enum``, ...); padded with the kind
  (``ExceptionModel``, ``FieldEnum``).

Collision cascade: names are chosen per namespace (a model with its inherited fields, one
method's parameters, one group's methods, the client's groups, the models module's classes, one
enum's members).  Candidates are ordered deterministically (the spec name that is already the
candidate first, then by kind and key); the first keeps the name, every later one tries in turn
(1) a context suffix (parameters: their location, ``foo_query``; methods: the HTTP method;
classes: the context path, ``FilesUploadPurpose``, then the kind, ``PurposeEnum``), (2) an index
``_2``, ``_3``, ... (classes: ``2``, ``3``), taking the first that is free.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from generator.diagnostics import DiagnosticSink
from generator.ir import (
    ApiSpec,
    BinaryBody,
    Client,
    Enum,
    EnumValue,
    JsonBody,
    MultipartBody,
    Operation,
    OperationGroup,
    Parameter,
    Property,
    RequestBody,
    Response,
)


def _names(text: str) -> frozenset[str]:
    """The whitespace-separated names in ``text``."""
    return frozenset(text.split())


KEYWORDS = _names("""
    False None True and as assert async await break class continue def del elif else except
    finally for from global if import in is lambda nonlocal not or pass raise return try
    while with yield
    """)
SOFT_KEYWORDS = frozenset({"_", "case", "match", "type"})
BUILTINS = _names("""
    abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr
    classmethod compile complex copyright credits delattr dict dir divmod enumerate eval
    exec exit filter float format frozenset getattr globals hasattr hash help hex id input
    int isinstance issubclass iter len license list locals map max memoryview min next
    object oct open ord pow print property quit range repr reversed round set setattr slice
    sorted staticmethod str sum super tuple type vars zip
    """)
METHOD_LOCALS = _names("""
    self cls kwargs args headers params timeout polling polling_interval continuation_token
    content_type error_map raw_response_hook request response pipeline_response
    """)
CLIENT_RESERVED = frozenset({"self", "credential", "kwargs", "cls"})
CLIENT_MEMBERS = frozenset({"close", "send_request", "api_version", "endpoint", "credential"})
ANNOTATION_NAMES = _names("""
    bool bytes dict float int list str set tuple frozenset datetime date time timedelta uuid
    decimal typing annotations
    """)
MODEL_MEMBERS = _names("""
    model_config model_fields model_computed_fields model_extra model_fields_set
    model_construct model_copy model_dump model_dump_json model_json_schema
    model_parametrized_name model_post_init model_rebuild model_validate model_validate_json
    model_validate_strings dict json copy parse_obj parse_raw parse_file from_orm construct
    schema schema_json validate update_forward_refs as_dict from_dict register_subtypes
    fields
    """)
CLASS_RESERVED = _names("""
    Any Annotated ClassVar Literal Optional Union Field Enum Ellipsis NotImplemented
    Exception BaseException Warning
    """)

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+[a-z]*")


def words(name: str) -> list[str]:
    """The ASCII words of ``name`` (see the module docstring)."""
    return _WORD.findall(name)


def snake(name: str, fallback: str = "field") -> str:
    """snake_case of ``name`` (``n_`` before a leading digit, ``fallback`` when empty)."""
    found = "_".join(w.lower() for w in words(name)) or fallback
    return "n_" + found if found[0].isdigit() else found


def pascal(name: str, fallback: str = "Model") -> str:
    """PascalCase of ``name`` (inner capitals kept: ``fineTune`` -> ``FineTune``)."""
    found = "".join(w[:1].upper() + w[1:] for w in words(name)) or fallback
    return "N" + found if found[0].isdigit() else found


def upper(name: str) -> str:
    """UPPER_CASE of ``name`` for enum members."""
    found = "_".join(w.upper() for w in words(name)) or "VALUE"
    return "V_" + found if found[0].isdigit() else found


Wanted = list[tuple[str, list[str]]]
"""Names to hand out, in priority order: (candidate, fallbacks)."""


def resolve(wanted: Wanted, taken: Iterable[str] = ()) -> list[str]:
    """The collision cascade: ``wanted`` is (candidate, fallbacks) in priority order.

    Every entry gets its candidate when free, else its first free fallback, else the candidate
    with the first free index suffix.  ``taken`` names are never given out.
    """
    used = set(taken)
    chosen: list[str] = []
    for candidate, fallbacks in wanted:
        for option in (candidate, *fallbacks):
            if option not in used:
                break
        else:
            sep = "" if candidate[:1].isupper() and not candidate.isupper() else "_"
            index = 2
            while f"{candidate}{sep}{index}" in used:
                index += 1
            option = f"{candidate}{sep}{index}"
        used.add(option)
        chosen.append(option)
    return chosen


def _pad(name: str, reserved: frozenset[str] | set[str]) -> str:
    while name in reserved or name in KEYWORDS:
        name += "_"
    return name


# --------------------------------------------------------------------------------------------
# Classes: models, enums, aliases
# --------------------------------------------------------------------------------------------


_CLASS_SUFFIX = {"model": "Model", "enum": "Enum", "alias": "Type"}


def _class_base(kind: str, source: str) -> str:
    """The class name a schema asks for: PascalCase, reserved names padded with the kind."""
    base = pascal(source)
    return base + _CLASS_SUFFIX[kind] if base in CLASS_RESERVED or base in KEYWORDS else base


def _class_names(spec: ApiSpec) -> dict[tuple[str, str], str]:
    """(kind, key) -> class name, for every model, enum and alias."""
    entries: list[tuple[tuple[int, int, str], str, str, str]] = []
    for model in spec.models:
        entries.append(((int(model.inline), 0, model.key), "model", model.key, model.key))
    for item in spec.enums:
        source = item.enum_name or item.key
        inline = int(not item.source_pointer.startswith("/definitions/"))
        entries.append(((inline, 1, item.key), "enum", item.key, source))
    for alias in spec.aliases:
        entries.append(((0, 2, alias.key), "alias", alias.key, alias.key))
    entries.sort()
    wanted: Wanted = []
    for _, kind, key, source in entries:
        base = _class_base(kind, source)
        fallbacks = [pascal(key), base + _CLASS_SUFFIX[kind]]
        wanted.append((base, [f for f in fallbacks if f != base]))
    names = resolve(wanted, CLASS_RESERVED | KEYWORDS)
    return {(kind, key): name for (_, kind, key, _), name in zip(entries, names, strict=True)}


def _enum_members(item: Enum) -> tuple[EnumValue, ...]:
    wanted: Wanted = []
    for value in item.values:
        source = value.client_name or str(value.value)
        wanted.append((upper(source) if source else "EMPTY", []))
    names = resolve(wanted)
    return tuple(replace(v, py_name=n) for v, n in zip(item.values, names, strict=True))


# --------------------------------------------------------------------------------------------
# Model fields
# --------------------------------------------------------------------------------------------

PROPERTY_RESERVED = ANNOTATION_NAMES | MODEL_MEMBERS


def _property_names(spec: ApiSpec) -> dict[str, tuple[Property, ...]]:
    """Model key -> its properties with names, parents named before children."""
    by_key = {m.key: m for m in spec.models}
    done: dict[str, tuple[Property, ...]] = {}
    inherited: dict[str, dict[str, str]] = {}  # model key -> wire name -> py name (all fields)

    def visit(key: str, trail: frozenset[str]) -> None:
        if key in done or key not in by_key or key in trail:
            return
        model = by_key[key]
        fields: dict[str, str] = {}
        for parent in model.parents:
            visit(parent, trail | {key})
            for wire, py in inherited.get(parent, {}).items():
                fields.setdefault(wire, py)
        own = [p for p in model.properties if p.wire_name not in fields]
        ordered = sorted(
            own, key=lambda p: (snake(p.client_name or p.wire_name) != p.wire_name, p.wire_name)
        )
        wanted: Wanted = [
            (_pad(snake(p.client_name or p.wire_name), PROPERTY_RESERVED), []) for p in ordered
        ]
        names = dict(
            zip((p.wire_name for p in ordered), resolve(wanted, set(fields.values())), strict=True)
        )
        names.update({w: fields[w] for w in (p.wire_name for p in model.properties) if w in fields})
        done[key] = tuple(replace(p, py_name=names[p.wire_name]) for p in model.properties)
        inherited[key] = {**fields, **{p.wire_name: names[p.wire_name] for p in model.properties}}

    for key in sorted(by_key):
        visit(key, frozenset())
    return done


# --------------------------------------------------------------------------------------------
# Operations
# --------------------------------------------------------------------------------------------

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
    rest = _after_group(words(operation_id), "".join(words(operation.group_key)).lower())
    return "_".join(rest) if rest else snake(operation_id, "call")


def _after_group(op_words: list[str], group: str) -> list[str]:
    """The words of an operationId after the last spelling of the group's name in it.

    Compared letter by letter across word boundaries, so ``microsoftAzureFinetunesList`` still
    finds ``FineTunes``; a match ending inside a word keeps the rest of that word
    (``OperationsimagesDelete`` after ``Operations`` -> images, delete).
    """
    if not group:
        return []
    lowered = [w.lower() for w in op_words]
    starts = [sum(len(w) for w in lowered[:i]) for i in range(len(lowered))]
    joined = "".join(lowered)
    found = joined.rfind(group)
    while found != -1 and found not in starts:
        found = joined.rfind(group, 0, found + len(group) - 1)
    if found == -1:  # no match at a word start: take the last one inside a word
        found = joined.rfind(group)
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
    return _pad(name, frozenset())


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
    if isinstance(body, JsonBody | BinaryBody):
        slots.append(((3, 0, body.wire_name), "body", body.wire_name, body.wire_name))
    elif isinstance(body, MultipartBody):
        for index, f in enumerate(body.fields):
            slots.append(((4, index, f.wire_name), "form", f.wire_name, f.wire_name))
    ordered = sorted(slots, key=lambda s: (snake(s[3], "param") != s[3], s[0]))
    wanted = [
        (
            _pad(snake(src, "param"), PARAMETER_RESERVED),
            [_pad(f"{snake(src, 'param')}_{loc}", PARAMETER_RESERVED)],
        )
        for _, loc, _, src in ordered
    ]
    names = resolve(wanted, set(client_names.values()) | PARAMETER_RESERVED | KEYWORDS)
    chosen = {(loc, wire): name for (_, loc, wire, _), name in zip(ordered, names, strict=True)}
    parameters = tuple(
        (
            replace(p, py_name=client_names[p.wire_name])
            if p.client_level and p.wire_name in client_names
            else replace(p, py_name=chosen.get((p.location.value, p.wire_name), snake(p.wire_name)))
        )
        for p in operation.parameters
    )
    if isinstance(body, JsonBody | BinaryBody):
        body = replace(body, py_name=chosen[("body", body.wire_name)])
    elif isinstance(body, MultipartBody):
        body = MultipartBody(
            tuple(replace(f, py_name=chosen[("form", f.wire_name)]) for f in body.fields)
        )
    return parameters, body


def _named_responses(responses: tuple[Response, ...]) -> tuple[Response, ...]:
    named: list[Response] = []
    for response in responses:
        names = resolve(
            [(_pad(snake(h.wire_name, "header"), BUILTINS), []) for h in response.headers]
        )
        headers = tuple(replace(h, py_name=n) for h, n in zip(response.headers, names, strict=True))
        named.append(replace(response, headers=headers))
    return tuple(named)


def _named_groups(
    groups: tuple[OperationGroup, ...], client_names: dict[str, str]
) -> tuple[OperationGroup, ...]:
    group_names = resolve(
        [(_pad(snake(g.key, "operations"), CLIENT_MEMBERS), []) for g in groups], CLIENT_MEMBERS
    )
    class_names = resolve([(pascal(g.key, "Default") + "Operations", []) for g in groups])
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
        picked = resolve(
            [(methods[i], [f"{methods[i]}_{group.operations[i].method}"]) for i in order]
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


def _named_client(client: Client) -> tuple[Client, dict[str, str]]:
    """The client with names; also wire name -> py name of every client-level parameter."""
    every = [*client.host.parameters, *client.client_parameters]
    wanted: Wanted = [
        (_pad(snake(p.client_name or p.wire_name, "param"), CLIENT_RESERVED), []) for p in every
    ]
    names = resolve(wanted, CLIENT_RESERVED | KEYWORDS)
    by_wire = {p.wire_name: n for p, n in zip(every, names, strict=True)}
    host = replace(
        client.host,
        parameters=tuple(replace(p, py_name=by_wire[p.wire_name]) for p in client.host.parameters),
    )
    parameters = tuple(replace(p, py_name=by_wire[p.wire_name]) for p in client.client_parameters)
    return replace(client, host=host, client_parameters=parameters), by_wire


def assign_names(spec: ApiSpec, sink: DiagnosticSink) -> ApiSpec:
    """A copy of ``spec`` with every ``py_name``/``class_name`` filled in."""
    classes = _class_names(spec)
    properties = _property_names(spec)
    client, client_names = _named_client(spec.client)
    _report_renames(spec, classes, sink)
    return replace(
        spec,
        client=client,
        groups=_named_groups(spec.groups, client_names),
        models=tuple(
            replace(m, class_name=classes[("model", m.key)], properties=properties[m.key])
            for m in spec.models
        ),
        enums=tuple(
            replace(e, class_name=classes[("enum", e.key)], values=_enum_members(e))
            for e in spec.enums
        ),
        aliases=tuple(replace(a, class_name=classes[("alias", a.key)]) for a in spec.aliases),
    )


def _report_renames(
    spec: ApiSpec, classes: dict[tuple[str, str], str], sink: DiagnosticSink
) -> None:
    """Warn when two schemas wanted the same class name (the cascade renamed one)."""
    items: list[tuple[str, str, str, str]] = [
        ("model", m.key, m.key, m.source_pointer) for m in spec.models
    ]
    items += [("enum", e.key, e.enum_name or e.key, e.source_pointer) for e in spec.enums]
    items += [("alias", a.key, a.key, a.source_pointer) for a in spec.aliases]
    for kind, key, source, at in items:
        name = classes[(kind, key)]
        base = _class_base(kind, source)
        if name != base:
            sink.warning(at, f"{kind} name {base!r} is already taken", f"named {name!r}")


__all__ = ["assign_names", "method_name", "pascal", "resolve", "snake", "upper", "words"]
