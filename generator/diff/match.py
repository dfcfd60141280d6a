"""Pairing up what the two versions have in common, so that only real differences remain.

Operations: first by operationId (the same id on a different path is a *moved* operation), then,
among the rest, by HTTP method and path with path-parameter names normalised away (the same call
under a new operationId).

Models and enums: first by key.  Then a removed definition and an added one are paired when the
places that used the old one now use the new one ("uses moved": ``File.status`` referred to
``State`` and now refers to ``FileState``).  One new target is a rename; several are a split
(``State`` -> ``FileState``, ``FineTuningState``, ``OperationState``).  Without such uses, a
pair whose shapes (property names, or enum values) overlap strongly and uniquely is a likely
rename.  Every pairing keeps its evidence for the report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.diff.index import SpecIndex, normalize_path, op_key
from generator.diff.type_compare import paired_refs
from generator.ir import JsonBody, MultipartBody, Operation, TypeRef

SHAPE_THRESHOLD = 0.6  # Jaccard similarity for a rename found by shape alone


@dataclass(frozen=True, slots=True)
class OperationMatch:
    """The same operation in both versions."""

    old: Operation
    new: Operation
    by: str  # "operationId" or "path"

    @property
    def moved(self) -> bool:
        """Whether the method or the (normalised) path changed."""
        return self.old.method != self.new.method or normalize_path(
            self.old.path
        ) != normalize_path(self.new.path)


@dataclass(frozen=True, slots=True)
class DefinitionMatch:
    """A removed definition that lives on under other keys: a rename (one) or a split (several)."""

    kind: str  # "model" or "enum"
    old_key: str
    new_keys: tuple[str, ...]
    evidence: tuple[str, ...]  # "File.status: State -> FileState", "same properties: a, b"

    @property
    def is_split(self) -> bool:
        """Whether the old definition became several new ones."""
        return len(self.new_keys) > 1


@dataclass
class Matches:
    """Everything paired between two versions, and what is left on each side."""

    operations: list[OperationMatch] = field(default_factory=list)
    removed_operations: list[Operation] = field(default_factory=list)
    added_operations: list[Operation] = field(default_factory=list)
    definitions: list[DefinitionMatch] = field(default_factory=list)
    model_pairs: list[tuple[str, str]] = field(default_factory=list)  # by key, then renames
    enum_pairs: list[tuple[str, str]] = field(default_factory=list)
    removed_models: list[str] = field(default_factory=list)
    added_models: list[str] = field(default_factory=list)
    removed_enums: list[str] = field(default_factory=list)
    added_enums: list[str] = field(default_factory=list)
    _same: dict[tuple[str, str], set[str]] = field(default_factory=dict)

    def same(self, kind: str, old_key: str, new_key: str) -> bool:
        """Whether ``old_key`` and ``new_key`` denote the same definition (or a part of a split)."""
        if old_key == new_key:
            return True
        return new_key in self._same.get((kind, old_key), ())


def match_operations(old: SpecIndex, new: SpecIndex, matches: Matches) -> None:
    """Pair operations by operationId, then by method and normalised path."""
    left = dict(old.operations)
    right = dict(new.operations)
    for op_id in sorted(left.keys() & right.keys()):
        matches.operations.append(OperationMatch(left.pop(op_id), right.pop(op_id), "operationId"))
    by_route = {(op.method, normalize_path(op.path)): op for op in right.values()}
    for op_id in sorted(left):
        op = left[op_id]
        partner = by_route.pop((op.method, normalize_path(op.path)), None)
        if partner is not None:
            matches.operations.append(OperationMatch(op, partner, "path"))
            del left[op_id]
            del right[op_key(partner)]
    matches.removed_operations = sorted(left.values(), key=op_key)
    matches.added_operations = sorted(right.values(), key=op_key)


def _operation_type_pairs(
    a: Operation, b: Operation
) -> Iterator[tuple[str, TypeRef | None, TypeRef | None]]:
    """Types in the same place of two matched operations: ``(place, old, new)``."""
    name = op_key(b)
    old_params = {(p.location, p.wire_name): p for p in a.parameters}
    for p in b.parameters:
        partner = old_params.get((p.location, p.wire_name))
        if partner is not None:
            yield (f"{name} parameter {p.wire_name}", partner.type, p.type)
    if isinstance(a.body, JsonBody) and isinstance(b.body, JsonBody):
        yield (f"{name} body", a.body.type, b.body.type)
    if isinstance(a.body, MultipartBody) and isinstance(b.body, MultipartBody):
        old_fields = {f.wire_name: f for f in a.body.fields}
        for f in b.body.fields:
            if f.wire_name in old_fields:
                yield (f"{name} form field {f.wire_name}", old_fields[f.wire_name].type, f.type)
    old_responses = {r.status: r for r in a.responses}
    for r in b.responses:
        partner_response = old_responses.get(r.status)
        if partner_response is not None:
            yield (f"{name} response {r.status}", partner_response.body, r.body)


def _jaccard(a: set[str], b: set[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def shape_of(index: SpecIndex, kind: str, key: str) -> set[str]:
    """Property wire names of a model, or the values of an enum, for shape similarity."""
    if kind == "model":
        return {p.wire_name for p in index.models[key].properties}
    return {str(v.value) for v in index.enums[key].values}


def match_definitions(old: SpecIndex, new: SpecIndex, matches: Matches) -> None:
    """Pair models and enums by key, then find renames and splits (with evidence)."""
    kinds: dict[str, tuple[set[str], set[str]]] = {
        "model": (set(old.models), set(new.models)),
        "enum": (set(old.enums), set(new.enums)),
    }
    removed = {k: o - n for k, (o, n) in kinds.items()}
    added = {k: n - o for k, (o, n) in kinds.items()}
    pairs: dict[str, list[tuple[str, str]]] = {
        k: [(key, key) for key in sorted(o & n)] for k, (o, n) in kinds.items()
    }
    votes: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    frontier = [(k, a, b) for k in kinds for a, b in pairs[k]]
    while frontier:
        for kind, old_key, new_key in frontier:
            if kind != "model":
                continue
            old_props = {p.wire_name: p for p in old.models[old_key].properties}
            for prop in new.models[new_key].properties:
                partner = old_props.get(prop.wire_name)
                if partner is None:
                    continue
                for ref_kind, a, b in paired_refs(partner.type, prop.type):
                    if a in removed[ref_kind] and b in added[ref_kind]:
                        votes[(ref_kind, a)][b].append(f"{new_key}.{prop.wire_name}: {a} -> {b}")
        frontier = []
        for op_match in matches.operations:
            for place, a_type, b_type in _operation_type_pairs(op_match.old, op_match.new):
                for ref_kind, a, b in paired_refs(a_type, b_type):
                    if a in removed[ref_kind] and b in added[ref_kind]:
                        evidence = f"{place}: {a} -> {b}"
                        if evidence not in votes[(ref_kind, a)][b]:
                            votes[(ref_kind, a)][b].append(evidence)
        # Several removed definitions may vote for one new key (a merge: several enums become
        # one); the most similar one claims it first, so the rename goes to the closest shape.
        ranked = []
        for (kind, old_key), targets in votes.items():
            if old_key not in removed[kind]:
                continue
            new_keys = tuple(sorted(t for t in targets if t in added[kind]))
            scores = {
                t: _jaccard(shape_of(old, kind, old_key), shape_of(new, kind, t)) for t in new_keys
            }
            ranked.append((-max(scores.values(), default=0.0), kind, old_key, new_keys, scores))
        for _, kind, old_key, candidates, scores in sorted(ranked):
            if old_key not in removed[kind]:
                continue
            new_keys = tuple(t for t in candidates if t in added[kind])
            if not new_keys:
                continue
            targets = votes[(kind, old_key)]
            found = [e for t in new_keys for e in sorted(targets[t])]
            for t in new_keys:
                found.append(f"shape similarity {old_key} ~ {t}: {scores[t]:.2f}")
            _record(matches, kind, old_key, new_keys, tuple(found), removed, added, pairs)
            if len(new_keys) == 1:
                frontier.append((kind, old_key, new_keys[0]))
        votes.clear()
    for kind in kinds:
        _match_by_class_name(old, new, matches, kind, removed, added, pairs)
        _match_by_shape(old, new, matches, kind, removed, added, pairs)
    matches.model_pairs = sorted(pairs["model"])
    matches.enum_pairs = sorted(pairs["enum"])
    matches.removed_models = sorted(removed["model"])
    matches.added_models = sorted(added["model"])
    matches.removed_enums = sorted(removed["enum"])
    matches.added_enums = sorted(added["enum"])
    matches.definitions.sort(key=lambda d: (d.kind, d.old_key))


def _record(
    matches: Matches,
    kind: str,
    old_key: str,
    new_keys: tuple[str, ...],
    evidence: tuple[str, ...],
    removed: dict[str, set[str]],
    added: dict[str, set[str]],
    pairs: dict[str, list[tuple[str, str]]],
) -> None:
    matches.definitions.append(DefinitionMatch(kind, old_key, new_keys, evidence))
    matches._same[(kind, old_key)] = set(new_keys)
    removed[kind].discard(old_key)
    for key in new_keys:
        added[kind].discard(key)
    if len(new_keys) == 1:
        pairs[kind].append((old_key, new_keys[0]))


def _class_name(index: SpecIndex, kind: str, key: str) -> str:
    return (index.models[key] if kind == "model" else index.enums[key]).class_name


def _match_by_class_name(
    old: SpecIndex,
    new: SpecIndex,
    matches: Matches,
    kind: str,
    removed: dict[str, set[str]],
    added: dict[str, set[str]],
    pairs: dict[str, list[tuple[str, str]]],
) -> None:
    """Pair leftovers that generate the same class (e.g. the same ``x-ms-enum`` name)."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for b in sorted(added[kind]):
        by_name[_class_name(new, kind, b)].append(b)
    for a in sorted(removed[kind]):
        candidates = by_name.get(_class_name(old, kind, a), [])
        if len(candidates) != 1 or candidates[0] not in added[kind]:
            continue
        b = candidates[0]
        similarity = _jaccard(shape_of(old, kind, a), shape_of(new, kind, b))
        evidence = (
            f"same generated class {_class_name(new, kind, b)}",
            f"shape similarity {a} ~ {b}: {similarity:.2f}",
        )
        _record(matches, kind, a, (b,), evidence, removed, added, pairs)


