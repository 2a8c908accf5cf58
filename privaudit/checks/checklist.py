"""Checklist checks (CL1xx): one check per checklist, one finding per item.

What the answers become (docs/checks.md, "Checklist checks"):
  yes -> PASS; no -> FAIL at the item's severity; not sure -> WARN (the setting
  may be off: check it); not applicable -> SKIP; no answer, or one older than
  `checklists.stale_after_days` -> UNANSWERED, never a pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC
from typing import assert_never

from privaudit.checklists.loader import builtin_checklists
from privaudit.checklists.model import Answer, Checklist, Freshness, Item, Recorded, freshness
from privaudit.checks.grouping import name_list
from privaudit.context import AuditContext
from privaudit.merge import EMAIL_2FA_TAG, LOGIN_2FA_TAG, item_covers
from privaudit.model import CheckMeta, DetailValue, Finding, Need, Status

_STATUS = {
    Answer.YES: Status.PASS,
    Answer.NO: Status.FAIL,
    Answer.UNSURE: Status.WARN,
    Answer.NOT_APPLICABLE: Status.SKIP,
}


def meta_for(checklist: Checklist, origin: str = "built-in") -> CheckMeta:
    name = checklist.name.en
    return CheckMeta(
        id=checklist.check_id,
        name=f"checklist-{checklist.id}",
        category=checklist.category,
        severity=max((i.severity for i in checklist.items), key=lambda s: s.rank),
        title=f"{name}: privacy and security settings",
        why=(
            "These settings decide who can see you and who can get into your account."
            " No tool can read them, so privaudit asks you."
        ),
        fix=(
            f"Follow the steps for each item, then answer again: privaudit checklist run"
            f" {checklist.id}"
        ),
        references=(checklist.settings_url,) if checklist.settings_url else (),
        needs=frozenset({Need.ANSWERS}),
        origin=origin,
    )


def fix_text(item: Item, lang: str) -> str:
    text = item.fix.get(lang)
    return f"{text}\nSettings: {item.link}" if item.link else text


class ChecklistCheck:
    """Turns the stored answers to one checklist into findings."""

    checklist: Checklist
    meta: CheckMeta

    def __init__(self, checklist: Checklist | None = None, origin: str = "built-in") -> None:
        if checklist is not None:
            self.checklist = checklist
            self.meta = meta_for(checklist, origin)

    def run(self, ctx: AuditContext) -> Iterator[Finding]:
        cl = self.checklist
        state = ctx.checklists
        if state is None or cl.id not in state.scope:
            yield self.meta.finding(
                Status.SKIP,
                cl.name.en,
                f"not among your platforms; add '{cl.id}' to checklists.platforms to include it",
            )
            return
        now = ctx.clock()
        for item in cl.items:
            deferred = self._deferred(item, ctx)
            if deferred is not None:
                yield deferred
                continue
            recorded = state.answers.get(cl.id, item.id)
            fresh = freshness(recorded, now, state.stale_after)
            yield self._finding(item, recorded, fresh, state.lang, state.stale_after.days)

    def _deferred(self, item: Item, ctx: AuditContext) -> Finding | None:
        """A 2-step-login question about an audited account is answered in MFA101.

        The answer still counts (it feeds the account's MFA status, merge.py), but
        only one place reports it, so the report cannot call 2FA both on and off.
        """
        if not {LOGIN_2FA_TAG, EMAIL_2FA_TAG} & set(item.tags):
            return None
        state = ctx.checklists
        covered = [a.subject for a in ctx.accounts if item_covers(self.checklist, item, a, state)]
        if not covered:
            return None
        return self.meta.finding(
            Status.SKIP,
            f"{self.checklist.name.en}: {item.id}",
            f"reported with the account's 2FA status (MFA101): {name_list(covered)}",
            details={"platform": self.checklist.id, "item": item.id, "deferred_to": "MFA101"},
        )

    def _finding(
        self, item: Item, recorded: Recorded | None, fresh: Freshness, lang: str, days: int
    ) -> Finding:
        cl = self.checklist
        question, why = item.question.get(lang), item.why.get(lang)
        details: dict[str, DetailValue] = {
            "platform": cl.id,
            "item": item.id,
            "link": item.link,
            "tags": ",".join(item.tags),
            "audience": item.audience.value,
            "answer": None,
            "answered_at": None,
        }
        if recorded is not None:
            details["answer"] = recorded.answer.value
            details["answered_at"] = recorded.at.astimezone(UTC).date().isoformat()
        subject = f"{cl.name.en}: {item.id}"
        if recorded is None or fresh is not Freshness.FRESH:
            note = (
                "not answered yet"
                if recorded is None
                else f"answer from {details['answered_at']} is over {days} days old: confirm it"
            )
            status, message = Status.UNANSWERED, f"{question} Why: {why} ({note})"
        else:
            status = _STATUS[recorded.answer]
            message = _answered(recorded.answer, question, why)
        return self.meta.finding(
            status,
            subject,
            message,
            severity=item.severity,
            fix=fix_text(item, lang),
            details=details,
        )


def _builtin_class(checklist: Checklist) -> type[ChecklistCheck]:
    # The registry instantiates built-ins with no arguments: one class per checklist.
    attrs = {"checklist": checklist, "meta": meta_for(checklist), "__doc__": checklist.name.en}
    return type(f"Checklist_{checklist.check_id}", (ChecklistCheck,), attrs)


CHECKLIST_CHECKS: tuple[type[ChecklistCheck], ...] = tuple(
    _builtin_class(cl) for cl in builtin_checklists()
)


def _answered(answer: Answer, question: str, why: str) -> str:
    match answer:
        case Answer.YES:
            return f"{question} Yes."
        case Answer.NO:
            return f"{question} No. {why}"
        case Answer.UNSURE:
            return f"{question} Not sure: check it. {why}"
        case Answer.NOT_APPLICABLE:
            return f"{question} Not applicable."
        case _:
            assert_never(answer)
