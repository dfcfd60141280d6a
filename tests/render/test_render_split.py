"""Formatting a module in pieces gives exactly what black makes of the whole module.

Modules are cut between top-level statements and between methods
(``generator/render/split.py``), and each distinct skeleton of a piece is formatted once
(``generator/render/skeleton.py``), alone or joined with others into one source for black; the
committed output must not change by a byte for that.  Each test cuts at every place the rules
allow (pieces of one line or more) and compares with black run on the whole text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from render.hostile_kit import Version, write_manifest
from render.unformatted_kit import unformatted
from spec_shapes import many_operations

from generator.render import black_batches
from generator.render import format as formatting
from generator.render.black_batches import black_text
from generator.render.compile_check import compile_error
from generator.render.split import split

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(params=[1, 100_000], ids=["one-unit-per-black-call", "one-black-call-per-kind"])
def cut_everywhere(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """format_many with an empty cache, each unit formatted by itself or all units of a kind
    (members of classes, top-level statements) joined into one source for black."""
    monkeypatch.setattr(black_batches, "MIN_BATCH_LINES", request.param)
    monkeypatch.setattr(black_batches, "MAX_BATCH_LINES", request.param)
    monkeypatch.setenv("AZPYGEN_CACHE", str(tmp_path / "cache"))


def _assert_pieces_join_into_black(sources: dict[str, str]) -> None:
    cut = [name for name, source in sources.items() if len(split(source, 1)) > 1]
    assert any(name.endswith("_operations.py") for name in cut)
    assert any(name.endswith("models.py") for name in cut)
    in_pieces = formatting.format_many(sources)
    for name, source in sources.items():
        assert in_pieces[name] == black_text(source), name


def test_the_real_specs_format_the_same_in_pieces(
    cut_everywhere: None, monkeypatch: pytest.MonkeyPatch, synced_specs: Path
) -> None:
    manifest = REPO / "specs" / "manifest.yaml"
    _assert_pieces_join_into_black(unformatted(monkeypatch, manifest, synced_specs))


def test_many_operations_format_the_same_in_pieces(
    cut_everywhere: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    manifest = write_manifest(
        tmp_path / "specs", [Version("v1", "s/spec.json", many_operations(40, 3))]
    )
    _assert_pieces_join_into_black(unformatted(monkeypatch, manifest, tmp_path / "no-mirror"))


_HEADER = '"""Module."""\n\nfrom typing import Any\n\n\n'


@pytest.mark.parametrize(
    "source",
    [
        # A class docstring whose text looks like a cut place: the piece before does not
        # compile, so the file is formatted whole.
        _HEADER
        + 'class A:\n    """Doc.\n\n    @not_a_decorator\n    """\n\n    def f(self) -> None:\n'
        "        pass\n\n    def g(self) -> None:\n        pass\n",
        # A comment before a method belongs to it: black moves blank lines above the comment.
        _HEADER + "class A:\n    def f(self) -> None:\n        pass\n\n    # about g\n"
        "    def g(self) -> None:\n        pass\n",
        # Decorated functions after the module docstring: one blank line, not two.
        '"""Module."""\n\n@staticmethod\ndef f() -> None:\n    pass\n\n\n@staticmethod\n'
        "def g() -> None:\n    pass\n",
        # Overload stubs with no blank line between them stay together.
        _HEADER + "class A:\n    def f(self) -> None: ...\n    def g(self) -> None: ...\n\n"
        "    def h(self) -> None:\n        pass\n",
        # A class docstring directly before a cut place, and a class attribute.
        _HEADER + 'class A:\n    """Doc."""\n\n    def f(self) -> None:\n        pass\n\n'
        "    x: int = 1\n\n    def g(self) -> None:\n        pass\n\n\nX = A\n\n\n"
        "def h(  a: int,b: int) -> None:\n  pass\n",
        # black's own switches act across statements: such a file is never cut.
        _HEADER + "class A:\n    # fmt: off\n    def f(self) -> None:\n        x = [1,2]\n\n"
        "    def g(self) -> None:\n        y = [1,2]\n    # fmt: on\n",
        # A method whose body is indented by two: its lines at four spaces are not members.
        _HEADER + "class A:\n  def f(self) -> None:\n    pass\n\n    def g() -> None:\n"
        "      pass\n",
    ],
)
def test_hard_cases_format_the_same_in_pieces(cut_everywhere: None, source: str) -> None:
    assert formatting.format_many({"m.py": source}) == {"m.py": black_text(source)}


def test_a_cut_inside_a_string_falls_back_to_the_whole_file(cut_everywhere: None) -> None:
    source = _HEADER + 'class A:\n    """Doc.\n\n    @text\n    """\n\n    def f(self) -> None:\n'
    source += "        pass\n"
    pieces = split(source, 1)
    starts = [piece.text.splitlines()[0] for piece in pieces]
    assert starts[-3:] == ["class A:", "    @text", "    def f(self) -> None:"]
    assert compile_error(pieces[-3].text, "m.py") is not None
    assert formatting.format_many({"m.py": source}) == {"m.py": black_text(source)}


def test_a_short_file_is_one_piece() -> None:
    source = _HEADER + "class A:\n    pass\n\n\nclass B:\n    pass\n"
    assert [piece.text for piece in split(source, 100)] == [source]
    assert [piece.text.splitlines()[0] for piece in split(source, 1)] == [
        '"""Module."""',
        "class A:",
        "class B:",
    ]
