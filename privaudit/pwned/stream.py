"""Reading one range answer as it arrives, strictly, into the few counts asked for.

An answer is trusted only whole: every line must be `SUFFIX:COUNT` (35 hex
digits, a colon, a decimal count), no suffix may appear twice, and the body
must end on a complete line within its size cap. Anything else (a mirror's
junk line, `:-42`, a second `:0` copy of a line, HTML after valid lines, a body
cut mid-line, a gzip bomb) raises `RangeProblem`: the accounts behind that
prefix are unknown, never "not breached".

Chunks are checked with a few whole-buffer operations in C (`count`, `split`,
`map` of C functions, `a2b_hex`, `isdigit`, a set) instead of a regex or a
Python loop per line: a regex pass costs ~2x as much and `translate` 1.5x on a
1,000-line answer (CPU time, bench/online.py's answers). Only when that check
fails does a slow pass find which line is wrong, for the message. Nothing of
the body is kept after it is read except the counts of the wanted suffixes.
"""

from __future__ import annotations

import binascii
import contextlib
import operator
import re
import zlib
from collections.abc import Collection

from privaudit.i18n import Domain

MAX_BODY_BYTES = 4 << 20
"""Decoded bytes allowed per answer: ~100x a padded real one (~40 KB)."""

# Why a range answer is refused ends up in BR101 findings: the checks' domain says it.
_ = Domain("checks").gettext

_HEX_DIGITS = b"0123456789ABCDEF"
_DECIMAL = b"0123456789"
_MAX_COUNT_DIGITS = 12
_LONGEST_LINE = 35 + 1 + _MAX_COUNT_DIGITS + 1
_AT_35 = operator.itemgetter(35)
_WHOLE_LINE = re.compile(rb"[0-9A-Fa-f]{35}:[0-9]{1,12}")
_COLON = ord(":")


def _colons_at_35(block: bytes, lines: int) -> bool:
    try:
        return set(map(_AT_35, block.split(b"\n", lines - 1))) == {_COLON}
    except IndexError:  # a line shorter than a suffix
        return False


def _is_hex(data: bytes) -> bool:
    try:
        binascii.a2b_hex(data)  # strict: no whitespace, no sign, no prefix
    except binascii.Error:
        return False
    return True


class RangeProblem(Exception):
    """The answer cannot be trusted; the message is safe to show (never a line)."""


class _Gunzip:
    """gzip decoding with a cap on what comes out (a bomb stops at the cap)."""

    def __init__(self, limit: int) -> None:
        self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._left = limit

    def feed(self, data: bytes) -> bytes:
        try:
            out = self._inflate.decompress(data, self._left + 1)
        except zlib.error:
            raise RangeProblem(_("its gzip encoding is corrupt")) from None
        if len(out) > self._left or self._inflate.unconsumed_tail:
            raise RangeProblem(_("it decompresses to more than the size limit"))
        self._left -= len(out)
        return out

    def finish(self) -> None:
        if not self._inflate.eof:
            raise RangeProblem(_("its gzip stream ends early"))


def _diagnose(block: bytes, first_line: int) -> RangeProblem:
    """The slow pass, only on failure: which line is wrong, and how."""
    lowered = block.lstrip()[:16].lower()
    if lowered.startswith((b"<", b"<!doctype", b"<html")) or b"<html" in block.lower():
        html = RangeProblem(
            _("it holds HTML from line {number} (a login page or error page?)").format(
                number=first_line
            )
        )
    else:
        html = None
    local: set[bytes] = set()
    for number, raw in enumerate(block.split(b"\n"), start=first_line):
        line = raw[:-1] if raw.endswith(b"\r") else raw
        suffix, colon, count = line.partition(b":")
        if html is not None:
            return html
        if not colon or len(suffix) != 35 or suffix.translate(None, _HEX_DIGITS):
            return RangeProblem(_("line {number} is not SUFFIX:COUNT").format(number=number))
        if not count.isdigit() or len(count) > _MAX_COUNT_DIGITS:
            return RangeProblem(
                _("line {number} has a count that is not a decimal number").format(number=number)
            )
        if suffix in local:
            return RangeProblem(
                _("line {number} repeats a suffix listed earlier").format(number=number)
            )
        local.add(suffix)
    return RangeProblem(
        _("line {number} or one after it repeats a suffix listed earlier").format(number=first_line)
    )


