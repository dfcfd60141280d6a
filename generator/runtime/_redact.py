"""Which header and query parameter values are secrets, and their redaction in logged text.

A value is secret when the spec marks its parameter ``x-ms-secret`` (the client's
``ServiceConfig.secret_names``) or when its name says so: a word of the name (split at
separators and camelCase humps) is one of key, token, secret, password, signature, sig, sas,
credential(s), authorization, cookie, or the name holds "connection string".  Redacting a
harmless value by mistake costs a log reader little; printing a storage account key costs much.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["REDACTED", "is_secret", "redact_url"]

REDACTED = "REDACTED"

_SECRET_WORDS = frozenset(
    {
        "key",
        "apikey",
        "token",
        "secret",
        "password",
        "passwd",
        "pwd",
        "signature",
        "sig",
        "sas",
        "credential",
        "credentials",
        "authorization",
        "auth",
        "cookie",
    }
)
_WORD = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def _words(name: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(name)]


def is_secret(name: str, declared: Collection[str] = ()) -> bool:
    """Whether values of the header or query parameter ``name`` must not be logged."""
    if name.lower() in {d.lower() for d in declared}:
        return True
    words = _words(name)
    if any(word in _SECRET_WORDS for word in words):
        return True
    joined = "".join(words)
    return "connectionstring" in joined


def redact_url(url: str, declared: Collection[str] = ()) -> str:
    """``url`` with the values of secret query parameters replaced by ``REDACTED``."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    shown = [(name, REDACTED if is_secret(name, declared) else value) for name, value in pairs]
    return urlunsplit(parts._replace(query=urlencode(shown, safe="/:,")))