def _match_by_shape(
    old: SpecIndex,
    new: SpecIndex,
    matches: Matches,
    kind: str,
    removed: dict[str, set[str]],
    added: dict[str, set[str]],
    pairs: dict[str, list[tuple[str, str]]],
) -> None:
    """Pair leftovers whose shapes are each other's unique best match above the threshold."""
    scores: list[tuple[float, str, str]] = []
    for a in sorted(removed[kind]):
        shape_a = shape_of(old, kind, a)
        if len(shape_a) < 2:
            continue
        for b in sorted(added[kind]):
            score = _jaccard(shape_a, shape_of(new, kind, b))
            if score >= SHAPE_THRESHOLD:
                scores.append((score, a, b))
    best_for_old: dict[str, list[tuple[float, str]]] = defaultdict(list)
    best_for_new: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for score, a, b in scores:
        best_for_old[a].append((score, b))
        best_for_new[b].append((score, a))
    for a in sorted(best_for_old):
        ranked = sorted(best_for_old[a], key=lambda s: (-s[0], s[1]))
        score, b = ranked[0]
        rivals = sorted(best_for_new[b], key=lambda s: (-s[0], s[1]))
        tied = (len(ranked) > 1 and ranked[1][0] == score) or (
            len(rivals) > 1 and rivals[1][0] == score
        )
        if rivals[0][1] != a or tied or b not in added[kind]:
            continue
        common = sorted(shape_of(old, kind, a) & shape_of(new, kind, b))
        what = "properties" if kind == "model" else "values"
        evidence = (
            f"shape similarity {a} ~ {b}: {score:.2f}",
            f"shared {what}: {', '.join(common)}",
        )
        _record(matches, kind, a, (b,), evidence, removed, added, pairs)


def match(old: SpecIndex, new: SpecIndex) -> Matches:
    """Pair operations, models and enums of ``old`` and ``new``."""
    matches = Matches()
    match_operations(old, new, matches)
    match_definitions(old, new, matches)
    return matches
