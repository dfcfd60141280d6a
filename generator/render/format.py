"""Formatting generated Python with black's API, using one fixed mode, with a result cache.

black is pinned in ``pyproject.toml`` because committed output depends on its exact version.
Formatting is by far the slowest step of ``generate`` (about 3 s for the three versions on
two cores), and its result depends only on black's version, the mode and the input text, so
results are cached by a hash of those three in the user's cache folder
(``$XDG_CACHE_HOME/azure-swagger-pygen/black``, or ``$AZPYGEN_CACHE/black``).  The cache is
best-effort: an unreadable or unwritable cache only costs time (and one warning per run).  The
command line formats cache misses in parallel, in workers that die with the run
(:mod:`generator.render.workers`).  Large modules are formatted in pieces
(:mod:`generator.render.split`), so that one huge file neither waits on one core nor holds
black's syntax tree of all its lines at once; the result is the same text.
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from generator.cache import cache_root, read_entry, store_entry
from generator.render.compile_check import compile_error
from generator.render.docs import LINE_LENGTH
from generator.render.split import WRAPPER, Piece, join, split
from generator.render.workers import map_in_workers

# Bounds of the pieces large files are cut into (:func:`_lines_per_piece`).
_MIN_PIECE_LINES = 300
_MAX_PIECE_LINES = 2000
# black is imported only when something must be formatted: with a warm cache, ``generate``
# does not pay for importing it.  The key names everything the mode below depends on.
# "compiled" marks results whose input passed :func:`compile_error`.
_KEY_PREFIX = f"black={version('black')};line_length={LINE_LENGTH};target=py310;compiled;".encode()


class FormatError(Exception):
    """Generated code that black cannot parse: a bug in a template or context builder."""


def format_python(source: str, name: str) -> str:
    """``source`` formatted by black; FormatError names the file when it does not compile."""
    problem = compile_error(source, name)
    if problem is not None:
        raise FormatError(f"{problem}; nothing was written")
    from black.parsing import InvalidInput

    try:
        return _black(source)
    except InvalidInput as error:
        raise FormatError(f"{name}: generated code does not parse: {error}") from None


def _black(source: str) -> str:
    """black's output for ``source``, with the garbage collector paused.

    black builds a syntax tree of several objects per token; with collection on, Python's
    collector walks that growing tree again and again, which makes formatting twice as slow at
    30,000 lines.  The tree becomes garbage when black returns, and the next collection frees it.
    """
    import black
    from black.mode import TargetVersion

    mode = black.Mode(line_length=LINE_LENGTH, target_versions={TargetVersion.PY310})
    enabled = gc.isenabled()
    gc.disable()
    try:
        return black.format_str(source, mode=mode)
    finally:
        if enabled:
            gc.enable()


def cache_folder() -> Path:
    """Where formatted results are kept between runs."""
    return cache_root() / "black"


def _key(source: str) -> str:
    return hashlib.sha256(_KEY_PREFIX + source.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class _Job:
    """One piece of one file to format; ``whole`` when the piece is the entire file."""

    name: str
    piece: Piece
    whole: bool


def _format_job(job: _Job) -> str | None:
    """The formatted piece; None when a piece of a cut file does not compile or parse (the file
    is then formatted whole, which says what is wrong); FormatError for a whole file."""
    if job.whole:
        return format_python(job.piece.text, job.name)
    source = WRAPPER + job.piece.text if job.piece.in_class else job.piece.text
    if compile_error(source, job.name) is not None:
        return None
    from black.parsing import InvalidInput

    try:
        text = _black(source)
    except InvalidInput:
        return None
    if not job.piece.in_class:
        return text
    return text[len(WRAPPER) :] if text.startswith(WRAPPER) else None


def _lines_per_piece(total_lines: int, workers: int) -> int:
    """Small enough pieces for every worker to get several (the largest file is otherwise the
    run's long pole), large enough that black's per-call cost stays small."""
    return max(_MIN_PIECE_LINES, min(_MAX_PIECE_LINES, total_lines // (workers * 8)))


def _format_sources(items: list[tuple[str, str]], workers: int) -> list[str]:
    """Every ``(name, source)`` formatted, cut into pieces spread over ``workers`` processes."""
    size = _lines_per_piece(sum(source.count("\n") for _, source in items), workers)
    jobs: list[tuple[int, _Job]] = []
    for index, (name, source) in enumerate(items):
        pieces = split(source, size)
        jobs.extend((index, _Job(name, piece, len(pieces) == 1)) for piece in pieces)
    # Largest first: the pool hands out work in this order, so the small pieces fill the gaps.
    order = sorted(range(len(jobs)), key=lambda k: -len(jobs[k][1].piece.text))
    ordered = [jobs[k][1] for k in order]
    if workers > 1 and len(ordered) > 2:
        results = map_in_workers(_format_job, ordered, workers)
    else:
        results = [_format_job(job) for job in ordered]
    pieces_of: list[list[tuple[Piece, str | None]]] = [[] for _ in items]
    for k, result in sorted(zip(order, results, strict=True)):
        pieces_of[jobs[k][0]].append((jobs[k][1].piece, result))
    formatted = []
    for (name, source), done in zip(items, pieces_of, strict=True):
        if len(done) == 1 or any(text is None for _, text in done):
            text = done[0][1] if len(done) == 1 else None
            formatted.append(text if text is not None else format_python(source, name))
        else:
            formatted.append(join([(piece, text) for piece, text in done if text is not None]))
    return formatted


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
    workers = min(os.cpu_count() or 1, 4) if parallel else 1
    formatted = _format_sources([(name, source) for name, source, _ in misses], workers)
    for (name, _, key), text in zip(misses, formatted, strict=True):
        result[name] = text
        store_entry(folder, key, text)
    return {name: result[name] for name in sources}
