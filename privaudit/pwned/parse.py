"""Range responses: `SUFFIX:COUNT` lines, CRLF or LF; padding (count 0) dropped.

Every scan here runs in C (str.find, the regex engine), not in a Python loop
over lines: a run may parse 10,000 responses of ~1,000 lines each.
"""

from __future__ import annotations

import re

SUFFIX_LEN = 35
_VALID = re.compile(r"^[0-9A-F]{35}:[0-9]{1,12}\r?$", re.MULTILINE)
_NONEMPTY = re.compile(r"^[^\r\n]*\S", re.MULTILINE)
_KEEP = re.compile(r"^[0-9A-F]{35}:0*[1-9][0-9]{0,11}(?=\r?$)", re.MULTILINE)


class RangeData:
    """One prefix's answer. Lookups search the text; nothing is built per line."""

    __slots__ = ("_text",)

    def __init__(self, body: str) -> None:
        self._text = body.upper()

    def count_of(self, suffix: str) -> int:
        """How often `suffix` (35 uppercase hex) was seen; 0 if absent or padding."""
        text, key, start = self._text, suffix + ":", 0
        while (i := text.find(key, start)) != -1:
            if i == 0 or text[i - 1] == "\n":
                end = text.find("\n", i)
                value = text[i + len(key) : end if end != -1 else len(text)].strip()
                # A malformed line is ignored like any other: never a false "breached".
                return int(value) if value.isascii() and value.isdigit() else 0
            start = i + 1
        return 0

    @property
    def valid_lines(self) -> int:
        """`SUFFIX:COUNT` lines, padding included."""
        return len(_VALID.findall(self._text))

    @property
    def malformed(self) -> int:
        """Non-empty lines that are not `SUFFIX:COUNT`: ignored, counted for diagnostics."""
        return len(_NONEMPTY.findall(self._text)) - len(_VALID.findall(self._text))

    def canonical(self) -> str:
        """What the cache stores: valid non-padding lines only, LF-terminated."""
        kept = _KEEP.findall(self._text)
        return "\n".join(kept) + "\n" if kept else ""

    def counts(self) -> dict[str, int]:
        """Every non-padding entry (for tests and diagnostics; lookups use count_of)."""
        out: dict[str, int] = {}
        for line in _KEEP.findall(self._text):
            suffix, _, count = line.partition(":")
            out[suffix] = int(count)
        return out


def parse_range(body: str) -> RangeData:
    return RangeData(body)
