"""Every Swagger format both ways: model fields, parameters (``to_wire``) and response headers."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import uuid
from typing import Any

import pytest
from azure.core.credentials import AzureKeyCredential
from pydantic import Field
from runtime_scripted_server import ScriptedServer, reply

from generator.runtime import (
    Base64,
    Base64Url,
    ClientCore,
    DateTime,
    Decimal,
    Model,
    Rfc1123,
    ServiceConfig,
    UnixTime,
    deserialize,
    serialize,
    to_wire,
)

WHEN = dt.datetime(2024, 2, 29, 13, 14, 15, tzinfo=dt.timezone.utc)
CASES: list[tuple[str, Any, Any, Any]] = [
    # (format, declared type, Python value, wire value)
    ("date-time", DateTime, WHEN, "2024-02-29T13:14:15Z"),
    ("date-time-rfc1123", Rfc1123, WHEN, "Thu, 29 Feb 2024 13:14:15 GMT"),
    ("unixtime", UnixTime, WHEN, 1709212455),
    ("date", dt.date, dt.date(2024, 2, 29), "2024-02-29"),
    ("time", dt.time, dt.time(13, 14, 15), "13:14:15"),
    ("duration", dt.timedelta, dt.timedelta(days=1, hours=2), "P1DT2H"),
    ("byte", Base64, b"\xfb\xff hi", "+/8gaGk="),
    ("base64url", Base64Url, b"\xfb\xff hi", "-_8gaGk"),
    ("decimal", Decimal, decimal.Decimal("0.1"), 0.1),
]


@pytest.mark.parametrize(("fmt", "tp", "value", "wire"), CASES, ids=[c[0] for c in CASES])
def test_each_format_round_trips(fmt: str, tp: Any, value: Any, wire: Any) -> None:
    assert to_wire(fmt, value) == wire
    assert to_wire(tp, value) == wire
    assert deserialize(tp, json.dumps(wire)) == value


class Everything(Model):
    when: DateTime | None = None
    http_date: Rfc1123 | None = Field(default=None, alias="httpDate")
    seconds: UnixTime | None = None
    day: dt.date | None = None
    clock: dt.time | None = None
    span: dt.timedelta | None = None
    raw: Base64 | None = None
    url_raw: Base64Url | None = Field(default=None, alias="urlRaw")
    exact: Decimal | None = None
    big: int | None = None
    ident: str | None = None


def test_model_fields_in_every_format_both_ways() -> None:
    wire = {
        "when": "2024-02-29T13:14:15Z",
        "httpDate": "Thu, 29 Feb 2024 13:14:15 GMT",
        "seconds": 1709212455,
        "day": "2024-02-29",
        "clock": "13:14:15",
        "span": "P1DT2H",
        "raw": "+/8gaGk=",
        "urlRaw": "-_8gaGk",
        "exact": 12.75,
        "big": 9007199254740993,
        "ident": str(uuid.UUID(int=1)),
    }
    model = deserialize(Everything, json.dumps(wire))
    assert model.http_date == WHEN and model.seconds == WHEN and model.url_raw == b"\xfb\xff hi"
    assert model.big == 9007199254740993  # int64 beyond a double's precision stays exact
    assert serialize(model) == wire


def test_parameters_and_response_headers_use_their_formats(scripted: ScriptedServer) -> None:
    scripted.script(
        "GET",
        "/f",
        reply(200, None, Last_Modified="Thu, 29 Feb 2024 13:14:15 GMT", x_seconds="1709212455"),
    )
    core = ClientCore(
        scripted.url,
        AzureKeyCredential("k"),
        config=ServiceConfig("{endpoint}", "api-key", (), "f/1", None),
        api_version="1",
    )
    request = core.build_request(
        "GET",
        "/f",
        query={"at": to_wire("unixtime", WHEN), "on": to_wire("date", WHEN.date())},
        headers={"If-Modified-Since": to_wire("date-time-rfc1123", WHEN)},
    )
    headers = core.call(
        request,
        responses={200: None},
        response_headers={"Last-Modified": Rfc1123, "x-seconds": UnixTime},
    )
    assert headers == {"Last-Modified": WHEN, "x-seconds": WHEN}
    seen = scripted.requests[-1]
    assert "at=1709212455" in seen.path and "on=2024-02-29" in seen.path
    assert seen.headers["If-Modified-Since"] == "Thu, 29 Feb 2024 13:14:15 GMT"
