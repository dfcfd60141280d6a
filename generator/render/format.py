"""Formatting generated Python with black, each distinct layout once, with result caches.

Formatting is the slowest step of ``generate``, and black's output depends only on its version,
its mode and its input, so it is cached by a hash of those three in the user's cache folder
(``$XDG_CACHE_HOME/azure-swagger-pygen/black``, or ``$AZPYGEN_CACHE/black``): whole files, and
the formatted skeletons of their units.  The cache is best-effort: an unreadable or unwritable
cache only costs time (and one warning per run).

A file whose text is not cached is cut into units, its top-level statements and the methods of
its classes (:mod:`generator.render.split`), and each unit is reduced to its skeleton, the
layout black sees with the words taken out (:mod:`generator.render.skeleton`).  Operations of
one shape share a skeleton: the 20,000 methods of a 10,000-operation spec have a few dozen.
black formats each distinct skeleton not in the cache, in batches spread over worker processes
that die with the run (:mod:`generator.render.workers`); each unit then gets its own words back
and the units are joined into exactly the text black makes of the whole file.  A file that
cannot be cut, or holds a unit that does not compile by itself, is formatted whole.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path

from generator.cache import cache_root, read_entry, store_entry
from generator.render.black_batches import (
    MODE_KEY,
    Batch,
    FormatError,
    batches,
    black_unit,
    format_batch,
    format_python,
    lines_per_batch,
)
from generator.render.compile_check import compile_error
from generator.render.skeleton import Skeleton, fill, skeleton_of
from generator.render.split import WRAPPER, Piece, join, split
from generator.render.workers import WorkerPool

__all__ = ["FormatError", "cache_folder", "format_many", "format_python"]

# "compiled" marks results whose input passed :func:`compile_error`.
_KEY_PREFIX = f"black={version('black')};{MODE_KEY};compiled;".encode()

_Layout = tuple[bool, str]
"""A distinct skeleton: whether it is a member of a class, and its text."""


def cache_folder() -> Path:
    """Where formatted results are kept between runs."""
    return cache_root() / "black"


def _key(source: str) -> str:
    return hashlib.sha256(_KEY_PREFIX + source.encode("utf-8")).hexdigest()


def _layout_key(layout: _Layout) -> str:
    in_class, text = layout
    return _key(("in-class;" if in_class else "module;") + text)


def format_many(sources: Mapping[str, str], *, parallel: bool = False) -> dict[str, str]:
    """Format every ``name -> source``; cached results are reused.

    With ``parallel``, cache misses are formatted in worker processes (forked: meant for the
    command line, not for processes that run other threads).
    """
    folder = cache_folder()
    result: dict[str, str] = {}
    misses: list[tuple[str, str, str]] = []
    for name, source in sources.items():
        key = _key(source)
        cached = read_entry(folder, key)
        if cached is not None:
            result[name] = cached
        else:
            misses.append((name, source, key))
    workers = min(os.cpu_count() or 1, 4) if parallel and misses else 1
    with WorkerPool(workers) as pool:
        pool.start()
        formatted = _format_sources([(name, source) for name, source, _ in misses], pool)
    for (name, _, key), text in zip(misses, formatted, strict=True):
        result[name] = text
        store_entry(folder, key, text)
    return {name: result[name] for name in sources}


def _format_sources(items: list[tuple[str, str]], pool: WorkerPool) -> list[str]:
    """Every ``(name, source)`` formatted (see the module's docstring)."""
    cut = [split(source, 1) for _, source in items]
    skeletons = _surveyed(cut, pool)
    whole = [index for index, found in enumerate(skeletons) if found is None]
    layouts, missing = _cached_layouts(cut, skeletons)
    jobs = [Batch((items[index][1],), False, items[index][0]) for index in whole]
    size = lines_per_batch(sum(text.count("\n") for _, text in missing), pool.workers)
    jobs += batches(missing, size)
    results = pool.map(format_batch, jobs, size=lambda job: job.size)
    formatted_whole = {
        index: done[0] for index, done in zip(whole, results[: len(whole)], strict=True)
    }
    folder = cache_folder()
    for job, done in zip(jobs[len(whole) :], results[len(whole) :], strict=True):
        for skeleton_text, formatted in zip(job.texts, done, strict=True):
            layout = (job.in_class, skeleton_text)
            layouts[layout] = formatted
            if formatted is not None:
                store_entry(folder, _layout_key(layout), formatted)
    texts: list[str] = []
    for index, (name, source) in enumerate(items):
        text = formatted_whole.get(index)
        found = skeletons[index]
        if text is None and found is not None:
            text = _filled(cut[index], found, layouts)
        texts.append(text if text is not None else format_python(source, name))
    return texts


def _surveyed(cut: list[list[Piece]], pool: WorkerPool) -> list[list[Skeleton] | None]:
    """Each file's units' skeletons, computed in workers; None for a file formatted whole (one
    unit, or a unit that does not compile by itself: a cut inside a string)."""
    units = [unit for pieces in cut if len(pieces) > 1 for unit in pieces]
    per_chunk = max(1, -(-len(units) // (8 * pool.workers)))
    chunks = [units[start : start + per_chunk] for start in range(0, len(units), per_chunk)]
    done = pool.map(_survey, chunks, size=len)
    found = iter([skeleton for chunk in done for skeleton in chunk])
    surveyed: list[list[Skeleton] | None] = []
    for pieces in cut:
        if len(pieces) == 1:
            surveyed.append(None)
            continue
        mine = [next(found) for _ in pieces]
        complete = [skeleton for skeleton in mine if skeleton is not None]
        surveyed.append(complete if len(complete) == len(mine) else None)
    return surveyed


def _survey(units: list[Piece]) -> list[Skeleton | None]:
    """Each unit's skeleton, or None for one that does not compile by itself."""
    found: list[Skeleton | None] = []
    for unit in units:
        source = WRAPPER + unit.text if unit.in_class else unit.text
        found.append(None if compile_error(source, "unit") is not None else skeleton_of(unit.text))
    return found


def _cached_layouts(
    cut: list[list[Piece]], skeletons: list[list[Skeleton] | None]
) -> tuple[dict[_Layout, str | None], list[_Layout]]:
    """The formatted skeletons found in the cache, and the distinct ones to format."""
    folder = cache_folder()
    layouts: dict[_Layout, str | None] = {}
    missing: dict[_Layout, None] = {}
    for pieces, found in zip(cut, skeletons, strict=True):
        if found is None:  # formatted whole
            continue
        for unit, skeleton in zip(pieces, found, strict=True):
            layout = (unit.in_class, skeleton.text)
            if layout in layouts or layout in missing:
                continue
            cached = read_entry(folder, _layout_key(layout))
            if cached is not None:
                layouts[layout] = cached
            else:
                missing[layout] = None
    return layouts, list(missing)


def _filled(
    units: list[Piece], skeletons: list[Skeleton], layouts: dict[_Layout, str | None]
) -> str | None:
    """The file from its units' formatted skeletons with their words back; a unit whose
    skeleton black could not parse, or whose words do not fit back, is formatted by itself.
    None when even that fails (the file is then formatted whole, which names the problem)."""
    parts: list[tuple[Piece, str]] = []
    for unit, skeleton in zip(units, skeletons, strict=True):
        formatted = layouts.get((unit.in_class, skeleton.text))
        text: str | None = None
        if formatted is not None:
            text = formatted if skeleton.words is None else fill(formatted, skeleton.words)
        if text is None:
            text = black_unit(unit.text, unit.in_class)
        if text is None:
            return None
        parts.append((unit, text))
    return join(parts)
