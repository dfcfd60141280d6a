"""The parts a Swagger 2.0 document must have before it is read further: ``info`` and ``paths``.

``validate`` runs openapi-spec-validator, which the other commands skip for speed; without this
check a Swagger 2.0 document lacking ``paths`` was an error for ``validate`` but built, bundled
or compared by the others.  Checking here, in the loader every command uses, gives every command
one verdict on it: not usable, one line per missing part.  The rest is still read so that every
problem is listed.  (Which format a document is, and refusing what is neither Swagger 2.0 nor
OpenAPI 3, is :mod:`generator.load.formats`'s job; a present but malformed part is reported where
it is read.)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.diagnostics import DiagnosticSink


def check_required_parts(data: Mapping[str, Any], sink: DiagnosticSink) -> None:
    """Report a missing ``info`` or ``paths`` of a Swagger 2.0 document as errors."""
    if "info" not in data:
        sink.error("/info", "no info object", "Swagger 2.0 requires one, with title and version")
    if "paths" not in data:
        sink.error("/paths", "no paths object", "Swagger 2.0 requires one (`paths: {}` for none)")
