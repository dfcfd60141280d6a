"""Property: whatever text a spec or manifest holds, the generated package compiles, imports and
runs nothing of it.

Every field that reaches generated output gets its own arbitrary text -- quotes, backslashes,
triple quotes, line breaks, NUL, lone surrogates, bidi controls, ``{{ }}``, ``#``,
``\\N{...}`` and payloads that try to create a marker file.  Each example is one spec holding
all of them; ``generate``'s own steps render it (black is left out: it keeps the syntax tree,
and the compile check runs in its place), and a long-lived interpreter imports the package.
The seed is fixed and the budget small, so CI runs the same examples every time.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

import pytest
from hostile_kit import MARKER, RUN, ImportWorker, Version, readme_opens, write_manifest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.commands.generate import SpecErrors, render_all
from generator.render import package
from generator.render.compile_check import compile_error
from generator.render.escape import UNSAFE
from generator.write import write_tree

PIECES = [
    '"', "'", '"""', "'''", "\\", "\n", "\r", "\r\n", "\x00", "\x1b[2J", "\ud800", "\udfff",
    "\u202e", "\u2066", "\u2028", "\x85", "{{ x }}", "{% if %}", "#", "\\N{BULLET}", "`", "```",
    "<!--", "-->", "]]", "${x}", " ", "\t", "é", "\U0001f600",
    f'"""; {RUN}; """', f"'''; {RUN}; '''", f'"); {RUN}; ("', f"\n{RUN}\n", f"`); {RUN}; (`",
]  # fmt: skip

TEXT = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(st.characters(codec=None), max_size=3)),
    max_size=6,
).map("".join)

#: JSON scalars but null, with integers far beyond any float and floats of any finite size.
VALUE = st.one_of(
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**600), max_value=10**600),
    st.floats(allow_nan=False, allow_infinity=False),
    TEXT,
)
JSON = st.recursive(
    st.none() | VALUE,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
)

FIELDS = (
    "title", "description", "version", "host", "base_path", "path", "operation_id", "summary",
    "op_description", "path_param", "query_param", "query_description", "header_param",
    "default", "enum_name", "enum_value_name", "enum_description", "definition", "property",
    "property_description", "model_description", "response_header", "api_key_header",
    "file_name", "host_param", "host_param_description", "scope", "scope_description",
    "content_type",
)  # fmt: skip

_namespaces = itertools.count()


def _spec(
    t: dict[str, str], enum_values: list[str], numbers: list[Any], default: Any
) -> dict[str, Any]:
    """One spec with every hostile text in its place, ``numbers`` in an integer and a number
    enum, and ``default`` as a client parameter's default."""
    # A $ref loses its edge whitespace and every tab and line break (URL splitting drops them).
    definition = re.sub("[\t\r\n]", "", t["definition"]).strip() or "D"
    path, name = _no_braces(t["path"]), _no_braces(t["path_param"]).replace("/", "|")
    host_param = _no_braces(t["host_param"]) or "endpoint"
    return {
        "swagger": "2.0",
        "info": {"title": t["title"], "version": t["version"], "description": t["description"]},
        "host": t["host"],
        "basePath": "/" + t["base_path"],
        "x-ms-parameterized-host": {
            "hostTemplate": f"{{{host_param}}}{_no_braces(t['host'])}",
            "parameters": [
                {
                    "name": host_param,
                    "in": "path",
                    "required": True,
                    "type": "string",
                    "description": t["host_param_description"],
                }
            ],
        },
        "securityDefinitions": {
            "key": {"type": "apiKey", "in": "header", "name": t["api_key_header"] or "k"},
            "oauth": {
                "type": "oauth2",
                "flow": "implicit",
                "authorizationUrl": "https://login.example.com",
                "scopes": {t["scope"]: t["scope_description"]},
            },
        },
        "security": [{"key": []}, {"oauth": [t["scope"]]}],
        "paths": {
            f"/{path}/{{{name}}}": {
                "post": {
                    "operationId": t["operation_id"],
                    "produces": ["application/json", t["content_type"]],
                    "consumes": ["application/json", t["content_type"]],
                    "summary": t["summary"],
                    "description": t["op_description"],
                    "parameters": [
                        {"in": "path", "name": name, "required": True, "type": "string"},
                        {
                            "in": "query",
                            "name": t["query_param"],
                            "type": "string",
                            "description": t["query_description"],
                            "default": t["default"],
                        },
                        {"in": "header", "name": t["header_param"], "type": "string"},
                        {
                            "in": "query",
                            "name": "clientValue",
                            "type": "string",
                            "x-ms-parameter-location": "client",
                            "default": default,
                        },
                        {
                            "in": "body",
                            "name": "body",
                            "schema": {"$ref": f"#/definitions/{_ref(definition)}"},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "headers": {t["response_header"]: {"type": "string"}},
                            "schema": {"$ref": f"#/definitions/{_ref(definition)}"},
                        }
                    },
                }
            }
        },
        "definitions": {
            "Integers": {"type": "integer", "enum": numbers},
            "Numbers": {"type": "number", "enum": numbers},
            definition: {
                "type": "object",
                "description": t["model_description"],
                "properties": {
                    t["property"]: {
                        "type": "string",
                        "description": t["property_description"],
                        "enum": enum_values,
                        "x-ms-enum": {
                            "name": t["enum_name"],
                            "modelAsString": False,
                            "values": [
                                {
                                    "value": enum_values[0],
                                    "name": t["enum_value_name"],
                                    "description": t["enum_description"],
                                }
                            ],
                        },
                    },
                },
            },
        },
    }


