"""Cutting a generated module into pieces black can format apart, and joining the results.

black's cost grows faster than the length of a file (a 32,000-line module formats at about half
the rate of a 2,000-line one) and its syntax tree takes about 6 KB per line, so the operations
module of a 10,000-operation spec (240,000 lines) would take minutes and gigabytes in one call,
on one core.  Cut between top-level classes and functions, and between the methods of a
top-level class, each piece formats on its own in bounded memory, on any core, and the pieces
join into exactly what black makes of the whole file:

* black formats every statement by itself; what crosses statements is the blank lines before
  one.  Before a ``class``/``def``/decorator line that follows at least one blank line and a
  line that is neither a comment nor a decorator, black writes two blank lines at module level
  and one in a class body (``EmptyLineTracker`` in black's ``lines.py``), which is what
  :func:`join` puts at each cut.  (A class docstring's own trailing blank line is counted in
  that one.)  Decorators at module level are not cut before: after a module docstring black
  puts one blank line there, not two.
* A piece cut in a class body is formatted inside a stand-in ``class _:`` line, removed again
  after, so that its methods keep their depth.
* A cut inside a string or brackets leaves the piece before it unterminated, so it does not
  compile: every piece is compiled before black sees it, and when one does not, the file is
  formatted whole (:mod:`generator.render.format`).  Files that mention ``fmt:`` or
  ``yapf:`` (black's formatting switches, which act across statements) are never cut.

The rules are checked by tests that compare the joined result with black's output for the whole
file, cut at every place this module allows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The stand-in class line around a piece cut in a class body.
WRAPPER = "class _:\n"

# A line that starts a top-level class or function, or a member of a class (4 spaces), after
# one or more blank lines.  Group 1 is that line's start.
_CUT = re.compile(r"\n[ \t]*\n(    (?:class |def |async def |@)|(?:class |def |async def ))")
_TOP_LEVEL = re.compile(r"^[^ \t\n]", re.MULTILINE)
# Where black's output of joined units (:func:`join_sources`) has a unit boundary: the blank
# lines that :func:`join` puts before a member of a class, or before a top-level statement.
_MEMBER_BOUNDARY = re.compile(r"\n\n(?=    (?:class |def |async def |@))")
_TOP_LEVEL_BOUNDARY = re.compile(r"\n\n\n(?=(?:class |def |async def |@))")
_SWITCHES = ("fmt:", "yapf:")


@dataclass(frozen=True)
class Piece:
    """A run of whole statements of one module; ``in_class`` pieces are methods of a class."""

    text: str
    in_class: bool


def split(source: str, lines_per_piece: int) -> list[Piece]:
    """``source`` cut into pieces of at least ``lines_per_piece`` lines where it may be cut
    (one piece when it may not, or is short)."""
    if any(switch in source for switch in _SWITCHES) or "\r" in source:
        return [Piece(source, in_class=False)]
    if source.count("\n") <= lines_per_piece:
        return [Piece(source, in_class=False)]
    pieces: list[Piece] = []
    start, in_class = 0, False
    lines, counted = 0, 0  # lines since ``start``, counted up to offset ``counted``
    class_body_ends = -1  # where the body of the current top-level class ends
    for match in _CUT.finditer(source):
        at = match.start(1)
        nested = match.group(1).startswith(" ")
        if not nested:
            class_body_ends = _class_body_end(source, at)
        elif at >= class_body_ends:
            continue
        lines += source.count("\n", counted, at)
        counted = at
        if lines < lines_per_piece or not _cuttable(source, match.start(), nested):
            continue
        # Without the blank lines before the cut, which black would remove (and then format
        # the piece a second time, as it does whenever its first pass changed something).
        pieces.append(Piece(source[start:at].rstrip() + "\n", in_class))
        start, in_class, lines = at, nested, 0
    pieces.append(Piece(source[start:], in_class))
    return pieces


def _class_body_end(source: str, at: int) -> int:
    """Where the body of a top-level class starting at ``at`` ends, if its methods may be cut
    (a one-line header and a body indented by four spaces); else -1."""
    header_end = source.find("\n", at)
    if not source.startswith("class ", at) or header_end < 0:
        return -1
    if not source[at:header_end].rstrip().endswith(":"):
        return -1
    body = header_end + 1
    while source.startswith("\n", body):
        body += 1
    if not source.startswith("    ", body) or source[body + 4 : body + 5] in (" ", "\t"):
        return -1
    following = _TOP_LEVEL.search(source, body)
    return following.start() if following else len(source)


def _cuttable(source: str, blank: int, nested: bool) -> bool:
    """Whether the line before the blank line at ``blank`` allows a cut: not a comment or a
    decorator, and indented when the cut is in a class body (else it is the class line)."""
    previous = source[source.rfind("\n", 0, blank) + 1 : blank]
    while not previous.strip():  # more than one blank line
        blank = source.rfind("\n", 0, blank)
        if blank < 0:
            return False
        previous = source[source.rfind("\n", 0, blank) + 1 : blank]
    stripped = previous.lstrip()
    if stripped.startswith(("#", "@")):
        return False
    return not nested or previous[:1] in (" ", "\t")


def join(formatted: list[tuple[Piece, str]]) -> str:
    """The module from its formatted pieces: one blank line before a method, two before a
    top-level statement (what black writes there)."""
    parts: list[str] = []
    for index, (piece, text) in enumerate(formatted):
        if index:
            parts.append("\n" if piece.in_class else "\n\n")
        parts.append(text)
    return "".join(parts)


def ends_cleanly(text: str) -> bool:
    """Whether a cut may follow ``text``: its last line is not a comment or a decorator, which
    black would attach to whatever comes next."""
    last = text.rstrip().rsplit("\n", 1)[-1].lstrip()
    return not last.startswith(("#", "@"))


def join_sources(texts: tuple[str, ...], in_class: bool) -> str:
    """Units (pieces of one line or more) as one source, as if they had been cut from it:
    members of a class one blank line apart, top-level statements two.  Every text but the
    last must end cleanly (:func:`ends_cleanly`)."""
    gap = "\n" if in_class else "\n\n"
    return gap.join(text.rstrip("\n") + "\n" for text in texts)


def unjoin(formatted: str, in_class: bool) -> list[str]:
    """black's output for :func:`join_sources`, cut back into one text per unit.

    Every unit boundary looks the same in black's output (what :func:`join` writes), so each
    is found; a text that merely looks like one (inside a multi-line string) makes one part
    too many, which the caller sees by counting.
    """
    boundary = _MEMBER_BOUNDARY if in_class else _TOP_LEVEL_BOUNDARY
    parts: list[str] = []
    start = 0
    for match in boundary.finditer(formatted):
        parts.append(formatted[start : match.start() + 1])
        start = match.end()
    parts.append(formatted[start:])
    return parts
