"""``sync``: copy from a mirror or download, verify sha256, never damage the previous copy."""

from __future__ import annotations

import hashlib
import os
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner
from synckit import Layout, free_port, write_manifest

from generator.cli import cli
from generator.commands.sync import run_sync
from generator.manifest import load_manifest
from generator.sync import ensure_specs


def copy_state(layout: Layout) -> dict[str, bytes]:
    return {
        str(path.relative_to(layout.copy_root)): path.read_bytes()
        for path in sorted(layout.copy_root.rglob("*"))
        if path.is_file()
    }


def test_sync_from_mirror_copies_every_file(
    layout: Layout, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_sync(layout.manifest, mirror=layout.mirror) == 0
    assert copy_state(layout) == layout.files
    assert "2 of 2 files" in capsys.readouterr().out
    assert run_sync(layout.manifest, mirror=layout.mirror) == 0
    assert "2 already current" in capsys.readouterr().out


def test_mirror_from_environment(layout: Layout, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AZPYGEN_SPECS_MIRROR", str(layout.mirror))
    assert run_sync(layout.manifest, mirror=None) == 0
    assert copy_state(layout) == layout.files


def test_default_mirror_is_shared_specs_beside_the_checkout(layout: Layout) -> None:
    shared = layout.manifest.parent.parent.parent / "shared" / "specs"
    shared.parent.mkdir()
    layout.mirror.rename(shared)
    assert ensure_specs(load_manifest(layout.manifest), None) == ()
    assert copy_state(layout) == layout.files


def test_sha_mismatch_keeps_the_previous_copy(
    layout: Layout, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_sync(layout.manifest, mirror=layout.mirror) == 0
    previous = copy_state(layout)
    (layout.mirror / "demo/2024-01-01/spec.json").write_bytes(b'{"tampered": true}')
    write_manifest(
        layout.manifest,
        layout.files | {"demo/2024-01-01/spec.json": b"something else"},
    )
    assert run_sync(layout.manifest, mirror=layout.mirror) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "demo/2024-01-01/spec.json" in err[0]
    assert "sha256 mismatch" in err[0]
    assert "previous copy kept" in err[0]
    assert copy_state(layout) == previous
    assert not [p for p in layout.copy_root.rglob(".*") if p.is_file()]


def test_file_missing_from_mirror_fails_that_file_only(layout: Layout) -> None:
    (layout.mirror / "demo/2024-01-01/examples/one.json").unlink()
    diagnostics = ensure_specs(load_manifest(layout.manifest), layout.mirror)
    assert [Path(d.file).name for d in diagnostics] == ["one.json"]
    assert "cannot copy from mirror" in diagnostics[0].message
    assert list(copy_state(layout)) == ["demo/2024-01-01/spec.json"]


def test_download_from_pinned_upstream(
    layout: Layout, upstream: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AZPYGEN_SPECS_BASE_URL", upstream)
    assert run_sync(layout.manifest, mirror=None) == 0
    assert copy_state(layout) == layout.files


def test_download_with_wrong_sha_keeps_the_previous_copy(
    layout: Layout, upstream: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = layout.copy_root / "demo/2024-01-01/spec.json"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"old copy")
    write_manifest(layout.manifest, layout.files, sha_override=hashlib.sha256(b"x").hexdigest())
    monkeypatch.setenv("AZPYGEN_SPECS_BASE_URL", upstream)
    assert run_sync(layout.manifest, mirror=None) == 1
    assert old.read_bytes() == b"old copy"


def test_unreachable_download_fails_quickly_and_keeps_the_copy(
    layout: Layout, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    old = layout.copy_root / "demo/2024-01-01/spec.json"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"old copy")
    monkeypatch.setenv("AZPYGEN_SPECS_BASE_URL", f"http://127.0.0.1:{free_port()}")
    assert run_sync(layout.manifest, mirror=None) == 1
    note, *failures = capsys.readouterr().err.strip().splitlines()
    assert note.startswith("sync: no mirror folder at ") and "downloading" in note
    assert len(failures) == 2 and all("download failed" in line for line in failures)
    kept = {
        Path(line.split(":/:")[0]).name: line.endswith("; previous copy kept") for line in failures
    }
    assert kept == {"spec.json": True, "one.json": False}  # only a copy that exists is kept
    assert old.read_bytes() == b"old copy"


@pytest.mark.parametrize("how", ["option", "environment"])
def test_a_missing_mirror_folder_is_refused_in_one_line(
    layout: Layout, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    assert run_sync(layout.manifest, mirror=layout.mirror) == 0  # the copy is current
    missing = layout.mirror.parent / "nonexistent"
    args = ["sync", "--manifest", str(layout.manifest)]
    if how == "option":
        args += ["--from", str(missing)]
    else:
        monkeypatch.setenv("AZPYGEN_SPECS_MIRROR", str(missing))
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{missing}: error: the mirror folder does not exist; give an existing folder to "
        "--from (or AZPYGEN_SPECS_MIRROR), or neither to download the pinned files"
    ]


def test_http_error_is_reported(
    layout: Layout, upstream: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AZPYGEN_SPECS_BASE_URL", upstream + "/nothing-here")
    diagnostics = ensure_specs(load_manifest(layout.manifest), None)
    assert len(diagnostics) == 2
    assert all("HTTP 404" in d.message for d in diagnostics)


def test_cli_sync_uses_from_option(layout: Layout) -> None:
    result = CliRunner().invoke(
        cli, ["sync", "--from", str(layout.mirror), "--manifest", str(layout.manifest)]
    )
    assert result.exit_code == 0, result.output
    assert copy_state(layout) == layout.files


def test_bad_manifest_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text("versions: []\n")
    assert run_sync(manifest, mirror=None) == 2
    assert "no API versions listed" in capsys.readouterr().err


def test_silent_server_times_out(layout: Layout, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.sync as sync_module

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # accepts connections into the backlog, never answers
        monkeypatch.setattr(sync_module, "DOWNLOAD_TIMEOUT_SECONDS", 0.3)
        monkeypatch.setenv("AZPYGEN_SPECS_BASE_URL", f"http://127.0.0.1:{silent.getsockname()[1]}")
        diagnostics = ensure_specs(load_manifest(layout.manifest), None)
    assert len(diagnostics) == 2
    assert all("timed out" in d.message for d in diagnostics)


def test_test_session_names_the_sync_command_when_the_copy_is_incomplete(layout: Layout) -> None:
    from spec_copy import sync_hint

    hint = sync_hint(layout.manifest)
    assert hint is not None and "\n" not in hint
    assert "python -m generator sync" in hint and "2 pinned spec file(s)" in hint
    assert run_sync(layout.manifest, mirror=layout.mirror) == 0
    (layout.copy_root / "demo/2024-01-01/examples/one.json").write_bytes(b"{}")
    assert "1 pinned spec file(s)" in (sync_hint(layout.manifest) or "")
    assert run_sync(layout.manifest, mirror=layout.mirror) == 0
    assert sync_hint(layout.manifest) is None


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_special_mirror_file_is_refused_without_blocking(layout: Layout, kind: str) -> None:
    special = layout.mirror / "demo/2024-01-01/examples/one.json"
    special.unlink()
    if kind == "fifo":
        os.mkfifo(special)
    else:
        special.symlink_to("/dev/zero")
    diagnostics = ensure_specs(load_manifest(layout.manifest), layout.mirror)
    (diagnostic,) = diagnostics
    assert Path(diagnostic.file).name == "one.json"
    assert "not a regular file" in diagnostic.message
    assert list(copy_state(layout)) == ["demo/2024-01-01/spec.json"]
