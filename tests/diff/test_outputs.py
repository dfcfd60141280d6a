"""The three report formats: deterministic, documented shape, readable order, a working page."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from generator.diff.api import report_files
from generator.diff.render_json import SCHEMA_VERSION, render_json
from generator.diff.render_md import render_md
from generator.diff.report import DiffReport
from generator.ir import ApiSpec
from tests.conftest import API_VERSIONS, REPO_ROOT, azure_spec_path

CHROMIUM = Path("/usr/bin/chromium")
CHANGE_KEYS = {
    "fingerprint",
    "rule",
    "kind",
    "severity",
    "reason",
    "wire_breaking",
    "client_breaking",
    "migration",
    "location",
    "subject",
    "operations",
    "groups",
    "models",
    "old",
    "new",
    "evidence",
    "section",
}


def test_report_files_cover_all_formats(real_specs: tuple[ApiSpec, ...]) -> None:
    files = report_files(real_specs)
    assert sorted(files) == [
        "changes/changes.html",
        "changes/changes.json",
        "changes/changes.md",
    ]
    for text in files.values():
        assert text.endswith("\n") and "\r" not in text
    assert report_files(real_specs) == files  # same objects, same bytes
    assert report_files(real_specs[:1]) == {}


def test_output_is_byte_identical_across_processes(tmp_path: Path, synced_specs: Path) -> None:
    specs = [str(azure_spec_path(v)) for v in API_VERSIONS]
    outputs = []
    for seed in ("1", "4242"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "generator", "diff", *specs, "--out", str(out)]
        command += ["--format", "md", "--format", "json", "--format", "html"]
        subprocess.run(command, check=True, cwd=REPO_ROOT, env=env, capture_output=True)
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert sorted(outputs[0]) == ["changes.html", "changes.json", "changes.md"]
    assert outputs[0] == outputs[1]


def test_json_follows_the_documented_schema(real_report: DiffReport) -> None:
    data = json.loads(render_json(real_report))
    assert data["schema_version"] == SCHEMA_VERSION == 1
    assert set(data) == {
        "schema_version",
        "versions",
        "rules",
        "pairs",
        "timeline",
        "stale_ignores",
        "view",
    }
    assert {r["code"] for r in data["rules"]} >= {1005, 1006, 1033, 9001, 9003}
    assert data["view"] == {"only": None, "summary_only": False, "note": ""}
    for pair in data["pairs"]:
        severities = [c["severity"] for c in pair["changes"]]
        assert pair["summary"]["breaking"] == severities.count("breaking")
        assert pair["summary"]["info"] == severities.count("info")
        ranks = [{"breaking": 0, "review": 1, "info": 2}[s] for s in severities]
        assert ranks == sorted(ranks)  # breaking first
        for change in pair["changes"]:
            assert set(change) == CHANGE_KEYS
            assert change["severity"] in {"breaking", "review", "info"}
            assert isinstance(change["wire_breaking"], bool)
        notes = [c for c in pair["changes"] if c["client_breaking"] and c["migration"]]
        assert [m["fingerprint"] for m in pair["migration"]] == [c["fingerprint"] for c in notes]
    assert data["timeline"]["versions"] == list(API_VERSIONS)
    schema_doc = (REPO_ROOT / "generator" / "diff" / "SCHEMA.md").read_text(encoding="utf-8")
    for key in CHANGE_KEYS:
        assert f'"{key}"' in schema_doc


def test_markdown_puts_the_summary_and_the_migration_list_first(real_report: DiffReport) -> None:
    text = render_md(real_report)
    summary = text.index("## Summary")
    migration = text.index("## Migrating code that uses the generated Python client")
    first_pair = text.index("## 2023-06-01-preview → 2023-10-01-preview\n")
    second_pair = text.index("## 2023-10-01-preview → 2025-02-01-preview\n")
    assert summary < migration < first_pair < second_pair < text.index("## Timeline")
    section = text[second_pair : text.index("## Timeline")]
    assert section.index("### Breaking") < section.index("### Review") < section.index("### Info")
    # breaking entries grouped by the client operation group they concern
    breaking = section[: section.index("### Review")]
    assert breaking.index("#### client.files (") < breaking.index("#### several operation groups")
    review = section[section.index("### Review") : section.index("### Info")]
    assert (
        review.index("#### service (") < review.index("`security`") < review.index("#### client.")
    )
    flowing = " ".join(review.split())  # wrapped lines read as one
    assert "accepts OAuth2" in flowing and "AzureKeyCredential | TokenCredential" in flowing
    assert "| 2023-10-01-preview → 2025-02-01-preview |" in text[summary:first_pair]
    assert (
        "`client.fine_tunes.create(...)` → `client.fine_tuning.create(...)`"
        in text[migration:first_pair]
    )
    # renamed status values spelled out in the migration list
    assert "`State.SUCCEEDED` → `FileState.PROCESSED`" in text[migration:first_pair]


def _outside_code(text: str) -> list[str]:
    lines, inside = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            inside = not inside
        elif not inside:
            lines.append(line)
    return lines


def test_markdown_reads_in_a_terminal(real_report: DiffReport) -> None:
    text = render_md(real_report)
    outside = _outside_code(text)
    assert outside and max(len(line) for line in outside) <= 120
    tag = re.compile(r"</?[a-zA-Z][^>]*>")
    assert not [line for line in outside if tag.search(re.sub(r"`[^`]*`", "", line))]
    assert text.count("```") % 2 == 0


def test_summary_and_only_views(real_report: DiffReport) -> None:
    from generator.diff.changes import Severity
    from generator.diff.report_view import ViewOptions

    short = render_md(real_report, ViewOptions(summary_only=True))
    assert "## Summary" in short and "## Migrating code" in short
    assert "### Breaking" not in short and "## Timeline" not in short
    assert "--summary" in short
    breaking = render_md(real_report, ViewOptions(only=Severity.BREAKING))
    assert "### Breaking" in breaking and "### Review" not in breaking
    assert "### Info" not in breaking
    data = json.loads(render_json(real_report, ViewOptions(only=Severity.REVIEW)))
    assert data["view"]["only"] == "review"
    assert {c["severity"] for p in data["pairs"] for c in p["changes"]} == {"review"}
    summary_json = json.loads(render_json(real_report, ViewOptions(summary_only=True)))
    assert all(p["changes"] == [] and p["migration"] for p in summary_json["pairs"][1:])


def test_html_carries_the_migration_list_and_the_grouping(real_report: DiffReport) -> None:
    from generator.diff.render_html import render_html

    page = render_html(real_report)
    assert page.index('id="summary"') < page.index('id="migration"') < page.index('id="pair-0"')
    assert "<h4><code>client.files</code></h4>" in page
    assert "State.SUCCEEDED" in page[page.index('id="migration"') : page.index('id="pair-0"')]


def _png_rows(path: Path, limit: int) -> tuple[int, int, int, list[bytes]]:
    """Decode the first ``limit`` rows of an 8-bit RGB/RGBA PNG: (width, height, bpp, rows)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        chunk = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = chunk
        elif kind == b"IDAT":
            idat += chunk
        position += 12 + length
    width, height, depth, color = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and color in (2, 6)
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(min(height, limit)):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = previous[x]
            c = previous[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[x] = (line[x] + predictor) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, bpp, rows


def _count_color(
    rows: list[bytes], bpp: int, color: tuple[int, int, int], *, tolerance: int = 40
) -> int:
    found = 0
    for row in rows:
        for x in range(0, len(row), bpp):
            if all(abs(row[x + i] - color[i]) <= tolerance for i in range(3)):
                found += 1
    return found


def _chromium(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
        *arguments,
    ]
    return subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False
    )


