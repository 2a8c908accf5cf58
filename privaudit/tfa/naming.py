"""One naming rule for accounts a browser named by their host ("x.com", "www.twitch.tv").

Chrome and other browsers export the site's host as the login's name. Where the
2FA data lists that host, the account takes the service's name instead (X,
Twitch), so the plan, the findings and every list say the same name; an unknown
host loses only its "www.". Names a person gave (in a vault or a profile) stay.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from privaudit.accounts import Account
from privaudit.tfa.match import Directory

# "X (Twitter)", "Google Account (Gmail)": the part before the note is the name people use.
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def short_name(service_name: str) -> str:
    return _TRAILING_NOTE.sub("", service_name) or service_name


_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_HOST = re.compile(rf"^(?:{_LABEL}\.)+[a-z][a-z0-9-]*[a-z0-9]$", re.IGNORECASE)


def named_by_host(account: Account) -> bool:
    """Whether the label is a host name (Chrome's name column: the site's origin, which
    need not be the login URL's host: "mail.proton.me" for account.proton.me)."""
    return bool(_HOST.match(account.label)) and bool(account.domains or account.apps)


def service_label(account: Account, directory: Directory) -> str:
    if not named_by_host(account):
        return account.label
    match = directory.matcher.match_host(account.label.casefold()) or directory.match(account)
    if match is not None and match.how == "domain":
        return short_name(match.service.name)
    return account.label.casefold().removeprefix("www.")


def with_service_names(accounts: Iterable[Account], directory: Directory) -> tuple[Account, ...]:
    return tuple(
        account
        if (label := service_label(account, directory)) == account.label
        else dataclasses.replace(account, label=label)
        for account in accounts
    )
