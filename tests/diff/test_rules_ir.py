"""Rules and judgements checked on hand-built IR: client-only renames, operation kinds,
direction and extensibility awareness, one entry per root cause."""

from __future__ import annotations

from dataclasses import replace

from generator.diff.engine import PairDiff, diff_specs
from generator.ir import Paging
from tests.diff.irkit import STRING, ArrayType, body, enum, eref, model, op, prop, ref, spec


def only(result: PairDiff, rule: str) -> list[tuple[str, str, bool, bool]]:
    return [
        (c.location, c.severity.value, c.wire_breaking, c.client_breaking)
        for c in result.changes
        if c.rule.name == rule
    ]


def test_renamed_client_method_gets_a_migration_note() -> None:
    old = spec("v1", ops=(op("FineTunes_Create", "post", "/fine-tunes"),))
    new = spec(
        "v2",
        ops=(op("FineTunes_Create", "post", "/fine-tunes"),),
        group_names={"FineTunes": "fine_tuning"},
    )
    result = diff_specs(old, new)
    assert only(result, "RenamedClientMethod") == [("POST /fine-tunes", "breaking", False, True)]
    (change,) = result.changes
    assert change.migration == "`client.fine_tunes.create(...)` → `client.fine_tuning.create(...)`"


def test_operation_becoming_paged_changes_the_client_only() -> None:
    listing = op("Jobs_List", "get", "/jobs", responses={"200": ref("JobList")})
    models = (model("JobList", prop("value", ArrayType(STRING))),)
    paged = replace(listing, paging=Paging("value", STRING, next_link_property="nextLink"))
    result = diff_specs(spec("v1", (listing,), models), spec("v2", (paged,), models))
    assert only(result, "OperationKindChanged") == [("GET /jobs paged", "breaking", False, True)]


def _enum_api(version: str, *values: str, extensible: bool, direction: str) -> object:
    color = enum("Color", *values, extensible=extensible)
    thing = model("Thing", prop("color", eref("Color")), prop("shade", eref("Color")))
    if direction == "response":
        ops = (
            op("Things_Get", "get", "/things", responses={"200": ref("Thing")}),
            op("Things_List", "get", "/all", responses={"200": ref("Thing")}),
        )
    else:
        ops = (op("Things_Put", "put", "/things", body=body(ref("Thing"))),)
    return spec(version, ops, (thing,), (color,))


def test_new_value_in_extensible_response_enum_is_info_once() -> None:
    old = _enum_api("v1", "red", "cyan", extensible=True, direction="response")
    new = _enum_api("v2", "red", "cyan", "blue", "green", extensible=True, direction="response")
    result = diff_specs(old, new)  # type: ignore[arg-type]
    assert only(result, "AddedEnumValue") == [("enum Color", "info", False, False)]
    (change,) = result.changes
    assert change.operations == ("Things_Get", "Things_List")
    assert change.models == ("Thing",)
    assert change.new == "blue, green"


def test_new_value_in_closed_response_enum_breaks_the_wire() -> None:
    old = _enum_api("v1", "red", "cyan", extensible=False, direction="response")
    new = _enum_api("v2", "red", "cyan", "blue", extensible=False, direction="response")
    result = diff_specs(old, new)  # type: ignore[arg-type]
    assert only(result, "AddedEnumValue") == [("enum Color", "breaking", True, False)]


def test_a_constant_that_admits_more_values() -> None:
    old = _enum_api("v1", "red", extensible=False, direction="response")
    new = _enum_api("v2", "red", "blue", extensible=False, direction="response")
    result = diff_specs(old, new)  # type: ignore[arg-type]
    assert only(result, "ConstantStatusHasChanged") == [("enum Color", "breaking", True, False)]
    assert only(result, "AddedEnumValue") == []


def test_removed_value_depends_on_direction() -> None:
    sent = diff_specs(
        _enum_api("v1", "red", "blue", extensible=True, direction="request"),  # type: ignore[arg-type]
        _enum_api("v2", "red", extensible=True, direction="request"),  # type: ignore[arg-type]
    )
    assert only(sent, "RemovedEnumValue") == [("enum Color", "breaking", True, True)]
    returned = diff_specs(
        _enum_api("v1", "red", "blue", extensible=True, direction="response"),  # type: ignore[arg-type]
        _enum_api("v2", "red", extensible=True, direction="response"),  # type: ignore[arg-type]
    )
    # The service stops sending it: harmless on the wire, but the enum member is gone.
    assert only(returned, "RemovedEnumValue") == [("enum Color", "breaking", False, True)]


def test_removed_property_depends_on_direction() -> None:
    before = model("Order", prop("item"), prop("note"))
    after = model("Order", prop("item"))
    put = (op("Orders_Put", "put", "/orders", body=body(ref("Order"))),)
    get = (op("Orders_Get", "get", "/orders", responses={"200": ref("Order")}),)
    request_only = diff_specs(spec("v1", put, (before,)), spec("v2", put, (after,)))
    response = diff_specs(spec("v1", get, (before,)), spec("v2", get, (after,)))
    assert only(request_only, "RemovedProperty") == [("model Order.note", "breaking", False, True)]
    # An optional property the service stops sending: an old client reads None.
    assert only(response, "RemovedProperty") == [("model Order.note", "breaking", False, True)]
    assert "old clients still send it" in request_only.changes[0].reason
    # A required one: an old client relies on it being there.
    required = model("Order", prop("item"), prop("note", required=True))
    response = diff_specs(spec("v1", get, (required,)), spec("v2", get, (after,)))
    assert only(response, "RemovedProperty") == [("model Order.note", "breaking", True, True)]


