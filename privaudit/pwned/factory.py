"""Build the breach lookup service a run uses, from settings (flags already applied)."""

from __future__ import annotations

from pathlib import Path

from privaudit.pwned.cache import RangeCache, default_cache_folder
from privaudit.pwned.client import ClientOptions, RangeFetcher
from privaudit.pwned.lookup import PwnedLookup
from privaudit.pwned.offline import CorpusLookup, open_corpus
from privaudit.pwned.online import OnlineLookup
from privaudit.settings import PwnedSettings


def build_lookup(
    settings: PwnedSettings, *, offline: bool, use_cache: bool = True
) -> PwnedLookup | None:
    """A local corpus whenever one is configured (nothing leaves the machine); else
    the range API, unless offline, where there is no lookup at all (None)."""
    if settings.offline_corpus:
        return CorpusLookup(open_corpus(Path(settings.offline_corpus).expanduser()))
    if offline:
        return None
    cache = None
    if use_cache and settings.cache and settings.cache_ttl_days > 0:
        cache = RangeCache(default_cache_folder(), ttl=settings.cache_ttl_days * 86400)
    options = ClientOptions(
        base_url=settings.api_url,
        concurrency=settings.concurrency,
        connect_timeout=settings.timeout,
        read_timeout=settings.timeout,
        deadline=settings.deadline,
        retries=settings.retries,
    )
    return OnlineLookup(RangeFetcher(options, cache=cache))
