"""How answers become findings, and how those reach every report format."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from privaudit.checklists.audit import ChecklistContext
from privaudit.checklists.loader import validate_bytes
from privaudit.checklists.model import Answer, AnswerBook, Recorded
from privaudit.checks.checklist import CHECKLIST_CHECKS, ChecklistCheck
from privaudit.context import AuditContext
from privaudit.model import Severity, Status
from privaudit.render import RenderOptions, get_renderer
from privaudit.runner import run_audit
from tests.checklists.conftest import GOOD

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _google() -> ChecklistCheck:
    cls = next(c for c in CHECKLIST_CHECKS if c.checklist.id == "google")
    return cls()


def _ctx(book: AnswerBook, scope: frozenset[str] = frozenset({"google"})) -> AuditContext:
    return AuditContext(
        clock=lambda: NOW,
        checklists=ChecklistContext(answers=book, scope=scope, stale_after=timedelta(days=180)),
    )


def _book(*entries: tuple[str, Answer, int]) -> AnswerBook:
    book = AnswerBook()
    for item, answer, age in entries:
        book = book.with_answer("google", item, Recorded(answer, NOW - timedelta(days=age)))
    return book


def test_answers_map_to_statuses() -> None:
    check = _google()
    book = _book(
        ("two-step", Answer.YES, 1),
        ("recovery-info", Answer.NO, 1),
        ("devices", Answer.UNSURE, 1),
        ("third-party-apps", Answer.NOT_APPLICABLE, 1),
        ("gmail-forwarding", Answer.YES, 181),
    )
    found = {f.details["item"]: f for f in check.run(_ctx(book))}
    assert len(found) == len(check.checklist.items)
    assert found["two-step"].status is Status.PASS
    assert found["recovery-info"].status is Status.FAIL
    assert found["recovery-info"].severity is Severity.HIGH
    assert found["devices"].status is Status.WARN
    assert found["third-party-apps"].status is Status.SKIP
    assert found["gmail-forwarding"].status is Status.UNANSWERED
    assert "over 180 days old" in found["gmail-forwarding"].message
    assert found["photos-sharing"].status is Status.UNANSWERED
    # The item's why is in the message, its fix and link in the finding's fix and details.
    devices = found["devices"]
    assert devices.fix is not None
    assert "Settings: https://myaccount.google.com/device-activity" in devices.fix
    assert devices.details["link"] == "https://myaccount.google.com/device-activity"
    assert "Old phones" in devices.message


def test_unanswered_never_counts_as_a_pass() -> None:
    check = _google()
    report = run_audit([check], _ctx(AnswerBook()))
    assert {f.status for f in report.findings} == {Status.UNANSWERED}
    assert report.score.value is None
    assert report.score.unanswered == len(check.checklist.items)


def test_out_of_scope_or_no_answers_is_a_skip() -> None:
    check = _google()
    assert [f.status for f in check.run(AuditContext())] == [Status.SKIP]
    assert [f.status for f in check.run(_ctx(AnswerBook(), frozenset()))] == [Status.SKIP]


def test_language_falls_back_to_english() -> None:
    general = next(c for c in CHECKLIST_CHECKS if c.checklist.id == "general")()
    ctx = AuditContext(
        clock=lambda: NOW,
        checklists=ChecklistContext(scope=frozenset({"general"}), lang="es"),
    )
    first = next(iter(general.run(ctx)))
    assert first.message.startswith("¿Usas un gestor de contraseñas")
    google = _google()
    ctx = AuditContext(
        clock=lambda: NOW, checklists=ChecklistContext(scope=frozenset({"google"}), lang="es")
    )
    assert next(iter(google.run(ctx))).message.startswith("¿Tu Cuenta de Google te pide")
    # A trainer's checklist with Spanish for one item only: the other stays English.
    own, _ = validate_bytes(GOOD.encode(), "acme.toml", "acme.toml")
    assert own is not None
    ctx = AuditContext(
        clock=lambda: NOW, checklists=ChecklistContext(scope=frozenset({"acme"}), lang="es")
    )
    first, second = (f.message for f in ChecklistCheck(own).run(ctx))
    assert first.startswith("Do you get an alert")
    assert second.startswith("¿Tienes activado el inicio de sesión en dos pasos?")


def test_why_fix_and_link_reach_every_format() -> None:
    book = _book(("devices", Answer.NO, 1))
    report = run_audit([_google()], _ctx(book))
    options = RenderOptions(width=100, color=False)
    for fmt in ("terminal", "markdown", "json"):
        text = " ".join(get_renderer(fmt)(report, options).split())
        assert "myaccount.google.com/device-activity" in text, fmt
        assert "Old phones and shared computers" in text, fmt
        assert "Manage all devices" in text, fmt
    data = json.loads(get_renderer("json")(report, options))
    devices = next(f for f in data["findings"] if f["details"]["item"] == "devices")
    assert devices["status"] == "fail"
    assert devices["severity"] == "medium"


def test_multi_line_fixes_stay_inside_their_markdown_list_item() -> None:
    book = _book(("devices", Answer.NO, 1), ("gmail-forwarding", Answer.UNSURE, 1))
    report = run_audit([_google()], _ctx(book))
    text = get_renderer("markdown")(report, RenderOptions(width=100, color=False))
    assert "    - 2\\. Open each device" in text
    for line in text.splitlines():
        assert not line[:1].isdigit(), line
