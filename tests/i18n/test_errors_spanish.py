"""Bad input answers in Spanish too: one line, the same exit code, no English left."""

from __future__ import annotations

from pathlib import Path

from tests.i18n.english import english_lines

PREFIX = "privaudit: error: "


def _one_spanish_line(result, folder: Path, *allowed: str) -> str:  # type: ignore[no-untyped-def]
    """The error line, the test's folder (pytest's English words) shown as `RUTA`."""
    assert result.code == 2, result.err
    assert result.err.count("\n") == 1, result.err
    assert result.err.startswith(PREFIX)
    line = result.err.removeprefix(PREFIX).replace(str(folder), "RUTA").rstrip("\n")
    assert english_lines(line, allowed=allowed) == [], line
    return line


def test_a_missing_export_is_named_in_spanish(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "exportacion.csv"
    line = _one_spanish_line(
        cli("--lang", "es", "audit", "--offline", "--accounts", str(missing)), tmp_path
    )
    assert line.startswith("no se encontró RUTA/exportacion.csv")
    assert "(exportación): revisa la ruta" in line


def test_a_folder_given_as_export_in_spanish(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    line = _one_spanish_line(
        cli("--lang", "es", "audit", "--offline", "--accounts", str(tmp_path)), tmp_path
    )
    assert "es una carpeta" in line


def test_an_empty_export_in_spanish(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "vacia.csv"
    empty.write_bytes(b"")
    line = _one_spanish_line(
        cli("--lang", "es", "audit", "--offline", "--accounts", str(empty)), tmp_path
    )
    assert (
        line == "vacia.csv: el archivo está vacío; exporta de nuevo desde tu gestor de contraseñas"
    )


def test_a_broken_bitwarden_json_in_spanish(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export = tmp_path / "bitwarden.json"
    export.write_text('{"encrypted": false, "items": [', encoding="utf-8")
    result = cli(
        "--lang",
        "es",
        "audit",
        "--offline",
        "--accounts",
        str(export),
        "--source-format",
        "bitwarden-json",
    )
    line = _one_spanish_line(result, tmp_path, "Bitwarden")
    assert "JSON no válido en la línea 1" in line
    assert "exporta de nuevo desde Bitwarden" in line


def test_a_bad_column_map_in_spanish(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export = tmp_path / "cuentas.csv"
    export.write_text("sitio,clave\nejemplo.org,x\n", encoding="utf-8")
    result = cli("--lang", "es", "audit", "--offline", "--accounts", str(export), "--map", "sitio")
    line = _one_spanish_line(
        result, tmp_path, "FIELD", "COLUMN", "url", "username", "password", "label", "totp"
    )
    assert "no tiene la forma CAMPO=COLUMNA" in line


def test_a_profile_error_in_spanish(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    profile = tmp_path / "perfil.toml"
    profile.write_text('[[accounts]]\nusername = "ana"\n', encoding="utf-8")
    result = cli("--lang", "es", "audit", "--config", str(profile), "--offline")
    line = _one_spanish_line(result, tmp_path)
    assert line == ("RUTA/perfil.toml: accounts[1]: falta 'service' (el nombre del sitio o la app)")


def test_a_missing_profile_in_spanish(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "no-existe.toml"
    line = _one_spanish_line(
        cli("--lang", "es", "audit", "--config", str(missing), "--offline"), tmp_path
    )
    assert line.endswith("(archivo de configuración): revisa la ruta, o quita --config")
