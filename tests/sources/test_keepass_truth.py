"""KeePass ground truth: files made by KeePassXC 2.7.4's own CLI (fixtures/keepass/make.sh).

Field references resolved before any check, expired entries kept apart and reported,
the recycle bin found by its UUID (KDBX, XML) and by its localised name (CSV), and
KeePass 2's TimeOtp/HmacOtp fields read like KeePassXC's `otp`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from privaudit.accounts import Account
from privaudit.checks.expired import ExpiredEntry
from privaudit.checks.passwords import ReusedPassword
from privaudit.checks.totp import TotpSeedQuality
from privaudit.context import AuditContext
from privaudit.model import Status
from privaudit.secret import Secret
from privaudit.sources import ImportResult, ReadOptions, import_accounts
from privaudit.sources.keepass_fields import (
    Entry,
    MissingReference,
    References,
    in_recycle_bin,
    otp_seed,
    xml_time,
)
from privaudit.tfa.otpauth import parse_totp

FIXTURES = Path(__file__).with_name("fixtures") / "keepass"
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _read(name: str) -> tuple[list[Account], dict[str, int], str]:
    options = ReadOptions(kdbx_password=lambda: Secret("fixture-pw"))
    result, summary, _ = import_accounts(
        FIXTURES / name, fmt=None, stdin=lambda _n: b"", options=options
    )
    return list(result.accounts), dict(summary.skipped), summary.format


def _by_label(accounts: list[Account]) -> dict[str, Account]:
    return {a.label: a for a in accounts}


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("vault.kdbx", "keepass-kdbx"),
        ("keepass2.xml", "keepass-xml"),
        ("keepassxc.xml", "keepass-xml"),
    ],
)
def test_references_expiry_bin_and_otp_fields(name: str, fmt: str) -> None:
    accounts, skipped, detected = _read(name)
    assert detected == fmt
    labels = _by_label(accounts)
    assert sorted(labels) == [
        "Future expiry",
        "KeePass HOTP",
        "KeePass TOTP",
        "KeePassXC TOTP",
        "Mail",
        "Old VPN",
        "Webmail (same login)",
    ]
    assert skipped == {"in the trash": 1, "field reference to a missing entry": 1}
    alias, mail = labels["Webmail (same login)"], labels["Mail"]
    assert alias.username == "alice"  # {REF:U@I:…} resolved
    assert alias.password is not None and mail.password is not None
    assert alias.password.same_as(mail.password)  # {REF:P@I:…} resolved
    assert labels["Old VPN"].expires == datetime(2021, 6, 30, tzinfo=UTC)
    assert labels["Future expiry"].expires == datetime(2099, 12, 31, tzinfo=UTC)
    assert labels["Mail"].expires is None
    totp = parse_totp(labels["KeePass TOTP"].totp)  # type: ignore[arg-type]
    assert (totp.algorithm, totp.digits, totp.period, totp.bits) == ("SHA256", 8, 30, 160)
    hotp = parse_totp(labels["KeePass HOTP"].totp)  # type: ignore[arg-type]
    assert (hotp.counter, hotp.bits) == (3, 160)
    assert parse_totp(labels["KeePassXC TOTP"].totp).issuer == "Example"  # type: ignore[arg-type]


def test_shared_password_by_reference_is_reuse_and_expired_entries_stand_apart() -> None:
    accounts, _, _ = _read("vault.kdbx")
    ctx = AuditContext(accounts=tuple(accounts), clock=lambda: NOW)
    assert [a.label for a in ctx.expired] == ["Old VPN"]
    assert "Old VPN" not in {a.label for a in ctx.accounts}
    reuse = {f.subject: f.status for f in ReusedPassword().run(ctx)}
    assert reuse["Mail (alice)"] is Status.FAIL
    assert reuse["Webmail (same login) (alice)"] is Status.FAIL
    expired = list(ExpiredEntry().run(ctx))
    assert [(f.subject, f.status) for f in expired] == [("Old VPN (alice)", Status.WARN)]
    assert "expired on 2021-06-30" in expired[0].message
    quality = {f.subject: f.status for f in TotpSeedQuality().run(ctx)}
    assert quality["KeePass HOTP (alice)"] is Status.PASS


def test_keepassxc_csv_from_the_real_tool() -> None:
    accounts, skipped, fmt = _read("keepassxc.csv")
    assert fmt == "keepassxc-csv"
    # "Datenbank/Papierkorb": the bin under a German root, found by its name.
    assert skipped == {
        "in the trash": 1,
        "field reference (read the .kdbx or XML export to resolve it)": 2,
    }
    assert "Deleted forum" not in {a.label for a in accounts}


def test_keepassxc_csv_with_a_french_recycle_bin() -> None:
    accounts, skipped, _ = _read("keepassxc-fr.csv")
    assert [a.label for a in accounts] == ["Kept"]
    assert skipped == {"in the trash": 1}


@pytest.mark.parametrize(
    ("group", "trashed"),
    [
        ("Root/Recycle Bin", True),
        ("Passwords/Papierkorb", True),
        ("Passwords/Corbeille/Old", True),
        ("Papelera de reciclaje", True),
        ("Root/ごみ箱", True),
        ("Root/Корзина", True),
        ("Root/Work/Papierkorb", False),  # a user's own group of that name, deeper down
        ("Root/Work", False),
        ("", False),
    ],
)
def test_recycle_bin_names(group: str, trashed: bool) -> None:
    assert in_recycle_bin(group) is trashed


def test_references_by_other_fields_nested_and_looping() -> None:
    a = Entry("A" * 32, {"Title": "Bank", "UserName": "alice", "Password": "pw-1"})
    b = Entry("B" * 32, {"Title": "Alias", "Password": "{REF:P@T:bank}"})
    c = Entry("C" * 32, {"Title": "Alias2", "Password": "{REF:P@I:" + "B" * 32 + "}"})
    d = Entry("D" * 32, {"Title": "Loop", "Password": "{REF:P@I:" + "D" * 32 + "}"})
    e = Entry("E" * 32, {"Title": "Mixed", "Password": "x-{ref:u@i:" + "a" * 32 + "}-y"})
    refs = References([a, b, c, d, e])
    assert refs.fields(b)["Password"] == "pw-1"
    assert refs.fields(c)["Password"] == "pw-1"
    assert refs.fields(e)["Password"] == "x-alice-y"
    with pytest.raises(MissingReference, match="loops"):
        refs.fields(d)


@pytest.mark.parametrize(
    ("fields", "want"),
    [
        ({"TimeOtp-Secret-Base32": "JBSWY3DPEHPK3PXP"}, "otpauth://totp/KeePass?secret=JBSWY3DPEHPK3PXP"),
        ({"TimeOtp-Secret-Hex": "48656c6c6f21deadbeef"}, "otpauth://totp/KeePass?secret=JBSWY3DPEHPK3PXP"),
        ({"TimeOtp-Secret-Base64": "SGVsbG8h3q2+7w=="}, "otpauth://totp/KeePass?secret=JBSWY3DPEHPK3PXP"),
        ({"TimeOtp-Secret": "12345678901234567890"}, "otpauth://totp/KeePass?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"),
        ({"HmacOtp-Secret-Base32": "JBSWY3DP", "HmacOtp-Counter": "7"}, "otpauth://hotp/KeePass?secret=JBSWY3DP&counter=7"),
        ({"TimeOtp-Secret-Hex": "zz"}, "otpauth://totp/KeePass?secret=%21"),
        ({"TOTP Seed": "JBSWY3DPEHPK3PXP", "TOTP Settings": "30;S"}, "steam://JBSWY3DPEHPK3PXP"),
        ({"TOTP Seed": "JBSWY3DPEHPK3PXP", "TOTP Settings": "60;8"}, "otpauth://totp/KeePassXC?secret=JBSWY3DPEHPK3PXP&period=60&digits=8"),
        ({"Notes": "nothing"}, ""),
    ],
)  # fmt: skip
def test_otp_field_forms(fields: dict[str, str], want: str) -> None:
    assert otp_seed(fields) == want


def test_kdbx4_xml_times_and_iso_times() -> None:
    assert xml_time("2021-06-30T00:00:00Z") == datetime(2021, 6, 30, tzinfo=UTC)
    assert xml_time("RjSh4g4AAAA=") is not None and xml_time("RjSh4g4AAAA=").year == 2026  # type: ignore[union-attr]
    assert xml_time("") is None


def test_a_context_without_expiry_is_unchanged() -> None:
    accounts = (Account(label="x"), Account(label="y", expires=datetime(2099, 1, 1, tzinfo=UTC)))
    ctx = AuditContext(accounts=accounts, clock=lambda: NOW)
    assert ctx.accounts == accounts and ctx.expired == ()
    assert isinstance(ImportResult(), ImportResult)
