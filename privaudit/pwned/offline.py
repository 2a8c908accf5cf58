"""Offline corpora: answer lookups from local files, with no network at all.

Three forms, told apart by `open_corpus`:
- the official downloader's single file of `HASH:COUNT` lines sorted by hash,
  searched in place (binary search over the memory-mapped text: seek, realign
  to the next line, compare), so a 40 GB file needs no conversion and no copy;
- its directory of per-prefix files (`00000.txt` ... with `SUFFIX:COUNT` lines);
- privaudit's compact index (privaudit/pwned/index.py).
Each lookup costs O(log n) small reads. A probe that lands on a malformed line,
or finds keys out of order, raises a ServiceError: never a wrong answer.
"""

from __future__ import annotations

import mmap
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NoReturn, Protocol

from privaudit.errors import InputError, ServiceError
from privaudit.pwned.hashing import range_key
from privaudit.pwned.index import MAGIC, CompactIndex
from privaudit.pwned.lookup import LookupFailure, LookupResult
from privaudit.pwned.prefixdir import read_prefix_file

MAX_LINE = 64
_HEX = b"0123456789ABCDEF"
INTERPOLATION_STEPS = 12
_TEXT_LINE = re.compile(rb"^([0-9A-F]{40}):([0-9]{1,12})\r?$")
GET_ONE = (
    "download one with the official haveibeenpwned-downloader"
    " (https://github.com/HaveIBeenPwned/PwnedPasswordsDownloader)"
)


class Corpus(Protocol):
    description: str

    def count(self, full_hash: str) -> int: ...


