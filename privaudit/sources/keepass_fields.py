"""KeePass entry fields: field references and the TOTP fields of KeePass 2 and KeePassXC.

KeePass lets one entry take a field from another: `{REF:P@I:46C9B1FFBD4ABC4BBB260C6190BAD20C}`
is "the password of the entry whose UUID is …". Entries that share one password this
way must be audited as sharing it, so references are resolved before any check runs.
The wanted field is one of T(itle), U(ser name), P(assword), A (URL), N(otes);
the search is I (UUID) or, like KeePass, a case-insensitive match on T, U, P, A or N.

TOTP: KeePassXC keeps an otpauth URI in `otp` (older versions `TOTP Seed` and `TOTP
Settings`); KeePass 2.47+ uses `TimeOtp-Secret-Base32` (or `-Secret`, `-Secret-Hex`,
`-Secret-Base64`) with `TimeOtp-Length`, `-Period` and `-Algorithm`, and
`HmacOtp-Secret*` with `HmacOtp-Counter` for HOTP. All become one seed string that
`tfa.otpauth` validates like any other.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final
from urllib.parse import quote

from privaudit.sources.fields import parse_date

_REF: Final = re.compile(r"\{REF:([TUPAN])@([TUPANIO]):([^}]*)\}", re.IGNORECASE)
_FIELDS: Final = {"T": "Title", "U": "UserName", "P": "Password", "A": "URL", "N": "Notes"}
MAX_DEPTH: Final = 10
"""KeePass itself stops after a few nested references; a loop must not hang us."""
_ALGORITHMS: Final = {"HMAC-SHA-1": "SHA1", "HMAC-SHA-256": "SHA256", "HMAC-SHA-512": "SHA512"}


class MissingReference(LookupError):
    """A field refers to an entry that is not in the database (message names no value)."""


@dataclass(frozen=True, slots=True)
class Entry:
    uuid: str
    """32 upper-case hex digits, as references write it."""
    fields: Mapping[str, str]


def uuid_hex(raw: str | bytes | None) -> str:
    """KDBX/XML store UUIDs as Base64 of 16 bytes; references use hex."""
    if raw is None:
        return ""
    if isinstance(raw, bytes):
        return raw.hex().upper()
    text = raw.strip()
    if re.fullmatch(r"[0-9A-Fa-f-]{32,36}", text):
        return text.replace("-", "").upper()
    try:
        return base64.b64decode(text, validate=True).hex().upper()
    except (binascii.Error, ValueError):
        return ""


class References:
    """Resolves `{REF:…}` in the fields of one database's entries."""

    def __init__(self, entries: list[Entry]) -> None:
        self._entries = entries
        self._by_uuid = {e.uuid: e for e in entries if e.uuid}

    def _find(self, search_in: str, text: str) -> Entry | None:
        if search_in == "I":
            return self._by_uuid.get(text.strip().replace("-", "").upper())
        wanted = text.casefold()
        names = list(_FIELDS.values()) if search_in == "O" else [_FIELDS[search_in]]
        for entry in self._entries:
            if any(wanted in entry.fields.get(n, "").casefold() for n in names):
                return entry
        return None

    def resolve(self, value: str, depth: int = 0) -> str:
        if "{REF:" not in value.upper():
            return value
        if depth >= MAX_DEPTH:
            raise MissingReference("a field reference loops back on itself")

        def replace(found: re.Match[str]) -> str:
            wanted, search_in, text = (found.group(1).upper(), found.group(2).upper(), found[3])
            target = self._find(search_in, text)
            if target is None:
                raise MissingReference("refers to an entry that is not in the database")
            return self.resolve(target.fields.get(_FIELDS[wanted], ""), depth + 1)

        return _REF.sub(replace, value)

    def fields(self, entry: Entry) -> dict[str, str]:
        """The entry's fields with references resolved; MissingReference if one cannot be."""
        return {k: self.resolve(v) for k, v in entry.fields.items()}


def _secret_base32(fields: Mapping[str, str], prefix: str) -> str | None:
    """KeePass 2's four encodings of one secret, as Base32."""
    if fields.get(prefix + "-Secret-Base32", "").strip():
        return fields[prefix + "-Secret-Base32"].strip()
    raw: bytes | None = None
    try:
        if fields.get(prefix + "-Secret-Hex", "").strip():
            raw = bytes.fromhex("".join(fields[prefix + "-Secret-Hex"].split()))
        elif fields.get(prefix + "-Secret-Base64", "").strip():
            raw = base64.b64decode(fields[prefix + "-Secret-Base64"].strip(), validate=True)
        elif fields.get(prefix + "-Secret", ""):
            raw = fields[prefix + "-Secret"].encode("utf-8")
    except (ValueError, binascii.Error):
        return "!"  # not Base32: TOTP101 reports a malformed secret, naming no value
    return base64.b32encode(raw).decode("ascii").rstrip("=") if raw else None


