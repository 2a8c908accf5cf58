"""The online lookup: only 5-character prefixes leave the machine."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from privaudit.pwned.client import RangeFetcher
from privaudit.pwned.hashing import range_key
from privaudit.pwned.lookup import LookupFailure, LookupResult


class OnlineLookup:
    def __init__(self, fetcher: RangeFetcher) -> None:
        self.fetcher = fetcher

    @property
    def source(self) -> str:
        return f"the Pwned Passwords range API ({self.fetcher.host})"

    async def lookup(self, hashes: Sequence[str]) -> Mapping[str, LookupResult]:
        keys = {h: range_key(h) for h in hashes}
        ranges = await self.fetcher.fetch(prefix for prefix, _ in keys.values())
        out: dict[str, LookupResult] = {}
        for full, (prefix, suffix) in keys.items():
            answer = ranges.get(prefix) or LookupFailure("no answer")
            out[full] = answer if isinstance(answer, LookupFailure) else answer.count_of(suffix)
        return out
