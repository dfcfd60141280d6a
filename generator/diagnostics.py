"""Problems found in a spec, reported as values instead of exceptions.

Every stage appends :class:`Diagnostic` values and keeps going with what is sound, so one run
reports every problem at once.  A diagnostic renders as one line that a person (or an editor's
problem matcher) can act on::

    x.json:/paths/~1files/get/responses/default: warning: no 'produces'; assumed JSON
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.Enum):
    """How bad a problem is: errors make the spec unusable, warnings were worked around."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """One problem: where it is (file and JSON pointer), what is wrong, what was done about it."""

    file: str
    pointer: str
    severity: Severity = field(compare=False)
    message: str
    action: str = ""

    def render(self) -> str:
        """Format as the one-line ``file:pointer: severity: message; action`` form.

        Pointers and messages carry spec text (keys, values); control characters in it are
        escaped, so a key holding a newline cannot split the line and an escape sequence cannot
        reach the terminal.
        """
        text = f"{self.file}:{self.pointer or '/'}: {self.severity.value}: {self.message}"
        return one_line(f"{text}; {self.action}" if self.action else text)


_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""C0 and C1 controls, DEL, line and paragraph separators, bidi controls, lone surrogates."""


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """``text`` with every character that could split a line or drive a terminal escaped.

    ``"a\\nb"`` becomes ``a\\x0ab``; text with nothing to escape is returned as it is.
    """
    return text if text.isprintable() else _UNSAFE.sub(_escaped, text)


def escape_pointer_token(token: str) -> str:
    """Escape one JSON-pointer reference token (RFC 6901: ``~`` -> ``~0``, ``/`` -> ``~1``)."""
    return token.replace("~", "~0").replace("/", "~1")


def array_index(token: str) -> int | None:
    """The list index a JSON-pointer token names (ASCII digits only), or None.

    ``str.isdigit`` accepts ``"²"`` and other Unicode digits, which ``int`` then refuses or
    reads as a number no pointer means.
    """
    return int(token) if token.isascii() and token.isdigit() else None


def pointer(*tokens: str | int) -> str:
    """Build a JSON pointer from raw tokens: ``pointer("paths", "/a")`` is ``/paths/~1a``."""
    return "".join("/" + escape_pointer_token(str(token)) for token in tokens)


def node_at(document: Any, at: str) -> Any:
    """What JSON pointer ``at`` (``""`` or ``/a/0/b``) names in plain data, or None."""
    node = document
    for token in at.split("/")[1:] if at else ():
        key = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and key in node:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            return None
    return node


class DiagnosticSink:
    """Collects diagnostics for one file; stages take a sink instead of raising."""

    def __init__(self, file: str) -> None:
        self.file = file
        self._items: list[Diagnostic] = []

    def error(self, at: str, message: str, action: str = "") -> None:
        """Record a problem that makes the spec (or the part at ``at``) unusable."""
        self._items.append(Diagnostic(self.file, at, Severity.ERROR, message, action))

    def warning(self, at: str, message: str, action: str = "") -> None:
        """Record a problem that was worked around; ``action`` says how."""
        self._items.append(Diagnostic(self.file, at, Severity.WARNING, message, action))

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Add diagnostics produced elsewhere (e.g. by a sub-stage with its own sink)."""
        self._items.extend(diagnostics)

    @property
    def items(self) -> Sequence[Diagnostic]:
        """Diagnostics in the order they were found, duplicates removed."""
        return tuple(dict.fromkeys(self._items))

    @property
    def has_errors(self) -> bool:
        """Whether any recorded problem is an error."""
        return any(d.severity is Severity.ERROR for d in self._items)
