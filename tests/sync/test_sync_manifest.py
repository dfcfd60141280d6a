"""The repository's manifest pins every input file; malformed manifests are refused clearly."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.manifest import ManifestError, load_manifest


def test_repository_manifest_names_four_versions(repo_root: Path) -> None:
    manifest = load_manifest(repo_root / "specs" / "manifest.yaml")
    assert manifest.distribution == "azure-ai-openai-authoring"
    assert manifest.namespace == "azure_openai_authoring"
    assert manifest.copy_root == repo_root / "specs" / ".cache"
    assert [(v.api_version, v.package, v.spec) for v in manifest.versions] == [
        (
            "2023-06-01-preview",
            "v2023_06_01_preview",
            "azure/2023-06-01-preview/azureopenai.json",
        ),
        (
            "2023-10-01-preview",
            "v2023_10_01_preview",
            "azure/2023-10-01-preview/azureopenai.json",
        ),
        (
            "2025-02-01-preview",
            "v2025_02_01_preview",
            "azure/2025-02-01-preview/azureopenai.json",
        ),
        (
            "2025-04-01-preview",
            "v2025_04_01_preview",
            "azure-openapi3/2025-04-01-preview/azureopenai.json",
        ),
    ]


def test_repository_manifest_pins_every_input_file(repo_root: Path, synced_specs: Path) -> None:
    manifest = load_manifest(repo_root / "specs" / "manifest.yaml")
    files = manifest.all_files()
    assert len(files) == 73
    for item in files:
        assert hashlib.sha256((synced_specs / item.path).read_bytes()).hexdigest() == item.sha256
        assert len(item.commit) == 40
    extras = {item.path for item in files} - {
        item.path
        for item in files
        if item.path.startswith("azure/") and item.path.endswith(".json")
    }
    assert extras == {
        "azure/2025-02-01-preview/azureopenai.yaml",
        "azure-openapi3/2025-04-01-preview/azureopenai.json",
        "api-evangelist/2023-06-01-preview/openapi.yml",
        "api-evangelist/2023-10-01-preview/openapi.yml",
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("commit: 0123456789abcdef0123456789abcdef01234567", "commit: 0123abc"), "40-hex"),
        (("path: a/spec.json", "path: ../../etc/passwd"), "plain relative path"),
        (("source_path: up/spec.json", "source_path: /etc/passwd"), "plain relative path"),
        (("sha256: " + "a" * 64, "sha256: xyz"), "sha256"),
        (("package: v1", "package: 1-bad"), "identifier"),
        (("distribution: d", "distribution: ../d"), "distribution name"),
        (("distribution: d", 'distribution: "d\\"[x]"'), "distribution name"),
        (("api_version: '1'", 'api_version: "1\\x1b[2J"'), "invisible character"),
        (("path: a/spec.json", 'path: "a/spec\\u202e.json"'), "invisible character"),
        (("spec: a/spec.json", "spec: a/other.json"), "not among the version's files"),
        (("commit: 0123456789abcdef0123456789abcdef01234567", "commit: " + "0" * 40), "quote it"),
        (("sha256: " + "a" * 64, "sha256: " + "1" * 64), "quote it"),
        (("        repository: r/r\n", ""), "repository and commit go together"),
        (("versions:", "version: 1.0\nversions:"), "MAJOR.MINOR.PATCH"),
    ],
)
def test_malformed_manifest_is_refused(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    text = "\n".join(
        [
            "distribution: d",
            "namespace: n",
            "versions:",
            "  - api_version: '1'",
            "    package: v1",
            "    spec: a/spec.json",
            "    files:",
            "      - path: a/spec.json",
            "        repository: r/r",
            "        commit: 0123456789abcdef0123456789abcdef01234567",
            "        source_path: up/spec.json",
            "        sha256: " + "a" * 64,
        ]
    )
    path = tmp_path / "manifest.yaml"
    path.write_text(text)
    assert load_manifest(path).versions[0].files[0].path == "a/spec.json"
    path.write_text(text.replace(*change))
    with pytest.raises(ManifestError, match=message):
        load_manifest(path)


def test_unreadable_manifest_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="cannot read"):
        load_manifest(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("versions: [")
    with pytest.raises(ManifestError, match="invalid YAML"):
        load_manifest(bad)


def test_a_local_file_needs_neither_repository_nor_commit(tmp_path: Path) -> None:
    path = tmp_path / "manifest.yaml"
    path.write_text(
        "\n".join(
            [
                "distribution: d",
                "namespace: n",
                'version: "2.3.4"',
                "versions:",
                "  - api_version: '1'",
                "    package: v1",
                "    spec: local/spec.json",
                "    files:",
                "      - path: local/spec.json",
                "        sha256: " + "a" * 64,
            ]
        )
    )
    manifest = load_manifest(path)
    (item,) = manifest.all_files()
    assert (item.repository, item.commit, item.source_path) == (None, None, "local/spec.json")
    assert manifest.version == "2.3.4"
