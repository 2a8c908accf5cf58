"""One account per login, and one 2FA status per account, from every input.

A person who keeps Reddit in Bitwarden *and* in Chrome has one Reddit login,
not two: counting it twice doubles the account count and calls the copy
"reuse". Logins merge when they are the same service (same registrable
domain, or the same name when there is no URL) and the same username. An app
login (`android://…@com.instagram.android/`) is the service its package names
(tfa/apps.py: instagram.com), so it merges with the web login; one that stays
alone is labelled "Instagram (app)", not with its package name.

Second factors are known from several places: a TOTP seed in an export, a
`privaudit mfa set` declaration, the profile's `mfa = [...]`, and the answer to
a checklist question such as "Is 2-Step Verification on for your Google
Account?". `mfa_status` joins them into one status, which MFA101 reports; the
checklist item defers to it, so no report can say both "on" and "off".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Final

from privaudit.accounts import Account, MfaMethod
from privaudit.checklists.model import Answer, Freshness, freshness
from privaudit.tfa.apps import candidate_domains

if TYPE_CHECKING:
    from privaudit.checklists.model import Checklist, ChecklistContext, Item

LOGIN_2FA_TAG: Final = "login-2fa"
EMAIL_2FA_TAG: Final = "email-2fa"
"""An item about 2-step login on "your main email" (general checklist): tfa/email.py."""
"""Checklist items tagged so ask whether the platform account's own 2-step login is on."""

SiteOf = Callable[[str], str | None]


def default_site_of() -> SiteOf:
    """Registrable domain by the bundled public suffix list (never downloaded)."""
    from privaudit.suffixes import bundled_suffix_list  # noqa: PLC0415  # ~0.2 s to build

    psl = bundled_suffix_list()

    def site_of(host: str) -> str | None:
        return psl.privatesuffix(host) or host

    return site_of


def app_site(ident: str, site_of: SiteOf) -> str | None:
    """The registrable domain an app's package stands for, by the rule 2FA matching uses:
    a known app's domain, else the first reversal that is its own registrable domain."""
    for domain in candidate_domains(ident):
        if site_of(domain) == domain:
            return domain
    return None


def _site(account: Account, site_of: SiteOf) -> str | None:
    if account.domains:
        return site_of(account.domains[0])
    for ident in account.apps:
        site = app_site(ident, site_of)
        if site:
            return site
    return None


def login_key(account: Account, site_of: SiteOf) -> tuple[str, str]:
    """(service, username): equal keys are one login kept in several places."""
    site = _site(account, site_of)
    where = f"site:{site}" if site else f"name:{account.label.casefold()}"
    return where, (account.username or "").casefold()


def _newest_first(group: Sequence[Account]) -> list[Account]:
    # The most recently changed copy is the one in use; undated copies (browser
    # CSVs carry no dates) keep their input order after the dated ones.
    dated = sorted((a for a in group if a.modified), key=lambda a: a.modified, reverse=True)  # type: ignore[arg-type,return-value]
    return [*dated, *(a for a in group if not a.modified)]


def _combine(group: Sequence[Account]) -> Account:
    ordered = _newest_first(group)
    primary = ordered[0]
    # A web login's name ("Instagram") reads better than an app copy's package name.
    named = next((a.label for a in ordered if a.domains and not _named_by_app(a)), None)
    stale = _stale_sources(primary, ordered[1:])
    urls = tuple(dict.fromkeys(u for a in group for u in a.urls))
    domains = tuple(dict.fromkeys(d for a in group for d in a.domains))
    totp = next((a.totp for a in ordered if a.totp is not None), None)
    recovery = next((a.recovery_codes for a in ordered if a.recovery_codes is not None), None)
    created = [a.created for a in group if a.created]
    return dataclasses.replace(
        primary,
        label=named if named and _named_by_app(primary) else primary.label,
        urls=urls,
        domains=domains,
        totp=totp,
        mfa=frozenset().union(*(a.mfa for a in group)),
        recovery_codes=recovery,
        created=min(created) if created else None,
        sources=tuple(dict.fromkeys(s for a in group for s in a.sources)),
        stale_copies=stale,
    )


def _stale_sources(primary: Account, others: Sequence[Account]) -> tuple[str, ...]:
    """The sources that hold a different password for this login than the newest copy."""
    if primary.password is None:
        return ()
    stale: list[str] = []
    for other in others:
        if other.password is None or primary.password.same_as(other.password):
            continue
        if other.source not in stale:
            stale.append(other.source)
    return tuple(stale)


