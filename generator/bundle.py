"""``bundle``: one self-contained Swagger 2.0 file for tools that do not speak Azure's dialect.

Mock servers and generic validators (Stoplight Prism, for one) cannot use the Azure specs as
they are: they try to read every ``x-ms-examples`` file (some are missing), they ignore
``x-ms-parameterized-host`` (so every path lacks the ``/openai`` prefix), and they reject the
loader's ``x-one-of`` rewrite of an ``enum`` of ``$ref`` objects.  The bundle fixes exactly that
and nothing else, so a tool that accepts a request for the bundle accepts it for the spec:

* the loader's normalizations are applied (its ``raw`` document is the starting point);
* ``x-ms-examples`` are dropped (they are documentation, and may point at missing files);
* every external ``$ref`` is inlined (only files inside the spec's folder, never the network);
  internal ``#/...`` references stay, so definitions keep their names;
* ``basePath`` comes from the host template (``{endpoint}/openai`` -> ``/openai``) and ``host``
  is removed: the account endpoint is the one thing the tool supplies itself (its own address);
* each ``x-one-of`` becomes a schema Swagger 2.0 can state (see :func:`one_of_replacement`);
* AutoRest's ``format: url`` is spelled ``uri``, the JSON Schema name tools know;
* security definitions and requirements are kept unchanged.

Tools that ignore ``basePath`` (Prism, by design) get ``paths_with_base=True``: the base path
is folded into every path instead.

The output is deterministic JSON (sorted keys, two-space indent, ``\\n`` endings) and is written
atomically: on any error nothing is written and the diagnostics say why.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.bounded_io import name_problem
from generator.diagnostics import DiagnosticSink, array_index, pointer
from generator.load.read import read_document

HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch"})
# A generous bound on the size of the bundled document: a YAML alias bomb or a reference chain
# that multiplies on inlining stops here with a diagnostic instead of exhausting memory.
MAX_NODES = 2_000_000
_TEMPLATE_PARAM = re.compile(r"\{([^{}]+)\}")


def to_json(document: Mapping[str, Any]) -> str:
    """Deterministic JSON text: sorted keys, two-space indent, UTF-8, trailing newline."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------------------------
# The transformation
# --------------------------------------------------------------------------------------------


def bundle_document(
    raw: Mapping[str, Any], *, source: Path, sink: DiagnosticSink
) -> dict[str, Any] | None:
    """The bundled form of a loaded (normalized) document; None when it cannot be bundled."""
    if str(raw.get("swagger", "")) != "2.0":
        sink.error("/swagger", "not a Swagger 2.0 document", "only 'swagger: \"2.0\"' is bundled")
        return None
    document = _plain(raw)
    if not isinstance(document, dict):
        return None
    _drop_examples(document)
    inliner = _Inliner(source.resolve().parent, sink)
    document = inliner.inline(document, source.resolve(), document, "")
    if not isinstance(document, dict) or sink.has_errors:
        return None
    _apply_host_template(document, sink)
    _rewrite_one_of(document, "", sink)
    _standard_formats(document)
    return document


