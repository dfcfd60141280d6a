"""Integer and unix-time bodies both ways: the test server's body-integer spec."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from azure.core.exceptions import DecodeError
from testserver_clients import Generated
from testserver_process import TestServer

Load = Callable[[str], Generated]
UNIX = dt.datetime(2016, 4, 13, tzinfo=dt.timezone.utc)


def test_integer_bodies(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("body-integer")
    with generated.client(endpoint=testserver.url) as client:
        ops = client.int
        ops.put_max32(2**31 - 1)
        ops.put_max64(2**63 - 1)
        ops.put_min32(-(2**31))
        ops.put_min64(-(2**63))
        assert ops.get_null() is None
        assert ops.get_overflow_int32() == 2147483656
        assert ops.get_underflow_int32() == -2147483656
        assert ops.get_overflow_int64() == 9223372036854775910
        assert ops.get_underflow_int64() == -9223372036854775910
        with pytest.raises(DecodeError) as invalid:
            ops.get_invalid()
        assert invalid.value.response is not None


def test_unix_time_bodies(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("body-integer")
    with generated.client(endpoint=testserver.url) as client:
        ops = client.int
        assert ops.get_unix_time() == UNIX
        ops.put_unix_time_date(UNIX)
        assert ops.get_null_unix_time() is None
        with pytest.raises(DecodeError):
            ops.get_invalid_unix_time()


async def test_async_integer_bodies(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("body-integer")
    async with generated.aio_client(endpoint=testserver.url) as client:
        await client.int.put_unix_time_date(UNIX)
        assert await client.int.get_unix_time() == UNIX
