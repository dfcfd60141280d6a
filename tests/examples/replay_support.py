"""What the example replay needs: the examples on disk, the IR, the generated package, and a
comparison of wire data that names every difference.
"""

from __future__ import annotations

import importlib
import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any, Union

from spec_copy import API_VERSIONS, azure_spec_path

from generator import ir

REPO_ROOT = Path(__file__).resolve().parents[2]
GENERATED = REPO_ROOT / "generated" / "azure-ai-openai-authoring"
VERSIONS = API_VERSIONS
PACKAGE = "azure_openai_authoring"

if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))


@dataclass(frozen=True)
class ExampleCase:
    """One ``x-ms-examples`` file present in the synced copy, and the operation that cites it."""

    version: str
    operation_id: str
    path: Path

    @property
    def data(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
        return loaded


def spec_path(version: str) -> Path:
    """The synced Azure JSON spec of ``version``."""
    return azure_spec_path(version)


def example_cases() -> list[ExampleCase]:
    """Every example file that a spec cites and the synced copy holds, in spec order."""
    cases = []
    for version in VERSIONS:
        document = json.loads(spec_path(version).read_text(encoding="utf-8"))
        for item in document["paths"].values():
            for operation in item.values():
                if not isinstance(operation, dict):
                    continue
                for reference in operation.get("x-ms-examples", {}).values():
                    path = (spec_path(version).parent / reference["$ref"]).resolve()
                    if path.is_file():
                        cases.append(ExampleCase(version, operation["operationId"], path))
    return cases


@cache
def compiled(version: str) -> ir.ApiSpec:
    """The IR of ``version``'s spec."""
    from generator.pipeline import compile_spec

    api, diagnostics = compile_spec(spec_path(version))
    if api is None:
        raise AssertionError("\n".join(d.render() for d in diagnostics))
    return api


def version_module(version: str, suffix: str = "") -> ModuleType:
    """``azure_openai_authoring.v2023_06_01_preview`` (+ ``suffix``, e.g. ``.models``)."""
    return importlib.import_module(f"{PACKAGE}.v{version.replace('-', '_')}{suffix}")


def client_class(version: str, *, asynchronous: bool = False) -> Any:
    """The sync (or async) client class of ``version``."""
    module = version_module(version, ".aio" if asynchronous else "")
    names = [n for n in getattr(module, "__all__", dir(module)) if n.endswith("Client")]
    assert len(names) == 1, names
    return getattr(module, names[0])


def python_type(api: ir.ApiSpec, models: ModuleType, tp: ir.TypeRef) -> Any:
    """The Python type the generated code uses for ``tp`` (for ``deserialize``)."""
    if isinstance(tp, ir.ModelRef):
        return getattr(models, api.model(tp.key).class_name)
    if isinstance(tp, ir.EnumRef):
        return getattr(models, api.enum(tp.key).class_name, str)
    if isinstance(tp, ir.ArrayType):
        return list[python_type(api, models, tp.items)]  # type: ignore[misc]
    if isinstance(tp, ir.MapType):
        return dict[str, python_type(api, models, tp.values)]  # type: ignore[misc]
    if isinstance(tp, ir.UnionType):
        members = tuple(python_type(api, models, m) for m in tp.members)
        return Union[members]  # noqa: UP007
    return Any
