"""What zxcvbn is given for one account: the rated copy of its password and its context
words. One small module, so the rules stay in one place (docs/checks.md, PW101)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Final

from privaudit.accounts import Account

_WORD = re.compile(r"[^\W_]{3,}", re.UNICODE)
# fmt: off
GENERIC_LABELS: Final = frozenset({
    "www", "www1", "www2", "m", "mobile", "login", "logon", "signin", "signon", "auth",
    "oauth", "sso", "id", "idp", "identity", "account", "accounts", "secure", "my", "app",
    "apps", "web", "webmail", "mail", "email", "portal", "online", "home", "api", "static",
    "cdn", "members", "member", "user", "users", "service", "services", "support", "help",
    "admin", "dashboard", "console", "connect", "access", "passport", "shop", "store",
    "en", "us", "uk", "de", "fr",
})
# fmt: on
"""Host labels that name no service: `accounts` in accounts.google.com says nothing an
attacker would try for that account, and matching it inside `my-accounts-are-…`
failed a strong passphrase."""

SiteOf = Callable[[str], "str | None"]


def _host_words(host: str, site_of: SiteOf) -> list[str]:
    """The distinctive labels of a host: its registrable domain's own label and any
    non-generic subdomain label, never the public suffix (`shop`, `co.uk`)."""
    site = site_of(host)
    if site is None:
        return []  # an IP, a local name or a bare public suffix names no service
    below = host[: -len(site)].rstrip(".").split(".") if host != site else []
    labels = [site.split(".", 1)[0], *below]
    return [w for w in labels if len(w) >= 3 and w not in GENERIC_LABELS and not w.isdigit()]


def context_words(account: Account, site_of: SiteOf | None = None) -> tuple[str, ...]:
    """Words an attacker would try first for this account: its name, user and site."""
    site_of = site_of or _registrable
    words: list[str] = []
    if account.label not in account.domains:  # a label made from the host adds nothing
        words += [w for w in _WORD.findall(_fold(account.label)) if w not in GENERIC_LABELS]
    if account.username:
        user = _fold(account.username)
        local = user.split("@", 1)[0]
        words += [w for w in (local, *_WORD.findall(local)) if len(w) >= 3]
    for host in account.domains:
        words += _host_words(host, site_of)
    return tuple(dict.fromkeys(words))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def strength_inputs(account: Account, site_of: SiteOf | None = None) -> tuple[str, tuple[str, ...]]:
    """What zxcvbn rates for this account: the password in NFKC form (fullwidth
    `ｐａｓｓｗｏｒｄ１２３` is `password123` to a cracker) and the context words as its
    user inputs. Only this copy is normalised; breach hashing uses the exact bytes."""
    assert account.password is not None
    rated = unicodedata.normalize("NFKC", account.password.reveal())
    return rated, context_words(account, site_of)


def _registrable(host: str) -> str | None:
    """Without a suffix list: the last two labels (used only when no matcher is given)."""
    labels = host.split(".")
    return ".".join(labels[-2:]) if len(labels) >= 2 else None


def contains_context_word(password: str, words: tuple[str, ...]) -> bool:
    folded = _fold(password)
    return any(len(w) >= 4 and w in folded for w in words)
