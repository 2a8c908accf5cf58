"""The pipeline puts the strength estimator in the context, and PW101 uses it."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Sequence

from privaudit.model import Status
from privaudit.pipeline.audit import AuditIO, open_audit
from privaudit.pipeline.password import PasswordChecker
from privaudit.pipeline.request import AuditRequest, PasswordCheckRequest
from privaudit.pipeline.settings import audit_settings, password_settings
from privaudit.runner import run_audit
from privaudit.strength import Strength


class CountingEstimator:
    """Calls nothing: says every password is strong and counts what it was asked."""

    def __init__(self) -> None:
        self.asked = 0

    def estimate_many(self, items: Sequence[tuple[str, tuple[str, ...]]]) -> list[Strength]:
        self.asked += len(items)
        return [Strength(4, 14.0, "centuries", "", (), len(pw), False) for pw, _ in items]


def test_audit_context_carries_the_strength_estimator_and_pw101_uses_it() -> None:
    request = AuditRequest(demo=True, offline=True, select=("PW101",))
    settings, exports = audit_settings(request)
    with open_audit(request, settings, exports, AuditIO(stdin=io.BytesIO())) as run:
        assert run.context.strength is not None
        assert [c.meta.id for c in run.checks] == ["PW101"]
        spy = CountingEstimator()
        context = dataclasses.replace(run.context, strength=spy)
        report = run_audit(run.checks, context)
    assert spy.asked > 0
    pw101 = [f for f in report.findings if f.check_id == "PW101"]
    assert pw101
    # The demo's weak passwords pass on the spy's word, unless they hold a context word.
    assert any(f.status is Status.PASS for f in pw101)


def test_password_check_uses_the_same_service() -> None:
    request = PasswordCheckRequest(offline=True)
    checker = PasswordChecker(request, password_settings(request))
    assert checker.strength is not None
    spy = CountingEstimator()
    checker.strength = spy
    report = checker.check(["password password password"])
    assert spy.asked == 1
    (pw101,) = [f for f in report.findings if f.check_id == "PW101"]
    assert pw101.status is Status.PASS
