"""Malformed values in exports: a note per item or one clear line (exit 2), never exit 3."""

from __future__ import annotations

import io
import json
import math
import struct
import zipfile
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.errors import InputError
from privaudit.sources import ImportResult, ReadOptions, SourceData, read_guarded
from privaudit.sources.fields import EARLIEST, LATEST, parse_date
from tests.conftest import CANARY_PASSWORD, assert_no_canary
from tests.sources.conftest import read_bytes

BITWARDEN = "bitwarden-json"


@pytest.mark.parametrize(
    "value",
    [
        "²⁰²⁰",  # superscript digits: str.isdigit() says yes, int() says no
        "١٧٠٠٠٠٠٠٠٠",  # Arabic-Indic digits
        "２０２０-01-01",
        "9999-12-31T23:59:59-23:59",  # no UTC equivalent
        "0001-01-01T00:00:00+01:00",
        "2020-01-01T00:00:00+99:00",
        "1" * 5000,
        10**400,
        -1,
        math.nan,
        math.inf,
        1e300,
        "1e999",
        "3000-01-01",
        "1969-12-31T23:59:59Z",
        "",
        "x" * 10_000,
        [],
        {},
        None,
        True,
        datetime(9999, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-23))),
    ],
)
def test_unreadable_dates_are_none_not_errors(value: object) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-01T12:00:00Z", datetime(2024, 3, 1, 12, tzinfo=UTC)),
        ("2024-03-01T13:00:00+01:00", datetime(2024, 3, 1, 12, tzinfo=UTC)),
        ("2024-03-01 12:00:00", datetime(2024, 3, 1, 12, tzinfo=UTC)),  # naive reads as UTC
        (1709294400, datetime(2024, 3, 1, 12, tzinfo=UTC)),
        ("1709294400", datetime(2024, 3, 1, 12, tzinfo=UTC)),
        (1709294400000, datetime(2024, 3, 1, 12, tzinfo=UTC)),  # milliseconds (Firefox)
        (1709294400000000, datetime(2024, 3, 1, 12, tzinfo=UTC)),  # microseconds
        (1709294400.5, datetime(2024, 3, 1, 12, 0, 0, 500000, tzinfo=UTC)),
    ],
)
def test_readable_dates_are_utc(value: object, expected: datetime) -> None:
    assert parse_date(value) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=40),
        st.integers(),
        st.floats(),
        st.datetimes(timezones=st.timezones() | st.none()),
        st.from_regex(r"[0-9²³¹⁰-⁹]{1,25}", fullmatch=True),
    )
)
def test_parse_date_never_raises_and_is_aware_utc_in_range(value: object) -> None:
    parsed = parse_date(value)
    if parsed is not None:
        assert parsed.tzinfo is UTC
        assert EARLIEST <= parsed < LATEST


def _bitwarden(item: dict[str, object]) -> bytes:
    base = {"type": 1, "name": "Mail", "login": {"username": "a", "password": CANARY_PASSWORD}}
    return json.dumps({"encrypted": False, "items": [{**base, **item}]}).encode()


def test_a_json_integer_over_4300_digits_is_no_date_not_a_crash() -> None:
    data = _bitwarden({"revisionDate": 0}).replace(
        b'"revisionDate": 0', b'"revisionDate": ' + b"9" * 5000
    )
    result = read_bytes(data, BITWARDEN)
    assert len(result.accounts) == 1
    assert result.accounts[0].modified is None


def test_superscript_dates_in_every_date_field_keep_the_item() -> None:
    result = read_bytes(
        _bitwarden({"creationDate": "²⁰²⁴", "revisionDate": "9999-99-99"}), BITWARDEN
    )
    assert len(result.accounts) == 1


def test_keepass_xml_nested_5000_groups_deep_is_read() -> None:
    entry = (
        "<Entry><String><Key>Title</Key><Value>Deep</Value></String>"
        "<String><Key>Password</Key><Value>pw-deep-enough</Value></String></Entry>"
    )
    xml = (
        "<KeePassFile><Root>"
        + "<Group>" * 5000
        + entry
        + "</Group>" * 5000
        + "</Root></KeePassFile>"
    )
    result = read_bytes(xml.encode(), "keepass-xml")
    assert [a.label for a in result.accounts] == ["Deep"]


def _zip_with(name: str, payload: bytes) -> bytearray:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, payload)
    return bytearray(buffer.getvalue())


@pytest.mark.parametrize("field", ["local-header", "directory-offset", "directory-size"])
@pytest.mark.parametrize(
    ("fmt", "member"), [("1password-1pux", "export.data"), ("protonpass-json", "data.json")]
)
def test_zip_with_bad_offsets_is_one_clear_error(fmt: str, member: str, field: str) -> None:
    data = _zip_with(member, b'{"accounts": []}')
    central = data.rfind(b"PK\x01\x02")
    end = data.rfind(b"PK\x05\x06")
    if field == "local-header":
        data[central + 42 : central + 46] = struct.pack("<I", 0x7FFFFFF0)
    elif field == "directory-offset":
        data[end + 16 : end + 20] = struct.pack("<I", 0xFFFFFFF0)
    else:
        data[end + 12 : end + 16] = struct.pack("<I", 0xFFFFFFF0)
    with pytest.raises(InputError, match="zip"):
        read_bytes(bytes(data), fmt)


