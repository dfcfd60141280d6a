"""Discriminator ``mapping`` -> each named subtype's ``x-ms-discriminator-value``.

Swagger 2.0 says which value selects a subtype on the subtype itself (Azure's
``x-ms-discriminator-value``, else its definition name); OpenAPI 3 may say it on the root, in
``discriminator.mapping``.  The mapping is the standard's word, so it wins over a different
extension value (with a warning); a mapping entry naming a schema that does not extend the root
through ``allOf`` cannot be a subtype in the model and is reported.
"""

from __future__ import annotations

from typing import Any

from generator.openapi3.context import Lowering, child

_SCHEMAS = "#/components/schemas/"


def apply_mappings(low: Lowering, definitions: dict[str, Any]) -> None:
    """Write every recorded mapping onto the lowered ``definitions``."""
    for at, mapping in low.mappings:
        for value, target in sorted(mapping.items()):
            entry_at = child(at, value)
            key = _schema_key(target)
            schema = definitions.get(key) if key is not None else None
            if not isinstance(schema, dict):
                low.sink.warning(entry_at, f"mapping target {target!r} is not a schema", "ignored")
                continue
            if not isinstance(schema.get("allOf"), list):
                low.sink.warning(
                    entry_at,
                    f"{key!r} does not extend the discriminator's schema through allOf",
                    "not a subtype; the value is ignored",
                )
                continue
            declared = schema.get("x-ms-discriminator-value")
            if declared is not None and declared != value:
                low.sink.warning(
                    entry_at,
                    f"mapping says {value!r} for {key!r}, x-ms-discriminator-value {declared!r}",
                    "the mapping is used",
                )
            schema["x-ms-discriminator-value"] = str(value)


def _schema_key(target: object) -> str | None:
    """The components key a mapping value names (``#/components/schemas/X`` or plain ``X``)."""
    if not isinstance(target, str):
        return None
    if target.startswith(_SCHEMAS):
        name = target[len(_SCHEMAS) :]
        return name if "/" not in name else None
    if "/" in target or "#" in target:
        return None
    return target


__all__ = ["apply_mappings"]
