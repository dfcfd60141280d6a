"""black itself: one file in one call, or many units of code joined into one call.

black is pinned in ``pyproject.toml`` because committed output depends on its exact version,
and it is imported only when something must be formatted: with a warm cache, ``generate`` does
not pay for importing it.  Its per-call cost is high for a few lines, so the distinct skeletons
of methods (:mod:`generator.render.skeleton`) are joined into batches of a few hundred lines,
formatted by one call each, and cut apart again (:func:`generator.render.split.unjoin`); a
batch that does not come apart one for one is formatted a unit at a time instead.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass

from generator.render.compile_check import compile_error
from generator.render.docs import LINE_LENGTH
from generator.render.split import WRAPPER, ends_cleanly, join_sources, unjoin

#: Bounds of a batch (:func:`lines_per_batch`), in lines.
MIN_BATCH_LINES = 300
MAX_BATCH_LINES = 2000
#: Everything black's output depends on besides its input, for cache keys.
MODE_KEY = f"line_length={LINE_LENGTH};target=py310"


class FormatError(Exception):
    """Generated code that black cannot parse: a bug in a template or context builder."""


def format_python(source: str, name: str) -> str:
    """``source`` formatted by black; FormatError names the file when it does not compile."""
    problem = compile_error(source, name)
    if problem is not None:
        raise FormatError(f"{problem}; nothing was written")
    from black.parsing import InvalidInput

    try:
        return black_text(source)
    except InvalidInput as error:
        raise FormatError(f"{name}: generated code does not parse: {error}") from None


def black_text(source: str) -> str:
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


def black_unit(text: str, in_class: bool) -> str | None:
    """black's output for a unit (a method of a class when ``in_class``); None when black
    cannot parse it."""
    from black.parsing import InvalidInput

    try:
        formatted = black_text(WRAPPER + text if in_class else text)
    except InvalidInput:
        return None
    if not in_class:
        return formatted
    return formatted[len(WRAPPER) :] if formatted.startswith(WRAPPER) else None


@dataclass(frozen=True)
class Batch:
    """Units formatted by one call to black, all members of a class or all top-level; or,
    with ``whole`` (the file's name, for errors), one file formatted as it is."""

    texts: tuple[str, ...]
    in_class: bool
    whole: str | None = None

    @property
    def size(self) -> int:
        """Characters to format: batches are handed out largest first."""
        return sum(len(text) for text in self.texts)


def format_batch(batch: Batch) -> list[str | None]:
    """black's output for each text of ``batch`` (None for one black cannot parse);
    FormatError for a whole file that does not compile or parse."""
    if batch.whole is not None:
        return [format_python(batch.texts[0], batch.whole)]
    if len(batch.texts) > 1:
        formatted = black_unit(join_sources(batch.texts, batch.in_class), batch.in_class)
        parts = unjoin(formatted, batch.in_class) if formatted is not None else None
        if parts is not None and len(parts) == len(batch.texts):
            return list(parts)
    return [black_unit(text, batch.in_class) for text in batch.texts]


def lines_per_batch(total_lines: int, workers: int) -> int:
    """Small enough batches for every worker to get several (the largest is otherwise the
    run's long pole), large enough that black's per-call cost stays small."""
    return max(MIN_BATCH_LINES, min(MAX_BATCH_LINES, total_lines // (workers * 8)))


def batches(units: list[tuple[bool, str]], lines: int) -> list[Batch]:
    """``(in_class, text)`` units grouped into batches of about ``lines`` lines; a unit that
    black would join with what follows it (one ending in a comment or decorator) ends its
    batch."""
    found: list[Batch] = []
    for in_class in (True, False):
        group: list[str] = []
        count = 0
        for inside, text in units:
            if inside is not in_class:
                continue
            group.append(text)
            count += text.count("\n")
            if count >= lines or not ends_cleanly(text):
                found.append(Batch(tuple(group), in_class))
                group, count = [], 0
        if group:
            found.append(Batch(tuple(group), in_class))
    return found
