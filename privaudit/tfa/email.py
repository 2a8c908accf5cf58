"""Which audited account "your main email" means, for checklist questions about it.

The general checklist asks "Is 2-step login on for your main email account?". For
that answer to join one account's 2FA status (merge.py), privaudit must know which
account it speaks for. An email account is one whose service the 2FA data files
under email (Gmail, Outlook, Proton...) or whose name says mail ("Work email");
the main one is the email account whose address most of the other accounts use
as their login. When that is not clear (two addresses used equally, no address
used at all among several), no account is chosen: the answer then stays a
checklist answer and never passes an account it may not be about.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from privaudit.accounts import Account
from privaudit.tfa.match import Directory

EMAIL_CATEGORY = "email"


def is_email_account(account: Account, directory: Directory) -> bool:
    match = directory.match(account)
    if match is not None and EMAIL_CATEGORY in match.service.categories:
        return True
    return "mail" in account.label.casefold()


def main_email(accounts: Sequence[Account], directory: Directory) -> Account | None:
    emails = [a for a in accounts if is_email_account(a, directory)]
    if len(emails) <= 1:
        return emails[0] if emails else None
    used = Counter((a.username or "").casefold() for a in accounts if a.username)
    ranked = sorted(emails, key=lambda a: -used[(a.username or "").casefold()])
    best, runner_up = (used[(a.username or "").casefold()] for a in ranked[:2])
    if best <= 1 or best == runner_up:
        return None
    return ranked[0]
