"""The general checklist's "2-step login on your main email" joins that account's one
2FA status (issue 11 point 1), so the report never says both on and off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from privaudit.accounts import Account, MfaMethod
from privaudit.checklists.audit import ChecklistContext
from privaudit.checklists.loader import builtin_checklists
from privaudit.checklists.model import Answer, AnswerBook, Recorded
from privaudit.checks.checklist import ChecklistCheck
from privaudit.checks.mfa import MissingMfa
from privaudit.context import AuditContext
from privaudit.merge import EMAIL_2FA_TAG
from privaudit.model import Finding, Status
from privaudit.secret import Secret
from privaudit.tfa.dataset import load_builtin
from privaudit.tfa.email import main_email
from privaudit.tfa.match import Directory

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
GENERAL = next(c for c in builtin_checklists() if c.id == "general")
EMAIL_ITEMS = [i.id for i in GENERAL.items if EMAIL_2FA_TAG in i.tags]
DIRECTORY = Directory(load_builtin())


def _account(label: str, url: str, user: str, **kw: object) -> Account:
    return Account(
        label=label,
        urls=(url,),
        username=user,
        password=Secret("Long-unique-pass-1"),
        **kw,  # type: ignore[arg-type]
    )


GMAIL = _account("Gmail", "https://mail.google.com", "maria@example.com")
OUTLOOK = _account("Outlook", "https://login.live.com", "maria_l@example.net")
WORK = _account("Work email", "https://mail.example-agency.com", "m@agency.example")
USERS = [
    _account("Shop", "https://shop.example.org", "maria@example.com"),
    _account("Bank", "https://bank.example.org", "maria@example.com"),
    _account("Chat", "https://chat.example.org", "m@agency.example"),
]


def test_the_general_checklist_has_one_main_email_item() -> None:
    assert EMAIL_ITEMS == ["email-two-step"]


def test_main_email_is_the_address_most_logins_use() -> None:
    assert main_email([GMAIL, OUTLOOK, WORK, *USERS], DIRECTORY) is GMAIL
    assert main_email([OUTLOOK], DIRECTORY) is OUTLOOK  # the only email account
    assert main_email([*USERS], DIRECTORY) is None  # no email account at all
    # Two addresses used equally, or none used: unclear, so no account is chosen.
    assert main_email([GMAIL, WORK, USERS[0], USERS[2]], DIRECTORY) is None
    assert main_email([GMAIL, OUTLOOK], DIRECTORY) is None


def _run(accounts: list[Account], answer: Answer | None) -> tuple[list[Finding], Finding]:
    answers = AnswerBook(
        {("general", "email-two-step"): Recorded(answer, NOW - timedelta(days=1))} if answer else {}
    )
    email = main_email(accounts, DIRECTORY)
    state = ChecklistContext(
        answers=answers,
        scope=frozenset({"general"}),
        checklists=(GENERAL,),
        main_email=frozenset({email.subject}) if email else frozenset(),
    )
    ctx = AuditContext(accounts=tuple(accounts), checklists=state, clock=lambda: NOW, tfa=DIRECTORY)
    mfa = list(MissingMfa().run(ctx))
    (item,) = [
        f for f in ChecklistCheck(GENERAL).run(ctx) if f.details.get("item") == "email-two-step"
    ]
    return mfa, item


@pytest.mark.parametrize("answer", [Answer.YES, Answer.NO, None])
def test_the_answer_and_mfa101_never_disagree(answer: Answer | None) -> None:
    mfa, item = _run([GMAIL, OUTLOOK, WORK, *USERS], answer)
    by_subject = {f.subject: f for f in mfa}
    gmail = by_subject[GMAIL.subject]
    assert item.status is Status.SKIP and "MFA101" in item.message and "Gmail" in item.message
    if answer is Answer.YES:
        assert gmail.status is Status.PASS
        assert "checklist general email-two-step: yes" in str(gmail.details["evidence"])
    else:
        assert gmail.status is not Status.PASS
    # Only the main email: the answer says nothing about Outlook.
    assert by_subject[OUTLOOK.subject].status is not Status.PASS


def test_a_declaration_that_disagrees_is_a_warning_not_a_pass() -> None:
    declared_off = Account(
        label=GMAIL.label, urls=GMAIL.urls, username=GMAIL.username, mfa=frozenset({MfaMethod.NONE})
    )
    mfa, _ = _run([declared_off, *USERS], Answer.YES)
    (gmail,) = [f for f in mfa if f.subject == GMAIL.subject]
    assert gmail.status is Status.WARN


def test_when_the_main_email_is_unclear_the_answer_stays_a_checklist_answer() -> None:
    mfa, item = _run([GMAIL, OUTLOOK], Answer.YES)
    assert item.status is Status.PASS  # reported by the checklist only...
    assert all(f.status is not Status.PASS for f in mfa)  # ...and passes no account
