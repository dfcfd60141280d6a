"""``x-ms-examples``: optional metadata whose files may be missing."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from generator.bounded_io import name_problem
from generator.diagnostics import DiagnosticSink, pointer
from generator.normalize.walk import operations


def check_example_files(document: dict[str, Any], sink: DiagnosticSink, spec_dir: Path) -> None:
    """Warn once per referenced example file that does not exist; never fail.

    Example files are only checked for existence (never read here), and a reference leaving
    the spec's folder or naming a URL is not followed at all.  The ``x-ms-examples`` stay in
    the raw document; the resolved document leaves them out.
    """
    root = spec_dir.resolve()
    checked: dict[str, tuple[str, str | None]] = {}
    reported: set[str] = set()
    for section, route, method, operation in operations(document):
        examples = operation.get("x-ms-examples")
        if examples is None:
            continue
        at_examples = pointer(section, route, method, "x-ms-examples")
        if not isinstance(examples, dict):
            sink.warning(at_examples, "x-ms-examples is not an object", "ignored")
            continue
        for title, example in examples.items():
            at = pointer(section, route, method, "x-ms-examples", title)
            ref = example.get("$ref") if isinstance(example, dict) else None
            if not isinstance(ref, str):
                sink.warning(at, "example is not a {'$ref': file} object", "ignored")
                continue
            if ref not in checked:
                checked[ref] = _problem(ref, root)
            key, problem = checked[ref]
            if problem is not None and key not in reported:
                reported.add(key)
                sink.warning(at, f"example {ref!r} {problem}", "ignored (examples are optional)")


def _problem(ref: str, root: Path) -> tuple[str, str | None]:
    """The file an example reference names (for reporting it once) and what is wrong."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc:
        return ref, "is not a file beside the spec"
    name = unquote(parts.path)
    problem = name_problem(name)
    if problem is not None:  # checked before any file-system call
        return ref, f"is not usable: {problem}"
    target = Path(os.path.normpath(root / name))
    if not target.is_relative_to(root):
        return str(target), "points outside the spec's folder"
    try:
        if not target.is_file():
            return str(target), "does not exist"
    except OSError as exc:
        return str(target), f"cannot be checked: {exc.strerror or exc}"
    return str(target), None


def example_file(ref: str, spec_dir: Path) -> Path | None:
    """The existing file inside the spec's folder that an example reference names, or None."""
    target, problem = _problem(ref, spec_dir.resolve())
    return Path(target) if problem is None else None


def example_files(document: dict[str, Any], spec_dir: Path) -> list[Path]:
    """The example files the operations cite that exist inside the spec's folder, each once,
    in document order (what ``pin`` records beside the spec)."""
    root = spec_dir.resolve()
    found: dict[str, Path] = {}
    for _section, _route, _method, operation in operations(document):
        examples = operation.get("x-ms-examples")
        if not isinstance(examples, dict):
            continue
        for example in examples.values():
            ref = example.get("$ref") if isinstance(example, dict) else None
            if isinstance(ref, str):
                target, problem = _problem(ref, root)
                if problem is None:
                    found.setdefault(target, Path(target))
    return list(found.values())
