"""Structure-aware mutation of real specs and outcome classes for the fuzzing suite.

A mutation picks a node of a parsed spec and changes it the way hostile or broken specs do:
hostile text (controls, lone surrogates, quotes, huge or odd numbers), deleted or retyped
values, odd ``$ref`` targets, subtrees copied elsewhere.  Each mutant goes through
``compile_spec`` (load, normalize, build, name) in this process under an alarm, and lands in
one outcome class: ``ok``, ``located error`` (error diagnostics, each one line), ``internal
error`` (an exception escaped) or ``hang`` (the alarm fired).  Only the first two are allowed.
"""

from __future__ import annotations

import copy
import json
import random
import signal
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diagnostics import Severity
from generator.pipeline import compile_spec

OK, LOCATED, INTERNAL, HANG = "ok", "located error", "internal error", "hang"
HOSTILE_TEXT = (
    "",
    "\ud800",
    "a\nb\x1b[2J",
    '"""; import os #',
    "\\",
    "\x00",
    "\u202eevil",
    "²",
    "١٢٣",
    "x" * 300,
    "../../etc/passwd",
    "#/definitions/²",
    "default",
    "2XX",
    "Ab" * 2000,
)
HOSTILE_NUMBERS = (0, -1, 10**600, 1e308, -1e308, 2**63, 0.1, True)


@dataclass
class Tally:
    """Outcome counts, and the first few failures with what caused them."""

    counts: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def add(self, outcome: str, detail: str) -> None:
        self.counts[outcome] += 1
        if outcome in (INTERNAL, HANG) and len(self.failures) < 5:
            self.failures.append(detail)

    def line(self) -> str:
        return ", ".join(f"{name}: {self.counts[name]}" for name in (OK, LOCATED, INTERNAL, HANG))


def _nodes(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _nodes(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nodes(item, (*path, index))


def _random_value(rng: random.Random, document: Any) -> Any:
    choice = rng.randrange(6)
    if choice == 0:
        return rng.choice(HOSTILE_TEXT)
    if choice == 1:
        return rng.choice(HOSTILE_NUMBERS)
    if choice == 2:
        return {"$ref": rng.choice(HOSTILE_TEXT[7:]) if rng.random() < 0.5 else "#/definitions"}
    if choice == 3:
        return rng.choice([None, [], {}, [None], {"type": "frob"}])
    # a subtree copied from elsewhere in the document
    return copy.deepcopy(rng.choice([v for _, v in _nodes(document)][:5000]))


def mutate(document: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A copy of ``document`` with one to three structural mutations."""
    mutant = copy.deepcopy(document)
    for _ in range(rng.randint(1, 3)):
        places = [(p, v) for p, v in _nodes(mutant) if p]
        path, _ = rng.choice(places)
        parent: Any = mutant
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        action = rng.randrange(4)
        if action == 0 and isinstance(parent, dict):
            del parent[last]
        elif action == 1 and isinstance(parent, dict):
            parent[rng.choice(HOSTILE_TEXT)] = parent.pop(last)
        else:
            parent[last] = _random_value(rng, mutant)
    return mutant


class _Alarm(Exception):
    pass


def _on_alarm(signum: int, frame: object) -> None:
    raise _Alarm


def classify(data: Any, folder: Path, seconds: int = 20) -> tuple[str, str]:
    """Compile ``data`` (written as JSON into ``folder``); its outcome class and a detail."""
    path = folder / "spec.json"
    path.write_text(json.dumps(data), encoding="utf-8", errors="surrogatepass")
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(seconds)
    try:
        spec, diagnostics = compile_spec(path)
    except _Alarm:
        return HANG, f"no result within {seconds} s"
    except Exception:
        return INTERNAL, traceback.format_exc(limit=-3)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    lines = [d.render() for d in diagnostics]
    if any("\n" in line or "\r" in line for line in lines):
        return INTERNAL, "a diagnostic spans lines"
    if spec is None or any(d.severity is Severity.ERROR for d in diagnostics):
        return LOCATED, ""
    return OK, ""
