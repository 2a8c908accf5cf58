"""What a round of checklist answers changed in the score, for the end of `checklist run`.

The same check classes and scoring as an audit, on the chosen checklists alone, so the
figure the user sees here is the one the next report shows for those platforms.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from privaudit.checklists.model import AnswerBook, Checklist, ChecklistContext
from privaudit.checklists.texts import _
from privaudit.checks.checklist import ChecklistCheck
from privaudit.context import AuditContext
from privaudit.scoring import compute_score


def checklist_score(
    checklists: Sequence[Checklist], book: AnswerBook, stale_after: timedelta
) -> int | None:
    """0–100 over the answered items of `checklists`; None while nothing is answered."""
    checks = [ChecklistCheck(cl) for cl in checklists]
    ctx = AuditContext(
        checklists=ChecklistContext(
            answers=book,
            scope=frozenset(cl.id for cl in checklists),
            stale_after=stale_after,
            checklists=tuple(checklists),
        )
    )
    findings = [f for check in checks for f in check.run(ctx)]
    return compute_score(findings, {c.meta.id: c.meta for c in checks}).value


def score_change(before: int | None, after: int | None) -> str:
    if after is None:
        return _("Nothing answered yet, so these settings are not scored.")
    if before is None:
        text = _("Privacy-settings score for these platforms: {after}/100 (first answers).")
    elif before == after:
        text = _("Privacy-settings score for these platforms: {after}/100, unchanged.")
    else:
        text = _("Privacy-settings score for these platforms: {before} → {after}/100.")
    return text.format(before=before, after=after)
