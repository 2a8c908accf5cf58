"""Messy and hostile inputs: counted skips or one clear line (exit 2), never a crash."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from privaudit.errors import InputError, UsageError
from privaudit.sources import ReadOptions, SourceData, get_importer, import_accounts
from privaudit.sources.data import parse_size
from tests.conftest import CANARY_PASSWORD, assert_no_canary
from tests.sources.conftest import FIXTURES, read_bytes, read_fixture

HEADER = "name,url,username,password\n"


def test_short_row_is_a_located_skip_not_a_crash() -> None:
    data = (HEADER + f"a,https://a.example,alice,{CANARY_PASSWORD}\nb,https://b.example\n").encode()
    result = read_bytes(data, "chrome-csv")
    assert len(result.accounts) == 1
    assert dict(result.skipped) == {"malformed item": 1}
    assert result.problems == ["row 3: no password column value"]


def test_short_row_shows_as_a_notice_in_the_report(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    export = tmp_path / "short.csv"
    export.write_text(HEADER + "a,https://a.example,alice,pw-1-long-enough\nb,https://b.example\n")
    result = cli("audit", "--offline", "--no-input", "-a", str(export))
    assert result.code in (0, 1)
    assert "row 3: no password column value" in result.out


def test_long_fields_and_blank_lines() -> None:
    note = "n" * 1_000_000  # over csv's default 128 KiB field limit
    data = (f"{HEADER}\n\nx,https://x.example,alice,{'p' * 5000}\n\n").encode()
    assert len(read_bytes(data, "chrome-csv").accounts) == 1
    data = f'name,url,username,password,note\nx,https://x.example,alice,pw,"{note}"\n'.encode()
    assert len(read_bytes(data, "chrome-csv").accounts) == 1


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings_with_and_without_bom(encoding: str) -> None:
    data = (HEADER + "Ünïcødé,https://x.example,alice,pässwörd\r\n").encode(encoding)
    (account,) = read_bytes(data, "chrome-csv").accounts
    assert account.label == "Ünïcødé"
    assert account.password is not None
    assert account.password.reveal() == "pässwörd"


def test_passwords_keep_their_spaces() -> None:
    (account,) = read_bytes(
        (HEADER + "x,https://x.example,a,  pw  \n").encode(), "chrome-csv"
    ).accounts
    assert account.password is not None
    assert account.password.reveal() == "  pw  "


def test_not_utf8_is_one_line_locating_the_rows() -> None:
    data = HEADER.encode() + b"ok,https://a.example,alice,pw\nbad,https://b.example,bob,\x80\x81\n"
    with pytest.raises(InputError, match=r"not UTF-8 or UTF-16 text after row \d"):
        read_bytes(data, "chrome-csv")


def test_missing_column_names_the_column_not_the_data() -> None:
    data = f"name,url,username\nx,https://x.example,{CANARY_PASSWORD}\n".encode()
    with pytest.raises(InputError, match="no 'password' column") as info:
        read_bytes(data, "chrome-csv")
    assert_no_canary(str(info.value))


def test_truncated_json_names_line_and_column_only() -> None:
    data = (FIXTURES / "bitwarden.json").read_bytes()
    cut = data[: data.index(CANARY_PASSWORD.encode()) + 5]
    with pytest.raises(InputError, match="invalid JSON at line") as info:
        read_bytes(cut, "bitwarden-json")
    assert_no_canary(str(info.value), canaries=(CANARY_PASSWORD, CANARY_PASSWORD[:5]))


def test_deeply_nested_json_is_refused() -> None:
    with pytest.raises(InputError, match="nested too deeply"):
        read_bytes(b"[" * 100_000 + b"]" * 100_000, "bitwarden-json")


def test_items_of_the_wrong_shape_are_skipped() -> None:
    doc = {"items": [1, "x", None, {"type": "login"}, {"type": 1, "login": []}, {"type": 99}]}
    result = read_bytes(json.dumps(doc).encode(), "bitwarden-json")
    assert result.read == 6
    assert not result.accounts
    assert result.problems == [f"item {i}: not a JSON object" for i in (1, 2, 3)]


def test_encrypted_bitwarden_is_refused_clearly(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("audit", "--offline", "-a", str(FIXTURES / "bitwarden-encrypted.json"))
    assert result.code == 2
    assert "encrypted" in result.err
    assert "unencrypted .json" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_pgp_proton_export_is_refused() -> None:
    data = b"-----BEGIN PGP MESSAGE-----\n\nwcFMA...\n-----END PGP MESSAGE-----\n"
    with pytest.raises(InputError, match="PGP-encrypted"):
        read_bytes(data, "protonpass-json")


def test_xml_with_a_dtd_is_refused() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><KeePassFile>&a;</KeePassFile>'
    with pytest.raises(InputError, match="DTD"):
        read_bytes(bomb, "keepass-xml")


def test_zip_bomb_is_bounded_by_the_size_limit() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("export.data", b"{" + b" " * 5_000_000 + b"}")
    source = SourceData.from_bytes(buffer.getvalue(), "big.1pux", max_bytes=1_000_000)
    with pytest.raises(InputError, match="unpacks to over"):
        get_importer("1password-1pux").read(source, ReadOptions(max_bytes=1_000_000))


def test_corrupt_zip_is_one_line() -> None:
    with pytest.raises(InputError, match="not a readable zip"):
        read_bytes(b"PK\x03\x04" + b"\x00" * 100, "1password-1pux")


def test_size_limit_and_override(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    export = tmp_path / "big.csv"
    export.write_text(HEADER + "x,https://x.example,alice,pw-long-enough-123\n" * 100)
    refused = cli("audit", "--offline", "-a", str(export), "--max-input-size", "1K")
    assert refused.code == 2
    assert "--max-input-size" in refused.err
    allowed = cli("audit", "--offline", "-q", "-a", str(export), "--max-input-size", "1M")
    assert allowed.code in (0, 1), allowed.err
    bad = cli("audit", "--offline", "-a", str(export), "--max-input-size", "lots")
    assert bad.code == 2
    assert "512M" in bad.err


def test_stdin_over_the_limit(cli) -> None:  # type: ignore[no-untyped-def]
    data = (FIXTURES / "bw-list-items.json").read_bytes()
    result = cli("audit", "--offline", "-a", "-", "--max-input-size", "100", stdin=data)
    assert result.code == 2
    assert "stdin: input is over the 100-byte limit" in result.err


def test_bw_list_items_from_stdin_needs_no_file(cli) -> None:  # type: ignore[no-untyped-def]
    data = (FIXTURES / "bw-list-items.json").read_bytes()
    result = cli("audit", "--offline", "-q", "--format", "json", "-a", "-", stdin=data)
    assert result.code in (0, 1), result.err
    assert '"used": 3' in result.out
    assert "delete it" not in result.out  # nothing on disk to delete
    assert_no_canary(result.out, result.err)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.csv", "export not found"),
        (lambda p: p, "is a folder"),
    ],
)
def test_unreadable_path_is_one_line(tmp_path: Path, cli, make, message: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("audit", "--offline", "-a", str(make(tmp_path)))
    assert result.code == 2
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_unrecognised_format(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    export = tmp_path / "notes.txt"
    export.write_text("just some text\n")
    result = cli("audit", "--offline", "-a", str(export))
    assert result.code == 2
    assert "--source-format" in result.err


def test_unknown_source_format(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("audit", "--offline", "-a", str(FIXTURES / "chrome.csv"), "--source-format", "x")
    assert result.code == 2
    assert "chrome-csv" in result.err


def test_generic_csv_with_a_column_map() -> None:
    result, fmt = read_fixture(
        "generic.csv",
        column_map={"label": "site", "url": "website", "username": "login", "password": "pass"},
    )
    assert fmt == "csv"
    assert (result.read, len(result.accounts)) == (4, 2)
    assert dict(result.skipped) == {"malformed item": 1, "no password": 1}
    assert result.problems == ["row 4: no pass column value"]
    assert [a.label for a in result.accounts] == ["Mail", "Shop"]


def test_map_on_the_command_line(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "audit", "--offline", "-q", "--format", "json", "-a", str(FIXTURES / "generic.csv"),
        "--map", "label=Site,url=Website,username=Login,password=Pass",
    )  # fmt: skip
    assert result.code in (0, 1), result.err
    assert '"format": "csv"' in result.out
    assert_no_canary(result.out, result.err)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("url=Website", "password column is required"),
        ("colour=Red,password=Pass", "unknown field"),
        ("password", "not FIELD=COLUMN"),
        ("password=A,password=B", "given twice"),
    ],
)
def test_bad_map_is_a_usage_error(spec: str, message: str, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("audit", "--offline", "-a", str(FIXTURES / "generic.csv"), "--map", spec)
    assert result.code == 2
    assert message in result.err


def test_map_column_missing_from_the_header() -> None:
    with pytest.raises(InputError, match="no 'secret' column"):
        read_fixture("generic.csv", column_map={"password": "secret"})


def test_map_with_another_format_is_refused() -> None:
    with pytest.raises(UsageError, match="--map"):
        import_accounts(
            FIXTURES / "generic.csv",
            fmt="chrome-csv",
            stdin=lambda _n: b"",
            options=ReadOptions(column_map={"password": "pass"}),
        )


@pytest.mark.parametrize(
    ("text", "size"), [("1000", 1000), ("2K", 2048), ("512M", 512 << 20), ("1GiB", 1 << 30)]
)
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_streaming_reads_a_big_csv(tmp_path: Path) -> None:
    export = tmp_path / "many.csv"
    with export.open("w") as out:
        out.write(HEADER)
        for i in range(5_000):
            out.write(f"site{i},https://s{i}.example,user{i},pw-{i}-x\n")
    _, summary, _ = import_accounts(export, fmt=None, stdin=lambda _n: b"")
    assert summary.used == 5_000
