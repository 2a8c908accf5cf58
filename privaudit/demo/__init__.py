"""The demo: clearly fake sample data that shows every kind of finding, offline."""

from __future__ import annotations

import dataclasses
from importlib import resources
from pathlib import Path

from privaudit.accounts import Account
from privaudit.i18n import N_, _


def demo_file(name: str) -> Path:
    return Path(str(resources.files("privaudit.demo") / name))


# The demo's own made-up account names, said in the learner's language. Only the
# demo's: a real user's labels are theirs and never translated.
DEMO_LABELS = {
    "Old forum": N_("Old forum"),
    "Mobile carrier": N_("Mobile carrier"),
    "Router admin": N_("Router admin"),
}


def demo_label(name: str) -> str:
    """A demo vault or profile name as the demo's report shows it."""
    return _(DEMO_LABELS[name]) if name in DEMO_LABELS else name


def demo_accounts(accounts: tuple[Account, ...]) -> tuple[Account, ...]:
    """The demo's accounts with their labels in the current language."""
    return tuple(dataclasses.replace(a, label=demo_label(a.label)) for a in accounts)
