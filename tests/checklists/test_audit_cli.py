"""Checklists in `privaudit audit`, `demo` and `checklist list|run` without a terminal."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from privaudit.checklists.model import Answer, AnswerBook, Recorded
from privaudit.store.answers import answers_path, load_answers, save_answers
from tests.conftest import run_privaudit

ROOT = Path(__file__).resolve().parents[2]
VAULT = ROOT / "privaudit" / "demo" / "vault.json"


def _config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "profile.toml"
    path.write_text(body, encoding="utf-8")
    return path


def _checklist_findings(out: str, check_id: str) -> list[dict]:  # type: ignore[type-arg]
    return [f for f in json.loads(out)["findings"] if f["check_id"] == check_id]


def test_no_input_audit_reports_unanswered_and_never_prompts(tmp_path: Path) -> None:
    config = _config(tmp_path, '[checklists]\nplatforms = ["general", "signal"]\n')
    result = run_privaudit(
        "audit", "--config", str(config), "--no-input", "--offline", "--format", "json"
    )
    assert result.code == 0, result.err
    report = json.loads(result.out)
    general = _checklist_findings(result.out, "CL101")
    assert len(general) == 12
    assert {f["status"] for f in general} == {"unanswered"}
    assert len(_checklist_findings(result.out, "CL122")) == 8
    assert report["score"]["unanswered"] >= 20
    assert "?" not in result.err  # no question was asked
    assert not answers_path().exists()


def test_answered_items_are_scored_and_stale_ones_are_not(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    book = AnswerBook()
    book = book.with_answer("signal", "pin", Recorded(Answer.YES, now - timedelta(days=2)))
    book = book.with_answer("signal", "linked-devices", Recorded(Answer.NO, now))
    book = book.with_answer("signal", "screen-lock", Recorded(Answer.YES, now - timedelta(days=9)))
    save_answers(book)
    # Answered platforms join the audit even when the profile does not name them.
    result = run_privaudit(
        "audit", "--no-input", "--offline", "--format", "json",
        env={"PRIVAUDIT_CHECKLISTS_STALE_AFTER_DAYS": "5"},
    )  # fmt: skip
    assert result.code == 0, result.err
    found = {f["details"]["item"]: f for f in _checklist_findings(result.out, "CL122")}
    assert found["pin"]["status"] == "pass"
    assert found["linked-devices"]["status"] == "fail"
    assert found["linked-devices"]["severity"] == "high"
    assert found["screen-lock"]["status"] == "unanswered"
    category = next(
        c for c in json.loads(result.out)["score"]["categories"] if c["category"] == "platform"
    )
    assert category["value"] == 50  # pin (8) passes, linked-devices (8) fails; the rest not scored


def test_platforms_found_among_imported_accounts_join_the_audit() -> None:
    result = run_privaudit(
        "audit", "--accounts", str(VAULT), "--no-input", "--offline", "--format", "json"
    )
    assert result.code in (0, 1), result.err
    ids = {f["check_id"] for f in json.loads(result.out)["findings"]}
    assert {"CL110", "CL114", "CL125"} <= ids  # Gmail, Instagram, Patreon
    assert "CL117" not in ids


def test_demo_uses_its_own_answers_and_never_touches_the_users(tmp_path: Path) -> None:
    path = answers_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not json")  # reading it would be an error
    result = run_privaudit("demo", "--format", "json")
    assert result.code == 0, result.err
    statuses = {f["details"]["item"]: f["status"] for f in _checklist_findings(result.out, "CL114")}
    # The 2-step answer joins Instagram's one 2FA status (MFA101), not a second verdict.
    assert statuses["two-factor"] == "skip"
    mfa = next(
        f
        for f in json.loads(result.out)["findings"]
        if f["check_id"] == "MFA101" and f["subject"].startswith("Instagram")
    )
    assert mfa["status"] == "pass"
    assert "checklist instagram two-factor: yes" in mfa["details"]["evidence"]
    assert statuses["private-account"] == "fail"
    assert statuses["message-requests"] == "warn"
    assert statuses["contact-syncing"] == "skip"
    assert statuses["where-logged-in"] == "unanswered"  # stale
    assert path.read_bytes() == b"this is not json"


def test_own_checklist_folder_from_config(tmp_path: Path, good_text: str) -> None:
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "acme.toml").write_text(good_text, encoding="utf-8")
    config = _config(tmp_path, '[checklists]\nchecklist_dir = "lists"\nplatforms = ["acme"]\n')
    result = run_privaudit(
        "audit", "--config", str(config), "--no-input", "--offline", "--format", "json"
    )
    assert result.code == 0, result.err
    assert len(_checklist_findings(result.out, "ACME101")) == 2
    listed = run_privaudit("checklist", "list", "--config", str(config), "--format", "json")
    assert any(r["platform"] == "acme" for r in json.loads(listed.out))


def test_bad_checklist_settings_are_one_line_errors(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for body, expected in (
        ('[checklists]\nplatfroms = ["google"]\n', "unknown key 'checklists.platfroms'"),
        ('[checklists]\nplatforms = ["gogle"]\n', "no checklist 'gogle'"),
        ("[checklists]\nstale_after_days = 0\n", "'checklists.stale_after_days' must be"),
        ('[checklists]\nchecklist_dir = "missing"\n', "checklist folder not found"),
    ):
        config = _config(tmp_path, body)
        result = cli("audit", "--config", str(config), "--no-input", "--offline")
        assert result.code == 2, body
        assert expected in result.err
        assert "Traceback" not in result.err


def test_checklist_run_needs_a_terminal(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("checklist", "run", "general")
    assert result.code == 2
    assert "needs a terminal" in result.err
    assert not answers_path().exists()


def test_a_misspelt_platform_suggests_the_nearest(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("checklist", "run", "instgram")
    assert result.code == 2
    assert "no checklist 'instgram'; did you mean 'instagram'?" in result.err
    assert len(result.err.strip().splitlines()) == 1
    far = cli("checklist", "run", "zzzzqqq")
    assert far.code == 2
    assert "did you mean" not in far.err


def test_checklist_list_counts_answered_and_stale(cli, write, good_text) -> None:  # type: ignore[no-untyped-def]
    now = datetime.now(UTC).replace(microsecond=0)
    book = AnswerBook().with_answer("x", "two-factor", Recorded(Answer.YES, now))
    book = book.with_answer("x", "location", Recorded(Answer.NO, now - timedelta(days=400)))
    save_answers(book)
    result = cli("checklist", "list", "--format", "json")
    assert result.code == 0
    row = next(r for r in json.loads(result.out) if r["platform"] == "x")
    assert (row["items"], row["answered"], row["stale"]) == (9, 1, 1)
    own = write("acme.toml", good_text).parent
    spanish = cli("checklist", "list", "--lang", "es", "--format", "json", "--checklist-dir", own)
    names = {r["platform"]: r["name"] for r in json.loads(spanish.out)}
    assert names["device"] == "Teléfono y computadora"
    assert names["google"] == "Cuenta de Google"
    assert names["acme"] == "ACME intranet"  # not translated: falls back to English
    assert load_answers() == book
