"""Request bodies against the test server: binary, files, form data, JSON with enums, integers.

Each scenario's handler checks the request (content type, body) before answering 200.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pytest
from azure.core.exceptions import HttpResponseError
from testserver_clients import Generated
from testserver_process import TestServer

Load = Callable[[str], Generated]


@pytest.fixture
def binary(testserver: TestServer, testserver_client: Load):  # type: ignore[no-untyped-def]
    with testserver_client("body-binary").client(endpoint=testserver.url) as client:
        yield client


def test_binary_body_declared_as_json_file(binary) -> None:  # type: ignore[no-untyped-def]
    binary.upload.file(json.dumps({"more": "cowbell"}).encode())


def test_binary_octet_stream_from_a_file_object(binary) -> None:  # type: ignore[no-untyped-def]
    binary.upload.binary(io.BytesIO(b"\x01\x02\x03 not empty"))


def test_binary_error_stream_raises(binary) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(HttpResponseError) as caught:
        b"".join(binary.download.error_stream())
    assert caught.value.status_code == 400


def test_file_downloads_stream(testserver: TestServer, testserver_client: Load) -> None:
    with testserver_client("body-file").client(endpoint=testserver.url) as client:
        content = b"".join(client.files.get_file())
        assert content.startswith(b"\x89PNG")
        assert b"".join(client.files.get_empty_file()) == b""
        size = sum(len(chunk) for chunk in client.files.get_file_large())
        assert size == 3000 * 1024 * 1024


def test_form_data_upload(testserver: TestServer, testserver_client: Load, tmp_path: Path) -> None:
    source = tmp_path / "sample.png"
    source.write_bytes(b"Test file content")
    with testserver_client("body-formdata").client(endpoint=testserver.url) as client:
        echoed = b"".join(client.formdata.upload_file(file_content=source, file_name="sample.png"))
        assert echoed == b"Test file content"
        via_body = b"".join(client.formdata.upload_file_via_body(b"Test file content"))
        assert via_body == b"Test file content"


def test_extensible_enums_round_trip(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("extensible-enums-swagger")
    models = generated.models
    with generated.client(endpoint=testserver.url) as client:
        tommy = client.pet.get_by_pet_id("tommy")
        assert tommy.days_of_week == models.DaysOfWeekExtensibleEnum.MONDAY
        casper = client.pet.get_by_pet_id("casper")
        assert casper.days_of_week == "Weekend"  # a value the spec does not list is kept
        scooby = client.pet.get_by_pet_id("scooby")
        assert scooby.int_enum == "2.1"
        sent = models.Pet(name="Retriever", int_enum="3", days_of_week="Friday")
        returned = client.pet.add_pet(pet_param=sent)
        assert returned.name == "Retriever" and returned.days_of_week == "Friday"


def test_integer_bodies(testserver: TestServer, testserver_client: Load) -> None:
    with testserver_client("body-integer").client(endpoint=testserver.url) as client:
        client.int.put_max32(2**31 - 1)
        client.int.put_max64(2**63 - 1)
        client.int.put_min32(-(2**31))
        client.int.put_min64(-(2**63))
        moment = datetime(2016, 4, 13, 0, 0, tzinfo=timezone.utc)
        assert client.int.get_unix_time() == moment
        assert client.int.get_overflow_int32() == 2147483656
        assert client.int.get_underflow_int32() == -2147483656
        assert client.int.get_overflow_int64() == 9223372036854775910
        assert client.int.get_underflow_int64() == -9223372036854775910


def test_integer_null_and_invalid(testserver: TestServer, testserver_client: Load) -> None:
    with testserver_client("body-integer").client(endpoint=testserver.url) as client:
        assert client.int.get_null() is None
        assert client.int.get_null_unix_time() is None
        with pytest.raises(HttpResponseError):
            client.int.get_invalid()
        with pytest.raises(HttpResponseError):
            client.int.get_invalid_unix_time()