def _ref(key: str) -> str:
    """``key`` as a JSON-pointer token inside a ``$ref``."""
    return key.replace("~", "~0").replace("/", "~1")


def _no_braces(text: str) -> str:
    """Path text without ``{``/``}``: in a path template they would declare parameters."""
    return text.replace("{", "(").replace("}", ")")


def _file_name(text: str) -> str:
    """A file name the manifest accepts, made of ``text``'s characters where possible.

    The manifest refuses invisible characters in paths (see ``tests/sync``), so they go too.
    """
    kept = "".join(c for c in UNSAFE.sub("", text) if c not in "/\\")
    name = kept.strip().strip(".")[:60]
    return f"s{name}.json" if name else "spec.json"


@pytest.fixture(scope="module")
def worker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ImportWorker]:
    running = ImportWorker(tmp_path_factory.mktemp("import-worker"))
    yield running
    running.stop()


def _compile_only(sources: dict[str, str], *, parallel: bool = False) -> dict[str, str]:
    for name, source in sources.items():
        problem = compile_error(source, name)
        assert problem is None, problem
    return dict(sources)


@settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    texts=st.fixed_dictionaries({f: TEXT for f in FIELDS}),
    enum=st.lists(TEXT, min_size=1, max_size=4, unique=True),
    numbers=st.lists(VALUE, min_size=1, max_size=4),
    default=JSON,
)
def test_any_text_in_any_field_gives_a_package_that_imports_and_runs_nothing(
    texts: dict[str, str],
    enum: list[str],
    numbers: list[Any],
    default: Any,
    worker: ImportWorker,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(package, "format_many", _compile_only)
    root = tmp_path_factory.mktemp("property")
    namespace = f"prop_{next(_namespaces)}"
    version = Version(
        "v1", f"a/{_file_name(texts['file_name'])}", _spec(texts, enum, numbers, default)
    )
    manifest = write_manifest(root / "specs", [version], namespace=namespace)
    try:
        files = render_all(manifest, mirror=root / "no-mirror")
    except SpecErrors:
        event("spec errors")
        return  # reported as located errors, nothing generated: a correct outcome
    write_tree(root / "out", files)
    assert worker.import_package(root / "out" / "hostile-dist", namespace) == "imported"
    assert not (worker.workdir / MARKER).exists()
    readme = files["hostile-dist/README.md"]
    assert set(readme_opens(readme)) <= {"content.bin"}
