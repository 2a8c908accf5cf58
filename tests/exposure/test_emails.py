"""The breachedaccount client against the loopback server: keys, 401/403, 404, 429 with
retry-after, 503, slow answers, dropped connections, the deadline and the keyed cache."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from privaudit.accounts import Account
from privaudit.checks.emails import EmailInBreaches
from privaudit.context import AuditContext
from privaudit.errors import UsageError
from privaudit.exposure import Exposure
from privaudit.exposure.apikey import find_api_key, key_from_file
from privaudit.exposure.email_cache import EmailCache
from privaudit.exposure.emails import (
    EmailFailure,
    EmailLookup,
    HibpKeyError,
    addresses,
    email_of,
)
from privaudit.model import Status
from privaudit.secret import Secret
from privaudit.tfa.dataset import load_builtin as tfa_builtin
from privaudit.tfa.match import Directory
from tests.exposure.conftest import GOOD_KEY, ExposureServer, Fault, Sleeps

ADDRESS = "sam@example.com"


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=1.0, headers={"User-Agent": "privaudit-test"}) as c:
        yield c


def lookup(
    server: ExposureServer, client: httpx.Client, sleeps: Sleeps, **kw: object
) -> EmailLookup:
    return EmailLookup(
        client,
        Secret(str(kw.pop("key", GOOD_KEY))),
        api_url=server.api,
        clock=sleeps.clock,
        sleep=sleeps.sleep,
        **kw,  # type: ignore[arg-type]
    )


def test_found_not_found_and_what_is_sent(
    exposure_server: ExposureServer, client: httpx.Client, sleeps: Sleeps
) -> None:
    exposure_server.accounts[ADDRESS] = ["Adobe", "LinkedIn"]
    emails = lookup(exposure_server, client, sleeps)
    emails.fetch([ADDRESS, "nobody@example.org", ADDRESS])
    found = emails.results[ADDRESS]
    assert not isinstance(found, EmailFailure)
    assert {b.name for b in found} == {"Adobe", "LinkedIn"}
    assert emails.results["nobody@example.org"] == ()
    paths = [r.path for r in exposure_server.requests]
    assert paths == [
        "/api/v3/breachedaccount/sam@example.com?truncateResponse=false",
        "/api/v3/breachedaccount/nobody@example.org?truncateResponse=false",
    ]  # deduplicated, full records asked for
    headers = dict(exposure_server.requests[0].headers)
    assert headers["hibp-api-key"] == GOOD_KEY
    assert "privaudit" in headers["User-Agent"]


def test_a_rejected_key_stops_with_one_clear_error(
    exposure_server: ExposureServer, client: httpx.Client, sleeps: Sleeps
) -> None:
    with pytest.raises(HibpKeyError, match="HTTP 401") as caught:
        lookup(exposure_server, client, sleeps, key="wrong").fetch([ADDRESS])
    assert "wrong" not in str(caught.value)
    assert caught.value.exit_code == 2
    exposure_server.fail(Fault(status=403))
    with pytest.raises(HibpKeyError, match="HTTP 403"):
        lookup(exposure_server, client, sleeps).fetch([ADDRESS])


def test_429_waits_retry_after_then_asks_again(
    exposure_server: ExposureServer, client: httpx.Client, sleeps: Sleeps
) -> None:
    exposure_server.accounts[ADDRESS] = ["Adobe"]
    exposure_server.fail(Fault(status=429, retry_after="7"), Fault(status=429, retry_after="3"))
    emails = lookup(exposure_server, client, sleeps)
    emails.fetch([ADDRESS])
    assert sleeps.waits == [7.0, 3.0]
    assert not isinstance(emails.results[ADDRESS], EmailFailure)


def test_a_rate_limit_beyond_the_deadline_is_unknown_not_clean(
    exposure_server: ExposureServer, client: httpx.Client, sleeps: Sleeps
) -> None:
    exposure_server.fail(Fault(status=429, retry_after="100"))
    emails = lookup(exposure_server, client, sleeps, deadline=30.0)
    emails.fetch([ADDRESS, "other@example.com"])
    for address in (ADDRESS, "other@example.com"):
        assert isinstance(emails.results[address], EmailFailure)
    assert sleeps.waits == []


@pytest.mark.parametrize(
    "faults",
    [
        [Fault(status=503)] * 3,
        [Fault(drop=True)] * 3,
        [Fault(slow=1.5)] * 3,  # longer than the client's 1 s timeout
    ],
    ids=["503", "dropped", "slow"],
)
def test_failures_are_retried_then_reported_as_unknown(
    exposure_server: ExposureServer,
    client: httpx.Client,
    sleeps: Sleeps,
    faults: list[Fault],
) -> None:
    exposure_server.fail(*faults)
    emails = lookup(exposure_server, client, sleeps)
    emails.fetch([ADDRESS])
    assert isinstance(emails.results[ADDRESS], EmailFailure)
    assert len(exposure_server.account_requests()) == 3  # one try and two retries


def test_one_503_is_retried_and_recovers(
    exposure_server: ExposureServer, client: httpx.Client, sleeps: Sleeps
) -> None:
    exposure_server.fail(Fault(status=503))
    emails = lookup(exposure_server, client, sleeps)
    emails.fetch([ADDRESS])
    assert emails.results[ADDRESS] == ()


def test_the_cache_is_keyed_by_a_keyed_hash_and_never_holds_the_address(
    exposure_server: ExposureServer, client: httpx.Client, sleeps: Sleeps, tmp_path: Path
) -> None:
    exposure_server.accounts[ADDRESS] = ["Adobe"]
    folder = tmp_path / "emails"
    lookup(exposure_server, client, sleeps, cache=EmailCache(folder)).fetch([ADDRESS])
    again = lookup(exposure_server, client, sleeps, cache=EmailCache(folder))
    again.fetch([ADDRESS])
    assert len(exposure_server.account_requests()) == 1  # the second run read the cache
    assert not isinstance(again.results[ADDRESS], EmailFailure)
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert b"sam" not in path.read_bytes() and "sam" not in path.name
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_failures_are_not_cached(
    exposure_server: ExposureServer, client: httpx.Client, sleeps: Sleeps, tmp_path: Path
) -> None:
    exposure_server.fail(*[Fault(status=503)] * 3)
    cache = EmailCache(tmp_path / "emails")
    lookup(exposure_server, client, sleeps, cache=cache).fetch([ADDRESS])
    assert cache.get(ADDRESS) is None


def test_usernames_become_deduplicated_lower_case_addresses() -> None:
    accounts = (
        Account(label="A", username="Sam@Example.com"),
        Account(label="B", username="sam@example.com "),
        Account(label="C", username="sam"),
    )
    found = addresses(accounts)
    assert list(found) == ["sam@example.com"]
    assert [a.label for a in found["sam@example.com"]] == ["A", "B"]
    assert email_of("not an@address") is None


def test_exp102_connects_breaches_to_the_accounts_using_the_address(
    exposure_server: ExposureServer, client: httpx.Client, sleeps: Sleeps
) -> None:
    exposure_server.accounts[ADDRESS] = ["Adobe"]
    emails = lookup(exposure_server, client, sleeps)
    accounts = (
        Account(label="Adobe", urls=("https://www.adobe.com",), username=ADDRESS),
        Account(label="Mail", urls=("https://mail.example.com",), username=ADDRESS),
        Account(label="Other", urls=("https://x.example.net",), username="other@example.net"),
    )
    emails.fetch(addresses(accounts))
    ctx = AuditContext(
        accounts=accounts, tfa=Directory(tfa_builtin()), exposure=Exposure(emails=emails)
    )
    findings = {f.subject: f for f in EmailInBreaches().run(ctx)}
    hit = findings[ADDRESS]
    assert hit.status is Status.FAIL
    assert "Adobe (2013-10-04: email addresses, password hints, passwords" in hit.message
    assert "used by Adobe and Mail" in hit.message or "used by Adobe, Mail" in hit.message
    assert "your account on a breached site: Adobe" in hit.message
    assert findings["other@example.net"].status is Status.PASS


def test_exp102_is_skipped_unless_asked_for() -> None:
    ctx = AuditContext(accounts=(Account(label="A", username=ADDRESS),))
    (finding,) = EmailInBreaches().run(ctx)
    assert finding.status is Status.SKIP and "--check-emails" in finding.message


# The API key


def test_a_key_file_must_be_private(tmp_path: Path) -> None:
    path = tmp_path / "hibp.key"
    path.write_text(GOOD_KEY + "\n")
    path.chmod(0o644)
    with pytest.raises(UsageError, match="chmod 600"):
        key_from_file(path)
    path.chmod(0o600)
    assert key_from_file(path).reveal() == GOOD_KEY
    link = tmp_path / "link.key"
    link.symlink_to(path)
    with pytest.raises(UsageError, match="symlinks are refused"):
        key_from_file(link)


def test_the_key_comes_from_a_named_variable_else_a_keyring_else_a_prompt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import keyring
    import keyring.backends.fail

    from tests.exposure.fake_keyring import FileKeyring

    monkeypatch.setenv("MY_HIBP_KEY", GOOD_KEY)
    assert find_api_key(key_file=None, env_name="MY_HIBP_KEY", prompt=None).reveal() == GOOD_KEY
    with pytest.raises(UsageError, match="not set"):
        find_api_key(key_file=None, env_name="UNSET_HIBP_KEY", prompt=None)
    keyring.set_keyring(keyring.backends.fail.Keyring())
    with pytest.raises(UsageError, match="needs your HIBP API key"):
        find_api_key(key_file=None, env_name=None, prompt=None)
    asked = find_api_key(key_file=None, env_name=None, prompt=lambda _text: GOOD_KEY)
    assert asked.reveal() == GOOD_KEY
    monkeypatch.setenv("FAKE_KEYRING_FILE", str(Path(keyring.__file__).parent / "nope.json"))
    backend = FileKeyring()
    monkeypatch.setattr(backend, "get_password", lambda service, entry: f"{service}-{entry}")
    keyring.set_keyring(backend)
    try:
        found = find_api_key(key_file=None, env_name=None, prompt=None)
    finally:
        keyring.set_keyring(keyring.backends.fail.Keyring())
    assert found.reveal() == "privaudit-hibp-api-key"
