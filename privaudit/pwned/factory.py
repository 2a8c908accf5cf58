"""Build the breach lookup service a run uses, from settings (flags already applied)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from privaudit.errors import UsageError
from privaudit.pwned.lookup import PwnedLookup
from privaudit.settings import PwnedSettings


def check_api_url(settings: PwnedSettings) -> None:
    """Plain http only to this machine, unless the user accepts clear text: prefixes
    are safe to share with the API, not with everyone on the way to it."""
    from privaudit.pwned.transport import is_local_host  # noqa: PLC0415

    parts = urlsplit(settings.api_url)
    host = parts.hostname or ""
    if parts.scheme == "http" and not is_local_host(host) and not settings.allow_insecure_url:
        raise UsageError(
            f"the range API URL http://{host}... is not encrypted: anyone on the network "
            "could read which hash prefixes are looked up; use https://, or add "
            "--allow-insecure-url (pwned.allow_insecure_url = true) if you mean it"
        )


def build_lookup(
    settings: PwnedSettings, *, offline: bool, use_cache: bool = True
) -> PwnedLookup | None:
    """A local corpus whenever one is configured (nothing leaves the machine); else
    the range API, unless offline, where there is no lookup at all (None)."""
    if settings.offline_corpus:
        from privaudit.pwned.offline import CorpusLookup, open_corpus  # noqa: PLC0415

        return CorpusLookup(open_corpus(Path(settings.offline_corpus).expanduser()))
    if offline:
        return None
    check_api_url(settings)
    from privaudit.pwned.cache import RangeCache, default_cache_folder  # noqa: PLC0415
    from privaudit.pwned.client import RangeFetcher  # noqa: PLC0415
    from privaudit.pwned.online import OnlineLookup  # noqa: PLC0415
    from privaudit.pwned.options import ClientOptions  # noqa: PLC0415

    cache = None
    if use_cache and settings.cache and settings.cache_ttl_days > 0:
        cache = RangeCache(
            default_cache_folder(), settings.api_url, ttl=settings.cache_ttl_days * 86400
        )
    options = ClientOptions(
        base_url=settings.api_url,
        concurrency=settings.concurrency,
        connect_timeout=settings.timeout,
        read_timeout=settings.timeout,
        deadline=settings.deadline,
        retries=settings.retries,
    )
    return OnlineLookup(RangeFetcher(options, cache=cache))
