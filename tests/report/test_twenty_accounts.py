"""Done-when of the report: 20 accounts over three exports, read as a person would."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from privaudit.checklists.model import Answer, AnswerBook, Recorded
from privaudit.store.answers import save_answers
from tests.conftest import run_privaudit
from tests.report.twenty import KDBX_PASSWORD, TOTAL_ACCOUNTS, make_case

pytestmark = pytest.mark.slow


def _audit(folder: Path, *extra: str) -> tuple[int, str, str]:
    case = make_case(folder)
    save_answers(AnswerBook({("google", "two-step"): Recorded(Answer.YES, datetime.now(UTC))}))
    result = run_privaudit(
        "audit",
        "--accounts",
        str(case["bitwarden"]),
        "--accounts",
        str(case["chrome"]),
        "--accounts",
        str(case["keepass"]),
        "--kdbx-password-stdin",
        "--offline",
        "--pwned-corpus",
        str(case["corpus"]),
        "--no-input",
        *extra,
        stdin=(KDBX_PASSWORD + "\n").encode(),
        env={"COLUMNS": "100"},
    )
    return result.code, result.out, result.err


def test_json_counts_twenty_accounts_no_copy_reuse_no_contradiction(tmp_path: Path) -> None:
    code, out, err = _audit(tmp_path / "case", "--format", "json")
    assert code in (0, 1), err
    doc = json.loads(out)
    assert doc["inputs"]["accounts"] == TOTAL_ACCOUNTS
    findings = doc["findings"]
    reuse = {f["subject"]: f for f in findings if f["check_id"] == "PW102"}
    assert reuse["Reddit (sam_r)"]["status"] == "pass"
    assert reuse["Wikipedia (SamW)"]["status"] == "pass"
    # Only the three accounts that really share one password are reuse.
    assert sorted(s for s, f in reuse.items() if f["status"] == "fail") == [
        "Dropbox (sam@example.com)",
        "Gmail (sam@example.com)",
        "Instagram (sam.photos)",
    ]
    (stale,) = [f for f in findings if f["check_id"] == "PW104" and f["status"] == "fail"]
    assert stale["subject"] == "GitHub (samdev)"
    assert "chrome.csv still holds an older password" in stale["message"]
    # Google's 2-step "yes" is one truth: MFA101 passes and no checklist item says otherwise.
    gmail = next(
        f for f in findings if f["check_id"] == "MFA101" and f["subject"].startswith("Gmail")
    )
    assert gmail["status"] == "pass"
    two_step = next(
        f for f in findings if f["check_id"] == "CL110" and f["details"].get("item") == "two-step"
    )
    assert two_step["status"] == "skip"
    facebook = next(
        f for f in findings if f["check_id"] == "MFA101" and f["subject"].startswith("Facebook")
    )
    assert facebook["status"] == "pass"
    plan = doc["plan"]
    assert 1 <= len(plan) <= 5
    assert set(plan[0]) == {"title", "why", "accounts", "check_ids", "effort_minutes"}
    assert doc["score"]["coverage"]["passwords"] == {"checked": 20, "total": 20}
    assert doc["score"]["grade"] is not None


def test_terminal_report_fits_80_lines_at_100_columns(tmp_path: Path) -> None:
    code, out, err = _audit(tmp_path / "case")
    assert code in (0, 1), err
    lines = out.splitlines()
    assert len(lines) <= 80, "\n".join(lines)
    assert "20 accounts audited" in out
    assert lines.index("FIX FIRST") < 20  # the plan comes before everything else
    assert all(len(line) <= 100 for line in lines if "://" not in line)
    assert "…" not in out  # nothing cut
