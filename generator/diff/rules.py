"""The rule table: every kind of change the diff reports, with a stable numeric code.

Codes 1xxx follow Azure's breaking-change rule set (the numbers and names that Azure's
openapi-diff uses), so a reviewer who knows that tool reads our report without a glossary.
Codes 9xxx are ours, for changes that set has no rule for (moved operations, renamed or split
models, changes visible only to users of the generated Python client).

| code | name | what it means |
|-----:|------|---------------|
| 1005 | RemovedPath | an operation is gone and so is its whole path |
| 1006 | RemovedDefinition | a model or enum definition is gone |
| 1008 | ModifiedOperationId | same method and path, different operationId |
| 1010 | AddingRequiredParameter | a new required parameter or body |
| 1011 | AddingResponseCode | a new response status code |
| 1012 | RemovedResponseCode | a response status code is gone (or replaced) |
| 1017 | ReferenceRedirection | a value now refers to a different model or enum |
| 1019 | RemovedEnumValue | values removed from an enum |
| 1020 | AddedEnumValue | values added to an enum |
| 1023 | TypeFormatChanged | same JSON type, different format (int32 -> int64, ...) |
| 1025 | RequiredStatusChange | a property or parameter became required or optional |
| 1026 | TypeChanged | a different JSON type |
| 1029 | ReadonlyPropertyChanged | a property became read-only or writable |
| 1030 | DifferentDiscriminator | polymorphism added, removed, or keyed differently |
| 1033 | RemovedProperty | a property is gone |
| 1034 | AddedRequiredProperty | a new required property |
| 1038 | AddedPath | an operation on a path that did not exist |
| 1039 | AddedOperation | an operation on an existing path |
| 1041 | AddedPropertyInResponse | a new property only the service sends |
| 1043 | AddingOptionalParameter | a new optional parameter |
| 1045 | AddedOptionalProperty | a new optional property a client may send |
| 1047 | XmsEnumChanged | x-ms-enum changed: extensibility (modelAsString) or name |
| 9001 | MovedOperation | same operationId, different path |
| 9002 | RenamedModel | a definition reappears under a new name (evidence given) |
| 9003 | SplitModel | one definition's uses now refer to several new ones |
| 9004 | RemovedOperation | an operation is gone, its path remains |
| 9005 | AddedDefinition | a new model or enum definition |
| 9006 | RemovedParameter | a parameter or body is gone |
| 9007 | RenamedClientMethod | the generated client method has a new name or group |
| 9008 | RenamedModelClass | the generated model or enum class has a new name |
| 9009 | RenamedClientName | a generated field or keyword argument has a new name |
| 9010 | OperationKindChanged | long-running, paging or streaming added or removed |
| 9011 | ParentChanged | a model's allOf parents changed |
| 9012 | DiscriminatorValueChanged | a subtype answers to a different discriminator value |
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: a stable code, a name, and a one-line description for the report legend."""

    code: int
    name: str
    description: str


_TABLE: tuple[Rule, ...] = (
    Rule(1005, "RemovedPath", "an operation is gone and so is its whole path"),
    Rule(1006, "RemovedDefinition", "a model or enum definition is gone"),
    Rule(1008, "ModifiedOperationId", "same method and path, different operationId"),
    Rule(1010, "AddingRequiredParameter", "a new required parameter or body"),
    Rule(1011, "AddingResponseCode", "a new response status code"),
    Rule(1012, "RemovedResponseCode", "a response status code is gone (or replaced)"),
    Rule(1017, "ReferenceRedirection", "a value now refers to a different model or enum"),
    Rule(1019, "RemovedEnumValue", "values removed from an enum"),
    Rule(1020, "AddedEnumValue", "values added to an enum"),
    Rule(1023, "TypeFormatChanged", "same JSON type, different format"),
    Rule(1025, "RequiredStatusChange", "a property or parameter became required or optional"),
    Rule(1026, "TypeChanged", "a different JSON type"),
    Rule(1029, "ReadonlyPropertyChanged", "a property became read-only or writable"),
    Rule(1030, "DifferentDiscriminator", "polymorphism added, removed, or keyed differently"),
    Rule(1033, "RemovedProperty", "a property is gone"),
    Rule(1034, "AddedRequiredProperty", "a new required property"),
    Rule(1038, "AddedPath", "an operation on a path that did not exist"),
    Rule(1039, "AddedOperation", "an operation on an existing path"),
    Rule(1041, "AddedPropertyInResponse", "a new property only the service sends"),
    Rule(1043, "AddingOptionalParameter", "a new optional parameter"),
    Rule(1045, "AddedOptionalProperty", "a new optional property a client may send"),
    Rule(1047, "XmsEnumChanged", "x-ms-enum changed: extensibility (modelAsString) or name"),
    Rule(9001, "MovedOperation", "same operationId, different path"),
    Rule(9002, "RenamedModel", "a definition reappears under a new name"),
    Rule(9003, "SplitModel", "one definition's uses now refer to several new ones"),
    Rule(9004, "RemovedOperation", "an operation is gone, its path remains"),
    Rule(9005, "AddedDefinition", "a new model or enum definition"),
    Rule(9006, "RemovedParameter", "a parameter or body is gone"),
    Rule(9007, "RenamedClientMethod", "the generated client method has a new name or group"),
    Rule(9008, "RenamedModelClass", "the generated model or enum class has a new name"),
    Rule(9009, "RenamedClientName", "a generated field or keyword argument has a new name"),
    Rule(9010, "OperationKindChanged", "long-running, paging or streaming added or removed"),
    Rule(9011, "ParentChanged", "a model's allOf parents changed"),
    Rule(9012, "DiscriminatorValueChanged", "a subtype answers to a different discriminator value"),
)

RULES: dict[str, Rule] = {rule.name: rule for rule in _TABLE}
RULES_BY_CODE: dict[int, Rule] = {rule.code: rule for rule in _TABLE}


def rule(name: str) -> Rule:
    """The rule called ``name``; a KeyError here is a programming error, caught by the tests."""
    return RULES[name]


def all_rules() -> tuple[Rule, ...]:
    """Every rule, in code order."""
    return tuple(sorted(_TABLE, key=lambda r: r.code))
