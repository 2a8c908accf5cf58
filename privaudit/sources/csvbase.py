"""Shared CSV reading: encodings, streaming, messy headers, and a base importer.

Rows are read one at a time from the open file, so memory stays bounded by the
longest row, not the file. Headers are matched case-insensitively; extra or
reordered columns are fine; of duplicate headers the first non-empty value wins.
A short row skips with its row number; a broken file is one InputError.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from privaudit.accounts import Account
from privaudit.errors import InputError
from privaudit.i18n import N_, _
from privaudit.sources import ImportResult, ReadOptions, SourceData
from privaudit.sources.data import encoding_of, normalise, sniff_header
from privaudit.sources.fields import MALFORMED

# csv's default 128 KiB field limit would stop a whole import on one long note;
# this still bounds a runaway unbalanced quote.
FIELD_LIMIT = 16 * 1024 * 1024


@dataclass(frozen=True)
class Row:
    number: int
    """Counting the header as row 1, as a spreadsheet shows it."""
    values: dict[str, str]

    def get(self, *names: str) -> str:
        """The first non-empty value among these columns, stripped."""
        for name in names:
            value = self.values.get(name, "")
            if value.strip():
                return value.strip()
        return ""

    def secret(self, *names: str) -> str:
        """Like get, but unstripped: spaces may be part of a password."""
        for name in names:
            value = self.values.get(name, "")
            if value:
                return value
        return ""

    def has(self, name: str) -> bool:
        return name in self.values


def _set_field_limit() -> None:
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)


def iter_rows(
    source: SourceData, required: tuple[str, ...], hint: str, escapechar: str | None = None
) -> Iterator[Row | str]:
    """Rows of the export; a str instead of a Row locates a row too short to use."""
    _set_field_limit()
    with source.open() as binary:
        stream = io.TextIOWrapper(binary, encoding=encoding_of(source.head), newline="")
        reader = csv.reader(stream, strict=False, escapechar=escapechar)
        number = 1
        try:
            header = [normalise(h) for h in next(reader, [])]
            missing = [name for name in required if name not in header]
            if missing:
                raise InputError(
                    _("{name}: no {column!r} column in the first row; {hint}").format(
                        name=source.name, column=missing[0], hint=_(hint)
                    )
                )
            last = max(required, key=header.index) if required else ""
            width = header.index(last) + 1 if required else 0
            for record in reader:
                number += 1
                if not any(field.strip() for field in record):
                    continue  # blank lines are not items
                if len(record) < width:
                    yield f"row {number}: no {last} column value"
                    continue
                values: dict[str, str] = {}
                for key, value in zip(header, record, strict=False):
                    if key not in values or (not values[key].strip() and value.strip()):
                        values[key] = value
                yield Row(number, values)
        except UnicodeDecodeError:
            # Text is decoded in blocks, so only "after the last row read" is certain.
            raise InputError(
                _(
                    "{name}: not UTF-8 or UTF-16 text after row {number}; export it again as UTF-8"
                ).format(name=source.name, number=number)
            ) from None
        except csv.Error:
            raise InputError(
                _(
                    "{name}: row {row}: not valid CSV (a field over {limit} MiB or"
                    " a stray quote); {hint}"
                ).format(
                    name=source.name,
                    row=number + 1,
                    limit=FIELD_LIMIT // 1024 // 1024,
                    hint=_(hint),
                )
            ) from None


class CsvImporter:
    """A CSV format: subclasses say which headers identify it and how a row maps."""

    name = "csv"
    description = "CSV"
    plaintext = True
    signature: tuple[frozenset[str], ...] = ()
    """Header sets of which one must be fully present for detection."""
    allowed: frozenset[str] | None = None
    """When set, a header with any other column is not this format (Chrome vs NordPass)."""
    required: tuple[str, ...] = ("password",)
    """Columns the header must have; a row too short to reach them is malformed."""
    hint = N_("is this the right export? Name the format with --source-format")

    def detect(self, sample: bytes, filename: str) -> bool:
        header = sniff_header(sample)
        if header is None:
            return False
        names = set(header)
        if self.allowed is not None and not names <= self.allowed:
            return False
        return any(sig <= names for sig in self.signature)

    def read(self, source: SourceData, options: ReadOptions) -> ImportResult:
        result = ImportResult()
        rows = iter_rows(source, self.columns(options), self.hint, self.escapechar(source.head))
        for row in rows:
            result.read += 1
            if isinstance(row, str):
                result.skip(MALFORMED, row)
                continue
            outcome = self.convert(row, source.name, options)
            if isinstance(outcome, Account):
                result.accounts.append(outcome)
            else:
                result.skip(outcome)
        return result

    def escapechar(self, head: bytes) -> str | None:
        """Most exports double quotes inside quoted fields; a few escape them instead."""
        return None

    def columns(self, options: ReadOptions) -> tuple[str, ...]:
        return self.required

    def convert(self, row: Row, source: str, options: ReadOptions) -> Account | str:
        raise NotImplementedError
