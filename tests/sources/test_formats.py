"""Every format is detected and parsed from the project's own fixtures."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from privaudit.accounts import MfaMethod
from tests.conftest import CANARY_PASSWORD, CANARY_TOTP
from tests.sources.conftest import read_fixture

# fixture, detected format, items read, logins used, skipped by reason
CASES = [
    ("bitwarden.json", "bitwarden-json", 9, 4,
     {"no password": 1, "secure note": 1, "card": 1, "identity": 1, "in the trash": 1}),
    ("bw-list-items.json", "bitwarden-json", 3, 3, {}),
    ("bitwarden.csv", "bitwarden-csv", 5, 2, {"secure note": 1, "card": 1, "no password": 1}),
    ("1password.1pux", "1password-1pux", 6, 2,
     {"card": 1, "secure note": 1, "in the trash": 1, "no password": 1}),
    ("1password-mac.csv", "1password-csv", 4, 2, {"card": 1, "secure note": 1}),
    ("1password-windows.csv", "1password-csv", 3, 1, {"not a login": 2}),
    ("1password8.csv", "1password-csv", 2, 1, {"no password": 1}),
    ("keepass.xml", "keepass-xml", 3, 1, {"no password": 1, "in the trash": 1}),
    ("keepassxc.csv", "keepassxc-csv", 3, 1, {"in the trash": 1, "no password": 1}),
    ("chrome.csv", "chrome-csv", 3, 2, {"no password": 1}),
    ("chrome-utf16.csv", "chrome-csv", 1, 1, {}),
    ("firefox.csv", "firefox-csv", 2, 1, {"browser-internal entry": 1}),
    ("safari.csv", "safari-csv", 2, 2, {}),
    ("lastpass.csv", "lastpass-csv", 3, 2, {"secure note": 1}),
    ("dashlane.csv", "dashlane-csv", 3, 2, {"no password": 1}),
    ("nordpass.csv", "nordpass-csv", 4, 1, {"card": 1, "secure note": 1, "folder": 1}),
    ("nordpass-old.csv", "nordpass-csv", 3, 1, {"card": 1, "identity": 1}),
    ("protonpass.json", "protonpass-json", 4, 1,
     {"secure note": 1, "in the trash": 1, "email alias": 1}),
    ("protonpass.zip", "protonpass-json", 4, 1,
     {"secure note": 1, "in the trash": 1, "email alias": 1}),
    ("protonpass.csv", "protonpass-csv", 3, 1, {"secure note": 1, "card": 1}),
    ("keeper.json", "keeper-json", 3, 2, {"card": 1}),
    ("myki.csv", "myki-csv", 1, 1, {}),
    ("enpass.json", "enpass-json", 6, 2,
     {"in the trash": 1, "card": 1, "secure note": 1, "no password": 1}),
    ("roboform.csv", "roboform-csv", 4, 2, {"secure note": 1, "no password": 1}),
    ("apple-passwords.csv", "safari-csv", 3, 3, {}),
]  # fmt: skip


@pytest.mark.parametrize(("name", "fmt", "read", "used", "skipped"), CASES)
def test_fixture_is_detected_and_counted(
    name: str, fmt: str, read: int, used: int, skipped: dict[str, int]
) -> None:
    result, detected = read_fixture(name)
    assert detected == fmt
    assert (result.read, len(result.accounts), dict(result.skipped)) == (read, used, skipped)
    assert result.read == len(result.accounts) + sum(result.skipped.values())


@pytest.mark.parametrize(("name", "fmt"), [(c[0], c[1]) for c in CASES])
def test_explicit_format_gives_the_same_result(name: str, fmt: str) -> None:
    auto, _ = read_fixture(name)
    forced, used = read_fixture(name, fmt)
    assert used == fmt
    assert len(forced.accounts) == len(auto.accounts)


@pytest.mark.parametrize(("name", "fmt"), [(c[0], c[1]) for c in CASES])
def test_the_canary_login_is_read_in_full(name: str, fmt: str) -> None:
    result, _ = read_fixture(name)
    canary = [a for a in result.accounts if a.password and a.password.reveal() == CANARY_PASSWORD]
    assert len(canary) == 1, "each fixture holds the canary password once"
    account = canary[0]
    assert account.domains[:1] == ("mail.example.com",)
    assert account.label
    assert account.username in ("alice", "alice@example.com")


TOTP_FIXTURES = [
    "bitwarden.json", "bitwarden.csv", "1password.1pux", "1password8.csv", "keepass.xml",
    "keepassxc.csv", "safari.csv", "lastpass.csv", "dashlane.csv", "protonpass.json",
    "protonpass.csv", "keeper.json", "myki.csv", "enpass.json", "apple-passwords.csv",
]  # fmt: skip


@pytest.mark.parametrize("name", TOTP_FIXTURES)
def test_totp_seeds_are_kept_as_secrets(name: str) -> None:
    result, _ = read_fixture(name)
    with_totp = [a for a in result.accounts if a.totp is not None]
    assert len(with_totp) == 1
    assert CANARY_TOTP in with_totp[0].totp.reveal()  # type: ignore[union-attr]
    assert MfaMethod.TOTP in with_totp[0].mfa


def test_bitwarden_fields_and_dates() -> None:
    result, _ = read_fixture("bitwarden.json")
    mail = result.accounts[0]
    assert (mail.label, mail.urls, mail.username) == (
        "Mail",
        ("https://mail.example.com",),
        "alice",
    )
    assert mail.created == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert mail.modified == datetime(2024, 2, 3, 4, 5, 6, tzinfo=UTC)
    long = result.accounts[-1]
    assert len(long.label) <= 200  # sanitised for display
    assert len(long.password or "") == 10000  # never cut


def test_bitwarden_csv_splits_several_uris() -> None:
    result, _ = read_fixture("bitwarden.csv")
    wiki = next(a for a in result.accounts if a.label == "Wiki")
    assert wiki.domains == ("wiki.example.com", "alt.example.com")


def test_firefox_dates_in_milliseconds_and_label_from_host() -> None:
    result, _ = read_fixture("firefox.csv")
    (mail,) = result.accounts
    assert mail.label == "mail.example.com"
    assert mail.created is not None
    assert mail.created.year == 2021


def test_duplicate_headers_take_the_first_non_empty_value() -> None:
    result, _ = read_fixture("dashlane.csv")
    shop = next(a for a in result.accounts if a.label == "Shop")
    assert shop.username == "bob"


def test_keepass_xml_ignores_history_and_unescapes() -> None:
    result, _ = read_fixture("keepass.xml")
    (mail,) = result.accounts
    assert mail.label == "Mail & more"
    assert mail.password is not None
    assert mail.password.reveal() == CANARY_PASSWORD


def test_1password_windows_reads_several_urls() -> None:
    result, _ = read_fixture("1password-windows.csv")
    assert result.accounts[0].domains == ("mail.example.com", "m.example.com")


def test_1pux_dates_are_unix_seconds() -> None:
    result, _ = read_fixture("1password.1pux")
    mail = next(a for a in result.accounts if a.label == "Mail")
    assert mail.created == datetime.fromtimestamp(1700000000, UTC)


@pytest.mark.parametrize(("name", "fmt"), [(c[0], c[1]) for c in CASES])
def test_no_other_format_claims_a_fixture(name: str, fmt: str) -> None:
    """Detection never lets one format's reader claim another's file (the mapped-CSV
    reader, which takes any CSV, comes last and is not counted)."""
    from privaudit.sources import all_importers
    from privaudit.sources.data import SAMPLE_BYTES
    from tests.sources.conftest import FIXTURES

    sample = (FIXTURES / name).read_bytes()[:SAMPLE_BYTES]
    claims = [i.name for i in all_importers() if i.detect(sample, name) and i.name != "csv"]
    assert claims == [fmt]


def test_enpass_fields_deleted_fields_and_several_urls() -> None:
    result, _ = read_fixture("enpass.json")
    mail, forum = result.accounts
    assert mail.urls == ("https://mail.example.com", "https://m.example.com")
    assert mail.username == "alice"  # the username field before the e-mail field
    assert mail.password is not None and mail.password.reveal() == CANARY_PASSWORD
    assert forum.username == "bob@example.net"  # only an e-mail field
    assert mail.created == datetime.fromtimestamp(1690000000, UTC)


def test_roboform_reads_pwd_login_and_match_url_not_rf_fields() -> None:
    result, _ = read_fixture("roboform.csv")
    mail, shop = result.accounts
    assert mail.urls == ("https://mail.example.com/login", "https://mail.example.com/")
    assert shop.password is not None and shop.password.reveal() == 'Shop,Pw "2024"'


def test_safari_and_apple_titles_do_not_repeat_the_username() -> None:
    for name in ("safari.csv", "apple-passwords.csv"):
        result, _ = read_fixture(name)
        subjects = [a.subject for a in result.accounts]
        assert subjects[0] == "mail.example.com (alice)", subjects
        assert all(s.count("(alice)") <= 1 for s in subjects)
    result, _ = read_fixture("apple-passwords.csv")
    assert [a.subject for a in result.accounts][1:] == [
        "shop.example.org (bob@example.org)",
        "Home router (admin)",
    ]