def otp_seed(fields: Mapping[str, str]) -> str:
    """The entry's one-time-code setup as a seed string ('' when it has none)."""
    if fields.get("otp", "").strip():
        return fields["otp"].strip()
    if fields.get("TOTP Seed", "").strip():  # KeePassXC before 2.6
        seed = fields["TOTP Seed"].strip()
        settings = fields.get("TOTP Settings", "").strip()
        period, _, digits = settings.partition(";")
        if digits.upper() == "S":
            return "steam://" + seed
        if period.isdigit() and digits.isdigit():
            return f"otpauth://totp/KeePassXC?secret={quote(seed)}&period={period}&digits={digits}"
        return seed
    totp = _secret_base32(fields, "TimeOtp")
    if totp:
        query = f"secret={quote(totp)}"
        if fields.get("TimeOtp-Length", "").strip():
            query += "&digits=" + quote(fields["TimeOtp-Length"].strip())
        if fields.get("TimeOtp-Period", "").strip():
            query += "&period=" + quote(fields["TimeOtp-Period"].strip())
        algorithm = fields.get("TimeOtp-Algorithm", "").strip().upper()
        if algorithm:
            query += "&algorithm=" + quote(_ALGORITHMS.get(algorithm, algorithm))
        return f"otpauth://totp/KeePass?{query}"
    hotp = _secret_base32(fields, "HmacOtp")
    if hotp:
        counter = fields.get("HmacOtp-Counter", "").strip()
        return f"otpauth://hotp/KeePass?secret={quote(hotp)}&counter={quote(counter)}"
    return ""


RECYCLE_BIN_NAMES: Final = frozenset(
    name.casefold()
    for name in (
        # The recycle bin's default name in the languages KeePass 2 and KeePassXC ship.
        "Recycle Bin",  # en
        "Papierkorb",  # de
        "Corbeille",  # fr
        "Papelera",  # es (KeePassXC)
        "Papelera de reciclaje",  # es (KeePass)
        "Cestino",  # it
        "Prullenbak",  # nl
        "Kosz",  # pl
        "Lixeira",  # pt-BR
        "Reciclagem",  # pt-PT
        "Lixo",  # pt-PT (KeePass)
        "Корзина",  # ru
        "Кошик",  # uk
        "ごみ箱",  # ja
        "回收站",  # zh-CN
        "資源回收筒",  # zh-TW
        "휴지통",  # ko
        "Papírkosár",  # hu
        "Koš",  # cs, sk
        "Papperskorg",  # sv
        "Papirkurv",  # da, nb
        "Roskakori",  # fi
        "Çöp Kutusu",  # tr
        "Κάδος ανακύκλωσης",  # el
        "Coș de gunoi",  # ro
        "Кошче",  # bg
        "Koš za smeće",  # hr
        "Paperera",  # ca
        "Prügikast",  # et
        "Miskaste",  # lv
        "Šiukšliadėžė",  # lt
        "Koš za smeti",  # sl
        "Thùng rác",  # vi
        "Tempat Sampah",  # id
        "סל מיחזור",  # he
        "سلة المحذوفات",  # ar
        "سطل بازیافت",  # fa
        "ถังรีไซเคิล",  # th
    )
)


def in_recycle_bin(group_path: str) -> bool:
    """A KeePassXC CSV `Group` ("Passwords/Papierkorb/Old") under the recycle bin.

    The CSV has no group UUIDs, so the bin is known by its default name in any
    language, as the root group's child (its only place); or first, for exports
    written without the root group.
    """
    parts = [p.strip().casefold() for p in group_path.split("/") if p.strip()]
    return any(part in RECYCLE_BIN_NAMES for part in parts[:2])


_KDBX4_EPOCH: Final = datetime(1, 1, 1, tzinfo=UTC)


def xml_time(text: str | None) -> datetime | None:
    """A KeePass XML time: ISO-8601 (KeePass 2, KeePassXC exports) or, inside KDBX 4,
    Base64 of little-endian seconds since 0001-01-01."""
    value = (text or "").strip()
    if not value:
        return None
    if re.fullmatch(r"[A-Za-z0-9+/]{11}=", value):
        seconds = int.from_bytes(base64.b64decode(value), "little", signed=True)
        try:
            return _KDBX4_EPOCH + timedelta(seconds=seconds)
        except OverflowError:
            return None
    return parse_date(value)
