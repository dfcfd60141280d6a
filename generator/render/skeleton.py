"""The layout skeleton of a piece of generated code: what black's decisions depend on, and
nothing else, so that pieces which differ only in their names and words are formatted once.

black decides where lines break from the kinds of the tokens (name, string, operator), the
keywords, the brackets and commas, and the width of each token in columns; it never looks at
the letters of a name or of a plain string.  (Its source compares a leaf's text with keywords
such as ``for``, ``in``, ``not``, ``is``, ``with`` and ``case``, with punctuation, and with
``__future__`` in imports.)  Replace every letter, digit and underscore of the names and of
the plain strings of a piece with one placeholder letter, and the result formats exactly like
the piece, with the same placeholder runs in the same order.  A 10,000-operation spec renders
about 20,000 methods but only a few dozen distinct skeletons; black then formats those, and
:func:`fill` puts each method's own words back (:mod:`generator.render.format`).

Kept as written, because black reads them:

* keywords and soft keywords (``match``, ``case``, ``type``, ``_``);
* numbers (black normalizes ``0XFF`` and ``1E5``);
* comments (``# type:``, ``# fmt:``, the space after ``#``);
* strings with a prefix or a backslash (prefixes are normalized, escapes are re-cased, and
  f-strings hold code), and every character of a string but letters, digits and ``_`` (quotes
  decide the quote style, and a docstring's spaces, tabs and line breaks are re-indented).

Every character replaced is ASCII and one column wide, like the placeholder.  A piece that
already holds the placeholder letter is not abstracted at all (:attr:`Skeleton.words` is None).
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass

#: One column wide (black's ``str_width``), a letter (valid anywhere in a name), and not ASCII,
#: so it never stands for itself in generated code built from ASCII templates.
PLACEHOLDER = "\u01c2"

_KEPT_NAMES = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)
_WORD_SEPARATOR = "\0"  # never in a word: words are made of [A-Za-z0-9_]

# Order matters: comments and strings first, so that their insides are never read as names.
_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
    | (?P<string>(?P<prefix>[A-Za-z]{1,2})?
        (?: \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
          | '''(?:[^'\\]|\\.|'(?!''))*'''
          | "(?:[^"\\\n]|\\.)*"
          | '(?:[^'\\\n]|\\.)*'
        ))
    | (?P<number>[0-9][A-Za-z0-9_]*)
    | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
    """,
    re.VERBOSE | re.DOTALL,
)
_WORD = re.compile(r"[A-Za-z0-9_]+")
_RUN = re.compile(PLACEHOLDER + "+")


@dataclass(frozen=True)
class Skeleton:
    """A piece with its words replaced by placeholder runs, and those words in order."""

    text: str
    words: str | None
    """The replaced words joined by NUL; None when nothing was replaced (see the module)."""


def skeleton_of(piece: str) -> Skeleton:
    """The layout skeleton of ``piece`` (which must compile: an unterminated string would be
    read as code)."""
    if PLACEHOLDER in piece:
        return Skeleton(piece, None)
    parts: list[str] = []
    words: list[str] = []
    done = 0
    for match in _TOKEN.finditer(piece):
        kind = match.lastgroup
        if kind == "name":
            word = match.group()
            if word in _KEPT_NAMES:
                continue
            replaced = PLACEHOLDER * len(word)
            words.append(word)
        elif kind == "string" and match.group("prefix") is None and "\\" not in match.group():
            found = _WORD.findall(match.group())
            if not found:
                continue
            replaced = _WORD.sub(lambda word: PLACEHOLDER * len(word.group()), match.group())
            words.extend(found)
        else:
            continue
        parts.append(piece[done : match.start()])
        parts.append(replaced)
        done = match.end()
    parts.append(piece[done:])
    return Skeleton("".join(parts), _WORD_SEPARATOR.join(words))


def fill(formatted: str, words: str) -> str | None:
    """``formatted`` (black's output for a skeleton) with the placeholder runs replaced by
    ``words``, in order; None when the runs do not match the words one for one."""
    pending = iter(words.split(_WORD_SEPARATOR) if words else ())
    mismatch = False

    def word_for(run: re.Match[str]) -> str:
        nonlocal mismatch
        word = next(pending, None)
        if word is None or len(word) != len(run.group()):
            mismatch = True
            return run.group()
        return word

    text = _RUN.sub(word_for, formatted)
    if mismatch or next(pending, None) is not None:
        return None
    return text
