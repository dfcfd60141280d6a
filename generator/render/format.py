"""Formatting generated Python with black's API, using one fixed mode, with a result cache.

black is pinned in ``pyproject.toml`` because committed output depends on its exact version.
Formatting is by far the slowest step of ``generate`` (about 3 s for the three versions on
two cores), and its result depends only on black's version, the mode and the input text, so
results are cached by a hash of those three in the user's cache folder
(``$XDG_CACHE_HOME/azure-swagger-pygen/black``, or ``$AZPYGEN_CACHE/black``).  The cache is
best-effort: an unreadable or unwritable cache only costs time (and one warning per run).  The
command line formats cache misses in parallel, in workers that die with the run
(:mod:`generator.render.workers`).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path

from generator.cache import cache_root, read_entry, store_entry
from generator.render.compile_check import compile_error
from generator.render.docs import LINE_LENGTH
from generator.render.workers import map_in_workers

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
    import black
    from black.mode import TargetVersion
    from black.parsing import InvalidInput

    mode = black.Mode(line_length=LINE_LENGTH, target_versions={TargetVersion.PY310})
    try:
        return black.format_str(source, mode=mode)
    except InvalidInput as error:
        raise FormatError(f"{name}: generated code does not parse: {error}") from None


def cache_folder() -> Path:
    """Where formatted results are kept between runs."""
    return cache_root() / "black"


def _key(source: str) -> str:
    return hashlib.sha256(_KEY_PREFIX + source.encode("utf-8")).hexdigest()


def _format_pair(item: tuple[str, str]) -> str:
    name, source = item
    return format_python(source, name)


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
    if parallel and len(misses) > 2 and (os.cpu_count() or 1) > 1:
        items = [(name, source) for name, source, _ in misses]
        formatted = map_in_workers(_format_pair, items, min(os.cpu_count() or 1, 4))
    else:
        formatted = [format_python(source, name) for name, source, _ in misses]
    writable = True
    for (name, _, key), text in zip(misses, formatted, strict=True):
        result[name] = text
        writable = writable and store_entry(folder, key, text)
    return {name: result[name] for name in sources}
