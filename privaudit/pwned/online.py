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
        wanted: dict[str, set[str]] = {}
        for prefix, suffix in keys.values():
            wanted.setdefault(prefix, set()).add(suffix)
        answers = await self.fetcher.fetch(wanted)
        out: dict[str, LookupResult] = {}
        for full, (prefix, suffix) in keys.items():
            answer = answers.get(prefix) or LookupFailure("no answer")
            out[full] = answer if isinstance(answer, LookupFailure) else answer[suffix]
        return out
