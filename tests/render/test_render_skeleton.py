"""Methods that differ only in their words are formatted by black once, with the same result.

``generator/render/skeleton.py`` replaces the letters of names and plain strings with a
placeholder letter, black formats each distinct skeleton, and every method gets its own words
back.  The tests compare with black on the original text, for hand-picked hard cases and for
generated ones (hypothesis); the real specs' modules are compared in ``test_render_split.py``.
"""

from __future__ import annotations

import json
import keyword
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from render.hostile_kit import Version, write_manifest
from render.unformatted_kit import unformatted
from spec_shapes import many_operations

from generator.render import black_batches
from generator.render import format as formatting
from generator.render.black_batches import black_text
from generator.render.skeleton import PLACEHOLDER, fill, skeleton_of
from generator.render.split import WRAPPER, split

_HEADER = '"""Module."""\n\nfrom typing import Any\n\n\n'
_P = PLACEHOLDER


def _black_unit(text: str, in_class: bool) -> str:
    formatted = black_text(WRAPPER + text if in_class else text)
    return formatted[len(WRAPPER) :] if in_class else formatted


def _through_skeleton(text: str, in_class: bool) -> str | None:
    skeleton = skeleton_of(text)
    layout = _black_unit(skeleton.text, in_class)
    return layout if skeleton.words is None else fill(layout, skeleton.words)


def test_names_and_plain_strings_become_placeholders_keywords_and_numbers_stay() -> None:
    skeleton = skeleton_of('def get(self, x: int = 0x1F) -> None:  # note\n    return "a-b"\n')
    assert skeleton.text == (
        f"def {_P * 3}({_P * 4}, {_P}: {_P * 3} = 0x1F) -> None:  # note\n"
        f'    return "{_P}-{_P}"\n'
    )
    assert skeleton.words == "\0".join(["get", "self", "x", "int", "a", "b"])


def test_strings_black_reads_are_kept_as_written() -> None:
    text = 'x = f"{a}"\ny = r"\\d"\nz = "tab\\t"\n'
    skeleton = skeleton_of(text)
    assert skeleton.text == text.replace("x =", f"{_P} =").replace("y =", f"{_P} =").replace(
        "z =", f"{_P} ="
    )
    assert skeleton.words == "\0".join(["x", "y", "z"])


def test_soft_keywords_stay_so_that_match_statements_parse_alike() -> None:
    text = "match point:\n    case [x, _]:\n        pass\n"
    skeleton = skeleton_of(text)
    assert skeleton.text.startswith("match ")
    assert "case [" in skeleton.text and ", _]" in skeleton.text
    assert _through_skeleton(text, False) == black_text(text)


def test_a_piece_holding_the_placeholder_is_not_abstracted() -> None:
    text = f'x = "{PLACEHOLDER}"\n'
    assert skeleton_of(text).text == text
    assert skeleton_of(text).words is None


def test_words_that_do_not_fit_the_runs_are_refused() -> None:
    skeleton = skeleton_of("def get(self) -> None:\n    pass\n")
    assert skeleton.words is not None
    assert fill(skeleton.text, skeleton.words) == "def get(self) -> None:\n    pass\n"
    assert fill(skeleton.text, "get\0me") is None  # a word of another length
    assert fill(skeleton.text, "get") is None  # too few words
    assert fill(skeleton.text, "get\0self\0more") is None  # too many


@pytest.mark.parametrize(
    ("text", "in_class"),
    [
        # Near the line-length limit: the words' widths decide the split.
        (
            "    def operation_with_a_long_name(self, resource_group_name: str, account_name: str,"
            " **kwargs: Any) -> None:\n        return self._client.send(resource_group_name,"
            " account_name)\n",
            True,
        ),
        # Quotes decide black's quote style; a docstring is re-indented and its quotes moved.
        ("def f():\n    '''Doc  \n      more.'''\n    return 'it\"s'\n", False),
        ('def f():\n    """Ends with a quote \\""""\n', False),
        # A trailing comma explodes the call; numbers are normalized.
        ("def f():\n    call(alpha, beta,)\n    return 0XABCDEF + 1E5\n", False),
        # Comments black rewrites.
        ("    def f(self):\n        x = 1 #comment\n        return x\n", True),
        # A name of non-ASCII letters keeps its own width.
        ("def f():\n    return {'größe': größe, '名前': 名前}\n", False),
    ],
)
def test_hard_cases_format_through_the_skeleton_as_black_formats_them(
    text: str, in_class: bool
) -> None:
    assert _through_skeleton(text, in_class) == _black_unit(text, in_class)


