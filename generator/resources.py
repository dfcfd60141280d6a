"""Where the compiler's own files are, whether it runs from a checkout or from an installed wheel.

The Jinja2 templates are a top-level folder of the repository (``templates/``, beside
``generator/``), where they are edited. An installed wheel has no repository around it, so the
build step in ``setup.py`` copies the folder into the wheel as ``generator/_templates``; that copy
wins when present (a ``templates`` folder beside site-packages belongs to nobody we know). The
client runtime (``generator/runtime/``) is a subpackage and ships as ordinary package data.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
#: The copy inside an installed wheel (the name ``setup.py`` writes).
PACKAGED_TEMPLATES = PACKAGE / "_templates"
#: The repository's folder, used from a checkout (and by editable installs).
CHECKOUT_TEMPLATES = PACKAGE.parent / "templates"


def template_root() -> Path:
    """The folder holding ``client/*.j2`` and ``diff_report.html.jinja``."""
    return PACKAGED_TEMPLATES if PACKAGED_TEMPLATES.is_dir() else CHECKOUT_TEMPLATES
