"""Operation views from the hand-built sample IR: kinds, signatures and request parts."""

from __future__ import annotations

import jinja2
import pytest
from render_sample_ir import sample_spec

from generator.render.operation_context import operation_groups
from generator.render.operation_views import OperationView
from generator.render.templates import render


def _views() -> dict[str, OperationView]:
    groups, _ = operation_groups(sample_spec(), "pkg.models")
    return {f"{g.attribute}.{op.name}": op for g in groups for op in g.operations}


def test_each_operation_gets_its_kind() -> None:
    kinds = {name: view.kind for name, view in _views().items()}
    assert kinds == {
        "files.upload": "plain",
        "files.get_content": "download",
        "images.begin_generate": "lro",
        "jobs.list": "paged",
        "jobs.create": "plain",
        "jobs.get": "plain",
        "jobs.delete": "plain",
        "jobs.get_events": "sse",
    }


def test_signatures_put_required_path_and_body_first_and_options_after_the_star() -> None:
    views = _views()
    create = views["jobs.create"].signature
    assert create == (
        "job_id: str, job: _models.Job | dict[str, Any], *, note: str | None = None, **kwargs: Any"
    )
    # The cursor belongs to the pager, not to the caller.
    assert views["jobs.list"].signature == "*, limit: int | None = None, **kwargs: Any"
    assert views["files.upload"].signature.startswith(
        "*, purpose: _types.Extensible[_models.State]"
    )


def test_flavours_resolve_return_types() -> None:
    views = _views()
    assert views["jobs.list"].returns(aio=False) == "ItemPaged[_models.Job]"
    assert views["jobs.list"].returns(aio=True) == "AsyncItemPaged[_models.Job]"
    assert views["images.begin_generate"].returns(aio=True) == (
        "AsyncLROPoller[_models.OperationStatus]"
    )
    assert views["jobs.get_events"].returns(aio=False) == (
        "_models.EventList | Iterator[_models.Event]"
    )
    assert views["files.get_content"].returns(aio=True) == "AsyncIterator[bytes]"


def test_request_parts() -> None:
    views = _views()
    assert 'path_params={"job-id": job_id}' in views["jobs.create"].request_args
    assert 'headers={"x-ms-note": note, "Accept": "application/json"}' in (
        views["jobs.create"].request_args
    )
    upload = views["files.upload"].request_args
    assert 'files={"file": _rt.file_part(file, field="file")}' in upload
    assert 'data={"purpose": _rt.serialize(purpose)}' in upload
    assert views["jobs.delete"].expected == "(204,)"
    assert views["jobs.get"].error_model == '{"default": _models.ErrorResponse}'


def test_templates_refuse_undefined_variables() -> None:
    with pytest.raises(jinja2.UndefinedError):
        render("client/version_init.py.j2", title="t", api_version="v", client_class="C")


def test_query_values_reach_the_wire_form() -> None:
    import datetime
    import enum

    import generator.runtime as runtime
    from generator.ir import ArrayType, EnumRef, Parameter, ParameterLocation, Primitive
    from generator.ir import PrimitiveType as P
    from generator.render.wire_values import value_expr

    moment = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)

    class State(str, enum.Enum, metaclass=runtime.CaseInsensitiveEnumMeta):
        DONE = "done"

    def sent(tp: object, value: object, fmt: str | None = None) -> object:
        param = Parameter("x", "x", ParameterLocation.QUERY, tp, False, collection_format=fmt)  # type: ignore[arg-type]
        return eval(value_expr(param, "x"), {"_rt": runtime, "x": value})

    assert sent(P(Primitive.UNIX_TIME), moment) == 1704164645
    assert sent(P(Primitive.DATE_TIME), moment) == "2024-01-02T03:04:05Z"
    assert sent(P(Primitive.DATE_TIME), None) is None
    assert sent(ArrayType(P(Primitive.INT32)), [1, 2]) == "1,2"
    assert sent(ArrayType(P(Primitive.STRING)), ["a", "b"], "pipes") == "a|b"
    assert sent(ArrayType(P(Primitive.STRING)), ["a", "b"], "multi") == ["a", "b"]
    assert sent(EnumRef("State"), State.DONE) == "done"
    assert sent(ArrayType(EnumRef("State")), [State.DONE, "other"]) == "done,other"
