"""Google Authenticator's export: `otpauth-migration://offline?data=…`.

"Transfer accounts" shows QR codes holding this URI. `data` is Base64 of a
protobuf `MigrationPayload` (Google Authenticator's own schema, also read by
Aegis, 2FAS and andOTP):

    message MigrationPayload {
      repeated OtpParameters otp_parameters = 1;
      int32 version = 2; int32 batch_size = 3; int32 batch_index = 4; int32 batch_id = 5;
    }
    message OtpParameters {
      bytes secret = 1; string name = 2; string issuer = 3;
      Algorithm algorithm = 4;   // 0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5
      DigitCount digits = 5;     // 0 unspecified, 1 six, 2 eight
      OtpType type = 6;          // 0 unspecified, 1 HOTP, 2 TOTP
      int64 counter = 7;
    }

The decoder below reads only that: varints and length-delimited fields, with a
size limit on the URI and on the number of accounts, and skips unknown fields as
protobuf does. Each account becomes an ordinary otpauth:// URI (inside a
`TotpSeed`, still masked) so it is validated and audited like any other. Errors
name the problem, never the payload.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Final
from urllib.parse import parse_qsl, quote, urlsplit

from privaudit.i18n import Domain
from privaudit.secret import TotpSeed
from privaudit.tfa.otpauth import OtpauthError

# OtpauthError messages end up in TOTP101 findings: the checks' domain translates them.
_ = Domain("checks").gettext


SCHEME: Final = "otpauth-migration://"
MAX_MIGRATION_URI: Final = 16 * 1024
"""Far above what one QR code can hold (under 3 KB), far below anything harmful."""
MAX_ACCOUNTS: Final = 200
_ALGORITHMS: Final = {0: "SHA1", 1: "SHA1", 2: "SHA256", 3: "SHA512"}
_DIGITS: Final = {0: 6, 1: 6, 2: 8}
_VARINT, _I64, _LEN, _I32 = 0, 1, 2, 5


@dataclass(frozen=True, slots=True)
class MigratedAccount:
    name: str
    issuer: str
    seed: TotpSeed
    """An otpauth://totp or otpauth://hotp URI built from the payload (masked)."""

    @property
    def label(self) -> str:
        if self.issuer and self.name:
            return f"{self.issuer}: {self.name}"
        return self.issuer or self.name or "(unnamed)"


def is_migration(text: str) -> bool:
    return text.strip()[: len(SCHEME)].lower() == SCHEME


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def varint(self) -> int:
        value = shift = 0
        while True:
            if self.pos >= len(self.data) or shift > 63:
                raise OtpauthError(_("the migration payload is cut short or corrupt"))
            byte = self.data[self.pos]
            self.pos += 1
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value
            shift += 7

    def take(self, size: int) -> bytes:
        if size < 0 or self.pos + size > len(self.data):
            raise OtpauthError(_("the migration payload is cut short or corrupt"))
        chunk = self.data[self.pos : self.pos + size]
        self.pos += size
        return chunk

    def fields(self) -> list[tuple[int, int | bytes]]:
        out: list[tuple[int, int | bytes]] = []
        while self.pos < len(self.data):
            key = self.varint()
            number, wire = key >> 3, key & 7
            if wire == _VARINT:
                out.append((number, self.varint()))
            elif wire == _LEN:
                out.append((number, self.take(self.varint())))
            elif wire == _I64:
                self.take(8)
            elif wire == _I32:
                self.take(4)
            else:
                raise OtpauthError(_("this is not a Google Authenticator export"))
        return out


def _text(value: int | bytes) -> str:
    if not isinstance(value, bytes):
        raise OtpauthError(_("this is not a Google Authenticator export"))
    try:
        return value.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise OtpauthError(_("an account name in the migration payload is not UTF-8")) from None


