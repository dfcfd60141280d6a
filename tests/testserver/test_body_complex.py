"""Complex bodies against the test server (body-complex): models sent and read back.

Most scenarios are a GET answering a fixed document and a PUT expecting the same document, so
the tests read a model and send it back unchanged -- the round trip must keep every field and
format the server checks.  Polymorphic bodies are also built by hand from the generated subtypes,
as a user would, to check what is sent.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from azure.core.exceptions import HttpResponseError
from testserver_clients import Generated
from testserver_process import TestServer


@pytest.fixture
def generated(testserver_client: Callable[[str], Generated]) -> Generated:
    return testserver_client("body-complex")


@pytest.fixture
def client(testserver: TestServer, generated: Generated) -> Iterator[Any]:
    with generated.client(endpoint=testserver.url) as created:
        yield created


def test_basic(client: Any) -> None:
    basic = client.basic.get_valid()
    assert (basic.id, basic.name, basic.color) == (2, "abc", "YELLOW")
    client.basic.put_valid({"id": 2, "name": "abc", "color": "Magenta"})
    assert client.basic.get_empty().id is None
    assert client.basic.get_null().name is None
    assert client.basic.get_not_provided() is None
    with pytest.raises(HttpResponseError):
        client.basic.get_invalid()


PRIMITIVES = ("int", "long", "float", "double", "bool", "string", "date", "date_time")
MORE_PRIMITIVES = ("date_time_rfc1123", "duration", "byte")


@pytest.mark.parametrize("kind", PRIMITIVES + MORE_PRIMITIVES)
def test_primitive_round_trip(client: Any, kind: str) -> None:
    value = getattr(client.primitive, f"get_{kind}")()
    getattr(client.primitive, f"put_{kind}")(value)


def test_inheritance(client: Any) -> None:
    siamese = client.inheritance.get_valid()
    assert siamese.breed == "persian" and siamese.hates[1].food == "french fries"
    client.inheritance.put_valid(siamese)


def test_polymorphic_reads(client: Any) -> None:
    dot = client.polymorphism.get_dot_syntax()
    assert type(dot).__name__ == "DotSalmon"
    market = client.polymorphism.get_composed_with_discriminator()
    assert type(market.sample_salmon).__name__ == "DotSalmon"
    assert client.polymorphism.get_composed_without_discriminator() is not None


ARRAY = ["1, 2, 3, 4", "", None, "&S#$(*Y", "The quick brown fox jumps over the lazy dog"]
PROGRAMS = {"txt": "notepad", "bmp": "mspaint", "xls": "excel", "exe": "", "": None}


def test_arrays(client: Any, generated: Generated) -> None:
    valid = client.array.get_valid()
    assert valid.array == ARRAY  # a null item is read, not an error
    client.array.put_valid(valid)
    client.array.put_valid(generated.models.ArrayWrapper(array=ARRAY))
    assert client.array.get_empty().array == []
    assert client.array.get_not_provided().array is None
    client.array.put_empty({"array": []})


def test_dictionaries(client: Any, generated: Generated) -> None:
    valid = client.dictionary.get_valid()
    assert valid.default_program == PROGRAMS
    client.dictionary.put_valid(valid)
    client.dictionary.put_valid(generated.models.DictionaryWrapper(default_program=PROGRAMS))
    assert client.dictionary.get_empty().default_program == {}
    assert client.dictionary.get_null().default_program is None
    assert client.dictionary.get_not_provided().default_program is None
    client.dictionary.put_empty({"defaultProgram": {}})


PICTURE = bytes([255, 255, 255, 255, 254])


def _salmon(models: Any) -> Any:
    """The salmon the server's polymorphism scenarios expect, built from the subtypes."""
    return models.Salmon(
        location="alaska", iswild=True, species="king", length=1.0, siblings=_siblings(models)
    )