def _named_by_app(account: Account) -> bool:
    """Whether the label is only the app's package or URL (Chrome names app logins so)."""
    label = account.label.casefold()
    return any(label == i or label.endswith("@" + i + "/") for i in account.apps) or any(
        label == u.casefold() for u in account.urls if not account.domains
    )


def _service_name(site: str, names: dict[str, str]) -> str:
    """A web login's label for the site when there is one, else the site's own name."""
    if site in names:
        return names[site]
    head = site.split(".", 1)[0]
    return head[:1].upper() + head[1:]


def merge_logins(accounts: Iterable[Account], site_of: SiteOf) -> list[Account]:
    """One account per login, in first-seen order; each lists the inputs it came from."""
    listed = list(accounts)
    groups: dict[tuple[str, str], list[Account]] = {}
    for account in listed:
        groups.setdefault(login_key(account, site_of), []).append(account)
    names: dict[str, str] = {}
    for account in listed:
        site = site_of(account.domains[0]) if account.domains else None
        if site and not _named_by_app(account):
            names.setdefault(site, account.label)
    merged = [group[0] if len(group) == 1 else _combine(group) for group in groups.values()]
    return [_app_label(account, site_of, names) for account in merged]


def _app_label(account: Account, site_of: SiteOf, names: dict[str, str]) -> Account:
    site = _site(account, site_of)
    if site and not account.domains and _named_by_app(account):
        return dataclasses.replace(account, label=f"{_service_name(site, names)} (app)")
    return account


# --- one 2FA status per account -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MfaStatus:
    """What every fact together says about an account's second factor."""

    on: bool | None
    """True: a second factor is on; False: known to be off; None: unknown or facts disagree."""
    methods: frozenset[MfaMethod]
    """The methods known to be on (may be empty when only "it is on" is known)."""
    evidence: tuple[str, ...]
    """Where each fact came from, in plain words, for the report."""
    conflict: bool = False


def covers(checklist: Checklist, account: Account) -> bool:
    """Whether the checklist's platform is this account's service (by domain)."""
    return any(h == d or h.endswith("." + d) for h in account.domains for d in checklist.domains)


def login_2fa_items(checklist: Checklist) -> tuple[Item, ...]:
    return tuple(i for i in checklist.items if {LOGIN_2FA_TAG, EMAIL_2FA_TAG} & set(i.tags))


def item_covers(
    checklist: Checklist, item: Item, account: Account, state: ChecklistContext | None
) -> bool:
    """Whether this 2-step item's answer is about this account: the platform's own
    accounts, or for an item about "your main email", that one account."""
    if EMAIL_2FA_TAG in item.tags:
        return state is not None and account.subject in state.main_email
    return covers(checklist, account)


def checklist_facts(
    account: Account, state: ChecklistContext | None, now: datetime
) -> list[tuple[bool, str]]:
    """(on?, where) for each fresh yes/no answer about this account's 2-step login."""
    if state is None:
        return []
    facts: list[tuple[bool, str]] = []
    for checklist in state.checklists:
        if checklist.id not in state.scope:
            continue
        for item in login_2fa_items(checklist):
            if not item_covers(checklist, item, account, state):
                continue
            recorded = state.answers.get(checklist.id, item.id)
            if freshness(recorded, now, state.stale_after) is not Freshness.FRESH:
                continue
            assert recorded is not None
            if recorded.answer in (Answer.YES, Answer.NO):
                said = recorded.answer.value
                facts.append(
                    (recorded.answer is Answer.YES, f"checklist {checklist.id} {item.id}: {said}")
                )
    return facts


def mfa_status(account: Account, state: ChecklistContext | None, now: datetime) -> MfaStatus:
    methods = set(account.mfa) - {MfaMethod.NONE}
    facts: list[tuple[bool, str]] = []
    if account.totp is not None:
        methods.add(MfaMethod.TOTP)
        facts.append((True, f"TOTP seed in {', '.join(account.sources)}"))
    declared = set(account.mfa) - {MfaMethod.NONE, MfaMethod.TOTP}
    if declared or (MfaMethod.TOTP in account.mfa and account.totp is None):
        facts.append((True, "declared: " + ", ".join(sorted(m.value for m in account.mfa))))
    if MfaMethod.NONE in account.mfa:
        facts.append((False, "declared: none"))
    facts.extend(checklist_facts(account, state, now))
    evidence = tuple(where for _, where in facts)
    said = {on for on, _ in facts}
    if said == {True}:
        return MfaStatus(True, frozenset(methods), evidence)
    if said == {False}:
        return MfaStatus(False, frozenset(), evidence)
    return MfaStatus(None, frozenset(methods), evidence, conflict=len(said) > 1)
