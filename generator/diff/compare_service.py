"""The service as a whole: its version label, root URL, protocols, client parameters, security.

These facts belong to no operation, so each change is one entry for the whole client.  The
service root is the host template (``x-ms-parameterized-host`` or ``host``) plus ``basePath``:
an old client calls the old URL, so any change to it breaks the wire; the generated client's
constructor changes only when the endpoint parameters do.  Security is judged by what a caller
can authenticate with: a credential kind (API key header, OAuth2 token) the new version no longer
accepts breaks old clients, and a narrower ``credential`` annotation breaks code.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.diff.changes import NOWHERE, ChangeDraft, Kind, Reach
from generator.diff.context import DiffContext
from generator.diff.index import SpecIndex, op_key
from generator.diff.rules import rule
from generator.diff.type_compare import describe
from generator.ir import (
    ApiKeyAuth,
    AuthScheme,
    BasicAuth,
    BearerAuth,
    Client,
    HostTemplate,
    Operation,
)

_CREDENTIAL = {
    "api_key": "AzureKeyCredential",
    "oauth2": "TokenCredential",
    "basic": "AzureNamedKeyCredential",
    "bearer": "TokenCredential",
}


def _draft(
    name: str,
    location: str,
    reason: str,
    *,
    wire: bool,
    client: bool,
    review: bool = False,
    migration: str = "",
    reach: Reach = NOWHERE,
    old: str | None = None,
    new: str | None = None,
    detail: tuple[str, ...] = (),
) -> ChangeDraft:
    return ChangeDraft(
        rule=rule(name),
        kind=Kind.SERVICE,
        location=location,
        subject=location,
        reason=reason,
        wire_breaking=wire,
        client_breaking=client,
        review=review,
        migration=migration,
        reach=reach,
        old=old,
        new=new,
        detail=detail,
    )


def compare_service(ctx: DiffContext) -> list[ChangeDraft]:
    """Every service-level change between the two versions."""
    old, new = ctx.old.spec.client, ctx.new.spec.client
    drafts = _versions(old, new)
    drafts += _root(old.host, new.host)
    drafts += _schemes(old, new)
    drafts += _client_parameters(old, new)
    drafts += _security(ctx)
    return drafts


def _version_key(label: str) -> tuple[tuple[int, object], ...]:
    """``2023-10-01-preview`` sorts by its numbers first, then its words."""
    parts: list[tuple[int, object]] = []
    for chunk in label.replace("-", ".").split("."):
        parts.append((0, int(chunk)) if chunk.isdigit() else (1, chunk))
    return tuple(parts)


def _versions(old: Client, new: Client) -> list[ChangeDraft]:
    if old.api_version == new.api_version:
        return [
            _draft(
                "NoVersionChange",
                "info.version",
                f"Both documents declare version {new.api_version or '(none)'}; a changed API "
                "usually gets a new version.",
                wire=False,
                client=False,
                review=True,
                old=old.api_version,
                new=new.api_version,
            )
        ]
    if _version_key(new.api_version) < _version_key(old.api_version):
        return [
            _draft(
                "VersionsReversed",
                "info.version",
                f"The new document's version {new.api_version} sorts before the old one's "
                f"({old.api_version}); the documents may be given in the wrong order.",
                wire=False,
                client=False,
                review=True,
                old=old.api_version,
                new=new.api_version,
            )
        ]
    return []


def _endpoint_defaults(host: HostTemplate) -> dict[str, str]:
    return {
        p.wire_name: str(p.default.value) if p.default is not None else "(required)"
        for p in host.parameters
    }


def _root(old: HostTemplate, new: HostTemplate) -> list[ChangeDraft]:
    drafts: list[ChangeDraft] = []
    if old.template != new.template or old.use_scheme_prefix != new.use_scheme_prefix:
        drafts.append(
            _draft(
                "ServiceRootChanged",
                "service root",
                f"The service root changes from {old.template} to {new.template}; old clients "
                "call the old URL.",
                wire=True,
                client=False,
                old=old.template,
                new=new.template,
                detail=("template",),
            )
        )
    a, b = _endpoint_defaults(old), _endpoint_defaults(new)
    removed, added = sorted(a.keys() - b.keys()), sorted(b.keys() - a.keys())
    if removed or added:
        drafts.append(
            _draft(
                "ServiceRootChanged",
                "service root parameters",
                "The client's endpoint parameters change from "
                f"{', '.join(sorted(a)) or 'none'} to {', '.join(sorted(b)) or 'none'}.",
                wire=False,
                client=True,
                migration="construct the client with "
                + (
                    ", ".join(f"`{p.py_name}=...`" for p in new.parameters)
                    or "no endpoint argument"
                ),
                old=", ".join(sorted(a)) or "none",
                new=", ".join(sorted(b)) or "none",
                detail=("parameters",),
            )
        )
    for name in sorted(a.keys() & b.keys()):
        if a[name] != b[name]:
            drafts.append(
                _draft(
                    "ServiceRootChanged",
                    f"service root parameter {name}",
                    f"The default of the endpoint parameter {name} changes from {a[name]} to "
                    f"{b[name]}; old clients built with the default call the old host.",
                    wire=True,
                    client=False,
                    old=a[name],
                    new=b[name],
                )
            )
    return drafts


def _schemes(old: Client, new: Client) -> list[ChangeDraft]:
    drafts: list[ChangeDraft] = []
    a, b = set(old.schemes or ("https",)), set(new.schemes or ("https",))
    gone, added = sorted(a - b), sorted(b - a)
    if gone:
        drafts.append(
            _draft(
                "ProtocolNoLongerSupported",
                "schemes",
                f"The service no longer accepts {', '.join(gone)}; old clients using it fail.",
                wire=True,
                client=False,
                old=", ".join(sorted(a)),
                new=", ".join(sorted(b)),
                detail=tuple(gone),
            )
        )
    if added:
        drafts.append(
            _draft(
                "ServiceRootChanged",
                "schemes",
                f"The service also accepts {', '.join(added)}.",
                wire=False,
                client=False,
                old=", ".join(sorted(a)),
                new=", ".join(sorted(b)),
                detail=tuple(added),
            )
        )
    return drafts


def _client_parameters(old: Client, new: Client) -> list[ChangeDraft]:
    a = {p.wire_name: p for p in old.client_parameters}
    b = {p.wire_name: p for p in new.client_parameters}
    drafts: list[ChangeDraft] = []
    for name in sorted(a.keys() - b.keys()):
        drafts.append(
            _draft(
                "RemovedClientParameter",
                f"client parameter {name}",
                f"The client no longer takes the parameter {name}.",
                wire=False,
                client=True,
                migration=f"stop passing `{a[name].py_name}=` to the client constructor",
                old=describe(a[name].type),
            )
        )
    for name in sorted(b.keys() - a.keys()):
        required = b[name].required and b[name].default is None
        drafts.append(
            _draft(
                "AddingRequiredParameter" if required else "AddingOptionalParameter",
                f"client parameter {name}",
                f"The client takes a new {'required' if required else 'optional'} parameter "
                f"{name}.",
                wire=required,
                client=required,
                migration=(
                    f"pass `{b[name].py_name}=...` to the client constructor" if required else ""
                ),
                new=describe(b[name].type),
            )
        )
    return drafts


def _signature(scheme: AuthScheme) -> str:
    """What a caller authenticates with, independent of the scheme's name in the spec."""
    if isinstance(scheme, ApiKeyAuth):
        return f"API key in {'query' if scheme.in_query else 'header'} {scheme.header}"
    if isinstance(scheme, BasicAuth):
        return "HTTP basic"
    if isinstance(scheme, BearerAuth):
        return "HTTP bearer"
    return f"OAuth2 ({scheme.flow or 'token'})"


