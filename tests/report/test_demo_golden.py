"""The demo as a new user first sees it: terminal at 100 columns and HTML, in golden files.

Review a diff of tests/golden/demo.* like code: it is the product's first impression.
"""

from __future__ import annotations

import re

import pytest


def test_demo_terminal_golden(cli, golden, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "100")
    result = cli("demo")
    assert result.code in (0, 1), result.err
    golden("demo.terminal.txt", result.out)


def test_demo_html_golden(cli, golden) -> None:  # type: ignore[no-untyped-def]
    result = cli("demo", "--format", "html")
    assert result.code in (0, 1), result.err
    # The audit's time, and the demo's stale answer dated relative to it, change daily.
    stable = re.sub(r"Audit of \d{4}-\d\d-\d\d \d\d:\d\d UTC", "Audit of (time) UTC", result.out)
    stable = re.sub(r"answer from \d{4}-\d\d-\d\d", "answer from (date)", stable)
    golden("demo.html", stable)
