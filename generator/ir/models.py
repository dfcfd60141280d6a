"""Models, enums and aliases: the named (and the named-by-us inline) definitions of a spec.

A model holds its own properties only; inherited ones live on its parents (``allOf``), and the
subtypes of a polymorphic root are listed by its :class:`Discriminator`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from generator.ir.types import NO_CONSTRAINTS, Constraints, Default, Primitive, TypeRef

if TYPE_CHECKING:
    from generator.ir_flatten import FlatProperty


@dataclass(frozen=True, slots=True)
class Property:
    """One property of a model."""

    wire_name: str
    py_name: str
    type: TypeRef
    required: bool
    read_only: bool = False
    nullable: bool = False
    default: Default | None = None
    description: str = ""
    constraints: Constraints = NO_CONSTRAINTS
    client_name: str | None = None  # x-ms-client-name, honoured by the naming pass
    # x-ms-mutability (sorted: "create", "read", "update"); empty when the spec states none
    mutability: tuple[str, ...] = ()
    client_flatten: bool = False  # x-ms-client-flatten: true (kept for the version diff)


@dataclass(frozen=True, slots=True)
class Discriminator:
    """Polymorphism root: which property tells the subtypes apart, and which value means which."""

    property_wire_name: str
    # (discriminator value, model key), sorted by value; includes the root's own value if any.
    subtypes: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Model:
    """An object schema: a named definition, or an inline object the naming pass names."""

    KIND: ClassVar[str] = "model"
    key: str  # definitions key, or a synthetic "Parent.property" path for inline objects
    class_name: str
    properties: tuple[Property, ...]  # own properties only; inherited ones live on parents
    description: str = ""
    parents: tuple[str, ...] = ()  # model keys from allOf
    discriminator: Discriminator | None = None  # set on polymorphic roots
    discriminator_value: str | None = None  # x-ms-discriminator-value (or key) on subtypes
    additional_properties: TypeRef | None = None
    inline: bool = False  # True when the schema had no definitions key of its own
    source_pointer: str = ""  # JSON pointer of the schema in the spec
    read_only: bool = False  # readOnly: true on the whole definition (sent by the service only)
    # what Python sees of the own x-ms-client-flatten containers (generator.ir_flatten)
    flattened: tuple[FlatProperty, ...] = ()


@dataclass(frozen=True, slots=True)
class EnumValue:
    """One member of an enum."""

    value: str | int | float | bool
    py_name: str  # UPPER_CASE member name
    description: str = ""
    client_name: str | None = None  # x-ms-enum values[].name


@dataclass(frozen=True, slots=True)
class Enum:
    """A set of allowed values; ``extensible`` (x-ms-enum modelAsString) admits unknown ones."""

    KIND: ClassVar[str] = "enum"
    key: str  # x-ms-enum name, definitions key, or synthetic path for unnamed inline enums
    class_name: str
    base: Primitive  # STRING, INT32, ...
    values: tuple[EnumValue, ...]
    extensible: bool
    description: str = ""
    source_pointer: str = ""
    enum_name: str | None = None  # x-ms-enum name when it differs from ``key`` (names the class)
    declared: bool = True  # False for a plain ``enum`` without x-ms-enum


@dataclass(frozen=True, slots=True)
class Alias:
    """A named definition that is neither an object nor an enum (e.g. an array of models).

    Uses of it are expanded in place (a property typed by it gets the aliased type); the alias is
    kept so that every definitions key is accounted for (docs, version diffs).
    """

    KIND: ClassVar[str] = "alias"
    key: str  # definitions key
    class_name: str
    type: TypeRef
    description: str = ""
    source_pointer: str = ""
