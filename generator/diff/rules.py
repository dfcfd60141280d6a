"""The rule table: every kind of change the diff reports, with a stable numeric code.

Codes 1000-1050 are Azure's breaking-change rules for Swagger 2.0 (the numbers and names of
Azure's openapi-diff), so a reviewer who knows that tool reads our report without a glossary.
Every one of them is either implemented or carries the reason it does not apply.  Codes 9xxx are
ours, for changes that rule set has no rule for (moved operations, renamed or split models,
changes only users of the generated Python client see, service-level facts).

Each rule states its two verdicts (see :mod:`generator.diff.changes`): ``wire`` answers "does a
client built for the old version fail against the new service?", ``client`` answers "must code
using the generated Python client change?".  Where the answer depends on direction (request or
response) or on an enum's extensibility, the text says how.  ``generator/diff/RULES.md`` is this
table as a document, with the test of each rule; ``tests/diff/test_rules.py`` checks it is current.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: a stable code and name, what it means, its verdicts, or why it does not apply."""

    code: int
    name: str
    description: str
    wire: str = ""  # when the wire verdict is "breaking"
    client: str = ""  # when the generated-client verdict is "breaking"
    not_applicable: str = ""  # non-empty: the diff never reports this rule, and why

    @property
    def implemented(self) -> bool:
        """Whether the diff reports this rule."""
        return not self.not_applicable