def _siblings(models: Any) -> list[Any]:
    """The three sharks every polymorphism scenario of the server carries."""
    utc = datetime.timezone.utc
    return [
        models.Shark(
            age=6,
            birthday=datetime.datetime(2012, 1, 5, 1, tzinfo=utc),
            length=20.0,
            species="predator",
        ),
        models.Sawshark(
            age=105,
            birthday=datetime.datetime(1900, 1, 5, 1, tzinfo=utc),
            length=10.0,
            picture=PICTURE,
            species="dangerous",
        ),
        models.Goblinshark(
            age=1,
            birthday=datetime.datetime(2015, 8, 8, tzinfo=utc),
            length=30.0,
            species="scary",
            jawsize=5,
            color="pinkish-gray",
        ),
    ]


def test_polymorphism_reads_every_subtype(client: Any, generated: Generated) -> None:
    models = generated.models
    fish = client.polymorphism.get_valid()
    assert type(fish) is models.Salmon
    assert (fish.location, fish.iswild, fish.species, fish.length) == ("alaska", True, "king", 1.0)
    shark, sawshark, goblin = fish.siblings
    assert [type(s) for s in fish.siblings] == [models.Shark, models.Sawshark, models.Goblinshark]
    assert shark.birthday == datetime.datetime(2012, 1, 5, 1, tzinfo=datetime.timezone.utc)
    assert sawshark.picture == PICTURE
    assert (goblin.jawsize, goblin.color) == (5, "pinkish-gray")


def test_polymorphism_sends_subtypes_built_by_hand(client: Any, generated: Generated) -> None:
    models = generated.models
    salmon = _salmon(models)
    client.polymorphism.put_valid(salmon)
    client.polymorphism.put_valid(client.polymorphism.get_valid())


def test_polymorphism_below_the_root_keeps_unknown_fields(
    client: Any, generated: Generated
) -> None:
    models = generated.models
    smart = client.polymorphism.get_complicated()  # declared as salmon, sent as smart_salmon
    assert type(smart) is models.SmartSalmon
    assert smart.additionalProperty4 == {"a": 1, "b": 2}
    assert smart.as_dict()["additionalProperty5"] == [1, 3]
    assert [type(s) for s in smart.siblings] == [models.Shark, models.Sawshark, models.Goblinshark]
    client.polymorphism.put_complicated(smart)  # every extra field goes back


def test_polymorphism_answer_without_discriminator(client: Any, generated: Generated) -> None:
    models = generated.models
    sent = _salmon(models)
    answer = client.polymorphism.put_missing_discriminator(sent)
    assert type(answer) is models.Salmon and answer.fishtype is None
    assert answer.location == "alaska"
    assert type(answer.siblings[1]) is models.Sawshark


def test_recursive_polymorphism(client: Any, generated: Generated) -> None:
    models = generated.models
    fish = client.polymorphicrecursive.get_valid()
    assert type(fish) is models.Salmon
    shark = fish.siblings[0]
    assert type(shark) is models.Shark
    assert [type(s) for s in shark.siblings] == [models.Salmon, models.Sawshark]
    assert [type(s) for s in shark.siblings[0].siblings] == [models.Shark, models.Sawshark]
    assert shark.siblings[1].siblings == []
    client.polymorphicrecursive.put_valid(fish)


async def test_async_polymorphism(testserver: TestServer, generated: Generated) -> None:
    models = generated.models
    async with generated.aio_client(endpoint=testserver.url) as client:
        smart = await client.polymorphism.get_complicated()
        assert type(smart) is models.SmartSalmon
        await client.polymorphism.put_complicated(smart)
        recursive = await client.polymorphicrecursive.get_valid()
        assert type(recursive.siblings[0].siblings[0]) is models.Salmon
        await client.polymorphicrecursive.put_valid(recursive)


def test_read_only_property_is_read_and_never_sent(client: Any, generated: Generated) -> None:
    read = client.readonlyproperty.get_valid()
    assert (read.id, read.size) == ("1234", 2)
    client.readonlyproperty.put_valid(read)  # the server refuses a body that carries "id"
    client.readonlyproperty.put_valid(generated.models.ReadonlyObj(size=2))
    with pytest.raises(HttpResponseError):  # a plain dict is sent as written
        client.readonlyproperty.put_valid({"id": "1234", "size": 2})
