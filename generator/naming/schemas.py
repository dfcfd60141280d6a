"""Names of schemas: model, enum and alias classes, enum members and model fields."""

from __future__ import annotations

from dataclasses import replace

from generator.ir import ApiSpec, Enum, EnumValue, Property
from generator.ir_flatten import FlatProperty
from generator.naming.words import (
    ANNOTATION_NAMES,
    CLASS_RESERVED,
    KEYWORDS,
    MODEL_MEMBERS,
    Wanted,
    pad,
    pascal,
    resolve,
    snake,
    upper,
)

# --------------------------------------------------------------------------------------------
# Classes: models, enums, aliases
# --------------------------------------------------------------------------------------------


CLASS_SUFFIX = {"model": "Model", "enum": "Enum", "alias": "Type"}


def class_base(kind: str, source: str) -> str:
    """The class name a schema asks for: PascalCase, reserved names padded with the kind."""
    base = pascal(source)
    return base + CLASS_SUFFIX[kind] if base in CLASS_RESERVED or base in KEYWORDS else base


def class_names(spec: ApiSpec) -> dict[tuple[str, str], str]:
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
        base = class_base(kind, source)
        fallbacks = [pascal(key), base + CLASS_SUFFIX[kind]]
        wanted.append((base, [f for f in fallbacks if f != base]))
    names = resolve(wanted, CLASS_RESERVED | KEYWORDS)
    return {(kind, key): name for (_, kind, key, _), name in zip(entries, names, strict=True)}


def enum_members(item: Enum) -> tuple[EnumValue, ...]:
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


def property_names(
    spec: ApiSpec,
) -> tuple[dict[str, tuple[Property, ...]], dict[str, tuple[FlatProperty, ...]]]:
    """Model key -> its properties with names, parents named before children; and model key ->
    its lifted (x-ms-client-flatten) properties with names.

    A model's own properties are named first; lifted ones then take what is left of the model's
    namespace (inherited names included), falling back to the container's name in front
    (``properties_type`` beside an inherited ``type``).  A lifted container is no attribute, so
    its name does not count against them.
    """
    by_key = {m.key: m for m in spec.models}
    done: dict[str, tuple[Property, ...]] = {}
    lifted: dict[str, tuple[FlatProperty, ...]] = {}
    # model key -> wire name (a lifted property: its path) -> py name, every field
    inherited: dict[str, dict[str | tuple[str, ...], str]] = {}

    def visit(key: str, trail: frozenset[str]) -> None:
        if key in done or key not in by_key or key in trail:
            return
        model = by_key[key]
        fields: dict[str | tuple[str, ...], str] = {}
        for parent in model.parents:
            visit(parent, trail | {key})
            for wire, py in inherited.get(parent, {}).items():
                fields.setdefault(wire, py)
        own = [p for p in model.properties if p.wire_name not in fields]
        ordered = sorted(
            own, key=lambda p: (snake(p.client_name or p.wire_name) != p.wire_name, p.wire_name)
        )
        wanted: Wanted = [
            (pad(snake(p.client_name or p.wire_name), PROPERTY_RESERVED), []) for p in ordered
        ]
        names = dict(
            zip((p.wire_name for p in ordered), resolve(wanted, set(fields.values())), strict=True)
        )
        names.update({w: fields[w] for w in (p.wire_name for p in model.properties) if w in fields})
        done[key] = tuple(replace(p, py_name=names[p.wire_name]) for p in model.properties)
        containers = {entry.path[0] for entry in model.flattened}
        taken = set(fields.values()) | {
            names[p.wire_name] for p in model.properties if p.wire_name not in containers
        }
        lifted[key] = _lifted_names(model.flattened, taken)
        inherited[key] = {
            **fields,
            **{p.wire_name: names[p.wire_name] for p in model.properties},
            **{entry.path: entry.property.py_name for entry in lifted[key]},
        }

    for key in sorted(by_key):
        visit(key, frozenset())
    return done, lifted


def _lifted_names(entries: tuple[FlatProperty, ...], taken: set[str]) -> tuple[FlatProperty, ...]:
    """``entries`` named: the property's own name, else prefixed by its containers' names."""
    wanted: Wanted = []
    for entry in entries:
        base = snake(entry.property.client_name or entry.property.wire_name)
        prefixed = snake("_".join((*entry.path[:-1], base)))
        wanted.append((pad(base, PROPERTY_RESERVED), [pad(prefixed, PROPERTY_RESERVED)]))
    names = resolve(wanted, taken)
    return tuple(
        replace(e, property=replace(e.property, py_name=n))
        for e, n in zip(entries, names, strict=True)
    )
