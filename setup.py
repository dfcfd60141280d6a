"""Build step that puts the top-level ``templates/`` folder into the wheel.

Everything else about the distribution is declared in ``pyproject.toml``. The templates stay a
top-level folder of the repository; a built wheel carries them as ``generator/_templates``,
where :func:`generator.resources.template_root` finds them. Editable installs read the
repository's folder directly, so they get no copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithTemplates(build_py):
    """``build_py`` that also copies ``templates/`` to ``generator/_templates``."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib, "generator", "_templates")
        shutil.copytree(
            "templates", target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__")
        )


setup(cmdclass={"build_py": BuildPyWithTemplates})
