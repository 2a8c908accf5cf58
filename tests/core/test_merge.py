"""One account per login across sources; one 2FA status per account from every fact."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime, timedelta

import pytest

from privaudit.accounts import Account, MfaMethod
from privaudit.checklists.audit import ChecklistContext
from privaudit.checklists.loader import builtin_checklists
from privaudit.checklists.model import Answer, AnswerBook, Checklist, Recorded
from privaudit.checks.checklist import ChecklistCheck
from privaudit.checks.mfa import MissingMfa
from privaudit.checks.passwords import ReusedPassword, StalePasswordCopy
from privaudit.context import AuditContext
from privaudit.merge import LOGIN_2FA_TAG, default_site_of, merge_logins, mfa_status
from privaudit.model import Status
from privaudit.secret import Secret, TotpSeed

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
SITE_OF = default_site_of()
S160 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def _login(url: str, user: str, password: str, source: str, **kw: object) -> Account:
    return Account(
        label=url.rsplit("//", maxsplit=1)[-1],
        urls=(url,),
        username=user,
        password=Secret(password),
        source=source,
        **kw,  # type: ignore[arg-type]
    )


def test_one_login_in_two_sources_is_one_account_and_not_reuse() -> None:
    accounts = merge_logins(
        [
            _login("https://www.reddit.com/login", "sam", "same-Secret-1", "vault.json"),
            _login("https://old.reddit.com", "Sam", "same-Secret-1", "chrome.csv"),
            _login("https://github.com", "sam", "other-Secret-2", "chrome.csv"),
        ],
        SITE_OF,
    )
    assert len(accounts) == 2
    reddit = accounts[0]
    assert reddit.sources == ("vault.json", "chrome.csv")
    assert reddit.stale_copies == ()
    reuse = list(ReusedPassword().run(AuditContext(accounts=tuple(accounts))))
    assert all(f.status is Status.PASS for f in reuse)
    (copy,) = StalePasswordCopy().run(AuditContext(accounts=tuple(accounts)))
    assert copy.status is Status.PASS


def test_an_older_password_elsewhere_is_one_finding_naming_where() -> None:
    newer = datetime(2026, 5, 1, tzinfo=UTC)
    accounts = merge_logins(
        [
            _login("https://chrome.example/x", "u", "x", "other.csv"),
            _login("https://www.reddit.com", "sam", "Old-password-1", "chrome.csv"),
            _login("https://reddit.com", "sam", "New-password-2", "vault.json", modified=newer),
        ],
        SITE_OF,
    )
    reddit = accounts[1]
    assert reddit.password is not None and reddit.password.same_as(Secret("New-password-2"))
    assert reddit.stale_copies == ("chrome.csv",)
    (finding,) = StalePasswordCopy().run(AuditContext(accounts=tuple(accounts)))
    assert finding.status is Status.FAIL
    assert "chrome.csv still holds an older password for" in finding.message
    assert "keep the one in vault.json" in finding.message
    assert "password-1" not in finding.message


def test_different_usernames_or_sites_stay_apart() -> None:
    accounts = merge_logins(
        [
            _login("https://reddit.com", "sam", "a", "one"),
            _login("https://reddit.com", "alex", "a", "two"),
            _login("https://reddit.co.uk", "sam", "a", "two"),
            _login("https://a.github.io", "sam", "a", "two"),
            _login("https://b.github.io", "sam", "a", "two"),
        ],
        SITE_OF,
    )
    assert len(accounts) == 5


def test_merged_account_keeps_every_2fa_fact() -> None:
    (account,) = merge_logins(
        [
            _login("https://github.com", "sam", "p", "vault.json", totp=TotpSeed(S160)),
            _login("https://github.com", "sam", "p", "chrome.csv"),
        ],
        SITE_OF,
    )
    assert account.totp is not None
    assert mfa_status(account, None, NOW).on is True


# --- checklist answers and MFA101 agree -----------------------------------------------

_ASKS_2STEP = re.compile(r"2-step|two-step|two-factor|2fa", re.IGNORECASE)
# Items that ask about 2-step login for more than one account, so none can speak for one.
_SEVERAL_ACCOUNTS = {("creator-platforms", "two-factor"), ("creator-platforms", "payout-account")}


def _two_step_items() -> list[tuple[Checklist, str]]:
    out = []
    for checklist in builtin_checklists():
        for item in checklist.items:
            if _ASKS_2STEP.search(item.question.en) and "backup codes" not in item.question.en:
                out.append((checklist, item.id))
    return out


def test_every_single_platform_2step_question_is_tagged() -> None:
    items = _two_step_items()
    assert len(items) >= 14
    for checklist, item_id in items:
        tagged = LOGIN_2FA_TAG in checklist.item(item_id).tags
        if not checklist.domains or (checklist.id, item_id) in _SEVERAL_ACCOUNTS:
            assert not tagged, (checklist.id, item_id)
        else:
            assert tagged, f"{checklist.id}/{item_id} asks about 2-step login: tag it"


@pytest.mark.parametrize(
    ("checklist", "item_id"),
    [(c, i) for c, i in _two_step_items() if LOGIN_2FA_TAG in c.item(i).tags],
    ids=lambda v: v if isinstance(v, str) else v.id,
)
@pytest.mark.parametrize("answer", [Answer.YES, Answer.NO, None])
def test_checklist_answer_and_mfa101_never_disagree(
    checklist: Checklist, item_id: str, answer: Answer | None
) -> None:
    account = Account(
        label=checklist.name.en,
        urls=(f"https://www.{checklist.domains[0]}/",),
        username="sam",
        password=Secret("Long-unique-passphrase-1"),
    )
    answers = AnswerBook(
        {(checklist.id, item_id): Recorded(answer, NOW - timedelta(days=1))} if answer else {}
    )
    state = ChecklistContext(
        answers=answers, scope=frozenset({checklist.id}), checklists=(checklist,)
    )
    ctx = AuditContext(accounts=(account,), checklists=state, clock=lambda: NOW)
    (mfa,) = MissingMfa().run(ctx)
    item_findings = [
        f for f in ChecklistCheck(checklist).run(ctx) if f.details.get("item") == item_id
    ]
    (item_finding,) = item_findings
    # One place reports it: the checklist item defers to the account's 2FA status.
    assert item_finding.status is Status.SKIP
    assert "MFA101" in item_finding.message
    if answer is Answer.YES:
        assert mfa.status is Status.PASS
    else:
        assert mfa.status is not Status.PASS
    if answer is not None:
        assert f"checklist {checklist.id} {item_id}: {answer.value}" in str(mfa.details["evidence"])


def test_conflicting_facts_are_a_warning_not_a_pass() -> None:
    (google,) = [c for c in builtin_checklists() if c.id == "google"]
    account = Account(
        label="Gmail",
        urls=("https://mail.google.com",),
        username="sam",
        password=Secret("x" * 20),
        mfa=frozenset({MfaMethod.NONE}),
    )
    answers = AnswerBook({("google", "two-step"): Recorded(Answer.YES, NOW)})
    state = ChecklistContext(answers=answers, scope=frozenset({"google"}), checklists=(google,))
    status = mfa_status(account, state, NOW)
    assert status.on is None and status.conflict
    (finding,) = MissingMfa().run(
        AuditContext(accounts=(account,), checklists=state, clock=lambda: NOW)
    )
    assert finding.status is Status.WARN


def test_a_checklist_without_an_audited_account_still_asks() -> None:
    (google,) = [c for c in builtin_checklists() if c.id == "google"]
    state = ChecklistContext(scope=frozenset({"google"}), checklists=(google,))
    ctx = AuditContext(accounts=(), checklists=state, clock=lambda: NOW)
    found = {f.details["item"]: f.status for f in ChecklistCheck(google).run(ctx)}
    assert found["two-step"] is Status.UNANSWERED


def test_an_app_login_merges_with_the_web_login_of_its_service() -> None:
    # Chrome names an app login by its package; Bitwarden keeps the web login.
    app = _login("android://AbC123xyz==@com.instagram.android/", "maria.draws", "Gat#19", "c.csv")
    web = _login("https://www.instagram.com/", "maria.draws", "Gat#19", "bw.json")
    named = Account(
        label="Instagram",
        urls=(web.urls[0],),
        username="maria.draws",
        password=Secret("Gat#19"),
        source="bw.json",
    )
    for first, second in ((app, named), (named, app)):
        (one,) = merge_logins([first, second], SITE_OF)
        assert one.label == "Instagram"
        assert set(one.sources) == {"c.csv", "bw.json"}
        assert "android://AbC123xyz==@com.instagram.android/" in one.urls
    # Another username on the same service is another login, named after the service.
    other = dataclasses.replace(app, username="maria.shop")
    accounts = merge_logins([named, other], SITE_OF)
    assert [a.subject for a in accounts] == [
        "Instagram (maria.draws)",
        "Instagram (app) (maria.shop)",
    ]
    reuse = list(
        ReusedPassword().run(AuditContext(accounts=tuple(merge_logins([web, app], SITE_OF))))
    )
    assert [f.status for f in reuse] == [Status.PASS]


def test_an_app_login_alone_is_named_after_its_service_not_its_package() -> None:
    alone = [
        _login("android://h==@com.instagram.android/", "m", "p1", "c.csv"),
        _login("iosapp://com.burbn.instagram", "n", "p2", "bw.json"),
        _login("androidapp://com.unknownshop.app", "o", "p3", "bw.json"),
    ]
    labels = [a.label for a in merge_logins(alone, SITE_OF)]
    assert labels == ["Instagram (app)", "Instagram (app)", "Unknownshop (app)"]
    # A name the user gave the item is kept.
    kept = Account(label="My drawing app", urls=("androidapp://com.example.draw",), source="bw")
    assert merge_logins([kept], SITE_OF)[0].label == "My drawing app"
