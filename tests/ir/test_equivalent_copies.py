"""Different spellings of one API give one IR.

The api-evangelist YAML copies differ from the Azure JSON only in operation ids, summaries,
descriptions, tags and the title (see the mirror's MANIFEST.md), so their IR must be equal once
those (and what the naming pass derives from them) are set aside.  The 2025-02 YAML differs from
its JSON only in example file names and in where two response headers sit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from generator.ir import ApiSpec
from generator.ir_json import ir_to_data

RealIr = Callable[[str], ApiSpec]
OPERATION_NAMING = ("operation_id", "group_key", "py_name", "summary", "description", "tags")


def comparable(spec: ApiSpec) -> dict[str, Any]:
    """IR data without the source, title and operation naming/docs; operations by method+path."""
    data = ir_to_data(spec)
    data.pop("source")
    data["client"].pop("title")
    operations: dict[str, Any] = {}
    for group in data.pop("groups"):
        for op in group["operations"]:
            for key in OPERATION_NAMING:
                op.pop(key)
            operations[f"{op['method']} {op['path']}"] = op
    data["operations"] = operations
    return data


@pytest.mark.parametrize("version", ["2023-06-01-preview", "2023-10-01-preview"])
def test_api_evangelist_copy_gives_the_azure_ir(real_ir: RealIr, version: str) -> None:
    azure = real_ir(f"azure/{version}/azureopenai.json")
    copy = real_ir(f"api-evangelist/{version}/openapi.yml")
    assert comparable(copy) == comparable(azure)
    # the copy still reads sensibly: tag-derived groups and methods without the id prefix
    methods = {(g.py_name, op.py_name) for g in copy.groups for op in g.operations}
    assert ("files", "list") in methods and ("fine_tunes", "create") in methods
    assert ("images", "begin_generate") in methods


def test_yaml_2025_gives_the_json_ir_apart_from_moved_headers(real_ir: RealIr) -> None:
    json_ir = comparable(real_ir("azure/2025-02-01-preview/azureopenai.json"))
    yaml_ir = comparable(real_ir("azure/2025-02-01-preview/azureopenai.yaml"))
    moved = {"deployment-enqueued-tokens", "deployment-maximum-enqueued-tokens"}

    def headers(data: dict[str, Any], key: str, status: str) -> set[str]:
        (response,) = [r for r in data["operations"][key]["responses"] if r["status"] == status]
        return {h["wire_name"] for h in response["headers"]}

    assert headers(json_ir, "post /batches", "201") == moved
    assert headers(json_ir, "get /batches", "200") == set()
    assert headers(yaml_ir, "get /batches", "200") == moved
    assert headers(yaml_ir, "post /batches", "201") == set()
    for data in (json_ir, yaml_ir):
        for key in ("post /batches", "get /batches"):
            for response in data["operations"][key]["responses"]:
                response["headers"] = []

    def tags(data: dict[str, Any]) -> dict[str, Any]:
        (model,) = [m for m in data["models"] if m["key"] == "WandBIntegrationRequest"]
        (prop,) = [p for p in model["properties"] if p["wire_name"] == "tags"]
        return prop

    # readOnly, yet sent by the fine-tuning example: the JSON copy's example file is pinned, the
    # YAML copy names ``.yaml`` examples that are not, so only the JSON IR sees that evidence.
    assert (tags(json_ir)["read_only"], tags(yaml_ir)["read_only"]) == (False, True)
    tags(yaml_ir)["read_only"] = False
    assert yaml_ir == json_ir