def _account(raw: bytes, index: int) -> MigratedAccount:
    values: dict[int, int | bytes] = dict(_Reader(raw).fields())
    secret = values.get(1, b"")
    if not isinstance(secret, bytes) or not secret:
        raise OtpauthError(_("account {index} in the export has no secret").format(index=index))
    name, issuer = _text(values.get(2, b"")), _text(values.get(3, b""))
    algorithm = _ALGORITHMS.get(int(values.get(4, 0)) if isinstance(values.get(4, 0), int) else -1)
    digits = _DIGITS.get(int(values.get(5, 0)) if isinstance(values.get(5, 0), int) else -1)
    kind = values.get(6, 2)
    if algorithm is None:
        raise OtpauthError(
            _("account {index} in the export uses a hash type privaudit does not know").format(
                index=index
            )
        )
    if digits is None or kind not in {0, 1, 2}:
        raise OtpauthError(
            _("account {index} in the export has settings privaudit does not know").format(
                index=index
            )
        )
    encoded = base64.b32encode(secret).decode("ascii").rstrip("=")
    label = quote(f"{issuer}:{name}" if issuer else name or "account", safe="@:")
    query = f"secret={encoded}&algorithm={algorithm}&digits={digits}"
    if issuer:
        query += "&issuer=" + quote(issuer, safe="")
    if kind == 1:
        counter = values.get(7, 0)
        query += f"&counter={counter if isinstance(counter, int) else 0}"
        uri = f"otpauth://hotp/{label}?{query}"
    else:
        uri = f"otpauth://totp/{label}?{query}"
    return MigratedAccount(name=name, issuer=issuer, seed=TotpSeed(uri))


def decode_migration(seed: TotpSeed) -> list[MigratedAccount]:
    """The accounts of one `otpauth-migration://offline?data=…` URI (one QR code)."""
    text = seed.reveal().strip()
    if not is_migration(text):
        raise OtpauthError(_("not an otpauth-migration:// URI"))
    if len(text) > MAX_MIGRATION_URI:
        raise OtpauthError(
            _("the export link is longer than {n} characters").format(n=MAX_MIGRATION_URI)
        )
    parts = urlsplit(text)
    if parts.netloc.lower() != "offline":
        raise OtpauthError(_("the migration URI must be otpauth-migration://offline?data=…"))
    data = [v for k, v in parse_qsl(parts.query, keep_blank_values=True) if k == "data"]
    if len(data) != 1 or not data[0]:
        raise OtpauthError(_("the export link needs exactly one 'data' part"))
    # parse_qsl turned '+' into spaces; Base64 has no spaces, so put them back.
    # Some apps write the URL-safe alphabet; both decode strictly.
    raw_b64 = data[0].replace(" ", "+").replace("-", "+").replace("_", "/").rstrip("=")
    try:
        payload = base64.b64decode(raw_b64 + "=" * (-len(raw_b64) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise OtpauthError(_("the migration URI's data is not Base64")) from None
    fields = _Reader(payload).fields()
    accounts = [v for n, v in fields if n == 1]
    if not accounts:
        raise OtpauthError(_("the migration payload holds no accounts"))
    if len(accounts) > MAX_ACCOUNTS:
        raise OtpauthError(
            _("the migration payload holds more than {n} accounts").format(n=MAX_ACCOUNTS)
        )
    out = []
    for index, raw in enumerate(accounts, 1):
        if not isinstance(raw, bytes):
            raise OtpauthError(_("this is not a Google Authenticator export"))
        out.append(_account(raw, index))
    return out


def encode_migration(accounts: list[tuple[bytes, str, str, int, int, int, int]]) -> str:
    """The inverse, for tests and fixtures: (secret, name, issuer, algorithm, digits,
    type, counter) per account, enum values as in the schema above."""

    def varint(value: int) -> bytes:
        out = bytearray()
        while True:
            byte = value & 0x7F
            value >>= 7
            out.append(byte | (0x80 if value else 0))
            if not value:
                return bytes(out)

    def field(number: int, value: int | bytes) -> bytes:
        if isinstance(value, int):
            return varint(number << 3) + varint(value)
        return varint(number << 3 | 2) + varint(len(value)) + value

    payload = b""
    for secret, name, issuer, algorithm, digits, kind, counter in accounts:
        inner = field(1, secret) + field(2, name.encode()) + field(3, issuer.encode())
        inner += field(4, algorithm) + field(5, digits) + field(6, kind) + field(7, counter)
        payload += field(1, inner)
    payload += field(2, 1) + field(3, 1) + field(4, 0)
    data = base64.b64encode(payload).decode("ascii")
    return f"{SCHEME}offline?data={quote(data, safe='')}"
