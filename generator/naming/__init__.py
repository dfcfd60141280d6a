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
- everywhere: the hard keywords (the lists live in :mod:`generator.naming.words`, fixed so that
  every Python version gives the same names);
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

Flattening (``x-ms-client-flatten``): a property lifted out of a container is named in its outer
model's namespace after the model's own properties (inherited names taken), falling back to
the containers' names in front (``properties_type``); the argument of a flattened body the same,
in its method's namespace (``props_type``, else ``..._body``).

Collision cascade: names are chosen per namespace (a model with its inherited fields, one
method's parameters, one group's methods, the client's groups, the models module's classes, one
enum's members).  Candidates are ordered deterministically: fields and parameters whose spec
name already is the candidate first, then by wire name (fields) or location and position
(parameters); methods whose name the paging/LRO rules left alone first, then by path and HTTP
method; classes from definitions before inline schemas, then models, enums, aliases, then by
key.  The first keeps the name; every later one tries in turn (1) a context suffix (parameters:
their location, ``foo_query``; methods: the HTTP method, ``get_post``; classes: the context
path, ``FilesUploadPurpose``, then the kind, ``PurposeEnum``), (2) an index ``_2``, ``_3``, ...
(classes: ``2``, ``3``), taking the first that is free.  Fields, groups and enum members go
straight to (2).  A class renamed by the cascade is reported as a warning.
"""

from __future__ import annotations

from dataclasses import replace

from generator.diagnostics import DiagnosticSink
from generator.ir import ApiSpec
from generator.naming.operations import method_name, named_client, named_groups
from generator.naming.schemas import class_base, class_names, enum_members, property_names
from generator.naming.words import pascal, resolve, snake, upper, words


def assign_names(spec: ApiSpec, sink: DiagnosticSink) -> ApiSpec:
    """A copy of ``spec`` with every ``py_name``/``class_name`` filled in."""
    classes = class_names(spec)
    properties, lifted = property_names(spec)
    client, client_names = named_client(spec.client)
    _report_renames(spec, classes, sink)
    return replace(
        spec,
        client=client,
        groups=named_groups(spec.groups, client_names),
        models=tuple(
            replace(
                m,
                class_name=classes[("model", m.key)],
                properties=properties[m.key],
                flattened=lifted[m.key],
            )
            for m in spec.models
        ),
        enums=tuple(
            replace(e, class_name=classes[("enum", e.key)], values=enum_members(e))
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
        base = class_base(kind, source)
        if name != base:
            sink.warning(at, f"{kind} name {base!r} is already taken", f"named {name!r}")


__all__ = ["assign_names", "method_name", "pascal", "resolve", "snake", "upper", "words"]
