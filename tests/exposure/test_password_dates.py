"""When was this password set? Each export's own field or history, read into
Account.password_changed (None where the export does not say)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pykeepass import create_database

from privaudit.accounts import Account
from privaudit.secret import Secret
from privaudit.sources import ReadOptions, import_accounts
from privaudit.sources.fields import password_set_from_history
from tests.sources.conftest import read_bytes, read_fixture


def when(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def only(accounts: list[Account]) -> Account:
    (account,) = accounts
    return account


def test_history_gives_the_first_save_of_the_current_password() -> None:
    t = [when(f"2020-0{i}-01") for i in range(1, 6)]
    versions = [(t[0], "a"), (t[1], "b"), (t[2], "b"), (t[3], "c")]
    assert password_set_from_history(versions, "c") == t[3]
    assert password_set_from_history([*versions, (t[4], "c")], "c") == t[3]
    # Never changed within the recorded history: unknown, not the oldest date.
    assert password_set_from_history([(t[0], "c"), (t[1], "c")], "c") is None


def test_bitwarden_password_revision_date() -> None:
    item = {
        "type": 1,
        "name": "Adobe",
        "creationDate": "2010-01-01T00:00:00.000Z",
        "revisionDate": "2021-06-01T00:00:00.000Z",
        "login": {
            "uris": [{"uri": "https://adobe.com"}],
            "username": "sam",
            "password": "pw-one",
            "passwordRevisionDate": "2014-03-02T10:00:00.000Z",
        },
    }
    never = {**item, "login": {**item["login"], "passwordRevisionDate": None}}
    result = read_bytes(json.dumps({"items": [item, never]}).encode(), "bitwarden-json")
    changed, unchanged = result.accounts
    assert changed.password_changed == when("2014-03-02T10:00:00")
    assert changed.modified == when("2021-06-01")
    # null until first changed; the creation date is no substitute (imports "create" items).
    assert unchanged.password_changed is None


def test_1pux_password_history() -> None:
    result, fmt = read_fixture("1password.1pux")
    assert fmt == "1password-1pux"
    by_label = {a.label: a for a in result.accounts}
    # Mail's history holds one older password, replaced at Unix time 1: the current one
    # dates from then. No history: unknown (updatedAt only bounds it).
    assert by_label["Mail"].password_changed == datetime.fromtimestamp(1, UTC)
    assert by_label["Router password"].password_changed is None


def test_keepass_xml_history(tmp_path: Path) -> None:
    xml = """<?xml version="1.0" encoding="utf-8"?>
<KeePassFile><Root><Group><Name>Root</Name>
<Entry><UUID>AAAA</UUID>
<String><Key>Title</Key><Value>Adobe</Value></String>
<String><Key>URL</Key><Value>https://adobe.com</Value></String>
<String><Key>Password</Key><Value>new-pw</Value></String>
<Times><CreationTime>2011-01-01T00:00:00Z</CreationTime>
<LastModificationTime>2022-01-01T00:00:00Z</LastModificationTime></Times>
<History>
<Entry><String><Key>Password</Key><Value>old-pw</Value></String>
<Times><LastModificationTime>2011-01-01T00:00:00Z</LastModificationTime></Times></Entry>
<Entry><String><Key>Password</Key><Value>new-pw</Value></String>
<Times><LastModificationTime>2015-05-05T00:00:00Z</LastModificationTime></Times></Entry>
</History></Entry>
</Group></Root></KeePassFile>"""
    account = only(read_bytes(xml.encode(), "keepass-xml").accounts)
    assert account.password_changed == when("2015-05-05")


def test_kdbx_entry_history(tmp_path: Path) -> None:
    path = tmp_path / "v.kdbx"
    db = create_database(str(path), password="db-pw")
    kdf = db.kdbx.header.value.dynamic_header.kdf_parameters.data.dict
    kdf["I"].value, kdf["M"].value = 1, 1024 * 1024
    entry = db.add_entry(db.root_group, "Adobe", "sam", "old-pw", url="https://adobe.com")
    entry.save_history()
    entry.password = "new-pw"
    entry.touch(modify=True)
    db.save()
    result, _summary, _ = import_accounts(
        path,
        fmt=None,
        stdin=lambda _n: b"",
        options=ReadOptions(kdbx_password=lambda: Secret("db-pw")),
    )
    account = only(result.accounts)
    assert account.password_changed is not None
    assert account.password_changed == account.modified


def test_firefox_time_password_changed() -> None:
    csv = (
        '"url","username","password","httpRealm","formActionOrigin","guid",'
        '"timeCreated","timeLastUsed","timePasswordChanged"\r\n'
        '"https://adobe.com","sam","pw","","https://adobe.com","{1}",'
        '"1262304000000","1262304000000","1393754400000"\r\n'
    )
    account = only(read_bytes(csv.encode(), "firefox-csv").accounts)
    assert account.password_changed == when("2014-03-02T10:00:00")


def _real(shared_dir: Path, name: str, fmt: str) -> list[Account]:
    path = shared_dir / "real-exports" / name
    if not path.is_file():
        pytest.skip(f"no {name} in ../shared/real-exports")
    result, _summary, _ = import_accounts(
        path, fmt=fmt, stdin=lambda _n: b"", options=ReadOptions()
    )
    return result.accounts


def test_real_exports_give_their_password_dates(shared_dir: Path) -> None:
    (onepux,) = _real(shared_dir, "1password-1pux-export.data", "1password-1pux")
    # The newest history entry is when the current password replaced the last one,
    # the same moment as the item's updatedAt in 1Password's own export.
    assert onepux.password_changed == datetime.fromtimestamp(1635522872, UTC)
    assert onepux.password_changed == onepux.modified
    (firefox,) = _real(shared_dir, "firefoxCsv-simplePasswordData.csv", "firefox-csv")
    assert firefox.password_changed == datetime.fromtimestamp(1612345678.9, UTC)
    # Keeper and Dashlane exports carry no dates at all.
    for name, fmt in (
        ("keeper.json", "keeper-json"),
        ("dashlaneCsv-credentials.csv", "dashlane-csv"),
    ):
        assert all(a.password_changed is None for a in _real(shared_dir, name, fmt))
