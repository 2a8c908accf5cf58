"""Golden files for the HTML, JUnit and CSV formats.

Regenerate with `pytest --update-goldens` (the option lives in tests/conftest.py
on main) or UPDATE_GOLDENS=1; review the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN_DIR = Path(__file__).parent / "golden"


@pytest.fixture
def report_golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    update = bool(request.config.getoption("--update-goldens", default=False)) or (
        os.environ.get("UPDATE_GOLDENS") == "1"
    )

    def check(name: str, text: str) -> None:
        path = GOLDEN_DIR / name
        if update:
            path.write_bytes(text.encode("utf-8"))
            return
        assert path.is_file(), f"no golden file {path}; run pytest --update-goldens"
        assert text == path.read_bytes().decode("utf-8"), f"output differs from {path}"

    return check
