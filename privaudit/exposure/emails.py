"""Opt-in email breach lookups: HIBP's `breachedaccount` API with the user's own key.

The one lookup that sends an identifier (the address itself), so it runs only
with `--check-emails`, only to this endpoint, and each address at most once
per cache period. 404 is "not found"; 401/403 stop the run with one line
(exit 2); a network failure or an exhausted deadline is unknown (ERROR, exit 3),
never "not breached". 429 answers are honoured by waiting `retry-after`
seconds, within the overall deadline.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final
from urllib.parse import quote

from privaudit.accounts import Account
from privaudit.errors import ConfigError
from privaudit.exposure.breaches import Breach, parse_breach
from privaudit.i18n import N_, Domain
from privaudit.secret import Secret

if TYPE_CHECKING:
    import httpx

    from privaudit.exposure.email_cache import EmailCache

DEFAULT_API_URL: Final = "https://haveibeenpwned.com/api/v3"
DEFAULT_DEADLINE: Final = 300.0
RETRIES: Final = 2
"""Extra tries of an address after a 5xx or a dropped connection (429s do not count)."""
MAX_RETRY_AFTER: Final = 120.0
# Why a lookup failed ends up in EXP102 findings: the checks' domain translates it.
_ = Domain("checks").gettext
RATE_LIMITED: Final = N_(
    "HIBP's rate limit for this key leaves no time for this address within the time allowed;"
    " try again later (answers so far are cached)"
)
_EMAIL: Final = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[a-z]{2,63}$", re.IGNORECASE)


class HibpKeyError(ConfigError):
    """HIBP refused the API key: nothing more can be asked this run (exit 2)."""


@dataclass(frozen=True, slots=True)
class EmailFailure:
    reason: str


EmailResult = tuple[Breach, ...] | EmailFailure
"""The breaches an address is in (empty: not found), or why it is unknown."""


def email_of(username: str | None) -> str | None:
    """The normalised address when a username is an email address."""
    if not username:
        return None
    candidate = username.strip().lower()
    return candidate if _EMAIL.match(candidate) else None


def addresses(accounts: Iterable[Account]) -> dict[str, list[Account]]:
    """Each email address found in a username, with the accounts using it."""
    found: dict[str, list[Account]] = {}
    for account in accounts:
        address = email_of(account.username)
        if address is not None:
            found.setdefault(address, []).append(account)
    return found


class EmailLookup:
    """Looks addresses up one at a time (the API's rate limit is per key), caching answers."""

    def __init__(
        self,
        client: httpx.Client,
        api_key: Secret,
        *,
        api_url: str = DEFAULT_API_URL,
        cache: EmailCache | None = None,
        deadline: float = DEFAULT_DEADLINE,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._client = client
        self._key = api_key
        self._url = api_url.rstrip("/")
        self._cache = cache
        self._deadline = deadline
        self._clock = clock
        self._sleep = sleep
        self.results: dict[str, EmailResult] = {}
        self._blocked_until = 0.0
        self.requests_sent = 0
        """Addresses asked about (not answered from the cache): the report says how many."""
        self.source = self._url.split("/")[2] if "://" in self._url else self._url

    def fetch(self, addresses: Iterable[str]) -> None:
        """Look every address up (deduplicated); raises HibpKeyError on 401/403."""
        ends = self._clock() + self._deadline
        for address in dict.fromkeys(addresses):
            if address in self.results:
                continue
            cached = self._cache.get(address) if self._cache else None
            if cached is not None:
                self.results[address] = cached
                continue
            result = self._one(address, ends)
            self.results[address] = result
            if self._cache is not None and not isinstance(result, EmailFailure):
                self._cache.put(address, result)

    def _one(self, address: str, ends: float) -> EmailResult:
        import httpx  # noqa: PLC0415

        url = f"{self._url}/breachedaccount/{quote(address, safe='@')}"
        failures = 0
        counted = False
        while True:
            if self._clock() >= ends:
                return EmailFailure(
                    _("the time allowed for email lookups ran out; try again later")
                )
            if self._blocked_until >= ends:  # asking again before then only earns another 429
                return EmailFailure(_(RATE_LIMITED))
            if not counted:
                self.requests_sent += 1
                counted = True
            try:
                response = self._client.get(
                    url,
                    params={"truncateResponse": "false"},
                    headers={"hibp-api-key": self._key.reveal()},
                )
            except httpx.HTTPError as exc:
                failures += 1
                if failures > RETRIES:
                    return EmailFailure(
                        _("HIBP could not be reached ({error})").format(error=type(exc).__name__)
                    )
                self._sleep(min(2.0**failures, max(0.0, ends - self._clock())))
                continue
            status = response.status_code
            if status == 200:
                return self._parse(response)
            if status == 404:
                return ()
            if status in (401, 403):
                raise HibpKeyError(_refused(status))
            if status == 429:
                wait = _retry_after(response.headers.get("retry-after"))
                self._blocked_until = self._clock() + wait
                if self._blocked_until >= ends:
                    return EmailFailure(_(RATE_LIMITED))
                self._sleep(wait)
                continue
            failures += 1
            if failures > RETRIES:
                return EmailFailure(
                    _("HIBP answered HTTP {status}; try again later").format(status=status)
                )
            self._sleep(min(2.0**failures, max(0.0, ends - self._clock())))

    @staticmethod
    def _parse(response: httpx.Response) -> EmailResult:
        try:
            records = response.json()
        except ValueError:
            return EmailFailure(_("HIBP's answer was not JSON (a captive portal or proxy?)"))
        if not isinstance(records, list):
            return EmailFailure(_("HIBP's answer was not a list of breaches"))
        breaches = tuple(b for b in map(parse_breach, records) if b is not None)
        if records and not breaches:
            return EmailFailure(_("HIBP's answer held no readable breach records"))
        return breaches


def _retry_after(value: str | None) -> float:
    """Seconds to wait; HIBP sends an integer. Unreadable: a cautious default."""
    try:
        seconds = float(value) if value is not None else 2.0
    except ValueError:
        seconds = 10.0
    return min(max(seconds, 0.5), MAX_RETRY_AFTER)


def _refused(status: int) -> str:
    if status == 401:
        return _(
            "HIBP rejected the API key (HTTP 401): check the key you gave --check-emails"
            " (https://haveibeenpwned.com/API/Key) or store the right one with"
            " 'privaudit data hibp-key'"
        )
    return _(
        "HIBP refused the email lookup (HTTP 403): the key's subscription may have lapsed;"
        " check it at https://haveibeenpwned.com/API/Key"
    )
