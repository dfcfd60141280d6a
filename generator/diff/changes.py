"""The value every comparison produces: one :class:`Change` per root cause.

A change carries two verdicts.  ``wire_breaking``: a client built for the old version, talking to
a service of the new one, may fail.  ``client_breaking``: code written against the generated Python
client of the old version stops working (or type-checking) when regenerated for the new one.  The
``severity`` is the gate CI uses; it is ``breaking`` when either verdict is.

The fingerprint is a hash of the rule code, the location and the changed values (e.g. which enum
values were added), never of the wording of the reason, so rewording a message does not invalidate
anyone's ignore file.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.diff.rules import Rule


class Severity(enum.Enum):
    """How much attention a change needs; ordered ``info < review < breaking``."""

    INFO = "info"
    REVIEW = "review"
    BREAKING = "breaking"

    @property
    def rank(self) -> int:
        """Position in the order ``info < review < breaking``."""
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.REVIEW: 1, Severity.BREAKING: 2}


class Kind(enum.Enum):
    """What a change is about; the HTML report filters by it."""

    SERVICE = "service"
    OPERATION = "operation"
    PARAMETER = "parameter"
    RESPONSE = "response"
    MODEL = "model"
    PROPERTY = "property"
    ENUM = "enum"


@dataclass(frozen=True, slots=True)
class Change:
    """One root cause, classified."""

    fingerprint: str
    rule: Rule
    kind: Kind
    severity: Severity
    reason: str  # one sentence
    wire_breaking: bool
    client_breaking: bool
    location: str  # e.g. "DELETE /files/{file-id}", "model File.status", "enum State"
    subject: str  # the operationId, model key or enum key the change belongs to (timeline)
    migration: str = ""  # for client-breaking changes: what to write instead
    operations: tuple[str, ...] = ()  # operationIds reached, sorted
    groups: tuple[str, ...] = ()  # client attributes (operation groups) reached, sorted
    models: tuple[str, ...] = ()  # models (and enums) reached, sorted
    old: str | None = None
    new: str | None = None
    evidence: tuple[str, ...] = ()

    @property
    def code(self) -> int:
        """The rule code."""
        return self.rule.code

    @property
    def sort_key(self) -> tuple[int, str, int, str]:
        """Breaking first, then by location, rule and fingerprint: a stable reading order."""
        return (-self.severity.rank, self.location, self.rule.code, self.fingerprint)


@dataclass(frozen=True, slots=True)
class IgnoredChange:
    """A change the ignore file accepts, and the reason it gives."""

    change: Change
    reason: str


def fingerprint(rule: Rule, location: str, detail: Iterable[str] = ()) -> str:
    """Stable 16-hex-digit id of ``rule`` at ``location`` (plus sorted ``detail`` values)."""
    text = "\x1f".join([str(rule.code), location, *sorted(detail)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Reach:
    """Where a change is felt: operations, their client groups, and the models using it."""

    operations: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    models: tuple[str, ...] = ()


NOWHERE = Reach()


@dataclass(slots=True)
class ChangeDraft:
    """A change under construction; :func:`finish` turns it into a :class:`Change`."""

    rule: Rule
    kind: Kind
    location: str
    subject: str
    reason: str
    wire_breaking: bool
    client_breaking: bool
    review: bool = False  # neither verdict breaking, but a person should look
    migration: str = ""
    reach: Reach = NOWHERE
    old: str | None = None
    new: str | None = None
    evidence: tuple[str, ...] = ()
    detail: tuple[str, ...] = field(default_factory=tuple)

    def finish(self) -> Change:
        """Freeze, deriving the severity from the verdicts and the fingerprint from the facts."""
        if self.wire_breaking or self.client_breaking:
            severity = Severity.BREAKING
        elif self.review:
            severity = Severity.REVIEW
        else:
            severity = Severity.INFO
        return Change(
            fingerprint=fingerprint(self.rule, self.location, self.detail),
            rule=self.rule,
            kind=self.kind,
            severity=severity,
            reason=self.reason,
            wire_breaking=self.wire_breaking,
            client_breaking=self.client_breaking,
            location=self.location,
            subject=self.subject,
            migration=self.migration,
            operations=self.reach.operations,
            groups=self.reach.groups,
            models=self.reach.models,
            old=self.old,
            new=self.new,
            evidence=self.evidence,
        )