class _Broken:
    name = "broken"
    description = "raises what a buggy library raises"
    plaintext = True

    def detect(self, sample: bytes, filename: str) -> bool:
        return True

    def read(self, source: SourceData, options: ReadOptions) -> ImportResult:
        raise ValueError(f"bad value {CANARY_PASSWORD!r}")


def test_an_importer_crash_is_input_error_without_its_message() -> None:
    with pytest.raises(InputError, match=r"cannot read this broken export \(ValueError at") as info:
        read_guarded(_Broken(), SourceData.from_bytes(b"x"), ReadOptions())
    assert_no_canary(str(info.value))


def test_debug_tracebacks_hold_no_user_data(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    # A bug that quotes a field value in its message, with a chained exception too.
    script = (
        "import privaudit.cli.run as run, privaudit.cli as cli\n"
        "def explode(*_args):\n"
        "    try:\n"
        f"        int({CANARY_PASSWORD!r})\n"
        "    except ValueError:\n"
        f"        raise KeyError({CANARY_PASSWORD!r})\n"
        "run.run_audit_command = explode\n"
        "raise SystemExit(cli.main(['audit']))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        env={**__import__("os").environ, "PRIVAUDIT_DEBUG": "1", "PRIVAUDIT_HOME": str(tmp_path)},
        timeout=120,
        check=False,
    )
    err = proc.stderr.decode()
    assert "Traceback" in err
    assert "KeyError" in err
    assert "explode" in err, "the frames are there for debugging"
    assert_no_canary(err, proc.stdout)


BAD_DATES = [
    "²⁰²⁴-⁰³-⁰¹",
    "9999-12-31T23:59:59-23:59",
    "1" * 400,
    "-5",
    "NaN",
    "2024-13-45",
    "１７０９",
]
DATED_EXPORTS = {
    "firefox-csv": (
        '"url","username","password","httpRealm","formActionOrigin","guid","timeCreated",'
        '"timeLastUsed","timePasswordChanged"\n'
        '"https://a.example","alice","pw-dated-1",,,"{{1}}","{d}","{d}","{d}"\n'
    ),
    "keepassxc-csv": (
        '"Group","Title","Username","Password","URL","Notes","TOTP","Icon",'
        '"Last Modified","Created"\n'
        '"Root","Mail","alice","pw-dated-1","https://a.example","","","0","{d}","{d}"\n'
    ),
    "protonpass-csv": (
        "type,name,url,email,username,password,note,totp,createTime,modifyTime,vault\n"
        "login,Mail,https://a.example,a@example.com,,pw-dated-1,,,{d},{d},Personal\n"
    ),
    "1password-csv": (
        "Title,Website,Username,Password,Created Date,Modified Date\n"
        "Mail,https://a.example,alice,pw-dated-1,{d},{d}\n"
    ),
    "bitwarden-json": json.dumps(
        {"encrypted": False, "items": [{"type": 1, "name": "Mail", "creationDate": "{d}",
         "revisionDate": "{d}", "login": {"username": "a", "password": "pw-dated-1"}}]}
    ).replace("{", "{{").replace("}", "}}").replace("{{d}}", "{d}"),
    "protonpass-json": json.dumps(
        {"userId": "u", "vaults": {"v": {"name": "P", "items": [{"state": 1, "createTime": "{d}",
         "modifyTime": "{d}", "data": {"type": "login", "metadata": {"name": "Mail"},
         "content": {"username": "a", "password": "pw-dated-1", "urls": []}}}]}}}
    ).replace("{", "{{").replace("}", "}}").replace("{{d}}", "{d}"),
    "keepass-xml": (
        "<KeePassFile><Root><Group><Entry><String><Key>Title</Key><Value>Mail</Value></String>"
        "<String><Key>Password</Key><Value>pw-dated-1</Value></String><Times>"
        "<CreationTime>{d}</CreationTime><LastModificationTime>{d}</LastModificationTime>"
        "</Times></Entry></Group></Root></KeePassFile>"
    ),
}  # fmt: skip


@pytest.mark.parametrize("bad", BAD_DATES)
@pytest.mark.parametrize("fmt", sorted(DATED_EXPORTS))
def test_every_dated_importer_keeps_the_item_and_drops_a_bad_date(fmt: str, bad: str) -> None:
    data = DATED_EXPORTS[fmt].format(d=bad).encode()
    result = read_bytes(data, fmt)
    (account,) = result.accounts
    assert account.created is None
    assert account.modified is None
