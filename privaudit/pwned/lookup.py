"""The service a breach check talks to: full hashes in, counts or failures out.

Implementations decide what leaves the machine: the online one sends only
5-character prefixes; the offline ones send nothing at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class LookupFailure:
    """The breach status of a hash is unknown; `reason` is safe to show."""

    reason: str


LookupResult = int | LookupFailure
"""How often the password was seen in breaches (0: not found), or why it is unknown."""


class PwnedLookup(Protocol):
    @property
    def source(self) -> str:
        """Where answers come from, for messages ("Pwned Passwords API", "offline corpus")."""
        ...

    async def lookup(self, hashes: Sequence[str]) -> Mapping[str, LookupResult]:
        """Counts for uppercase SHA-1 hex digests; every input hash gets an entry."""
        ...