_NAMES = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,40}", fullmatch=True).filter(
    lambda name: not keyword.iskeyword(name) and not keyword.issoftkeyword(name)
)
_WORDS = st.text(
    alphabet=st.sampled_from("abcXYZ019_ -/.{}:'\"é名"), min_size=0, max_size=60
).filter(lambda text: not text.endswith('"') and '"""' not in text)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    names=st.lists(_NAMES, min_size=6, max_size=6), words=st.lists(_WORDS, min_size=3, max_size=3)
)
def test_generated_methods_format_through_the_skeleton_as_black_formats_them(
    names: list[str], words: list[str]
) -> None:
    a, b, c, d, e, f = names
    text = (
        f"    def {a}(self, {b}: {c}, *, {d}: int = 10, **kwargs: Any) -> {e}[{c}]:\n"
        f'        """{words[0]}\n\n        {words[1]}\n        """\n'
        f"        request = self._core.build({'{'}{words[1]!r}: {b}, \"{f}\": [{d}, {e}]{'}'})\n"
        f"        return self._core.call(request, {b}={b}, {words[2]!r}={d}, **kwargs)  # {f}\n"
    )
    assert _through_skeleton(text, True) == _black_unit(text, True)


def _counting_black(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = black_batches.black_text

    def counting(source: str) -> str:
        seen.append(source)
        return real(source)

    monkeypatch.setattr(black_batches, "black_text", counting)
    return seen


def test_operations_of_one_shape_go_through_black_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    manifest = write_manifest(
        tmp_path / "specs", [Version("v1", "s/spec.json", many_operations(300, 3))]
    )
    sources = unformatted(monkeypatch, manifest, tmp_path / "no-mirror")
    monkeypatch.setenv("AZPYGEN_CACHE", str(tmp_path / "cache"))
    expected = {name: black_text(source) for name, source in sources.items()}
    seen = _counting_black(monkeypatch)
    assert formatting.format_many(sources) == expected
    operations = [name for name in sources if name.endswith("_operations.py")]
    methods = sum(len(split(sources[name], 1)) for name in operations)
    assert methods > 600  # 300 operations, sync and async
    black_lines = sum(source.count("\n") for source in seen)
    module_lines = sum(source.count("\n") for source in sources.values())
    assert black_lines * 10 < module_lines


def test_a_changed_spec_of_the_same_shape_reuses_the_layouts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The formatted skeletons are cached: operations renamed with words of the same lengths
    need black for nothing."""
    monkeypatch.setenv("AZPYGEN_CACHE", str(tmp_path / "cache"))
    before = many_operations(60, 2)
    after = json.loads(json.dumps(before).replace("things", "stuffs").replace("_Get", "_Got"))
    first = write_manifest(tmp_path / "one", [Version("v1", "s/spec.json", before)])
    second = write_manifest(tmp_path / "two", [Version("v1", "s/spec.json", after)])
    formatting.format_many(unformatted(monkeypatch, first, tmp_path / "no-mirror"))
    sources = unformatted(monkeypatch, second, tmp_path / "no-mirror")
    assert sources != unformatted(monkeypatch, first, tmp_path / "no-mirror")
    expected = {name: black_text(source) for name, source in sources.items()}
    seen = _counting_black(monkeypatch)
    assert formatting.format_many(sources) == expected
    assert seen == []


def test_a_string_that_looks_like_a_method_boundary_is_not_cut_there(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A string black keeps as written (it holds a backslash) shows a method boundary in black's
    output of a batch; the extra part is seen, and each method is formatted by itself."""
    monkeypatch.setenv("AZPYGEN_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(black_batches, "MIN_BATCH_LINES", 10_000)  # one batch for all methods
    parts: list[int] = []
    real_unjoin = black_batches.unjoin

    def counting_unjoin(formatted: str, in_class: bool) -> list[str]:
        found = real_unjoin(formatted, in_class)
        parts.append(len(found))
        return found

    monkeypatch.setattr(black_batches, "unjoin", counting_unjoin)
    # After a comment line split.py does not cut, but black's output still looks like a cut.
    tricky = (
        '    def f(self) -> str:\n        return """a\\t\n    # x\n\n    def g(self):\n'
        '        """\n'
    )
    source = (
        _HEADER
        + "class A:\n"
        + "\n".join(
            [tricky, "    def h(self) -> None:\n        pass\n", tricky.replace("f(", "k(")]
        )
    )
    assert [piece.in_class for piece in split(source, 1)] == [False, False, True, True]
    assert formatting.format_many({"m.py": source}) == {"m.py": black_text(source)}
    assert 3 in parts  # two methods in the batch, three parts found
