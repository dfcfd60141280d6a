"""Word shapes (snake_case, PascalCase, UPPER_CASE), reserved-name lists and the collision cascade.

The lists are fixed here rather than read from the running Python (``keyword``, ``builtins``)
so that every interpreter version names the same spec the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


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
    # Names only get taken, so a candidate's first free index never goes down: resuming from
    # the last one keeps n same-named entries linear instead of quadratic.
    next_index: dict[str, int] = {}
    for candidate, fallbacks in wanted:
        for option in (candidate, *fallbacks):
            if option not in used:
                break
        else:
            sep = "" if candidate[:1].isupper() and not candidate.isupper() else "_"
            index = next_index.get(candidate, 2)
            while f"{candidate}{sep}{index}" in used:
                index += 1
            next_index[candidate] = index + 1
            option = f"{candidate}{sep}{index}"
        used.add(option)
        chosen.append(option)
    return chosen


def pad(name: str, reserved: frozenset[str] | set[str]) -> str:
    """``name`` with ``_`` appended until it is neither reserved nor a keyword."""
    while name in reserved or name in KEYWORDS:
        name += "_"
    return name
