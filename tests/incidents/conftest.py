"""Fixtures for the evidence log: a log with a few entries, made through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def log_dir(isolated_home: Path) -> Path:
    return isolated_home / "data" / "incidents"


@pytest.fixture
def filled_log(cli, tmp_path: Path, log_dir: Path) -> Path:  # type: ignore[no-untyped-def]
    shot = tmp_path / "screenshot.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n screenshot bytes")
    for i in range(1, 5):
        result = cli(
            "incident", "add", "--url", f"https://example.com/post/{i}",
            "--platform", "instagram", "--handle", f"@someone{i}", "--file", str(shot),
            "--note", f"copy number {i}",
        )  # fmt: skip
        assert result.code == 0, result.err
    return log_dir
