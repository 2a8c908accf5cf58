"""Pwned Passwords: k-anonymity range lookups online, and local corpora offline.

Nothing here imports httpx at module level: `privaudit --help` stays fast and
an offline run never loads the HTTP stack.
"""

from __future__ import annotations

from privaudit.pwned.hashing import range_key, sha1_hex
from privaudit.pwned.lookup import LookupFailure, LookupResult, PwnedLookup

__all__ = ["LookupFailure", "LookupResult", "PwnedLookup", "range_key", "sha1_hex"]