def test_html_report_renders_in_headless_chromium(
    tmp_path: Path, real_specs: tuple[ApiSpec, ...]
) -> None:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is required for the HTML report test")
    page = tmp_path / "changes.html"
    page.write_text(report_files(real_specs)["changes/changes.html"], encoding="utf-8")
    assert "http://" not in page.read_text() and "https://" not in page.read_text()

    dumped = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = dumped.stdout
    # The script ran to its end (it marks the page) and filled in the visible-count line.
    assert 'data-js="ready"' in dom
    assert "changes shown" in dom
    assert 'id="summary"' in dom and 'data-count="breaking"' in dom
    errors = [
        line
        for line in dumped.stderr.splitlines()
        if "CONSOLE" in line or "Uncaught" in line or "SyntaxError" in line
    ]
    assert errors == []

    # The filters work: preset to breaking changes of the files group from the address.
    filtered = _chromium(tmp_path, "--dump-dom", page.as_uri() + "?severity=breaking&group=files")
    assert filtered.returncode == 0
    articles = re.findall(
        r'<article class="change ([a-z ]+)"[^>]*data-groups="([^"]*)"', filtered.stdout
    )
    assert articles
    shown = [(classes, groups) for classes, groups in articles if "hidden" not in classes]
    assert shown and all(c.startswith("breaking") and " files " in g for c, g in shown)
    assert len(shown) < len(articles)
    assert f"{len(shown)} of {len(articles)} changes shown" in filtered.stdout

    shot = tmp_path / "shot.png"
    taken = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,900", page.as_uri())
    assert taken.returncode == 0 and shot.is_file(), taken.stderr[-2000:]
    width, height, bpp, rows = _png_rows(shot, 260)
    assert (width, height) == (1280, 900)
    # The summary cards sit at the top: their red "breaking" and blue "info" counts are
    # visible in the first 260 pixel rows of the screenshot.
    top = rows
    assert _count_color(top, bpp, (0xB4, 0x23, 0x18)) > 40
    assert _count_color(top, bpp, (0x17, 0x5C, 0xD3)) > 40
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)


def test_markdown_keeps_hostile_labels_in_their_place(real_report: DiffReport) -> None:
    """A version label or path with a pipe, a backtick run or a line break stays in its cell."""
    from dataclasses import replace

    from generator.diff.timeline import Timeline, TimelineRow

    odd = "v1 | x\n# not a heading ```"
    pair = replace(real_report.pairs[0], old_version=odd)
    row = TimelineRow("operation", "k", "GET /a```b", ("present", "same", "same", "same"))
    timeline = Timeline(real_report.versions, (row,))
    text = render_md(replace(real_report, pairs=(pair,), timeline=timeline))
    assert "| v1 \\| x # not a heading ``` →" in text
    assert "\n# not a heading" not in text
    block = text[text.index("## Timeline") :]
    assert "GET /a'''b" in block and block.count("```") == 2
