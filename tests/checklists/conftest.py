"""Fixtures for checklist tests: checklist files written by the tests themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

GOOD = """\
format = 1
id = "acme"
name = "ACME intranet"
check_id = "ACME101"
reviewed = 2026-11-24
settings_url = "https://intranet.example.com/settings"
domains = ["intranet.example.com"]

[[items]]
id = "login-alerts"
question = "Do you get an alert when someone signs in from a new device?"
why = "An alert tells you fast when someone else gets in."
fix = "1. Open Settings > Security.\\n2. Turn on Login alerts."
link = "https://intranet.example.com/settings/security"
severity = "medium"
tags = ["account-takeover"]

[[items]]
id = "two-step"
question.en = "Is 2-step login on?"
question.es = "¿Tienes activado el inicio de sesión en dos pasos?"
why = "A second step stops password thieves."
fix = "1. Open Settings > Security.\\n2. Turn on 2-step login."
severity = "high"
"""


@pytest.fixture
def good_text() -> str:
    return GOOD


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    """write("name.toml", text) -> Path in a fresh folder."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write
