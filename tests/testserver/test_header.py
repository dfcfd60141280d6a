"""Header parameters and response headers of every type: the test server's header spec.

Each parameter scenario sends a value the server checks; each response scenario returns a
header that the generated method must give back converted to its declared type.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from testserver_clients import Generated
from testserver_process import TestServer

Load = Callable[[str], Generated]
UTC = dt.timezone.utc
# UTF-8 of "啊齄丂狛狜隣郎隣兀﨩" with the CJK compatibility ideographs the scenario uses.
BYTES = (
    b"\xe5\x95\x8a\xe9\xbd\x84\xe4\xb8\x82\xe7\x8b\x9b\xe7\x8b\x9c"
    b"\xef\xa7\xb1\xef\xa4\xac\xef\xa7\xb1\xef\xa8\x8c\xef\xa8\xa9"
)
DURATION = dt.timedelta(days=123, hours=22, minutes=14, seconds=12, milliseconds=11)

#: (type, scenario, value) sent as a header parameter and read back as a response header.
VALUES: list[tuple[str, str, Any]] = [
    ("integer", "positive", 1),
    ("integer", "negative", -2),
    ("long", "positive", 105),
    ("long", "negative", -2),
    ("float", "positive", 0.07),
    ("float", "negative", -3.0),
    ("double", "positive", 7e120),
    ("double", "negative", -3.0),
    ("bool", "true", True),
    ("bool", "false", False),
    ("string", "valid", "The quick brown fox jumps over the lazy dog"),
    ("string", "empty", ""),
    ("date", "valid", dt.date(2010, 1, 1)),
    ("date", "min", dt.date(1, 1, 1)),
    ("datetime", "valid", dt.datetime(2010, 1, 1, 12, 34, 56, tzinfo=UTC)),
    ("datetime", "min", dt.datetime(1, 1, 1, tzinfo=UTC)),
    ("datetime_rfc1123", "valid", dt.datetime(2010, 1, 1, 12, 34, 56, tzinfo=UTC)),
    ("datetime_rfc1123", "min", dt.datetime(1, 1, 1, tzinfo=UTC)),
    ("duration", "valid", DURATION),
    ("byte", "valid", BYTES),
]


def test_header_parameters_of_every_type(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("header")
    grey = generated.models.GreyscaleColors.GREY
    with generated.client(endpoint=testserver.url) as client:
        group = client.header
        for kind, scenario, value in VALUES:
            getattr(group, f"param_{kind}")(scenario=scenario, value=value)
        group.param_string(scenario="null", value=None)
        group.param_enum(scenario="valid", value=grey)
        group.param_enum(scenario="null", value=None)
        group.param_existing_key(user_agent="overwrite")
        group.param_protected_key(content_type_="text/html")
        group.custom_request_id(client_request_id="9C4D50EE-2D56-4CD3-8152-34347DC9F2B0")


def test_response_headers_of_every_type(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("header")
    with generated.client(endpoint=testserver.url) as client:
        group = client.header
        for kind, scenario, value in VALUES:
            headers = getattr(group, f"response_{kind}")(scenario=scenario)
            assert headers.get("value") == value, (kind, scenario, headers)
        assert group.response_string(scenario="null").get("value") in (None, "null")
        assert group.response_enum(scenario="valid")["value"] == "GREY"
        assert group.response_enum(scenario="null").get("value") in (None, "")
        assert group.response_existing_key()["User-Agent"] == "overwrite"
        assert group.response_protected_key()["Content-Type"].startswith("text/html")


def test_cls_receives_typed_headers(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("header")
    with generated.client(endpoint=testserver.url) as client:
        seen = client.header.response_long(
            scenario="positive", cls=lambda response, body, headers: (body, headers)
        )
    assert seen == (None, {"value": 105})


async def test_async_header_round_trip(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("header")
    async with generated.aio_client(endpoint=testserver.url) as client:
        await client.header.param_duration(scenario="valid", value=DURATION)
        headers = await client.header.response_duration(scenario="valid")
    assert headers == {"value": DURATION}
