"""Rewrite known Swagger defects in a raw spec before its references are resolved.

Real specs break the rules in ways a generator trips over.  Rather than asking for hand-written
directives, each known defect is rewritten here, in the raw document, with one warning saying
where it is, what is wrong and what was done.  The spec files themselves are never edited.

- :mod:`.produces`: a response body with no ``produces`` (``OperationsImages_Delete``).
- :mod:`.enums`: ``enum`` of ``$ref`` objects (2025-02 ``method``), ``enum`` disagreeing with
  ``x-ms-enum`` (2023-06 ``TypeDiscriminator``), one x-ms-enum name with different values
  (2025-02 ``Purpose``).
- :mod:`.discriminators`: a discriminator no subtype sets, and subtypes without a usable
  ``x-ms-discriminator-value`` (2025-02 ``FineTuneMethod``, ``FineTuneMethodRequest``).
- :mod:`.alternatives`: an ``allOf`` whose members cannot all hold, meaning "one of them"
  (2025-04 ``Eval.testing_criteria``, ``EvalItem.content``).
- :mod:`.parameters`: parameters without a description (2025-02 ``UploadFile_Part``).
- :mod:`.examples`: ``x-ms-examples`` naming files that do not exist.

``$ref`` objects with keys beside them are reported by :mod:`generator.load.refs`, which sees
every reference anyway.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.diagnostics import DiagnosticSink
from generator.normalize.alternatives import rewrite_contradictory_all_of
from generator.normalize.discriminators import fix_discriminators
from generator.normalize.enums import rewrite_enums
from generator.normalize.examples import check_example_files
from generator.normalize.parameters import fill_missing_descriptions
from generator.normalize.produces import fill_missing_produces

__all__ = ["normalize"]


def normalize(document: dict[str, Any], sink: DiagnosticSink, *, spec_dir: Path) -> None:
    """Fix known defects in ``document`` in place, one warning per fix."""
    fill_missing_produces(document, sink)
    rewrite_enums(document, sink)
    rewrite_contradictory_all_of(document, sink)
    fix_discriminators(document, sink)
    fill_missing_descriptions(document, sink)
    check_example_files(document, sink, spec_dir)
