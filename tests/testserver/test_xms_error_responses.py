"""Error models per status, polymorphic errors and x-ms-error-response: the xms-error-responses
spec.  A failure must raise with ``error.model`` typed as the model declared for its status (the
discriminated subtype when the body names one); declared non-error statuses are results."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError
from testserver_clients import Generated
from testserver_process import TestServer

Load = Callable[[str], Generated]


def test_pet_by_id_results_and_typed_errors(
    testserver: TestServer, testserver_client: Load
) -> None:
    generated = testserver_client("xms-error-responses")
    models = generated.models
    with generated.client(endpoint=testserver.url, retry_total=0) as client:
        pet = client.pet.get_pet_by_id("tommy")
        assert isinstance(pet, models.Pet) and pet.name == "Tommy Tomson"
        assert client.pet.get_pet_by_id("django") is None  # 202: declared, no body
        with pytest.raises(ResourceNotFoundError) as animal:
            client.pet.get_pet_by_id("coyoteUgly")
        assert isinstance(animal.value.model, models.AnimalNotFound)
        with pytest.raises(ResourceNotFoundError) as link:
            client.pet.get_pet_by_id("weirdAlYankovic")
        assert isinstance(link.value.model, models.LinkNotFound)
        assert link.value.model.what_sub_address
        with pytest.raises(HttpResponseError) as bad:
            client.pet.get_pet_by_id("ringo")
        assert bad.value.status_code == 400 and bad.value.model == "ringo is missing"
        with pytest.raises(HttpResponseError) as alien:
            client.pet.get_pet_by_id("alien123")
        assert alien.value.status_code == 501 and alien.value.model == 123


def test_polymorphic_error_models(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("xms-error-responses")
    models = generated.models
    with generated.client(endpoint=testserver.url, retry_total=0) as client:
        assert isinstance(client.pet.do_something("stay"), models.PetAction)
        with pytest.raises(HttpResponseError) as sad:
            client.pet.do_something("jump")
        assert type(sad.value.model) is models.PetSadError
        assert sad.value.model.reason
        with pytest.raises(HttpResponseError) as hungry:
            client.pet.do_something("fetch")
        assert isinstance(hungry.value.model, models.PetHungryOrThirstyError)
        assert hungry.value.model.hungry_or_thirsty == "hungry and thirsty"
        with pytest.raises(HttpResponseError) as answered:  # the scenario answers with an error
            client.pet.has_models_param(models="value1")
        assert isinstance(answered.value.model, models.PetSadError)


async def test_async_typed_error(testserver: TestServer, testserver_client: Load) -> None:
    generated = testserver_client("xms-error-responses")
    async with generated.aio_client(endpoint=testserver.url, retry_total=0) as client:
        with pytest.raises(ResourceNotFoundError) as animal:
            await client.pet.get_pet_by_id("coyoteUgly")
    assert isinstance(animal.value.model, generated.models.AnimalNotFound)
