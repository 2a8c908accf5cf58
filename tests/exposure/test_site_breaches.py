"""EXP101 and the breach catalogue: dates, bounds, flags, and the fix's link and rules."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from privaudit.accounts import Account
from privaudit.checks.exposure import SiteBreachedSincePassword
from privaudit.context import AuditContext
from privaudit.exposure import Exposure
from privaudit.exposure.breaches import (
    BreachCatalogue,
    breach_record,
    load_builtin,
    parse_breach,
    parse_breaches,
)
from privaudit.model import Finding, Severity, Status
from privaudit.secret import Secret
from privaudit.tfa.dataset import DatasetError
from privaudit.tfa.dataset import load_builtin as tfa_builtin
from privaudit.tfa.match import Directory
from tests.exposure.conftest import snapshot_breaches

DIRECTORY = Directory(tfa_builtin())


def when(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def record(**changes: Any) -> dict[str, Any]:
    base = next(r for r in snapshot_breaches() if r["Name"] == "Adobe")
    return {**base, **changes}


def run(*accounts: Account, breaches: list[dict[str, Any]] | None = None) -> list[Finding]:
    exposure = Exposure()
    if breaches is not None:
        parsed = [b for b in map(parse_breach, breaches) if b is not None]
        exposure = Exposure(breaches=BreachCatalogue(parsed, label="test catalogue"))
    ctx = AuditContext(accounts=accounts, tfa=DIRECTORY, exposure=exposure)
    return list(SiteBreachedSincePassword().run(ctx))


def adobe(**fields: Any) -> Account:
    return Account(
        label="Adobe",
        urls=("https://account.adobe.com/",),
        username="sam@example.com",
        password=Secret("x"),
        **fields,
    )


def test_the_builtin_snapshot_is_real_hibp_records() -> None:
    catalogue = load_builtin()
    names = {b.name for b in catalogue.breaches}
    assert {"Adobe", "LinkedIn", "Dropbox"} <= names
    adobe_breach = next(b for b in catalogue.breaches if b.name == "Adobe")
    assert adobe_breach.breach_date.isoformat() == "2013-10-04"
    assert adobe_breach.exposed_passwords


def test_password_set_before_the_breach_fails_with_the_date_and_a_link() -> None:
    (finding,) = run(adobe(password_changed=when("2012-01-05")))
    assert finding.status is Status.FAIL
    assert finding.message == (
        "Adobe was breached on 2013-10-04, after your password was last set on 2012-01-05:"
        " change it"
    )
    assert finding.fix is not None and "Change it here: https://" in finding.fix
    assert finding.details["breach"] == "Adobe"


def test_password_set_after_the_breach_passes() -> None:
    (finding,) = run(adobe(password_changed=when("2014-02-01")))
    assert finding.status is Status.PASS
    assert "after the Adobe breach" in finding.message


def test_unknown_password_date_warns_and_says_what_to_check() -> None:
    (finding,) = run(adobe())
    assert finding.status is Status.WARN
    assert "does not say when this password was last set" in finding.message


def test_an_item_untouched_since_before_the_breach_fails_without_a_password_date() -> None:
    (finding,) = run(adobe(modified=when("2013-05-01")))
    assert finding.status is Status.FAIL
    assert "this login was last changed on 2013-05-01" in finding.message


def test_creation_after_the_breach_is_not_a_password_date() -> None:
    # An item imported into a new manager is "created" on import: its password may be older.
    (finding,) = run(adobe(created=when("2020-01-01"), modified=when("2020-01-01")))
    assert finding.status is Status.WARN


def test_a_vague_breach_date_counts_from_when_it_was_made_public() -> None:
    breaches = [record(BreachDate="2012-07-01", AddedDate="2016-08-31T00:19:19Z")]
    assert run(adobe(password_changed=when("2014-01-01")), breaches=breaches)[0].status is (
        Status.FAIL
    )
    assert run(adobe(password_changed=when("2016-09-05")), breaches=breaches)[0].status is (
        Status.PASS
    )


@pytest.mark.parametrize("flag", ["IsSpamList", "IsFabricated", "IsMalware", "IsStealerLog"])
def test_records_about_something_other_than_the_site_are_ignored(flag: str) -> None:
    (finding,) = run(adobe(password_changed=when("2012-01-01")), breaches=[record(**{flag: True})])
    assert finding.status is Status.PASS
    assert finding.severity is Severity.INFO  # the unscored "no breach known" line


def test_retired_breaches_still_count_and_sensitive_ones_say_so() -> None:
    account = adobe(password_changed=when("2012-01-01"))
    assert run(account, breaches=[record(IsRetired=True)])[0].status is Status.FAIL
    (finding,) = run(account, breaches=[record(IsSensitive=True)])
    assert finding.status is Status.FAIL and "sensitive" in finding.message


def test_unverified_or_passwordless_breaches_warn() -> None:
    account = adobe(password_changed=when("2012-01-01"))
    (unverified,) = run(account, breaches=[record(IsVerified=False)])
    assert unverified.status is Status.WARN and "not verified" in unverified.message
    (no_passwords,) = run(account, breaches=[record(DataClasses=["Email addresses", "Names"])])
    assert no_passwords.status is Status.WARN and no_passwords.severity is Severity.LOW
    assert "no passwords" in no_passwords.message


def test_sites_match_by_registrable_domain_only() -> None:
    lookalike = Account(label="Not Adobe", urls=("https://adobe.com.example.net",))
    (finding,) = run(lookalike)
    assert finding.status is Status.PASS and finding.subject == "Site breaches"


def test_naive_dates_from_an_importer_compare_as_utc() -> None:
    naive = datetime(2012, 1, 1)  # what some libraries hand back
    assert run(adobe(password_changed=naive))[0].status is Status.FAIL


def test_a_catalogue_that_is_not_one_is_refused() -> None:
    with pytest.raises(DatasetError):
        parse_breaches({"not": "a list"}, where="test")
    with pytest.raises(DatasetError, match="malformed"):
        parse_breaches([record(), {"Name": "x"}, {"BreachDate": "no"}], where="test")
    with pytest.raises(DatasetError, match="only 1 usable"):
        parse_breaches([record()], where="test", min_entries=300)


def test_a_breach_survives_the_cache_round_trip() -> None:
    breach = parse_breach(record(IsSensitive=True))
    assert breach is not None
    assert parse_breach(breach_record(breach)) == breach
