"""The hash chain: one JSON object per line, each carrying the SHA-256 of the
line before it, so editing, removing or reordering any entry breaks the links
after it; the signed head (signing.py) pins the last one."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

GENESIS: Final = "0" * 64


def encode(entry: dict[str, Any]) -> bytes:
    """The canonical line: sorted keys, no spaces, UTF-8, newline-terminated."""
    text = json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def line_hash(line: bytes) -> str:
    return hashlib.sha256(line.rstrip(b"\n")).hexdigest()


@dataclass(frozen=True, slots=True)
class ChainProblem:
    seq: int  # the first entry that does not hold (1-based position in the file)
    reason: str


def check(lines: Sequence[bytes]) -> tuple[list[dict[str, Any]], ChainProblem | None]:
    """Parse and walk the chain; the first broken link names the entry at fault."""
    entries: list[dict[str, Any]] = []
    previous = GENESIS
    for position, line in enumerate(lines, 1):
        try:
            entry = json.loads(line)
        except ValueError:
            return entries, ChainProblem(position, "is not valid JSON (edited by hand?)")
        if not isinstance(entry, dict):
            return entries, ChainProblem(position, "is not a log entry")
        if encode(entry) != line:
            return entries, ChainProblem(position, "was rewritten (not in privaudit's form)")
        if entry.get("seq") != position:
            why = f"has number {entry.get('seq')} at position {position} (reordered or removed)"
            return entries, ChainProblem(position, why)
        if entry.get("prev") != previous:
            if position > 1:
                return entries, ChainProblem(
                    position - 1, "was edited or replaced (the next entry's link does not match)"
                )
            return entries, ChainProblem(position, "does not start the chain")
        entries.append(entry)
        previous = line_hash(line)
    return entries, None
