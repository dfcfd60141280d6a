"""x-ms-parameter-grouping against the test server (azure-parameter-grouping).

Grouped parameters are one model argument per group (named by the extension's ``name``, or the
operation's name and ``postfix``/``Parameters``); each member still travels in its own place
(path, query, header or body), which the server checks value by value.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from testserver_clients import Generated
from testserver_process import TestServer


@pytest.fixture
def generated(testserver_client: Callable[[str], Generated]) -> Generated:
    return testserver_client("azure-parameter-grouping")


@pytest.fixture
def client(testserver: TestServer, generated: Generated) -> Iterator[Any]:
    with generated.client(endpoint=testserver.url) as created:
        yield created


def test_required_group_is_one_positional_argument(client: Any, generated: Generated) -> None:
    group = generated.models.ParameterGroupingPostRequiredParameters
    signature = inspect.signature(client.parameter_grouping.post_required)
    assert list(signature.parameters) == ["parameter_grouping_post_required_parameters", "kwargs"]
    args = group(body=1234, custom_header="header", query=21, path="path")
    client.parameter_grouping.post_required(args)  # body, header, query and path


def test_optional_group(client: Any, generated: Generated) -> None:
    group = generated.models.ParameterGroupingPostOptionalParameters
    options = group(custom_header="header", query=21)
    client.parameter_grouping.post_optional(parameter_grouping_post_optional_parameters=options)
    client.parameter_grouping.post_optional()  # the group may be left out altogether


def test_reserved_words_in_a_group(client: Any, generated: Generated) -> None:
    group = generated.models.ParameterGroupingPostReservedWordsParameters
    client.parameter_grouping.post_reserved_words(
        parameter_grouping_post_reserved_words_parameters=group(from_="bob", accept="yes")
    )


def test_named_and_postfixed_groups(client: Any, generated: Generated) -> None:
    first = generated.models.FirstParameterGroup(header_one="header", query_one=21)
    second = generated.models.ParameterGroupingPostMultiParamGroupsSecondParamGroup(
        header_two="header2", query_two=42
    )
    client.parameter_grouping.post_multi_param_groups(
        first_parameter_group=first,
        parameter_grouping_post_multi_param_groups_second_param_group=second,
    )
    # The same named group serves another operation.
    client.parameter_grouping.post_shared_parameter_group_object(first_parameter_group=first)


def test_group_with_a_constant_member(client: Any, generated: Generated) -> None:
    grouper = generated.models.Grouper(grouped_constant="foo", grouped_parameter="bar")
    client.parameter_grouping.group_with_constant(grouper=grouper)
