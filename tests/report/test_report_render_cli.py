"""`privaudit report render`: any format from a saved JSON report, versions checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from privaudit.render import render
from tests.report.samples import sample_report, sample_with_new


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "report.json"
    path.write_text(render(sample_with_new(), "json"), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["terminal", "json", "markdown", "html", "junit", "csv"])
def test_re_renders_exactly_what_the_report_renders(cli, saved: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("report", "render", str(saved), "--format", fmt)
    assert result.code == 0, result.err
    assert result.out == render(sample_with_new(), fmt)


def test_writes_atomically_to_output(cli, saved: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "report.html"
    assert cli("report", "render", str(saved), "-f", "html", "-o", str(out)).code == 0
    assert out.read_text("utf-8") == render(sample_with_new(), "html")
    assert out.stat().st_mode & 0o777 == 0o600


def test_a_report_without_new_marks_stays_without(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.json"
    path.write_text(render(sample_report(), "json"), encoding="utf-8")
    assert cli("report", "render", str(path), "-f", "json").out == render(sample_report(), "json")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "report not found"),
        (b"{not json", "not valid JSON (line 1, column 2)"),
        (b"[1, 2]", "expected an object"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b'{"schema_version": "2.0.0"}', "schema version 2.0.0 is not supported"),
        (b'{"schema_version": "1.0.0"}', "not a valid privaudit JSON report"),
    ],
)
def test_bad_reports_are_one_clear_line(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "r.json"
    if content is not None:
        path.write_bytes(content)
    result = cli("report", "render", str(path), "-f", "html")
    assert result.code == 2
    assert message in result.err
    assert result.err.count("\n") == 1
    assert result.out == ""


def test_unknown_format_fails_before_reading(cli, saved: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("report", "render", str(saved), "-f", "pdf")
    assert result.code == 2
    assert "unknown format 'pdf'" in result.err


def test_newer_minor_version_is_read(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(render(sample_report(), "json"))
    data["schema_version"] = "1.9.0"
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert cli("report", "render", str(path), "-f", "csv").code == 0
