"""The data, pwned-data, media, incident and mfa verify commands answer in Spanish too."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from privaudit.secret import TotpSeed
from privaudit.tfa.otpauth import parse_totp
from privaudit.tfa.totp import code_for, counter_at
from tests.conftest import CANARY_TOTP, assert_no_canary
from tests.i18n.english import english_lines

PREFIX = "privaudit: error: "


def _error(result, *allowed: str) -> str:  # type: ignore[no-untyped-def]
    """The one Spanish error line (exit code 2)."""
    assert result.code == 2, result.err
    assert result.err.count("\n") == 1, result.err
    assert result.err.startswith(PREFIX)
    line = result.err.removeprefix(PREFIX).rstrip("\n")
    assert english_lines(line, allowed=allowed) == [], line
    return line


def test_data_status_and_a_bad_only_in_spanish(cli) -> None:  # type: ignore[no-untyped-def]
    status = cli("--lang", "es", "data", "status")
    assert status.code == 0, status.err
    assert status.out.startswith("datos de 2FA en uso: ")
    assert "datos de filtraciones en uso: " in status.out
    assert "datos de llaves de acceso en uso: " in status.out
    line = _error(cli("--lang", "es", "data", "update", "--only", "nada"), "tfa", "breaches")
    assert line == "--only nada: elige entre tfa, breaches, passkeys"


def test_pwned_data_build_refuses_to_overwrite_in_spanish(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "origen.txt"
    source.write_text("", encoding="utf-8")
    output = tmp_path / "indice.bin"
    output.write_bytes(b"x")
    line = _error(cli("--lang", "es", "pwned-data", "build", str(source), str(output)))
    assert line == f"{output} ya existe; usa --force para reemplazarlo"


def test_media_match_with_no_fingerprints_in_spanish(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"no es una imagen")
    result = cli("--lang", "es", "media", "match", str(photo))
    line = _error(result, "privaudit media fingerprint")
    assert line.startswith("la lista de hashes está vacía")


def test_incident_add_verify_and_a_bad_status_in_spanish(cli) -> None:  # type: ignore[no-untyped-def]
    added = cli("--lang", "es", "incident", "add", "--url", "https://a.example/1", "--minor")
    assert added.code == 0, added.err
    assert added.out.startswith("incidente 1 registrado el ")
    assert "una persona menor de 18 años" in added.out
    verified = cli("--lang", "es", "incident", "verify")
    assert verified.code == 0, verified.err
    assert verified.out.startswith("el registro de pruebas está bien: ")
    line = _error(cli("--lang", "es", "incident", "update", "1", "--status", "listo"))
    assert line.startswith("no conozco el --status 'listo'; usa uno de estos: ")


def test_mfa_verify_matches_and_refuses_in_spanish(cli) -> None:  # type: ignore[no-untyped-def]
    config = parse_totp(TotpSeed(CANARY_TOTP))
    code = code_for(config, counter_at(datetime.now(UTC), config.period))
    result = cli(
        "--lang", "es", "mfa", "verify", "--seed-prompt", stdin=f"{CANARY_TOTP}\n{code}\n".encode()
    )
    assert result.code == 0, result.err
    first = result.out.splitlines()[0]
    assert first.endswith(": el código coincide; la app está bien configurada.")
    assert english_lines(first, allowed=("TOTP",)) == []
    assert_no_canary(result.out, result.err, canaries=(CANARY_TOTP,))
    line = _error(cli("--lang", "es", "mfa", "verify"))
    assert line == "mfa verify: da --accounts EXPORTACIÓN o --seed-prompt, uno de los dos"


def test_pwned_data_build_of_a_bad_corpus_in_spanish(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "corpus.txt"
    source.write_text("no es un corpus\n", encoding="utf-8")
    output = tmp_path / "indice.bin"
    result = cli("--lang", "es", "pwned-data", "build", str(source), str(output), "--quiet")
    line = _error(result, "HASH:CUENTA")
    assert line.endswith("no se escribió ningún índice")
    assert not output.exists()


def test_data_update_with_a_plain_http_url_in_spanish(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("--lang", "es", "data", "update", "--url", "http://example.org/all.json")
    line = _error(result, "localhost", "tfa.url", "--url")
    assert line.startswith("datos de 2FA: la URL 'http://example.org/all.json' debe usar https://")
