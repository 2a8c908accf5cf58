"""The key-derivation parameters of a KDBX database, read and bounded before deriving.

Opening a KeePass database runs its key-derivation function (AES-KDF or
Argon2) with the parameters stored in the file's outer header. A damaged or
hostile file can ask for 268 million Argon2 iterations, which would run for
hours inside a C call that ignores Ctrl-C. So the header is parsed here, in
plain Python, and parameters above `KdfBounds` are refused before anything is
derived (or a password asked for). The defaults sit far above what KeePass and
KeePassXC create (KeePassXC aims at one second; its Argon2 default is 64 MiB);
`--kdbx-kdf-limit N` multiplies them.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from privaudit.errors import InputError
from privaudit.i18n import _

_KDF_PARAMETERS = 11  # KDBX 4 outer header field: a VariantDictionary
_TRANSFORM_ROUNDS = 6  # KDBX 3 outer header field: AES-KDF rounds (uint64)
_AES_KDF = {
    bytes.fromhex("c9d9f39a628a4460bf740d08c18a4fea"),  # AES-KDF (KDBX 3.1 and 4)
    bytes.fromhex("7c02bb8279a74ac0927d114a00648238"),  # AES-KDF, KDBX 4 alternative id
}
_ARGON2 = {
    bytes.fromhex("ef636ddf8c29444b91f7a9a403e30a0c"),  # Argon2d
    bytes.fromhex("9e298b1956db4773b23dfc3ec6f0a1e6"),  # Argon2id
}


@dataclass(frozen=True, slots=True)
class KdfBounds:
    aes_rounds: int = 100_000_000
    argon2_iterations: int = 100
    argon2_memory: int = 1024 * 1024 * 1024
    argon2_parallelism: int = 64

    def scaled(self, factor: int) -> KdfBounds:
        return KdfBounds(
            self.aes_rounds * factor,
            self.argon2_iterations * factor,
            self.argon2_memory * factor,
            self.argon2_parallelism * factor,
        )


@dataclass(frozen=True, slots=True)
class KdfParameters:
    kind: str
    """"aes", "argon2" or "unknown"."""
    rounds: int = 0
    memory: int = 0
    parallelism: int = 0


def read_kdf(data: bytes, name: str) -> KdfParameters:
    """The KDF of a KDBX 3 or 4 file; InputError when the header is damaged."""
    try:
        return _read_kdf(data)
    except (struct.error, IndexError, ValueError):
        raise InputError(
            _(
                "{name}: the KeePass database header is damaged; open and save it"
                " in KeePassXC, then try again"
            ).format(name=name)
        ) from None


def _read_kdf(data: bytes) -> KdfParameters:
    major = struct.unpack_from("<H", data, 10)[0]
    size_format, offset = ("<I", 4) if major >= 4 else ("<H", 2)
    pos = 12
    while True:
        field_id = data[pos]
        (length,) = struct.unpack_from(size_format, data, pos + 1)
        start = pos + 1 + offset
        value = data[start : start + length]
        if len(value) != length:
            raise ValueError("header field runs past the end")
        if field_id == 0:
            break
        if field_id == _TRANSFORM_ROUNDS and major < 4:
            return KdfParameters("aes", rounds=struct.unpack("<Q", value)[0])
        if field_id == _KDF_PARAMETERS and major >= 4:
            return _from_variants(_variant_dictionary(value))
        pos = start + length
    raise ValueError("no key-derivation parameters")


def _variant_dictionary(blob: bytes) -> dict[str, bytes]:
    items: dict[str, bytes] = {}
    pos = 2  # version
    while True:
        kind = blob[pos]
        if kind == 0:
            return items
        (key_length,) = struct.unpack_from("<i", blob, pos + 1)
        key = blob[pos + 5 : pos + 5 + key_length].decode("utf-8")
        pos += 5 + key_length
        (value_length,) = struct.unpack_from("<i", blob, pos)
        if key_length < 0 or value_length < 0 or pos + 4 + value_length > len(blob):
            raise ValueError("variant runs past the end")
        items[key] = blob[pos + 4 : pos + 4 + value_length]
        pos += 4 + value_length


def _number(raw: bytes | None) -> int:
    if raw is None or len(raw) not in (4, 8):
        return 0
    return int.from_bytes(raw, "little")


def _from_variants(items: dict[str, bytes]) -> KdfParameters:
    uuid = items.get("$UUID", b"")
    if uuid in _AES_KDF:
        return KdfParameters("aes", rounds=_number(items.get("R")))
    if uuid in _ARGON2:
        return KdfParameters(
            "argon2",
            rounds=_number(items.get("I")),
            memory=_number(items.get("M")),
            parallelism=_number(items.get("P")),
        )
    return KdfParameters("unknown")


def check_kdf(params: KdfParameters, bounds: KdfBounds, name: str) -> None:
    """Refuse parameters above the bounds, naming the one and the option that raises it."""
    over: str | None = None
    if params.kind == "aes" and params.rounds > bounds.aes_rounds:
        over = f"{params.rounds:,} AES-KDF rounds (bound {bounds.aes_rounds:,})"
    elif params.kind == "argon2":
        if params.rounds > bounds.argon2_iterations:
            over = f"{params.rounds:,} Argon2 iterations (bound {bounds.argon2_iterations:,})"
        elif params.memory > bounds.argon2_memory:
            over = (
                f"{params.memory // 2**20:,} MiB of Argon2 memory"
                f" (bound {bounds.argon2_memory // 2**20:,} MiB)"
            )
        elif params.parallelism > bounds.argon2_parallelism:
            over = f"Argon2 parallelism {params.parallelism} (bound {bounds.argon2_parallelism})"
    if over is not None:
        raise InputError(
            _(
                "{name}: refusing to open: the database asks for {over}, which"
                " would take very long or exhaust memory (a damaged file?); if it"
                " is right, pass --kdbx-kdf-limit N to allow N times the bounds"
            ).format(name=name, over=over)
        )
