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
    assert views["files.upload"].signature.startswith("*, purpose: _rt.Extensible[_models.State]")


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
    assert views["jobs.get"].error_model == "_models.ErrorResponse"


def test_templates_refuse_undefined_variables() -> None:
    with pytest.raises(jinja2.UndefinedError):
        render("client/version_init.py.j2", title="t", api_version="v", client_class="C")