_NEVER = "never"
_TABLE: tuple[Rule, ...] = (
    Rule(
        1000,
        "VersionsReversed",
        "the new version's label sorts before the old one's",
        _NEVER,
        _NEVER,
    ),
    Rule(1001, "NoVersionChange", "both documents declare the same info.version", _NEVER, _NEVER),
    Rule(
        1002,
        "ProtocolNoLongerSupported",
        "a scheme (https, http) is no longer listed",
        "always",
        _NEVER,
    ),
    Rule(
        1003,
        "RequestBodyFormatNoLongerSupported",
        "the content type an old client sends is no longer consumed",
        "when no content type an old client sends remains",
        _NEVER,
    ),
    Rule(
        1004,
        "ResponseBodyFormatNowSupported",
        "produces gains or loses media types",
        "when none of the old response media types remains",
        _NEVER,
    ),
    Rule(1005, "RemovedPath", "an operation is gone and so is its whole path", "always", "always"),
    Rule(
        1006,
        "RemovedDefinition",
        "a model or enum definition is gone",
        _NEVER,
        "always for models and enums (the class is gone, or another definition now generates "
        "it); never for aliases (no class is generated)",
    ),
    Rule(
        1007,
        "RemovedClientParameter",
        "a client-level parameter is gone",
        _NEVER,
        "always (a client constructor keyword is gone)",
    ),
    Rule(
        1008,
        "ModifiedOperationId",
        "same method and path, different operationId",
        _NEVER,
        "when the generated method's name or group changes",
    ),
    Rule(
        1009,
        "RemovedRequiredParameter",
        "a required parameter or body is gone",
        "never (the service ignores what it no longer reads)",
        "always",
    ),
    Rule(1010, "AddingRequiredParameter", "a new required parameter or body", "always", "always"),
    Rule(
        1011,
        "AddingResponseCode",
        "a new response status code",
        "for a success status (old clients raise on it)",
        _NEVER,
    ),
    Rule(
        1012,
        "RemovedResponseCode",
        "a response status code is gone (or replaced)",
        "when a success status is replaced by another",
        "when the replacement changes the method's result type",
    ),
    Rule(1013, "AddingHeader", "a response declares a new header", _NEVER, _NEVER),
    Rule(
        1014,
        "RemovingHeader",
        "a response no longer declares a header",
        "when it is the long-running operation's polling header",
        _NEVER,
    ),
    Rule(
        1015,
        "ParameterInHasChanged",
        "a parameter travels in a different place (in:)",
        "always (old clients put it where the service no longer reads it)",
        "when it moves into or out of the path (positional arguments)",
    ),
    Rule(
        1016,
        "ConstantStatusHasChanged",
        "an enum of one value (a constant) admits more",
        "when the service returns it and the enum is closed",
        _NEVER,
    ),
    Rule(
        1017,
        "ReferenceRedirection",
        "a value now refers to a different model or enum",
        "always",
        "always",
    ),
    Rule(
        1019,
        "RemovedEnumValue",
        "values removed from an enum",
        "when clients send the enum (old clients may send a removed value)",
        "always (the generated member is gone)",
    ),
    Rule(
        1020,
        "AddedEnumValue",
        "values added to an enum",
        "when the service returns the enum and it is closed (modelAsString false)",
        _NEVER,
    ),
    Rule(
        1021,
        "AddedAdditionalProperties",
        "a model or map accepts arbitrary extra keys",
        _NEVER,
        _NEVER,
    ),
    Rule(
        1022,
        "RemovedAdditionalProperties",
        "a model no longer accepts arbitrary extra keys",
        "when clients send the model",
        "always (the extra-keys mapping is gone)",
    ),
    Rule(
        1023,
        "TypeFormatChanged",
        "same JSON type, different format or enum constraint",
        "when the format narrows what a request may carry",
        "when the generated annotation changes (date-time -> str, str -> closed enum)",
    ),
    Rule(
        1024,
        "ConstraintIsStronger",
        "a validation constraint is stricter",
        "when clients send the value",
        _NEVER,
    ),
    Rule(
        1025,
        "RequiredStatusChange",
        "a property or parameter became required or optional",
        "required in requests, or optional in responses (for parameters: required)",
        "required in requests (the constructor argument becomes required); a body or path "
        "argument changing between positional and keyword",
    ),
    Rule(
        1026,
        "TypeChanged",
        "a different JSON type, or a union gaining or losing members",
        "always, except a union that only loses members the service sends or only gains "
        "members clients send",
        "in the same cases",
    ),
    Rule(
        1027,
        "DefaultValueChanged",
        "the default value changed or was removed",
        "when clients send the value (calls omitting it now mean something else)",
        _NEVER,
    ),
    Rule(
        1028,
        "ArrayCollectionFormatChanged",
        "an array parameter is serialized differently",
        "always",
        _NEVER,
    ),
    Rule(
        1029,
        "ReadonlyPropertyChanged",
        "a property or definition became read-only or writable",
        "when clients send the model and it became read-only (the service ignores what they "
        "send)",
        "when clients send the model and a property became read-only (gone from __init__); "
        "never for a whole definition (the generated class keeps its __init__)",
    ),
    Rule(
        1030,
        "DifferentDiscriminator",
        "polymorphism added, removed, or keyed differently",
        "when clients send the model, or polymorphism is removed or re-keyed",
        "when polymorphism is removed or re-keyed",
    ),
    Rule(
        1031,
        "DifferentExtends",
        "x-ms-extends",
        not_applicable=(
            "x-ms-extends is not a Swagger 2.0 extension Azure specs use; inheritance is allOf, "
            "compared as ParentChanged (9011)"
        ),
    ),
    Rule(
        1032,
        "DifferentAllOf",
        "allOf members",
        not_applicable=(
            "allOf is compared by meaning: parents as ParentChanged (9011), inherited properties "
            "one by one on the model that declares them"
        ),
    ),
    Rule(
        1033,
        "RemovedProperty",
        "a property is gone",
        "when it was required and the service returns the model (old clients read None from "
        "an optional one)",
        "always (the field is gone)",
    ),
    Rule(
        1034,
        "AddedRequiredProperty",
        "a new required property clients must send",
        "always",
        "always",
    ),
    Rule(1035, "RemovedOperation", "an operation is gone, its path remains", "always", "always"),
    Rule(
        1036,
        "ConstraintChanged",
        "a constraint was replaced (a different pattern)",
        "when clients send the value",
        _NEVER,
    ),
    Rule(1037, "ConstraintIsWeaker", "a validation constraint is looser", _NEVER, _NEVER),
    Rule(1038, "AddedPath", "an operation on a path that did not exist", _NEVER, _NEVER),
    Rule(1039, "AddedOperation", "an operation on an existing path", _NEVER, _NEVER),
    Rule(
        1040,
        "AddedReadOnlyPropertyInResponse",
        "a new read-only property the service sends",
        _NEVER,
        _NEVER,
    ),
    Rule(1041, "AddedPropertyInResponse", "a new property only the service sends", _NEVER, _NEVER),
    Rule(
        1042,
        "ChangedParameterOrder",
        "the positional arguments of a method are reordered",
        _NEVER,
        "always",
    ),
    Rule(1043, "AddingOptionalParameter", "a new optional parameter", _NEVER, _NEVER),
    Rule(
        1044,
        "XmsLongRunningOperationChanged",
        "x-ms-long-running-operation or its final-state-via changed",
        "when final-state-via changes where the result is read",
        "when an operation becomes or stops being long-running (begin_ method, poller)",
    ),
    Rule(
        1045, "AddedOptionalProperty", "a new optional property a client may send", _NEVER, _NEVER
    ),
    Rule(1046, "RemovedOptionalParameter", "an optional parameter is gone", _NEVER, "always"),
    Rule(
        1047,
        "XmsEnumChanged",
        "x-ms-enum changed: extensibility (modelAsString) or name",
        "when an enum clients send closes (the service rejects values old clients may send) or "
        "an enum the service returns opens (it may return values old clients reject)",
        "in the same cases (the annotation changes between Extensible[E] and E)",
    ),
    Rule(1048, "AddedXmsEnum", "a plain enum gains x-ms-enum", _NEVER, _NEVER),
    Rule(1049, "RemovedXmsEnum", "an enum loses x-ms-enum", _NEVER, _NEVER),
    Rule(
        1050,
        "ParameterLocationHasChanged",
        "x-ms-parameter-location: client <-> method",
        _NEVER,
        "always (the argument moves between the client constructor and the method)",
    ),
    Rule(
        9001,
        "MovedOperation",
        "same operationId, different path",
        "always",
        "when the generated method's name or group changes",
    ),
    Rule(
        9002,
        "RenamedModel",
        "a definition reappears under a new name",
        _NEVER,
        "when the generated class name changes",
    ),
    Rule(
        9003,
        "SplitModel",
        "one definition's uses now refer to several new ones",
        "when a part lacks values clients send, or a closed part gains values the service "
        "returns",
        "always",
    ),
    Rule(9005, "AddedDefinition", "a new model or enum definition", _NEVER, _NEVER),
    Rule(
        9007,
        "RenamedClientMethod",
        "the generated client method has a new name or group",
        _NEVER,
        "always",
    ),
    Rule(
        9008,
        "RenamedModelClass",
        "the generated model or enum class has a new name",
        _NEVER,
        "always",
    ),
    Rule(
        9009,
        "RenamedClientName",
        "a generated field or keyword argument has a new name",
        _NEVER,
        "always",
    ),
    Rule(
        9010,
        "OperationKindChanged",
        "paging or streaming added or removed",
        _NEVER,
        "always (the method returns a different kind of result)",
    ),
    Rule(9011, "ParentChanged", "a model's allOf parents changed", _NEVER, _NEVER),
    Rule(
        9012,
        "DiscriminatorValueChanged",
        "a subtype answers to a different discriminator value",
        "always",
        _NEVER,
    ),
    Rule(
        9013,
        "ServiceRootChanged",
        "the service root changed (host, basePath, " "x-ms-parameterized-host)",
        "always (old clients call the old URL)",
        "when the client's endpoint parameters change",
    ),
    Rule(
        9014,
        "SecurityChanged",
        "security schemes or an operation's requirements changed",
        "when no way an old client authenticates remains",
        "when the client's credential type narrows",
    ),
    Rule(
        9015,
        "NullableChanged",
        "x-nullable changed",
        "null now possible in responses for a required value, or no longer accepted in " "requests",
        "when a required field that clients send no longer accepts None",
    ),
    Rule(
        9016,
        "SkipUrlEncodingChanged",
        "x-ms-skip-url-encoding changed",
        "always (the same value reaches the service encoded differently)",
        _NEVER,
    ),
    Rule(
        9017,
        "MutabilityChanged",
        "x-ms-mutability changed",
        "when a property clients send loses create or update",
        _NEVER,
    ),
    Rule(
        9018,
        "ClientFlattenChanged",
        "x-ms-client-flatten changed",
        _NEVER,
        "when it changes whether the container's properties are attributes of the generated"
        " class (they move; a polymorphic or open container is never lifted)",
    ),
    Rule(
        9019,
        "ParameterGroupingChanged",
        "x-ms-parameter-grouping changed",
        _NEVER,
        "never (this generator passes grouped parameters individually)",
    ),
    Rule(
        9020,
        "PagingChanged",
        "x-ms-pageable options changed (item or next-link property)",
        "always (old clients look for the page in the old place)",
        _NEVER,
    ),
)

RULES: dict[str, Rule] = {rule.name: rule for rule in _TABLE}
RULES_BY_CODE: dict[int, Rule] = {rule.code: rule for rule in _TABLE}


def rule(name: str) -> Rule:
    """The rule called ``name``; a KeyError here is a programming error, caught by the tests."""
    found = RULES[name]
    assert found.implemented, name
    return found


def all_rules() -> tuple[Rule, ...]:
    """Every rule, in code order (implemented or not)."""
    return tuple(sorted(_TABLE, key=lambda r: r.code))


def implemented_rules() -> tuple[Rule, ...]:
    """The rules the diff reports, in code order."""
    return tuple(r for r in all_rules() if r.implemented)
