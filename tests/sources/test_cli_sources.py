"""`privaudit sources list`, the demo's import summary, and detection with a custom importer."""

from __future__ import annotations

import json

import pytest

from privaudit.accounts import Account
from privaudit.errors import InputError
from privaudit.sources import (
    BUILTIN_SOURCES,
    ImportResult,
    ReadOptions,
    SourceData,
    import_accounts,
)
from tests.sources.conftest import FIXTURES


def test_sources_list_table(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("sources", "list")
    assert result.code == 0
    for name in BUILTIN_SOURCES:
        assert name in result.out
    assert "\x1b[" not in result.out


def test_sources_list_json(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("sources", "list", "--format", "json")
    rows = json.loads(result.out)
    assert {r["name"] for r in rows} >= set(BUILTIN_SOURCES)
    kdbx = next(r for r in rows if r["name"] == "keepass-kdbx")
    assert kdbx["plaintext"] is False
    assert kdbx["origin"] == "built-in"
    assert cli("sources", "list", "--format", "xml").code == 2


def test_demo_shows_the_import_counts(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("demo", "--format", "json")
    doc = json.loads(result.out)
    (source,) = doc["inputs"]["sources"]
    assert source["format"] == "bitwarden-json"
    assert (source["read"], source["used"]) == (11, 8)
    assert source["skipped"] == {"secure note": 1, "card": 1, "no password": 1}
    ids = {f["check_id"] for f in doc["findings"]}
    assert {"WEB101", "PW103", "MFA150"} <= ids


def test_plaintext_export_notice(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("audit", "--offline", "--no-input", "-a", str(FIXTURES / "chrome.csv"))
    assert "delete it now" in result.out


class _Custom:
    name = "acme-csv"
    description = "ACME vault"
    plaintext = True

    def detect(self, sample: bytes, filename: str) -> bool:
        return sample.startswith(b"ACME")

    def read(self, source: SourceData, options: ReadOptions) -> ImportResult:
        return ImportResult(accounts=[Account(label="ACME", username="a")], read=1)


def test_a_custom_importer_takes_part_in_detection(tmp_path) -> None:  # type: ignore[no-untyped-def]
    export = tmp_path / "acme.txt"
    export.write_bytes(b"ACME v1\n")
    _, summary, _ = import_accounts(export, fmt=None, stdin=lambda _n: b"", importers=[_Custom()])
    assert (summary.format, summary.read) == ("acme-csv", 1)


def test_an_export_with_no_logins_names_the_other_formats_and_map(tmp_path) -> None:  # type: ignore[no-untyped-def]
    export = tmp_path / "enpass.json"
    # Enpass-like JSON that Bitwarden's detector accepts, holding no Bitwarden logins.
    export.write_text('{"folders": [], "items": [{"title": "Mail", "fields": []}]}')
    with pytest.raises(InputError) as caught:
        import_accounts(export, fmt=None, stdin=lambda _n: b"")
    message = str(caught.value)
    assert "no logins were found" in message and "--source-format" in message
    assert "--map" in message


def test_an_empty_file_says_it_is_empty(tmp_path) -> None:  # type: ignore[no-untyped-def]
    export = tmp_path / "chrome.csv"
    export.write_bytes(b"")
    with pytest.raises(InputError, match=r"chrome\.csv: the file is empty"):
        import_accounts(export, fmt=None, stdin=lambda _n: b"")
