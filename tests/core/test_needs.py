"""Every Need a check declares is enforced by the runner, with a reason."""

from __future__ import annotations

from privaudit.accounts import Account
from privaudit.check import check
from privaudit.checklists.model import ChecklistContext
from privaudit.context import AuditContext
from privaudit.model import CheckMeta, Need, Severity, Status
from privaudit.runner import run_audit
from privaudit.secret import Secret


def needing(*needs: Need) -> object:
    meta = CheckMeta(
        id="ORG901",
        name="needs-probe",
        category="device",
        severity=Severity.LOW,
        title="Needs probe",
        why="w",
        fix="f",
        needs=frozenset(needs),
    )

    @check(meta)
    def run(ctx: AuditContext) -> list[object]:
        return [meta.finding(Status.PASS, "probe", "ran")]

    return run


def status_and_message(probe: object, ctx: AuditContext) -> tuple[Status, str]:
    (finding,) = run_audit([probe], ctx).findings  # type: ignore[list-item]
    return finding.status, finding.message


def test_network_is_skipped_offline_and_runs_online() -> None:
    probe = needing(Need.NETWORK)
    status, message = status_and_message(probe, AuditContext(offline=True))
    assert status is Status.SKIP
    assert "offline" in message
    assert status_and_message(probe, AuditContext(offline=False))[0] is Status.PASS


def test_answers_need_a_checklist_context() -> None:
    probe = needing(Need.ANSWERS)
    status, message = status_and_message(probe, AuditContext())
    assert status is Status.SKIP
    assert "checklist" in message
    ctx = AuditContext(checklists=ChecklistContext())
    assert status_and_message(probe, ctx)[0] is Status.PASS


def test_accounts_and_passwords_come_first_in_need_order() -> None:
    probe = needing(Need.PASSWORDS, Need.NETWORK, Need.ACCOUNTS)
    status, message = status_and_message(probe, AuditContext(offline=True))
    assert status is Status.SKIP
    assert message.startswith("no accounts to check")
    account = Account(label="Mail", password=Secret("x"))
    status, message = status_and_message(probe, AuditContext(accounts=(account,), offline=True))
    assert "offline" in message
