"""The where-to-report table: well-formed, sourced, dated, and the one the
leak-readiness checklist sends people to."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from privaudit.incidents import platforms

ROOT = Path(__file__).resolve().parents[2]


def test_every_platform_has_a_report_link_a_how_and_sources() -> None:
    rows, reviewed = platforms.load()
    assert isinstance(reviewed, date)
    assert len({p.id for p in rows}) == len(rows)
    for p in rows:
        assert p.report.startswith(("https://", "mailto:")), p.id
        assert p.how and p.sources, p.id
        assert all(s.startswith("https://") for s in p.sources), p.id


def test_platform_lookup_by_id_or_name() -> None:
    assert platforms.find("Instagram") == platforms.find("instagram")
    assert platforms.find("x") == platforms.find("X (Twitter)")
    assert platforms.find("nowhere") is None


def test_export_for_a_platform_without_incidents_still_says_where_to_report(cli) -> None:
    doc = json.loads(cli("incident", "export", "--format", "json", "--platform", "tiktok").out)
    assert doc["entries"] == []
    [row] = doc["where_to_report"]
    assert row["platform"] == "TikTok" and row["report"].startswith("https://")


def test_the_leak_readiness_checklist_points_to_the_same_table() -> None:
    text = (ROOT / "privaudit" / "checklists" / "leak-readiness.toml").read_text("utf-8")
    assert "privaudit incident export --platform" in text
