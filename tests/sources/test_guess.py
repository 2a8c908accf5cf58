"""Loud about missing input (issue 11 point 6): a file privaudit cannot use says what it
could be (--source-format names of its kind) and --map, or that it is empty, in one
line with exit 2; nothing read from the file is quoted."""

from __future__ import annotations

import pytest

from privaudit.sources.guess import file_kind, formats_of_kind

CANARY = "Zebra-canary-9431"

CASES = {
    # name: (bytes, formats that must be named, formats that must not)
    "enpass-like.json": (
        b'{"folders": [], "items": [{"title": "Mail", "category": "login", "fields":'
        b' [{"label": "Password", "type": "password", "value": "' + CANARY.encode() + b'"}]}]}',
        {"enpass-json", "keeper-json", "protonpass-json"},
        {"chrome-csv"},
    ),
    "objects.json": (
        b'[{"foo": 1, "bar": "' + CANARY.encode() + b'"}, {"foo": 2}]',
        {"bitwarden-json", "enpass-json", "keeper-json"},
        {"chrome-csv", "keepass-xml"},
    ),
    "unknown-headers.csv": (
        b"Site,Login,Secret\r\nexample.com,bob," + CANARY.encode() + b"\r\n",
        {"chrome-csv", "firefox-csv", "lastpass-csv", "bitwarden-csv"},
        {"bitwarden-json"},
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_an_unusable_export_names_what_it_could_be_and_map(cli, tmp_path, name) -> None:  # type: ignore[no-untyped-def]
    data, named, not_named = CASES[name]
    export = tmp_path / name
    export.write_bytes(data)
    result = cli("audit", "--offline", "--no-input", "-a", str(export))
    assert result.code == 2
    assert result.out == ""
    (line,) = result.err.strip().splitlines()
    assert name in line and "--source-format" in line and "--map" in line
    for fmt in named:
        assert fmt in line
    for fmt in not_named:
        assert fmt not in line
    assert CANARY not in line and "Traceback" not in line


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "the file is empty"),
        (b"\r\n  \r\n", "the file is empty"),
        (b"\xef\xbb\xbf", "the file is empty"),
        (b"name,url,username,password\r\n", "only a header row, no entries"),
        (b"name,url,username,password,note\n", "only a header row, no entries"),
    ],
)
def test_an_empty_export_says_it_is_empty(cli, tmp_path, data, says) -> None:  # type: ignore[no-untyped-def]
    export = tmp_path / "passwords.csv"
    export.write_bytes(data)
    result = cli("audit", "--offline", "--no-input", "-a", str(export))
    assert result.code == 2
    (line,) = result.err.strip().splitlines()
    assert says in line and "passwords.csv" in line


def test_nothing_is_recorded_for_an_unusable_export(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    export = tmp_path / "objects.json"
    export.write_bytes(b'[{"foo": 1}]')
    assert cli("audit", "--offline", "--no-input", "-a", str(export)).code == 2
    assert "No audits recorded yet" in cli("history").out


def test_file_kinds() -> None:
    assert file_kind(b'\xef\xbb\xbf {"a": 1}') == "json"
    assert file_kind(b"<?xml version='1.0'?><KeePassFile/>") == "xml"
    assert file_kind(b"\x03\xd9\xa2\x9a\x67\xfb\x4b\xb5") == "kdbx"
    assert file_kind(b"PK\x03\x04rest") == "zip"
    assert file_kind(b"a,b\n1,2\n") == "csv"
    assert file_kind(b"just words") is None


def test_a_plugin_format_of_unknown_kind_is_offered_for_every_kind() -> None:
    names = ["chrome-csv", "keeper-json", "acme", "csv"]
    assert formats_of_kind("json", names) == ["keeper-json", "acme"]
    assert formats_of_kind(None, names) == ["chrome-csv", "keeper-json", "acme"]
