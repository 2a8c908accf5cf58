"""The exposure service of a run: breach catalogue, passkeys and quirks, and the
opt-in email lookups with the user's HIBP key (docs/checks.md, EXP101/EXP102).

The key is found before any input is read; the lookups run once the inputs are
known and before the lock or the history is created, so a key HIBP rejects
exits 2 with nothing written. The HTTP client is built here, at the edge.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Sequence

from privaudit.accounts import Account
from privaudit.errors import UsageError
from privaudit.exposure import Exposure, load_exposure
from privaudit.exposure.apikey import find_api_key
from privaudit.exposure.email_cache import EmailCache
from privaudit.exposure.emails import EmailLookup, addresses
from privaudit.i18n import _, ngettext
from privaudit.paths import cache_dir
from privaudit.pipeline.request import AuditRequest
from privaudit.pwned.client import USER_AGENT
from privaudit.secret import Secret
from privaudit.settings import Settings
from privaudit.tfa.update import check_url

Say = Callable[[str], None]


def email_key(request: AuditRequest, ask_secret: Callable[[str], str] | None) -> Secret | None:
    """The HIBP API key when --check-emails is on (a file, a named variable, the
    keyring, else a hidden prompt when interactive); None when it is off."""
    if not request.check_emails:
        return None
    if request.demo or request.offline:
        raise UsageError(
            _("--check-emails looks addresses up online: not with --demo or --offline")
        )
    if request.hibp_api_url is not None:
        check_url(request.hibp_api_url, what="HIBP API", setting="--hibp-api-url")
    return find_api_key(
        key_file=request.hibp_key_file, env_name=request.hibp_key_env, prompt=ask_secret
    )


def exposure_service(
    request: AuditRequest,
    settings: Settings,
    accounts: Sequence[Account],
    api_key: Secret | None,
    stack: contextlib.ExitStack,
    say: Say,
) -> tuple[Exposure, list[str]]:
    """Exposure data (the demo: always the built-in snapshots) and, with a key, the
    email lookups done; notices for any downloaded copy that had to be ignored."""
    exposure, notices = load_exposure(builtin_only=request.demo)
    if api_key is None:
        return exposure, notices
    import httpx  # noqa: PLC0415

    client = stack.enter_context(
        httpx.Client(timeout=15.0, headers={"User-Agent": USER_AGENT}, follow_redirects=False)
    )
    lookup = EmailLookup(
        client,
        api_key,
        api_url=request.hibp_api_url or settings.exposure.hibp_api_url,
        cache=None if request.no_cache else EmailCache(cache_dir() / "emails"),
        deadline=settings.exposure.email_deadline,
    )
    wanted = list(addresses(accounts))
    n = len(wanted)
    say(
        ngettext(
            "checking {n} email address with HIBP (--check-emails)",
            "checking {n} email addresses with HIBP (--check-emails)",
            n,
        ).format(n=n)
    )
    lookup.fetch(wanted)
    asked = lookup.requests_sent
    notices.append(
        f"--check-emails sent {asked} email address(es) to {lookup.source} (HIBP"
        f" breachedaccount, with your API key; {len(wanted) - asked} answered from the cache):"
        " the addresses only, no password, hash or account name"
    )
    return dataclasses.replace(exposure, emails=lookup), notices