def fold_base_path(document: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a bundle with ``basePath`` prefixed to every path and set to ``/``."""
    folded = dict(document)
    base = str(folded.pop("basePath", "") or "").rstrip("/")
    paths = folded.get("paths")
    if isinstance(paths, Mapping) and base:
        folded["paths"] = {f"{base}{path}": item for path, item in paths.items()}
    folded["basePath"] = "/"
    return folded


def _plain(value: Any) -> Any:
    """A plain dict/list copy of loader data (which may use other Mapping/Sequence types)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _drop_examples(document: dict[str, Any]) -> None:
    """Remove ``x-ms-examples`` from every operation (it is documentation, often dangling)."""
    paths = document.get("paths")
    if not isinstance(paths, dict):
        return
    for item in paths.values():
        if not isinstance(item, dict):
            continue
        for method, operation in item.items():
            if method in HTTP_METHODS and isinstance(operation, dict):
                operation.pop("x-ms-examples", None)


class _Inliner:
    """Replaces external ``$ref`` objects by the data they point at, recursively.

    Files are read only inside ``root`` (the spec's folder); URLs are never fetched.  Inside an
    inlined file, its own ``#/...`` references are resolved against that file, because the
    bundle has no place to keep the file's definitions under their names.
    """

    def __init__(self, root: Path, sink: DiagnosticSink) -> None:
        self.root = root
        self.sink = sink
        self.budget = MAX_NODES  # nodes left to copy: an error past it, never a hang
        self.files: dict[Path, Any] = {}
        self.active: list[tuple[Path, str]] = []

    def inline(self, value: Any, file: Path, document: Any, at: str) -> Any:
        """``value`` (found in ``file``, whose parsed content is ``document``) with refs inlined."""
        self.budget -= 1
        if self.budget < 0:
            if self.budget == -1:
                self.sink.error(at, f"the bundle would exceed {MAX_NODES} nodes", "not written")
            return None
        if isinstance(value, dict):
            ref = value.get("$ref")
            if isinstance(ref, str) and (not ref.startswith("#") or self.active):
                return self._follow(ref, value, file, document, at)
            return {
                k: self.inline(v, file, document, f"{at}{pointer(k)}") for k, v in value.items()
            }
        if isinstance(value, list):
            return [
                self.inline(v, file, document, f"{at}{pointer(i)}") for i, v in enumerate(value)
            ]
        return value

    def _follow(self, ref: str, holder: dict[str, Any], file: Path, document: Any, at: str) -> Any:
        location, _, fragment = ref.partition("#")
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", location):
            self.sink.error(at, f"$ref to a URL cannot be bundled: {ref}", "inline it by hand")
            return None
        if location:
            problem = name_problem(location)
            if problem is not None:
                self.sink.error(at, f"$ref cannot be bundled: {problem}", "not followed")
                return None
            target_file = (file.parent / location).resolve()
            if not target_file.is_relative_to(self.root):
                self.sink.error(at, f"$ref leaves the spec folder: {ref}", "not followed")
                return None
            target_doc = self._read(target_file, at)
            if target_doc is None:
                return None
        else:
            target_file, target_doc = file, document
        key = (target_file, fragment)
        if key in self.active:
            self.sink.error(at, f"recursive external $ref cannot be inlined: {ref}", "not written")
            return None
        target = _resolve_pointer(target_doc, fragment)
        if target is _MISSING:
            self.sink.error(at, f"dangling $ref: {ref}", "the target does not exist")
            return None
        self.active.append(key)
        try:
            result = self.inline(copy.deepcopy(target), target_file, target_doc, at)
        finally:
            self.active.pop()
        if isinstance(result, dict):
            siblings = {k: v for k, v in holder.items() if k != "$ref" and k not in result}
            result.update(self.inline(siblings, file, document, at))
        return result

    def _read(self, path: Path, at: str) -> Any:
        """Parse a referenced file with the loader's guarded reader (size, alias, depth limits)."""
        if path not in self.files:
            local = DiagnosticSink(str(path))
            self.files[path] = read_document(path, local)
            for problem in local.items:
                self.sink.error(at, f"cannot read $ref target {path.name}: {problem.message}")
        return self.files[path]


_MISSING = object()


def _resolve_pointer(document: Any, fragment: str) -> Any:
    """The value at JSON pointer ``fragment`` (RFC 6901) in ``document``, or ``_MISSING``."""
    if fragment in ("", "/"):
        return document
    if not fragment.startswith("/"):
        return _MISSING
    node = document
    for token in fragment[1:].split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif (
            isinstance(node, list)
            and (index := array_index(token)) is not None
            and index < len(node)
        ):
            node = node[index]
        else:
            return _MISSING
    return node


# --------------------------------------------------------------------------------------------
# Host template -> basePath
# --------------------------------------------------------------------------------------------


def _apply_host_template(document: dict[str, Any], sink: DiagnosticSink) -> None:
    """Move the path part of ``x-ms-parameterized-host`` into ``basePath``; drop ``host``.

    ``{endpoint}/openai`` means "the account's URL, then /openai": the tool serving the bundle
    plays the account, so the bundle keeps only ``basePath: /openai``.  A host template that is
    all literal (``https://example.com/api``) becomes ``schemes``/``host``/``basePath``.
    """
    extension = document.pop("x-ms-parameterized-host", None)
    if extension is None:
        return
    at = "/x-ms-parameterized-host"
    template = extension.get("hostTemplate") if isinstance(extension, dict) else None
    if not isinstance(template, str):
        sink.error(at, "x-ms-parameterized-host has no hostTemplate string", "not bundled")
        return
    base_path = document.get("basePath") if isinstance(document.get("basePath"), str) else ""
    host, path = _split_template(template)
    if path is None:
        sink.error(f"{at}/hostTemplate", f"cannot tell host from path in {template!r}", "")
        return
    if host and not _TEMPLATE_PARAM.search(host):
        scheme, _, host_name = host.rpartition("://")
        document["host"] = host_name
        if scheme:
            document["schemes"] = [scheme]
    else:
        document.pop("host", None)
    joined = "/" + "/".join(p for p in (path.strip("/"), str(base_path).strip("/")) if p)
    document["basePath"] = joined
    _drop_unused_host_parameters(document, extension)


def _split_template(template: str) -> tuple[str, str | None]:
    """(host part, path part) of a host template; the path starts at the first '/' after it."""
    scheme_end = template.find("://")
    start = scheme_end + 3 if scheme_end >= 0 else 0
    depth = 0
    for index in range(start, len(template)):
        char = template[index]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == "/" and depth == 0:
            path = template[index:]
            return template[:index], None if _TEMPLATE_PARAM.search(path) else path
    return template, ""


def _drop_unused_host_parameters(document: dict[str, Any], extension: Any) -> None:
    """Remove ``#/parameters/x`` entries used only by the host template (they are not paths')."""
    parameters = document.get("parameters")
    if not isinstance(parameters, dict) or not isinstance(extension, dict):
        return
    used = set(re.findall(r'"#/parameters/([^"]+)"', json.dumps(document.get("paths", {}))))
    for item in extension.get("parameters") or []:
        ref = item.get("$ref") if isinstance(item, dict) else None
        if isinstance(ref, str) and ref.startswith("#/parameters/"):
            name = ref[len("#/parameters/") :]
            if name not in used:
                parameters.pop(name, None)


# --------------------------------------------------------------------------------------------
# x-one-of -> something Swagger 2.0 can say
# --------------------------------------------------------------------------------------------


def one_of_replacement(schema: Mapping[str, Any], definitions: Mapping[str, Any]) -> dict[str, Any]:
    """A Swagger 2.0 schema that accepts every member of ``schema["x-one-of"]``.

    Swagger 2.0 has no ``oneOf``; the bundle must not reject a value the spec allows, so it
    states the tightest thing 2.0 can say that every member satisfies:

    1. When every member is a ``$ref`` to a definition that extends (``allOf``) one common
       definition, that common parent: it is Swagger 2.0's own idiom for "one of these
       subtypes" (here ``SupervisedMethod``/``DpoMethod`` both extend the discriminated
       ``FineTuneMethod``), and each member's instances are instances of the parent.
    2. Otherwise, when every member is an object, ``{"type": "object"}``.
    3. Otherwise no constraint at all (``{}``).

    Picking the first member instead would make the tool reject the other members' values.
    ``title``/``description`` beside the union are kept.
    """
    members = schema.get("x-one-of")
    kept = {k: schema[k] for k in ("title", "description") if k in schema}
    if not isinstance(members, list) or not members:
        return kept
    parents = [_parents(member, definitions) for member in members]
    common = set.intersection(*parents) if parents else set()
    if common:
        return {"$ref": f"#/definitions/{min(common)}", **kept}
    if all(_is_object(member, definitions) for member in members):
        return {"type": "object", **kept}
    return kept


def _definition(member: Any, definitions: Mapping[str, Any]) -> Any:
    ref = member.get("$ref") if isinstance(member, dict) else None
    if isinstance(ref, str) and ref.startswith("#/definitions/"):
        return definitions.get(ref[len("#/definitions/") :])
    return member


def _parents(member: Any, definitions: Mapping[str, Any]) -> set[str]:
    target = _definition(member, definitions)
    found: set[str] = set()
    if isinstance(target, dict):
        for part in target.get("allOf") or []:
            ref = part.get("$ref") if isinstance(part, dict) else None
            if isinstance(ref, str) and ref.startswith("#/definitions/"):
                found.add(ref[len("#/definitions/") :])
    return found


def _is_object(member: Any, definitions: Mapping[str, Any]) -> bool:
    target = _definition(member, definitions)
    return isinstance(target, dict) and (
        target.get("type") == "object" or "properties" in target or "allOf" in target
    )


def _union_members(schema: Mapping[str, Any]) -> list[Any] | None:
    """Members of an ``x-one-of`` (or of an ``enum`` of ``$ref`` objects not yet normalized)."""
    members = schema.get("x-one-of")
    if isinstance(members, list):
        return members
    members = schema.get("enum")
    refs_only = isinstance(members, list) and all(
        isinstance(m, Mapping) and isinstance(m.get("$ref"), str) for m in members
    )
    return members if refs_only and members else None


def _rewrite_one_of(document: dict[str, Any], at: str, sink: DiagnosticSink) -> None:
    """Replace every union schema in ``document`` (in place) by :func:`one_of_replacement`."""
    definitions = document.get("definitions")
    definitions = definitions if isinstance(definitions, dict) else {}
    stack: list[tuple[Any, str]] = [(document, at)]
    while stack:
        value, where = stack.pop()
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in list(items):
            if not isinstance(child, dict | list):
                continue
            child_at = f"{where}{pointer(key)}"
            members = _union_members(child) if isinstance(child, dict) else None
            if members is None or not isinstance(child, dict):
                stack.append((child, child_at))
                continue
            replacement = one_of_replacement({**child, "x-one-of": members}, definitions)
            value[key] = replacement
            said = replacement.get("$ref") or replacement.get("type") or "any value"
            sink.warning(
                child_at,
                "a union (x-one-of) has no Swagger 2.0 form",
                f"bundled as {said}, which every member satisfies",
            )


def _standard_formats(document: dict[str, Any]) -> None:
    """Rename AutoRest's ``format: url`` to JSON Schema's ``uri`` (same meaning).

    Tools know ``uri``: Prism's example generator fills it with a URL, while for ``url`` it
    writes the placeholder ``"string"`` and then flags its own answer as invalid.
    """
    stack: list[Any] = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if value.get("format") == "url" and value.get("type") == "string":
                value["format"] = "uri"
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
