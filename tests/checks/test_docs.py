"""Docs that users and plugin authors rely on stay in step with the code."""

from __future__ import annotations

import re
from pathlib import Path

from privaudit.registry import builtin_checks

ROOT = Path(__file__).resolve().parents[2]


def test_every_builtin_check_has_a_section_in_checks_md() -> None:
    text = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^## ([A-Z]+[0-9]+) ([a-z0-9-]+)$", text, re.MULTILINE))
    missing = [
        f"{c.meta.id} {c.meta.name}"
        for c in builtin_checks()
        if (c.meta.id, c.meta.name) not in headings
    ]
    assert not missing, f"docs/checks.md lacks a '## ID name' section for: {missing}"
