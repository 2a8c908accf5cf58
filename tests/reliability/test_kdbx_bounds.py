"""KDBX key-derivation parameters above the documented bounds are refused before any
key is derived or any password asked for; --kdbx-kdf-limit raises the bounds."""

from __future__ import annotations

import struct
import time
from pathlib import Path

import pytest

from privaudit.errors import InputError
from privaudit.secret import Secret
from privaudit.sources import ReadOptions, import_accounts
from privaudit.sources.kdbx_header import KdfBounds, KdfParameters, check_kdf, read_kdf
from tests.sources.test_kdbx import DB_PASSWORD, make_database

ITERATIONS = b"\x05\x01\x00\x00\x00I\x08\x00\x00\x00"
MEMORY = b"\x05\x01\x00\x00\x00M\x08\x00\x00\x00"


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return make_database(tmp_path_factory.mktemp("kdf") / "v.kdbx", DB_PASSWORD).read_bytes()


def _patched(data: bytes, marker: bytes, value: int) -> bytes:
    at = data.index(marker) + len(marker)
    return data[:at] + struct.pack("<Q", value) + data[at + 8 :]


def _read(path: Path, asked: list[int], limit: int = 1):  # type: ignore[no-untyped-def]
    def password() -> Secret:
        asked.append(1)
        return Secret(DB_PASSWORD)

    options = ReadOptions(kdbx_password=password, kdbx_kdf_limit=limit)
    return import_accounts(path, fmt=None, stdin=lambda _n: b"", options=options)


def test_the_header_of_a_real_database_is_read(vault: bytes) -> None:
    params = read_kdf(vault, "v.kdbx")
    assert params == KdfParameters(
        "argon2", rounds=1, memory=1024 * 1024, parallelism=params.parallelism
    )


def test_bit_flipped_argon2_iterations_are_refused_at_once(vault: bytes, tmp_path: Path) -> None:
    path = tmp_path / "flipped.kdbx"
    path.write_bytes(_patched(vault, ITERATIONS, 268_435_457))
    asked: list[int] = []
    start = time.monotonic()
    with pytest.raises(
        InputError, match=r"268,435,457 Argon2 iterations \(bound 100\).*--kdbx-kdf-limit"
    ):
        _read(path, asked)
    assert asked == [], "no password is asked for a file that will be refused"
    assert time.monotonic() - start < 30  # generous: it is a header read, not a derivation


def test_huge_argon2_memory_is_refused(vault: bytes, tmp_path: Path) -> None:
    path = tmp_path / "memory.kdbx"
    path.write_bytes(_patched(vault, MEMORY, 64 * 2**30))
    with pytest.raises(InputError, match="65,536 MiB of Argon2 memory"):
        _read(path, [])


def test_the_limit_option_raises_the_bounds(vault: bytes, tmp_path: Path) -> None:
    path = tmp_path / "slowish.kdbx"
    path.write_bytes(_patched(vault, ITERATIONS, 150))
    with pytest.raises(InputError, match="150 Argon2 iterations"):
        _read(path, [])
    check_kdf(read_kdf(path.read_bytes(), "x"), KdfBounds().scaled(2), "x")  # allowed at 2x


def test_aes_kdf_rounds_are_bounded() -> None:
    with pytest.raises(InputError, match="AES-KDF rounds"):
        check_kdf(KdfParameters("aes", rounds=2**40), KdfBounds(), "x")
    check_kdf(KdfParameters("aes", rounds=60_000), KdfBounds(), "x")


@pytest.mark.parametrize("cut", [12, 20, 60, 200])
def test_a_cut_header_is_one_clear_error(vault: bytes, cut: int) -> None:
    with pytest.raises(InputError, match=r"header is damaged|KeePass"):
        read_kdf(vault[:cut], "v.kdbx")


def test_the_cli_refuses_with_exit_2(cli, vault: bytes, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "flipped.kdbx"
    path.write_bytes(_patched(vault, ITERATIONS, 268_435_457))
    result = cli(
        "audit", "--offline", "--no-input", "-a", str(path), "--kdbx-password-stdin", stdin=b"pw\n"
    )
    assert result.code == 2
    assert "Argon2 iterations" in result.err
