"""Helpers for the importer tests: the project's own fixtures and a one-call reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from privaudit.sources import ImportResult, ReadOptions, SourceData, get_importer, import_accounts

FIXTURES = Path(__file__).parent / "fixtures"


def read_fixture(name: str, fmt: str | None = None, **options: object) -> tuple[ImportResult, str]:
    """Import one fixture file by path (auto-detected unless fmt); return result and format."""
    result, summary, _ = import_accounts(
        FIXTURES / name,
        fmt=fmt,
        stdin=lambda _n: b"",
        options=ReadOptions(**options),  # type: ignore[arg-type]
    )
    return result, summary.format


def read_bytes(data: bytes, fmt: str, **options: object) -> ImportResult:
    return get_importer(fmt).read(SourceData.from_bytes(data, "fuzz"), ReadOptions(**options))  # type: ignore[arg-type]


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
