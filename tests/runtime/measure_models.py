"""Measures the model layer: deserializing a 10,000-item fine-tuning job list.

Not a test (pytest does not collect it): run ``.venv/bin/python tests/runtime/measure_models.py``.
It prints the time of plain ``json.loads`` on the same bytes and, for each model layer, its time
and its ratio to ``json.loads`` (the goal for the chosen layer is at most 3x):

* pydantic v2 ``TypeAdapter.validate_json`` of runtime ``Model`` classes (the chosen layer, as the
  generator emits them: aliases, unknown fields kept, unixtime as aware datetime, extensible
  enums, a polymorphic ``method``);
* ``json.loads`` + hand-written dataclass construction (the cheapest thing a hand-written layer
  could do, without validation);
* msgspec ``Struct`` decoding, when msgspec happens to be installed (it is not a dependency).

The job shape follows ``FineTuningJob`` of the 2025-02-01-preview spec.
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import Field

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from generator.runtime import (
    CaseInsensitiveEnumMeta,
    Extensible,
    Model,
    PolymorphicModel,
    UnixTime,
    deserialize,
)

COUNT = 10_000
ROUNDS = 9


class FineTuningState(str, Enum, metaclass=CaseInsensitiveEnumMeta):
    CREATED = "created"
    PENDING = "pending"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    CANCELLED = "cancelled"
    FAILED = "failed"


class TypeDiscriminator(str, Enum, metaclass=CaseInsensitiveEnumMeta):
    LIST = "list"
    FINE_TUNING_JOB = "fine_tuning.job"


class FineTuningHyperParameters(Model):
    n_epochs: int | None = Field(default=None, alias="n_epochs")
    batch_size: int | None = Field(default=None, alias="batch_size")
    learning_rate_multiplier: float | None = Field(default=None, alias="learning_rate_multiplier")


class FineTuningJobError(Model):
    code: str | None = Field(default=None, alias="code")
    message: str | None = Field(default=None, alias="message")
    param: str | None = Field(default=None, alias="param")


class WandBIntegrationRequest(Model):
    project: str = Field(alias="project")
    name: str | None = Field(default=None, alias="name")
    entity: str | None = Field(default=None, alias="entity")
    tags: list[str] | None = Field(default=None, alias="tags")


class WandBIntegrationRequestWrapper(Model):
    type: str = Field(alias="type")
    wandb: WandBIntegrationRequest = Field(alias="wandb")


class FineTuneMethod(PolymorphicModel):
    __discriminator__: ClassVar[str] = "type"
    type: str = Field(alias="type")


class SupervisedMethod(FineTuneMethod):
    type: Literal["supervised"] = Field(default="supervised", alias="type")
    supervised: dict[str, Any] | None = Field(default=None, alias="supervised")


class DpoMethod(FineTuneMethod):
    type: Literal["dpo"] = Field(default="dpo", alias="type")
    dpo: dict[str, Any] | None = Field(default=None, alias="dpo")


FineTuneMethod.register_subtypes({"supervised": SupervisedMethod, "dpo": DpoMethod})


class FineTuningJob(Model):
    object: Extensible[TypeDiscriminator] | None = Field(default=None, alias="object")
    created_at: UnixTime | None = Field(default=None, alias="created_at")
    id: str | None = Field(default=None, alias="id")
    status: Extensible[FineTuningState] | None = Field(default=None, alias="status")
    model: str = Field(alias="model")
    fine_tuned_model: str | None = Field(default=None, alias="fine_tuned_model")
    training_file: str = Field(alias="training_file")
    validation_file: str | None = Field(default=None, alias="validation_file")
    result_files: list[str] | None = Field(default=None, alias="result_files")
    finished_at: UnixTime | None = Field(default=None, alias="finished_at")
    organisation_id: str | None = Field(default=None, alias="organisation_id")
    trained_tokens: int | None = Field(default=None, alias="trained_tokens")
    error: FineTuningJobError | None = Field(default=None, alias="error")
    estimated_finish: UnixTime | None = Field(default=None, alias="estimated_finish")
    hyperparameters: FineTuningHyperParameters | None = Field(default=None, alias="hyperparameters")
    suffix: str | None = Field(default=None, alias="suffix")
    seed: int | None = Field(default=None, alias="seed")
    integrations: list[WandBIntegrationRequestWrapper] | None = Field(
        default=None, alias="integrations"
    )
    method: FineTuneMethod | None = Field(default=None, alias="method")


class FineTuningJobList(Model):
    object: Extensible[TypeDiscriminator] | None = Field(default=None, alias="object")
    data: list[FineTuningJob] | None = Field(default=None, alias="data")
    has_more: bool | None = Field(default=None, alias="has_more")


def make_payload(count: int = COUNT) -> bytes:
    states = ["created", "pending", "running", "succeeded", "cancelled", "failed", "queued"]
    jobs = []
    for index in range(count):
        method = (
            {"type": "supervised", "supervised": {"hyperparameters": {"n_epochs": 3}}}
            if index % 2
            else {"type": "dpo", "dpo": {"hyperparameters": {"beta": 0.1}}}
        )
        jobs.append(
            {
                "object": "fine_tuning.job",
                "created_at": 1_700_000_000 + index,
                "id": f"ftjob-{index:08d}",
                "status": states[index % len(states)],
                "model": "gpt-35-turbo-0613",
                "fine_tuned_model": f"gpt-35-turbo-0613.ft-{index:08d}",
                "training_file": f"file-train-{index}",
                "validation_file": f"file-valid-{index}",
                "result_files": [f"file-result-{index}"],
                "finished_at": 1_700_003_600 + index,
                "organisation_id": "org-1",
                "trained_tokens": 123_456 + index,
                "error": {"code": None, "message": None, "param": None},
                "estimated_finish": 1_700_007_200 + index,
                "hyperparameters": {
                    "n_epochs": 3,
                    "batch_size": 8,
                    "learning_rate_multiplier": 0.5,
                },
                "suffix": "custom",
                "seed": index,
                "integrations": [
                    {"type": "wandb", "wandb": {"project": "p", "name": "n", "tags": ["a", "b"]}}
                ],
                "method": method,
            }
        )
    return json.dumps({"object": "list", "data": jobs, "has_more": False}).encode()


# --- the hand-written alternative: json.loads + dataclasses, no validation --------------------


@dataclass(slots=True)
class PlainHyper:
    n_epochs: int | None
    batch_size: int | None
    learning_rate_multiplier: float | None


@dataclass(slots=True)
class PlainJob:
    id: str | None
    status: str | FineTuningState | None
    created_at: datetime | None
    finished_at: datetime | None
    estimated_finish: datetime | None
    model: str
    hyperparameters: PlainHyper | None
    extra: dict[str, Any]


_STATES = {member.value: member for member in FineTuningState}
_KNOWN = {"id", "status", "created_at", "finished_at", "estimated_finish", "model"}


def _time(value: int | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, timezone.utc)


def plain_decode(payload: bytes) -> list[PlainJob]:
    jobs = []
    for raw in json.loads(payload)["data"]:
        hyper = raw.get("hyperparameters")
        status = raw.get("status")
        jobs.append(
            PlainJob(
                id=raw.get("id"),
                status=_STATES.get(status.lower(), status) if status else None,
                created_at=_time(raw.get("created_at")),
                finished_at=_time(raw.get("finished_at")),
                estimated_finish=_time(raw.get("estimated_finish")),
                model=raw["model"],
                hyperparameters=PlainHyper(**hyper) if hyper else None,
                extra={key: value for key, value in raw.items() if key not in _KNOWN},
            )
        )
    return jobs


try:  # an optional contender, not a dependency
    import msgspec
except ImportError:
    msgspec = None
else:

    class MsgHyper(msgspec.Struct):
        n_epochs: int | None = None
        batch_size: int | None = None
        learning_rate_multiplier: float | None = None

    class MsgJob(msgspec.Struct):
        model: str
        training_file: str
        id: str | None = None
        status: str | None = None
        created_at: int | None = None
        finished_at: int | None = None
        estimated_finish: int | None = None
        hyperparameters: MsgHyper | None = None
        result_files: list[str] | None = None

    class MsgJobList(msgspec.Struct):
        data: list[MsgJob]
        has_more: bool | None = None
        object: str | None = None


def msgspec_decoder() -> Callable[[bytes], Any] | None:
    if msgspec is None:
        return None
    decoder = msgspec.json.Decoder(MsgJobList)
    return decoder.decode


def timings(
    functions: list[Callable[[bytes], Any]], payload: bytes, *, gc_paused: bool
) -> list[list[float]]:
    """CPU seconds per call of each function over ROUNDS rounds, interleaved so that load from
    other processes on the machine affects every function alike."""
    for function in functions:
        function(payload)  # warm-up: builds pydantic schemas, caches adapters
    results: list[list[float]] = [[] for _ in functions]
    for _ in range(ROUNDS):
        for index, function in enumerate(functions):
            gc.collect()
            if gc_paused:
                gc.disable()
            start = time.process_time()
            function(payload)
            results[index].append(time.process_time() - start)
            gc.enable()
    return results


def report(
    layers: list[tuple[str, Callable[[bytes], Any]]], payload: bytes, *, gc_paused: bool
) -> None:
    results = timings([function for _, function in layers], payload, gc_paused=gc_paused)
    baseline_best, baseline_median = min(results[0]), statistics.median(results[0])
    for (name, _), seconds in zip(layers, results, strict=True):
        best, median = min(seconds), statistics.median(seconds)
        print(
            f"  {name:46s} best {best * 1e3:7.1f} ms  median {median * 1e3:7.1f} ms"
            f"  ratio {best / baseline_best:.2f}x (median {median / baseline_median:.2f}x)"
        )


def main() -> None:
    payload = make_payload()
    print(f"payload: {COUNT} fine-tuning jobs, {len(payload) / 1e6:.1f} MB; {ROUNDS} rounds")
    layers: list[tuple[str, Callable[[bytes], Any]]] = [
        ("json.loads", json.loads),
        ("pydantic Model (runtime, chosen)", lambda data: deserialize(FineTuningJobList, data)),
        ("json.loads + dataclasses (partial, no checks)", plain_decode),
    ]
    decoder = msgspec_decoder()
    if decoder is not None:
        layers.append(("msgspec Struct (partial shape)", decoder))
    else:
        print("(msgspec not installed: skipped)")
    print("as called (cyclic GC enabled; the runtime pauses it for large bodies itself):")
    report(layers, payload, gc_paused=False)
    print("cyclic GC paused around every contender (the timeit convention):")
    report(layers, payload, gc_paused=True)
    result = deserialize(FineTuningJobList, payload)
    first = result.data[0]
    assert isinstance(first.method, DpoMethod) and first.created_at.tzinfo is not None
    assert first.as_dict() == json.loads(payload)["data"][0]


if __name__ == "__main__":
    main()