class RangeReader:
    """Feed raw chunks (`feed`), then `finish()` for {wanted suffix: count}."""

    __slots__ = ("_found", "_gunzip", "_left", "_lines", "_seen", "_tail", "_wanted")

    def __init__(
        self, wanted: Collection[str], *, gzip: bool = False, limit: int = MAX_BODY_BYTES
    ) -> None:
        self._wanted = [w.encode("ascii") for w in wanted]
        self._gunzip = _Gunzip(limit) if gzip else None
        self._left = limit
        self._tail = b""
        self._lines = 0
        self._seen: set[bytes] = set()
        self._found: dict[bytes, bytes] = {}

    def feed(self, chunk: bytes) -> None:
        if self._gunzip is not None:
            chunk = self._gunzip.feed(chunk)
        self._left -= len(chunk)
        if self._left < 0:
            raise RangeProblem(_("it is larger than the size limit"))
        data = self._tail + chunk if self._tail else chunk
        cut = data.rfind(b"\n") + 1
        self._tail = data[cut:]
        if len(self._tail) > _LONGEST_LINE:
            raise RangeProblem(
                _("line {number} is not SUFFIX:COUNT").format(number=self._lines + 1)
            )
        if cut:
            self._check(data[:cut])

    def _check(self, block: bytes) -> None:
        """`block`: whole lines, each ending in LF or CRLF. Each test is one C call:
        only hex digits and one colon a line; no letter after a colon (counts are
        decimal); no empty count; 35-character suffixes; no suffix twice."""
        # A CR anywhere but before an LF ends up in a suffix or a count and fails there.
        end = b"\r\n" if b"\r" in block else b"\n"
        head = block[:35]
        if head != head.upper():  # the API sends upper case; a mirror may not
            block = block.upper()
        lines = block.count(b"\n")
        parts = block.replace(end, b":").split(b":")
        suffixes, counts = parts[0:-1:2], parts[1::2]
        seen = self._seen
        before = len(seen)
        seen.update(suffixes)
        if not (
            block.count(b":") == lines  # as many colons as lines...
            and _colons_at_35(block, lines)  # ...one in each, after 35 characters
            and set(map(len, suffixes)) == {35}
            and _is_hex(b"".join(suffixes) + (b"0" if lines % 2 else b""))
            and b"" not in counts
            and b"".join(counts).isdigit()
            and len(seen) - before == lines  # no suffix twice
        ):
            raise _diagnose(block[: -len(end)], self._lines + 1)
        for suffix in self._wanted:
            if suffix not in self._found and suffix in seen:
                with contextlib.suppress(ValueError):  # found in an earlier block
                    self._found[suffix] = parts[2 * suffixes.index(suffix) + 1]
        self._lines += lines

    def finish(self) -> dict[str, int]:
        if self._gunzip is not None:
            self._gunzip.finish()
        if self._tail:
            tail, self._tail = self._tail, b""
            if not _WHOLE_LINE.fullmatch(tail) and not tail.translate(None, _HEX_DIGITS + b":"):
                raise RangeProblem(
                    _("it ends mid-line (line {number})").format(number=self._lines + 1)
                )
            self._check(tail + b"\n")
        if not self._lines:
            raise RangeProblem(_("it is empty"))
        out: dict[str, int] = {}
        for suffix in self._wanted:
            count = self._found.get(suffix)
            if count is not None and len(count) > _MAX_COUNT_DIGITS:
                raise RangeProblem(_("a count has more digits than any real one"))
            out[suffix.decode("ascii")] = int(count) if count is not None else 0
        self._seen = set()
        return out