class CorpusLookup:
    """A `PwnedLookup` over a local corpus; nothing leaves the machine."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    @property
    def source(self) -> str:
        return f"the offline corpus ({self.corpus.description})"

    async def lookup(self, hashes: Sequence[str]) -> Mapping[str, LookupResult]:
        """A corrupt part of the corpus fails the hashes that need it, not the run."""
        results: dict[str, LookupResult] = {}
        for h in dict.fromkeys(hashes):
            try:
                results[h] = self.corpus.count(h)
            except ServiceError as exc:
                results[h] = LookupFailure(str(exc))
        return results


def _map(path: Path) -> tuple[mmap.mmap, int]:
    try:
        with path.open("rb") as fh:
            size = path.stat().st_size
            if size == 0:
                raise InputError(f"breach corpus {path} is empty; {GET_ONE}")
            return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ), size
    except PermissionError:
        raise InputError(f"cannot read breach corpus {path}: permission denied") from None
    except FileNotFoundError:
        raise InputError(
            f"breach corpus not found: {path} (check --pwned-corpus or pwned.offline_corpus)"
        ) from None


class SortedTextCorpus:
    """The downloader's single `HASH:COUNT` file, sorted by hash."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._mm, self.size = _map(path)
        self.description = f"sorted text file {path.name}"
        self.probes = 0
        first, _ = self._line(0)
        last_start = self._mm.rfind(b"\n", 0, max(0, self.size - 1)) + 1
        last, _ = self._line(last_start)
        if first > last:
            self._unsorted()

    def close(self) -> None:
        self._mm.close()

    def _unsorted(self) -> NoReturn:
        raise ServiceError(
            f"breach corpus {self.path} is not sorted by hash; use the downloader's"
            " single sorted file, or build an index with 'privaudit pwned-data build'"
        )

    def _line(self, start: int) -> tuple[bytes, int]:
        """(key, start of next line) for the line starting at `start`, vetted cheaply."""
        self.probes += 1
        mm = self._mm
        end = mm.find(b"\n", start, start + MAX_LINE)
        nxt = end + 1 if end != -1 else self.size
        key = mm[start : start + 40]
        # Vet in C: 40 upper-case hex digits then a colon; the count is read on a match.
        if len(key) != 40 or key.translate(None, _HEX) or mm[start + 40 : start + 41] != b":":
            self._malformed(start)
        if end == -1 and self.size - start > MAX_LINE:
            self._malformed(start)
        return key, nxt

    def _count_at(self, start: int, nxt: int) -> int:
        match = _TEXT_LINE.match(self._mm[start:nxt].rstrip(b"\n"))
        if match is None:
            self._malformed(start)
        assert match is not None
        return int(match.group(2))

    def _malformed(self, start: int) -> NoReturn:
        head = bytes(self._mm[start : start + 44])
        what = "an NTLM (32-hex) corpus" if re.match(rb"^[0-9A-Fa-f]{32}:", head) else None
        if what is None and re.match(rb"^[0-9a-f]{40}:", head):
            what = "lower-case hashes"
        hint = f" (found {what}; privaudit reads the SHA-1 download)" if what else ""
        raise ServiceError(
            f"breach corpus {self.path}: malformed line at byte {start}, expected"
            f" HASH:COUNT with 40 upper-case hex digits{hint}; {GET_ONE}"
        )

    def count(self, full_hash: str) -> int:
        """Interpolation search (SHA-1 hashes are uniform: ~log log n probes, 2-3 on
        20 M lines), falling back to bisection after `INTERPOLATION_STEPS` probes, so a
        skewed file still costs O(log n) reads, never a scan."""
        target = full_hash.upper().encode("ascii")
        goal = int(target[:16], 16)  # 64 bits place a probe closely enough: cheap ints
        mm, window = self._mm, 2 * MAX_LINE + 1
        lo, hi = 0, self.size  # both are line starts (or EOF)
        lo_key, hi_key = b"", b"G"  # every key left of lo is <= lo_key, from hi on >= hi_key
        lo_val, hi_val = 0, 1 << 64
        step = 0
        while lo < hi:
            step += 1
            if step <= INTERPOLATION_STEPS and hi - lo > 4 * MAX_LINE:
                guess = lo + (hi - lo) * (goal - lo_val) // max(1, hi_val - lo_val)
                pos = min(max(guess, lo + 1), hi - 1)
            else:
                pos = (lo + hi) // 2
            # One read: realign to the first line starting at or after pos.
            base = pos - 1 if pos > lo else lo
            buf = mm[base : base + window]
            cut = buf.find(b"\n") + 1 if pos > lo else 0
            start = base + cut
            if (cut == 0 and pos > lo) or start >= hi:  # no line starts in [pos, hi)
                start = max(lo, mm.rfind(b"\n", lo, pos) + 1)
                buf, cut = mm[start : start + window], 0
            self.probes += 1
            key = buf[cut : cut + 40]
            end = buf.find(b"\n", cut)
            # Vetted in C: 40 upper-case hex digits and a colon; the count is read on a match.
            if len(key) != 40 or key.translate(None, _HEX) or buf[cut + 40 : cut + 41] != b":":
                self._malformed(start)
            if end == -1 and start + len(buf) - cut < self.size:
                self._malformed(start)
            nxt = start + (end - cut) + 1 if end != -1 else self.size
            if not lo_key <= key <= hi_key:
                self._unsorted()
            if key == target:
                return self._count_at(start, nxt)
            if key < target:
                lo, lo_key, lo_val = nxt, key, int(key[:16], 16)
            else:
                hi, hi_key, hi_val = start, key, int(key[:16], 16)
        return 0


class PrefixDirCorpus:
    """The downloader's directory of per-prefix files (`00000.txt` ... `FFFFF.txt`)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.description = f"per-prefix folder {path.name}"
        if not (path / "00000.txt").is_file():
            raise InputError(
                f"{path} is a folder without 00000.txt: not a per-prefix breach corpus; {GET_ONE}"
            )

    def count(self, full_hash: str) -> int:
        prefix, suffix = range_key(full_hash.upper())
        return read_prefix_file(self.path / f"{prefix}.txt").get(suffix, 0)


def open_corpus(path: Path) -> Corpus:
    """The corpus at `path`, whichever of the three forms it is."""
    if path.is_dir():
        return PrefixDirCorpus(path)
    if not path.exists():
        raise InputError(
            f"breach corpus not found: {path} (check --pwned-corpus or pwned.offline_corpus)"
        )
    from privaudit.files import open_user_file  # noqa: PLC0415

    # A regular file only: a FIFO here would block the run forever, a device never end.
    try:
        with open_user_file(path, what="breach corpus") as fh:
            head = fh.read(len(MAGIC))
    except OSError:
        raise InputError(f"cannot read breach corpus {path}") from None
    if head == MAGIC:
        return CompactIndex(path)
    return SortedTextCorpus(path)
