"""``x-ms-header-collection-prefix``: a family of headers as one ``dict[str, str]``.

Azure storage-style specs declare e.g. ``x-ms-meta`` with the prefix ``x-ms-meta-``: every
header starting with the prefix is one entry, keyed by the rest of its name (``x-ms-meta-color:
red`` is ``{"color": "red"}``).  Generated code sends a request parameter of that kind with
:func:`prefixed_headers` and names a response header of that kind by a :class:`HeaderCollection`
in its table of declared headers, which :func:`~.responses.response_headers` reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class HeaderCollection:
    """A declared response header standing for every header that starts with ``prefix``."""

    prefix: str

    def read(self, headers: Mapping[str, str]) -> dict[str, str]:
        """The headers starting with the prefix (compared without regard to case, as HTTP
        header names are), keyed by the rest of their name as received."""
        size = len(self.prefix)
        wanted = self.prefix.lower()
        return {
            name[size:]: value
            for name, value in headers.items()
            if len(name) > size and name[:size].lower() == wanted
        }


class PrefixedHeaders(dict[str, str]):
    """Headers named by a prefix and a key: the request builder sends each as its own header
    in place of the one declared parameter."""


def prefixed_headers(prefix: str, values: Mapping[str, str] | None) -> PrefixedHeaders | None:
    """One header per entry of ``values``, named by the prefix and the entry's key (None when
    the caller gave no dict, so that nothing is sent)."""
    if values is None:
        return None
    return PrefixedHeaders({prefix + str(key): value for key, value in values.items()})
