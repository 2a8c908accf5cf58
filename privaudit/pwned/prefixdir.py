"""What a valid per-prefix corpus folder is: one definition for `pwned-data build` and lookups.

The official downloader writes one file per 5-hex prefix, `00000.txt` to
`FFFFF.txt` (all 1,048,576 of them, since every prefix has hashes), each of
`SUFFIX:COUNT` lines (35 hex digits, a decimal count, CRLF or LF). A file is
valid only if every non-empty line is such a line and no suffix appears twice;
junk after valid lines, a negative or non-decimal count, or a duplicate makes
the whole file invalid (an ERROR for the accounts it holds), never a guess. A
missing file makes the folder incomplete: the build refuses it, and a lookup
that needs it is an ERROR.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from privaudit.errors import InputError, ServiceError

PREFIX_COUNT = 16**5
_NAME = re.compile(r"^[0-9A-Fa-f]{5}\.txt$")
_BODY = re.compile(r"(?:[0-9A-F]{35}:[0-9]{1,12}\r?\n|[ \t\r]*\n)*(?:[0-9A-F]{35}:[0-9]{1,12}\r?)?")
_SUFFIX = re.compile(r"^([0-9A-F]{35}):", re.MULTILINE)
_ENTRY = re.compile(r"^([0-9A-F]{35}):0*([1-9][0-9]*)\r?$", re.MULTILINE)


def expected_prefixes() -> Iterable[str]:
    """Every prefix a complete folder has a file for."""
    return (f"{i:05X}" for i in range(PREFIX_COUNT))


def prefix_files(folder: Path) -> list[tuple[Path, str]]:
    """[(file, prefix)] of a complete folder in prefix order; InputError if incomplete."""
    found: dict[str, Path] = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            if _NAME.match(entry.name):
                found[entry.name[:5].upper()] = Path(entry.path)
    if not found:
        raise InputError(f"{folder} holds no per-prefix files (00000.txt ...)")
    missing = [p for p in expected_prefixes() if p not in found]
    if missing:
        raise InputError(
            f"{folder} is incomplete: {len(missing):,} prefix file(s) missing"
            f" (first: {missing[0]}.txt); download the corpus again; no index was written"
        )
    return [(found[p], p) for p in sorted(found)]


def parse_prefix_file(text: str, where: str) -> dict[str, int]:
    """The non-zero counts of one prefix file; ServiceError if any line is not valid."""
    if text[:35] != text[:35].upper():
        text = text.upper()  # a lower-case copy of the download: same hashes
    if _BODY.fullmatch(text) is None:
        raise ServiceError(
            f"{where} holds a line that is not SUFFIX:COUNT (corrupt or tampered"
            " download?); download the corpus again"
        )
    suffixes = _SUFFIX.findall(text)
    if not suffixes:
        raise ServiceError(f"{where} holds no SUFFIX:COUNT line; download the corpus again")
    if len(set(suffixes)) != len(suffixes):
        raise ServiceError(f"{where} lists a suffix twice; download the corpus again")
    return {suffix: int(count) for suffix, count in _ENTRY.findall(text)}


def read_prefix_file(path: Path) -> dict[str, int]:
    """`parse_prefix_file` of a file on disk; ServiceError when missing or unreadable."""
    try:
        text = path.read_bytes().decode("ascii")
    except FileNotFoundError:
        raise ServiceError(
            f"breach corpus {path.parent} is incomplete: a prefix file is missing;"
            " download the corpus again"
        ) from None
    except (OSError, UnicodeDecodeError):
        raise ServiceError(f"breach corpus {path.parent}: unreadable prefix file") from None
    # Never name the file: its name is the first 5 hex digits of the password's hash.
    return parse_prefix_file(text, f"breach corpus {path.parent}: a prefix file")