def test_added_required_property_depends_on_direction() -> None:
    before = model("Order", prop("item"))
    after = model("Order", prop("item"), prop("count", required=True))
    put = (op("Orders_Put", "put", "/orders", body=body(ref("Order"))),)
    get = (op("Orders_Get", "get", "/orders", responses={"200": ref("Order")}),)
    assert only(
        diff_specs(spec("v1", put, (before,)), spec("v2", put, (after,))), "AddedRequiredProperty"
    )
    assert only(
        diff_specs(spec("v1", get, (before,)), spec("v2", get, (after,))), "AddedPropertyInResponse"
    ) == [("model Order.count", "info", False, False)]


def test_moved_operation_keeps_the_client_call() -> None:
    old = spec("v1", ops=(op("Jobs_Get", "get", "/extensions/jobs/{jobId}"),))
    new = spec("v2", ops=(op("Jobs_Get", "get", "/jobs/{job-id}"),))
    result = diff_specs(old, new)
    assert [c.rule.name for c in result.changes] == ["MovedOperation"]
    assert result.changes[0].old == "GET /extensions/jobs/{jobId}"


def test_identical_specs_have_no_changes() -> None:
    api = _enum_api("v1", "red", extensible=True, direction="response")
    assert diff_specs(api, api).changes == ()  # type: ignore[arg-type]


def test_fingerprint_ignores_wording_but_not_facts() -> None:
    from generator.diff.changes import ChangeDraft, Kind
    from generator.diff.rules import rule

    def draft(reason: str, location: str, detail: tuple[str, ...]) -> str:
        made = ChangeDraft(
            rule=rule("AddedEnumValue"),
            kind=Kind.ENUM,
            location=location,
            subject="Color",
            reason=reason,
            wire_breaking=False,
            client_breaking=False,
            detail=detail,
        )
        return made.finish().fingerprint

    base = draft("Color gains blue.", "enum Color", ("blue",))
    assert draft("Reworded entirely.", "enum Color", ("blue",)) == base
    assert draft("Color gains blue.", "enum Colour", ("blue",)) != base
    assert draft("Color gains green.", "enum Color", ("green",)) != base
    assert len(base) == 16 and int(base, 16) >= 0


def test_timeline_notes_moves_and_splits() -> None:
    from generator.diff.engine import diff_indexed
    from generator.diff.index import build_index
    from generator.diff.timeline import build_timeline

    thing_v1 = model("Thing", prop("a", eref("State")), prop("b", eref("State")))
    thing_v2 = model("Thing", prop("a", eref("AState")), prop("b", eref("BState")))
    get_v1 = op("Things_Get", "get", "/old/things", responses={"200": ref("Thing")})
    get_v3 = op("Things_Get", "get", "/things", responses={"200": ref("Thing")})
    v1 = spec("v1", (get_v1,), (thing_v1,), (enum("State", "on", "off"),))
    v2 = spec("v2", (get_v1,), (thing_v2,), (enum("AState", "on"), enum("BState", "off")))
    v3 = spec("v3", (get_v3,), (thing_v2,), (enum("AState", "on"), enum("BState", "off")))
    indexes = [build_index(s) for s in (v1, v2, v3)]
    pairs = [diff_indexed(indexes[0], indexes[1]), diff_indexed(indexes[1], indexes[2])]
    rows = {(r.kind, r.key): r for r in build_timeline(indexes, pairs).rows}
    assert rows[("operation", "Things_Get")].cells == ("present", "same", "changed")
    assert rows[("operation", "Things_Get")].notes == (
        "moved in v3: GET /old/things → GET /things",
    )
    assert rows[("enum", "State")].cells == ("present", "removed", "")
    assert rows[("enum", "State")].notes == ("split into AState, BState in v2",)
    assert rows[("enum", "AState")].cells == ("", "added", "same")


def test_a_renamed_enum_value_is_spelled_out() -> None:
    old = _enum_api("v1", "red", "canceled", extensible=True, direction="response")
    new = _enum_api("v2", "red", "cancelled", extensible=True, direction="response")
    result = diff_specs(old, new)  # type: ignore[arg-type]
    (removed,) = [c for c in result.changes if c.rule.name == "RemovedEnumValue"]
    assert "`canceled` is now spelled `cancelled`" in removed.reason
    assert removed.migration == "`Color.CANCELED` → `Color.CANCELLED`"
    assert removed.evidence == ("value renamed: canceled → cancelled",)


def test_a_union_losing_or_gaining_members_depends_on_direction() -> None:
    from generator.ir import UnionType

    parts = (model("A", prop("a")), model("B", prop("b")))
    both = UnionType((ref("A"), ref("B")))

    def api(version: str, method: object, direction: str) -> object:
        thing = model("Thing", prop("method", method))  # type: ignore[arg-type]
        if direction == "response":
            ops = (op("Things_Get", "get", "/things", responses={"200": ref("Thing")}),)
        else:
            ops = (op("Things_Put", "put", "/things", body=body(ref("Thing"))),)
        return spec(version, ops, (thing, *parts))

    def changed(direction: str, old: object, new: object) -> list[tuple[str, str, bool, bool]]:
        result = diff_specs(api("v1", old, direction), api("v2", new, direction))  # type: ignore[arg-type]
        return only(result, "TypeChanged")

    here = "model Thing.method"
    # the service sends only A now: readers are fine; clients sending B are refused
    assert changed("response", both, ref("A")) == [(here, "review", False, False)]
    assert changed("request", both, ref("A")) == [(here, "breaking", True, True)]
    # the service may send B too: readers may meet a member they do not know
    assert changed("response", ref("A"), both) == [(here, "breaking", True, True)]
    assert changed("request", ref("A"), both) == [(here, "review", False, False)]
