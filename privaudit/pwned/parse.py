"""Range responses: `SUFFIX:COUNT` lines, CRLF or LF; padding (count 0) dropped.

A run may receive 10,000 answers of ~1,000 lines each, so the hot path never
parses a whole answer: a lookup is one `str.find` of the suffix at a line start
and a check of that one line; an answer is vetted by its first line and by
counting colons against newlines (both in C). A full regex pass, ~20x slower,
runs only when that cheap check says some line is malformed, to count them.
The API sends upper-case hex; an answer whose first line is lower-case is
upper-cased whole.
"""

from __future__ import annotations

import re

SUFFIX_LEN = 35
_VALID = re.compile(r"^[0-9A-F]{35}:[0-9]{1,12}\r?$", re.MULTILINE)
_NONEMPTY = re.compile(r"^[^\r\n]*\S", re.MULTILINE)
_FIRST = re.compile(r"[0-9A-Fa-f]{35}:[0-9]{1,12}\r?(?:\n|$)")
_KEEP = re.compile(r"^[0-9A-F]{35}:0*[1-9][0-9]{0,11}(?=\r?$)", re.MULTILINE)


class RangeData:
    """One prefix's answer. Lookups search the text; nothing is built per line."""

    __slots__ = ("_text",)

    def __init__(self, body: str) -> None:
        head = body[:35]
        self._text = body.upper() if head != head.upper() else body

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

    def looks_like_range(self) -> bool:
        """Whether this is a range answer at all (not a captive portal's page)."""
        return bool(_FIRST.match(self._text)) or self.valid_lines > 0

    def quick_malformed(self) -> int:
        """`malformed`, but free when every line has its one colon (the usual case)."""
        text = self._text.rstrip("\r\n")
        lines = text.count("\n") + 1 if text else 0
        return 0 if text.count(":") == lines else self.malformed

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
