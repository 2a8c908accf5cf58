"""Two plugin checks for the translation tests: one English only, one that speaks
Spanish by itself (it says so in `languages` and reads the current language)."""

from __future__ import annotations

from collections.abc import Iterator

from privaudit.context import AuditContext
from privaudit.i18n import current_language
from privaudit.model import CheckMeta, Finding, Severity, Status


class WorkEmailRecovery:
    meta = CheckMeta(
        id="ORG101",
        name="work-email-recovery",
        category="accounts",
        severity=Severity.MEDIUM,
        title="Work email used to recover a personal account",
        why="If you leave the job, you lose the way back into the account.",
        fix="Switch the recovery address to a personal email you control.",
    )

    def run(self, ctx: AuditContext) -> Iterator[Finding]:
        yield self.meta.finding(Status.WARN, "Mail", "recovery goes through your work email")


_TEXTS = {
    "en": ("Old laptop still signed in", "Sign out of devices you no longer use."),
    "es": ("Portátil viejo con la sesión abierta", "Cierra la sesión en aparatos que ya no usas."),
}


class OldDevices:
    @property
    def meta(self) -> CheckMeta:
        title, fix = _TEXTS.get(current_language(), _TEXTS["en"])
        return CheckMeta(
            id="ORG102",
            name="old-devices",
            category="accounts",
            severity=Severity.LOW,
            title=title,
            why=fix,
            fix=fix,
            languages=frozenset(_TEXTS),
        )

    def run(self, ctx: AuditContext) -> Iterator[Finding]:
        yield self.meta.finding(Status.PASS, "Mail", self.meta.fix)
