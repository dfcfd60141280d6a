"""The fuzzing suite: mutated real specs and generated small specs never crash or hang.

Runs in the normal test suite on a fixed seed within a time budget (about two minutes on a
2-core machine); a long run raises the budget (see the README):

    AZPYGEN_FUZZ_SECONDS=3600 AZPYGEN_FUZZ_CASES=100000 AZPYGEN_FUZZ_SEED=7 \\
        .venv/bin/python -m pytest tests/fuzz -s

Each test prints its totals per outcome class.  Every crash found becomes a regression case
beside the tests of the stage it was in (e.g. ``tests/load/test_load_input_limits.py``).
"""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path
from typing import Any

import pytest
from fuzzkit import HANG, INTERNAL, Tally, classify, mutate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spec_copy import API_VERSIONS, azure_spec_path

SEED = int(os.environ.get("AZPYGEN_FUZZ_SEED", "11"))
SECONDS = float(os.environ.get("AZPYGEN_FUZZ_SECONDS", "75"))
CASES = int(os.environ.get("AZPYGEN_FUZZ_CASES", "3000"))
EXAMPLES = int(os.environ.get("AZPYGEN_FUZZ_EXAMPLES", "300"))


def _report(label: str, tally: Tally, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        print(f"\nfuzz {label}: {sum(tally.counts.values())} cases; {tally.line()}")
    assert tally.counts[INTERNAL] == 0 and tally.counts[HANG] == 0, tally.failures


def test_mutated_real_specs_give_only_results_or_located_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(SEED)
    originals: list[dict[str, Any]] = [
        json.loads(azure_spec_path(version).read_text(encoding="utf-8"))
        for version in API_VERSIONS
        if azure_spec_path(version).suffix == ".json"
    ]
    tally = Tally()
    deadline = time.monotonic() + SECONDS
    for case in range(CASES):
        if time.monotonic() > deadline:
            break
        mutant = mutate(originals[case % len(originals)], rng)
        outcome, detail = classify(mutant, tmp_path)
        tally.add(outcome, f"case {case} (seed {SEED}): {detail}")
    _report("mutated real specs", tally, capsys)


_TEXT = st.text(
    alphabet=st.characters(codec="utf-8") | st.sampled_from("\x00\n\x1b\u202e\ud800\"'\\²"),
    max_size=12,
)
_SCALAR = st.one_of(
    _TEXT,
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
)
_SCHEMA = st.recursive(
    st.fixed_dictionaries(
        {"type": st.sampled_from(["string", "integer", "number", "boolean", "object", "frob"])},
        optional={
            "enum": st.lists(_SCALAR, max_size=6),
            "format": _TEXT,
            "minimum": _SCALAR,
            "description": _TEXT,
            "$ref": st.sampled_from(["#/definitions/A", "#/definitions/B", "#/x/²", "a.json"]),
        },
    ),
    lambda inner: st.fixed_dictionaries(
        {"type": st.just("object")},
        optional={
            "properties": st.dictionaries(_TEXT, inner, max_size=4),
            "allOf": st.lists(inner, max_size=3),
            "items": inner,
            "additionalProperties": inner,
        },
    ),
    max_leaves=8,
)
_OPERATION = st.fixed_dictionaries(
    {
        "operationId": _TEXT,
        "responses": st.dictionaries(
            st.sampled_from(["200", "201", "default", "²", "2XX", "x-a"]) | _TEXT,
            st.fixed_dictionaries({"description": _TEXT}, optional={"schema": _SCHEMA}),
            max_size=3,
        ),
    },
    optional={"parameters": st.lists(st.dictionaries(_TEXT, _SCALAR, max_size=4), max_size=3)},
)
SMALL_SPECS = st.fixed_dictionaries(
    {
        "swagger": st.just("2.0"),
        "info": st.fixed_dictionaries({"title": _TEXT, "version": _TEXT}),
        "paths": st.dictionaries(
            _TEXT.map(lambda text: "/" + text),
            st.dictionaries(st.sampled_from(["get", "put", "post", "delete"]), _OPERATION),
            max_size=3,
        ),
        "definitions": st.dictionaries(st.sampled_from(["A", "B", "C"]) | _TEXT, _SCHEMA),
    },
    optional={"host": _TEXT, "basePath": _TEXT, "produces": st.lists(_TEXT, max_size=2)},
)

_small_tally = Tally()


@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(SMALL_SPECS)
def test_generated_small_specs_give_only_results_or_located_errors(
    tmp_path: Path, data: dict[str, Any]
) -> None:
    outcome, detail = classify(data, tmp_path)
    _small_tally.add(outcome, detail)
    assert outcome not in (INTERNAL, HANG), detail


def test_small_spec_totals(capsys: pytest.CaptureFixture[str]) -> None:
    """Prints the totals of the test above (it runs first: tests run in file order)."""
    _report("generated small specs", _small_tally, capsys)