def _credentials(schemes: Iterable[AuthScheme]) -> list[str]:
    return sorted({_CREDENTIAL[s.KIND] for s in schemes})


def _ways(index: SpecIndex, op: Operation) -> set[frozenset[str]]:
    """The ways a caller may authenticate ``op``: each the set of scheme signatures needed."""
    by_name = {s.scheme_name: _signature(s) for s in index.spec.client.auth}
    return {frozenset(by_name.get(n, n) for n in alternative) for alternative in op.security}


def _security(ctx: DiffContext) -> list[ChangeDraft]:
    old, new = ctx.old.spec.client, ctx.new.spec.client
    drafts: list[ChangeDraft] = []
    a = {_signature(s) for s in old.auth}
    b = {_signature(s) for s in new.auth}
    before, after = _credentials(old.auth), _credentials(new.auth)
    refused: list[str] = []  # operations some old way of authenticating no longer reaches
    for pair in ctx.matches.operations:
        old_ways, new_ways = _ways(ctx.old, pair.old), _ways(ctx.new, pair.new)
        if new_ways and any(not any(n <= w for n in new_ways) for w in old_ways):
            refused.append(op_key(pair.new))
    narrowed = sorted(set(before) - set(after))
    if a != b or refused:
        parts = []
        if b - a:
            parts.append("accepts " + ", ".join(sorted(b - a)))
        if a - b:
            parts.append("no longer accepts " + ", ".join(sorted(a - b)))
        if refused:
            parts.append(f"refuses a way old clients authenticate on {len(refused)} operations")
        credential = " | ".join(after) or "no credential"
        reason = "The service " + "; ".join(parts) + "."
        if before != after:
            reason += f" The client's credential becomes {credential}."
        drafts.append(
            _draft(
                "SecurityChanged",
                "security",
                reason,
                wire=bool(refused),
                client=bool(narrowed),
                review=True,
                migration=(
                    f"construct the client with a {credential} instead of a "
                    f"{' | '.join(narrowed)}"
                    if narrowed
                    else ""
                ),
                reach=Reach(tuple(sorted(refused)), (), ()),
                old=", ".join(sorted(a)) or "none",
                new=", ".join(sorted(b)) or "none",
            )
        )
    return drafts
