"""The bytes of one export, opened lazily so big CSV files stream in bounded memory."""

from __future__ import annotations

import csv
import io
import json
import os
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from privaudit.errors import InputError
from privaudit.files import io_error, open_user_file, over_limit
from privaudit.i18n import _

SAMPLE_BYTES = 65536


@dataclass(frozen=True)
class SourceData:
    """One export: its display name, first bytes, size and a way to open it."""

    name: str
    head: bytes
    size: int
    opener: Callable[[], IO[bytes]]
    max_bytes: int

    @classmethod
    def from_bytes(
        cls, data: bytes, name: str = "stdin", max_bytes: int | None = None
    ) -> SourceData:
        return cls(
            name=name,
            head=data[:SAMPLE_BYTES],
            size=len(data),
            opener=lambda: io.BytesIO(data),
            max_bytes=max_bytes if max_bytes is not None else max(len(data), 1),
        )

    def open(self) -> IO[bytes]:
        try:
            return self.opener()
        except OSError as exc:
            raise InputError(io_error(self.name, exc)) from None

    def read_all(self) -> bytes:
        """The whole export, for formats that cannot stream (JSON, XML, KDBX)."""
        with self.open() as stream:
            try:
                data = stream.read(self.max_bytes + 1)
            except OSError as exc:
                raise InputError(io_error(self.name, exc)) from None
        if len(data) > self.max_bytes:
            raise InputError(over_limit(self.name, self.max_bytes))
        return data


def open_source(path: Path | str, stdin: Callable[[int], bytes], max_bytes: int) -> SourceData:
    if str(path) == "-":
        data = stdin(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(over_limit("stdin", max_bytes))
        return SourceData.from_bytes(data, "stdin", max_bytes)
    p = Path(path)
    # Process substitution (-a <(gpg -d export.csv.gpg)) is a pipe: stdin reads it safely.
    hint = _("give a regular file, or pipe the export to stdin with --accounts -")
    with open_user_file(p, what="export", max_bytes=max_bytes, pipe_hint=hint) as stream:
        size = os.fstat(stream.fileno()).st_size
        try:
            head = stream.read(SAMPLE_BYTES)
        except OSError as exc:
            raise InputError(io_error(p, exc)) from None
    if size > max_bytes:
        raise InputError(
            _(
                "{path}: {size} bytes is over the {limit}-byte limit;"
                " pass --max-input-size to raise it"
            ).format(path=p, size=size, limit=max_bytes)
        )
    return SourceData(
        name=p.name,
        head=head,
        size=size,
        opener=lambda: open_user_file(p, what="export", max_bytes=max_bytes),
        max_bytes=max_bytes,
    )


def parse_size(text: str) -> int:
    """'512M', '2G', '1000000' -> bytes; for --max-input-size."""
    units = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}
    raw = text.strip().upper().removesuffix("B").removesuffix("I")
    unit = raw[-1:] if raw[-1:] in units and raw[-1:] else ""
    number = raw[: len(raw) - len(unit)].strip()
    if not number.isdigit() or int(number) <= 0:
        raise ValueError("not a size")
    return int(number) * units[unit]


def encoding_of(head: bytes) -> str:
    """Guess the text encoding from a BOM or the NUL bytes of BOM-less UTF-16."""
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    probe = head[:512]
    if len(probe) >= 4:
        even, odd = probe[0::2].count(0), probe[1::2].count(0)
        if odd > len(probe) // 4 and even == 0:
            return "utf-16-le"
        if even > len(probe) // 4 and odd == 0:
            return "utf-16-be"
    return "utf-8"


def decode_text(data: bytes, name: str) -> str:
    try:
        return data.decode(encoding_of(data[:SAMPLE_BYTES]))
    except UnicodeDecodeError as exc:
        raise InputError(
            _("{name}: not UTF-8 or UTF-16 text (byte {byte}); export it again as UTF-8").format(
                name=name, byte=exc.start
            )
        ) from None


def decode_head(head: bytes) -> str:
    """The sample as text for detection: lenient, since it may end mid-character."""
    return head.decode(encoding_of(head), errors="replace").lstrip("\ufeff")


def _bounded_int(digits: str) -> int | None:
    # Python refuses int() of over 4,300 digits (ValueError); no export needs 20.
    return int(digits) if len(digits) <= 40 else None


def load_json(data: bytes, name: str, hint: str) -> Any:
    """Parse JSON; any failure is one InputError that names no value from the file."""
    text = decode_text(data, name).lstrip("\ufeff")
    try:
        return json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise InputError(
            _(
                "{name}: invalid JSON at line {line} column {column};"
                " the export may be cut short: {hint}"
            ).format(name=name, line=exc.lineno, column=exc.colno, hint=_(hint))
        ) from None
    except RecursionError:
        raise InputError(
            _("{name}: JSON nested too deeply to be an export: {hint}").format(
                name=name, hint=_(hint)
            )
        ) from None


def looks_like_json(head: bytes, *keys: bytes) -> bool:
    """Whether the sample is a JSON document mentioning every one of `keys`."""
    text = decode_head(head).lstrip(" \t\r\n")
    if not text.startswith(("{", "[")):
        return False
    blob = text.encode("utf-8", "replace")
    return all(key in blob for key in keys)


def is_zip(head: bytes) -> bool:
    return head.startswith(b"PK\x03\x04")


def read_zip_member(source: SourceData, wanted: Callable[[str], bool], hint: str) -> bytes:
    """The first member `wanted` accepts, decompressed to at most max_bytes (zip bombs)."""
    with source.open() as stream:
        try:
            with zipfile.ZipFile(stream) as archive:
                names = [n for n in archive.namelist() if wanted(n)]
                if not names:
                    raise InputError(_zip_error(_("the zip holds no export data"), source, hint))
                with archive.open(names[0]) as member:
                    data = member.read(source.max_bytes + 1)
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            EOFError,
            zlib.error,
            ValueError,  # a negative seek from a damaged directory offset
            OSError,
            struct.error,
        ):
            raise InputError(_zip_error(_("not a readable zip archive"), source, hint)) from None
        except NotImplementedError:
            what = _("zip uses an unsupported compression")
            raise InputError(_zip_error(what, source, hint)) from None
        except RuntimeError:
            raise InputError(_zip_error(_("the zip is encrypted"), source, hint)) from None
    if len(data) > source.max_bytes:
        raise InputError(
            _(
                "{name}: export data unpacks to over {limit} bytes;"
                " pass --max-input-size to raise the limit"
            ).format(name=source.name, limit=source.max_bytes)
        )
    return data


def _zip_error(what: str, source: SourceData, hint: str) -> str:
    return _("{name}: {what}; {hint}").format(name=source.name, what=what, hint=_(hint))


def normalise(header: str) -> str:
    return " ".join(header.replace("\ufeff", "").split()).casefold()


def sniff_header(head: bytes) -> list[str] | None:
    """The normalised header of a CSV sample, or None if it does not look like one."""
    first = decode_head(head).lstrip("\ufeff")
    if not first or first[0] in "{[<\x00":
        return None
    try:
        row = next(csv.reader(io.StringIO(first[:8192])), None)
    except csv.Error:
        return None
    if not row or len(row) < 2:
        return None
    return [normalise(h) for h in row]
